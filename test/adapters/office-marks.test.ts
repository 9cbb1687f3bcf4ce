// Marking findings in the open workbook changes no value, format or protection, and clearing the
// marks gives back the workbook exactly as it was, cell for cell.
import { createExcelHost } from "../excel-host";
import { findTemplate } from "../../src/core/templates";
import { loadSample } from "../../src/core/templates/samples";
import { insertTemplate } from "../../src/adapters/office/insert";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import { clearMarks, markFindings, selectCell, MAX_MARKS } from "../../src/adapters/office/marks";
import { validateWorkbook } from "../../src/core/validate";
import { planWorkbook } from "../../src/core/layout/planner";
import { cellA1 } from "../../src/core/layout/a1";
import type { Finding } from "../../src/core/findings";

async function faultyWorkbook() {
  const template = findTemplate("quarterly-activity")!;
  const made = createExcelHost({ profile: "1.7" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  await made.Excel.run((context) =>
    insertTemplate(context, template, { data: loadSample(template.id), supports })
  );
  const name = planWorkbook(template).names.find((n) => n.name === "BC_tt_luot_tham_gia")!;
  // A user's mistake typed into an input cell (unlocked, so the sheet stays protected).
  await made.Excel.run(async (context) => {
    context.workbook.worksheets
      .getItem(name.sheet)
      .getRange(cellA1(name.range.top, name.range.left)).values = [[-3]];
    await context.sync();
  });
  return {
    ...made,
    template,
    supports,
    at: { sheet: name.sheet, cell: cellA1(name.range.top, name.range.left) },
  };
}

describe("marks in the open workbook", () => {
  it("marks findings as a removable layer and clearing restores the workbook exactly", async () => {
    const { host, Excel, template, supports, at } = await faultyWorkbook();
    const before = JSON.stringify(host.toSnapshot());
    const cellBefore = host.sheet(at.sheet).cell(at.cell);
    const { snapshot } = await Excel.run((context) => readOpenWorkbook(context, { supports }));
    const report = validateWorkbook(template, snapshot);
    expect(report.findings.find((f) => f.rule === "min")).toMatchObject(at);

    const result = await Excel.run((context) => markFindings(context, report.findings));
    expect(result.marked).toBe(report.findings.filter((f) => f.sheet && f.cell).length);
    const cf = host.sheet(at.sheet).conditionalFormats();
    expect(cf.length).toBeGreaterThan(0);
    // The user's cell keeps its value and its own format; the sheet stays protected.
    expect(host.sheet(at.sheet).cell(at.cell)).toEqual(cellBefore);
    expect(host.sheet(at.sheet).protection.protected).toBe(true);

    // The next check replaces the marks; clearing removes them all.
    await Excel.run((context) => markFindings(context, report.findings));
    expect(host.sheet(at.sheet).conditionalFormats().length).toBe(cf.length);
    await Excel.run((context) => clearMarks(context));
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
  });

  it("keeps the user's own conditional formats when clearing", async () => {
    const { host, Excel, at } = await faultyWorkbook();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const cf = ws
        .getRange("A1:A5")
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = "=A1>10";
      cf.custom.format.fill.color = "#00FF00";
      await context.sync();
    });
    const findings: Finding[] = [
      {
        severity: "warning",
        sheet: at.sheet,
        cell: at.cell,
        indicator: null,
        rule: "x",
        value: null,
        message: "x",
      },
      {
        severity: "error",
        sheet: "Sheet1",
        cell: "B2",
        indicator: null,
        rule: "x",
        value: null,
        message: "x",
      },
    ];
    await Excel.run((context) => markFindings(context, findings));
    expect(host.sheet("Sheet1").conditionalFormats().length).toBe(2);
    await Excel.run((context) => clearMarks(context));
    expect(host.sheet("Sheet1").conditionalFormats().length).toBe(1);
  });

  it("draws at most MAX_MARKS marks, errors first, in a bounded number of syncs", async () => {
    const { host, Excel, at } = await faultyWorkbook();
    const many: Finding[] = Array.from({ length: MAX_MARKS + 50 }, (_, i) => ({
      severity: i < 10 ? "warning" : "error",
      sheet: at.sheet,
      cell: cellA1(200 + i, 3),
      indicator: null,
      rule: "x",
      value: null,
      message: "x",
    }));
    const before = host.syncCount;
    const r = await Excel.run((context) => markFindings(context, many));
    expect(r).toMatchObject({ marked: MAX_MARKS, notMarked: 50 });
    expect(host.syncCount - before).toBeLessThanOrEqual(4);
  });

  it("selects a finding's cell", async () => {
    const { host, Excel, at } = await faultyWorkbook();
    await Excel.run((context) => selectCell(context, at.sheet, at.cell));
    expect(host.activeSheetName()).toBe(at.sheet);
    expect(host.selection()).toMatchObject({
      sheet: at.sheet,
      address: expect.stringContaining(at.cell),
    });
  });
});
