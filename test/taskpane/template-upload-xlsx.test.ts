// "Mẫu của đơn vị" with an Excel authoring workbook: the pane reads it with the CLI's reader
// (template build), so an exported workbook imports as the same template and a mistake comes back
// at its sheet, row and column.
import * as ExcelJS from "exceljs";
import { authoringBook } from "../../src/core/authoring";
import { authoringBookToXlsx } from "../../src/adapters/xlsx/authoring-workbook";
import type { ExcelJsModule } from "../../src/adapters/xlsx/render";
import { templateContract } from "../../src/core/model/contract";
import { parseTemplateUpload } from "../../src/taskpane/templates/parse-upload";
import { findTemplate } from "../../src/templates";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const toArrayBuffer = (b: Uint8Array) => b.slice().buffer;

describe("parseTemplateUpload with an authoring workbook (.xlsx)", () => {
  it("imports an exported workbook as the same template", async () => {
    const t = findTemplate("quarterly-activity")!;
    const bytes = await authoringBookToXlsx(exceljs, authoringBook(t));
    const upload = await parseTemplateUpload("mau-quy.xlsx", toArrayBuffer(bytes));
    if (!upload.ok) throw new Error(JSON.stringify(upload.problem));
    expect(templateContract(upload.template)).toEqual(templateContract(t));
  });

  it("gives each mistake at its cell, and says so when the file is no workbook", async () => {
    const book = authoringBook(findTemplate("annual-plan")!);
    const indicators = book.sheets.find((s) => s.name === "Chỉ số")!;
    const type = indicators.cells[0].indexOf("Kiểu");
    indicators.cells[2][type] = "số nguyen";
    const bad = await parseTemplateUpload(
      "mau.xlsx",
      toArrayBuffer(await authoringBookToXlsx(exceljs, book))
    );
    expect(bad).toEqual({
      ok: false,
      problem: {
        kind: "issues",
        issues: [
          {
            path: `Chỉ số!${String.fromCharCode(65 + type)}3`,
            message: expect.stringContaining("chọn một trong"),
          },
        ],
      },
    });
    const junk = await parseTemplateUpload("mau.xlsx", new TextEncoder().encode("không").buffer);
    expect(junk.ok).toBe(false);
    if (junk.ok) return;
    expect(junk.problem.kind).toBe("issues");
  });
});
