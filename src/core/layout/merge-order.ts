// The order merged ranges are stored in a sheet, shared by the direct .xlsx writer (write.ts) and
// the plan's own reading (plan-snapshot.ts), which must list them as a reader of that file does.
import type { RangeAddress } from "./a1";

/**
 * Merges in the order ExcelJS writes them, which is the order readers list them in: ExcelJS finds
 * a merge at its first covered cell (the one right of its top-left cell, or below it for a single
 * column) walking the rows. The order means nothing to Excel, but snapshots compare in it.
 */
export function mergeOrder(merges: readonly RangeAddress[]): RangeAddress[] {
  const first = (m: RangeAddress) => (m.left < m.right ? [m.top, m.left + 1] : [m.top + 1, m.left]);
  return merges
    .map((m, i) => ({ m, i, at: first(m) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.i - b.i)
    .map((x) => x.m);
}
