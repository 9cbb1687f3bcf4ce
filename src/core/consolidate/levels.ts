// The units hierarchy of a consolidation result: how many levels, how many units at each, the
// subtotals of every unit with units under it (what the "Cộng theo cấp" sheet shows), and the
// problems of the parent column as findings on the result's units sheet. Problems never stop a
// consolidation: buildHierarchy makes every unit it cannot place a top-level unit and says why.
import type { Template } from "../model/load";
import type { ReportData } from "../data/types";
import type { Finding } from "../findings";
import { RESERVED_SHEETS } from "../model/load";
import { buildHierarchy, rollupHierarchy, type SubtreeTotal } from "../rollup/hierarchy";
import { cellA1 } from "../layout/a1";
import { hasHierarchy, SUBTOTALS_SHEET } from "../layout/hierarchy-units";
import { formatNumber } from "../format";
import { UNITS_FIRST_ROW } from "../layout/table-sheet";

/** Column of the units sheet that holds "Đơn vị cấp trên" (see layout/units-sheet.ts). */
const PARENT_COL = 3;

export interface SubtotalRow {
  unit: string;
  parent: string | null;
  /** 1 for the top level; null for the grand total. */
  level: number | null;
  /** Units under this one at every level (for the grand total: every unit). */
  units: number;
  /** Indicator id → subtotal; indicators without any figure are left out. */
  values: Record<string, number>;
}

export interface UnitLevels {
  /** Number of levels (2 or more: a hierarchy has at least one unit under another). */
  levels: number;
  /** Units at each level, top level first. */
  unitsPerLevel: number[];
  /** Units with units under them in document order, then the grand total. */
  subtotals: SubtotalRow[];
}

function subtotalRow(s: SubtreeTotal, grandTotal: boolean): SubtotalRow {
  const values: Record<string, number> = {};
  for (const [k, v] of s.values) if (typeof v === "number") values[k] = v;
  return {
    unit: s.unit,
    parent: s.parent,
    level: grandTotal ? null : s.depth + 1,
    units: s.descendants,
    values,
  };
}

/** Findings of the parent column (unknown parent, cycle, repeated name), at their cell. */
export function hierarchyFindings(data: ReportData): Finding[] {
  const rootName = data.header.issuingBody?.trim() || undefined;
  return buildHierarchy(data.units, rootName).problems.map((p) => ({
    severity: "warning" as const,
    sheet: RESERVED_SHEETS.units,
    cell: cellA1(UNITS_FIRST_ROW + p.index, PARENT_COL),
    indicator: null,
    rule: `hierarchy-${p.kind}`,
    value: p.unit,
    message: p.message,
  }));
}

/** The levels and subtotals of the data's units; null when no unit is under another. */
export function unitLevels(template: Template, data: ReportData): UnitLevels | null {
  if (!hasHierarchy(data.units)) return null;
  const rootName = data.header.issuingBody?.trim() || undefined;
  const h = buildHierarchy(data.units, rootName);
  const unitsPerLevel: number[] = [];
  for (const depth of h.depthOf.values()) unitsPerLevel[depth] = (unitsPerLevel[depth] ?? 0) + 1;
  const rolled = rollupHierarchy(template, data.units, { rootName });
  return {
    levels: unitsPerLevel.length,
    unitsPerLevel: Array.from(unitsPerLevel, (n) => n ?? 0),
    subtotals: rolled.map((s, i) => subtotalRow(s, i === rolled.length - 1)),
  };
}

/** "Cộng theo cấp: 2 cấp — cấp 1: 3 đơn vị; cấp 2: 12 đơn vị. …" when units sit under units. */
export function levelsSummary(h: UnitLevels | null): string | null {
  if (!h) return null;
  const per = h.unitsPerLevel.map((n, i) => `cấp ${i + 1}: ${formatNumber(n)} đơn vị`).join("; ");
  const rows = h.subtotals.length - 1;
  return (
    `${SUBTOTALS_SHEET}: ${h.levels} cấp — ${per}. Trang "${SUBTOTALS_SHEET}" cộng số liệu của ` +
    `${formatNumber(rows)} đơn vị có đơn vị cấp dưới.`
  );
}
