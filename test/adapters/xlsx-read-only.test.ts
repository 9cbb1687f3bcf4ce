// The read-only reader (zip checked part by part, names read as text, only the template's sheets
// parsed) must give the very snapshot the full ExcelJS reader gives for BáoCáo's own workbooks.
import * as ExcelJS from "exceljs";
import { builtInTemplates } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readWorkbookBytes, readXlsx, XlsxReadError } from "../../src/adapters/xlsx/read";
import { crc32, XlsxPackage } from "../../src/adapters/xlsx/package";
import { NameIndex } from "../../src/core/data/snapshot";
import * as H from "../support/hostile-xlsx";

const exceljs = ExcelJS as unknown as ExcelJsModule;

describe.each(builtInTemplates().map((t) => [t.id, t] as const))("%s", (_id, t) => {
  it("reads the filled sample as the full reader does", async () => {
    const bytes = await planToXlsx(exceljs, planWorkbook(t, loadSample(t.id)));
    const full = await readXlsx(exceljs, bytes, "x.xlsx");
    const read = await readWorkbookBytes(exceljs, bytes, "x.xlsx");
    expect(read.skipped).toEqual([]);
    expect(read.snapshot.sheets).toEqual(full.sheets);
    const a = new NameIndex(full);
    const b = new NameIndex(read.snapshot);
    expect(read.snapshot.names.map((n) => n.name).sort()).toEqual(
      full.names.map((n) => n.name).sort()
    );
    for (const n of full.names) {
      const x = a.resolve(n.name);
      const y = b.resolve(n.name);
      expect(y.ok).toBe(x.ok);
      if (x.ok && y.ok) {
        expect(y.value.sheet.name).toBe(x.value.sheet.name);
        expect(y.value.range).toEqual(x.value.range);
      }
    }
  });
});

describe("the zip reader", () => {
  it("computes CRC-32 as the standard check value says", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  const entry = (name: string, text: string, extra: Partial<H.RawEntry> = {}): H.RawEntry => {
    const data = new TextEncoder().encode(text);
    return { name, data, method: 0, crc: H.crc32(data), size: data.length, ...extra };
  };

  it("reads stored and deflated parts and refuses two parts of one name", () => {
    const parts = { "a.xml": new TextEncoder().encode("<a/>") };
    const deflated = H.rawEntries(parts);
    const pkg = new XlsxPackage(H.rawZip([entry("b.xml", "<b/>"), ...deflated]), "t.xlsx");
    expect(pkg.text("B.XML")).toBe("<b/>");
    expect(pkg.text("a.xml")).toBe("<a/>");
    expect(
      () => new XlsxPackage(H.rawZip([entry("a.xml", "1"), entry("A.xml", "2")]), "t.xlsx")
    ).toThrow(/hai phần cùng tên "A.xml"/);
  });

  it("refuses a truncated file, a damaged stream and an unknown method, naming the part", async () => {
    const bytes = await planToXlsx(
      exceljs,
      planWorkbook(builtInTemplates()[0], loadSample(builtInTemplates()[0].id))
    );
    await expect(
      readWorkbookBytes(exceljs, bytes.subarray(0, bytes.length - 30), "cut.xlsx")
    ).rejects.toThrow(XlsxReadError);
    const bad = H.rawZip([
      entry("x.xml", "<x/>", { method: 8, data: new Uint8Array([0xff, 0xff, 0xff]) }),
      entry("y.xml", "<y/>", { method: 12 as 0 }),
    ]);
    const pkg = new XlsxPackage(bad, "t.xlsx");
    expect(() => pkg.read("x.xml")).toThrow(/phần "x.xml" không đọc được/);
    expect(() => pkg.read("y.xml")).toThrow(/kiểu nén 12/);
  });
});
