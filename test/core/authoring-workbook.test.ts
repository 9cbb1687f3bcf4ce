// The .xlsx authoring workbook read without ExcelJS, as the pane calls it on an uploaded file:
// templateFromAuthoringWorkbook(ArrayBuffer) gives the template file or located problems.
import * as ExcelJS from "exceljs";
import { authoringBook } from "../../src/core/authoring";
import {
  authoringBookToXlsx,
  readAuthoringSheets,
  templateFromAuthoringWorkbook,
} from "../../src/adapters/xlsx/authoring-workbook";
import type { ExcelJsModule } from "../../src/adapters/xlsx/render";
import { templateContract } from "../../src/core/model/contract";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { findTemplate } from "../../src/templates";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const toArrayBuffer = (b: Uint8Array) => b.slice().buffer;

describe("templateFromAuthoringWorkbook", () => {
  it("reads an exported workbook back to the same template (ArrayBuffer in, template file out)", async () => {
    const t = findTemplate("cluster-emulation")!;
    const bytes = await authoringBookToXlsx(exceljs, authoringBook(t));
    const result = templateFromAuthoringWorkbook(toArrayBuffer(bytes), "cum.xlsx");
    if (!result.ok) throw new Error(result.message);
    expect(templateContract(loadTemplateFile(result.file))).toEqual(templateContract(t));
  });

  it("keeps ids with _x before hex digits, cell text with line breaks, and hidden list values", async () => {
    const book = authoringBook(findTemplate("quarterly-activity")!);
    const settings = book.sheets[0];
    const recipients = settings.cells.findIndex((r) => r[0] === "Nơi nhận");
    settings.cells[recipients][1] = "- Như trên;\n- Lưu: VT_x0041_.";
    const sheets = readAuthoringSheets(await authoringBookToXlsx(exceljs, book), "mau.xlsx");
    expect(sheets.map((s) => s.name)).toContain("Danh sách");
    expect(sheets[0].cells[recipients][1]).toBe("- Như trên;\n- Lưu: VT_x0041_.");
  });

  it("gives located problems for a workbook with a mistake, and a message for a file that is no workbook", async () => {
    const book = authoringBook(findTemplate("annual-plan")!);
    const indicators = book.sheets.find((s) => s.name === "Chỉ số")!;
    const type = indicators.cells[0].indexOf("Kiểu");
    indicators.cells[2][type] = "số nguyen";
    const bad = templateFromAuthoringWorkbook(await authoringBookToXlsx(exceljs, book), "mau.xlsx");
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => p.cell)).toEqual([`Chỉ số!${String.fromCharCode(65 + type)}3`]);
    expect(bad.message).toContain("chọn một trong");

    const junk = templateFromAuthoringWorkbook(new TextEncoder().encode("không phải zip").buffer);
    expect(junk.ok).toBe(false);
    if (junk.ok) return;
    expect(junk.problems).toEqual([]);
    expect(junk.message).toMatch(/không phải sổ tính|bị hỏng/);
  });
});
