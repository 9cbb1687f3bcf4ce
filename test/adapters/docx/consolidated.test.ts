// A consolidated workbook's draft as LibreOffice shows it: the totals in the text, the units in
// footnotes, no generated-table sentence, and pages 1-3 rendered under test-results/docx/ to
// look at.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderDocx } from "../../../src/adapters/docx";
import { runsText } from "../../../src/core/document";
import {
  convertToPdf,
  pdfPageCount,
  pdfText,
  pdfToPng,
  resultsDir,
} from "../../support/office-tools";
import {
  consolidatedOf,
  draftOf,
  LAI_CHAU_DISTRICTS,
  sentenceWith,
} from "../../core/narrative/consolidated-fixtures";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-docx-cons-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Text without line breaks and LibreOffice's odd spacing inside words, for containment checks. */
const flat = (s: string) => s.replace(/\s+/g, "");

describe("consolidated quarterly-activity draft in LibreOffice", () => {
  const c = consolidatedOf("quarterly-activity", LAI_CHAU_DISTRICTS, "2024-Q1");
  const doc = draftOf(c, { sources: "none" });
  let pdf = "";

  beforeAll(async () => {
    const file = path.join(work, "tong-hop.docx");
    fs.writeFileSync(file, await renderDocx(doc));
    pdf = convertToPdf(file, work);
  }, 120000);

  it("reads as a unit report: sentences with totals, units in footnotes, no generated tables", () => {
    const text = flat(pdfText(pdf));
    expect(text).not.toContain(flat("Số liệu của các đơn vị —"));
    const bullet = sentenceWith(doc, "“Chợ Tết Công đoàn” qua sàn");
    expect(text).toContain(flat(bullet.text.replace(/\[\d+\]/g, "")).slice(0, 60));
    const note = runsText(bullet.notes[0].runs);
    expect(text).toContain(flat(note).slice(0, 60));
    expect(text).toContain(flat("Số liệu của các đơn vị: 2. Chăm lo đời sống đoàn viên, CNVCLĐ"));
  });

  it("renders pages 1-3 to test-results/docx/", () => {
    const out = resultsDir("docx");
    const pngs = pdfToPng(pdf, path.join(work, "consolidated-page"), 1, 3, 80);
    expect(pngs).toHaveLength(3);
    for (const [i, png] of pngs.entries()) {
      fs.copyFileSync(png, path.join(out, `consolidated-quarterly-activity-page-${i + 1}.png`));
    }
    expect(pdfPageCount(pdf)).toBeLessThan(20);
  });
});
