// Checks of a Word draft, shared by the core's and the adapter's tests, the CLI's and the pane's end
// to end tests: the document XML (A4, margins, Times New Roman 14 pt, real heading styles, page
// numbers from page 2, footnotes), LibreOffice's PDF of it (header lines, headings, every figure,
// footnotes, signature), and that every figure of the model comes from the cell it names.
import { HEDGES } from "../../src/core/format/hedge";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { convertWithLibreOffice } from "./office-tools";
import { cellOf, findSheet, type WorkbookSnapshot } from "../../src/core/data/snapshot";
import { allRuns, runsText, type ReportDocument } from "../../src/core/document";
import { parseCell } from "../../src/core/layout/a1";
import type { Template } from "../../src/core/model/load";
import { figureText, moneyTokenText } from "../../src/core/narrative/figure";
import { MONEY_TOKEN_STYLES } from "../../src/core/narrative/tokens";

/** pdftotext spaces out justified lines ("c ủa"), so text is compared without whitespace. */
export const flat = (s: string): string => s.replace(/\s+/g, "");

export function openDocx(bytes: Uint8Array | Buffer): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function part(zip: JSZip, name: string, label = "docx"): Promise<string> {
  const f = zip.file(name);
  if (!f) throw new Error(`${label}: no ${name}`);
  return f.async("string");
}

/** Converts .docx files to PDF next to `outDir` in one LibreOffice run (the slow part). */
export function convertAllToPdf(files: string[], outDir: string): string[] {
  convertWithLibreOffice(files, outDir, "pdf");
  return files.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, ".pdf")));
}

/** A4 portrait, the default margins (20/15/20/30 mm), Times New Roman 14 pt, justified body. */
export async function expectOfficialPage(zip: JSZip): Promise<void> {
  const doc = await part(zip, "word/document.xml");
  expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  expect(doc).toContain("<w:titlePg/>");
  expect(doc).toContain('<w:jc w:val="both"/>');
  const styles = await part(zip, "word/styles.xml");
  expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman".*<w:sz w:val="28"\/>/s);
}

/** Real heading styles (bold, black, body size, outline levels) used by the body. */
export async function expectHeadingStyles(zip: JSZip): Promise<void> {
  const styles = await part(zip, "word/styles.xml");
  const h1 = /<w:style [^>]*w:styleId="Heading1".*?<\/w:style>/s.exec(styles)?.[0] ?? "";
  expect(h1).toContain('<w:outlineLvl w:val="0"/>');
  expect(h1).toContain("<w:b/>");
  expect(h1).toContain('<w:color w:val="000000"/>');
  expect(h1).toContain('<w:sz w:val="28"/>');
  expect(await part(zip, "word/document.xml")).toContain('<w:pStyle w:val="Heading1"/>');
}

/** Page numbers in the header, and a first-page header without them. */
export async function expectPageNumbersFromPage2(zip: JSZip): Promise<void> {
  const headers = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
  const texts = await Promise.all(headers.map((h) => part(zip, h)));
  expect(texts.some((x) => /PAGE/.test(x))).toBe(true);
  expect(texts.some((x) => !/PAGE/.test(x))).toBe(true);
}

/** Every footnote of the model is in footnotes.xml. */
export async function expectFootnotes(zip: JSZip, doc: ReportDocument): Promise<void> {
  if (doc.footnotes.length === 0) return;
  const notes = await part(zip, "word/footnotes.xml");
  expect((notes.match(/<w:footnote /g) ?? []).length).toBeGreaterThanOrEqual(doc.footnotes.length);
}

/** The XML checks of the format, in one call. */
export async function expectWordFormat(zip: JSZip, doc: ReportDocument): Promise<void> {
  await expectOfficialPage(zip);
  await expectHeadingStyles(zip);
  await expectPageNumbersFromPage2(zip);
  await expectFootnotes(zip, doc);
}

/** Every XML part parses (xmllint), whatever text went into it. */
export async function expectXmlParses(zip: JSZip, dir: string, label: string): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith(".xml"))) {
    const file = path.join(dir, `${label}-${name.replace(/\//g, "_")}`);
    fs.writeFileSync(file, await part(zip, name));
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
  }
}

/**
 * The PDF's text has the header lines, the title, every heading, every figure formatted as the
 * model writes it, the start of every footnote and the signer's name.
 */
export function expectPdfShowsDocument(pdfText: string, d: ReportDocument): void {
  const text = flat(pdfText);
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
  for (const r of allRuns(d)) {
    if (r.kind !== "figure") continue;
    // In a narrow table column LibreOffice may wrap a hedge word ("hơn") onto its own line, away
    // from its number in the extracted text: the number is looked for, and the word on its own.
    const hedge = /^(trên|gần|hơn|khoảng|ít nhất)\s+(.*)$/u.exec(r.text);
    if (hedge) {
      expect(text).toContain(flat(hedge[2]));
      expect(text).toContain(flat(hedge[1]));
    } else expect(text).toContain(flat(r.text));
  }
  for (const f of d.footnotes) {
    const first = runsText(f.runs).split(";")[0];
    expect(text).toContain(flat(first).slice(0, 40));
  }
  expect(text).toContain(flat(d.signature.name));
}

/** The text of the body's paragraphs and headings, one per line. */
export function bodyText(doc: ReportDocument): string {
  return doc.body
    .map((b) =>
      b.kind === "paragraph"
        ? runsText(b.runs)
        : b.kind === "heading"
          ? `${b.number} ${b.text}`
          : ""
    )
    .join("\n");
}

/**
 * Every figure of the draft names a cell, and (for figures typed into a cell) that cell holds the
 * figure, formatted the way the text or a table writes it. Returns how many figures were checked.
 */
export function expectFiguresFromTheirCells(
  t: Template,
  snapshot: WorkbookSnapshot,
  doc: ReportDocument
): number {
  const figures = allRuns(doc).filter((r) => r.kind === "figure");
  for (const f of figures) {
    if (f.kind !== "figure") continue;
    expect(f.location).not.toBeNull();
    const ind = t.indicatorById.get(f.source.indicator);
    if (!ind || !f.location || f.source.target || f.source.baseline || f.source.rateOf) continue;
    if (ind.computed || (ind.type === "percent" && f.text !== "")) continue;
    const sheet = findSheet(snapshot, f.location.sheet);
    const at = parseCell(f.location.cell);
    expect(sheet && at).toBeTruthy();
    if (!sheet || !at) continue;
    const v = cellOf(sheet, at.row, at.col);
    expect(typeof v).toBe("number");
    // The figure may carry its hedge ("trên 55.680"), and an amount the style its sentence's token
    // asks for ("{ma:day_du}"): the number is still the cell's.
    const forms = [null, ...HEDGES].flatMap((h) => [
      figureText(ind, v as number, doc.settings, false, h),
      figureText(ind, v as number, doc.settings, true, h),
      ...(ind.type === "money"
        ? MONEY_TOKEN_STYLES.map((style) => moneyTokenText(v as number, style, h))
        : []),
    ]);
    expect(forms).toContain(f.text);
  }
  return figures.length;
}
