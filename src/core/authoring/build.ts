// From the authoring workbook's sheets back to a template file. The sheets are read into the flat
// JSON of a template file, remembering the cell each value came from; the file is then checked by
// the one loader every template goes through (loadTemplateFile), and each problem it reports at a
// JSON path ("indicators[5](x).partOf") is put back at its sheet, row and column ("Chỉ số!M8").
// Only what the JSON cannot carry is checked here: a cell that is not a number, a dropdown value
// typed by hand, a required cell left blank, a sentence or row naming a missing section or table.
import { TemplateError, type Template } from "../model/load";
import { loadTemplateFile, templateToFile, type TemplateFileInput } from "../model/template-file";
import { CHANGE_CHOICES, choiceLabels, TYPE_CHOICES } from "./choices";
import { cellText, columnLetter, parseCell, type ReadCell } from "./cells";
import {
  FIRST_ROW,
  GUIDE_ROW,
  HEADER_ROW,
  SHEET,
  SHEETS,
  type Field,
  type SheetSpec,
} from "./sheets";
import { guidance } from "./book";

/** A sheet as read from a workbook: its cells from A1, row by row. */
export interface AuthoringSheet {
  name: string;
  cells: ReadCell[][];
}

export interface AuthoringProblem {
  sheet: string;
  /** 1-based row of the workbook. */
  row: number;
  /** Column letter ("D"), as Excel shows it. */
  column: string;
  /** The column's header, so the message reads without the workbook open. */
  header: string;
  /** "Chỉ số!D14". */
  cell: string;
  message: string;
  /** The template file path the loader reported, when the problem came from it. */
  path?: string;
}

export type BuildResult =
  | { ok: true; file: TemplateFileInput; template: Template }
  | { ok: false; problems: AuthoringProblem[] };

interface Where {
  sheet: string;
  row: number;
  spec: SheetSpec;
  /** Column index of each field key in the sheet as read (settings: the row of each key). */
  at: (key: string) => { row: number; col: number } | undefined;
}

type Flat = Record<string, unknown>;

const fold = (s: string) => s.normalize("NFC").trim().toLowerCase();

function set(o: Flat, key: string, value: unknown): void {
  if (value === undefined) return;
  const parts = key.split(".");
  let node = o;
  for (const p of parts.slice(0, -1)) {
    if (typeof node[p] !== "object" || node[p] === null) node[p] = {};
    node = node[p] as Flat;
  }
  node[parts[parts.length - 1]] = value;
}

function formatProblem(p: AuthoringProblem): string {
  return `${p.cell} (${p.header}): ${p.message}`;
}

/** One line per problem: "Chỉ số!D14 (Kiểu): … ; chọn …". */
export function problemLines(problems: AuthoringProblem[]): string[] {
  return problems.map(formatProblem);
}

