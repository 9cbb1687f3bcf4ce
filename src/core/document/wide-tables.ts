// A per-unit table with more columns than a landscape page holds (a consolidated workbook's
// "Chăm lo đời sống" has 20 figures per unit) is drawn in parts, each repeating TT and the unit's
// name, so every number stays on one line. Widths are estimated in millimetres from what the
// cells will show (12 pt Times: about 2,2 mm a digit), and columns of one group stay together
// where they fit.
import type { Indicator, Table } from "../model/load";
import { isNumericType } from "../model/load";
import type { NarrativeContext } from "../narrative/context";
import { figureText } from "../narrative/figure";
import { numeric } from "../narrative/context";

const A4_SHORT_MM = 210;
const A4_LONG_MM = 297;
const DIGIT_MM = 2.2;
const HEADER_CHAR_MM = 2.4;
const CELL_PADDING_MM = 3;
export const LEAD_MM = { tt: 9, name: 45 } as const;

/** "Chợ Tết Công đoàn: số suất quà" as group "Chợ Tết Công đoàn" over "số suất quà". */
export function withHeadings(columns: Indicator[]): Indicator[] {
  return columns.map((c) => {
    if (c.group) return c;
    const at = c.label.indexOf(": ");
    if (at <= 0) return c;
    const sub = c.label.slice(at + 2).trim();
    return {
      ...c,
      group: c.label.slice(0, at).trim(),
      label: sub.charAt(0).toUpperCase() + sub.slice(1),
    };
  });
}

/** The narrowest width (mm) that shows the column's longest figure and its header's longest word. */
export function columnWidthMm(ctx: NarrativeContext, col: Indicator): number {
  let chars = 4;
  if (isNumericType(col.type)) {
    const values = [
      ...ctx.data.units.map((u) => numeric(u.values[col.id])),
      numeric(ctx.totals.get(col.id) ?? null),
    ];
    for (const v of values) {
      if (v !== null) chars = Math.max(chars, figureText(col, v, ctx.settings, true).length);
    }
  }
  const header = `${col.label}${col.type === "money" ? " (đồng)" : ""}`;
  const longestWord = Math.max(...header.split(/\s+/).map((w) => w.length));
  // A header may wrap, but to three lines at most: a narrow column of tall headers is unreadable.
  const headerChars = Math.max(longestWord, Math.ceil(header.length / 3));
  return Math.max(chars * DIGIT_MM, headerChars * HEADER_CHAR_MM) + CELL_PADDING_MM;
}

/** The width (mm) left for figure columns beside TT and the name on a page of that orientation. */
export function figureWidthMm(ctx: NarrativeContext, landscape: boolean): number {
  const page = landscape ? A4_LONG_MM : A4_SHORT_MM;
  const m = ctx.settings.margins;
  return page - m.left - m.right - LEAD_MM.tt - LEAD_MM.name;
}

/** Columns in parts that each fit `available` mm; groups are not split unless one alone is too wide. */
export function columnParts(
  columns: Indicator[],
  widthOf: (c: Indicator) => number,
  available: number
): Indicator[][] {
  const groups: Indicator[][] = [];
  for (const c of columns) {
    const last = groups[groups.length - 1];
    if (last && c.group && last[0].group === c.group) last.push(c);
    else groups.push([c]);
  }
  const parts: Indicator[][] = [];
  let current: Indicator[] = [];
  let used = 0;
  const flush = () => {
    if (current.length > 0) parts.push(current);
    current = [];
    used = 0;
  };
  for (const g of groups) {
    const w = g.reduce((a, c) => a + widthOf(c), 0);
    if (used + w <= available) {
      current.push(...g);
      used += w;
      continue;
    }
    flush();
    for (const c of g) {
      const cw = widthOf(c);
      if (used + cw > available) flush();
      current.push(c);
      used += cw;
    }
  }
  flush();
  return parts;
}

export interface TablePart {
  title: string;
  columns: Indicator[];
  /** Widths in mm: TT, name, then each column. */
  widths: number[];
}

/** The table in parts that fit the page; a table that fits is one part with its own title. */
export function tableParts(
  ctx: NarrativeContext,
  table: Table,
  title: string,
  columns: Indicator[]
): TablePart[] {
  const available = figureWidthMm(ctx, true);
  const width = new Map(columns.map((c) => [c.id, columnWidthMm(ctx, c)]));
  const widthOf = (c: Indicator) => width.get(c.id) ?? 20;
  const parts = columnParts(columns, widthOf, available);
  return parts.map((cols, i) => ({
    title: i === 0 ? title : `${title} (tiếp theo)`,
    columns: cols,
    widths: [LEAD_MM.tt, LEAD_MM.name, ...cols.map(widthOf)],
  }));
}
