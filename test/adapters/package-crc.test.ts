// The CRC-32 every part read is checked against (package.ts), computed eight bytes at a time:
// equal to zlib's for every length around the 8-byte steps and for larger random parts, and the
// stored zip handed to ExcelJS carries CRCs that zlib's reader accepts.
import * as zlib from "node:zlib";
import { unzipSync } from "fflate";
import { crc32, storedZip, XlsxPackage } from "../../src/adapters/xlsx/package";

const zlibCrc = (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32;

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

describe("crc32", () => {
  it("equals zlib's for lengths 0-40 and for large parts", () => {
    for (let n = 0; n <= 40; n++) expect(crc32(bytes(n, n))).toBe(zlibCrc(bytes(n, n)));
    for (const n of [4095, 65536, 100003]) expect(crc32(bytes(n, 7))).toBe(zlibCrc(bytes(n, 7)));
  });
});

describe("storedZip", () => {
  it("writes parts that fflate unzips and our reader verifies, with given and computed CRCs", () => {
    const a = new TextEncoder().encode("<a>Đơn vị</a>");
    const b = bytes(1000, 3);
    const zip = storedZip([
      { name: "xl/a.xml", data: a, crc: zlibCrc(a) },
      { name: "xl/worksheets/sheet1.xml", data: b },
    ]);
    const files = unzipSync(zip);
    expect(files["xl/a.xml"]).toEqual(a);
    expect(files["xl/worksheets/sheet1.xml"]).toEqual(b);
    const pkg = new XlsxPackage(zip, "t.xlsx");
    expect(pkg.read("xl/a.xml")).toEqual(a);
    expect(pkg.read("xl/worksheets/sheet1.xml")).toEqual(b);
  });
});
