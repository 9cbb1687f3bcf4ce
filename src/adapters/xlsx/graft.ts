// `fill` writes into the user's workbook at the package level: the output is the input package
// with only BáoCáo's parts replaced. Re-rendering the whole workbook through ExcelJS (as fill did)
// drops what ExcelJS cannot round-trip — charts, comments, validations, conditional formats,
// defined names, AutoFilters — and a full load of a large user sheet costs minutes and gigabytes.
// Here the user's parts are copied compressed, byte for byte, without being inflated; BáoCáo's
// sheets are taken from a package rendered from the plan, with their styles appended to the
// user's styles and their strings written inline, so the user's sharedStrings part is untouched.
// Pure of Node APIs, so the pane can use it too.
import { deflateSync, strFromU8, strToU8, unzipSync } from "fflate";
import { columnNumber, parseRange, type RangeAddress } from "../../core/layout/a1";
import { isOwnName } from "../../core/layout/names";
import { crc32, PackageError, XlsxPackage, type PackageEntry } from "./package";
import { attrs, decodeXml } from "./prescan";

export interface GraftResult {
  bytes: Uint8Array;
  /** What of the user's workbook could not be kept, in Vietnamese, one line each. */
  notKept: string[];
  /** Sheets of the input left untouched (not BáoCáo's). */
  keptSheets: string[];
}

const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const REL_WORKSHEET =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** CT_Worksheet's child order (ECMA-376 §18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Elements of a BáoCáo sheet that the plan decides; the input's are replaced. Every other
 * element (drawings, comments, filters, conditional formats, page breaks…) is the user's. */
const PLAN_OWNED = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "sheetProtection",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
]);

export class GraftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GraftError";
  }
}

// ---------------------------------------------------------------- XML helpers

interface Child {
  local: string;
  xml: string;
}

/** Splits an XML document into its root start tag, the root's child elements and the rest. */
function splitRoot(xml: string): { head: string; children: Child[]; tail: string } {
  let i = 0;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0) throw new GraftError("không thấy phần tử gốc");
    if (xml.startsWith("<?", i)) i = xml.indexOf("?>", i) + 2;
    else if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i) + 3;
    else break;
  }
  const rootEnd = tagEnd(xml, i);
  const head = xml.slice(0, rootEnd + 1);
  const children: Child[] = [];
  let at = rootEnd + 1;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) throw new GraftError("phần tử gốc không đóng");
    if (xml.startsWith("</", lt)) return { head, children, tail: xml.slice(lt) };
    if (xml.startsWith("<!--", lt)) {
      at = xml.indexOf("-->", lt) + 3;
      continue;
    }
    const end = tagEnd(xml, lt);
    const qname = /^<([\w:.-]+)/.exec(xml.slice(lt, lt + 200))?.[1] ?? "";
    const local = qname.slice(qname.indexOf(":") + 1);
    let stop: number;
    if (xml[end - 1] === "/") stop = end + 1;
    else {
      // No worksheet child nests an element of its own name, so the first close tag is its own.
      const close = xml.indexOf(`</${qname}>`, end);
      if (close < 0) throw new GraftError(`phần tử <${qname}> không đóng`);
      stop = close + qname.length + 3;
    }
    children.push({ local, xml: xml.slice(lt, stop) });
    at = stop;
  }
}

/** Index of the `>` closing the tag that starts at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  throw new GraftError("thẻ không đóng");
}

const escAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escAttr(value)}"`);
  return tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${escAttr(value)}"`);
}

function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}

/** A range of a sqref, whole columns ("J:J") and whole rows ("5:5") included. */
function rangeOf(ref: string): RangeAddress | null {
  const r = parseRange(ref.replace(/\$/g, ""));
  if (r) return r;
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(ref.replace(/\$/g, ""));
  if (cols) {
    const a = columnNumber(cols[1].toUpperCase());
    const b = columnNumber(cols[2].toUpperCase());
    return { top: 1, bottom: 1048576, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(ref.replace(/\$/g, ""));
  if (rows) {
    const a = Number(rows[1]);
    const b = Number(rows[2]);
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 1, right: 16384 };
  }
  return null;
}

interface Area {
  rows: number;
  cols: number;
}

function outside(r: RangeAddress, area: Area): boolean {
  return r.top > area.rows || r.left > area.cols;
}

function sqrefOutside(sqref: string, area: Area): boolean {
  return sqref
    .trim()
    .split(/\s+/)
    .every((s) => {
      const r = rangeOf(s);
      return r !== null && outside(r, area);
    });
}

function rangesOf(sqref: string | undefined): (RangeAddress | null)[] {
  return (sqref ?? "").trim().split(/\s+/).filter(Boolean).map(rangeOf);
}

/** Whether every cell of `ranges` lies in the template's area and in one of `ours`. */
function coveredBy(
  ranges: (RangeAddress | null)[],
  ours: (RangeAddress | null)[],
  area: Area
): boolean {
  const inside = (r: RangeAddress, row: number, col: number) =>
    row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
  for (const r of ranges) {
    if (!r || r.bottom > area.rows || r.right > area.cols) return false;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++)
        if (!ours.some((o) => o !== null && inside(o, row, col))) return false;
  }
  return true;
}

