// Reads the sources sheet of a consolidated workbook back into data.consolidation. Rows are found
// through the code rows under the headers (see layout/sources-sheet.ts), not through labels.
import { RESERVED_SHEETS } from "../model/load";
import {
  COMPLETENESS_COLUMNS,
  CONSOLIDATED_AT_LABEL,
  DEADLINE_LABEL,
  REVIEW_LABELS,
  SOURCE_BASE_COLUMNS,
  SOURCE_COLUMNS,
  STATUS_LABELS,
  TIMELINESS_COLUMNS,
  TIMELINESS_STATE_LABELS,
  YES,
} from "../layout/sources-sheet";
import { cellOf, findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { readText } from "./typed";
import type {
  ConsolidationInfo,
  ReviewState,
  SourceRecord,
  SourceStatus,
  Timeliness,
  TimelinessState,
} from "./types";

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
const REVIEW_OF = new Map(
  Object.entries(REVIEW_LABELS).map(([k, v]) => [v, k as ReviewState] as const)
);
const TIMELINESS_OF = new Map(
  Object.entries(TIMELINESS_STATE_LABELS).map(([k, v]) => [v, k as TimelinessState] as const)
);

/** Column of each code in a code row (codes added later may be absent in older workbooks). */
function columnsOf(
  sheet: SheetSnapshot,
  row: number,
  codes: readonly string[]
): Map<string, number> {
  const out = new Map<string, number>();
  for (let c = 2; c < 2 + codes.length + 8; c++) {
    const code = readText(cellOf(sheet, row, c));
    if (code && codes.includes(code) && !out.has(code)) out.set(code, c);
  }
  return out;
}

export function readSourcesSheet(
  snapshot: WorkbookSnapshot,
  sheetName: string | undefined
): ConsolidationInfo | null {
  const sheet =
    (sheetName ? findSheet(snapshot, sheetName) : undefined) ??
    findSheet(snapshot, RESERVED_SHEETS.sources);
  if (!sheet) return null;
  const head = codeRow(sheet, SOURCE_COLUMNS.slice(0, SOURCE_BASE_COLUMNS));
  if (head === null) return null;
  let consolidatedAt = "";
  let deadline: string | null = null;
  for (let r = sheet.top; r < head; r++) {
    if (readText(cellOf(sheet, r, 1))?.startsWith(CONSOLIDATED_AT_LABEL))
      consolidatedAt = readText(cellOf(sheet, r, 3)) ?? "";
    if (readText(cellOf(sheet, r, 1))?.startsWith(DEADLINE_LABEL))
      deadline = readText(cellOf(sheet, r, 3))?.trim() || null;
  }
  const at = columnsOf(sheet, head, SOURCE_COLUMNS);
  const text = (r: number, code: (typeof SOURCE_COLUMNS)[number]) => {
    const c = at.get(code);
    return c === undefined ? null : readText(cellOf(sheet, r, c))?.trim() || null;
  };
  /** The optional fields: present only when the cell holds something. */
  const extra = (r: number) => {
    const out: Partial<SourceRecord> = {};
    for (const code of [
      "reportDate",
      "savedAt",
      "fileTime",
      "supersededBy",
      "approvedAt",
    ] as const) {
      const v = text(r, code);
      if (v) out[code] = v;
    }
    const review = REVIEW_OF.get(text(r, "review") ?? "");
    if (review) out.review = review;
    return out;
  };
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
    ...extra(r),
  }));
  const expectedUnits: string[] = [];
  const receivedUnits: string[] = [];
  const missingUnits: string[] = [];
  const timeliness: Timeliness[] = [];
  const units = codeRow(sheet, COMPLETENESS_COLUMNS);
  if (units !== null) {
    const timed = columnsOf(sheet, units, [...COMPLETENESS_COLUMNS, ...TIMELINESS_COLUMNS]);
    for (const r of dataRows(sheet, units)) {
      const unit = readText(cellOf(sheet, r, 2))?.trim();
      if (!unit) continue;
      const expected = readText(cellOf(sheet, r, 3)) === YES;
      const received = readText(cellOf(sheet, r, 4)) === YES;
      if (expected) expectedUnits.push(unit);
      if (received) receivedUnits.push(unit);
      if (expected && !received) missingUnits.push(unit);
      const stateCol = timed.get("timeliness");
      const state = stateCol ? TIMELINESS_OF.get(readText(cellOf(sheet, r, stateCol)) ?? "") : null;
      if (!state) continue;
      const dateCol = timed.get("reportDate");
      const daysCol = timed.get("daysLate");
      const days = daysCol ? cellOf(sheet, r, daysCol) : null;
      timeliness.push({
        unit,
        state,
        reportDate: (dateCol ? readText(cellOf(sheet, r, dateCol))?.trim() : null) || null,
        ...(typeof days === "number" ? { daysLate: days } : {}),
      });
    }
  }
  const info: ConsolidationInfo = {
    consolidatedAt,
    sources,
    expectedUnits,
    receivedUnits,
    missingUnits,
  };
  if (deadline) {
    info.deadline = deadline;
    info.timeliness = timeliness;
  }
  return info;
}
