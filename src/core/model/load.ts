// Loading a template: shape checks (zod), then the cross-references zod cannot see
// (unique ids, relations that resolve, rules that parse), then the flat views every
// other module reads (all indicators with their section and table, the sheet sections).
import { tokenProblems } from "../narrative/tokens";
import { templateHistoryIssues } from "./history";
import { identifiersOf, parseExpression, ExpressionError, type Expr } from "../expr/parse";
import type {
  Aggregation,
  ColumnDefinition,
  IndicatorDefinition,
  RuleDefinition,
  SectionOutput,
  TableDefinition,
  TargetDefinition,
  TemplateDefinition,
} from "./schema";

/** Sheet names the layout reserves for its own sheets. */
export const RESERVED_SHEETS = {
  cover: "Thông tin chung",
  targets: "Chỉ tiêu",
  units: "Đơn vị",
  meta: "_BaoCao",
  sources: "Nguồn tổng hợp",
} as const;

export interface Indicator extends IndicatorDefinition {
  aggregation: Aggregation;
  /** Id of the section the figure belongs to. */
  section: string;
  /** Id of the section that owns the sheet it is entered on (or its table's section). */
  sheetSection: string;
  table: string | null;
  perUnit: boolean;
  group?: string;
  width?: number;
}

export interface Table extends Omit<TableDefinition, "columns"> {
  section: string;
  columns: Indicator[];
}

export interface Section extends Omit<SectionOutput, "indicators" | "tables" | "children"> {
  parent: string | null;
  depth: number;
  /** The section whose sheet this section is written on. */
  sheetSection: string;
  indicators: Indicator[];
  tables: Table[];
  children: Section[];
}

export interface CompiledRule extends RuleDefinition {
  assertExpr: Expr;
  whenExpr: Expr | null;
  identifiers: string[];
}

export interface Template extends Omit<TemplateDefinition, "sections" | "rules"> {
  sections: Section[];
  rules: CompiledRule[];
  /** Every indicator in document order: section figures first within a section, then its tables. */
  indicators: Indicator[];
  indicatorById: ReadonlyMap<string, Indicator>;
  tables: Table[];
  tableById: ReadonlyMap<string, Table>;
  /** Every section, depth-first in document order. */
  allSections: Section[];
  sectionById: ReadonlyMap<string, Section>;
  /** Sections that get a sheet of their own, in order. */
  sheetSections: Section[];
  targetById: ReadonlyMap<string, TargetDefinition>;
  hasPerUnitTables: boolean;
  /** Set on a consolidated template (consolidatedTemplate): the template it was made from. */
  consolidatedFrom?: Template;
}

export interface TemplateIssue {
  path: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(
    readonly templateId: string,
    readonly issues: TemplateIssue[]
  ) {
    super(
      `Mẫu "${templateId}" không hợp lệ:\n` +
        issues.map((i) => `  - ${i.path ? i.path + ": " : ""}${i.message}`).join("\n")
    );
    this.name = "TemplateError";
  }
}

const NUMERIC = new Set(["integer", "decimal", "money", "percent"]);

export function isNumericType(type: string): boolean {
  return NUMERIC.has(type);
}

function defaultAggregation(ind: IndicatorDefinition): Aggregation {
  if (ind.aggregation) return ind.aggregation;
  if (ind.computed) return "none";
  if (ind.role === "target") return "sum";
  switch (ind.type) {
    case "integer":
    case "decimal":
    case "money":
      return "sum";
    case "percent":
      // A rate with known parts is recomputed from their totals, never summed or averaged.
      return ind.ratioOf ? "none" : "average";
    default:
      return "none";
  }
}

/**
 * A template from a definition already in the schema's output form: a template file, whose
 * schema (template-file.ts) checked every field with the same zod types and applied their
 * defaults. Parsing it again would be a second zod pass over every indicator, a third of the
 * time it takes to load a file of 300 indicators.
 */
export function loadTemplateDefinition(def: TemplateDefinition): Template {
  const issues: TemplateIssue[] = [];
  const built = build(def, issues);
  checkReferences(built, issues);
  issues.push(...templateHistoryIssues(built));
  if (issues.length > 0) throw new TemplateError(def.id, issues);
  return built;
}

