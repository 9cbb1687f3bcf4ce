// What BáoCáo hands to ExcelJS on its read-only paths, decided before ExcelJS parses anything.
// ExcelJS expands every defined name and data-validation range cell by cell on load (exceljs
// #1898, #1923, #2621, #1842): an AutoFilter over 200,000 rows or a name over a whole column costs
// seconds and gigabytes, a name over the whole grid never finishes. So the workbook part is read
// here: defined names are parsed as text (never expanded) and removed from what ExcelJS sees, the
// sheets a template does not own are left out, each kept sheet is screened for values ExcelJS would
// misread (1e309, "12abc" in a number cell) and for merges or cells beyond Excel's grid, and only
// then is a small package of the needed parts rebuilt for ExcelJS.
import { cellA1, parseCell, parseQualifiedRange, parseRange } from "../../core/layout/a1";
import { isOwnName, nameKey } from "../../core/layout/names";
import { META_SHEET_PREFIX } from "../../core/layout/meta-sheet";
import { SUBTOTALS_SHEET } from "../../core/layout/hierarchy-units";
import { RESERVED_SHEETS } from "../../core/model/load";
import type { NameSnapshot } from "../../core/data/snapshot";
import { formatNumber } from "../../core/format";
import { PackageError, PART_LIMIT, storedZip, XlsxPackage, type StoredPart } from "./package";

/** Excel's grid: columns A..XFD, rows 1..1,048,576. */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;
/** Largest range one of BáoCáo's own names may cover; the largest template range is far smaller. */
export const OWN_NAME_CELL_LIMIT = 100000;
/** Largest merged area read; ExcelJS creates every cell of a merge. */
export const MERGE_CELL_LIMIT = 100000;

/** Sheet nodes no read-only path needs; ExcelJS expands validations and conditional formats cell
 * by cell, and drawings, comments, tables and hyperlinks need the sheet's relationships, which
 * are not handed over (openpyxl's charts and comments made ExcelJS throw on them). */
export const READ_ONLY_IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "cols",
  "hyperlinks",
  "drawing",
  "picture",
  "tableParts",
  "rowBreaks",
];

export interface StoredValue {
  row: number;
  col: number;
  /** The text the file stores, which is not a finite number or a valid date. */
  stored: string;
  /** "#NUM!" for numbers out of range, "#VALUE!" for text that is no number or date. */
  error: "#NUM!" | "#VALUE!";
}

export interface PreparedPackage {
  /** A zip holding only what ExcelJS should parse. */
  zip: Uint8Array;
  names: NameSnapshot[];
  /** Sheets handed to ExcelJS, in workbook order. */
  sheets: string[];
  /** Sheets left out (not the template's). */
  skipped: string[];
  /** Cells whose stored value ExcelJS would misread, by sheet name. */
  badValues: Map<string, StoredValue[]>;
  /** When the workbook was last saved (docProps/core.xml dcterms:modified), ISO 8601, if given. */
  savedAt: string | null;
  /** The decoded text of the parts handed on, for the direct reader (fast-read.ts): `sheets` is
   * aligned with the field of the same name. */
  parts: { workbookXml: string; sheets: string[]; sstXml: string | null; stylesXml: string | null };
}

