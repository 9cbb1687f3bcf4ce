// The part of a sheet the preview's viewer shows: about 200 rows (around the selected cell when
// one is selected further down), merged cells as spans, values formatted as Excel shows them.
import type { SheetSnapshot } from "../../core/data/snapshot";
import { columnLetters } from "../../core/layout/a1";
import { displayCell } from "./cell-display";

export const VIEW_ROWS = 200;
export const VIEW_COLS = 40;

export interface ViewCell {
  col: number;
  address: string;
  text: string;
  numeric: boolean;
  colSpan: number;
  rowSpan: number;
}

export interface ViewRow {
  row: number;
  cells: ViewCell[];
}

export interface SheetView {
  columns: { col: number; letters: string }[];
  rows: ViewRow[];
  /** First and last row shown, and the sheet's last used row (1-based, as in Excel). */
  from: number;
  to: number;
  total: number;
}

export interface ViewOptions {
  numFmts?: (string | null)[][];
  locale?: string;
  /** A row that must be in view (the selected cell's). */
  focusRow?: number;
  maxRows?: number;
  maxCols?: number;
}

export function sheetView(sheet: SheetSnapshot, options: ViewOptions = {}): SheetView {
  const maxRows = options.maxRows ?? VIEW_ROWS;
  const maxCols = options.maxCols ?? VIEW_COLS;
  const height = sheet.values.length;
  const width = sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (height === 0 || width === 0) return { columns: [], rows: [], from: 0, to: 0, total: 0 };

  // Rows and columns from 1 (as Excel shows them) when the used range starts near the top.
  const firstRow = sheet.top <= 5 ? 1 : sheet.top;
  const firstCol = sheet.left <= 3 ? 1 : sheet.left;
  const lastRow = sheet.top + height - 1;
  const lastCol = Math.min(sheet.left + width - 1, firstCol + maxCols - 1);

  let from = firstRow;
  if (options.focusRow !== undefined && options.focusRow >= from + maxRows) {
    from = Math.max(firstRow, options.focusRow - Math.floor(maxRows / 2));
  }
  const to = Math.min(lastRow, from + maxRows - 1);

  const covered = new Set<string>();
  const spans = new Map<string, { colSpan: number; rowSpan: number; row: number; col: number }>();
  for (const m of sheet.merges ?? []) {
    const top = Math.max(m.top, from);
    const left = Math.max(m.left, firstCol);
    const bottom = Math.min(m.bottom, to);
    const right = Math.min(m.right, lastCol);
    if (top > bottom || left > right) continue;
    // A merge cut by the window shows its master's value in its first visible cell.
    spans.set(`${top},${left}`, {
      rowSpan: bottom - top + 1,
      colSpan: right - left + 1,
      row: m.top,
      col: m.left,
    });
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
  }

  const columns = [];
  for (let c = firstCol; c <= lastCol; c++) columns.push({ col: c, letters: columnLetters(c) });
  const rows: ViewRow[] = [];
  for (let r = from; r <= to; r++) {
    const cells: ViewCell[] = [];
    for (let c = firstCol; c <= lastCol; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const span = spans.get(`${r},${c}`);
      const i = (span?.row ?? r) - sheet.top;
      const j = (span?.col ?? c) - sheet.left;
      const raw = sheet.values[i]?.[j] ?? null;
      cells.push({
        col: c,
        address: `${columnLetters(c)}${r}`,
        text: displayCell(raw, options.numFmts?.[i]?.[j] ?? null, options.locale),
        numeric: typeof raw === "number",
        colSpan: span?.colSpan ?? 1,
        rowSpan: span?.rowSpan ?? 1,
      });
    }
    rows.push({ row: r, cells });
  }
  return { columns, rows, from, to, total: lastRow };
}
