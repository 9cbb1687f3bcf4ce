// The canonical form of report data: what `baocao dump` prints and what sample files hold.
// Keys follow the template's order, blanks are left out, table totals are computed from rows
// (rates recomputed from their parts), and every target is listed with its comparator and level.
import { sentenceKey } from "../narrative/tokens";
import type { Template } from "../model/load";
import { HEADER_FIELDS } from "../model/schema";
import { PREAMBLE_KEY } from "../layout/names";
import { allTotals } from "../rollup/totals";
import { ROW_KEY, type DataValue, type ReportData, type ReportHeader } from "./types";
import { allHedgeTotals } from "../rollup/hedge";
import type { Hedge } from "../format/hedge";

const present = (v: DataValue | undefined): v is number | string =>
  v !== null && v !== undefined && v !== "";

/** The hedges of the figures `values` holds, in their order; undefined when none is hedged. */
function presentHedges(
  values: Record<string, DataValue>,
  hedges: Readonly<Record<string, Hedge>> | undefined
): Record<string, Hedge> | undefined {
  if (!hedges) return undefined;
  const out: Record<string, Hedge> = {};
  for (const id of Object.keys(values)) if (hedges[id]) out[id] = hedges[id];
  return Object.keys(out).length > 0 ? out : undefined;
}

function orderedValues(
  ids: string[],
  source: Record<string, DataValue>
): Record<string, DataValue> {
  const out: Record<string, DataValue> = {};
  for (const id of ids) if (present(source[id])) out[id] = source[id];
  return out;
}

export function canonicalize(template: Template, data: ReportData): ReportData {
  const header: ReportHeader = {};
  for (const field of HEADER_FIELDS) {
    if (field === "recipients") {
      const list = (data.header.recipients ?? []).filter((r) => r.trim() !== "");
      if (list.length > 0) header.recipients = list;
    } else {
      const v = data.header[field];
      if (v !== undefined && v !== "") header[field] = v;
    }
  }

  const totals = allTotals(template, data);
  const values: Record<string, DataValue> = {};
  for (const ind of template.indicators) {
    if (ind.computed) continue;
    const v = ind.table ? totals.get(ind.id) : data.values[ind.id];
    if (present(v)) values[ind.id] = v;
  }

  const unitColumns = template.tables
    .filter((t) => t.kind === "perUnit")
    .flatMap((t) => t.columns.filter((c) => !c.computed).map((c) => c.id));
  const units = data.units
    .filter((u) => u.name.trim() !== "")
    .map((u) => {
      const vals = orderedValues(unitColumns, u.values);
      const hedges = presentHedges(vals, u.hedges);
      return {
        name: u.name,
        parent: u.parent ?? null,
        values: vals,
        ...(hedges ? { hedges } : {}),
      };
    });

  const tables: ReportData["tables"] = {};
  for (const table of template.tables) {
    if (table.kind === "perUnit") continue;
    const cols = table.columns.filter((c) => !c.computed).map((c) => c.id);
    const rows = (data.tables[table.id] ?? [])
      .map((r) => {
        const vals = orderedValues(cols, r);
        return table.kind === "fixed" ? { [ROW_KEY]: r[ROW_KEY] ?? null, ...vals } : vals;
      })
      .filter((r) => Object.keys(r).some((k) => k !== ROW_KEY));
    if (table.kind === "fixed") {
      const order = (table.rows ?? []).map((r) => r.id);
      rows.sort((a, b) => order.indexOf(String(a[ROW_KEY])) - order.indexOf(String(b[ROW_KEY])));
    }
    if (rows.length > 0) tables[table.id] = rows;
  }

  // Hedges follow their figures: a table indicator's is its total's, derived from the rows'.
  const hedgeTotals = allHedgeTotals(template, data);
  const valueHedges: Record<string, Hedge> = {};
  for (const ind of template.indicators) {
    if (ind.computed || !(ind.id in values)) continue;
    const h = ind.table ? hedgeTotals.get(ind.id) : data.hedges?.values?.[ind.id];
    if (h) valueHedges[ind.id] = h;
  }
  const tableHedges: Record<string, Record<string, Record<string, Hedge>>> = {};
  for (const [tableId, rows] of Object.entries(tables)) {
    const given = data.hedges?.tables?.[tableId];
    if (!given) continue;
    for (const row of rows) {
      const id = row[ROW_KEY];
      const h = typeof id === "string" ? presentHedges(row, given[id]) : undefined;
      if (h && typeof id === "string") (tableHedges[tableId] ??= {})[id] = h;
    }
  }

  const texts: Record<string, string> = {};
  for (const key of [PREAMBLE_KEY, ...template.allSections.map((s) => s.id)]) {
    const v = data.texts[key];
    if (typeof v === "string" && v.trim() !== "") texts[key] = v;
  }

  const out: ReportData = {
    template: data.template,
    templateVersion: data.templateVersion,
    header,
    values,
    units,
    tables,
    texts,
  };

  if (Object.keys(valueHedges).length > 0 || Object.keys(tableHedges).length > 0) {
    out.hedges = {};
    if (Object.keys(valueHedges).length > 0) out.hedges.values = valueHedges;
    if (Object.keys(tableHedges).length > 0) out.hedges.tables = tableHedges;
  }

  if (template.targets.length > 0) {
    out.targets = {};
    for (const t of template.targets) {
      const given = data.targets?.[t.id];
      out.targets[t.id] = {
        comparator: given?.comparator ?? t.comparator,
        value: given ? given.value : t.value,
      };
    }
  }

  if (data.sentences) {
    const sentences: Record<string, string> = {};
    for (const s of template.allSections) {
      for (const x of s.sentences) {
        const key = sentenceKey(s.id, x.id);
        const v = data.sentences[key];
        if (typeof v === "string") sentences[key] = v;
      }
    }
    if (Object.keys(sentences).length > 0) out.sentences = sentences;
  }

  if (data.baselines) {
    const ids = template.indicators.filter((i) => !i.table && !i.computed).map((i) => i.id);
    const baselines: NonNullable<ReportData["baselines"]> = {};
    for (const b of template.baselines) {
      const vals = orderedValues(ids, data.baselines[b] ?? {});
      if (Object.keys(vals).length > 0) baselines[b] = vals;
    }
    if (Object.keys(baselines).length > 0) out.baselines = baselines;
  }
  return out;
}
