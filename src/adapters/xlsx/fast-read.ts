// A direct SpreadsheetML reader for the read-only paths: it reads the parts the pre-scan already
// decoded (sheets, shared strings, styles, workbook) with indexOf, and produces the cells ExcelJS
// would give for them. Loading every unit file with ExcelJS was most of a consolidation's time.
// It only takes what it is certain ExcelJS reads the same way (plain numbers, dates by number
// format, shared strings of one plain run, booleans, errors, plain formulas, merges). Anything
// else (rich text, inline strings, shared or array formulas, 1904 dates, prefixed tags, odd
// attributes or text) makes it return null, and the caller reads the file with ExcelJS: the
// result never depends on this reader being complete.
import type { RangeAddress } from "../../core/layout/a1";
import type { RawCell } from "../../core/data/snapshot";
import { attrs, decodeXml, type PreparedPackage } from "./prescan";

export interface FastCell {
  r: number;
  c: number;
  v: RawCell;
  f: string | null;
}

export interface FastSheet {
  name: string;
  visible: boolean;
  cells: FastCell[];
  merges: RangeAddress[];
}

/** Thrown inside the reader to give up on the file; never escapes readFast. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const CELL_RE = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const RANGE_RE = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/;
/** Entities saxes (ExcelJS's parser) decodes as decodeXml does; anything else is left to it. */
const ODD_ENTITY_RE = /&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/;
/** A namespace-prefixed element this reader scans for, which the plain scans would miss. */
const prefixed = (xml: string, tags: string) =>
  new RegExp(`<\\/?[A-Za-z_][\\w.-]*:(?:${tags})[\\s/>]`).test(xml);
const XML_DECL_RE =
  /^<\?xml\s+version\s*=\s*["']1\.[0-9]+["'](?:\s+encoding\s*=\s*["'][A-Za-z][\w.-]*["'])?(?:\s+standalone\s*=\s*["'](?:yes|no)["'])?\s*\?>/;
// eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids are the point
const BAD_CHAR_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// No lookbehind: older Safari (Excel for Mac's pane) refuses it when the module loads.
const LONE_SURROGATE_RE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CHAR_REF_RE = /&#(x[0-9a-fA-F]+|\d+);/g;

/**
 * Declines a part saxes (ExcelJS's parser) might refuse anywhere, not only where this reader
 * looks: an odd XML declaration, a character XML forbids (typed or as a reference), a malformed
 * entity, CDATA or "]]>" in text. The fuzz corpus's entity and attribute mutations found each.
 */
function checkPart(xml: string): void {
  if (xml.startsWith("<?xml") && !XML_DECL_RE.test(xml)) decline();
  if (BAD_CHAR_RE.test(xml) || LONE_SURROGATE_RE.test(xml)) decline();
  if (xml.includes("]]>") || xml.includes("<![CDATA[") || xml.includes("<!")) decline();
  if (!xml.includes("&")) return;
  if (ODD_ENTITY_RE.test(xml)) decline();
  for (const m of xml.matchAll(CHAR_REF_RE)) {
    const code = m[1][0] === "x" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    const ok =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!ok) decline();
  }
}

/** ExcelJS's built-in number formats that are dates (utils.isDateFmt over defaultnumformats). */
const BUILTIN_DATE_FMTS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const MS_PER_DAY = 86400000;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** ExcelJS's utils.isDateFmt. */
function isDateFmt(fmt: string): boolean {
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}

/** Text as saxes gives it (line ends normalised, then entities decoded), or a decline when an
 * entity is one saxes might treat differently. */