// ---------------------------------------------------------------- package helpers

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].map((m) => {
    const a = attrs(m[1]);
    return {
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
    };
  });
}

function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

interface SheetRef {
  name: string;
  part: string;
  tag: string;
}

function sheetsOf(workbookXml: string, relsXml: string): SheetRef[] {
  const rels = new Map(relsOf(relsXml).map((r) => [r.id, r]));
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].flatMap((m) => {
    const a = attrs(m[0].slice(1));
    const rel = rels.get(a.id ?? "");
    if (!rel || a.name === undefined) return [];
    return [{ name: a.name, part: resolve("xl/workbook.xml", rel.target), tag: m[0] }];
  });
}

const sameSheet = (a: string, b: string) => a.toLocaleLowerCase("vi") === b.toLocaleLowerCase("vi");

// ---------------------------------------------------------------- styles

interface StyleShift {
  xf: (s: number) => number;
}

/** Children of a styles.xml section (`fonts` → every `<font>`), as XML strings. */
function sectionChildren(xml: string, section: string, child: string): string[] {
  const sec = new RegExp(`<${section}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${section}>)`).exec(xml);
  if (!sec || sec[1] === undefined) return [];
  return [
    ...sec[1].matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, "g")),
  ].map((m) => m[0]);
}

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"];

/** Appends children to a section of styles.xml, creating it in schema order if missing. */
function appendSection(xml: string, section: string, added: string[], total: number): string {
  if (added.length === 0) return xml;
  const sec = new RegExp(`<${section}\\b[^>]*?(?:/>|>[\\s\\S]*?</${section}>)`).exec(xml);
  if (sec) {
    const old = sec[0];
    const open = old.endsWith("/>") ? old.slice(0, -2) + ">" : old.slice(0, tagEnd(old, 0) + 1);
    const inner = old.endsWith("/>") ? "" : old.slice(open.length, -(section.length + 3));
    const next = `${setAttr(open, "count", String(total))}${inner}${added.join("")}</${section}>`;
    return xml.slice(0, sec.index) + next + xml.slice(sec.index + old.length);
  }
  const fresh = `<${section} count="${total}">${added.join("")}</${section}>`;
  const later = STYLE_ORDER.slice(STYLE_ORDER.indexOf(section) + 1).concat([
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ]);
  for (const s of later) {
    const at = xml.search(new RegExp(`<${s}\\b`));
    if (at >= 0) return xml.slice(0, at) + fresh + xml.slice(at);
  }
  return xml.replace(/<\/styleSheet>/, `${fresh}</styleSheet>`);
}

/** Appends the rendered package's cell formats to the user's styles; returns the new styles.xml
 * and where each of the rendered package's style indices now lives. */
