// Totals of table columns, computed from the rows: what the total row's formulas show.
// Rates are recomputed from the totals of their parts, never summed.
import type { Indicator, Template, Table } from "../model/load";
import type { Aggregation } from "../model/schema";
import type { DataValue, ReportData } from "../data/types";
import { ROW_KEY } from "../data/types";
import { aggregate, pairedRatio, ratio } from "./aggregate";

export type Row = Record<string, DataValue>;

const num = (v: DataValue | undefined): number | null => (typeof v === "number" ? v : null);

/** Rows of a table in sheet order: units for per-unit tables, template rows for fixed ones. */
export function tableRows(table: Table, data: ReportData): Row[] {
  switch (table.kind) {
    case "perUnit":
      return data.units.map((u) => u.values);
    case "fixed": {
      const given = data.tables[table.id] ?? [];
      return (table.rows ?? []).map((r) => {
        const found = given.find((g) => g[ROW_KEY] === r.id);
        return found ?? {};
      });
    }
    case "list":
      return data.tables[table.id] ?? [];
  }
}

export function rowRatio(row: Row, part: string, whole: string): number | null {
  return ratio(num(row[part]), num(row[whole]));
}

/** Total of every column of a table that has a total row; computed rates from the totals. */
export function tableTotals(table: Table, data: ReportData): Map<string, number | null> {
  if (!table.total || table.kind === "list") return new Map<string, number | null>();
  return totalsOfRows(table.columns, tableRows(table, data));
}

/**
 * Totals of `columns` over `rows`: each input column by its aggregation (or `aggregationOf`, for
 * roll-ups that read an aggregation differently), each computed rate recomputed from its part and
 * whole over the rows that give both (pairedRatio), never summed or averaged.
 */
export function totalsOfRows(
  columns: ReadonlyArray<Indicator>,
  rows: ReadonlyArray<Row>,
  aggregationOf: (col: Indicator) => Aggregation = (col) => col.aggregation
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const col of columns) {
    if (col.computed) continue;
    out.set(
      col.id,
      aggregate(
        rows.map((r) => num(r[col.id])),
        aggregationOf(col)
      )
    );
  }
  for (const col of columns) {
    if (col.computed && col.ratioOf) {
      const { part, whole } = col.ratioOf;
      out.set(col.id, pairedRatio(rows.map((r) => ({ part: num(r[part]), whole: num(r[whole]) }))));
    }
  }
  return out;
}

/** Every table total in the template, by indicator id. */
export function allTotals(template: Template, data: ReportData): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const table of template.tables) {
    for (const [k, v] of tableTotals(table, data)) out.set(k, v);
  }
  return out;
}

/** The figure the report states for an indicator: its own value, or its table's total. */
export function reportedValue(
  template: Template,
  data: ReportData,
  indicatorId: string,
  totals: Map<string, number | null> = allTotals(template, data)
): number | null {
  const ind = template.indicatorById.get(indicatorId);
  if (!ind) return null;
  if (ind.table) return totals.get(indicatorId) ?? null;
  if (ind.computed && ind.ratioOf) {
    return ratio(num(data.values[ind.ratioOf.part]), num(data.values[ind.ratioOf.whole]));
  }
  return num(data.values[indicatorId]);
}
