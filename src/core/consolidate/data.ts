// The canonical data of a consolidated workbook. Each unit's own figures are the rows of the
// per-unit tables; everything the report states for the whole is derived from them, so the
// figures stay traceable and a unit value corrected in Excel changes the totals consistently:
//   - values: the totals of every column (moved figures included), as for any per-unit table;
//   - a fixed table's cells: the totals of its generated per-unit columns;
//   - baselines: the totals of the generated baseline columns;
//   - hedges: those of the totals, from the units' hedges (rollup/hedge.ts), cells included.
import type { Template } from "../model/load";
import { canonicalize } from "../data/canonical";
import { ROW_KEY, type DataValue, type ReportData } from "../data/types";
import { allTotals } from "../rollup/totals";
import { consolidationMap } from "./template";
import { allHedgeTotals } from "../rollup/hedge";
import type { Hedge } from "../format/hedge";

/** Canonical data of a consolidated template (what dump prints and the core result holds). */
export function consolidatedData(template: Template, data: ReportData): ReportData {
  const map = consolidationMap(template);
  const unitTotals = allTotals(template, data);
  const tables: ReportData["tables"] = { ...data.tables };
  const hedgeTotals = allHedgeTotals(template, data);
  const tableHedges: Record<string, Record<string, Record<string, Hedge>>> = {
    ...data.hedges?.tables,
  };
  for (const table of template.tables) {
    if (table.kind !== "fixed" || !table.rows) continue;
    const generated = table.rows.flatMap((r) =>
      table.columns.map((c) => map.fixedColumnOf.get(`${table.id}.${r.id}.${c.id}`))
    );
    // A consolidation without units (nothing read yet) keeps the cells as typed.
    if (!generated.some((id) => id !== undefined && unitTotals.get(id) !== null)) continue;
    const hedgeRows: Record<string, Record<string, Hedge>> = {};
    tables[table.id] = table.rows.map((r) => {
      const row: Record<string, DataValue> = { [ROW_KEY]: r.id };
      for (const c of table.columns) {
        const id = map.fixedColumnOf.get(`${table.id}.${r.id}.${c.id}`);
        const v = id ? unitTotals.get(id) : undefined;
        if (typeof v === "number") row[c.id] = v;
        const h = id && typeof v === "number" ? hedgeTotals.get(id) : null;
        if (h) (hedgeRows[r.id] ??= {})[c.id] = h;
      }
      return row;
    });
    tableHedges[table.id] = hedgeRows;
  }
  const hedges = { ...data.hedges, tables: tableHedges };
  const out = canonicalize(template, { ...data, tables, hedges });
  const totals = allTotals(template, { ...data, tables });
  let baselines: NonNullable<ReportData["baselines"]> | undefined = out.baselines;
  for (const [col, { baseline, indicator }] of map.baselineColumns) {
    const v = totals.get(col);
    if (typeof v !== "number") continue;
    baselines ??= {};
    (baselines[baseline] ??= {})[indicator] = v;
  }
  if (baselines) out.baselines = baselines;
  if (data.consolidation) out.consolidation = data.consolidation;
  return out;
}