function mergeStyles(user: string, ours: string): { xml: string; shift: StyleShift } {
  if (!/<styleSheet\b/.test(user))
    throw new GraftError("bảng kiểu (xl/styles.xml) dùng tiền tố không chuẩn");
  const userFmts = sectionChildren(user, "numFmts", "numFmt").map((x) => attrs(x.slice(1)));
  const userFonts = sectionChildren(user, "fonts", "font");
  const userFills = sectionChildren(user, "fills", "fill");
  const userBorders = sectionChildren(user, "borders", "border");
  const userXfs = sectionChildren(user, "cellXfs", "xf");
  const ourFonts = sectionChildren(ours, "fonts", "font");
  const ourFills = sectionChildren(ours, "fills", "fill");
  const ourBorders = sectionChildren(ours, "borders", "border");
  const ourXfs = sectionChildren(ours, "cellXfs", "xf");

  // Custom number formats (ids from 164) get ids the user's file does not use; an identical
  // format code the user already has is reused.
  const fmtIds = new Map<string, string>();
  const addedFmts: string[] = [];
  let nextId = Math.max(163, ...userFmts.map((f) => Number(f.numFmtId) || 0)) + 1;
  for (const x of sectionChildren(ours, "numFmts", "numFmt")) {
    const a = attrs(x.slice(1));
    const same = userFmts.find((f) => f.formatCode === a.formatCode);
    if (same) fmtIds.set(a.numFmtId, same.numFmtId);
    else {
      const id = String(nextId++);
      fmtIds.set(a.numFmtId, id);
      addedFmts.push(`<numFmt numFmtId="${id}" formatCode="${escAttr(a.formatCode ?? "")}"/>`);
    }
  }
  // Each font, fill, border and format is appended unless the user's styles already hold the
  // same XML (as after an earlier fill), so filling again does not grow the styles.
  const placer = (existing: string[]) => {
    const at = new Map<string, number>();
    existing.forEach((x, i) => {
      if (!at.has(x)) at.set(x, i);
    });
    const added: string[] = [];
    const place = (x: string): number => {
      const found = at.get(x);
      if (found !== undefined) return found;
      const i = existing.length + added.length;
      added.push(x);
      at.set(x, i);
      return i;
    };
    return { added, place };
  };
  const fonts = placer(userFonts);
  const fills = placer(userFills);
  const borders = placer(userBorders);
  const xfs = placer(userXfs);
  const fontAt = ourFonts.map((x) => fonts.place(x));
  const fillAt = ourFills.map((x) => fills.place(x));
  const borderAt = ourBorders.map((x) => borders.place(x));
  const remap = (tag: string, name: string, to: number[]) => {
    const m = new RegExp(`\\s${name}="(\\d+)"`).exec(tag);
    return m ? setAttr(tag, name, String(to[Number(m[1])] ?? 0)) : tag;
  };
  const xfAt = ourXfs.map((x) => {
    const end = tagEnd(x, 0);
    let open = x.slice(0, end + 1);
    open = remap(open, "fontId", fontAt);
    open = remap(open, "fillId", fillAt);
    open = remap(open, "borderId", borderAt);
    const fmt = /\snumFmtId="(\d+)"/.exec(open)?.[1];
    if (fmt && fmtIds.has(fmt)) open = setAttr(open, "numFmtId", fmtIds.get(fmt) ?? fmt);
    // The user's first cell style ("Normal") is the parent; BáoCáo's xfs set everything they use.
    if (/\sxfId=/.test(open)) open = setAttr(open, "xfId", "0");
    return xfs.place(open + x.slice(end + 1));
  });
  let xml = user;
  xml = appendSection(xml, "numFmts", addedFmts, userFmts.length + addedFmts.length);
  xml = appendSection(xml, "fonts", fonts.added, userFonts.length + fonts.added.length);
  xml = appendSection(xml, "fills", fills.added, userFills.length + fills.added.length);
  xml = appendSection(xml, "borders", borders.added, userBorders.length + borders.added.length);
  xml = appendSection(xml, "cellXfs", xfs.added, userXfs.length + xfs.added.length);
  return { xml, shift: { xf: (s) => xfAt[s] ?? 0 } };
}

// ---------------------------------------------------------------- sheets

interface RowXml {
  open: string;
  cells: string[];
}

const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

interface ParsedCell {
  row: number;
  col: number;
  xml: string;
  hasValue: boolean;
}

function* cellsOf(
  sheetData: string
): Generator<{ row: number; open: string; cells: ParsedCell[] }> {
  let lastRow = 0;
  for (const rm of sheetData.matchAll(ROW_RE)) {
    const ra = attrs(rm[1]);
    const row = ra.r ? Number(ra.r) : lastRow + 1;
    lastRow = row;
    let lastCol = 0;
    const cells: ParsedCell[] = [];
    for (const cm of (rm[2] ?? "").matchAll(CELL_RE)) {
      const ref = /\sr="([A-Z]+)\d+"/.exec(" " + cm[1])?.[1];
      const col = ref ? columnNumber(ref) : lastCol + 1;
      lastCol = col;
      cells.push({ row, col, xml: cm[0], hasValue: /<(?:v|f|is)\b/.test(cm[2] ?? "") });
    }
    const open = rm[0].slice(0, tagEnd(rm[0], 0) + 1).replace(/\/>$/, ">");
    yield { row, open, cells };
  }
}