/** The saved time of the core properties part, when it is a real instant. */
function savedAtOf(coreXml: string): string | null {
  const m = /<dcterms:modified\b[^>]*>([^<]{1,64})<\/dcterms:modified>/.exec(coreXml);
  const ms = m ? Date.parse(m[1].trim()) : NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export type SheetChoice = "ours" | "all";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** Only the predefined entities and character references: a DTD's entities are never expanded. */
export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

export function attrs(tagBody: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tagBody))) {
    const key = m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    // r:id and id both become "id"; the namespaced one wins (it is the relationship id).
    if (!(key in out) || m[1].includes(":")) out[key] = decodeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

interface Element {
  /** The namespace prefix with its colon ("x:"), or "". */
  prefix: string;
  /** The attributes' text. */
  attrs: string;
  /** The text between the open and close tags; undefined for `<tag/>` or an unclosed tag. */
  inner: string | undefined;
  start: number;
  end: number;
}

/**
 * The elements named `tag`, in one linear pass: every attempt stops at the next "<" or ">", so a
 * damaged or hostile part (thousands of unclosed tags) costs its length, never its length squared
 * as `<c>[\s\S]*?</c>` would. The tag must not nest in itself (c, v, si, t, definedName do not).
 */
function* elements(xml: string, tag: string): Generator<Element> {
  const re = new RegExp(`<(/?)((?:[\\w.-]+:)?)${tag}(?=[\\s/>])([^<>]*?)(/?)>`, "g");
  let open: { prefix: string; attrs: string; start: number; innerStart: number } | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const [whole, slash, prefix, attrsText, selfClosing] = m;
    if (slash) {
      if (open && open.prefix === prefix) {
        yield {
          prefix,
          attrs: open.attrs,
          inner: xml.slice(open.innerStart, m.index),
          start: open.start,
          end: m.index + whole.length,
        };
      }
      open = null;
      continue;
    }
    if (open) yield { ...open, inner: undefined, end: open.innerStart };
    open = null;
    if (selfClosing) {
      yield {
        prefix,
        attrs: attrsText,
        inner: undefined,
        start: m.index,
        end: m.index + whole.length,
      };
    } else {
      open = { prefix, attrs: attrsText, start: m.index, innerStart: m.index + whole.length };
    }
  }
  if (open) yield { ...open, inner: undefined, end: open.innerStart };
}

function firstText(xml: string, tag: string): string | undefined {
  for (const e of elements(xml, tag)) return e.inner ?? "";
  return undefined;
}

/** Guards against DTDs: Excel never writes one, and entity expansion is how XML bombs work. */
function refuseDoctype(xml: string, part: string, fileLabel: string): void {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml.slice(0, 4096))) {
    throw new PackageError(
      `Tệp "${fileLabel}" bị từ chối: phần "${part}" có khai báo DTD, điều mà Excel không bao giờ ghi (có thể là tệp độc hại). Lấy lại bản gốc.`
    );
  }
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const e of elements(xml, "Relationship")) {
    const a = attrs(e.attrs);
    out.push({
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: (a.TargetMode ?? "").toLowerCase() === "external",
    });
  }
  return out;
}

