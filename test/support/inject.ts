// Fault injection into workbook snapshots, for validation tests.
import { cellA1, parseQualifiedRange, qualified } from "../../src/core/layout/a1";
import { definedName, type NameTarget } from "../../src/core/layout/names";
import type { RawCell, WorkbookSnapshot } from "../../src/core/data/snapshot";
import type { Template, Indicator } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToSnapshot } from "./plan-snapshot";

export interface Cell {
  sheet: string;
  row: number;
  col: number;
  cell: string;
}

export function snapshotOf(template: Template, data: ReportData): WorkbookSnapshot {
  return planToSnapshot(planWorkbook(template, data));
}

export function locate(s: WorkbookSnapshot, target: NameTarget, index = 0): Cell {
  const name = s.names.find((n) => n.name.toUpperCase() === definedName(target).toUpperCase());
  if (!name) throw new Error(`no name ${definedName(target)}`);
  const q = parseQualifiedRange(name.ref)!;
  const row = q.range.top + index;
  return { sheet: q.sheet, row, col: q.range.left, cell: cellA1(row, q.range.left) };
}

export function locateFigure(s: WorkbookSnapshot, ind: Indicator, index = 0): Cell {
  return ind.table
    ? locate(s, { kind: "column", table: ind.table, indicator: ind.id }, index)
    : locate(s, { kind: "value", indicator: ind.id });
}

export function setCell(
  s: WorkbookSnapshot,
  c: Cell,
  value: RawCell,
  formula: string | null = null
): void {
  const sheet = s.sheets.find((x) => x.name === c.sheet)!;
  while (sheet.values.length < c.row - sheet.top + 1) sheet.values.push([]);
  const row = sheet.values[c.row - sheet.top];
  while (row.length < c.col - sheet.left + 1) row.push(null);
  row[c.col - sheet.left] = value;
  if (sheet.formulas) {
    while (sheet.formulas.length < c.row - sheet.top + 1) sheet.formulas.push([]);
    sheet.formulas[c.row - sheet.top][c.col - sheet.left] = formula;
  }
}

export function getCell(s: WorkbookSnapshot, c: Cell): RawCell {
  const sheet = s.sheets.find((x) => x.name === c.sheet)!;
  return sheet.values[c.row - sheet.top]?.[c.col - sheet.left] ?? null;
}

/** Moves a defined name to another cell (as cutting and pasting the input would). */
export function moveName(s: WorkbookSnapshot, target: NameTarget, rowOffset: number): Cell {
  const name = s.names.find((n) => n.name.toUpperCase() === definedName(target).toUpperCase())!;
  const q = parseQualifiedRange(name.ref)!;
  const range = { ...q.range, top: q.range.top + rowOffset, bottom: q.range.bottom + rowOffset };
  name.ref = `=${qualified(q.sheet, range)}`;
  return { sheet: q.sheet, row: range.top, col: range.left, cell: cellA1(range.top, range.left) };
}
