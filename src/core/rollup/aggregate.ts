// Aggregation of one indicator over rows (units, or a fixed table's rows).
import type { Aggregation } from "../model/schema";

/** Blank when no row has a figure, so an untouched indicator stays untouched in totals. */
export function aggregate(
  values: ReadonlyArray<number | null | undefined>,
  how: Aggregation
): number | null {
  const present = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (present.length === 0 || how === "none") return null;
  switch (how) {
    case "sum":
      return present.reduce((a, b) => a + b, 0);
    case "average":
      return present.reduce((a, b) => a + b, 0) / present.length;
    case "max":
      return Math.max(...present);
    case "last":
      return present[present.length - 1];
  }
}

/** part/whole, blank when either is missing or the whole is zero. */
export function ratio(
  part: number | null | undefined,
  whole: number | null | undefined
): number | null {
  if (typeof part !== "number" || typeof whole !== "number" || whole === 0) return null;
  return part / whole;
}

/**
 * A total rate from rows: the sum of parts over the sum of wholes, counting only rows that give
 * both. A row with a part but no whole (a unit that reported "đã cập nhật" without "tổng số")
 * would otherwise inflate the rate past 100%.
 */
export function pairedRatio(
  rows: ReadonlyArray<{ part: number | null | undefined; whole: number | null | undefined }>
): number | null {
  let part = 0;
  let whole = 0;
  let pairs = 0;
  for (const r of rows) {
    if (typeof r.part === "number" && typeof r.whole === "number") {
      part += r.part;
      whole += r.whole;
      pairs++;
    }
  }
  return pairs === 0 || whole === 0 ? null : part / whole;
}

/**
 * How an aggregation reads when the rows are units of one period (the Đơn vị hierarchy) rather
 * than successive periods. "last" is meant for stocks over time: số đoàn viên at the cut-off date
 * is the latest figure, not the sum of the quarters. Across units of the same period a stock adds
 * up (a province's members are its districts' members), and "the last unit" would depend on the
 * order of the rows, so across units "last" is a sum. aggregate() itself keeps "last" as the last
 * row given, which is what the workbook's total-row formula (LOOKUP) shows; no built-in template
 * uses "last" for a number, only for texts and dates, which are not rolled up.
 */
export function acrossUnits(how: Aggregation): Aggregation {
  return how === "last" ? "sum" : how;
}
