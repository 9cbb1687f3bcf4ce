// A template file: the JSON `baocao templates --json` prints for one template (contract.ts), read
// back through the same loader as the built-in templates (load.ts). The file is flat, as the
// contract prints it and as an author lists things: sections name their parent, tables and
// indicators their section. Fields derived from the rest (definedName, perUnit, hasText, a table's
// columns) may be left out; when given they must agree, so a stale copy is caught, not trusted.
// Every problem is reported at its JSON path in the file ("indicators[5](x).partOf").
import { z } from "zod";
import { templateContract } from "./contract";
import { loadTemplateDefinition, TemplateError, type Template, type TemplateIssue } from "./load";
import { zodIssues } from "./load-checked";
import {
  columnSchema,
  ruleSchema,
  SECTION_LEVELS,
  sentenceSchema,
  tableSchema,
  targetSchema,
  templateSchema,
  type SectionInput,
  type TemplateDefinition,
  type TemplateInput,
} from "./schema";

const id = columnSchema.shape.id;
const label = columnSchema.shape.label;
const sheetName = tableSchema.shape.sheetName;
/** English and optional texts print as null in the contract when absent. */
const optionalText = z.string().nullable().optional();

const fileIndicatorSchema = columnSchema
  .extend({
    labelEn: optionalText,
    /** The section the figure belongs to (for a table column: the table's section). */
    section: id,
    table: id.nullable().default(null),
    perUnit: z.boolean().optional(),
    definedName: z.string().optional(),
  })
  .strict();

const fileSectionSchema = z
  .object({
    id,
    number: z.string(),
    level: z.enum(SECTION_LEVELS),
    heading: label,
    headingEn: optionalText,
    prompt: optionalText,
    promptEn: optionalText,
    parent: id.nullable().default(null),
    sheet: sheetName.nullable().default(null),
    hasText: z.boolean().optional(),
    text: z
      .object({
        required: z.boolean().default(false),
        label: z.string().optional(),
        example: z.string().optional(),
      })
      .strict()
      .nullable()
      .optional(),
    sentences: z.array(sentenceSchema).default([]),
  })
  .strict();

const fileTableSchema = tableSchema
  .omit({ columns: true, sheetName: true, rows: true })
  .extend({
    titleEn: optionalText,
    section: id,
    sheet: sheetName,
    rows: z
      .array(z.object({ id, label, labelEn: optionalText }).strict())
      .nullable()
      .default(null),
    columns: z.array(id).optional(),
  })
  .strict();

const fileTargetSchema = targetSchema.extend({ labelEn: optionalText }).strict();
const fileRuleSchema = ruleSchema.extend({ when: optionalText, messageEn: optionalText }).strict();

export const templateFileSchema = templateSchema
  .omit({ sections: true, targets: true, rules: true })
  .extend({
    $schema: z.string().optional(),
    titleEn: optionalText,
    descriptionEn: optionalText,
    source: optionalText,
    sections: z.array(fileSectionSchema).min(1),
    tables: z.array(fileTableSchema).default([]),
    indicators: z.array(fileIndicatorSchema).default([]),
    targets: z.array(fileTargetSchema).default([]),
    rules: z.array(fileRuleSchema).default([]),
  })
  .strict();

export type TemplateFile = z.output<typeof templateFileSchema>;
export type TemplateFileInput = z.input<typeof templateFileSchema>;

/** The file a template prints as (one element of `baocao templates --json`). */
export function templateToFile(t: Template): TemplateFileInput {
  // The contract is the file format; the round trip through JSON drops its undefined fields.
  return JSON.parse(JSON.stringify(templateContract(t))) as TemplateFileInput;
}

/** Drops undefined and null values of the keys given (optional texts the contract prints as null). */
function compact<T extends Record<string, unknown>>(o: T, nullable: string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (v === null && nullable.includes(k)) continue;
    out[k] = v;
  }
  return out as T;
}

const OPTIONAL_TEXTS = [
  "titleEn",
  "descriptionEn",
  "source",
  "labelEn",
  "headingEn",
  "prompt",
  "promptEn",
  "when",
  "messageEn",
];

const VI = z.locales.vi();
const SHAPE_HINTS: Partial<Record<z.core.$ZodIssue["code"], string>> = {
  unrecognized_keys:
    "; xoá khóa này hoặc sửa lỗi chính tả (các khóa dùng được: src/core/model/template-file.schema.json)",
  invalid_type: "; xem kiểu của trường này trong src/core/model/template-file.schema.json",
};

