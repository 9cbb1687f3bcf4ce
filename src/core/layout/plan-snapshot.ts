// A workbook plan as the snapshot a reader gets from the .xlsx written from it, without writing and
// reading it back. The pane's preview shows a consolidation this way: reading the written workbook
// with ExcelJS's browser build cost a large share of a 50-file "Tổng hợp" in the pane. A test holds
// it equal to writing the plan (write.ts) and reading it (read.ts) for the viewer.
import { qualified } from "./a1";
import { mergeOrder } from "./merge-order";
import type { PlanCell, WorkbookPlan } from "./plan";
import type { RawCell, SheetSnapshot, WorkbookSnapshot } from "../data/snapshot";

export interface PlannedSnapshot {
  snapshot: WorkbookSnapshot;
  /** Number formats by sheet name, in the shape of each sheet's values (null where not a number). */
  numFmts: Record<string, (string | null)[][]>;
}

/** Formats Excel knows by number: the writer stores them by id and the reader gives them back as
 * ExcelJS names them; "General" comes back as no format. */
const READ_BACK: Record<string, string | null> = { General: null };

/** A value as the reader gives it back: a number as written (String(n); not at all when not
 * finite); a formula's result of 0, false or empty text as none (ExcelJS drops a falsy result). */
function readBack(v: PlanCell["value"], formula: boolean): RawCell {
  if (v === undefined || v === null) return null;
  if (formula && !v) return null;
  if (typeof v === "number") return Number.isFinite(v) ? Number(String(v)) : null;
  return v;
}

export function planSnapshot(plan: WorkbookPlan): PlannedSnapshot {
  const numFmts: Record<string, (string | null)[][]> = {};
  const sheets = plan.sheets.map((sheet): SheetSnapshot => {
    // Cells inside a merge other than its top-left: the reader reports them blank, as Excel does.
    const hidden = new Set<number>();
    for (const m of sheet.merges)
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if (r !== m.top || c !== m.left) hidden.add(r * 16384 + c);
    const cells: { r: number; c: number; v: RawCell; f: string | null; fmt: string | null }[] = [];
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const c of sheet.cells) {
      if (hidden.has(c.row * 16384 + c.col)) continue;
      const v = readBack(c.formula !== undefined ? c.result : c.value, c.formula !== undefined);
      const f = c.formula ? `=${c.formula}` : null;
      if (v === null && f === null) continue;
      const fmt =
        typeof v === "number" && c.numFmt !== undefined
          ? c.numFmt in READ_BACK
            ? READ_BACK[c.numFmt]
            : c.numFmt
          : null;
      cells.push({ r: c.row, c: c.col, v, f, fmt });
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const base = { name: sheet.name, visible: !sheet.hidden, merges: mergeOrder(sheet.merges) };
    if (cells.length === 0) {
      numFmts[sheet.name] = [];
      return { ...base, top: 1, left: 1, values: [], formulas: [] };
    }
    const rows = bottom - top + 1;
    const cols = right - left + 1;
    const grid = <T>() => Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
    const values = grid<RawCell>();
    const formulas = grid<string>();
    const fmts = grid<string>();
    for (const x of cells) {
      values[x.r - top][x.c - left] = x.v;
      formulas[x.r - top][x.c - left] = x.f;
      fmts[x.r - top][x.c - left] = x.fmt;
    }
    numFmts[sheet.name] = fmts;
    return { ...base, top, left, values, formulas };
  });
  const names = plan.names.map((n) => ({ name: n.name, ref: `=${qualified(n.sheet, n.range)}` }));
  return { snapshot: { sheets, names }, numFmts };
}