/** The rendered sheet's cells with styles moved to the merged styles and strings inline. */
function ourRows(sheetData: string, strings: string[], shift: StyleShift): Map<number, RowXml> {
  const rows = new Map<number, RowXml>();
  for (const r of cellsOf(sheetData)) {
    const cells = r.cells.map((c) => {
      const end = tagEnd(c.xml, 0);
      let open = c.xml.slice(0, end + 1);
      let body = c.xml.slice(end + 1);
      const s = /\ss="(\d+)"/.exec(open)?.[1];
      if (s !== undefined) open = setAttr(open, "s", String(shift.xf(Number(s))));
      if (/\st="s"/.test(open)) {
        const i = Number(/<v>(\d+)<\/v>/.exec(body)?.[1]);
        open = setAttr(open, "t", "inlineStr");
        body = `<is>${strings[i] ?? "<t></t>"}</is></c>`;
      }
      if (open.endsWith("/>")) return open;
      return open + body;
    });
    rows.set(r.row, { open: removeAttr(r.open, "spans"), cells });
  }
  return rows;
}

function extent(sheetData: string): Area {
  let maxRow = 0;
  let maxCol = 0;
  for (const r of cellsOf(sheetData))
    for (const c of r.cells) {
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
  return { rows: maxRow, cols: maxCol };
}

function innerOf(child: Child | undefined): string {
  if (!child || child.xml.endsWith("/>")) return "";
  return child.xml.slice(tagEnd(child.xml, 0) + 1, child.xml.lastIndexOf("</"));
}

function openOf(child: Child): string {
  return child.xml.slice(0, tagEnd(child.xml, 0) + 1).replace(/\/>$/, ">");
}

/** Elements of a list (`<mergeCells>`, `<dataValidations>`) merged: the plan's, then the user's
 * that lie wholly outside the template's area. The user's overlapping ones are reported. */
function mergeList(
  ours: Child | undefined,
  user: Child | undefined,
  local: string,
  item: string,
  refAttr: string,
  area: Area,
  lost: (what: string) => void
): Child | undefined {
  const re = new RegExp(`<(?:\\w+:)?${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:\\w+:)?${item}>)`, "g");
  const ourItems = ours ? [...innerOf(ours).matchAll(re)].map((m) => m[0]) : [];
  const ourRanges = ourItems.flatMap((x) => rangesOf(attrs(x.slice(1, tagEnd(x, 0)))[refAttr]));
  const kept: string[] = [];
  for (const m of user ? innerOf(user).matchAll(re) : []) {
    const ref = attrs(m[0].slice(1, tagEnd(m[0], 0)))[refAttr] ?? "";
    if (sqrefOutside(ref, area)) kept.push(m[0]);
    // One the plan writes again (whatever writer spelled its ranges) is simply replaced.
    else if (!coveredBy(rangesOf(ref), ourRanges, area)) lost(ref);
  }
  const all = [...ourItems, ...kept];
  if (all.length === 0) return undefined;
  const open = ours ? openOf(ours) : user ? openOf(user) : `<${local}>`;
  return {
    local,
    xml: `${setAttr(open, "count", String(all.length))}${all.join("")}</${local}>`,
  };
}

function graftSheet(
  sheetName: string,
  userXml: string | null,
  ourXml: string,
  strings: string[],
  shift: StyleShift,
  ownArea: Area,
  notKept: string[]
): string {
  const ours = splitRoot(ourXml);
  const ourData = ours.children.find((c) => c.local === "sheetData");
  const rows = ourRows(innerOf(ourData), strings, shift);
  const planArea = extent(innerOf(ourData));
  const area = {
    rows: Math.max(planArea.rows, ownArea.rows),
    cols: Math.max(planArea.cols, ownArea.cols),
  };
  const byLocal = new Map<string, Child[]>();
  for (const c of ours.children) byLocal.set(c.local, [...(byLocal.get(c.local) ?? []), c]);
  let head = ours.head;
  if (userXml !== null) {
    const user = splitRoot(userXml);
    // The user's namespace declarations come along with the user's elements.
    for (const m of user.head.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g))
      if (!head.includes(`xmlns:${m[1]}=`))
        head = head.replace(/\s*>$/, ` xmlns:${m[1]}="${m[2]}">`);
    const userBy = new Map<string, Child[]>();
    for (const c of user.children) userBy.set(c.local, [...(userBy.get(c.local) ?? []), c]);

    // Cells the user typed outside the template's area are kept (their styles index the user's
    // styles, which stay in place); cells inside it are the plan's.
    const userData = innerOf(userBy.get("sheetData")?.[0]);
    const lostCells: string[] = [];
    const ourCells = new Set<string>();
    for (const [r, row] of rows)
      for (const c of row.cells) {
        const ref = /\sr="([A-Z]+)\d+"/.exec(c)?.[1];
        if (ref) ourCells.add(`${r},${columnNumber(ref)}`);
      }
    for (const r of cellsOf(userData)) {
      const keep = r.cells.filter((c) => c.row > area.rows || c.col > area.cols);
      for (const c of r.cells)
        if (!keep.includes(c) && c.hasValue && !ourCells.has(`${c.row},${c.col}`))
          lostCells.push(`${columnLetter(c.col)}${c.row}`);
      if (keep.length === 0) continue;
      const row = rows.get(r.row);
      if (row) row.cells.push(...keep.map((c) => c.xml));
      else rows.set(r.row, { open: r.open, cells: keep.map((c) => c.xml) });
    }
    if (lostCells.length > 0)
      notKept.push(
        `Trang "${sheetName}": ${lostCells.length} ô người dùng nhập trong vùng của mẫu bị thay bằng nội dung mẫu (${lostCells.slice(0, 5).join(", ")}${lostCells.length > 5 ? ", …" : ""}).`
      );

    const cols = [...innerOf(userBy.get("cols")?.[0]).matchAll(/<(?:\w+:)?col\b[^>]*\/>/g)]
      .map((m) => m[0])
      .filter((c) => Number(attrs(c.slice(1)).max) > area.cols)
      // A span that starts inside the template's columns keeps its part right of them.
      .map((c) =>
        Number(attrs(c.slice(1)).min) > area.cols ? c : setAttr(c, "min", String(area.cols + 1))
      );
    if (cols.length > 0) {
      const ourCols = byLocal.get("cols")?.[0];
      byLocal.set("cols", [
        { local: "cols", xml: `<cols>${innerOf(ourCols)}${cols.join("")}</cols>` },
      ]);
    }
    const merged = mergeList(
      byLocal.get("mergeCells")?.[0],
      userBy.get("mergeCells")?.[0],
      "mergeCells",
      "mergeCell",
      "ref",
      area,
      (ref) => notKept.push(`Trang "${sheetName}": vùng gộp ô ${ref} đè lên vùng của mẫu.`)
    );
    byLocal.set("mergeCells", merged ? [merged] : []);
    const dv = mergeList(
      byLocal.get("dataValidations")?.[0],
      userBy.get("dataValidations")?.[0],
      "dataValidations",
      "dataValidation",
      "sqref",
      area,
      (ref) =>
        notKept.push(
          `Trang "${sheetName}": quy tắc kiểm tra dữ liệu của người dùng tại ${ref} đè lên vùng của mẫu.`
        )
    );
    byLocal.set("dataValidations", dv ? [dv] : []);
    // Every other element of the user's (drawings, comments, filters, conditional formats,
    // hyperlinks, page breaks, tables) is kept as it is; its relationships file stays too.
    for (const [local, list] of userBy) {
      if (
        PLAN_OWNED.has(local) ||
        ["sheetData", "cols", "mergeCells", "dataValidations"].includes(local)
      )
        continue;
      if (byLocal.get(local)?.length) {
        notKept.push(
          `Trang "${sheetName}": phần <${local}> của người dùng trùng với phần của mẫu.`
        );
        continue;
      }
      byLocal.set(local, list);
    }
  }
  const data = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, r]) => `${r.open}${r.cells.join("")}</row>`)
    .join("");
  byLocal.set("sheetData", [{ local: "sheetData", xml: `<sheetData>${data}</sheetData>` }]);
  // The used range now includes the user's cells kept beside and below the template.
  const used = extent(data);
  if (used.rows > 0 && byLocal.has("dimension"))
    byLocal.set("dimension", [
      { local: "dimension", xml: `<dimension ref="A1:${columnLetter(used.cols)}${used.rows}"/>` },
    ]);
  const body = WORKSHEET_ORDER.flatMap((l) => (byLocal.get(l) ?? []).map((c) => c.xml)).join("");
  return head + body + ours.tail;
}