/** Builds a template file from the authoring workbook's sheets, or every problem found, located. */
export function buildTemplateFile(sheets: AuthoringSheet[]): BuildResult {
  const problems: AuthoringProblem[] = [];
  const problemAt = (sheet: string, row: number, col: number, header: string, message: string) => {
    const column = columnLetter(Math.max(col, 0));
    problems.push({ sheet, row, column, header, cell: `${sheet}!${column}${row}`, message });
  };
  const byName = new Map(sheets.map((s) => [fold(s.name), s]));

  // Read every sheet into flat items, each with the place it came from.
  const read: Record<SheetSpec["list"], { item: Flat; where: Where }[]> = {
    settings: [],
    sections: [],
    sentences: [],
    tables: [],
    rows: [],
    indicators: [],
    targets: [],
    rules: [],
    units: [],
    history: [],
  };
  for (const spec of SHEETS) {
    const sheet = byName.get(fold(spec.name));
    if (!sheet) {
      if (spec.list === "settings" || spec.list === "sections")
        problemAt(
          spec.name,
          1,
          0,
          spec.name,
          `thiếu trang “${spec.name}”; thêm lại trang này, chép từ sổ soạn của một mẫu có sẵn (tên trang, dòng tiêu đề cột)`
        );
      continue;
    }
    const cell = (r: number, c: number): ReadCell => sheet.cells[r - 1]?.[c];
    if (spec.list === "settings") {
      const rowOf = new Map<string, number>();
      const fieldByHeader = new Map(spec.fields.map((f) => [fold(f.header), f]));
      const item: Flat = {};
      // From the row under the headers: the guidance line names no field, so it is passed over.
      for (let r = HEADER_ROW + 1; r <= sheet.cells.length; r++) {
        const name = cellText(cell(r, 0));
        if (name === null) continue;
        const field = fieldByHeader.get(fold(name));
        if (!field) {
          if (cellText(cell(r, 1)) !== null)
            problemAt(
              spec.name,
              r,
              0,
              "Trường",
              `không có mục cài đặt “${name}”; sửa lại đúng tên ở cột A (xem danh sách trong hướng dẫn của trang) hoặc xoá dòng này`
            );
          continue;
        }
        rowOf.set(field.key, r);
        const parsed = parseCell(field, cell(r, 1));
        if (!parsed.ok) {
          problemAt(spec.name, r, 1, field.header, parsed.message);
          set(item, field.key, INVALID);
        } else set(item, field.key, parsed.value);
      }
      const lastRow = Math.max(sheet.cells.length, FIRST_ROW - 1);
      for (const f of spec.fields) {
        if (!f.required) continue;
        const r = rowOf.get(f.key);
        if (r === undefined)
          problemAt(
            spec.name,
            lastRow + 1,
            0,
            "Trường",
            `thiếu dòng “${f.header}”; thêm dòng ghi “${f.header}” ở cột A và ${f.help} ở cột B`
          );
        else if (get(item, f.key) === undefined)
          problemAt(
            spec.name,
            r,
            1,
            f.header,
            `ô này bắt buộc, đang để trống; ghi ${f.help}${f.example ? ` (vd. ${f.example})` : ""}`
          );
      }
      read.settings.push({
        item,
        where: {
          sheet: spec.name,
          row: FIRST_ROW,
          spec,
          at: (key) => {
            const r = rowOf.get(key);
            return r === undefined ? undefined : { row: r, col: 1 };
          },
        },
      });
      continue;
    }
    // A list sheet: columns found by their header, so an author may reorder or add columns.
    const headers = (sheet.cells[HEADER_ROW - 1] ?? []).map((h) => fold(cellText(h) ?? ""));
    const colOf = new Map<string, number>();
    for (const f of spec.fields) {
      const c = headers.indexOf(fold(f.header));
      if (c >= 0) colOf.set(f.key, c);
      else if (f.required)
        problemAt(
          spec.name,
          HEADER_ROW,
          headers.length,
          f.header,
          `thiếu cột “${f.header}”; thêm cột có tiêu đề đúng “${f.header}” ở dòng ${HEADER_ROW} (cột này: ${f.help})`
        );
    }
    // Items start under the guidance row; an author who deleted that row keeps the item moved up.
    const guideRow = spec.fields.some((f) => {
      const c = colOf.get(f.key);
      return c !== undefined && cellText(cell(GUIDE_ROW, c)) === guidance(f);
    });
    for (let r = guideRow ? FIRST_ROW : GUIDE_ROW; r <= sheet.cells.length; r++) {
      const values = spec.fields.map((f) => {
        const c = colOf.get(f.key);
        return c === undefined ? undefined : cell(r, c);
      });
      if (values.every((v) => cellText(v) === null)) continue;
      const item: Flat = {};
      spec.fields.forEach((f, i) => {
        const c = colOf.get(f.key);
        if (c === undefined) return;
        const parsed = parseCell(f, values[i]);
        if (!parsed.ok) {
          problemAt(spec.name, r, c, f.header, parsed.message);
          item[f.key] = INVALID;
        } else if (parsed.value === undefined && f.required) {
          problemAt(
            spec.name,
            r,
            c,
            f.header,
            `ô này bắt buộc, đang để trống; ghi ${f.help}${f.example ? ` (vd. ${f.example})` : ""}`
          );
          item[f.key] = INVALID;
        } else if (parsed.value !== undefined) item[f.key] = parsed.value;
      });
      const row = r;
      read[spec.list].push({
        item,
        where: {
          sheet: spec.name,
          row,
          spec,
          at: (key) => {
            const c = colOf.get(key);
            return c === undefined ? undefined : { row, col: c };
          },
        },
      });
    }
  }

  // Assemble the template file, remembering where each JSON item came from.
  const located = new Map<string, Where>();
  const settings = read.settings[0];
  if (!settings) return { ok: false, problems };
  located.set("", settings.where);
  const s = settings.item;
  const file: Flat = {};
  for (const [k, v] of Object.entries(s)) {
    if (!["preamble", "carryTasks", "units", "appendix"].includes(k)) file[k] = v;
  }
  const preamble = s.preamble as Flat | undefined;
  if (preamble) file.preamble = { required: preamble.required ?? false, ...preamble };
  if (s.carryTasks) file.carryTasks = s.carryTasks;
  if (s.appendix) file.appendix = s.appendix;
  if (s.units || read.units.length > 0) {
    file.units = {
      ...(s.units as Flat | undefined),
      defaults: read.units.map((x) => clean(x.item)),
    };
    read.units.forEach((x, i) => located.set(`units.defaults[${i}]`, x.where));
  }

  const sectionIds = new Set(read.sections.map((x) => x.item.id));
  const tableIds = new Set(read.tables.map((x) => x.item.id));
  file.sections = read.sections.map((x, i) => {
    located.set(`sections[${i}]`, x.where);
    const {
      "text.has": text,
      "text.required": required,
      "text.label": label,
      "text.example": example,
      ...rest
    } = x.item;
    const sentences = read.sentences.filter((y) => y.item.section === x.item.id);
    sentences.forEach((y, j) => located.set(`sections[${i}].sentences[${j}]`, y.where));
    return clean({
      ...rest,
      // An unnumbered section (the cluster's criteria) is written blank; the file says "".
      number: rest.number ?? "",
      text: text === true ? clean({ required: required ?? false, label, example }) : null,
      sentences: sentences.map((y) => {
        const { section: _s, ...sentence } = y.item;
        return clean(sentence);
      }),
    });
  });
  for (const y of read.sentences) {
    if (y.item.section === INVALID || sectionIds.has(y.item.section)) continue;
    const at = y.where.at("section")!;
    problemAt(
      y.where.sheet,
      at.row,
      at.col,
      "Mã mục",
      `không có mục “${String(y.item.section)}”; ghi mã một mục ở trang “${SHEET.sections}” (${listOf(sectionIds)})`
    );
  }
  file.tables = read.tables.map((x, i) => {
    located.set(`tables[${i}]`, x.where);
    const rows = read.rows.filter((y) => y.item.table === x.item.id);
    rows.forEach((y, j) => located.set(`tables[${i}].rows[${j}]`, y.where));
    return clean({
      ...x.item,
      rows: rows.length > 0 ? rows.map((y) => clean({ ...y.item, table: undefined })) : null,
    });
  });
  for (const y of read.rows) {
    if (y.item.table === INVALID || tableIds.has(y.item.table)) continue;
    const at = y.where.at("table")!;
    problemAt(
      y.where.sheet,
      at.row,
      at.col,
      "Mã bảng",
      `không có bảng “${String(y.item.table)}”; ghi mã một bảng ở trang “${SHEET.tables}” (${listOf(tableIds)})`
    );
  }
  file.indicators = read.indicators.map((x, i) => {
    located.set(`indicators[${i}]`, x.where);
    const { "ratioOf.part": part, "ratioOf.whole": whole, ...rest } = x.item;
    const ratioOf = part !== undefined || whole !== undefined ? clean({ part, whole }) : null;
    return clean({ ...rest, ratioOf });
  });
  file.targets = read.targets.map((x, i) => {
    located.set(`targets[${i}]`, x.where);
    // A target without a figure yet is written blank; the file says null.
    return clean({ ...x.item, value: x.item.value ?? null });
  });
  file.rules = read.rules.map((x, i) => {
    located.set(`rules[${i}]`, x.where);
    return clean(x.item);
  });
  // History: consecutive rows of one version are its changes.
  const history: Flat[] = [];
  let current: { version: unknown; changes: Flat[] } | null = null;
  for (const x of read.history) {
    const v = x.item.version;
    if (!current || current.version !== v) {
      current = { version: v, changes: [] };
      located.set(`history[${history.length}]`, x.where);
      history.push(clean({ version: v, note: x.item.note, changes: current.changes }));
    }
    if (x.item.kind === undefined) {
      // A change without its kind would be lost without a word: say which kinds there are.
      if (x.item.id !== undefined || x.item.to !== undefined || x.item.carryTo !== undefined) {
        const at = x.where.at("kind") ?? { row: x.where.row, col: 0 };
        problemAt(
          x.where.sheet,
          at.row,
          at.col,
          "Thay đổi",
          `dòng có mã nhưng chưa chọn loại thay đổi; chọn một trong: ${choiceLabels(CHANGE_CHOICES)}`
        );
      }
      continue;
    }
    located.set(`history[${history.length - 1}].changes[${current.changes.length}]`, x.where);
    current.changes.push(changeOf(x.item));
  }
  if (history.length > 0) file.history = history;

  // No section at all: said on the sections sheet (the loader would name the template's root).
  const noSections = read.sections.length === 0;
  if (noSections && byName.has(fold(SHEET.sections)))
    problemAt(
      SHEET.sections,
      FIRST_ROW,
      0,
      "Mã mục",
      `chưa có mục nào; ghi mỗi mục một dòng từ dòng ${FIRST_ROW} (mã mục, cấp, tiêu đề; mục cấp cao nhất cần tên trang tính)`
    );
  const cellsReported = new Set(problems.map((p) => p.cell));
  let template: Template | null = null;
  try {
    template = loadTemplateFile(file);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    for (const issue of e.issues) {
      if (noSections && issue.path === "sections") continue;
      const p = locate(issue.path, issue.message, located);
      // A cell already reported (not a number, a dropdown value typed by hand) is not reported twice.
      if (cellsReported.has(p.cell)) continue;
      cellsReported.add(p.cell);
      problems.push(p);
    }
  }
  if (problems.length > 0 || !template) return { ok: false, problems: inWorkbookOrder(problems) };
  return { ok: true, file: templateToFile(template), template };
}

