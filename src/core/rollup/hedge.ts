// How hedges ("trên", "gần", "hơn", "khoảng", "ít nhất") carry through totals and rates, so a total
// of hedged figures is never stated as exact, and a hedge is never stronger than its parts allow:
//   - exact figures add nothing: 55.680 + trên 610 = trên 56.290;
//   - lower bounds only ("trên", "hơn", "ít nhất"): the total is a lower bound too, said with the
//     parts' own word when they all use the same one, else "trên";
//   - "gần" only: the total is "gần" (every part is at most its figure);
//   - any "khoảng", or lower bounds mixed with "gần": nothing is known of the direction: "khoảng".
// An average follows the same rule as a sum (it is a sum divided by an exact count); a maximum
// takes the hedges of the rows giving it; "last" the last row's. A rate takes its part's hedge
// while its whole is exact (trên 55.680 of exactly 60.000 is trên 92,8%); a hedged whole makes
// the direction unknown, so the rate is "khoảng".
import type { Aggregation } from "../model/schema";
import type { Table, Template } from "../model/load";
import type { ReportData } from "../data/types";
import { isLowerBound, type Hedge } from "../format/hedge";
import { tableRows } from "./totals";

/** The hedge of a sum (or average) of figures with these hedges; null (exact) when none is hedged. */
export function combineHedges(hedges: ReadonlyArray<Hedge | null | undefined>): Hedge | null {
  const given = hedges.filter((h): h is Hedge => typeof h === "string");
  if (given.length === 0) return null;
  if (given.includes("about")) return "about";
  const lower = given.filter(isLowerBound);
  if (lower.length === 0) return "nearly";
  if (lower.length < given.length) return "about";
  return lower.every((h) => h === lower[0]) ? lower[0] : "over";
}

export interface HedgedFigure {
  value: number | null | undefined;
  hedge: Hedge | null | undefined;
}

/**
 * The hedge of an aggregate of rows, by the column's aggregation. Rows without a figure do not
 * count (a hedge on a blank cell is a finding, not a figure).
 */
export function aggregateHedge(rows: ReadonlyArray<HedgedFigure>, how: Aggregation): Hedge | null {
  const present = rows.filter(
    (r): r is { value: number; hedge: Hedge | null | undefined } =>
      typeof r.value === "number" && Number.isFinite(r.value)
  );
  if (present.length === 0) return null;
  switch (how) {
    case "none":
      return null;
    case "sum":
    case "average":
      return combineHedges(present.map((r) => r.hedge));
    case "max": {
      const max = Math.max(...present.map((r) => r.value));
      return combineHedges(present.filter((r) => r.value === max).map((r) => r.hedge));
    }
    case "last":
      return present[present.length - 1].hedge ?? null;
  }
}

/** The hedge of part/whole: the part's while the whole is exact; "khoảng" once the whole is hedged. */
export function rateHedge(
  part: Hedge | null | undefined,
  whole: Hedge | null | undefined
): Hedge | null {
  if (whole) return "about";
  return part ?? null;
}

export type RowHedges = Readonly<Record<string, Hedge>>;

/** The hedges of a table's rows, aligned with tableRows: units' for per-unit tables, fixed rows'. */
export function tableRowHedges(table: Table, data: ReportData): (RowHedges | undefined)[] {
  switch (table.kind) {
    case "perUnit":
      return data.units.map((u) => u.hedges);
    case "fixed": {
      const given = data.hedges?.tables?.[table.id];
      return (table.rows ?? []).map((r) => given?.[r.id]);
    }
    case "list":
      return tableRows(table, data).map(() => undefined);
  }
}

/**
 * Whether the consolidating writer's own hedge of a total (`hedges.values` of a table column: "trên
 * 45" where every province's figure is exact, as seed 001 rounds totals down) may stand for the
 * rows' combined hedge: any word over exact rows; over hedged rows, one of the same direction (a
 * lower bound for lower bounds, "gần" for "gần") or "khoảng", which claims less. A hedged total is
 * never made exact: a blank own hedge is no hedge of its own.
 */
export function totalHedgeFits(own: Hedge, derived: Hedge | null): boolean {
  if (derived === null || own === derived || own === "about") return true;
  if (derived === "about") return false;
  return isLowerBound(own) === isLowerBound(derived);
}

/**
 * The hedge of each total of a table (the hedge the total row's figure carries): inputs by their
 * aggregation over the rows' hedges, or the writer's own hedge of the total where it fits them
 * (`own`; totalHedgeFits); rates from their part's and whole's totals.
 */
export function tableHedgeTotals(
  table: Table,
  data: ReportData,
  own = true
): Map<string, Hedge | null> {
  const out = new Map<string, Hedge | null>();
  if (!table.total || table.kind === "list") return out;
  const rows = tableRows(table, data);
  const hedges = tableRowHedges(table, data);
  for (const col of table.columns) {
    if (col.computed) continue;
    const figures = rows.map((r, i) => ({
      value: typeof r[col.id] === "number" ? (r[col.id] as number) : null,
      hedge: hedges[i]?.[col.id],
    }));
    const derived = aggregateHedge(figures, col.aggregation);
    const given = own ? data.hedges?.values?.[col.id] : undefined;
    out.set(col.id, given && totalHedgeFits(given, derived) ? given : derived);
  }
  for (const col of table.columns) {
    if (col.computed && col.ratioOf)
      out.set(col.id, rateHedge(out.get(col.ratioOf.part), out.get(col.ratioOf.whole)));
  }
  return out;
}

/**
 * Every table total's hedge in the template, by indicator id (as allTotals gives the figures);
 * without `own`, the rows' alone.
 */
export function allHedgeTotals(
  template: Template,
  data: ReportData,
  own = true
): Map<string, Hedge | null> {
  const out = new Map<string, Hedge | null>();
  for (const table of template.tables) {
    for (const [k, v] of tableHedgeTotals(table, data, own)) out.set(k, v);
  }
  return out;
}
