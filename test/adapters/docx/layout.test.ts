// Layout as LibreOffice shows it (issue 9, item 6), for every sample and a 7-province consolidated
// cluster draft, in each sources mode (none, appendix, comments): every footnote's text is printed
// (with comments, LibreOffice once printed bare numbers), every appendix row is printed (rows
// taller than a page were clipped), the signature page also carries the end of the body, and the
// styles are tagged Vietnamese. A ladder of drafts whose length walks the signature block across a
// page break shows the block is never left alone on the last page.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtInTemplates, findTemplate } from "../../../src/templates";
import { CLUSTER_PROVINCES } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  runsText,
  type DocumentSettings,
  type ReportDocument,
} from "../../../src/core/document";
import { renderDocx } from "../../../src/adapters/docx";
import { pdfPageCount } from "../../support/office-tools";
import { convertAllToPdf, openDocx, part } from "../../support/docx-checks";
import { consolidatedOf, draftOf } from "../../core/narrative/consolidated-fixtures";

/**
 * pdftotext spaces out justified lines and drops the hyphen where a cell wraps after it
 * ("209/KH-" + "LĐLĐ" reads "209/KHLĐLĐ"), so text is compared without spaces or hyphens.
 */
const flat = (s: string): string => s.replace(/[\s\u00ad-]+/g, "");

/** Largest gap between two words of one cell in the PDF's text: the cells beside it. */
const CELL_GAP = 1500;

/**
 * The first word of `cell` that the PDF's text (flattened) does not print, or null when every
 * word is printed in order. pdftotext reads wrapped cells of one row line by line across the
 * row, so a cell's words come in order with its neighbours' lines between them; a word broken at
 * a hyphen may have a neighbour's line inside it, so hyphens split words too.
 */
function unprinted(text: string, cell: string): string | null {
  const words = cell
    .split(/[\s\u00ad-]+/)
    .map(flat)
    .filter(Boolean);
  if (words.length === 0 || text.includes(words.join(""))) return null;
  let lost: string = words[0];
  for (let s = text.indexOf(words[0]); s >= 0; s = text.indexOf(words[0], s + 1)) {
    let at = s + words[0].length;
    const miss = words.slice(1).find((w) => {
      const next = text.indexOf(w, at);
      if (next < 0 || next - at > CELL_GAP) return true;
      at = next + w.length;
      return false;
    });
    if (miss === undefined) return null;
    lost = miss;
  }
  return lost;
}

const MODES: DocumentSettings["sources"][] = ["none", "appendix", "comments"];

interface Draft {
  id: string;
  doc: ReportDocument;
  file: string;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-layout-"));
const drafts: Draft[] = [];
/** Drafts that differ only in length, the signature block crossing a page break among them. */
const ladder: Draft[] = [];

async function write(id: string, doc: ReportDocument, into: Draft[]): Promise<void> {
  const file = path.join(work, `${id}.docx`);
  fs.writeFileSync(file, await renderDocx(doc));
  into.push({ id, doc, file });
}

const pdfOf = (d: Draft) => d.file.replace(/\.docx$/, ".pdf");

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
}

/** The last page of the main section: the one with "Nơi nhận:" and the signer's name. */
function signaturePage(d: Draft): { page: number; text: string } {
  const pdf = pdfOf(d);
  const pages = pdfPageCount(pdf);
  for (let p = 1; p <= pages; p++) {
    const text = flat(pageText(pdf, p));
    if (text.includes(flat("Nơi nhận:")) && text.includes(flat(d.doc.signature.name)))
      return { page: p, text };
  }
  throw new Error(`${d.id}: no page with the signature`);
}

/** The end of the body's last paragraph, as printed (footnote marks print as small numbers). */
function bodyEnd(doc: ReportDocument): string {
  const paragraphs = doc.body.filter((b) => b.kind === "paragraph");
  const last = paragraphs[paragraphs.length - 1];
  if (!last || last.kind !== "paragraph") throw new Error("no body paragraph");
  const text = flat(runsText(last.runs.filter((r) => r.kind !== "footnote")));
  return text.slice(-24);
}

