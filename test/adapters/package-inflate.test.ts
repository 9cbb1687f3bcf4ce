// Small parts are inflated in one call into their declared size; a part whose archive lies
// about that size, or whose stream is damaged, must read exactly as the streaming inflater
// (under the limits) reads it: the declared size decides nothing.
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import * as H from "../support/hostile-xlsx";

const text =
  "<sheetData>" + '<row r="1"><c r="A1"><v>12345</v></c></row>'.repeat(500) + "</sheetData>";
const deflated = () => H.rawEntries({ "a.xml": new TextEncoder().encode(text) })[0];
const read = (e: H.RawEntry) => new XlsxPackage(H.rawZip([e]), "t.xlsx").text("a.xml");

describe("inflating a part", () => {
  it("reads it whatever size the archive declares", () => {
    const e = deflated();
    expect(e.data.length).toBeLessThan(text.length / 10);
    for (const size of [e.size, 0, 1, e.size - 1, e.size + 1, e.size * 3]) {
      expect(read({ ...e, size })).toBe(text);
    }
  });

  it("refuses a damaged stream however small it is", () => {
    const e = deflated();
    const cut = { ...e, data: e.data.subarray(0, e.data.length - 8) };
    expect(() => read(cut)).toThrow(/không đọc được \(dữ liệu nén hỏng\)/);
  });
});
