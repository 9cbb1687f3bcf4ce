// The preview shows a consolidation from its plan (planSnapshot) instead of writing the workbook and
// reading it back with ExcelJS: the two must give the viewer the same snapshot and number formats,
// for the consolidated workbooks (a 7-unit cluster and a 3-unit quarterly) and every built-in's
// sample (text, formulas with results, merges, dates, percentages).
import { planToXlsxDirect } from "../../../src/adapters/xlsx/write";
import { consolidate } from "../../../src/core/consolidate";
import { planSnapshot } from "../../../src/core/layout/plan-snapshot";
import { planWorkbook } from "../../../src/core/layout/planner";
import type { WorkbookPlan } from "../../../src/core/layout/plan";
import { builtInTemplates, findTemplate, CLUSTER_PROVINCES } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { openWorkbookBytes } from "../../../src/taskpane/session/xlsx-tools";
import { screened, unitData } from "../consolidate/fixtures";

async function expectSameAsReadBack(plan: WorkbookPlan): Promise<void> {
  const read = await openWorkbookBytes(planToXlsxDirect(plan), "so.xlsx");
  const planned = planSnapshot(plan);
  expect(planned.snapshot).toEqual(read.snapshot);
  expect(planned.numFmts).toEqual(read.numFmts);
}

function consolidatedPlan(id: string, units: string[], period?: string): WorkbookPlan {
  const t = findTemplate(id)!;
  const result = consolidate(
    units.map((u, i) => screened(t, unitData(t, u, i + 3, period), `${i}.xlsx`)),
    { find: findTemplate }
  );
  return planWorkbook(result.template!, result.data!);
}

it("gives the consolidated cluster workbook's snapshot as reading it back does", async () => {
  await expectSameAsReadBack(consolidatedPlan("cluster-emulation", CLUSTER_PROVINCES.slice(0, 7)));
});

it("gives the consolidated quarterly workbook's snapshot as reading it back does", async () => {
  await expectSameAsReadBack(
    consolidatedPlan("quarterly-activity", ["CĐCS A", "CĐCS B", "CĐCS C"], "2024-Q1")
  );
});

it.each(builtInTemplates().map((t) => t.id))(
  "gives the %s sample's snapshot as reading it back does",
  async (id) => {
    const t = findTemplate(id)!;
    await expectSameAsReadBack(planWorkbook(t, loadSample(id)));
  }
);
