// The check's table totals are computed one column at a time, when a rule first asks for one:
// each must be what allTotals gives (the total row's figure), for every template and column.
import { builtInTemplates } from "../../src/templates";
import { consolidatedTemplate } from "../../src/core/consolidate/template";
import { planWorkbook } from "../../src/core/layout/planner";
import { readWorkbook } from "../../src/core/data/read";
import { allTotals } from "../../src/core/rollup/totals";
import { ValidationContext } from "../../src/core/validate/context";
import { loadSample } from "../../src/templates/samples";
import { generatedData } from "../../scripts/bench-data";
import { planToSnapshot } from "../support/plan-snapshot";
import type { Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";

const cases: [string, Template, ReportData][] = builtInTemplates().flatMap((t) => {
  const c = consolidatedTemplate(t);
  return [
    [`${t.id}, sample`, t, loadSample(t.id)],
    [`${t.id}, consolidated`, c, generatedData(c, 9)],
  ] as [string, Template, ReportData][];
});

it.each(cases)("%s: each total asked for is allTotals', and only those exist", (_n, t, data) => {
  const s = planToSnapshot(planWorkbook(t, data));
  const read = readWorkbook(t, s).data;
  const expected = allTotals(t, read);
  const totals = new ValidationContext(t, s, read).totals;
  // Asked twice, in the template's order and then backwards: kept values must not drift.
  const ids = t.indicators.map((i) => i.id);
  for (const id of [...ids, ...ids.reverse(), "không có"]) {
    expect(totals.get(id)).toBe(expected.get(id));
    expect(totals.has(id)).toBe(expected.has(id));
  }
});

it("has totals to compare: every consolidated form has some", () => {
  for (const [name, t, data] of cases)
    if (name.endsWith("consolidated")) expect(allTotals(t, data).size).toBeGreaterThan(0);
});
