// Unit workbooks for consolidation tests: a template's sample, re-issued by one unit with
// generated figures (seeded), as a snapshot (pure core tests) or .xlsx bytes (driver, CLI).
import { findTemplate } from "../../../src/templates";
import * as ExcelJS from "exceljs";
import { isNumericType, type Template } from "../../../src/core/model/load";
import type { DataValue, ReportData } from "../../../src/core/data/types";
import { loadSample } from "../../../src/templates/samples";
import { planWorkbook } from "../../../src/core/layout/planner";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import { planToXlsx, type ExcelJsModule } from "../../../src/adapters/xlsx/render";
import { screenSource, type ScreenedSource } from "../../../src/core/consolidate";
import { generatedData, seeded } from "../../../scripts/bench-data";
import { planToSnapshot } from "../../support/plan-snapshot";

export const exceljs = ExcelJS as unknown as ExcelJsModule;

function figure(type: string, rnd: () => number, whole?: number): number {
  if (whole !== undefined) return Math.floor(rnd() * (whole + 1));
  switch (type) {
    case "money":
      return Math.round(rnd() * 5e6) * 1000;
    case "decimal":
      return Math.round(rnd() * 10000) / 100;
    case "percent":
      return Math.round(rnd() * 1000) / 1000;
    default:
      return 10 + Math.floor(rnd() * 5000);
  }
}

/** One unit's report: the sample's texts and header, this unit's name, period and figures. */
export function unitData(t: Template, unit: string, seed: number, period?: string): ReportData {
  const rnd = seeded(seed);
  const data = loadSample(t.id);
  data.header.issuingBody = unit;
  if (period) data.header.period = period;
  const values: Record<string, DataValue> = {};
  const scalars = t.indicators.filter((i) => !i.table && !i.computed && isNumericType(i.type));
  for (const i of scalars) if (!i.partOf && !i.ratioOf) values[i.id] = figure(i.type, rnd);
  for (const i of scalars) {
    if (!i.partOf) continue;
    const whole = values[i.partOf];
    values[i.id] = figure(i.type, rnd, typeof whole === "number" ? whole : undefined);
  }
  for (const i of scalars) {
    if (!i.ratioOf) continue;
    const p = values[i.ratioOf.part];
    const w = values[i.ratioOf.whole];
    values[i.id] = typeof p === "number" && typeof w === "number" && w > 0 ? p / w : null;
  }
  for (const [k, v] of Object.entries(data.values)) {
    const ind = t.indicatorById.get(k);
    if (ind && !ind.table && !isNumericType(ind.type)) values[k] = v;
  }
  data.values = values;
  if (t.baselines.includes("lastYear")) {
    const ly: Record<string, DataValue> = {};
    for (const i of scalars)
      if (i.type !== "percent" && typeof values[i.id] === "number")
        ly[i.id] = Math.round(Number(values[i.id]) * 0.9);
    data.baselines = { lastYear: ly };
  }
  for (const table of t.tables.filter((x) => x.kind === "fixed")) {
    data.tables[table.id] = (table.rows ?? []).map((r) => {
      const row: Record<string, DataValue> = { row: r.id };
      for (const c of table.columns)
        if (!c.computed && isNumericType(c.type)) row[c.id] = figure("integer", rnd);
      return row;
    });
  }
  if (t.hasPerUnitTables) {
    const gen = generatedData(t, 1, seed).units[0];
    data.units = [{ name: unit, parent: null, values: gen.values }];
  }
  return data;
}

export function snapshotOf(t: Template, data: ReportData): WorkbookSnapshot {
  return planToSnapshot(planWorkbook(t, data));
}

export async function xlsxOf(t: Template, data: ReportData): Promise<Uint8Array> {
  return planToXlsx(exceljs, planWorkbook(t, data));
}

let clock = 0;
/** Screens a unit's data as the driver would, with a fake checksum derived from the content. */
export function screened(
  t: Template,
  data: ReportData,
  file: string,
  checksum?: string
): ScreenedSource {
  clock++;
  return screenSource(
    {
      file,
      checksum: checksum ?? `${file}-${JSON.stringify(data).length}`,
      readAt: new Date(Date.UTC(2024, 3, 1, 8, 0, clock)).toISOString(),
    },
    { snapshot: snapshotOf(t, data) },
    findTemplate
  );
}