function listIds(ids: string[]): string {
  const shown = ids.slice(0, 8).map((x) => `"${x}"`);
  return shown.join(", ") + (ids.length > 8 ? ", …" : "");
}

/** Parses and checks a template file; throws TemplateError whose issues name JSON paths in it. */
export function loadTemplateFile(
  raw: unknown,
  /** Given the checked definition, before it is built (to compile built-ins ahead of time). */
  onDefinition?: (definition: TemplateDefinition) => void
): Template {
  const rawId =
    raw && typeof raw === "object" && "id" in raw
      ? String((raw as { id: unknown }).id)
      : "(không có mã)";
  // The file is written by people: zod's own messages in Vietnamese, and a fix for the usual slips.
  // The Vietnamese error map makes zod take its slower path (2.5× on a file of 300 indicators):
  // it is used only to word the errors of a file that fails.
  let parsed = templateFileSchema.safeParse(raw);
  if (!parsed.success) parsed = templateFileSchema.safeParse(raw, { error: VI.localeError });
  if (!parsed.success) {
    const issues = zodIssues(parsed.error, raw).map((x, i) => ({
      ...x,
      message: x.message + (SHAPE_HINTS[parsed.error.issues[i].code] ?? ""),
    }));
    throw new TemplateError(rawId, issues);
  }
  const file = parsed.data;
  const issues: TemplateIssue[] = [];
  const at = (kind: string, i: number, itemId: string, field = "") =>
    `${kind}[${i}](${itemId})${field ? "." + field : ""}`;

  // Ids: the first occurrence is the one kept; later ones are reported where they are.
  const indexOf = (kind: string, items: { id: string }[]): Map<string, number> => {
    const map = new Map<string, number>();
    items.forEach((x, i) => {
      const first = map.get(x.id);
      if (first === undefined) map.set(x.id, i);
      else
        issues.push({
          path: at(kind, i, x.id, "id"),
          message: `mã "${x.id}" đã dùng ở ${kind}[${first}]; đặt một mã khác chưa dùng`,
        });
    });
    return map;
  };
  const sectionIdx = indexOf("sections", file.sections);
  const tableIdx = indexOf("tables", file.tables);
  const indicatorIdx = indexOf("indicators", file.indicators);
  const targetIdx = indexOf("targets", file.targets);
  const ruleIdx = indexOf("rules", file.rules);
  const sectionIds = [...sectionIdx.keys()];
  const knownSection = (kind: string, i: number, itemId: string, sid: string): boolean => {
    if (sectionIdx.has(sid)) return true;
    issues.push({
      path: at(kind, i, itemId, "section"),
      message: `không có mục "${sid}"; viết mã một mục trong "sections": ${listIds(sectionIds)}`,
    });
    return false;
  };

  // Sections: parents must exist and form a tree (a cycle would never reach a top-level section).
  file.sections.forEach((s, i) => {
    if (s.parent === null) return;
    if (s.parent === s.id)
      issues.push({
        path: at("sections", i, s.id, "parent"),
        message: `mục không thể là mục cha của chính nó; viết mã mục chứa nó, hoặc null nếu là mục cấp cao nhất`,
      });
    else if (!sectionIdx.has(s.parent))
      issues.push({
        path: at("sections", i, s.id, "parent"),
        message: `không có mục "${s.parent}"; viết mã một mục trong "sections" (${listIds(sectionIds)}), hoặc null nếu là mục cấp cao nhất`,
      });
  });
  const childrenOf = new Map<string | null, typeof file.sections>();
  for (const s of file.sections) {
    if (sectionIdx.get(s.id) !== file.sections.indexOf(s)) continue;
    const list = childrenOf.get(s.parent) ?? [];
    list.push(s);
    childrenOf.set(s.parent, list);
  }
  const reached = new Set<string>();
  const reach = (parent: string | null) => {
    for (const c of childrenOf.get(parent) ?? []) {
      if (reached.has(c.id)) continue;
      reached.add(c.id);
      reach(c.id);
    }
  };
  reach(null);
  file.sections.forEach((s, i) => {
    if (reached.has(s.id) || s.parent === s.id || !sectionIdx.has(s.parent ?? "")) return;
    if (sectionIdx.get(s.id) !== i) return;
    issues.push({
      path: at("sections", i, s.id, "parent"),
      message:
        "các mục cha tạo thành vòng (mục này nằm trong chính nó); một mục trong vòng phải có parent là null hoặc một mục ngoài vòng",
    });
  });

  // Tables and indicators: their section (and an indicator's table) must exist and agree.
  file.tables.forEach((t, i) => knownSection("tables", i, t.id, t.section));
  const columnsOf = new Map<string, string[]>();
  file.indicators.forEach((ind, i) => {
    if (!knownSection("indicators", i, ind.id, ind.section)) return;
    if (ind.table === null) {
      for (const field of ["group", "width"] as const) {
        if (ind[field] !== undefined)
          issues.push({
            path: at("indicators", i, ind.id, field),
            message: `${field} chỉ dùng cho cột của bảng; bỏ ${field}, hoặc ghi "table"`,
          });
      }
      return;
    }
    const ti = tableIdx.get(ind.table);
    if (ti === undefined) {
      issues.push({
        path: at("indicators", i, ind.id, "table"),
        message: `không có bảng "${ind.table}"; viết mã một bảng trong "tables" (${listIds([...tableIdx.keys()])}), hoặc null nếu chỉ số không thuộc bảng`,
      });
      return;
    }
    const table = file.tables[ti];
    if (table.section !== ind.section) {
      issues.push({
        path: at("indicators", i, ind.id, "section"),
        message: `bảng "${table.id}" thuộc mục "${table.section}"; ghi "section": "${table.section}"`,
      });
    }
    columnsOf.set(table.id, [...(columnsOf.get(table.id) ?? []), ind.id]);
  });
  file.tables.forEach((t, i) => {
    const cols = columnsOf.get(t.id) ?? [];
    if (cols.length === 0 && sectionIdx.has(t.section))
      issues.push({
        path: at("tables", i, t.id),
        message: `bảng chưa có cột nào; thêm vào "indicators" các chỉ số có "table": "${t.id}"`,
      });
    else if (t.columns && t.columns.join("\n") !== cols.join("\n"))
      issues.push({
        path: at("tables", i, t.id, "columns"),
        message: `không khớp các chỉ số có "table": "${t.id}" (theo thứ tự: ${listIds(cols)}); sửa cho khớp hoặc bỏ columns`,
      });
  });
  file.sections.forEach((s, i) => {
    if (s.hasText !== undefined && s.text !== undefined && s.hasText !== (s.text !== null))
      issues.push({
        path: at("sections", i, s.id, "hasText"),
        message: `hasText là ${String(s.hasText)} nhưng text ${s.text === null ? "là null" : "có nội dung"}; bỏ hasText hoặc sửa cho khớp`,
      });
  });
  if (issues.length > 0) throw new TemplateError(file.id, issues);

  // Nest the flat lists into the authoring model and load it like a built-in template.
  const toSection = (s: (typeof file.sections)[number]): SectionInput => {
    const { parent: _p, sheet, hasText, text, ...rest } = s;
    return compact(
      {
        ...rest,
        sheetName: sheet ?? undefined,
        text: text !== undefined ? text : hasText ? { required: false } : null,
        indicators: file.indicators
          .filter((x) => x.section === s.id && x.table === null)
          .map(toIndicator),
        tables: file.tables.filter((t) => t.section === s.id).map(toTable),
        children: (childrenOf.get(s.id) ?? []).map(toSection),
      },
      OPTIONAL_TEXTS
    ) as SectionInput;
  };
  const toIndicator = (x: (typeof file.indicators)[number]) => {
    const { section: _s, table: _t, perUnit: _u, definedName: _d, ...rest } = x;
    return compact(rest, OPTIONAL_TEXTS);
  };
  const toTable = (t: (typeof file.tables)[number]) => {
    const { section: _s, sheet, columns: _c, rows, ...rest } = t;
    return compact(
      {
        ...rest,
        sheetName: sheet,
        rows: rows?.map((r) => compact(r, OPTIONAL_TEXTS)),
        columns: file.indicators.filter((x) => x.table === t.id).map(toIndicator),
      },
      OPTIONAL_TEXTS
    );
  };
  const { $schema: _schema, tables: _t, indicators: _i, ...top } = file;
  const input = compact(
    {
      ...top,
      sections: (childrenOf.get(null) ?? []).map(toSection),
      targets: file.targets.map((x) => compact(x, OPTIONAL_TEXTS)),
      rules: file.rules.map((x) => compact(x, OPTIONAL_TEXTS)),
    },
    OPTIONAL_TEXTS
  ) as TemplateInput;

  let template: Template;
  try {
    // Every field was checked, with its defaults, by the file's schema: the nested form is the
    // template schema's output, so it is not parsed again.
    onDefinition?.(input as TemplateDefinition);
    template = loadTemplateDefinition(input as TemplateDefinition);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    const locate = fileLocator(file, { sectionIdx, tableIdx, indicatorIdx, targetIdx, ruleIdx });
    throw new TemplateError(
      e.templateId,
      e.issues.map((x) => ({ ...x, path: locate(x.path) }))
    );
  }

  // Derived fields, when given, must be what the template derives.
  // (As the contract prints them: definedName is BC_ + the id. Read from the template rather
  // than by printing the whole contract, which a file without these fields never needs.)
  file.indicators.forEach((x, i) => {
    const found = template.indicatorById.get(x.id);
    const d = found && { definedName: `BC_${found.id}`, perUnit: found.perUnit };
    if (!d) return;
    if (x.definedName !== undefined && x.definedName !== d.definedName)
      issues.push({
        path: at("indicators", i, x.id, "definedName"),
        message: `tên định danh Excel của chỉ số này là "${d.definedName}" (BC_ + mã); sửa hoặc bỏ definedName`,
      });
    if (x.perUnit !== undefined && x.perUnit !== d.perUnit)
      issues.push({
        path: at("indicators", i, x.id, "perUnit"),
        message: `perUnit là ${String(d.perUnit)} (chỉ đúng khi chỉ số là cột của bảng theo đơn vị); sửa hoặc bỏ perUnit`,
      });
  });
  if (issues.length > 0) throw new TemplateError(file.id, issues);
  return template;
}

