// The authoring workbook as an .xlsx file. Writing renders the core model (core/authoring/book.ts)
// with ExcelJS: Excel's own data validation (dropdowns whose values sit on a hidden list sheet,
// references to the ids of another sheet, whole numbers within bounds), an input message with the
// column's guidance on every cell, frozen header rows and column widths. Reading is synchronous and
// needs no ExcelJS (the CLI's --template-file is read before any command runs, and the pane loads
// this module on its own): the package is opened by XlsxPackage (size limits, CRC checks) and only
// cell values are taken, as the builder wants nothing else.
import type { DataValidation, Worksheet } from "exceljs";
import type { AuthoringBook, BookSheet, CellCheck } from "../../core/authoring/book";
import {
  buildTemplateFile,
  problemLines,
  type AuthoringProblem,
  type AuthoringSheet,
} from "../../core/authoring/build";
import type { ReadCell } from "../../core/authoring/cells";
import { FIRST_ROW, GUIDE_ROW, HEADER_ROW } from "../../core/authoring/sheets";
import type { Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";
import { PackageError, XlsxPackage } from "./package";
import type { ExcelJsModule } from "./render";

/** Excel refuses an input message longer than this (and a title longer than 32). */
const PROMPT_MAX = 255;
const cut = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 1) + "…");

function validationOf(check: CellCheck | null, header: string, help: string): DataValidation {
  const prompt = {
    showInputMessage: true,
    promptTitle: cut(header, 32),
    prompt: cut(help, PROMPT_MAX),
  };
  const error = {
    showErrorMessage: true,
    errorTitle: cut(header, 32),
  };
  // A column with nothing to check still shows its guidance when a cell is selected.
  if (check === null) return { type: "any", formulae: [], ...prompt } as unknown as DataValidation;
  switch (check.kind) {
    case "list":
      return {
        type: "list",
        allowBlank: true,
        formulae: [check.source],
        ...prompt,
        ...error,
        // A reference to another sheet's ids only warns: the id may be added there later.
        errorStyle: check.strict ? "stop" : "warning",
        error: cut(
          check.strict
            ? `Chọn một giá trị trong danh sách ${check.name}.`
            : `Mã này chưa có ở trang “${check.name}”; thêm nó ở đó, hoặc chọn trong danh sách.`,
          PROMPT_MAX
        ),
      };
    case "whole":
      return {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [check.min, check.max],
        ...prompt,
        ...error,
        errorStyle: "stop",
        error: `Ghi một số nguyên từ ${check.min} đến ${check.max}.`,
      };
    case "decimal":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [check.min ?? -1e15, check.max ?? 1e15],
        ...prompt,
        ...error,
        errorStyle: "stop",
        error: "Ghi một số (hoặc để trống).",
      };
  }
}

/**
 * OOXML writes a character as "_xHHHH_" in cell text, so a literal "_x" before hex digits must be
 * written "_x005F_x". Ids are full of them ("ct_xa_hoi"): LibreOffice even reads "_xa_" (too few
 * digits for Excel) as a line break, so every "_x" before a hex digit is escaped.
 */
function escapeOoxml(s: string): string {
  return s.replace(/_(?=x[0-9A-Fa-f])/g, "_x005F_");
}

/** Excel's reading of those escapes: exactly four hex digits. */
function unescapeOoxml(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function writeSheet(wb: InstanceType<ExcelJsModule["Workbook"]>, sheet: BookSheet): Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: sheet.frozenRows }],
  });
  if (sheet.hidden) ws.state = "hidden";
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    // Codes and texts stay text as they are typed ("1.0", "01" are not numbers here).
    if (c.text) col.numFmt = "@";
  });
  sheet.cells.forEach((row, r) => {
    let lines = 1;
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof v === "string" ? escapeOoxml(v) : v;
      if (typeof v !== "string") return;
      // Long texts wrap within their column; the row is made tall enough to show them, as
      // neither Excel nor LibreOffice fits the height of a row written without one.
      const width = sheet.columns[c]?.width ?? 16;
      const need = v
        .split("\n")
        .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 1.1))), 0);
      cell.alignment = { wrapText: need > 1, vertical: "top" };
      lines = Math.max(lines, need);
    });
    if (lines > 1) ws.getRow(r + 1).height = Math.min(lines, 10) * 15;
  });
  const header = ws.getRow(HEADER_ROW);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  if (!sheet.hidden) {
    const guide = ws.getRow(GUIDE_ROW);
    guide.font = { italic: true, color: { argb: "FF595959" } };
    guide.alignment = { wrapText: true, vertical: "top" };
  }
  // ExcelJS supports ranged validations but its typings only expose per-cell ones.
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: DataValidation): void } }
  ).dataValidations;
  for (const { ref, check, title, help } of sheet.checks)
    validations.add(ref, validationOf(check, title, help));
  return ws;
}

/** Writes the authoring workbook. */
export async function authoringBookToXlsx(
  exceljs: ExcelJsModule,
  book: AuthoringBook
): Promise<Uint8Array> {
  const wb = new exceljs.Workbook();
  wb.creator = "BáoCáo";
  for (const sheet of book.sheets) writeSheet(wb, sheet);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---- Reading -----------------------------------------------------------------------------------

/** Rows and columns read from one sheet at most: far beyond any template (300 indicators). */
export const MAX_ROWS = 5000;
export const MAX_COLS = 60;

export class AuthoringReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthoringReadError";
  }
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

function attrsOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const key = m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    if (!(key in out) || m[1].includes(":")) out[key] = decode(m[2] ?? m[3] ?? "");
  }
  return out;
}