/** Problems as the author meets them: sheet by sheet, row by row, left to right. */
function inWorkbookOrder(problems: AuthoringProblem[]): AuthoringProblem[] {
  const sheetIndex = (name: string) => {
    const i = SHEETS.findIndex((x) => x.name === name);
    return i < 0 ? SHEETS.length : i;
  };
  return [...problems].sort(
    (a, b) =>
      sheetIndex(a.sheet) - sheetIndex(b.sheet) ||
      a.row - b.row ||
      a.column.length - b.column.length ||
      a.column.localeCompare(b.column)
  );
}

/** A value the cell held that could not be read: left out of the file, already reported. */
const INVALID = Symbol("invalid");

function clean(o: Flat): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    // A field whose cell was unreadable is given as text the schema refuses, at the same path, so
    // the loader's report of it is dropped as a duplicate and the rest is still checked.
    out[k] = v === INVALID ? "\u0000" : v;
  }
  return out;
}

function changeOf(item: Flat): Flat {
  const kind = item.kind;
  const ids = Array.isArray(item.to) ? (item.to as string[]) : [];
  const one = ids.length === 1 ? ids[0] : ids.length === 0 ? undefined : ids.join(", ");
  if (kind === "renamed") return clean({ kind, from: item.id, to: one });
  if (kind === "split") return clean({ kind, from: item.id, into: item.to, carryTo: item.carryTo });
  if (kind === "moved") return clean({ kind, id: item.id, to: one });
  return clean({ kind, id: item.id });
}