interface FileIndexes {
  sectionIdx: Map<string, number>;
  tableIdx: Map<string, number>;
  indicatorIdx: Map<string, number>;
  targetIdx: Map<string, number>;
  ruleIdx: Map<string, number>;
}

/**
 * Maps the loader's paths, which follow the nested model ("indicators(x).partOf",
 * "sections[0](a).children[1](b).tables[0](t).columns"), to the file's flat JSON paths.
 */
function fileLocator(file: TemplateFile, idx: FileIndexes): (path: string) => string {
  const byKind = (kind: string, itemId: string): string | null => {
    const lists: [string, Map<string, number>][] =
      kind === "indicators" || kind === "columns"
        ? [
            ["indicators", idx.indicatorIdx],
            ["targets", idx.targetIdx],
          ]
        : kind === "sections" || kind === "children"
          ? [["sections", idx.sectionIdx]]
          : kind === "tables"
            ? [["tables", idx.tableIdx]]
            : kind === "targets"
              ? [["targets", idx.targetIdx]]
              : kind === "rules"
                ? [["rules", idx.ruleIdx]]
                : [];
    for (const [name, map] of lists) {
      const i = map.get(itemId);
      if (i !== undefined) return `${name}[${i}](${itemId})`;
    }
    return null;
  };
  return (path) => {
    const sheet = /^sheetName\((.*)\)$/.exec(path);
    if (sheet) {
      const name = sheet[1];
      const same = (n: string | null) => n !== null && n.toLocaleLowerCase("vi") === name;
      const tables = file.tables.flatMap((t, i) => (same(t.sheet) ? [i] : []));
      const sections = file.sections.flatMap((s, i) => (same(s.sheet) ? [i] : []));
      if (tables.length > 0) {
        const i = tables[tables.length - 1];
        return `tables[${i}](${file.tables[i].id}).sheet`;
      }
      if (sections.length > 0) {
        const i = sections[sections.length - 1];
        return `sections[${i}](${file.sections[i].id}).sheet`;
      }
      return path;
    }
    // The innermost element named in the path, written "kind(id)" or "kind[i](id)".
    const re =
      /(indicators|columns|tables|sections|children|rules|targets)(?:\[\d+\])?\(([^)]*)\)/g;
    let last: RegExpExecArray | null = null;
    for (let m = re.exec(path); m; m = re.exec(path)) last = m;
    if (!last) return path;
    const base = byKind(last[1], last[2]);
    if (!base) return path;
    let rest = path.slice(last.index + last[0].length);
    const [, sectionIndex] = /^sections\[(\d+)\]/.exec(base) ?? [];
    if (sectionIndex !== undefined) {
      // Sentences are listed in the section's own entry; name them by index too.
      const section = file.sections[Number(sectionIndex)];
      rest = rest.replace(/^\.sentences\(([^)]*)\)/, (_m, sid: string) => {
        const j = section.sentences.findIndex((x) => x.id === sid);
        return j >= 0 ? `.sentences[${j}](${sid})` : `.sentences(${sid})`;
      });
    }
    if (base.startsWith("indicators") && rest.startsWith(".columns")) rest = "";
    if (base.startsWith("sections") && /^\.sheetName/.test(rest)) rest = ".sheet";
    if (base.startsWith("tables") && /^\.sheetName/.test(rest)) rest = ".sheet";
    return base + rest;
  };
}
