// Groups a sheet's cells into few rectangles of equal formatting, one formatting facet at a time,
// so the Office.js writer sends a handful of requests per sheet instead of one per cell.
import type { RangeAddress } from "../../core/layout/a1";

export interface Keyed {
  row: number;
  col: number;
  key: string | null;
}

/** Maximal row runs merged downwards; cells with a null key are left alone. */
export function rectangles(cells: readonly Keyed[]): Map<string, RangeAddress[]> {
  const byKey = new Map<string, Keyed[]>();
  for (const c of cells) {
    if (c.key === null) continue;
    const list = byKey.get(c.key) ?? [];
    list.push(c);
    byKey.set(c.key, list);
  }
  const out = new Map<string, RangeAddress[]>();
  for (const [key, list] of byKey) {
    list.sort((a, b) => a.row - b.row || a.col - b.col);
    const runs: RangeAddress[] = [];
    for (const c of list) {
      const last = runs[runs.length - 1];
      if (last && last.top === c.row && last.right === c.col - 1) last.right = c.col;
      else runs.push({ top: c.row, bottom: c.row, left: c.col, right: c.col });
    }
    // Merge a run into the rectangle directly above it when the columns match.
    const rects: RangeAddress[] = [];
    const open = new Map<string, RangeAddress>();
    for (const r of runs) {
      const span = `${r.left}:${r.right}`;
      const above = open.get(span);
      if (above && above.bottom === r.top - 1) {
        above.bottom = r.top;
      } else {
        const rect = { ...r };
        rects.push(rect);
        open.set(span, rect);
      }
    }
    out.set(key, rects);
  }
  return out;
}
