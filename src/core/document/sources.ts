// Where each figure of the draft comes from: a sheet and a cell, found through the workbook's
// defined names (so rows the user inserted do not matter), and the words that describe it in
// the sources appendix or in a Word comment ("Số liệu: 1.234 — trang 'I. Kết quả' ô C12").
import type { Template } from "../model/load";
import { cellA1 } from "../layout/a1";
import { definedName, type NameTarget } from "../layout/names";
import { readText } from "../data/typed";
import { cellOf, findSheet, NameIndex, type WorkbookSnapshot } from "../data/snapshot";
import { readMeta } from "../data/read";
import {
  SUBTOTALS_LEAD_COLUMNS,
  SUBTOTALS_SHEET,
  subtotalColumnIds,
} from "../layout/subtotals-sheet";
import type { CellLocation, SourceRef } from "./model";

const BASELINE_WORDS = { lastYear: "cùng kỳ năm trước", startOfTerm: "đầu nhiệm kỳ" } as const;

/** "Đơn thư nhận được — LĐLĐ tỉnh Lai Châu", "... — dòng Tổng cộng", "... — chỉ tiêu". */
export function describeSource(template: Template, ref: SourceRef): string {
  const ind = template.indicatorById.get(ref.indicator);
  const label = ind ? (ind.group ? `${ind.group}: ${ind.label}` : ind.label) : ref.indicator;
  const parts = [label];
  if (ref.unit) parts.push(ref.subtree ? `${ref.unit} và các đơn vị cấp dưới` : ref.unit);
  if (ref.row && ind?.table) {
    const row = template.tableById.get(ind.table)?.rows?.find((r) => r.id === ref.row);
    parts.push(row?.label ?? ref.row);
  }
  if (ref.listIndex !== undefined) parts.push(`dòng ${ref.listIndex + 1}`);
  if (ref.total) parts.push("dòng Tổng cộng");
  // A baseline column's total is already named by its group ("Cùng kỳ năm trước: ...").
  if (ref.baseline && !ref.total) parts.push(BASELINE_WORDS[ref.baseline]);
  if (ref.target) parts.push("chỉ tiêu");
  if (ref.rateOf) {
    const other = template.indicatorById.get(ref.rateOf)?.label ?? ref.rateOf;
    parts.push(ref.paired ? `cộng các dòng có cả “${other}”` : `tỷ lệ tính với “${other}”`);
  }
  return parts.join(" — ");
}

/** "trang 'I. Kết quả' ô C12" */
export function locationText(loc: CellLocation | null): string {
  return loc ? `trang “${loc.sheet}” ô ${loc.cell}` : "không tìm thấy ô trong sổ tính";
}

/**
 * A locate function for buildReportDocument over a workbook snapshot (either adapter's). Unit
 * figures are found by the unit's name on the units sheet, whose rows the per-unit tables follow.
 */
export function locateInWorkbook(
  template: Template,
  snapshot: WorkbookSnapshot
): (ref: SourceRef) => CellLocation | null {
  const names = new NameIndex(snapshot);
  const at = (target: NameTarget, offset = 0): CellLocation | null => {
    const r = names.resolve(definedName(target));
    if (!r.ok) return null;
    const row = r.value.range.top + offset;
    if (row > r.value.range.bottom) return null;
    return { sheet: r.value.sheet.name, cell: cellA1(row, r.value.range.left) };
  };
  let unitIndex: Map<string, number> | null = null;
  const unitRow = (name: string): number | null => {
    if (!unitIndex) {
      unitIndex = new Map();
      const r = names.resolve(definedName({ kind: "unitName" }));
      if (r.ok) {
        const { top, bottom, left } = r.value.range;
        for (let row = top; row <= bottom; row++) {
          const n = readText(cellOf(r.value.sheet, row, left))?.trim();
          if (n && !unitIndex.has(n)) unitIndex.set(n, row - top);
        }
      }
    }
    return unitIndex.get(name.trim()) ?? null;
  };

  // A subtree total is on the "Cộng theo cấp" sheet (values, no names): its row by the unit's
  // name, its column by the sheet's column order.
  const subtotals = findSheet(snapshot, readMeta(snapshot)?.sheets.subtotals ?? SUBTOTALS_SHEET);
  const subtotalColumn = new Map(
    subtotalColumnIds(template).map((id, i) => [id, SUBTOTALS_LEAD_COLUMNS + 1 + i] as const)
  );
  const subtotalAt = (unit: string, indicator: string): CellLocation | null => {
    const col = subtotalColumn.get(indicator);
    if (!subtotals || col === undefined) return null;
    for (let i = 0; i < subtotals.values.length; i++) {
      const row = subtotals.top + i;
      if (readText(cellOf(subtotals, row, 2))?.trim() === unit.trim()) {
        return { sheet: subtotals.name, cell: cellA1(row, col) };
      }
    }
    return null;
  };

  return (ref) => {
    const ind = template.indicatorById.get(ref.indicator);
    if (ref.subtree && ref.unit !== undefined) return subtotalAt(ref.unit, ref.indicator);
    if (ref.target) return at({ kind: "targetValue", target: ref.target });
    // A consolidated workbook keeps comparison values per unit, in a column with a total row.
    if (ref.total && ind?.table) return at({ kind: "total", table: ind.table, indicator: ind.id });
    if (ref.baseline)
      return at({ kind: "baseline", baseline: ref.baseline, indicator: ref.indicator });
    if (ref.unit !== undefined) {
      if (!ind?.perUnit || !ind.table) return null;
      const i = unitRow(ref.unit);
      return i === null ? null : at({ kind: "column", table: ind.table, indicator: ind.id }, i);
    }
    if (ref.row !== undefined && ind?.table) {
      const k = template.tableById.get(ind.table)?.rows?.findIndex((r) => r.id === ref.row) ?? -1;
      return k < 0 ? null : at({ kind: "column", table: ind.table, indicator: ind.id }, k);
    }
    if (ref.listIndex !== undefined && ind?.table) {
      return at({ kind: "column", table: ind.table, indicator: ind.id }, ref.listIndex);
    }
    return at({ kind: "value", indicator: ref.indicator });
  };
}
