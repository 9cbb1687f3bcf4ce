// The ExcelJS writer and reader, on every built-in template: what the acceptance criteria ask.
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { builtInTemplates } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import {
  readXlsx,
  loadWorkbook,
  XlsxReadError,
  workbookSnapshot,
} from "../../src/adapters/xlsx/read";
import { readWorkbook } from "../../src/core/data/read";
import { NameIndex } from "../../src/core/data/snapshot";
import { cellA1 } from "../../src/core/layout/a1";
import { convertToPdf, pdfPageCount, resultsDir } from "../support/office-tools";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const out = resultsDir("templates");

describe.each(builtInTemplates().map((t) => [t.id, t] as const))(
  "xlsx of template %s",
  (id, template) => {
    let blank: Uint8Array;
    let filled: Uint8Array;

    beforeAll(async () => {
      blank = await planToXlsx(exceljs, planWorkbook(template));
      filled = await planToXlsx(exceljs, planWorkbook(template, loadSample(id)));
      fs.writeFileSync(path.join(out, `${id}-trong.xlsx`), blank);
      fs.writeFileSync(path.join(out, `${id}.xlsx`), filled);
    });

    it("reloads in ExcelJS with every defined name resolving to a cell of an existing sheet", async () => {
      const wb = await loadWorkbook(exceljs, blank, id);
      const snapshot = workbookSnapshot(wb);
      const plan = planWorkbook(template);
      const index = new NameIndex(snapshot);
      expect(snapshot.names.length).toBe(plan.names.length);
      for (const n of plan.names) {
        const r = index.resolve(n.name);
        expect({ name: n.name, ok: r.ok }).toEqual({ name: n.name, ok: true });
      }
    });

    it("protects every sheet without a password, unlocks inputs and puts validation on them", async () => {
      const wb = await loadWorkbook(exceljs, blank, id);
      const plan = planWorkbook(template);
      for (const sheet of plan.sheets) {
        const ws = wb.getWorksheet(sheet.name)!;
        const protection = (
          ws as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } }
        ).sheetProtection;
        expect(protection?.sheet).toBe(true);
        expect(protection?.hashValue).toBeUndefined();
        for (const n of plan.names.filter(
          (x) => x.sheet === sheet.name && ["value", "column"].includes(x.target.kind)
        )) {
          const cell = ws.getCell(n.range.top, n.range.left);
          const isFormula =
            typeof cell.value === "object" && cell.value !== null && "formula" in cell.value;
          if (!isFormula)
            expect({ name: n.name, locked: cell.protection?.locked }).toEqual({
              name: n.name,
              locked: false,
            });
        }
        const validations = (
          ws as unknown as { dataValidations: { model: Record<string, unknown> } }
        ).dataValidations.model;
        // ExcelJS reads a ranged validation back as one entry per cell.
        for (const v of sheet.validations) {
          for (const corner of [
            cellA1(v.range.top, v.range.left),
            cellA1(v.range.bottom, v.range.right),
          ]) {
            const dv = validations[corner] as
              { type?: string; showErrorMessage?: boolean } | undefined;
            expect({
              sheet: sheet.name,
              corner,
              type: dv?.type,
              alert: dv?.showErrorMessage,
            }).toEqual({
              sheet: sheet.name,
              corner,
              type: v.kind,
              alert: true,
            });
          }
        }
      }
    });

    it("round-trips the sample through a real .xlsx file", async () => {
      const snapshot = await readXlsx(exceljs, filled, id);
      const { data, findings } = readWorkbook(template, snapshot);
      expect(findings).toEqual([]);
      expect(data).toEqual(loadSample(id));
    });

    it("converts to PDF with LibreOffice headless", () => {
      const file = path.join(out, `${id}-trong.xlsx`);
      const pdf = convertToPdf(file, out);
      expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    });
  }
);

describe("reading files that are not template workbooks", () => {
  it("names the file when it is not an xlsx at all", async () => {
    await expect(
      readXlsx(exceljs, new TextEncoder().encode("hello"), "ghi-chu.txt")
    ).rejects.toThrow(/Tệp "ghi-chu.txt" không phải sổ tính Excel/);
  });

  it("reports a damaged zip as unreadable, not as a crash", async () => {
    const bytes = await planToXlsx(exceljs, planWorkbook(builtInTemplates()[0]));
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2));
    await expect(readXlsx(exceljs, damaged, "hong.xlsx")).rejects.toBeInstanceOf(XlsxReadError);
  });
});
