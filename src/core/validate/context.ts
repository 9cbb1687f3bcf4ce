// What every validation rule reads: the template, the workbook snapshot, the data read from it,
// and where each figure sits (through the workbook's defined names, so moved cells are found).
import type { Indicator, Table, Template } from "../model/load";
import { tableRows, totalsOfRows, type Row } from "../rollup/totals";
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

  /**
   * Table totals by indicator id, as allTotals gives them, each computed when first asked for
   * and kept for the check: rules, targets and text figures read a few dozen of the hundreds a
   * template has (a total over 1,000 unit rows each).
   */
  get totals(): Map<string, number | null> {
    this.tableTotals ??= new TotalsOnDemand(this.template, this.data);
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

/**
 * allTotals, one column at a time. Only get and has are meant to be used (reportedValue reads
 * get): iterating it or asking its size shows only the totals asked for so far.
 */
class TotalsOnDemand extends Map<string, number | null> {
  private columns: Map<string, { table: Table; col: Indicator }> | null = null;
  private readonly rows = new Map<Table, Row[]>();

  constructor(
    private readonly template: Template,
    private readonly data: ReportData
  ) {
    super();
  }

  override get(id: string): number | null | undefined {
    if (super.has(id)) return super.get(id);
    const at = this.columnsWithTotals().get(id);
    if (!at) return undefined;
    let rows = this.rows.get(at.table);
    if (!rows) {
      rows = tableRows(at.table, this.data);
      this.rows.set(at.table, rows);
    }
    const v = totalsOfRows([at.col], rows).get(id);
    if (v !== undefined) super.set(id, v);
    return v;
  }

  override has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** The columns allTotals gives a total for, a later table's winning as it does there. */
  private columnsWithTotals(): Map<string, { table: Table; col: Indicator }> {
    if (!this.columns) {
      this.columns = new Map();
      for (const table of this.template.tables) {
        if (!table.total || table.kind === "list") continue;
        for (const col of table.columns)
          if (!col.computed || col.ratioOf) this.columns.set(col.id, { table, col });
      }
    }
    return this.columns;
  }
}
