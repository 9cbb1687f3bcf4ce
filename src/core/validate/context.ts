// What every validation rule reads: the template, the workbook snapshot, the data read from it,
// and where each figure sits (through the workbook's defined names, so moved cells are found).
import type { Indicator, Template } from "../model/load";
import { allTotals } from "../rollup/totals";
import type { Period } from "../period";
import { templatePeriod } from "../model/title";
import { cellA1 } from "../layout/a1";
import { definedName, type NameTarget } from "../layout/names";
import type { ReportData } from "../data/types";
import { NameIndex, type WorkbookSnapshot, cellOf, type RawCell } from "../data/snapshot";
import type { Finding, Severity } from "../findings";

export interface Place {
  sheet: string;
  cell: string;
  row: number;
  col: number;
}

export class ValidationContext {
  readonly findings: Finding[] = [];
  readonly names: NameIndex;
  readonly period: Period | null;
  private tableTotals: Map<string, number | null> | null = null;

  constructor(
    readonly template: Template,
    readonly snapshot: WorkbookSnapshot,
    readonly data: ReportData
  ) {
    this.names = new NameIndex(snapshot);
    this.period = templatePeriod(template, data.header.period);
  }

  /** The cell of a named input; `index` picks a row of a column name (unit i, table row i). */
  place(target: NameTarget, index = 0): Place | null {
    const r = this.names.resolve(definedName(target));
    if (!r.ok) return null;
    const row = r.value.range.top + index;
    if (row > r.value.range.bottom) return null;
    const col = r.value.range.left;
    return { sheet: r.value.sheet.name, cell: cellA1(row, col), row, col };
  }

  /** Every table total, computed once per check: rules, targets and text figures all read them. */
  get totals(): Map<string, number | null> {
    this.tableTotals ??= allTotals(this.template, this.data);
    return this.tableTotals;
  }

  /**
   * The places of a table column's rows (unit i, table row i), its name resolved once: a table
   * of 1,000 units asks for 1,000 rows of every column.
   */
  rowPlaces(ind: Indicator & { table: string }): (index: number) => Place | null {
    const r = this.names.resolve(
      definedName({ kind: "column", table: ind.table, indicator: ind.id })
    );
    if (!r.ok) return () => null;
    const { top, bottom, left } = r.value.range;
    const sheet = r.value.sheet.name;
    return (index) => {
      const row = top + index;
      return row > bottom ? null : { sheet, cell: cellA1(row, left), row, col: left };
    };
  }

  raw(p: Place): RawCell {
    const sheet = this.snapshot.sheets.find((s) => s.name === p.sheet);
    return sheet ? cellOf(sheet, p.row, p.col) : null;
  }

  /** Where an indicator's figure is: its own cell, a unit's row, or a table row. */
  placeOf(ind: Indicator, row?: number): Place | null {
    if (!ind.table) return this.place({ kind: "value", indicator: ind.id });
    if (row === undefined)
      return this.place({ kind: "total", table: ind.table, indicator: ind.id });
    let at = this.columns.get(ind.id);
    if (!at) {
      at = this.rowPlaces({ ...ind, table: ind.table });
      this.columns.set(ind.id, at);
    }
    return at(row);
  }

  /** Row places by column indicator: rules ask again for every unit that breaks them. */
  private readonly columns = new Map<string, (index: number) => Place | null>();

  add(
    severity: Severity,
    rule: string,
    where: Place | null,
    indicator: string | null,
    value: Finding["value"],
    message: string
  ): void {
    this.findings.push({
      severity,
      sheet: where?.sheet ?? null,
      cell: where?.cell ?? null,
      indicator,
      rule,
      value,
      // Where travels in sheet and cell; the message says what is wrong and what to do.
      // Vietnamese has no casing rules of its own (Unicode's special casing is for Turkish,
      // Azeri and Lithuanian), so the plain upper case is the same and skips a locale lookup.
      message: message.charAt(0).toUpperCase() + message.slice(1),
    });
  }
}