function text(raw: string): string {
  if (ODD_ENTITY_RE.test(raw)) decline();
  return decodeXml(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
}

/** A shared string's text as ExcelJS's text-xform gives it (it also decodes `_xHHHH_`). */
function sharedText(raw: string): string | undefined {
  if (ODD_ENTITY_RE.test(raw)) return undefined;
  return text(raw).replace(/_x([0-9A-F]{4})_/g, (_m, h: string) =>
    String.fromCharCode(parseInt(h, 16))
  );
}

/** Shared strings; an item that is not one plain `<t>` run is undefined (declined if used). */
function sharedStrings(xml: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const one = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/;
  let at = xml.indexOf("<si");
  while (at >= 0) {
    const next = xml.charCodeAt(at + 3);
    if (next !== 62 /* > */) {
      // "<sst" starts with "<s" too; "<si " or "<si/>" are items this reader does not read.
      if (next === 32 || next === 47) decline();
      at = xml.indexOf("<si", at + 3);
      continue;
    }
    const end = xml.indexOf("</si>", at);
    if (end < 0) decline();
    const m = one.exec(xml.slice(at + 4, end));
    out.push(m ? sharedText(m[1]) : undefined);
    at = xml.indexOf("<si", end);
  }
  return out;
}

/** ExcelJS's utils.xmlDecode, which it applies to a "str" cell's already decoded text. */
const AGAIN: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&apos;": "'",
  "&quot;": '"',
};
function xmlDecodeAgain(s: string): string {
  return s.includes("&") ? s.replace(/&([a-z]*);/g, (c) => AGAIN[c] ?? c) : s;
}

/** Which cell style indexes (cellXfs) are dates to ExcelJS. */
function dateStyles(xml: string | null): Set<number> {
  const out = new Set<number>();
  if (!xml) return out;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    const id = Number(a.numFmtId);
    if (!Number.isInteger(id) || a.formatCode === undefined) decline();
    custom.set(id, a.formatCode.replace(/[\\](.)/g, "$1"));
  }
  const start = xml.indexOf("<cellXfs");
  if (start < 0) return out;
  const end = xml.indexOf("</cellXfs>", start);
  if (end < 0) decline();
  let i = 0;
  for (const m of xml.slice(start, end).matchAll(/<xf\b([^>]*)>/g)) {
    const raw = attrs(m[1]).numFmtId ?? "0";
    if (!/^\d+$/.test(raw)) decline();
    const id = Number(raw);
    const fmt = custom.get(id);
    if (id !== 0 && (fmt !== undefined ? isDateFmt(fmt) : BUILTIN_DATE_FMTS.has(id))) out.add(i);
    i++;
  }
  return out;
}

/** A date cell's value as ExcelJS's Date then rawOf's serial would give it, to the bit. */
function dateSerial(v: number): number {
  const ms = Math.round((v - 25569) * 24 * 3600 * 1000);
  if (!(Math.abs(ms) <= 8.64e15)) decline();
  return ms / MS_PER_DAY + 25569;
}

function parseMerges(xml: string): RangeAddress[] {
  const out: RangeAddress[] = [];
  for (const m of xml.matchAll(/<mergeCell\b([^>]*)>/g)) {
    const r = RANGE_RE.exec(attrs(m[1]).ref ?? "") ?? decline();
    const range = {
      top: Number(r[2]),
      left: colNumber(r[1]),
      bottom: Number(r[4]),
      right: colNumber(r[3]),
    };
    if (range.bottom < range.top || range.right < range.left) decline();
    if (range.bottom === range.top && range.right === range.left) decline();
    // ExcelJS refuses overlapping merges; that file goes to it to be refused.
    for (const o of out) {
      if (
        o.top <= range.bottom &&
        range.top <= o.bottom &&
        o.left <= range.right &&
        range.left <= o.right
      )
        decline();
    }
    if (out.length > 2000) decline();
    out.push(range);
  }
  return out;
}

function inMergeNotMaster(merges: RangeAddress[], r: number, c: number): boolean {
  for (const m of merges) {
    if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right)
      return r !== m.top || c !== m.left;
  }
  return false;
}

interface Ctx {
  sst: (string | undefined)[] | null;
  sstXml: string | null;
  dates: Set<number>;
}

