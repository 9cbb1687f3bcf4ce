// Reads the sources sheet of a consolidated workbook back into data.consolidation. Rows are found
// through the code rows under the headers (see layout/sources-sheet.ts), not through labels.
import { RESERVED_SHEETS } from "../model/load";
import {
  COMPLETENESS_COLUMNS,
  CONSOLIDATED_AT_LABEL,
  SOURCE_COLUMNS,
  STATUS_LABELS,
  YES,
} from "../layout/sources-sheet";
import { cellOf, findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { readText } from "./typed";
import type { ConsolidationInfo, SourceRecord, SourceStatus } from "./types";

function codeRow(sheet: SheetSnapshot, codes: readonly string[]): number | null {
  const bottom = sheet.top + sheet.values.length - 1;
  for (let r = sheet.top; r <= bottom; r++) {
    if (codes.every((code, i) => readText(cellOf(sheet, r, 2 + i)) === code)) return r;
  }
  return null;
}

/** Rows under a code row while the STT column holds a number. */
function dataRows(sheet: SheetSnapshot, from: number): number[] {
  const rows: number[] = [];
  for (let r = from + 1; typeof cellOf(sheet, r, 1) === "number"; r++) rows.push(r);
  return rows;
}

const STATUS_OF = new Map(
  Object.entries(STATUS_LABELS).map(([k, v]) => [v, k as SourceStatus] as const)
);

export function readSourcesSheet(
  snapshot: WorkbookSnapshot,
  sheetName: string | undefined
): ConsolidationInfo | null {
  const sheet =
    (sheetName ? findSheet(snapshot, sheetName) : undefined) ??
    findSheet(snapshot, RESERVED_SHEETS.sources);
  if (!sheet) return null;
  const head = codeRow(sheet, SOURCE_COLUMNS);
  if (head === null) return null;
  let consolidatedAt = "";
  for (let r = sheet.top; r < head; r++) {
    if (readText(cellOf(sheet, r, 1))?.startsWith(CONSOLIDATED_AT_LABEL))
      consolidatedAt = readText(cellOf(sheet, r, 3)) ?? "";
  }
  const text = (r: number, code: (typeof SOURCE_COLUMNS)[number]) =>
    readText(cellOf(sheet, r, 2 + SOURCE_COLUMNS.indexOf(code)))?.trim() || null;
  const count = (r: number, code: (typeof SOURCE_COLUMNS)[number]) => {
    const v = cellOf(sheet, r, 2 + SOURCE_COLUMNS.indexOf(code));
    return typeof v === "number" ? v : Number(v) || 0;
  };
  const sources: SourceRecord[] = dataRows(sheet, head).map((r) => ({
    file: text(r, "file") ?? "",
    unit: text(r, "unit"),
    checksum: text(r, "checksum") ?? "",
    readAt: text(r, "readAt") ?? "",
    template: text(r, "template"),
    templateVersion: text(r, "templateVersion"),
    period: text(r, "period"),
    status: STATUS_OF.get(text(r, "status") ?? "") ?? "leftOut",
    reasons: (readText(cellOf(sheet, r, 2 + SOURCE_COLUMNS.indexOf("reasons"))) ?? "")
      .split("\n")
      .filter((x) => x.trim() !== ""),
    errors: count(r, "errors"),
    warnings: count(r, "warnings"),
  }));
  const expectedUnits: string[] = [];
  const receivedUnits: string[] = [];
  const missingUnits: string[] = [];
  const units = codeRow(sheet, COMPLETENESS_COLUMNS);
  if (units !== null) {
    for (const r of dataRows(sheet, units)) {
      const unit = readText(cellOf(sheet, r, 2))?.trim();
      if (!unit) continue;
      const expected = readText(cellOf(sheet, r, 3)) === YES;
      const received = readText(cellOf(sheet, r, 4)) === YES;
      if (expected) expectedUnits.push(unit);
      if (received) receivedUnits.push(unit);
      if (expected && !received) missingUnits.push(unit);
    }
  }
  return { consolidatedAt, sources, expectedUnits, receivedUnits, missingUnits };
}
