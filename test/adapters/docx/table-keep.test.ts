// Appendix tables across a page break: a short table moves whole to the next page rather than
// leave one row under its title (the implementation review's "Kết quả công tác tiếp đoàn viên"
// printed row 1 on one page and rows 2–3 with the total on the next); a long one keeps its last
// two short rows together, so the total row is never alone on a page. Word and LibreOffice both
// follow "keep with next" on the paragraphs of a row; this reads the XML, no office suite needed.
import { renderDocx } from "../../../src/adapters/docx";
import { buildReportDocument, type ReportDocument } from "../../../src/core/document";
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { openDocx, part } from "../../support/docx-checks";

/** Per table of the body, per row: whether the row's paragraphs keep with the next. */
async function rowKeeps(doc: ReportDocument): Promise<{ text: string; keep: boolean[] }[]> {
  const xml = await part(await openDocx(await renderDocx(doc)), "word/document.xml");
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => {
    const rows = [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]);
    return {
      text: rows
        .map((r) => [...r.matchAll(/<w:t[^>]*>([^<]*)</g)].map((m) => m[1]).join(""))
        .join("|"),
      // The cells a merge continues (vMerge) are written by the docx library without properties.
      keep: rows.map((r) => /<w:keepNext\/>/.test(r)),
    };
  });
}

describe("appendix tables at a page break", () => {
  const t = findTemplate("implementation-review")!;
  const doc = buildReportDocument(t, loadSample(t.id));

  it("keeps a short table whole: every row but the last stays with the next", async () => {
    const tables = await rowKeeps(doc);
    const petitions = tables.find((x) => x.text.includes("Số đơn nhận"));
    expect(petitions).toBeDefined();
    // 2 header rows, 3 unit rows and the total.
    expect(petitions!.keep).toEqual([true, true, true, true, true, false]);
  });

  it("ties only the last two short rows of a long table, never a tall row that may break", async () => {
    const tables = await rowKeeps(doc);
    const supervision = tables.find((x) => x.text.includes("phản biện"));
    expect(supervision).toBeDefined();
    const keep = supervision!.keep;
    // Its rows of text run over pages: none is tied to the next but the header rows.
    expect(keep.slice(-4)).toEqual([false, false, false, false]);
    expect(keep[0]).toBe(true);
  });
});
