// One-off proof for the conversion: the JSON template files load into exactly the templates the
// TypeScript definitions gave (same template, same planned workbook, same reading of the sample).
import * as ts from "../../src/templates";
import * as files from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { readWorkbook } from "../../src/core/data/read";
import { planToSnapshot } from "../support/plan-snapshot";

const strip = (t: unknown) => JSON.parse(JSON.stringify(t)) as unknown;

describe("built-in templates as files equal their TypeScript definitions", () => {
  it("lists the same templates in the same order", () => {
    expect(files.templateIds()).toEqual(ts.templateIds());
  });
  it.each(ts.templateIds())("%s", (id) => {
    const a = ts.findTemplate(id)!;
    const b = files.findTemplate(id)!;
    expect(strip(b)).toEqual(strip(a));
    expect([...b.indicatorById.keys()]).toEqual([...a.indicatorById.keys()]);
    const sample = loadSample(id);
    const wa = planToSnapshot(planWorkbook(a, sample));
    expect(planToSnapshot(planWorkbook(b, sample))).toEqual(wa);
    expect(readWorkbook(b, wa)).toEqual(readWorkbook(a, wa));
  });
});
