// The .docx adapter on every template's sample: the document XML (fonts, sizes, margins, heading
// styles, repeated header rows, footnotes), then LibreOffice's PDF of it (header lines, headings,
// every figure, footnotes), page 1 as PNG under test-results/docx/, and hostile cell text.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { builtInTemplates, findTemplate } from "../../../src/core/templates";
import { loadSample } from "../../../src/core/templates/samples";
import {
  allRuns,
  buildReportDocument,
  DEFAULT_SETTINGS,
  runsText,
  type ReportDocument,
} from "../../../src/core/document";
import { renderDocx } from "../../../src/adapters/docx";
import { xmlSafe } from "../../../src/adapters/docx/xml-safe";
import { pdfText, pdfToPng, resultsDir } from "../../support/office-tools";

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
  return { id, doc, file, zip: await JSZip.loadAsync(bytes) };
}

async function part(b: Built, name: string): Promise<string> {
  const f = b.zip.file(name);
  if (!f) throw new Error(`${b.id}: no ${name}`);
  return f.async("string");
}

/** One LibreOffice run for every document: it is the slow part. */
function convertAll(files: string[]): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        work,
        ...files,
      ],
      { stdio: "pipe", timeout: 120000 }
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const pdfOf = (b: Built) => b.file.replace(/\.docx$/, ".pdf");
/** pdftotext spaces out justified lines ("c ủa"), so text is compared without whitespace. */
const flat = (s: string) => s.replace(/\s+/g, "");

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
  convertAll([...built, hostile].map((b) => b.file));
}, 120000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("document XML", () => {
  it("sets A4, the default margins and Times New Roman 14 pt", async () => {
    for (const b of built) {
      const doc = await part(b, "word/document.xml");
      // 20/15/20/30 mm in twips.
      expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect(doc).toContain("<w:titlePg/>");
      expect(doc).toContain('<w:jc w:val="both"/>');
      const styles = await part(b, "word/styles.xml");
      expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:sz w:val="28"\/>/s);
    }
  });

  it("uses real heading styles, bold black at body size, with outline levels", async () => {
    for (const b of built) {
      const styles = await part(b, "word/styles.xml");
      const h1 = /<w:style [^>]*w:styleId="Heading1".*?<\/w:style>/s.exec(styles)?.[0] ?? "";
      expect(h1).toContain('<w:outlineLvl w:val="0"/>');
      expect(h1).toContain("<w:b/>");
      expect(h1).toContain('<w:color w:val="000000"/>');
      expect(h1).toContain('<w:sz w:val="28"/>');
      const doc = await part(b, "word/document.xml");
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
    }
  });

  it("numbers pages from page 2 in the top margin", async () => {
    for (const b of built) {
      const headers = Object.keys(b.zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
      const texts = await Promise.all(headers.map((h) => part(b, h)));
      expect(texts.some((x) => /PAGE/.test(x))).toBe(true);
      expect(texts.some((x) => !/PAGE/.test(x))).toBe(true);
    }
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
    expect((notes.match(/<w:footnote /g) ?? []).length).toBeGreaterThanOrEqual(
      cluster.doc.footnotes.length
    );
  });

  it("writes XML that parses, even from hostile cell text", async () => {
    for (const b of [...built, hostile]) {
      for (const name of Object.keys(b.zip.files).filter((n) => n.endsWith(".xml"))) {
        const file = path.join(work, `${b.id}-${name.replace(/\//g, "_")}`);
        fs.writeFileSync(file, await part(b, name));
        expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
      }
    }
    const doc = await part(hostile, "word/document.xml");
    expect(doc).toContain("A&amp;B &lt;C&gt;");
    expect(doc).toContain("👷‍♀️🇻🇳");
    expect(await part(hostile, "word/comments.xml")).toContain("Số liệu: ");
  });
});

describe("as LibreOffice shows it", () => {
  it("has the header lines, headings, every figure and the footnotes", () => {
    for (const b of built) {
      const text = flat(pdfText(pdfOf(b)));
      const d = b.doc;
      for (const line of [
        d.header.nation,
        d.header.motto,
        d.header.numberLine,
        d.header.placeDate,
        d.docTypeTitle,
      ]) {
        expect(text).toContain(flat(line));
      }
      if (d.header.parentBody) expect(text).toContain(flat(d.header.parentBody));
      for (const h of d.body)
        if (h.kind === "heading") expect(text).toContain(flat(`${h.number} ${h.text}`.trim()));
      for (const r of allRuns(d)) if (r.kind === "figure") expect(text).toContain(flat(r.text));
      for (const f of d.footnotes) {
        const first = runsText(f.runs).split(";")[0];
        expect(text).toContain(flat(first).slice(0, 40));
      }
      expect(text).toContain(flat(d.signature.name));
    }
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
