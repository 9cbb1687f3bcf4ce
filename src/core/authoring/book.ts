// The authoring workbook as plain data: what `baocao template export` writes and the pane could
// show. Each list of the template file is a sheet with one item per row (sheets.ts says which
// columns); every column carries its guidance and the check Excel applies as it is typed. The
// xlsx adapter only renders this model.
import type { Template } from "../model/load";
import { templateToFile, type TemplateFileInput } from "../model/template-file";
import { ALL_CHOICE_LISTS, YES_NO, choiceLabel, type ChoiceList } from "./choices";
import {
  FIRST_ROW,
  GUIDE_ROW,
  HEADER_ROW,
  SHEET,
  SHEETS,
  type Field,
  type SheetSpec,
} from "./sheets";
import { columnLetter } from "./cells";

export type Cell = string | number | boolean | null;

/** A check Excel applies to the cells of a range as they are typed. */
export type CellCheck =
  /** A dropdown: the values are in `source` (a range of another sheet). */
  | { kind: "list"; source: string; name: string; strict: boolean }
  | { kind: "whole"; min: number; max: number }
  | { kind: "decimal"; min?: number; max?: number };

export interface BookColumn {
  header: string;
  /** Guidance on what to write, shown in the guidance row and the header's note. */
  help: string;
  example?: string;
  width: number;
  /** Kept as text (codes, versions, numbering): Excel must not turn "1.0" or "01" into numbers. */
  text: boolean;
}

export interface BookSheet {
  name: string;
  hidden: boolean;
  columns: BookColumn[];
  /** The whole grid from A1: header row, guidance row, then one item per row. */
  cells: Cell[][];
  /** Ranges of this sheet ("D3:D1002"), the check each carries, and the guidance Excel shows
   * when one of its cells is selected. */
  checks: { ref: string; check: CellCheck | null; title: string; help: string }[];
  /** Rows at the top kept in view while scrolling. */
  frozenRows: number;
}

export interface AuthoringBook {
  sheets: BookSheet[];
}

/** How many rows below the last item still carry the dropdowns, for items the author adds. */
const SPARE_ROWS = 500;

type Flat = Record<string, unknown>;

function get(o: unknown, key: string): unknown {
  let node = o;
  for (const k of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[k];
  }
  return node;
}

/** A field's value as the cell shows it (labels for codes, có/không, lists joined). */
export function cellValue(field: Field, value: unknown): Cell {
  if (value === undefined || value === null || value === "") return null;
  switch (field.kind) {
    case "bool":
      return choiceLabel(YES_NO, String(value));
    case "choice":
      return choiceLabel(field.choices!, String(value));
    case "choices":
      return (value as string[]).map((c) => choiceLabel(field.choices!, c)).join(", ") || null;
    case "ids":
      return Array.isArray(value) ? value.join(", ") || null : String(value);
    case "lines":
      return (value as string[]).join("\n") || null;
    case "number":
    case "whole":
      return typeof value === "number" ? value : String(value);
    default:
      return String(value);
  }
}

/** The rows of each list of a template file, flattened to the sheets' field keys. */
function flatItems(file: TemplateFileInput): Record<SheetSpec["list"], Flat[]> {
  const settings: Flat = {};
  for (const f of SHEETS[0].fields) settings[f.key] = get(file, f.key);
  if (file.preamble) settings["preamble.required"] = file.preamble.required ?? false;
  return {
    settings: [settings],
    sections: file.sections.map((s) => {
      const text = s.text ?? (s.hasText ? {} : null);
      // The text slot is one yes/no column and three columns of its own (flat keys, not a path).
      return {
        ...s,
        text: {
          has: text !== null,
          required: text ? (text.required ?? false) : undefined,
          label: text?.label,
          example: text?.example,
        },
      };
    }),
    sentences: file.sections.flatMap((s) =>
      (s.sentences ?? []).map((x) => ({ ...x, section: s.id }))
    ),
    tables: (file.tables ?? []) as Flat[],
    rows: (file.tables ?? []).flatMap((t) => (t.rows ?? []).map((r) => ({ ...r, table: t.id }))),
    indicators: (file.indicators ?? []) as Flat[],
    targets: (file.targets ?? []) as Flat[],
    rules: (file.rules ?? []) as Flat[],
    units: (file.units?.defaults ?? []) as Flat[],
    history: (file.history ?? []).flatMap((v) => {
      const changes = v.changes ?? [];
      if (changes.length === 0) return [{ version: v.version, note: v.note }];
      return changes.map((c, j) => {
        const from = "from" in c ? c.from : c.id;
        const to = "into" in c ? c.into : "to" in c ? c.to : undefined;
        return {
          version: v.version,
          note: j === 0 ? v.note : undefined,
          kind: c.kind,
          id: from,
          to,
          carryTo: "carryTo" in c ? c.carryTo : undefined,
        };
      });
    }),
  };
}

