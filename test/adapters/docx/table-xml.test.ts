// Tables written as strings (table-xml.ts) against the `docx` library writing the same tables:
// every part of the package must be byte for byte the same, on every template's sample, a
// consolidation with its appendix, hostile text with comments, and a table with every kind of
// cell the writer handles (merged across and down, bold off, italic, highlight, line breaks).
import { unzipSync } from "fflate";
import { renderDocx } from "../../../src/adapters/docx";
import { builtInTemplates, findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  type ReportDocument,
} from "../../../src/core/document";
import type { TableBlock, TableCell } from "../../../src/core/document/model";
import { consolidatedOf, draftOf } from "../../core/narrative/consolidated-fixtures";

/** Every part but docProps/core.xml; comments' dates, the time of writing, left out. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (name !== "docProps/core.xml")
      out[name] = new TextDecoder().decode(data).replace(/ w:date="[^"]*"/g, "");
  return out;
}

/** The first difference with some XML around it, so that a failure shows where it is. */
function around(a: string, b: string): [string, string] {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return [a.slice(Math.max(0, i - 300), i + 300), b.slice(Math.max(0, i - 300), i + 300)];
}

async function expectSameAsDocx(doc: ReportDocument): Promise<string> {
  const ours = parts(await renderDocx(doc));
  const reference = parts(await renderDocx(doc, "docx"));
  expect(Object.keys(ours)).toEqual(Object.keys(reference));
  for (const name of Object.keys(reference)) {
    if (ours[name] === reference[name]) continue;
    const [a, b] = around(ours[name], reference[name]);
    expect(`${name}: …${a}…`).toBe(`${name}: …${b}…`);
  }
  return ours["word/document.xml"];
}

const text = (t: string, more: Partial<TableCell> = {}): TableCell => ({
  runs: [{ kind: "text", text: t }],
  ...more,
});

/** A table with merged header cells, line breaks and every run format cells carry. */
function awkwardTable(): TableBlock {
  return {
    kind: "table",
    id: "awkward",
    title: "Bảng <thử> & 'gộp' ô",
    widths: [5, 30, 20, 20, 25],
    header: [
      [
        text("TT", { rowSpan: 3 }),
        text("Đơn vị", { rowSpan: 2, colSpan: 2 }),
        text("Kết quả", { colSpan: 2 }),
      ],
      [text("Số\nlượt"), text("Tỷ lệ", { rowSpan: 2 })],
      [text("A"), text("B"), text("C")],
    ],
    body: [
      [
        text("1", { align: "center" }),
        {
          runs: [
            { kind: "text", text: "Tên ", bold: false },
            { kind: "text", text: "đậm", bold: true, italic: true },
            { kind: "text", text: " vàng", highlight: true },
          ],
        },
        {
          runs: [
            {
              kind: "figure",
              text: "1.234",
              what: "Số",
              location: null,
              source: { indicator: "x" },
            },
          ],
          align: "right",
          bold: true,
        },
        text(""),
        { runs: [] },
      ],
      [text("2", { rowSpan: 2 }), text("Dòng một\r\nDòng hai\rba", { colSpan: 4 })],
      [text("x"), text("y"), text("z"), text("w", { colSpan: 3 })],
    ],
  };
}

describe("tables written as strings", () => {
  it("are what docx writes for every template's sample", async () => {
    for (const t of builtInTemplates()) {
      await expectSameAsDocx(buildReportDocument(t, loadSample(t.id)));
    }
  }, 60000);

  it("are what docx writes for a consolidation's appendix, and take its place", async () => {
    const c = consolidatedOf("quarterly-activity", ["Mường Tè", "Sìn Hồ", "Tam Đường"], "2024-Q1");
    const doc = draftOf(c, { sources: "none" });
    expect(doc.appendix?.tables.length).toBeGreaterThan(0);
    const xml = await expectSameAsDocx(doc);
    expect(xml).not.toContain("baocao:table");
  });

  it("are what docx writes for merged cells and every run format", async () => {
    const t = findTemplate("cluster-emulation")!;
    const doc = buildReportDocument(t, loadSample(t.id));
    doc.body.push(awkwardTable());
    const xml = await expectSameAsDocx(doc);
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect(xml).toContain("Bảng &lt;thử&gt; &amp; &apos;gộp&apos; ô");
  });

  it("are what docx writes for figures with comments, numbered in the same order", async () => {
    const c = consolidatedOf("quarterly-activity", ["Mường Tè", "Sìn Hồ"], "2024-Q1");
    const doc = draftOf(c, { sources: "comments" });
    doc.body.push(awkwardTable());
    const xml = await expectSameAsDocx(doc);
    expect(xml).toContain("<w:commentRangeStart");
  });

  it("leave tables with footnote references to docx", async () => {
    const t = findTemplate("cluster-emulation")!;
    const doc = buildReportDocument(t, loadSample(t.id), {
      settings: { ...DEFAULT_SETTINGS, sources: "comments" },
    });
    const table = awkwardTable();
    table.body[0][0].runs.push({ kind: "footnote", id: 1 });
    doc.body.push(table);
    await expectSameAsDocx(doc);
  });
});