function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------- zip writer

interface OutEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

function storedEntry(name: string, content: Uint8Array): OutEntry {
  return {
    name,
    method: 8,
    crc: crc32(content),
    size: content.length,
    data: deflateSync(content, { level: 6 }),
  };
}

function copiedEntry(e: PackageEntry, data: Uint8Array): OutEntry {
  return { name: e.name, method: e.method, crc: e.crc, size: e.size, data };
}

function writeZip(entries: OutEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.data.length));
  if (total > 0xffffffff) throw new GraftError("tệp kết quả vượt 4 GB");
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    offsets.push(at);
    dv.setUint32(at, 0x04034b50, true);
    dv.setUint16(at + 4, 20, true);
    dv.setUint16(at + 6, 0x0800, true); // UTF-8 names; sizes are in this header (no descriptor)
    dv.setUint16(at + 8, e.method, true);
    dv.setUint16(at + 10, 0, true);
    dv.setUint16(at + 12, 0x21, true); // 1980-01-01: the parts carry no meaningful dates
    dv.setUint32(at + 14, e.crc, true);
    dv.setUint32(at + 18, e.data.length, true);
    dv.setUint32(at + 22, e.size, true);
    dv.setUint16(at + 26, names[i].length, true);
    dv.setUint16(at + 28, 0, true);
    out.set(names[i], at + 30);
    out.set(e.data, at + 30 + names[i].length);
    at += 30 + names[i].length + e.data.length;
  });
  const dirStart = at;
  entries.forEach((e, i) => {
    dv.setUint32(at, 0x02014b50, true);
    dv.setUint16(at + 4, 20, true);
    dv.setUint16(at + 6, 20, true);
    dv.setUint16(at + 8, 0x0800, true);
    dv.setUint16(at + 10, e.method, true);
    dv.setUint16(at + 12, 0, true);
    dv.setUint16(at + 14, 0x21, true);
    dv.setUint32(at + 16, e.crc, true);
    dv.setUint32(at + 20, e.data.length, true);
    dv.setUint32(at + 24, e.size, true);
    dv.setUint16(at + 28, names[i].length, true);
    dv.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  if (entries.length > 0xffff) throw new GraftError("tệp kết quả có quá nhiều phần");
  dv.setUint32(at, 0x06054b50, true);
  dv.setUint16(at + 8, entries.length, true);
  dv.setUint16(at + 10, entries.length, true);
  dv.setUint32(at + 12, at - dirStart, true);
  dv.setUint32(at + 16, dirStart, true);
  return out.subarray(0, at + 22);
}

// ---------------------------------------------------------------- the graft

const NAME_RE = /<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g;

/** Where BáoCáo's names point, per sheet (lower-cased name): the template's area there. */
function ownAreasOf(workbookXml: string): Map<string, Area> {
  const areas = new Map<string, Area>();
  for (const m of workbookXml.matchAll(NAME_RE)) {
    const a = attrs(m[1]);
    if (!isOwnName(a.name ?? "")) continue;
    const ref = decodeXml(m[2] ?? "");
    const bang = ref.lastIndexOf("!");
    if (bang < 0) continue;
    const sheet = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    const r = rangeOf(ref.slice(bang + 1));
    if (!r || r.bottom > 1048576) continue;
    const key = sheet.toLocaleLowerCase("vi");
    const old = areas.get(key) ?? { rows: 0, cols: 0 };
    areas.set(key, { rows: Math.max(old.rows, r.bottom), cols: Math.max(old.cols, r.right) });
  }
  return areas;
}

/**
 * The user's workbook (`input`) with BáoCáo's sheets and names replaced by those of `rendered` (a
 * package written from the plan). `ownSheets` are the plan's sheet names. Parts of the input that
 * are not BáoCáo's are copied compressed, unchanged.
 */
export function graftPlan(input: Uint8Array, rendered: Uint8Array, fileLabel: string): GraftResult {
  const pkg = new XlsxPackage(input, fileLabel);
  const ours = unzipSync(rendered);
  const ourText = (n: string) => strFromU8(ours[n]);
  const notKept: string[] = [];
  const replaced = new Map<string, Uint8Array>();
  const dropped = new Set<string>();

  const wbPart = "xl/workbook.xml";
  const wbRelsPart = "xl/_rels/workbook.xml.rels";
  let wb = pkg.text(wbPart);
  let wbRels = pkg.text(wbRelsPart);
  let types = pkg.text("[Content_Types].xml");
  const userSheets = sheetsOf(wb, wbRels);
  const ourWb = ourText(wbPart);
  const ourSheets = sheetsOf(ourWb, ourText(wbRelsPart));

  const strings = ours["xl/sharedStrings.xml"]
    ? [...ourText("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1])
    : [];
  const stylesPart = "xl/styles.xml";
  const { xml: styles, shift } = mergeStyles(pkg.text(stylesPart), ourText(stylesPart));
  replaced.set(stylesPart, strToU8(styles));

  const nameRe = NAME_RE;
  const ownAreas = ownAreasOf(wb);
  const planAreas = ownAreasOf(ourWb);

  const keptSheets = userSheets
    .filter((u) => !ourSheets.some((o) => sameSheet(o.name, u.name)))
    .map((u) => u.name);
  let nextSheet = 1;
  const taken = new Set(pkg.names().map((n) => n.toLowerCase()));
  const newSheetTags: string[] = [];
  const newRels: string[] = [];
  let sheetId = Math.max(0, ...[...wb.matchAll(/\ssheetId="(\d+)"/g)].map((m) => Number(m[1])));
  let relN = 1;
  const relIds = new Set(relsOf(wbRels).map((r) => r.id));
  const rPrefix =
    /\sxmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      wb
    )?.[1] ?? "r";
  for (const o of ourSheets) {
    const user = userSheets.find((u) => sameSheet(u.name, o.name));
    const ourXml = ourText(o.part);
    // The graft keeps the input's sheet relationships; a rendered sheet must not need its own.
    const slash = o.part.lastIndexOf("/");
    if (ours[`${o.part.slice(0, slash)}/_rels/${o.part.slice(slash + 1)}.rels`])
      throw new GraftError(
        `trang "${o.name}" của mẫu có quan hệ riêng (liên kết, hình) chưa ghép được`
      );
    if (user && pkg.has(user.part)) {
      pkg.label(user.part, `trang "${user.name}"`);
      const key = user.name.toLocaleLowerCase("vi");
      const area = ownAreas.get(key) ?? { rows: 0, cols: 0 };
      const userXml = pkg.text(user.part);
      const planRows = planAreas.get(key)?.rows ?? 0;
      // Drawings and comments are anchored to rows: if the template's rows moved, they stay where
      // they were, now beside other figures.
      if (
        area.rows > 0 &&
        planRows !== area.rows &&
        /<(?:\w+:)?(?:drawing|legacyDrawing)\b/.test(userXml)
      )
        notKept.push(
          `Trang "${user.name}": vùng của mẫu nay dài ${planRows} dòng (trước là ${area.rows}); biểu đồ, hình và ghi chú (comment) trên trang này giữ chỗ cũ nên có thể lệch so với số liệu. Hãy kiểm tra và kéo lại nếu cần.`
        );
      const xml = graftSheet(user.name, userXml, ourXml, strings, shift, area, notKept);
      replaced.set(pkg.entry(user.part)?.name ?? user.part, strToU8(xml));
      continue;
    }
    while (taken.has(`xl/worksheets/sheet${nextSheet}.xml`)) nextSheet++;
    const part = `xl/worksheets/sheet${nextSheet}.xml`;
    taken.add(part);
    const xml = graftSheet(o.name, null, ourXml, strings, shift, { rows: 0, cols: 0 }, notKept);
    replaced.set(part, strToU8(xml));
    while (relIds.has(`rIdBC${relN}`)) relN++;
    const id = `rIdBC${relN}`;
    relIds.add(id);
    newRels.push(`<Relationship Id="${id}" Type="${REL_WORKSHEET}" Target="/${part}"/>`);
    const state = /\sstate="(\w+)"/.exec(o.tag)?.[1];
    newSheetTags.push(
      `<sheet name="${escAttr(o.name)}" sheetId="${++sheetId}"${state ? ` state="${state}"` : ""} ${rPrefix}:id="${id}"/>`
    );
    types = types.replace(
      /<\/Types>/,
      `<Override PartName="/${part}" ContentType="${SHEET_TYPE}"/></Types>`
    );
  }
  if (newSheetTags.length > 0)
    wb = wb.replace(/<\/((?:\w+:)?)sheets>/, `${newSheetTags.join("")}</$1sheets>`);
  if (newRels.length > 0)
    wbRels = wbRels.replace(
      /<\/((?:\w+:)?)Relationships>/,
      `${newRels.join("")}</$1Relationships>`
    );

  // Names: the user's kept verbatim (new sheets come last, so their localSheetIds still hold);
  // BáoCáo's regenerated from the rendered package.
  const outNames = sheetsOf(wb, wbRels).map((s) => s.name);
  // The rendered package's sheet-scoped built-in names (print titles) are BáoCáo's too: they
  // replace the input's name of the same name on the same sheet.
  const scopedKey = (name: string, index: number) => `${name.toLowerCase()}|${index}`;
  const ourScoped = new Set<string>();
  const ourNames = [...ourWb.matchAll(nameRe)]
    .filter((m) => isOwnName(attrs(m[1]).name ?? "") || attrs(m[1]).localSheetId !== undefined)
    .map((m) => {
      const a = attrs(m[1]);
      if (a.localSheetId === undefined) return m[0];
      const sheet = ourSheets[Number(a.localSheetId)]?.name ?? "";
      const at = outNames.findIndex((n) => sameSheet(n, sheet));
      ourScoped.add(scopedKey(a.name ?? "", at));
      return m[0].replace(/localSheetId="\d+"/, `localSheetId="${at}"`);
    });
  const userNames = [...wb.matchAll(nameRe)]
    .filter((m) => {
      const a = attrs(m[1]);
      if (isOwnName(a.name ?? "")) return false;
      return !(
        a.localSheetId !== undefined &&
        ourScoped.has(scopedKey(a.name ?? "", Number(a.localSheetId)))
      );
    })
    .map((m) => m[0]);
  const names = `<definedNames>${[...userNames, ...ourNames].join("")}</definedNames>`;
  const dn = /<((?:\w+:)?)definedNames\b[^>]*?(?:\/>|>[\s\S]*?<\/\1definedNames>)/.exec(wb);
  if (dn) wb = wb.slice(0, dn.index) + names + wb.slice(dn.index + dn[0].length);
  else {
    const after =
      /<\/(?:\w+:)?externalReferences>|<\/(?:\w+:)?functionGroups>|<\/(?:\w+:)?sheets>/g;
    let last: RegExpExecArray | null = null;
    for (let m = after.exec(wb); m; m = after.exec(wb)) last = m;
    if (!last) throw new GraftError("không thấy danh sách trang trong xl/workbook.xml");
    const at = last.index + last[0].length;
    wb = wb.slice(0, at) + names + wb.slice(at);
  }
  // Excel recomputes on open; the old calculation chain names cells that may have moved.
  const calc = /<(?:\w+:)?calcPr\b[^>]*?\/?>/.exec(wb);
  if (calc) wb = wb.replace(calc[0], setAttr(calc[0], "fullCalcOnLoad", "1"));
  else wb = wb.replace(/(<\/(?:\w+:)?definedNames>)/, `$1<calcPr fullCalcOnLoad="1"/>`);
  for (const r of relsOf(wbRels))
    if (r.type.endsWith("/calcChain")) {
      dropped.add(resolve(wbPart, r.target).toLowerCase());
      wbRels = wbRels.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*Id="${r.id}"[^>]*/>`), "");
    }
  types = types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/i, "");
  replaced.set(wbPart, strToU8(wb));
  replaced.set(wbRelsPart, strToU8(wbRels));
  replaced.set("[Content_Types].xml", strToU8(types));

  const entries: OutEntry[] = [];
  for (const name of pkg.names()) {
    if (dropped.has(name.toLowerCase())) continue;
    const own = [...replaced.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
    if (own !== undefined) {
      entries.push(storedEntry(name, replaced.get(own) as Uint8Array));
      replaced.delete(own);
      continue;
    }
    const { entry, data } = pkg.raw(name);
    entries.push(copiedEntry(entry, data));
  }
  for (const [name, content] of replaced) entries.push(storedEntry(name, content));
  return { bytes: writeZip(entries), notKept, keptSheets };
}

export { PackageError };