/** The hidden sheet listing every dropdown's values, one list per column. */
function listSheet(): { sheet: BookSheet; source: Map<ChoiceList, string> } {
  const source = new Map<ChoiceList, string>();
  const height = Math.max(...ALL_CHOICE_LISTS.map((l) => l.choices.length)) + 1;
  const cells: Cell[][] = Array.from({ length: height }, () => ALL_CHOICE_LISTS.map(() => null));
  ALL_CHOICE_LISTS.forEach((l, c) => {
    cells[0][c] = l.name;
    l.choices.forEach((x, r) => (cells[r + 1][c] = x.label));
    const col = columnLetter(c);
    source.set(l, `'${SHEET.lists}'!$${col}$2:$${col}$${l.choices.length + 1}`);
  });
  return {
    sheet: {
      name: SHEET.lists,
      hidden: true,
      columns: ALL_CHOICE_LISTS.map((l) => ({ header: l.name, help: "", width: 20, text: true })),
      cells,
      checks: [],
      frozenRows: 1,
    },
    source,
  };
}

function checkOf(field: Field, source: Map<ChoiceList, string>): CellCheck | undefined {
  if (field.kind === "bool")
    return { kind: "list", source: source.get(YES_NO)!, name: YES_NO.name, strict: true };
  if (field.kind === "choice")
    return {
      kind: "list",
      source: source.get(field.choices!)!,
      name: field.choices!.name,
      strict: true,
    };
  if (field.ref)
    // Not strict: an author may write the id of an item before adding its row; build checks it.
    return {
      kind: "list",
      source: `'${field.ref}'!$A$${FIRST_ROW}:$A$${FIRST_ROW + 2000}`,
      name: field.ref,
      strict: false,
    };
  if (field.kind === "whole") return { kind: "whole", min: field.min ?? 0, max: field.max ?? 1e9 };
  if (field.kind === "number") return { kind: "decimal", min: field.min, max: field.max };
  return undefined;
}

const isText = (f: Field) => f.kind === "id" || f.kind === "text" || f.kind === "ids";

/** The guidance row's text for a column (also Excel's input message). */
export function guidance(f: Field): string {
  const help = f.help.charAt(0).toUpperCase() + f.help.slice(1);
  return (f.required ? "Bắt buộc. " : "") + help + (f.example ? ` (vd. ${f.example})` : "");
}

/** The authoring workbook of a template: its file's lists as sheets, one item per row. */
export function authoringBook(template: Template | TemplateFileInput): AuthoringBook {
  const file = "allSections" in template ? templateToFile(template) : template;
  const items = flatItems(file);
  const lists = listSheet();
  const sheets: BookSheet[] = [];
  for (const spec of SHEETS) {
    if (spec.list === "settings") {
      // One item: a field per row, its value in column B, so long texts read down the page.
      const cells: Cell[][] = [
        ["Trường", "Giá trị", "Hướng dẫn"],
        [spec.about, null, null],
      ];
      const checks: BookSheet["checks"] = [];
      spec.fields.forEach((f, i) => {
        cells.push([f.header, cellValue(f, items.settings[0][f.key]), guidance(f)]);
        checks.push({
          ref: `B${FIRST_ROW + i}`,
          check: checkOf(f, lists.source) ?? null,
          title: f.header,
          help: guidance(f),
        });
      });
      sheets.push({
        name: spec.name,
        hidden: false,
        columns: [
          { header: "Trường", help: "tên mục cài đặt (không sửa)", width: 30, text: true },
          { header: "Giá trị", help: "ghi giá trị ở cột này", width: 60, text: true },
          { header: "Hướng dẫn", help: "", width: 70, text: true },
        ],
        cells,
        checks,
        frozenRows: GUIDE_ROW,
      });
      continue;
    }
    const rows = items[spec.list];
    const last = FIRST_ROW + rows.length + SPARE_ROWS - 1;
    const cells: Cell[][] = [spec.fields.map((f) => f.header), spec.fields.map(guidance)];
    for (const item of rows) cells.push(spec.fields.map((f) => cellValue(f, get(item, f.key))));
    const checks: BookSheet["checks"] = [];
    spec.fields.forEach((f, c) => {
      const col = columnLetter(c);
      checks.push({
        ref: `${col}${FIRST_ROW}:${col}${last}`,
        check: checkOf(f, lists.source) ?? null,
        title: f.header,
        help: guidance(f),
      });
    });
    sheets.push({
      name: spec.name,
      hidden: false,
      columns: spec.fields.map((f) => ({
        header: f.header,
        help: guidance(f),
        example: f.example,
        width: f.width ?? 16,
        text: isText(f),
      })),
      cells,
      checks,
      frozenRows: GUIDE_ROW,
    });
  }
  sheets.push(lists.sheet);
  return { sheets };
}

export { HEADER_ROW };