function sheetCells(xml: string, merges: RangeAddress[], ctx: Ctx): FastCell[] {
  const cells: FastCell[] = [];
  const open = xml.indexOf("<sheetData");
  if (open < 0) return xml.includes("sheetData") ? decline() : cells;
  const afterOpen = xml.indexOf(">", open);
  if (xml[afterOpen - 1] === "/") return cells;
  const end = xml.indexOf("</sheetData>", afterOpen);
  if (end < 0) decline();
  const seen = new Set<number>();
  let row = 0;
  let i = afterOpen + 1;
  // The current cell, between <c> and </c>.
  let cell: { r: number; c: number; s: number; t: string } | null = null;
  let where: "" | "v" | "f" = "";
  let v: string | undefined;
  let f: string | undefined;
  while (i < end) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt > end) decline();
    const between = xml.slice(i, lt);
    if (where === "v") v = (v ?? "") + between;
    else if (where === "f") f = (f ?? "") + between;
    else if (between.trim() !== "") decline();
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt > end) decline();
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    const closing = tag[0] === "/";
    const selfClosing = tag[tag.length - 1] === "/";
    const nameEnd = tag.search(/[\s/>]|$/);
    const name = closing ? tag.slice(1).trim() : tag.slice(0, nameEnd === 0 ? 0 : nameEnd);
    if (closing) {
      if (name === "v" && where === "v") where = "";
      else if (name === "f" && where === "f") where = "";
      else if (name === "c" && cell && where === "") {
        finish(cell, v, f);
        cell = null;
      } else if (name === "row" && !cell) row = 0;
      else decline();
      continue;
    }
    if (where !== "") decline();
    const body = tag.slice(name.length, selfClosing ? -1 : undefined);
    if (name === "row") {
      if (cell || row) decline();
      const r = attrs(body).r ?? decline();
      if (!/^[1-9]\d{0,6}$/.test(r)) decline();
      row = selfClosing ? 0 : Number(r);
    } else if (name === "c") {
      if (cell || !row) decline();
      const a = attrs(body);
      for (const k of Object.keys(a)) if (k !== "r" && k !== "s" && k !== "t") decline();
      const at = CELL_RE.exec(a.r ?? "") ?? decline();
      const r = Number(at[2]);
      const c = colNumber(at[1]);
      if (r !== row || c > 16384) decline();
      const key = r * 16385 + c;
      if (seen.has(key)) decline();
      seen.add(key);
      if (a.s !== undefined && !/^\d+$/.test(a.s)) decline();
      const next = { r, c, s: a.s === undefined ? 0 : Number(a.s), t: a.t ?? "n" };
      v = undefined;
      f = undefined;
      if (selfClosing) finish(next, undefined, undefined);
      else cell = next;
    } else if (name === "v" && cell && !selfClosing) {
      if (body.trim() !== "" || v !== undefined) decline();
      where = "v";
    } else if (name === "f" && cell && !selfClosing) {
      // Shared and array formulas (any attribute) are ExcelJS's to read.
      if (body.trim() !== "" || f !== undefined) decline();
      where = "f";
    } else decline();
  }
  if (cell || row || where) decline();
  return cells;

  function finish(
    at: { r: number; c: number; s: number; t: string },
    value: string | undefined,
    formula: string | undefined
  ): void {
    if (formula === "") decline();
    // A formula's empty cached value is no result to ExcelJS (`if (model.value)`); an empty value
    // alone is left to it.
    if (value === "") {
      if (formula === undefined) decline();
      value = undefined;
    }
    if (value === undefined && formula === undefined) return; // blank (styled or not)
    const isDate = at.s !== 0 && ctx.dates.has(at.s);
    // ExcelJS turns any cached formula result under a date format into a Date, even text.
    if (isDate && formula !== undefined && value !== undefined && at.t !== "n") decline();
    let raw: RawCell = null;
    if (value !== undefined) {
      switch (at.t) {
        case "n": {
          if (!NUMBER_RE.test(value)) decline();
          const n = Number(value);
          if (!Number.isFinite(n)) decline();
          raw = isDate ? dateSerial(n) : n;
          break;
        }
        case "s": {
          if (formula !== undefined || !/^\d{1,9}$/.test(value)) decline();
          ctx.sst ??= ctx.sstXml === null ? decline() : sharedStrings(ctx.sstXml);
          raw = ctx.sst[Number(value)] ?? decline();
          break;
        }
        case "str": {
          // ExcelJS decodes entities a second time here (utils.xmlDecode).
          raw = xmlDecodeAgain(text(value));
          break;
        }
        case "b":
          if (value !== "0" && value !== "1") decline();
          raw = value === "1";
          break;
        case "e": {
          const s = text(value);
          raw = { error: s };
          break;
        }
        default:
          decline();
      }
    }
    // ExcelJS's formula value copies only truthy results (FormulaValue._copyModel): a cached 0,
    // false or "" reads as no result. A date result is a Date by then, always kept.
    const dateResult = isDate && at.t === "n" && value !== undefined;
    if (formula !== undefined && !dateResult && (raw === 0 || raw === false || raw === ""))
      raw = null;
    if (inMergeNotMaster(merges, at.r, at.c)) return;
    const fText = formula === undefined ? null : `=${text(formula)}`;
    if (raw === null && fText === null) return;
    cells.push({ r: at.r, c: at.c, v: raw, f: fText });
  }
}