function build(def: TemplateDefinition, issues: TemplateIssue[]): Template {
  const indicators: Indicator[] = [];
  const tables: Table[] = [];
  const allSections: Section[] = [];
  const sheetSections: Section[] = [];

  const getsSheet = (s: SectionOutput, parent: SectionOutput | null): boolean => {
    if (s.level === "part") return !s.children.some((c) => c.level === "roman");
    return parent === null || parent.level === "part";
  };

  const toIndicator = (
    d: IndicatorDefinition | ColumnDefinition,
    section: string,
    sheetSection: string,
    table: TableDefinition | null
  ): Indicator => ({
    ...d,
    aggregation: defaultAggregation(d),
    section,
    sheetSection,
    table: table?.id ?? null,
    perUnit: table?.kind === "perUnit",
  });

  const visit = (
    s: SectionOutput,
    parent: SectionOutput | null,
    depth: number,
    sheetOwner: string | null
  ): Section => {
    const ownsSheet = sheetOwner === null && getsSheet(s, parent);
    const sheetSection = ownsSheet ? s.id : (sheetOwner ?? s.id);
    if (ownsSheet && !s.sheetName) {
      issues.push({
        path: `sections(${s.id})`,
        message: "mục cấp cao nhất cần có sheetName (tên trang tính)",
      });
    }
    const section: Section = {
      ...s,
      parent: parent?.id ?? null,
      depth,
      sheetSection,
      indicators: [],
      tables: [],
      children: [],
    };
    allSections.push(section);
    if (ownsSheet) sheetSections.push(section);
    section.indicators = s.indicators.map((d) => toIndicator(d, s.id, sheetSection, null));
    indicators.push(...section.indicators);
    section.tables = s.tables.map((t) => {
      const table: Table = {
        ...t,
        section: s.id,
        columns: t.columns.map((c) => toIndicator(c, s.id, sheetSection, t)),
      };
      indicators.push(...table.columns);
      tables.push(table);
      return table;
    });
    section.children = s.children.map((c) =>
      visit(c, s, depth + 1, ownsSheet || sheetOwner !== null ? sheetSection : null)
    );
    if (!ownsSheet && sheetOwner === null) {
      // A PHẦN grouping roman sections: its heading is written atop its first section's sheet.
      if (s.indicators.length > 0 || s.tables.length > 0) {
        issues.push({
          path: `sections(${s.id})`,
          message:
            "PHẦN có các mục La Mã con không chứa chỉ số hay bảng trực tiếp; đặt chúng vào mục con",
        });
      }
      section.sheetSection = section.children[0]?.sheetSection ?? s.id;
    }
    return section;
  };

  const sections = def.sections.map((s) => visit(s, null, 0, null));

  const rules: CompiledRule[] = [];
  def.rules.forEach((r, i) => {
    try {
      const assertExpr = parseExpression(r.assert);
      const whenExpr = r.when ? parseExpression(r.when) : null;
      const identifiers = [
        ...new Set([...identifiersOf(assertExpr), ...(whenExpr ? identifiersOf(whenExpr) : [])]),
      ];
      rules.push({ ...r, assertExpr, whenExpr, identifiers });
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      issues.push({
        path: `rules[${i}](${r.id})`,
        message: `biểu thức lỗi: ${e.message}; viết biểu thức bằng mã chỉ số, vd. "da_giai_quyet <= don_nhan"`,
      });
    }
  });

  return {
    ...def,
    sections,
    rules,
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
    tables,
    tableById: new Map(tables.map((t) => [t.id, t])),
    allSections,
    sectionById: new Map(allSections.map((s) => [s.id, s])),
    sheetSections,
    targetById: new Map(def.targets.map((t) => [t.id, t])),
    hasPerUnitTables: tables.some((t) => t.kind === "perUnit"),
  };
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function checkReferences(t: Template, issues: TemplateIssue[]): void {
  const push = (path: string, message: string) => issues.push({ path, message });

  for (const d of duplicates(t.allSections.map((s) => s.id)))
    push(`sections(${d})`, "mã mục bị trùng");
  for (const d of duplicates(t.tables.map((x) => x.id))) push(`tables(${d})`, "mã bảng bị trùng");
  for (const d of duplicates([...t.indicators.map((i) => i.id), ...t.targets.map((x) => x.id)])) {
    push(
      `indicators(${d})`,
      "mã chỉ số/chỉ tiêu bị trùng (chỉ số và chỉ tiêu dùng chung một bộ mã); đổi một trong hai mã"
    );
  }
  for (const d of duplicates(t.rules.map((r) => r.id))) push(`rules(${d})`, "mã quy tắc bị trùng");

  const sheetNames = [
    ...Object.values(RESERVED_SHEETS),
    ...t.sheetSections.map((s) => s.sheetName ?? ""),
    ...t.tables.map((x) => x.sheetName),
  ].map((n) => n.toLocaleLowerCase("vi"));
  for (const d of duplicates(sheetNames))
    push(`sheetName(${d})`, "tên trang tính bị trùng (Excel không phân biệt hoa thường)");

  for (const table of t.tables) {
    const path = `tables(${table.id})`;
    if (table.kind === "fixed" && !(table.rows && table.rows.length > 0))
      push(path, "bảng dòng cố định cần có rows");
    if (table.kind !== "fixed" && table.rows)
      push(path, "chỉ bảng dòng cố định (fixed) mới có rows");
    if (table.kind === "perUnit" && !t.units) push(path, "bảng theo đơn vị cần phần units của mẫu");
    if (table.kind === "list" && table.total)
      push(path, "bảng danh sách (list) không có dòng tổng: đặt total: false");
    if (table.rows) {
      for (const d of duplicates(table.rows.map((r) => r.id)))
        push(`${path}.rows(${d})`, "mã dòng bị trùng");
    }
  }

  for (const ind of t.indicators) {
    const path = `indicators(${ind.id})`;
    const numeric = isNumericType(ind.type);
    if (ind.min !== null && ind.max !== null && ind.min > ind.max) push(path, "min lớn hơn max");
    if (!numeric && (ind.min !== null || ind.max !== null) && ind.type !== "date") {
      push(path, `kiểu ${ind.type} không có min/max`);
    }
    if (!numeric && ind.aggregation !== "none" && ind.aggregation !== "last") {
      push(path, `kiểu ${ind.type} chỉ tổng hợp theo "none" hoặc "last"`);
    }
    if (ind.computed && !(ind.ratioOf && ind.type === "percent")) {
      push(
        `${path}.computed`,
        'chỉ số tính sẵn (computed) phải là tỷ lệ percent có ratioOf; thêm "ratioOf": {"part": "<mã số đếm phần>", "whole": "<mã số đếm tổng>"}, hoặc bỏ computed'
      );
    }
    // Relation problems are reported at the field (indicators(x).partOf), with what to write.
    const sameScope = (otherId: string, what: string): Indicator | undefined => {
      const other = t.indicatorById.get(otherId);
      if (!other) {
        if (!(what === "target" && t.targetById.has(otherId)))
          push(
            `${path}.${what}`,
            `${what} trỏ tới "${otherId}" không tồn tại; viết mã một chỉ số kiểu số đã khai báo, hoặc bỏ ${what}`
          );
        return undefined;
      }
      if (!isNumericType(other.type))
        push(
          `${path}.${what}`,
          `${what} trỏ tới "${otherId}" không phải số (kiểu ${other.type}); trỏ vào một chỉ số kiểu integer, decimal, money hoặc percent`
        );
      if (other.table !== ind.table) {
        push(
          `${path}.${what}`,
          `${what} trỏ tới "${otherId}" phải cùng bảng (so sánh theo từng dòng); chọn một cột cùng bảng`
        );
      }
      return other;
    };
    if (ind.partOf) {
      if (!numeric) push(`${path}.partOf`, "partOf chỉ dùng cho chỉ số kiểu số; bỏ partOf");
      if (ind.partOf === ind.id)
        push(`${path}.partOf`, "partOf không được trỏ vào chính nó; viết mã của tổng chứa nó");
      sameScope(ind.partOf, "partOf");
    }
    if (ind.target) {
      if (!numeric) push(`${path}.target`, "target chỉ dùng cho chỉ số kiểu số; bỏ target");
      const target = t.targetById.get(ind.target);
      if (target && ind.table)
        push(
          `${path}.target`,
          "chỉ số trong bảng dùng cột chỉ tiêu cùng bảng, không dùng chỉ tiêu chung"
        );
      if (!target) sameScope(ind.target, "target");
    }
    if (ind.ratioOf) {
      if (ind.type !== "percent")
        push(`${path}.ratioOf`, 'ratioOf chỉ dùng cho tỷ lệ; đặt "type": "percent"');
      sameScope(ind.ratioOf.part, "ratioOf.part");
      sameScope(ind.ratioOf.whole, "ratioOf.whole");
    }
  }

  // partOf chains must end at a whole: a cycle (a ≤ b ≤ a) has none. Reported once per cycle.
  const inCycle = new Set<string>();
  for (const start of t.indicators) {
    const chain: string[] = [];
    let cur: Indicator | undefined = start;
    while (cur?.partOf && !chain.includes(cur.id) && !inCycle.has(cur.id)) {
      chain.push(cur.id);
      cur = t.indicatorById.get(cur.partOf);
    }
    if (!cur || !chain.includes(cur.id) || cur.partOf === cur.id) continue;
    const cycle = chain.slice(chain.indexOf(cur.id));
    cycle.forEach((x) => inCycle.add(x));
    push(
      `indicators(${cur.id}).partOf`,
      `partOf tạo thành vòng ${[...cycle, cur.id].join(" → ")}: một phần không thể chứa tổng của nó; bỏ partOf ở một chỉ số trong vòng`
    );
  }

  for (const target of t.targets) {
    if (!target.indicator) continue;
    const ind = t.indicatorById.get(target.indicator);
    if (!ind) push(`targets(${target.id})`, `indicator "${target.indicator}" không tồn tại`);
    else if (!isNumericType(ind.type))
      push(`targets(${target.id})`, `indicator "${target.indicator}" không phải số`);
    else if (ind.table && !ind.perUnit) {
      push(
        `targets(${target.id})`,
        `indicator "${target.indicator}" nằm trong bảng dòng cố định; chỉ tiêu chung cần chỉ số đơn hoặc theo đơn vị`
      );
    }
  }
  if (t.carryTasks) {
    for (const sid of [t.carryTasks.from, ...t.carryTasks.to]) {
      if (!t.sectionById.has(sid)) push(`carryTasks(${sid})`, "không có mục mang mã này");
    }
  }
  for (const section of t.allSections) {
    if (section.sheetName && section.sheetSection !== section.id) {
      push(`sections(${section.id})`, "chỉ mục có trang tính riêng mới có sheetName");
    }
  }

  for (const section of t.allSections) {
    for (const d of duplicates(section.sentences.map((x) => x.id))) {
      push(`sections(${section.id}).sentences(${d})`, "mã câu bị trùng trong mục");
    }
    for (const sentence of section.sentences) {
      for (const problem of tokenProblems(t, sentence.text, true)) {
        push(`sections(${section.id}).sentences(${sentence.id}).text`, problem);
      }
    }
  }

  for (const rule of t.rules) {
    const path = `rules(${rule.id})`;
    for (const name of rule.identifiers) {
      const ind = t.indicatorById.get(name);
      if (!ind)
        push(
          path,
          `biểu thức dùng "${name}" không phải mã chỉ số; dùng mã một chỉ số kiểu số của mẫu`
        );
      else if (!isNumericType(ind.type))
        push(path, `biểu thức dùng "${name}" không phải chỉ số kiểu số`);
      else if (rule.scope === "perUnit" && !ind.perUnit)
        push(path, `quy tắc theo đơn vị dùng "${name}" không nhập theo đơn vị`);
      else if (rule.scope === "values" && ind.table && !ind.perUnit) {
        push(path, `"${name}" nằm trong bảng dòng cố định, không dùng được trong quy tắc chung`);
      }
    }
  }
}
