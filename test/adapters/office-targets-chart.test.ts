// The completion chart on the Chỉ tiêu sheet: drawn from the targets' names in two syncs on
// Excel 2019 (ExcelApi 1.7), replaced rather than duplicated, removable, and never touching the
// user's cells, formats or the sheet's protection.
import { createExcelHost, type WorkbookSnapshot } from "../excel-host";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { insertTemplate } from "../../src/adapters/office/insert";
import { planWorkbook } from "../../src/core/layout/planner";
import {
  TARGETS_CHART_NAME,
  TARGETS_CHART_TITLE,
  TargetsChartError,
  hasTargetsChart,
  insertTargetsChart,
  removeTargetsChart,
} from "../../src/adapters/office/targets-chart";

const template = findTemplate("annual-plan")!;
const targetIds = template.targets.map((t) => t.id);
const sheetName = planWorkbook(template).sheets.find((s) => s.role === "targets")!.name;

async function annualPlan() {
  const made = createExcelHost({ profile: "1.7" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  await made.Excel.run((context) =>
    insertTemplate(context, template, { data: loadSample(template.id), supports })
  );
  made.host.resetStats();
  return made;
}

/** The workbook without its charts: what the chart must leave exactly as it was. */
function withoutCharts(s: WorkbookSnapshot): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map(({ charts: _charts, ...rest }) => rest) };
}

describe("insertTargetsChart", () => {
  it("charts every target's completion next to the table in two syncs, on ExcelApi 1.7", async () => {
    const { host, Excel } = await annualPlan();
    const before = host.toSnapshot();
    const protectionBefore = host.sheet(sheetName).protection;
    expect(protectionBefore.protected).toBe(true);

    const result = await Excel.run((context) =>
      insertTargetsChart(context, { sheetName, targetIds })
    );
    const last = 4 + targetIds.length;
    expect(result).toEqual({ firstRow: 5, lastRow: last, replaced: false, syncs: 2 });
    expect(host.syncCount).toBe(2);

    const charts = host.sheet(sheetName).charts();
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: TARGETS_CHART_NAME,
      type: "BarClustered",
      title: { text: TARGETS_CHART_TITLE, visible: true },
      // First target at the top, as in the table; ratios labelled; no legend for one series.
      categoryAxis: { reversePlotOrder: true },
      dataLabels: { showValue: true },
      legend: { visible: false },
      series: [
        {
          name: "Tỷ lệ đạt",
          values: `'${sheetName}'!$G$5:$G$${last}`,
          xValues: `'${sheetName}'!$B$5:$B$${last}`,
        },
      ],
      topLeftCell: "K4",
    });
    // The categories are the targets' labels and the values the ratio formulas of the sheet.
    expect(host.sheet(sheetName).cell("G5").formula).toMatch(/^=IF\(AND\(ISNUMBER\(F5\)/);
    expect(host.sheet(sheetName).cell("B5").value).toBe(
      template.targets[0].text ?? template.targets[0].label
    );

    // Protection is back with the same options; nothing else in the workbook changed.
    expect(host.sheet(sheetName).protection).toEqual(protectionBefore);
    expect(withoutCharts(host.toSnapshot())).toEqual(withoutCharts(before));
  });

  it("replaces its own chart instead of adding a second one, and keeps the user's charts", async () => {
    const { host, Excel } = await annualPlan();
    // A chart of the user's, on a sheet that allows editing objects for this setup.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.protection.unprotect();
      const mine = ws.charts.add("Pie", ws.getRange("D5:D7"));
      mine.name = "Biểu đồ của tôi";
      ws.protection.protect({ allowFormatColumns: true });
      await context.sync();
    });
    await Excel.run((context) => insertTargetsChart(context, { sheetName, targetIds }));
    const again = await Excel.run((context) =>
      insertTargetsChart(context, { sheetName, targetIds })
    );
    expect(again.replaced).toBe(true);
    expect(
      host
        .sheet(sheetName)
        .charts()
        .map((c) => c.name)
    ).toEqual(["Biểu đồ của tôi", TARGETS_CHART_NAME]);
    expect(host.sheet(sheetName).protection.options.allowFormatColumns).toBe(true);
    expect(host.sheet(sheetName).protection.protected).toBe(true);
  });

  it("leaves protection alone when it already allows editing objects", async () => {
    const { host, Excel } = await annualPlan();
    // With a password, an unprotect() without it would fail: success proves it was not lifted.
    await Excel.run(async (context) => {
      const p = context.workbook.worksheets.getItem(sheetName).protection;
      p.unprotect();
      p.protect({ allowEditObjects: true }, "mat-khau");
      await context.sync();
    });
    const protectionBefore = host.sheet(sheetName).protection;
    await Excel.run((context) => insertTargetsChart(context, { sheetName, targetIds }));
    expect(host.sheet(sheetName).charts()).toHaveLength(1);
    expect(host.sheet(sheetName).protection).toEqual(protectionBefore);
  });

  it("says what is wrong when the targets' names are gone or the sheet is missing", async () => {
    const { Excel } = await annualPlan();
    await expect(
      Excel.run((context) => insertTargetsChart(context, { sheetName, targetIds: ["khong_co"] }))
    ).rejects.toMatchObject({ name: "TargetsChartError", problem: "noTargets" });
    await expect(
      Excel.run((context) =>
        insertTargetsChart(context, { sheetName: "Không có trang này", targetIds })
      )
    ).rejects.toBeInstanceOf(TargetsChartError);
    await expect(
      Excel.run((context) =>
        insertTargetsChart(context, { sheetName: "Thông tin chung", targetIds })
      )
    ).rejects.toMatchObject({ problem: "notOnSheet" });
  });
});

describe("removeTargetsChart", () => {
  it("gives back the workbook exactly as before the chart", async () => {
    const { host, Excel } = await annualPlan();
    const before = JSON.stringify(host.toSnapshot());
    await Excel.run((context) => insertTargetsChart(context, { sheetName, targetIds }));
    expect(await Excel.run((context) => hasTargetsChart(context, sheetName))).toBe(true);
    host.resetStats();
    const removed = await Excel.run((context) => removeTargetsChart(context, sheetName));
    expect(removed).toEqual({ removed: true, syncs: 2 });
    expect(host.syncCount).toBe(2);
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
    expect(await Excel.run((context) => hasTargetsChart(context, sheetName))).toBe(false);
  });

  it("does nothing, in one sync, when there is no chart", async () => {
    const { host, Excel } = await annualPlan();
    const before = JSON.stringify(host.toSnapshot());
    const removed = await Excel.run((context) => removeTargetsChart(context, sheetName));
    expect(removed).toEqual({ removed: false, syncs: 1 });
    expect(host.syncCount).toBe(1);
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
  });
});