/** ExcelJS's worksheet name rules; a name it would refuse or change goes to ExcelJS. */
function plainSheetName(name: string): boolean {
  return (
    name !== "" &&
    name !== "History" &&
    name.length <= 31 &&
    !/[*?:/\\[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'")
  );
}

/**
 * The sheets of a prepared package as ExcelJS would read them, or null when the file holds
 * anything this reader is not certain about (then ExcelJS reads it).
 */
export function readFast(prepared: PreparedPackage): FastSheet[] | null {
  try {
    const { workbookXml, sheets, sstXml, stylesXml } = prepared.parts;
    if (prepared.badValues.size > 0) return null;
    if (prefixed(workbookXml, "sheets?|workbookPr")) return null;
    if (/\bdate1904\s*=\s*["'](?!0|false)/.test(workbookXml)) return null;
    if (sstXml !== null && prefixed(sstXml, "sst|si|t|r")) return null;
    if (stylesXml !== null && prefixed(stylesXml, "numFmts?|cellXfs|xf")) return null;
    const states = new Map<string, string | undefined>();
    const ids = new Set<string>();
    const lower = new Set<string>();
    for (const m of workbookXml.matchAll(/<sheet\b([^>]*)>/g)) {
      const a = attrs(m[1]);
      const name = a.name ?? "";
      if (!a.sheetId || ids.has(a.sheetId) || lower.has(name.toLowerCase())) return null;
      ids.add(a.sheetId);
      lower.add(name.toLowerCase());
      states.set(name, a.state);
    }
    for (const xml of [workbookXml, sstXml, stylesXml, ...sheets]) if (xml !== null) checkPart(xml);
    const ctx: Ctx = { sst: null, sstXml, dates: dateStyles(stylesXml) };
    return prepared.sheets.map((name, i) => {
      const xml = sheets[i];
      if (
        !plainSheetName(name) ||
        !states.has(name) ||
        prefixed(xml, "mergeCells?|sheetData|row|c|v|f")
      )
        decline();
      const state = states.get(name);
      const sheetEnd = xml.indexOf("</sheetData>");
      const merges = parseMerges(sheetEnd < 0 ? xml : xml.slice(sheetEnd));
      return {
        name,
        visible: !state || state === "visible",
        cells: sheetCells(xml, merges, ctx),
        merges,
      };
    });
  } catch (e) {
    if (e instanceof Decline) return null;
    throw e;
  }
}
