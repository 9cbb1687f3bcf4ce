// The read-only reader hands ExcelJS the parts it screened as they were stored unless screening
// changed them; a part that starts with a UTF-8 byte-order mark (which the screening's decoding
// drops) then reaches ExcelJS with it, and must read as the same part without.
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

it("reads parts that start with a byte-order mark as the same parts without it", async () => {
  const t = findTemplate("quarterly-activity")!;
  const bytes = await planToXlsx(exceljs, planWorkbook(t, loadSample(t.id)));
  const files = unzipSync(bytes);
  const marked = Object.keys(files).filter((n) =>
    /^xl\/(worksheets\/sheet\d+|sharedStrings|styles)\.xml$/.test(n)
  );
  expect(marked.length).toBeGreaterThan(3);
  for (const n of marked) {
    expect(strFromU8(files[n]).startsWith("\ufeff")).toBe(false);
    files[n] = new Uint8Array([...BOM, ...files[n]]);
  }
  const plain = await readWorkbookBytes(exceljs, bytes, "a.xlsx");
  const withBom = await readWorkbookBytes(exceljs, zipSync(files), "b.xlsx");
  expect(withBom.snapshot).toEqual(plain.snapshot);
});