beforeAll(async () => {
  for (const sources of MODES) {
    const settings = { ...DEFAULT_SETTINGS, sources };
    for (const t of builtInTemplates())
      await write(
        `${t.id}-${sources}`,
        buildReportDocument(t, loadSample(t.id), { settings }),
        drafts
      );
    const cluster = consolidatedOf("cluster-emulation", CLUSTER_PROVINCES, "2023-H1");
    await write(`consolidated-cluster-${sources}`, draftOf(cluster, { sources }), drafts);
  }
  // The quarterly draft with one-line paragraphs added before its last one, 0..17 of them: its
  // signature block (about 12 lines) is pushed past the foot of a page on some rungs. Then the
  // same with a last paragraph of about 10 lines (too long to move whole: only its last lines go
  // with the signature) and six-line additions: 12 rungs walk over more than a page whatever
  // the base draft's length.
  const t = findTemplate("quarterly-activity");
  if (!t) throw new Error("quarterly-activity");
  const base = buildReportDocument(t, loadSample(t.id));
  const para = (text: string) => ({
    kind: "paragraph" as const,
    runs: [{ kind: "text" as const, text }],
  });
  const long = para(
    `${"Tiếp tục chỉ đạo các cấp Công đoàn triển khai đồng bộ các nhiệm vụ trọng tâm. ".repeat(9)}./.`
  );
  for (let extra = 0; extra < 18; extra++) {
    const body = [...base.body];
    const filler = Array.from({ length: extra }, (_, i) => para(`Dòng thêm số ${i + 1}.`));
    body.splice(body.length - 1, 0, ...filler);
    await write(`ladder-${extra}`, { ...base, body }, ladder);
  }
  for (let extra = 0; extra < 12; extra++) {
    const body = base.body.slice(0, -1);
    for (let i = 0; i < extra; i++)
      body.push(para(`Đoạn thêm số ${i + 1}, đủ dài để chiếm sáu dòng: ${"chữ ".repeat(90)}`));
    body.push(long);
    await write(`ladder-long-${extra}`, { ...base, body }, ladder);
  }
  convertAllToPdf(
    [...drafts, ...ladder].map((d) => d.file),
    work
  );
}, 600000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("every draft in every sources mode, as LibreOffice prints it", () => {
  it("prints the text of every footnote", () => {
    for (const d of drafts) {
      const text = flat(execFileSync("pdftotext", [pdfOf(d), "-"], { encoding: "utf8" }));
      const missing = d.doc.footnotes
        .filter((f) => !text.includes(flat(runsText(f.runs)).slice(0, 60)))
        .map((f) => f.id);
      expect({ draft: d.id, missing }).toEqual({ draft: d.id, missing: [] });
    }
  });

  it("prints every appendix row", () => {
    let rows = 0;
    for (const d of drafts) {
      const text = flat(
        execFileSync("pdftotext", [pdfOf(d), "-"], { encoding: "utf8", maxBuffer: 1 << 26 })
      );
      const missing: string[] = [];
      for (const t of d.doc.appendix?.tables ?? [])
        for (const r of t.body) {
          rows++;
          // Every cell that says something ("TT" cells are bare numbers, found anywhere), to
          // its last word: a clipped row loses the end of its longest cell.
          for (const c of r.filter((x) => /\p{L}/u.test(runsText(x.runs)))) {
            const lost = unprinted(text, runsText(c.runs));
            if (lost !== null) missing.push(`${t.title}: ${lost}`);
          }
        }
      expect({ draft: d.id, missing }).toEqual({ draft: d.id, missing: [] });
    }
    expect(rows).toBeGreaterThan(500);
  });

  it("prints the end of the body on the signature page", () => {
    for (const d of drafts) {
      const { text } = signaturePage(d);
      expect({ draft: d.id, bodyOnSignaturePage: text.includes(bodyEnd(d.doc)) }).toEqual({
        draft: d.id,
        bodyOnSignaturePage: true,
      });
    }
  });
});

describe("the signature block at a page break", () => {
  it("keeps the last body lines with the signature on every rung of the ladder", () => {
    const pages = new Set<number>();
    for (const d of ladder) {
      const { page, text } = signaturePage(d);
      pages.add(page);
      expect({ rung: d.id, bodyOnSignaturePage: text.includes(bodyEnd(d.doc)) }).toEqual({
        rung: d.id,
        bodyOnSignaturePage: true,
      });
    }
    // Each ladder really crosses a page break (else it would test nothing).
    expect(pages.size).toBeGreaterThan(1);
    const longPages = new Set(
      ladder.filter((d) => d.id.includes("long")).map((d) => signaturePage(d).page)
    );
    expect(longPages.size).toBeGreaterThan(1);
  });
});

describe("language", () => {
  it("tags the default run properties and every style Vietnamese, and nothing else", async () => {
    for (const d of drafts.filter((x) => x.id.endsWith("-comments"))) {
      const zip = await openDocx(fs.readFileSync(d.file));
      const styles = await part(zip, "word/styles.xml");
      const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/s.exec(styles)?.[0] ?? "";
      expect(defaults).toMatch(/<w:lang w:val="vi-VN"/);
      for (const h of styles.match(/<w:style [^>]*w:styleId="Heading\d".*?<\/w:style>/gs) ?? [])
        expect(h).toMatch(/<w:lang w:val="vi-VN"/);
      for (const name of ["word/styles.xml", "word/document.xml", "word/footnotes.xml"]) {
        const langs = (await part(zip, name)).match(/<w:lang [^>]*>/g) ?? [];
        for (const l of langs) expect(l).toMatch(/w:val="vi-VN"/);
      }
    }
  });
});
