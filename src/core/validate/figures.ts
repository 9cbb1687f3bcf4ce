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
    const rows =
      table.kind === "perUnit" ? raw.units.map((u) => u.values) : (raw.tables[table.id] ?? []);
    rows.forEach((row, i) => {
      const unitName = table.kind === "perUnit" ? raw.units[i]?.name : undefined;
      if (table.kind === "perUnit" && !unitName) return; // reported by the reader when it has figures
      out.push({
        ind,
        value: row[ind.id] ?? null,
        place: ctx.placeOf(ind, i),
        rowLabel: rowLabelOf(table, i, unitName),
        row,
        rowIndex: i,
      });
    });
  }
  return out;
}
