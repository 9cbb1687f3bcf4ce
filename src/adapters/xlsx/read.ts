// Reads an .xlsx file into the core's neutral snapshot. Dates become Excel serial numbers and
// formula cells give their cached result, which is what Office.js reports for the open workbook.
import type { Cell, CellValue, Workbook, Worksheet } from "exceljs";
import { parseRange, type RangeAddress } from "../../core/layout/a1";
import type {
  NameSnapshot,
  RawCell,
  SheetSnapshot,
  WorkbookSnapshot,
} from "../../core/data/snapshot";
import type { ExcelJsModule } from "./render";
import { PackageError } from "./package";
import {
  preparePackage,
  READ_ONLY_IGNORED_NODES,
  type PreparedPackage,
  type SheetChoice,
  type StoredValue,
} from "./prescan";
import { readFast } from "./fast-read";

/** The file could not be read as a workbook; the message says why in Vietnamese. */
export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH_OFFSET = 25569; // days from 1899-12-30 to 1970-01-01

export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

export function rawOf(value: CellValue): RawCell {
  if (value === null || value === undefined) return null;
  // The pre-scan empties cells whose stored text is no finite number; this is the safety net for
  // any other path (a formula's cached result, a shared string ExcelJS coerced).
  if (typeof value === "number")
    return Number.isFinite(value) ? value : { error: "#NUM!", stored: String(value) };
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const serial = dateToSerial(value);
    return Number.isFinite(serial) ? serial : { error: "#VALUE!", stored: "ngày không hợp lệ" };
  }
  if (isObject(value)) {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: CellValue }).result;
      return result === undefined ? null : rawOf(result);
    }
    if ("richText" in value && Array.isArray(value.richText)) {
      return (value.richText as { text: string }[]).map((r) => r.text).join("");
    }
    if ("text" in value) return rawOf((value as { text: CellValue }).text);
  }
  return null;
}

function formulaOfCell(cell: Cell): string | null {
  const f = cell.formula;
  return f ? `=${f}` : null;
}

function mergesOf(ws: Worksheet): RangeAddress[] {
  // ExcelJS keeps merges privately; its public `model` getter would rebuild the whole sheet model.
  const merges =
    (ws as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })
      ._merges ?? {};
  return Object.values(merges)
    .map((m) => parseRange(m.shortRange ?? m.range ?? ""))
    .filter((r): r is RangeAddress => r !== null);
}

/** Above this many cells the used area is stored sparsely: a value typed at XFD1048576 beside a
 * template must not allocate the 17 billion cells between them. */
const DENSE_LIMIT = 1_000_000;

export function sheetSnapshot(
  ws: Worksheet,
  badValues: readonly StoredValue[] = []
): SheetSnapshot {
  const cells: { r: number; c: number; v: RawCell; f: string | null }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merged-away cells echo their master's value in ExcelJS; Excel reports them blank.
      if (cell.isMerged && cell.master !== cell) return;
      const v = rawOf(cell.value);
      const f = formulaOfCell(cell);
      if (v === null && f === null) return;
      cells.push({ r, c, v, f });
    });
  });
  if (badValues.length > 0) {
    // A formula cell keeps its formula; only its unreadable cached value becomes the error.
    const at = new Map(cells.map((x) => [`${x.r},${x.c}`, x]));
    for (const b of badValues) {
      const v = { error: b.error, stored: b.stored };
      const cell = at.get(`${b.row},${b.col}`);
      if (cell) cell.v = v;
      else cells.push({ r: b.row, c: b.col, v, f: null });
    }
  }
  return gridSnapshot(ws.name, ws.state === "visible", cells, mergesOf(ws));
}

/** The snapshot of one sheet's non-blank cells; shared by the ExcelJS and the direct reader so
 * both lay out the grid (dense or sparse) identically. */
function gridSnapshot(
  name: string,
  visible: boolean,
  cells: { r: number; c: number; v: RawCell; f: string | null }[],
  merges: RangeAddress[]
): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const x of cells) {
    top = Math.min(top, x.r);
    left = Math.min(left, x.c);
    bottom = Math.max(bottom, x.r);
    right = Math.max(right, x.c);
  }
  if (cells.length === 0) {
    return { name, visible, top: 1, left: 1, values: [], formulas: [], merges };
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  let values: RawCell[][];
  let formulas: (string | null)[][];
  if (rows * cols <= DENSE_LIMIT) {
    values = Array.from({ length: rows }, () => new Array<RawCell>(cols).fill(null));
    formulas = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  } else {
    values = new Array<RawCell[]>(rows);
    formulas = new Array<(string | null)[]>(rows);
  }
  for (const x of cells) {
    (values[x.r - top] ??= [])[x.c - left] = x.v;
    (formulas[x.r - top] ??= [])[x.c - left] = x.f;
  }
  return { name, visible, top, left, values, formulas, merges };
}