function get(o: Flat, key: string): unknown {
  let node: unknown = o;
  for (const k of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Flat)[k];
  }
  return node;
}

function listOf(ids: Set<unknown>): string {
  const shown = [...ids].filter((x) => typeof x === "string").slice(0, 8) as string[];
  return shown.map((x) => `“${x}”`).join(", ") + (ids.size > 8 ? ", …" : "");
}

/** Fields of the file that have no column of their own, and the column that holds them. */
const ALIASES: Partial<Record<SheetSpec["list"], Record<string, string>>> = {
  sections: { hasText: "text.has", text: "text.has", sheetName: "sheet", children: "parent" },
  tables: { rows: "kind", columns: "id", sheetName: "sheet" },
  indicators: { ratioOf: "ratioOf.part", perUnit: "table", definedName: "id" },
  history: { from: "id", into: "to", changes: "kind" },
  settings: {
    preamble: "preamble.required",
    carryTasks: "carryTasks.from",
    units: "units.label",
    appendix: "appendix.title",
    header: "header.issuingBody",
  },
};

/** The column an item-level problem belongs in, when the loader names no field. */
const ITEM_DEFAULT: Partial<Record<SheetSpec["list"], string>> = { rules: "assert" };

function locate(path: string, message: string, located: Map<string, Where>): AuthoringProblem {
  // "sections[2](a).sentences[0](b).text" → item "sections[2].sentences[0]", field "text".
  const plain = path.replace(/\([^)]*\)/g, "");
  let itemKey = "";
  for (const k of located.keys()) {
    if (
      k.length > itemKey.length &&
      (plain === k || plain.startsWith(k + ".") || plain.startsWith(k + "["))
    )
      itemKey = k;
  }
  const where = located.get(itemKey) ?? located.get("")!;
  let field = plain
    .slice(itemKey.length)
    .replace(/^\./, "")
    .replace(/\[\d+\]/g, "");
  const list = where.spec.list;
  if (list === "settings" && field.startsWith("units.defaults")) field = "units.label";
  const fields = where.spec.fields;
  const pick = (key: string): Field | undefined =>
    fields.find((f) => f.key === key) ??
    fields.find((f) => f.key.startsWith(key + ".")) ??
    fields.find((f) => key.startsWith(f.key + "."));
  let f: Field | undefined = field ? pick(field) : undefined;
  if (!f && field) {
    const alias = ALIASES[list]?.[field.split(".")[0]];
    if (alias) f = pick(alias);
  }
  if (!f) {
    // The loader names the field in its words when its path stops at the item
    // ('indicator "x" không tồn tại', "bảng dòng cố định cần có rows").
    for (const word of message.match(/\b[a-zA-Z]\w*\b/g) ?? []) {
      f = fields.find((x) => x.key === word) ?? pick(ALIASES[list]?.[word] ?? "\u0000");
      if (f) break;
    }
  }
  if (!f) f = pick(ITEM_DEFAULT[list] ?? "") ?? fields[0];
  const at = where.at(f.key) ?? { row: where.row, col: 0 };
  const column = columnLetter(at.col);
  return {
    sheet: where.sheet,
    row: at.row,
    column,
    header: f.header,
    cell: `${where.sheet}!${column}${at.row}`,
    message: withFix(reword(message, where.spec, located), f),
    path,
  };
}

