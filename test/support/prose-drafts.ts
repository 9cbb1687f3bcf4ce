// The drafts the prose judge reads (issue 9, Acceptance 1): every sample; generated data with
// random figures, zeros and blanks for every template (seeded); consolidated drafts of 7 and 300
// units. Each draft is built by the core (src/core/document) and read as plain text by
// draftFromDocument; the LibreOffice reading of the samples' .docx is in docx-prose.test.ts.
import { findTemplate, builtInTemplates } from "../../src/templates";
import { isNumericType, type Indicator, type Template } from "../../src/core/model/load";
import type { DataValue, ReportData } from "../../src/core/data/types";
import { loadSample, sampleIds } from "../../src/templates/samples";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  type ReportDocument,
} from "../../src/core/document";
import { consolidate } from "../../src/core/consolidate";
import { seeded } from "../../scripts/bench-data";
import { screened, unitData } from "../core/consolidate/fixtures";
import { draftFromDocument, type ProseDraft } from "./prose-check";

export const RANDOM_SEEDS = [11, 23, 37];

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

/** Unit names of a draft's data: proper nouns wherever they stand. */
function unitNames(data: ReportData): string[] {
  return [
    ...data.units.map((u) => u.name),
    ...(data.consolidation?.receivedUnits ?? []),
    ...(data.consolidation?.expectedUnits ?? []),
  ];
}

export function proseOf(doc: ReportDocument, name: string, data: ReportData): ProseDraft {
  return draftFromDocument(doc, name, unitNames(data));
}

export function sampleDrafts(): { draft: ProseDraft; doc: ReportDocument; data: ReportData }[] {
  return sampleIds().map((id) => {
    const data = loadSample(id);
    const doc = buildReportDocument(template(id), data);
    return { draft: proseOf(doc, `sample/${id}`, data), doc, data };
  });
}

/** A figure of the indicator's type: a quarter of them 0, a fifth blank, the rest plausible. */
function randomFigure(ind: Indicator, rnd: () => number, whole?: DataValue): DataValue {
  const r = rnd();
  if (r < 0.25) return 0;
  if (r < 0.45) return null;
  if (typeof whole === "number") return Math.floor(rnd() * (whole + 1));
  switch (ind.type) {
    case "money":
      return Math.round(rnd() * 5e6) * 1000;
    case "percent":
      return Math.round(rnd() * 1200) / 1000;
    case "decimal":
      return Math.round(rnd() * 10000) / 100;
    default:
      return 1 + Math.floor(rnd() * (rnd() < 0.3 ? 9 : 5000));
  }
}

function randomValues(
  inds: readonly Indicator[],
  rnd: () => number,
  into: Record<string, DataValue>
): Record<string, DataValue> {
  const inputs = inds.filter((i) => !i.computed && isNumericType(i.type));
  for (const i of inputs) if (!i.partOf) into[i.id] = randomFigure(i, rnd);
  for (const i of inputs) if (i.partOf) into[i.id] = randomFigure(i, rnd, into[i.partOf]);
  return into;
}

/**
 * The template's sample with every numeric input redrawn (zeros and blanks included), targets and
 * comparison values redrawn, and about a third of the section texts left blank.
 */
export function randomData(t: Template, seed: number): ReportData {
  const rnd = seeded(seed);
  const data = loadSample(t.id);
  const scalars = t.indicators.filter((i) => !i.table && !i.perUnit);
  data.values = randomValues(scalars, rnd, { ...data.values });
  for (const table of t.tables) {
    const rows = data.tables[table.id] ?? [];
    data.tables[table.id] = rows.map((row) => randomValues(table.columns, rnd, { ...row }));
  }
  const perUnit = t.indicators.filter((i) => i.perUnit);
  data.units = data.units.map((u) => ({
    ...u,
    values: randomValues(perUnit, rnd, { ...u.values }),
  }));
  if (data.targets)
    for (const k of Object.keys(data.targets)) {
      const r = rnd();
      data.targets[k] = {
        ...data.targets[k],
        value: r < 0.2 ? null : r < 0.35 ? 0 : Math.round(rnd() * 1000) / (rnd() < 0.5 ? 1000 : 1),
      };
    }
  if (data.baselines)
    for (const b of Object.values(data.baselines))
      if (b) for (const k of Object.keys(b)) b[k] = rnd() < 0.3 ? null : Math.floor(rnd() * 5000);
  for (const k of Object.keys(data.texts)) if (rnd() < 0.33) data.texts[k] = "";
  return data;
}

export function randomDrafts(): { draft: ProseDraft; data: ReportData }[] {
  return builtInTemplates().flatMap((t) =>
    RANDOM_SEEDS.map((seed) => {
      const data = randomData(t, seed);
      const doc = buildReportDocument(t, data);
      return { draft: proseOf(doc, `random/${t.id}#${seed}`, data), data };
    })
  );
}

/**
 * Seven upper-level unions of a province, as they type their issuing body in the header: in
 * capitals, as the format asks (so a consolidation that names units by it must not shout them in
 * the body: "CÔNG ĐOÀN VIÊN CHỨC TỈNH 3.268 lượt").
 */
export const SEVEN_UNITS = [
  "LĐLĐ huyện Tam Đường",
  "LĐLĐ huyện Phong Thổ",
  "LĐLĐ huyện Sìn Hồ",
  "LĐLĐ huyện Tân Uyên",
  "LĐLĐ thành phố Lai Châu",
  "Công đoàn ngành Giáo dục",
  "CÔNG ĐOÀN VIÊN CHỨC TỈNH",
];

function consolidatedData(t: Template, units: string[]): { template: Template; data: ReportData } {
  const files = units.map((u, i) => screened(t, unitData(t, u, i + 101, "2024-Q1"), `${i}.xlsx`));
  const r = consolidate(files, { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" });
  if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
  return { template: r.template, data: r.data };
}

export function consolidatedDrafts(): { draft: ProseDraft; data: ReportData }[] {
  const t = template("quarterly-activity");
  const sets: [string, string[]][] = [
    ["consolidated/quarterly-activity-7", SEVEN_UNITS],
    [
      "consolidated/quarterly-activity-300",
      Array.from({ length: 300 }, (_, i) => `CĐCS Công ty số ${i + 1}`),
    ],
  ];
  return sets.map(([name, units]) => {
    const c = consolidatedData(t, units);
    const doc = buildReportDocument(c.template, c.data, { settings: DEFAULT_SETTINGS });
    return { draft: proseOf(doc, name, c.data), data: c.data };
  });
}
