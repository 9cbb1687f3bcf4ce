// The .docx adapter on every template's sample: the document XML (fonts, sizes, margins, heading
// styles, repeated header rows, footnotes), then LibreOffice's PDF of it (header lines, headings,
// every figure, footnotes), page 1 as PNG under test-results/docx/, and hostile cell text.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type JSZip from "jszip";
import { builtInTemplates, findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  type ReportDocument,
} from "../../../src/core/document";
import { renderDocx } from "../../../src/adapters/docx";
import { xmlSafe } from "../../../src/adapters/docx/xml-safe";
import { pdfText, pdfToPng, resultsDir } from "../../support/office-tools";
import {
  convertAllToPdf,
  expectFootnotes,
  expectHeadingStyles,
  expectOfficialPage,
  expectPageNumbersFromPage2,
  expectPdfShowsDocument,
  expectXmlParses,
  flat,
  openDocx,
  part as docxPart,
} from "../../support/docx-checks";

interface Built {
  id: string;
  doc: ReportDocument;
  file: string;
  zip: JSZip;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-docx-"));
const built: Built[] = [];
let hostile: Built;

async function build(id: string, doc: ReportDocument): Promise<Built> {
  const bytes = await renderDocx(doc);
  const file = path.join(work, `${id}.docx`);
  fs.writeFileSync(file, bytes);
  return { id, doc, file, zip: await openDocx(bytes) };
}

const part = (b: Built, name: string) => docxPart(b.zip, name, b.id);

const pdfOf = (b: Built) => b.file.replace(/\.docx$/, ".pdf");

function hostileData() {
  const data = loadSample("cluster-emulation");
  const nasty = "A&B <C> \"D\" 'E' ]]> \u0000\u0001\u0008\u000b\u000c\u001f\ud800 👷‍♀️🇻🇳 ";
  data.header.issuingBody = `Cụm ${nasty}`;
  data.header.title = `Trích yếu ${nasty}`;
  data.header.recipients = [`Nơi ${nasty}`, "Lưu: VT."];
  data.header.signerName = `Tên ${nasty}`;
  data.texts.thuan_loi = `Đoạn ${nasty}\nDòng hai\r\n\u0007Dòng ba`;
  data.texts.kho_khan = "Ghi chú dài ".repeat(4200).slice(0, 50000);
  data.units[0].name = `LĐLĐ tỉnh ${nasty}`;
  return data;
}

beforeAll(async () => {
  for (const t of builtInTemplates()) {
    built.push(await build(t.id, buildReportDocument(t, loadSample(t.id))));
  }
  const t = findTemplate("cluster-emulation");
  if (!t) throw new Error("cluster-emulation");
  hostile = await build(
    "hostile",
    buildReportDocument(t, hostileData(), {
      settings: { ...DEFAULT_SETTINGS, sources: "comments" },
    })
  );
  convertAllToPdf(
    [...built, hostile].map((b) => b.file),
    work
  );
}, 120000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("document XML", () => {
  it("sets A4, the default margins and Times New Roman 14 pt", async () => {
    for (const b of built) await expectOfficialPage(b.zip);
  });

  it("uses real heading styles, bold black at body size, with outline levels", async () => {
    for (const b of built) await expectHeadingStyles(b.zip);
  });

  it("numbers pages from page 2 in the top margin", async () => {
    for (const b of built) await expectPageNumbersFromPage2(b.zip);
  });

  it("repeats appendix header rows and writes per-unit footnotes", async () => {
    const cluster = built.find((b) => b.id === "cluster-emulation");
    const review = built.find((b) => b.id === "implementation-review");
    for (const b of [cluster, review]) {
      expect(b).toBeDefined();
      if (!b) continue;
      expect(await part(b, "word/document.xml")).toContain("<w:tblHeader/>");
    }
    if (!cluster) return;
    const notes = await part(cluster, "word/footnotes.xml");
    expect(notes).toContain("LĐLĐ tỉnh: ");
    expect(notes).toContain("Sơn La");
    await expectFootnotes(cluster.zip, cluster.doc);
  });

  it("writes XML that parses, even from hostile cell text", async () => {
    for (const b of [...built, hostile]) await expectXmlParses(b.zip, work, b.id);
    const doc = await part(hostile, "word/document.xml");
    expect(doc).toContain("A&amp;B &lt;C&gt;");
    expect(doc).toContain("👷‍♀️🇻🇳");
    expect(await part(hostile, "word/comments.xml")).toContain("Số liệu: ");
  });
});

describe("as LibreOffice shows it", () => {
  it("has the header lines, headings, every figure and the footnotes", () => {
    for (const b of built) expectPdfShowsDocument(pdfText(pdfOf(b)), b.doc);
  });

  it("renders page 1 of each sample to test-results/docx/", () => {
    const out = resultsDir("docx");
    for (const b of built) {
      const [png] = pdfToPng(pdfOf(b), path.join(work, `${b.id}-page`), 1, 1, 80);
      fs.copyFileSync(png, path.join(out, `${b.id}.png`));
      expect(fs.statSync(path.join(out, `${b.id}.png`)).size).toBeGreaterThan(10000);
    }
  });

  it("opens the hostile document", () => {
    const text = flat(pdfText(pdfOf(hostile)));
    expect(text).toContain(flat(xmlSafe('A&B <C> "D"')));
    expect(text).toContain(flat("Dòng hai"));
    expect(text).toContain(flat("Ghi chú dài Ghi chú dài"));
  });
});
