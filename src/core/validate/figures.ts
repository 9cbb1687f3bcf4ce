// Every figure of the report, wherever it is entered: a section's own cell, a unit's row of a
// per-unit table, or a row of a fixed or list table. Value rules walk these figures.
import type { Indicator, Table } from "../model/load";
import type { DataValue } from "../data/types";
import type { ValidationContext, Place } from "./context";

export interface Figure {
  readonly ind: Indicator;
  readonly value: DataValue;
  readonly place: Place | null;
  /** The unit or table row it belongs to ("LĐLĐ tỉnh Lai Châu", "Công đoàn cơ sở"), if any. */
  readonly rowLabel?: string;
  /** The row's values, for row-wise relations (part ≤ whole within a unit). */
  readonly row?: Record<string, DataValue>;
  readonly rowIndex?: number;
}

function rowLabelOf(table: Table, index: number, unitName?: string): string {
  if (table.kind === "perUnit") return unitName || `dòng ${index + 1}`;
  if (table.kind === "fixed") return table.rows?.[index]?.label ?? `dòng ${index + 1}`;
  return `dòng ${index + 1} của bảng "${table.title}"`;
}

/** One indicator's figures: its own cell, or a table column's rows. */
interface Column {
  ind: Indicator;
  /** Null for an indicator with its own cell (not in a table). */
  table: Table | null;
  rows: Record<string, DataValue>[];
  /** Row i is skipped (a unit row without a name: the reader reports it when it has figures). */
  skip: (i: number) => boolean;
  placeAt: (i: number) => Place | null;
  labelAt: (i: number) => string | undefined;
}

/**
 * The figure a rule is shown, one at a time. A workbook of 100,000 figures has a few thousand
 * findings at most, so nothing is built per figure: its place (sheet, "C17") and its row's label
 * are worked out only when a rule reads them, i.e. when it has a finding. The same cursor moves
 * from figure to figure, which is why a rule must not keep it.
 */
class Cursor implements Figure {
  ind!: Indicator;
  value: DataValue = null;
  row: Record<string, DataValue> | undefined = undefined;
  rowIndex: number | undefined = undefined;
  private column!: Column;
  private at: Place | null | undefined = undefined;

  moveTo(column: Column, row: Record<string, DataValue>, index: number | undefined): void {
    this.column = column;
    this.ind = column.ind;
    this.row = row;
    this.rowIndex = index;
    this.value = row[column.ind.id] ?? null;
    this.at = undefined;
  }

  get place(): Place | null {
    if (this.at === undefined) this.at = this.column.placeAt(this.rowIndex ?? 0);
    return this.at;
  }

  get rowLabel(): string | undefined {
    return this.column.labelAt(this.rowIndex ?? 0);
  }
}

export class Figures {
  private readonly columns: Column[] = [];

  constructor(
    ctx: ValidationContext,
    raw: {
      units: { name: string; values: Record<string, DataValue> }[];
      tables: Record<string, Record<string, DataValue>[]>;
      values: Record<string, DataValue>;
    }
  ) {
    const unnamed = (i: number) => !raw.units[i]?.name;
    const never = () => false;
    // A table's rows once per table, not once per column.
    const tableRows = new Map<string, Record<string, DataValue>[]>();
    const rowsOf = (table: Table) => {
      let rows = tableRows.get(table.id);
      if (!rows) {
        rows =
          table.kind === "perUnit" ? raw.units.map((u) => u.values) : (raw.tables[table.id] ?? []);
        tableRows.set(table.id, rows);
      }
      return rows;
    };
    for (const ind of ctx.template.indicators) {
      if (ind.computed) continue;
      if (!ind.table) {
        let at: Place | null | undefined;
        this.columns.push({
          ind,
          table: null,
          rows: [raw.values],
          skip: never,
          placeAt: () => (at === undefined ? (at = ctx.placeOf(ind)) : at),
          labelAt: () => undefined,
        });
        continue;
      }
      const table = ctx.template.tableById.get(ind.table)!;
      const perUnit = table.kind === "perUnit";
      // Resolved when a rule first asks for a place of this column, not for every column.
      let placeAt: ((i: number) => Place | null) | undefined;
      const column = ind.table;
      this.columns.push({
        ind,
        table,
        rows: rowsOf(table),
        skip: perUnit ? unnamed : never,
        placeAt: (i) => (placeAt ??= ctx.rowPlaces({ ...ind, table: column }))(i),
        labelAt: (i) => rowLabelOf(table, i, perUnit ? raw.units[i]?.name : undefined),
      });
    }
  }

  /**
   * Shows `visit` every figure of the indicators `want` accepts, indicator by indicator (the
   * template's order), row by row. The figure is a cursor that moves on: read it, don't keep it.
   */
  each(want: (ind: Indicator) => boolean, visit: (f: Figure) => void): void {
    const cursor = new Cursor();
    for (const column of this.columns) {
      if (!want(column.ind)) continue;
      const { rows, skip } = column;
      const own = column.table === null;
      for (let i = 0; i < rows.length; i++) {
        if (skip(i)) continue;
        cursor.moveTo(column, rows[i], own ? undefined : i);
        visit(cursor);
      }
    }
  }
}
