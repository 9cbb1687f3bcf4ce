// The pane's preview reads with the same defensive reader as the CLI, but shows the user's own
// sheets too, as long as they are small enough to show.
import * as ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { openWorkbookBytes } from "../../src/taskpane/session/xlsx-tools";
import { XlsxReadError } from "../../src/adapters/xlsx/read";
import * as H from "../support/hostile-xlsx";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const SHEET = "I. Kết quả";

async function sample(): Promise<H.Parts> {
  const t = findTemplate("quarterly-activity")!;
  return H.unzip(await planToXlsx(exceljs, planWorkbook(t, loadSample(t.id))));
}

it("shows a user's small sheet and reads validations, filters, names and charts without expanding them", async () => {
  const parts = await sample();
  H.addUserSheet(
    parts,
    "Ghi chép",
    `<row r="1"><c r="A1"><v>42</v></c><c r="XFD1"><v>7</v></c></row>`
  );
  H.addAutoFilter(parts, SHEET, 200000);
  H.addColumnValidations(parts, SHEET, 10);
  H.addNames(parts, [{ name: "TatCa", ref: `'${SHEET}'!$A$1:$XFD$1048576` }]);
  H.addChart(parts, SHEET);
  H.addComment(parts, SHEET, "C7", "ghi chú");
  const started = Date.now();
  const opened = await openWorkbookBytes(H.zip(parts), "so.xlsx");
  expect(Date.now() - started).toBeLessThan(5000);
  const mine = opened.snapshot.sheets.find((s) => s.name === "Ghi chép")!;
  expect(mine.values[0][0]).toBe(42);
  expect(mine.values[0][16383]).toBe(7);
  expect(opened.templateId).toBe("quarterly-activity");
});

it("leaves out a user's sheet too large to show, and refuses a damaged template sheet", async () => {
  const parts = await sample();
  const userPart = H.addUserSheet(parts, "Khổng lồ", `<row r="1"><c r="A1"><v>1</v></c></row>`);
  // The archive declares 100 MB for the user's sheet: too large to show, so never inflated.
  const entries = H.rawEntries(parts).map((e) =>
    e.name === userPart ? { ...e, size: 100 * 2 ** 20 } : e
  );
  const opened = await openWorkbookBytes(H.rawZip(entries), "so.xlsx");
  expect(opened.snapshot.sheets.map((s) => s.name)).not.toContain("Khổng lồ");
  expect(opened.snapshot.sheets.map((s) => s.name)).toContain(SHEET);

  const part = H.sheetPart(parts, SHEET);
  const damaged = H.rawEntries(parts).map((e) => (e.name === part ? { ...e, crc: e.crc ^ 1 } : e));
  await expect(openWorkbookBytes(H.rawZip(damaged), "hong.xlsx")).rejects.toThrow(XlsxReadError);
  await expect(openWorkbookBytes(H.rawZip(damaged), "hong.xlsx")).rejects.toThrow(`phần "${part}"`);
});