/** A relationship target resolved against the folder of its source part ("xl/"). */
function resolveTarget(baseDir: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const relsOf = (part: string) =>
  `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
const typeIs = (rel: Rel, suffix: string) => rel.type.endsWith(`/${suffix}`);

interface SheetDef {
  name: string;
  rid: string;
  part: string | null;
}

/** The defined names as text; a name over several areas is kept as "#REF!" (not one of ours). */
function parseNames(xml: string): NameSnapshot[] {
  const out = new Map<string, NameSnapshot>();
  for (const e of elements(xml, "definedName")) {
    const a = attrs(e.attrs);
    const name = a.name ?? "";
    if (!name || /^_xlnm\.Print_(Area|Titles)$/i.test(name)) continue;
    const text = decodeXml(e.inner ?? "")
      .trim()
      .replace(/^=/, "");
    const ref = hasTopLevelComma(text) ? "#REF!" : `=${text}`;
    const key = nameKey(name);
    // A workbook-level name wins over a sheet-level one of the same name, as in Excel's Name Box.
    if (out.has(key) && a.localSheetId !== undefined) continue;
    out.set(key, { name, ref });
  }
  return [...out.values()];
}

function hasTopLevelComma(text: string): boolean {
  let quoted = false;
  for (const ch of text) {
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) return true;
  }
  return false;
}

const area = (r: { top: number; left: number; bottom: number; right: number }) =>
  (r.bottom - r.top + 1) * (r.right - r.left + 1);

/** BáoCáo's own names must cover what a template can: far larger is damage, refused here. */
function checkOwnNames(names: NameSnapshot[], fileLabel: string): void {
  for (const n of names) {
    if (!isOwnName(n.name)) continue;
    const q = parseQualifiedRange(n.ref);
    if (!q) continue; // broken: the reader reports it
    const cells = area(q.range);
    if (cells > OWN_NAME_CELL_LIMIT) {
      throw new PackageError(
        `Tệp "${fileLabel}" bị từ chối: tên "${n.name}" của BáoCáo trỏ tới vùng ${n.ref.replace(/^=/, "")} ` +
          `trên trang "${q.sheet}" (${formatNumber(cells)} ô), lớn hơn mọi vùng của mẫu (tối đa ${formatNumber(OWN_NAME_CELL_LIMIT)} ô). ` +
          "Trong Excel, mở Công thức > Trình quản lý tên (Name Manager) và sửa tên này về đúng vùng của mẫu, hoặc tạo lại sổ từ mẫu rồi chép số liệu sang."
      );
    }
  }
}

/** Shared strings by index, reading `<si>` items only as far as the largest index wanted. */
function sharedStrings(xml: string, wanted: Set<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  const max = Math.max(...wanted);
  let i = 0;
  for (const e of elements(xml, "si")) {
    if (i > max) break;
    if (wanted.has(i)) out.set(i, textRuns(e.inner ?? ""));
    i++;
  }
  return out;
}

/** The text of an `<si>` or `<is>`: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function textRuns(inner: string): string {
  let body = inner;
  for (const e of [...elements(inner, "rPh")].reverse())
    body = body.slice(0, e.start) + body.slice(e.end);
  let s = "";
  for (const e of elements(body, "t")) s += decodeXml(e.inner ?? "");
  return s;
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE_RE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The meta sheet's "sheet:<key>" rows: the sheets the template owns under their current names. */
function metaSheetNames(sheetXml: string, sstXml: string | null): string[] {
  const rows = new Map<number, { a?: string | number; b?: string | number }>();
  const wanted = new Set<number>();
  for (const c of elements(sheetXml, "c")) {
    const a = attrs(c.attrs);
    const at = a.r ? parseCell(a.r) : null;
    if (!at || at.col > 2) continue;
    const inner = c.inner ?? "";
    let value: string | number | undefined;
    if (a.t === "s") {
      const idx = Number(firstText(inner, "v") ?? NaN);
      if (Number.isInteger(idx)) {
        wanted.add(idx);
        value = idx;
      }
    } else if (a.t === "inlineStr") value = `\u0000${textRuns(inner)}`;
    else if (a.t === "str") value = `\u0000${decodeXml(firstText(inner, "v") ?? "")}`;
    if (value === undefined) continue;
    const row = rows.get(at.row) ?? {};
    if (at.col === 1) row.a = value;
    else row.b = value;
    rows.set(at.row, row);
  }
  const sst = sstXml ? sharedStrings(sstXml, wanted) : new Map<number, string>();
  const text = (v: string | number | undefined) =>
    typeof v === "number" ? sst.get(v) : v?.startsWith("\u0000") ? v.slice(1) : undefined;
  const out: string[] = [];
  for (const r of rows.values()) {
    const k = text(r.a);
    const v = text(r.b);
    if (k?.startsWith(META_SHEET_PREFIX) && v) out.push(v);
  }
  return out;
}

const CELL_REF_RE = /\s((?:[\w.-]+:)?)r\s*=\s*["']([^"']*)["']/g;
const PLAIN_REF_RE = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const TEXT_TYPE_RE = /\st\s*=\s*["'](?:s|str|inlineStr|b|e)["']/;
const V_RE = /<(?:[\w.-]+:)?v\b([^<>]*)>([^<]*)</g;

/**
 * True when no cell of the sheet can be refused or emptied, decided in two quick passes instead
 * of parsing every cell (most of what the pre-scan cost per unit file): every `r` attribute is a
 * row number or a cell inside Excel's grid, and every stored value is empty or a finite number.
 * Anything else (a date cell, a formula's text result, an entity, an odd reference) goes to the
 * cell-by-cell screen below, which decides exactly; this only ever skips work that finds nothing.
 */
function plainCells(xml: string): boolean {
  for (const m of xml.matchAll(CELL_REF_RE)) {
    if (m[1] === "xmlns:") continue; // the relationships namespace, not a reference
    const ref = m[2];
    if (/^\d+$/.test(ref)) continue; // a row's r
    const at = PLAIN_REF_RE.exec(ref);
    if (!at || Number(at[2]) > MAX_ROW || (at[1].length === 3 && at[1] > "XFD")) return false;
  }
  for (const m of xml.matchAll(V_RE)) {
    const v = m[2].trim();
    if (m[1].trim() !== "") return false;
    if (v === "" || (NUMBER_RE.test(v) && Number.isFinite(Number(v)))) continue;
    // Text is fine in a text, boolean or error cell (a formula's text result): the cell's own tag
    // is the last `<c ` before the value with no `</c>` between them.
    const open = xml.lastIndexOf("<c ", m.index);
    const close = xml.indexOf("</c>", open);
    if (open < 0 || (close >= 0 && close < m.index)) return false;
    const tag = xml.slice(open, xml.indexOf(">", open));
    if (!TEXT_TYPE_RE.test(tag)) return false;
  }
  return true;
}

/**
 * Screens one sheet before ExcelJS parses it: merges and cells beyond Excel's grid are refused,
 * number and date cells whose stored text ExcelJS would misread (parseFloat("12abc") is 12,
 * "1e309" is Infinity) are emptied and returned, to become findings at their cell.
 */
function screenSheet(
  xml: string,
  sheet: string,
  fileLabel: string
): { xml: string; bad: StoredValue[] } {
  // No "mergeCell" text before the first merge: the scan starts there (merges follow the cells).
  const firstMerge = xml.indexOf("mergeCell");
  const merges = firstMerge < 0 ? "" : xml.slice(Math.max(0, xml.lastIndexOf("<", firstMerge)));
  for (const mc of elements(merges, "mergeCell")) {
    const ref = attrs(mc.attrs).ref ?? "";
    const r = parseRange(ref);
    if (r && area(r) > MERGE_CELL_LIMIT) {
      throw new PackageError(
        `Tệp "${fileLabel}" bị từ chối: trang "${sheet}" có vùng gộp ô ${ref} quá lớn (${formatNumber(area(r))} ô). ` +
          "Trong Excel, chọn vùng đó, bỏ gộp ô (Unmerge) rồi lưu lại."
      );
    }
  }
  if (plainCells(xml)) return { xml, bad: [] };
  const bad: StoredValue[] = [];
  const pieces: string[] = [];
  let last = 0;
  for (const c of elements(xml, "c")) {
    const a = attrs(c.attrs);
    const at = a.r ? parseCell(a.r) : null;
    if (a.r && (!at || at.row > MAX_ROW || at.col > MAX_COL || at.row < 1 || at.col < 1)) {
      throw new PackageError(
        `Tệp "${fileLabel}" bị hỏng: trang "${sheet}" có ô "${a.r}" nằm ngoài lưới của Excel (tối đa cột XFD, dòng 1.048.576). ` +
          "Mở bằng Excel rồi lưu lại, hoặc lấy lại bản gốc."
      );
    }
    const inner = c.inner;
    if (!at || inner === undefined) continue;
    const t = a.t ?? "n";
    if (t !== "n" && t !== "d") continue;
    const raw = firstText(inner, "v");
    if (raw === undefined) continue;
    const v = decodeXml(raw).trim();
    if (v === "") continue;
    let error: StoredValue["error"] | null = null;
    if (t === "n") {
      if (!NUMBER_RE.test(v)) error = "#VALUE!";
      else if (!Number.isFinite(Number(v))) error = "#NUM!";
    } else if (!ISO_DATE_RE.test(v) || Number.isNaN(Date.parse(v))) error = "#VALUE!";
    if (!error) continue;
    bad.push({ row: at.row, col: at.col, stored: v, error });
    // The cell stays (its place, its style, its formula) without the value ExcelJS would misread.
    const keep = a.s !== undefined ? ` s="${a.s}"` : "";
    const formula = [...elements(inner, "f")][0];
    const f = formula ? inner.slice(formula.start, formula.end) : "";
    const ref = cellA1(at.row, at.col);
    pieces.push(
      xml.slice(last, c.start),
      f
        ? `<${c.prefix}c r="${ref}"${keep}>${f}</${c.prefix}c>`
        : `<${c.prefix}c r="${ref}"${keep}/>`
    );
    last = c.end;
  }
  if (bad.length === 0) return { xml, bad };
  pieces.push(xml.slice(last));
  return { xml: pieces.join(""), bad };
}

/** Reads the workbook part and builds the package ExcelJS will parse. */
export function preparePackage(
  bytes: Uint8Array,
  fileLabel: string,
  choice: SheetChoice
): PreparedPackage {
  const pkg = new XlsxPackage(bytes, fileLabel);
  const decoder = new TextDecoder("utf-8");
  const read = new Map<string, { bytes: Uint8Array; xml: string }>();
  // Each part is inflated and decoded once (the meta sheet is read for the sheet list and again
  // as a kept sheet); its bytes go to ExcelJS unchanged when screening changed nothing.
  const part = (name: string) => {
    let r = read.get(name);
    if (!r) {
      const b = pkg.read(name);
      r = { bytes: b, xml: decoder.decode(b) };
      refuseDoctype(r.xml, name, fileLabel);
      read.set(name, r);
    }
    return r;
  };
  const text = (name: string) => part(name).xml;
  /** The bytes to hand on for `xml` read from `name`: the stored ones unless screening changed it
   * (a byte-order mark, which decoding drops, goes along; ExcelJS reads it). */
  const enc = new TextEncoder();
  const bytesOf = (name: string, xml: string): Omit<StoredPart, "name"> => {
    const r = part(name);
    return xml === r.xml ? { data: r.bytes, crc: pkg.entry(name)!.crc } : { data: enc.encode(xml) };
  };
  const rootRels = pkg.has("_rels/.rels") ? parseRels(text("_rels/.rels")) : [];
  const officeDoc = rootRels.find((r) => typeIs(r, "officeDocument") && !r.external);
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  if (!pkg.has(workbookPart)) {
    throw new PackageError(
      `Không đọc được tệp "${fileLabel}": tệp không phải sổ tính .xlsx (thiếu phần "${workbookPart}"). ` +
        'Hãy mở bằng Excel rồi lưu lại dạng "Excel Workbook (*.xlsx)".'
    );
  }
  const coreRel = rootRels.find(
    (r) =>
      r.type.endsWith("/core-properties") && !r.external && pkg.has(resolveTarget("", r.target))
  );
  const corePart = coreRel ? resolveTarget("", coreRel.target) : "docProps/core.xml";
  // The saved time only ranks a unit's resends: a part that cannot be read just leaves it unknown.
  let savedAt: string | null = null;
  try {
    savedAt = pkg.has(corePart) ? savedAtOf(text(corePart)) : null;
  } catch {
    savedAt = null;
  }
  const workbookXml = text(workbookPart);
  const wbRelsPart = relsOf(workbookPart);
  const wbRels = pkg.has(wbRelsPart) ? parseRels(text(wbRelsPart)) : [];
  const relById = new Map(wbRels.map((r) => [r.id, r]));
  const base = dirOf(workbookPart);
  const partOf = (rel: Rel | undefined) =>
    rel && !rel.external && pkg.has(resolveTarget(base, rel.target))
      ? pkg.entry(resolveTarget(base, rel.target))!.name
      : null;

  const sheets: SheetDef[] = [];
  for (const e of elements(workbookXml, "sheet")) {
    const a = attrs(e.attrs);
    const rel = relById.get(a.id ?? "");
    // Chart sheets and dialog sheets hold no cells.
    if (rel && !typeIs(rel, "worksheet")) continue;
    const part = partOf(rel);
    if (part) pkg.label(part, `trang "${a.name ?? ""}"`);
    sheets.push({ name: a.name ?? "", rid: a.id ?? "", part });
  }
  const names = parseNames(workbookXml);
  checkOwnNames(names, fileLabel);

  const sstPart = partOf(wbRels.find((r) => typeIs(r, "sharedStrings")));
  const stylesPart = partOf(wbRels.find((r) => typeIs(r, "styles")));
  const sstXml = sstPart ? text(sstPart) : null;

  const wanted = new Set<string>(
    [...Object.values(RESERVED_SHEETS), SUBTOTALS_SHEET].map((n) => n.toLowerCase())
  );
  for (const n of names) {
    if (!isOwnName(n.name)) continue;
    const q = parseQualifiedRange(n.ref);
    if (q) wanted.add(q.sheet.toLowerCase());
  }
  const meta = sheets.find((s) => s.name.startsWith(RESERVED_SHEETS.meta) && s.part);
  if (meta?.part) {
    for (const s of metaSheetNames(text(meta.part), sstXml)) wanted.add(s.toLowerCase());
  }
  const ours = (s: SheetDef) =>
    wanted.has(s.name.toLowerCase()) || s.name.startsWith(RESERVED_SHEETS.meta);
  // The viewer ("all") also shows the user's own sheets, as long as they are small enough to
  // show: a user's sheet of millions of figures is left out rather than refused.
  let budget = PART_LIMIT;
  const kept = sheets.filter((s) => {
    if (ours(s)) return true;
    if (choice !== "all" || !s.part) return false;
    budget -= pkg.entry(s.part)?.size ?? 0;
    return budget >= 0;
  });

  const files: StoredPart[] = [];
  const badValues = new Map<string, StoredValue[]>();
  const keptNames: string[] = [];
  const keptXml: string[] = [];
  const rels: string[] = [];
  kept.forEach((s, i) => {
    if (!s.part) return;
    const screened = screenSheet(text(s.part), s.name, fileLabel);
    if (screened.bad.length > 0) badValues.set(s.name, screened.bad);
    // ExcelJS only recognises worksheets named xl/worksheets/sheet<N>.xml: other tools' names
    // (and absolute targets) are normalised here.
    files.push({ name: `xl/worksheets/sheet${i + 1}.xml`, ...bytesOf(s.part, screened.xml) });
    rels.push(relXml(s.rid, "worksheet", `worksheets/sheet${i + 1}.xml`));
    keptNames.push(s.name);
    keptXml.push(screened.xml);
  });
  if (sstPart && sstXml !== null) {
    files.push({ name: "xl/sharedStrings.xml", ...bytesOf(sstPart, sstXml) });
    rels.push(relXml("rIdBaoCaoSst", "sharedStrings", "sharedStrings.xml"));
  }
  if (stylesPart) {
    files.push({ name: "xl/styles.xml", ...bytesOf(stylesPart, text(stylesPart)) });
    rels.push(relXml("rIdBaoCaoStyles", "styles", "styles.xml"));
  }
  // The names are read above as text; ExcelJS would expand each of them cell by cell.
  files.push({ name: "xl/workbook.xml", data: enc.encode(withoutNames(workbookXml)) });
  files.push({
    name: "xl/_rels/workbook.xml.rels",
    data: enc.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        rels.join("") +
        "</Relationships>"
    ),
  });
  return {
    zip: storedZip(files),
    names,
    sheets: keptNames,
    skipped: sheets.filter((s) => !keptNames.includes(s.name)).map((s) => s.name),
    badValues,
    savedAt,
    parts: {
      workbookXml,
      sheets: keptXml,
      sstXml,
      stylesXml: stylesPart ? text(stylesPart) : null,
    },
  };
}

/** workbook.xml without its `<definedNames>` block (one per workbook, by the schema). */
function withoutNames(xml: string): string {
  const all = [...elements(xml, "definedNames")];
  if (all.length === 0) return xml;
  return xml.slice(0, all[0].start) + xml.slice(all[all.length - 1].end);
}

function relXml(id: string, type: string, target: string): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<Relationship Id="${esc(id)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${esc(target)}"/>`;
}
