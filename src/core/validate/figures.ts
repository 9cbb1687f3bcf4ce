// Every figure of the report, wherever it is entered: a section's own cell, a unit's row of a
// per-unit table, or a row of a fixed or list table. Value rules walk this list.
import type { Indicator, Table } from "../model/load";
import type { DataValue } from "../data/types";
import type { ValidationContext, Place } from "./context";

export interface Figure {
  ind: Indicator;
  value: DataValue;
  place: Place | null;
  /** The unit or table row it belongs to ("LĐLĐ tỉnh Lai Châu", "Công đoàn cơ sở"), if any. */
  rowLabel?: string;
  /** The row's values, for row-wise relations (part ≤ whole within a unit). */
  row?: Record<string, DataValue>;
  rowIndex?: number;
}

/**
 * A figure of a table row. Its place (sheet, "C17") is worked out only when a rule asks for it,
 * i.e. when it has a finding: a workbook of 100,000 figures has a few thousand at most.
 */
class RowFigure implements Figure {
  private at: Place | null | undefined = undefined;

  constructor(
    readonly ind: Indicator,
    readonly value: DataValue,
    private readonly placeAt: (index: number) => Place | null,
    readonly rowLabel: string,
    readonly row: Record<string, DataValue>,
    readonly rowIndex: number
  ) {}

  get place(): Place | null {
    if (this.at === undefined) this.at = this.placeAt(this.rowIndex);
    return this.at;
  }
}

function rowLabelOf(table: Table, index: number, unitName?: string): string {
  if (table.kind === "perUnit") return unitName || `dòng ${index + 1}`;
  if (table.kind === "fixed") return table.rows?.[index]?.label ?? `dòng ${index + 1}`;
  return `dòng ${index + 1} của bảng "${table.title}"`;
}

export function figures(
  ctx: ValidationContext,
  raw: {
    units: { name: string; values: Record<string, DataValue> }[];
    tables: Record<string, Record<string, DataValue>[]>;
    values: Record<string, DataValue>;
  }
): Figure[] {
  const out: Figure[] = [];
  // A table's rows and their labels, once per table rather than once per column.
  const tableRows = new Map<string, { rows: Record<string, DataValue>[]; labels: string[] }>();
  const rowsOf = (table: Table) => {
    let r = tableRows.get(table.id);
    if (!r) {
      const rows =
        table.kind === "perUnit" ? raw.units.map((u) => u.values) : (raw.tables[table.id] ?? []);
      const labels = rows.map((_, i) =>
        rowLabelOf(table, i, table.kind === "perUnit" ? raw.units[i]?.name : undefined)
      );
      r = { rows, labels };
      tableRows.set(table.id, r);
    }
    return r;
  };
  for (const ind of ctx.template.indicators) {
    if (ind.computed) continue;
    if (!ind.table) {
      out.push({
        ind,
        value: raw.values[ind.id] ?? null,
        place: ctx.placeOf(ind),
        row: raw.values,
      });
      continue;
    }
    const table = ctx.template.tableById.get(ind.table)!;
    const { rows, labels } = rowsOf(table);
    const placeAt = ctx.rowPlaces({ ...ind, table: ind.table });
    const perUnit = table.kind === "perUnit";
    for (let i = 0; i < rows.length; i++) {
      // A unit row without a name is reported by the reader when it has figures.
      if (perUnit && !raw.units[i]?.name) continue;
      const row = rows[i];
      out.push(new RowFigure(ind, row[ind.id] ?? null, placeAt, labels[i], row, i));
    }
  }
  return out;
}