export function workbookSnapshot(wb: Workbook): WorkbookSnapshot {
  const names: NameSnapshot[] = [];
  for (const dn of wb.definedNames.model) {
    // A name over several areas is not one of ours; keep it visible to the reader as broken.
    names.push({ name: dn.name, ref: dn.ranges.length === 1 ? `=${dn.ranges[0]}` : "#REF!" });
  }
  return { sheets: wb.worksheets.map((ws) => sheetSnapshot(ws)), names };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Loads an .xlsx from bytes; anything that is not a readable workbook is an XlsxReadError. */
export async function loadWorkbook(
  exceljs: ExcelJsModule,
  bytes: Uint8Array,
  fileLabel: string
): Promise<Workbook> {
  if (bytes.length < 4 || !ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new XlsxReadError(
      `Tệp "${fileLabel}" không phải sổ tính Excel (.xlsx). Hãy mở bằng Excel rồi lưu lại dạng "Excel Workbook (*.xlsx)".`
    );
  }
  const wb = new exceljs.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(
      `Không đọc được tệp "${fileLabel}": tệp bị hỏng hoặc không phải sổ tính .xlsx (${detail.slice(0, 160)}). ` +
        "Mở tệp bằng Excel để kiểm tra, hoặc lấy lại bản gốc."
    );
  }
  if (wb.worksheets.length === 0) {
    throw new XlsxReadError(`Tệp "${fileLabel}" không có trang tính nào.`);
  }
  return wb;
}

/** A loaded workbook as a snapshot; a structure ExcelJS loaded but cannot walk is an XlsxReadError. */
export function snapshotOfWorkbook(wb: Workbook, fileLabel: string): WorkbookSnapshot {
  try {
    return workbookSnapshot(wb);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(
      `Tệp "${fileLabel}" có cấu trúc không đọc được (${detail.slice(0, 160)}).`
    );
  }
}

export async function readXlsx(
  exceljs: ExcelJsModule,
  bytes: Uint8Array,
  fileLabel: string
): Promise<WorkbookSnapshot> {
  return snapshotOfWorkbook(await loadWorkbook(exceljs, bytes, fileLabel), fileLabel);
}

export interface ReadWorkbook {
  /** ExcelJS's view of the sheets read; user's sheets left out are not in it. */
  workbook: Workbook;
  snapshot: WorkbookSnapshot;
  /** Sheets not read because the template does not own them. */
  skipped: string[];
  /** When the workbook was last saved (docProps/core.xml), ISO 8601; null when not given. */
  savedAt: string | null;
}

/**
 * Reads a workbook for a read-only path (validate, dump, export, consolidate, the preview): the
 * zip is checked part by part (size limits, CRC-32), names are read as text, and with "ours" only
 * the template's sheets are parsed. Anything that is not a readable workbook is an XlsxReadError.
 */
export async function readWorkbookBytes(
  exceljs: ExcelJsModule,
  bytes: Uint8Array,
  fileLabel: string,
  sheets: SheetChoice = "ours"
): Promise<ReadWorkbook> {
  return loadPrepared(exceljs, prepare(bytes, fileLabel, sheets), fileLabel);
}

/** Counts of files read by the direct reader and by ExcelJS, for the bench and the tests. */
export const snapshotReads = { fast: 0, exceljs: 0 };

/**
 * A workbook's snapshot for a path that needs no ExcelJS workbook (consolidation): read directly
 * (fast-read.ts) when the direct reader is certain to give what ExcelJS gives, else by ExcelJS,
 * with the same checks and errors as readWorkbookBytes.
 */
export async function readSnapshotBytes(
  exceljs: ExcelJsModule,
  bytes: Uint8Array,
  fileLabel: string
): Promise<{ snapshot: WorkbookSnapshot; savedAt: string | null; fast: boolean }> {
  const prepared = prepare(bytes, fileLabel, "ours");
  const fast = readFast(prepared);
  if (fast) {
    snapshotReads.fast++;
    const snapshot: WorkbookSnapshot = {
      sheets: fast.map((s) => gridSnapshot(s.name, s.visible, s.cells, s.merges)),
      names: prepared.names,
    };
    return { snapshot, savedAt: prepared.savedAt, fast: true };
  }
  snapshotReads.exceljs++;
  const { snapshot, savedAt } = await loadPrepared(exceljs, prepared, fileLabel);
  return { snapshot, savedAt, fast: false };
}

function prepare(bytes: Uint8Array, fileLabel: string, sheets: SheetChoice): PreparedPackage {
  if (bytes.length < 4 || !ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new XlsxReadError(
      `Tệp "${fileLabel}" không phải sổ tính Excel (.xlsx). Hãy mở bằng Excel rồi lưu lại dạng "Excel Workbook (*.xlsx)".`
    );
  }
  let prepared;
  try {
    prepared = preparePackage(bytes, fileLabel, sheets);
  } catch (e) {
    if (e instanceof PackageError) throw new XlsxReadError(e.message);
    throw e;
  }
  if (prepared.sheets.length === 0 && prepared.skipped.length === 0) {
    throw new XlsxReadError(`Tệp "${fileLabel}" không có trang tính nào.`);
  }
  return prepared;
}

async function loadPrepared(
  exceljs: ExcelJsModule,
  prepared: PreparedPackage,
  fileLabel: string
): Promise<ReadWorkbook> {
  const wb = new exceljs.Workbook();
  try {
    await wb.xlsx.load(prepared.zip.buffer as ArrayBuffer, {
      ignoreNodes: READ_ONLY_IGNORED_NODES,
    });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(
      `Không đọc được tệp "${fileLabel}": tệp bị hỏng hoặc không phải sổ tính .xlsx (${detail.slice(0, 160)}). ` +
        "Mở tệp bằng Excel để kiểm tra, hoặc lấy lại bản gốc."
    );
  }
  try {
    const snapshot: WorkbookSnapshot = {
      sheets: wb.worksheets.map((ws) => sheetSnapshot(ws, prepared.badValues.get(ws.name))),
      names: prepared.names,
    };
    return { workbook: wb, snapshot, skipped: prepared.skipped, savedAt: prepared.savedAt };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new XlsxReadError(
      `Tệp "${fileLabel}" có cấu trúc không đọc được (${detail.slice(0, 160)}).`
    );
  }
}