/**
 * The elements `tag` in order, with their attributes and inner text, in one pass: each search
 * starts where the last ended, so a damaged part costs its length, not its length squared.
 * The tag must not nest in itself (c, si, t, sheet, Relationship do not).
 */
function* elements(xml: string, tag: string): Generator<{ attrs: string; inner: string }> {
  const open = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])([^<>]*?)(/?)>`, "g");
  const close = new RegExp(`</(?:[\\w.-]+:)?${tag}>`, "g");
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    if (m[2] === "/") {
      yield { attrs: m[1], inner: "" };
      continue;
    }
    close.lastIndex = open.lastIndex;
    const c = close.exec(xml);
    if (!c) return;
    yield { attrs: m[1], inner: xml.slice(open.lastIndex, c.index) };
    open.lastIndex = close.lastIndex;
  }
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function runs(inner: string): string {
  const body = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  let s = "";
  for (const t of elements(body, "t")) s += decode(t.inner);
  return unescapeOoxml(s);
}

function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, "/");
  if (t.startsWith("/")) return t.slice(1);
  const parts = ("xl/" + t).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** The sheets of an authoring workbook, their cells from A1 (values only). */
export function readAuthoringSheets(bytes: Uint8Array, fileLabel: string): AuthoringSheet[] {
  let pkg: XlsxPackage;
  try {
    pkg = new XlsxPackage(bytes, fileLabel);
    if (!pkg.has("xl/workbook.xml"))
      throw new AuthoringReadError(
        `Tệp "${fileLabel}" không phải sổ tính Excel (.xlsx). Mở mẫu soạn bằng Excel rồi lưu dạng .xlsx.`
      );
    const rels = new Map<string, string>();
    if (pkg.has("xl/_rels/workbook.xml.rels"))
      for (const r of elements(pkg.text("xl/_rels/workbook.xml.rels"), "Relationship")) {
        const a = attrsOf(r.attrs);
        if (a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
      }
    const shared: string[] = [];
    const sstPart = [...rels.values()].find((p) => /sharedStrings\d*\.xml$/i.test(p));
    if (sstPart && pkg.has(sstPart))
      for (const si of elements(pkg.text(sstPart), "si")) shared.push(runs(si.inner));
    const sheets: AuthoringSheet[] = [];
    for (const s of elements(pkg.text("xl/workbook.xml"), "sheet")) {
      const a = attrsOf(s.attrs);
      const part = rels.get(a.id ?? "");
      if (!a.name || !part || !pkg.has(part)) continue;
      sheets.push({ name: a.name, cells: readCells(pkg.text(part), shared, a.name, fileLabel) });
    }
    return sheets;
  } catch (e) {
    if (e instanceof PackageError) throw new AuthoringReadError(e.message);
    throw e;
  }
}

function readCells(xml: string, shared: string[], sheet: string, fileLabel: string): ReadCell[][] {
  const cells: ReadCell[][] = [];
  let row = 0;
  let col = 0;
  for (const c of elements(xml, "c")) {
    const a = attrsOf(c.attrs);
    const at = a.r ? cellRef(a.r) : { row: row || 1, col: col + 1 };
    if (!at) continue;
    row = at.row;
    col = at.col;
    const v = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(c.inner)?.[1];
    let value: ReadCell;
    if (a.t === "s") value = v === undefined ? null : (shared[Number(v)] ?? null);
    else if (a.t === "inlineStr") value = runs(c.inner);
    else if (a.t === "str") value = v === undefined ? null : unescapeOoxml(decode(v));
    else if (a.t === "b") value = v === "1";
    else if (a.t === "e") value = v === undefined ? null : decode(v);
    else value = v === undefined ? null : Number(v);
    if (value === null || value === "") continue;
    if (at.row > MAX_ROWS || at.col > MAX_COLS)
      throw new AuthoringReadError(
        `Tệp "${fileLabel}", trang “${sheet}”: có dữ liệu ở ô ${a.r ?? ""}, ngoài vùng BáoCáo đọc (${MAX_ROWS} dòng, ${MAX_COLS} cột). Xoá dữ liệu thừa ở đó rồi lưu lại.`
      );
    (cells[at.row - 1] ??= [])[at.col - 1] = value;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  return cells;
}

export type AuthoringWorkbookResult =
  | { ok: true; file: TemplateFileInput; template: Template }
  | {
      ok: false;
      /** Each problem at its sheet, row and column; empty when the file could not be read at all. */
      problems: AuthoringProblem[];
      /** One Vietnamese paragraph: the problems listed one per line, or why the file is unreadable. */
      message: string;
    };

/**
 * An authoring workbook (bytes of an .xlsx) to a template file, or what is wrong with it, each
 * problem at its cell. For the pane's "Mẫu của đơn vị" import and the CLI.
 */
export function templateFromAuthoringWorkbook(
  bytes: ArrayBuffer | Uint8Array,
  fileLabel = "mẫu soạn"
): AuthoringWorkbookResult {
  let sheets: AuthoringSheet[];
  try {
    sheets = readAuthoringSheets(
      bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes),
      fileLabel
    );
  } catch (e) {
    if (e instanceof AuthoringReadError) return { ok: false, problems: [], message: e.message };
    throw e;
  }
  const built = buildTemplateFile(sheets);
  if (built.ok) return built;
  return {
    ok: false,
    problems: built.problems,
    message:
      `Mẫu soạn "${fileLabel}" có ${built.problems.length} lỗi:\n` +
      problemLines(built.problems)
        .map((l) => `  - ${l}`)
        .join("\n"),
  };
}

export { FIRST_ROW };
