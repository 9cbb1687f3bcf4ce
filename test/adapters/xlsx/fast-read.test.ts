// The direct reader (fast-read.ts) must give exactly the snapshot ExcelJS gives, or decline:
// compared file by file over BáoCáo's own workbooks (every built-in sample, empty workbooks,
// consolidations, hostile text; written by ExcelJS and by the direct writer), unit files with
// real-file clutter, hand-made edge cases, and the whole fuzz corpus. Most of BáoCáo's own files
// must take the direct path, or consolidation gains nothing.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeFuzzCorpus } from "../../../scripts/make-fuzz-corpus";
import { readSnapshotBytes, readWorkbookBytes } from "../../../src/adapters/xlsx/read";
import { planToXlsxDirect } from "../../../src/adapters/xlsx/write";
import { findTemplate } from "../../../src/templates";
import { exceljs, writeAllWorkbooks, type Written } from "../../support/written-workbooks";
import * as H from "../../support/hostile-xlsx";

jest.setTimeout(600_000);

type Outcome = { fast: boolean; same: boolean; detail: string };

/** Reads `bytes` both ways; `same` when the snapshots (or the refusals) are equal. */
async function compare(bytes: Uint8Array, label: string): Promise<Outcome> {
  let expected: unknown;
  let expectedError: string | null = null;
  try {
    const r = await readWorkbookBytes(exceljs, bytes, label);
    expected = { snapshot: r.snapshot, savedAt: r.savedAt };
  } catch (e) {
    expectedError = e instanceof Error ? e.message : String(e);
  }
  try {
    const r = await readSnapshotBytes(exceljs, bytes, label);
    if (expectedError !== null)
      return { fast: r.fast, same: false, detail: `ExcelJS refused: ${expectedError}` };
    const got = { snapshot: r.snapshot, savedAt: r.savedAt };
    const same = isEqual(got, expected);
    return { fast: r.fast, same, detail: same ? "" : "snapshots differ" };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { fast: false, same: msg === expectedError, detail: `refused: ${msg}` };
  }
}

function isEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toStrictEqual(b);
    return true;
  } catch {
    return false;
  }
}

/** Appends a cell style with number format `id` (defined as `code` when given); its index. */
function dateStyle(p: H.Parts, id: number, code?: string): number {
  let index = 0;
  H.edit(p, "xl/styles.xml", (xml) => {
    const block = xml.slice(xml.indexOf("<cellXfs"), xml.indexOf("</cellXfs>"));
    index = (block.match(/<xf\b/g) ?? []).length;
    let out = xml.replace(
      "</cellXfs>",
      `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`
    );
    if (code) {
      const fmt = `<numFmt numFmtId="${id}" formatCode="${code}"/>`;
      out = out.includes("</numFmts>")
        ? out.replace("</numFmts>", `${fmt}</numFmts>`)
        : out.replace(/(<styleSheet[^>]*>)/, `$1<numFmts count="1">${fmt}</numFmts>`);
    }
    return out;
  });
  return index;
}

