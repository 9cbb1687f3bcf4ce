// Marking findings in the open workbook changes no value, format or protection, and clearing the
// marks gives back the workbook exactly as it was, cell for cell.
import { createExcelHost } from "../excel-host";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { insertTemplate } from "../../src/adapters/office/insert";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import {
  clearMarks,
  markFindings,
  selectCell,
  FINDINGS_SHEET,
  FINDINGS_TITLE,
  MAX_MARKS,
  NOTE_PREFIX,
} from "../../src/adapters/office/marks";
import { validateWorkbook } from "../../src/core/validate";
import { planWorkbook } from "../../src/core/layout/planner";
import { cellA1 } from "../../src/core/layout/a1";
import type { Finding } from "../../src/core/findings";

async function faultyWorkbook(profile: "1.7" | "latest" = "1.7") {
  const template = findTemplate("quarterly-activity")!;
  const made = createExcelHost({ profile });
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

const finding = (severity: Finding["severity"], sheet: string, cell: string, message: string) => ({
  severity,
  sheet,
  cell,
  indicator: null,
  rule: "x",
  value: null,
  message,
});

describe("marks are not colour only", () => {
  it("with comments (ExcelApi 1.10): each marked cell says what is wrong; the user's comments stay", async () => {
    const { host, Excel, supports, at } = await faultyWorkbook("latest");
    expect(supports("1.10")).toBe(true);
    // The user's own comments: one elsewhere, one on a cell the check marks.
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.comments.add("Sheet1!A1", "Hỏi lại anh Minh");
      ws.comments.add("Sheet1!B2", "Số này của phòng kế toán");
      await context.sync();
    });
    const before = JSON.stringify(host.toSnapshot());
    const findings: Finding[] = [
      finding("error", at.sheet, at.cell, "Số lượt tham gia không được âm."),
      finding("warning", at.sheet, at.cell, "Tăng bất thường so với kỳ trước."),
      finding("error", "Sheet1", "B2:C3", "Ô này phải là số."),
      finding("warning", "Sheet1", "D4", "Chưa điền."),
    ];
    const r = await Excel.run((context) =>
      markFindings(context, findings, undefined, { supports })
    );
    expect(r).toMatchObject({ marked: 4, notes: "comments", notesSheet: null });
    const ours = (name: string) =>
      host
        .sheet(name)
        .comments()
        .filter((c) => c.content.startsWith(NOTE_PREFIX));
    // One note per cell, errors first, the message in words.
    expect(ours(at.sheet)).toEqual([
      expect.objectContaining({
        address: at.cell,
        content: `${NOTE_PREFIX}Lỗi: Số lượt tham gia không được âm.\nLưu ý: Tăng bất thường so với kỳ trước.`,
      }),
    ]);
    expect(ours("Sheet1").map((c) => [c.address, c.content])).toEqual([
      ["D4", `${NOTE_PREFIX}Lưu ý: Chưa điền.`],
    ]);
    // B2 keeps the user's comment (a cell has one); A1's is untouched.
    expect(
      host
        .sheet("Sheet1")
        .comments()
        .map((c) => c.content)
    ).toEqual(expect.arrayContaining(["Hỏi lại anh Minh", "Số này của phòng kế toán"]));
    expect(host.hasSheet(FINDINGS_SHEET)).toBe(false);

    // Checking again replaces the notes; clearing gives the workbook back exactly.
    await Excel.run((context) => markFindings(context, findings, undefined, { supports }));
    expect(ours(at.sheet)).toHaveLength(1);
    expect(ours("Sheet1")).toHaveLength(1);
    await Excel.run((context) => clearMarks(context, undefined, { supports }));
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
  });

  it("without comments (ExcelApi 1.7): a removable findings sheet; a user's sheet of that name is kept", async () => {
    const { host, Excel, supports, at } = await faultyWorkbook("1.7");
    expect(supports("1.10")).toBe(false);
    // The user already has a sheet called "Kết quả kiểm tra".
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add(FINDINGS_SHEET);
      ws.getRange("A1").values = [["Ghi chép của tôi"]];
      await context.sync();
    });
    const before = JSON.stringify(host.toSnapshot());
    const findings: Finding[] = [
      finding("warning", "Sheet1", "D4", "Chưa điền."),
      finding("error", at.sheet, at.cell, "=Số lượt tham gia không được âm."),
      { ...finding("error", "", "", "Thiếu trang Đơn vị."), sheet: null, cell: null },
    ];
    const r = await Excel.run((context) =>
      markFindings(context, findings, undefined, { supports })
    );
    const name = `${FINDINGS_SHEET} (2)`;
    expect(r).toMatchObject({ marked: 2, notes: "sheet", notesSheet: name });
    const list = host.sheet(name);
    expect(list.cell("A1").value).toBe(FINDINGS_TITLE);
    expect(list.cell("A2").value).toContain("Xoá đánh dấu");
    // Errors first, every finding (also those without a cell), a message never read as a formula.
    const row = (n: number) => ["A", "B", "C", "D"].map((c) => list.cell(`${c}${n}`).value);
    expect(row(3)).toEqual(["Trang", "Ô", "Mức", "Nội dung"]);
    expect(row(4)).toEqual([at.sheet, at.cell, "Lỗi", "=Số lượt tham gia không được âm."]);
    expect(row(5)).toEqual(["", "", "Lỗi", "Thiếu trang Đơn vị."]);
    expect(row(6)).toEqual(["Sheet1", "D4", "Lưu ý", "Chưa điền."]);
    expect(host.sheet(FINDINGS_SHEET).cell("A1").value).toBe("Ghi chép của tôi");

    // Checking again replaces the sheet (no "(3)"); clearing removes it and only it.
    await Excel.run((context) => markFindings(context, findings, undefined, { supports }));
    expect(host.sheetNames().filter((n) => n.startsWith(FINDINGS_SHEET))).toEqual([
      FINDINGS_SHEET,
      name,
    ]);
    await Excel.run((context) => clearMarks(context, undefined, { supports }));
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
  });

  it("no findings, no notes: nothing is added", async () => {
    const { host, Excel, supports } = await faultyWorkbook("1.7");
    const before = JSON.stringify(host.toSnapshot());
    const r = await Excel.run((context) => markFindings(context, [], undefined, { supports }));
    expect(r).toMatchObject({ marked: 0, notes: null, notesSheet: null });
    expect(JSON.stringify(host.toSnapshot())).toBe(before);
  });
});
