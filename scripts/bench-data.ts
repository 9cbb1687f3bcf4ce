// Generated report data for benchmarks: plausible figures for every input of a template, with
// as many units as asked. Seeded, so every run measures the same workbook.
import type { Template } from "../src/core/model/load";
import { isNumericType } from "../src/core/model/load";
import type { DataValue, ReportData } from "../src/core/data/types";
import { loadSample } from "../src/templates/samples";

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function figure(type: string, rnd: () => number, whole?: number): DataValue {
  switch (type) {
    case "integer":
      return whole !== undefined ? Math.floor(rnd() * (whole + 1)) : 10 + Math.floor(rnd() * 5000);
    case "money":
      return Math.round((rnd() * 5e9) / 1000) * 1000;
    case "decimal":
      return Math.round(rnd() * 10000) / 100;
    case "percent":
      return Math.round(rnd() * 1000) / 1000;
    default:
      return null;
  }
}

/** The template's sample with `unitCount` generated units filling every per-unit input. */
export function generatedData(template: Template, unitCount: number, seed = 1): ReportData {
  const rnd = seeded(seed);
  const data = loadSample(template.id);
  const columns = template.indicators.filter(
    (i) => i.perUnit && !i.computed && isNumericType(i.type)
  );
  data.units = Array.from({ length: unitCount }, (_, u) => {
    const values: Record<string, DataValue> = {};
    for (const c of columns) {
      if (c.partOf) continue;
      values[c.id] = figure(c.type, rnd);
    }
    for (const c of columns) {
      if (!c.partOf) continue;
      const whole = values[c.partOf];
      values[c.id] = figure(c.type, rnd, typeof whole === "number" ? whole : undefined);
    }
    // A typed rate agrees with its parts, as a careful unit would write it.
    for (const c of columns) {
      if (c.type === "percent" && c.ratioOf) {
        const p = values[c.ratioOf.part];
        const w = values[c.ratioOf.whole];
        values[c.id] =
          typeof p === "number" && typeof w === "number" && w > 0 ? Math.min(10, p / w) : null;
      }
    }
    return { name: `Công đoàn cơ sở số ${u + 1}`, parent: null, values };
  });
  return data;
}

export function inputCellCount(template: Template, data: ReportData): number {
  return data.units.reduce(
    (n, u) => n + Object.values(u.values).filter((v) => v !== null).length,
    0
  );
}