let dir: string;
let written: Written[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fast-read-"));
  written = await writeAllWorkbooks(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("direct reader equals ExcelJS", () => {
  it("on BáoCáo's own workbooks, written by ExcelJS and by the direct writer, all taken", async () => {
    const bad: string[] = [];
    let fast = 0;
    let total = 0;
    for (const w of written) {
      for (const [how, bytes] of [
        ["exceljs", new Uint8Array(fs.readFileSync(w.file))],
        ["direct", planToXlsxDirect(w.plan)],
      ] as const) {
        const o = await compare(bytes, `${w.label} (${how})`);
        total++;
        if (o.fast) fast++;
        if (!o.same || !o.fast) bad.push(`${w.label} (${how}): fast=${o.fast} ${o.detail}`);
      }
    }
    console.log(`BáoCáo's own workbooks: ${fast} of ${total} read directly`);
    expect(bad).toEqual([]);
    expect(total).toBeGreaterThanOrEqual(34);
  });

  it("on unit files with real-file clutter (AutoFilter, validations, chart, comment, names)", async () => {
    const qa = findTemplate("quarterly-activity")!;
    const sample = new Uint8Array(fs.readFileSync(written.find((w) => w.label === qa.id)!.file));
    const sheet = "I. Kết quả";
    const variants: [string, (p: H.Parts) => void][] = [
      ["autofilter", (p) => H.addAutoFilter(p, sheet, 200000)],
      ["validations", (p) => H.addColumnValidations(p, sheet, 10)],
      ["chart", (p) => H.addChart(p, sheet)],
      ["comment", (p) => H.addComment(p, sheet, "C7", "ghi chú")],
      ["clutter", (p) => H.addUserClutter(p, sheet)],
      ["cols", (p) => H.addCols(p, sheet, "A", "XFD")],
      ["user sheet", (p) => void H.addUserSheet(p, "Nháp", H.numberRows(50, 5))],
    ];
    const bad: string[] = [];
    let fast = 0;
    for (const [label, change] of variants) {
      const parts = H.unzip(sample);
      change(parts);
      const o = await compare(H.zip(parts), label);
      if (o.fast) fast++;
      if (!o.same) bad.push(`${label}: ${o.detail}`);
    }
    console.log(`real-file clutter: ${fast} of ${variants.length} read directly`);
    expect(bad).toEqual([]);
    expect(fast).toBe(variants.length);
  });

  it("on edge cases it must read the same or decline", async () => {
    const qa = findTemplate("quarterly-activity")!;
    const sample = new Uint8Array(fs.readFileSync(written.find((w) => w.label === qa.id)!.file));
    const sheet = "I. Kết quả";
    const cell = (xml: string) => (p: H.Parts) =>
      H.edit(p, H.sheetPart(p, sheet), (s) =>
        s.replace(/<c r="C7"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/, xml)
      );
    const cases: [string, (p: H.Parts) => void, boolean][] = [
      // [label, change, read directly?]
      ["number", cell('<c r="C7"><v>42.5</v></c>'), true],
      ["boolean", cell('<c r="C7" t="b"><v>1</v></c>'), true],
      ["error", cell('<c r="C7" t="e"><v>#N/A</v></c>'), true],
      ["formula", cell('<c r="C7"><f>1+2</f><v>3</v></c>'), true],
      ["formula without value", cell('<c r="C7"><f>A1&amp;"x"</f></c>'), true],
      [
        "text formula",
        cell('<c r="C7" t="str"><f>"a"</f><v>a &amp;lt; b&#13;&#10;c\r\nd\re</v></c>'),
        true,
      ],
      ["date", (p) => cell(`<c r="C7" s="${dateStyle(p, 14)}"><v>45000.75</v></c>`)(p), true],
      [
        "custom date",
        (p) => cell(`<c r="C7" s="${dateStyle(p, 200, "d\\/m\\/yyyy")}"><v>1.5</v></c>`)(p),
        true,
      ],
      [
        "date formula",
        (p) => cell(`<c r="C7" s="${dateStyle(p, 14)}"><f>1</f><v>45000.123456789</v></c>`)(p),
        true,
      ],
      [
        "date formula text",
        (p) => cell(`<c r="C7" s="${dateStyle(p, 14)}" t="str"><f>"a"</f><v>a</v></c>`)(p),
        false,
      ],
      [
        "not a date",
        (p) => cell(`<c r="C7" s="${dateStyle(p, 200, "[Red]0.00")}"><v>3</v></c>`)(p),
        true,
      ],
      ["shared formula", cell('<c r="C7"><f t="shared" ref="C7:C8" si="0">1</f></c>'), false],
      ["inline string", cell('<c r="C7" t="inlineStr"><is><t>x</t></is></c>'), false],
      ["rich text", cell('<c r="C7" t="s"><v>0</v></c>'), true],
      [
        "1904 dates",
        (p) =>
          H.edit(p, "xl/workbook.xml", (s) => s.replace("<workbookPr", '<workbookPr date1904="1"')),
        false,
      ],
      // ExcelJS refuses these anywhere in the part, used or not: so must the direct reader.
      [
        "malformed entity in an unused shared string",
        (p) =>
          H.edit(p, "xl/sharedStrings.xml", (x) =>
            x.replace("</sst>", "<si><t>a &bogus b</t></si></sst>")
          ),
        false,
      ],
      [
        "surrogate reference in an unused shared string",
        (p) =>
          H.edit(p, "xl/sharedStrings.xml", (x) =>
            x.replace("</sst>", "<si><t>&#xD800;</t></si></sst>")
          ),
        false,
      ],
      ["bad number", cell('<c r="C7"><v>12abc</v></c>'), false],
    ];
    const bad: string[] = [];
    for (const [label, change, direct] of cases) {
      const parts = H.unzip(sample);
      change(parts);
      const o = await compare(H.zip(parts), label);
      if (!o.same) bad.push(`${label}: ${o.detail}`);
      else if (o.fast !== direct) bad.push(`${label}: fast=${o.fast}, expected ${direct}`);
    }
    expect(bad).toEqual([]);
  });

  it("on the whole fuzz corpus, or declines", async () => {
    const corpus = path.join(dir, "fuzz");
    const manifest = await makeFuzzCorpus(corpus);
    const bad: string[] = [];
    let fast = 0;
    for (const f of manifest) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(corpus, f.file)));
      const o = await compare(bytes, f.file);
      if (o.fast) fast++;
      if (!o.same) bad.push(`${f.file}: ${o.detail}`);
    }
    console.log(`fuzz corpus: ${fast} of ${manifest.length} read directly`);
    expect(bad).toEqual([]);
    expect(manifest.length).toBeGreaterThan(1000);
    // 542 of 1,311 when written: the mutations of parts the reader does not scan stay direct.
    expect(fast).toBeGreaterThan(400);
  });
});