/** A message that names no fix ("mã bảng bị trùng") gets the column's guidance on what to write. */
function withFix(message: string, f: Field): string {
  return /;|: ghi|vd\.|phải (là|có dạng)/.test(message) ? message : `${message}; ${f.help}`;
}

const SHEET_OF_LIST: Record<string, string> = {
  sections: SHEET.sections,
  tables: SHEET.tables,
  indicators: SHEET.indicators,
  targets: SHEET.targets,
  rules: SHEET.rules,
};

/**
 * The loader speaks of the JSON file ("sections", "partOf", null); an author of the workbook sees
 * sheets, column headers and blank cells. The facts and the fix stay the loader's.
 */
function reword(message: string, spec: SheetSpec, located: Map<string, Where>): string {
  // "đã dùng ở indicators[0]": the cell of that item, as the author sees it.
  let m = message.replace(
    /\b(sections|tables|indicators|targets|rules)\[(\d+)\]/g,
    (x, k: string, i: string) => {
      const w = located.get(`${k}[${i}]`);
      return w ? `${w.sheet}!A${w.row}` : x;
    }
  );
  m = m.replace(
    /"(sections|tables|indicators|targets|rules)"/g,
    (_x, k: string) => `trang “${SHEET_OF_LIST[k]}”`
  );
  m = m.replace(
    /cần có rows/,
    "cần có dòng: ghi các dòng của bảng ở trang “Dòng bảng” (mã bảng, mã dòng, tên dòng)"
  );
  m = m.replace(
    /^indicator ("[^"]*") không tồn tại$/,
    (_x, id: string) =>
      `không có chỉ số ${id}; ghi mã một chỉ số ở trang “Chỉ số”, hoặc để trống nếu chỉ tiêu đánh giá bằng tay`
  );
  m = m.replace(/hoặc null/g, "hoặc để trống").replace(/là null/g, "để trống");
  const headers = new Map<string, string>();
  for (const sp of SHEETS) for (const f of sp.fields) headers.set(f.key, f.header);
  for (const f of spec.fields) headers.set(f.key, f.header);
  headers.set("ratioOf", "Tỷ lệ: tử số/mẫu số");
  headers.set("sheetName", "Tên trang tính");
  m = m.replace(/"ratioOf": \{[^}]*\}/g, "“Tỷ lệ: tử số” và “Tỷ lệ: mẫu số” (mã hai chỉ số đếm)");
  m = m.replace(/"(\w+)": "([^"]*)"/g, (x, k: string, v: string) => {
    const h = headers.get(k);
    const field = SHEETS.flatMap((sp) => sp.fields).find((y) => y.key === k && y.choices);
    const label = field?.choices?.choices.find((c) => c.code === v)?.label ?? v;
    return h ? `“${h}” là “${label}”` : x;
  });
  if (m.includes("kiểu"))
    m = m.replace(
      /\b(integer|decimal|money|percent|text|date|docref)\b/g,
      (code) => `“${TYPE_CHOICES.choices.find((c) => c.code === code)?.label ?? code}”`
    );
  m = m.replace(
    /\b(partOf|ratioOf|target|sheetName|parent|rows|maxRows|computed|aggregation|carryTo)\b/g,
    (x) => {
      const h = headers.get(x);
      return h ? `“${h}”` : x;
    }
  );
  return m;
}

export { CHANGE_CHOICES };
