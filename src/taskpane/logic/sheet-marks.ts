// The preview's marks: a check's findings drawn over the viewer's cells (red for errors, orange for
// warnings). They live beside the workbook, never in its bytes.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Finding, Severity } from "../../core/findings";
import { parseRange, type RangeAddress } from "../../core/layout/a1";

export interface PreviewMark {
  /** The sheet's name as the workbook spells it. */
  sheet: string;
  range: RangeAddress;
  severity: Severity;
}

/** "'I. Kết quả'!$C$8:D9" or "C8" → the range, or null. */
export function localRange(address: string): RangeAddress | null {
  return parseRange(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, ""));
}

/** One mark per finding that has a cell on a sheet of the workbook. */
export function previewMarks(
  findings: readonly Finding[],
  snapshot: WorkbookSnapshot
): PreviewMark[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const marks: PreviewMark[] = [];
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const sheet = sheets.get(f.sheet.toLowerCase());
    const range = localRange(f.cell);
    if (sheet && range) marks.push({ sheet, range, severity: f.severity });
  }
  return marks;
}

export type MarkGrid = ReadonlyMap<string, Severity>;

const key = (row: number, col: number) => `${row},${col}`;

/**
 * The marked cells of one sheet inside the viewer's window, errors over warnings. Only the window's
 * cells are expanded, so a mark on a whole column costs no more than the window.
 */
export function markGrid(
  marks: readonly PreviewMark[] | null,
  sheet: string,
  window: RangeAddress
): MarkGrid {
  const grid = new Map<string, Severity>();
  if (!marks) return grid;
  for (const m of marks) {
    if (m.sheet !== sheet) continue;
    const top = Math.max(m.range.top, window.top);
    const bottom = Math.min(m.range.bottom, window.bottom);
    const left = Math.max(m.range.left, window.left);
    const right = Math.min(m.range.right, window.right);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (grid.get(key(r, c)) !== "error") grid.set(key(r, c), m.severity);
      }
    }
  }
  return grid;
}

/** The mark of a shown cell (merged cells span several), errors over warnings; null when unmarked. */
export function markAt(
  grid: MarkGrid,
  row: number,
  col: number,
  rowSpan = 1,
  colSpan = 1
): Severity | null {
  let found: Severity | null = null;
  for (let r = row; r < row + rowSpan; r++) {
    for (let c = col; c < col + colSpan; c++) {
      const s = grid.get(key(r, c));
      if (s === "error") return s;
      if (s) found = s;
    }
  }
  return found;
}

export interface MarkCount {
  errors: number;
  warnings: number;
}

/** Marks per sheet, for the viewer's sheet picker. */
export function marksBySheet(marks: readonly PreviewMark[] | null): Map<string, MarkCount> {
  const out = new Map<string, MarkCount>();
  for (const m of marks ?? []) {
    const c = out.get(m.sheet) ?? { errors: 0, warnings: 0 };
    if (m.severity === "error") c.errors++;
    else c.warnings++;
    out.set(m.sheet, c);
  }
  return out;
}
