// Workbooks as users and other tools leave them, built by editing a BáoCáo workbook's XML parts
// directly (ExcelJS would take minutes to write 200,000-row filters or millions of figures, and
// cannot write some of these at all). Each helper takes and returns the unzipped parts.
import * as zlib from "node:zlib";
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

export type Parts = Record<string, Uint8Array>;

export const unzip = (bytes: Uint8Array): Parts => unzipSync(bytes);

/** Zips the parts; `level` 0 stores them (fast), 1–9 deflates. */
export function zip(parts: Parts, level: 0 | 1 | 6 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(parts)) files[k] = [v, { level }];
  return zipSync(files);
}

export const text = (parts: Parts, name: string): string => strFromU8(parts[name]);
export function setText(parts: Parts, name: string, xml: string): void {
  parts[name] = strToU8(xml);
}
export function edit(parts: Parts, name: string, fn: (xml: string) => string): void {
  setText(parts, name, fn(text(parts, name)));
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The part of a sheet, through workbook.xml and its relationships. */
export function sheetPart(parts: Parts, sheet: string): string {
  const wb = text(parts, "xl/workbook.xml");
  const esc = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const m = new RegExp(`<sheet [^>]*name="(?:${sheet}|${esc})"[^>]*r:id="([^"]+)"`).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const t =
    new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!t) throw new Error(`no rel ${m[1]}`);
  return t[1].startsWith("/") ? t[1].slice(1) : `xl/${t[1]}`;
}

export interface DefinedName {
  name: string;
  ref: string;
  localSheetId?: number;
  hidden?: boolean;
}

export function addNames(parts: Parts, names: DefinedName[]): void {
  const xml = names
    .map(
      (n) =>
        `<definedName name="${n.name}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}${n.hidden ? ' hidden="1"' : ""}>${n.ref.replace(/&/g, "&amp;").replace(/'/g, "&apos;")}</definedName>`
    )
    .join("");
  edit(parts, "xl/workbook.xml", (wb) =>
    wb.includes("</definedNames>")
      ? wb.replace("</definedNames>", `${xml}</definedNames>`)
      : wb.replace("</sheets>", `</sheets><definedNames>${xml}</definedNames>`)
  );
}

/** Index of a sheet in workbook.xml (for localSheetId). */
export function sheetIndex(parts: Parts, sheet: string): number {
  const names = [...text(parts, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"/g)].map(
    (m) => m[1]
  );
  return names.indexOf(sheet);
}

/** Inserts XML into a sheet right after the element that must precede it in the schema. */
function insertAfter(xml: string, tags: string[], insert: string): string {
  for (const tag of tags) {
    const close = xml.lastIndexOf(`</${tag}>`);
    if (close >= 0) {
      const at = close + tag.length + 3;
      return xml.slice(0, at) + insert + xml.slice(at);
    }
    const selfClosing = new RegExp(`<${tag}\\b[^>]*/>`).exec(xml);
    if (selfClosing) {
      const at = selfClosing.index + selfClosing[0].length;
      return xml.slice(0, at) + insert + xml.slice(at);
    }
  }
  throw new Error(`none of ${tags.join(",")} found`);
}

/** An AutoFilter over `rows` rows of a sheet, with the hidden name Excel writes for it. */
export function addAutoFilter(parts: Parts, sheet: string, rows: number): void {
  const part = sheetPart(parts, sheet);
  edit(parts, part, (xml) =>
    insertAfter(
      xml.replace(/<autoFilter\b[^>]*\/>/, ""),
      ["sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "sheetData"],
      `<autoFilter ref="A1:H${rows}"/>`
    )
  );
  addNames(parts, [
    {
      name: "_xlnm._FilterDatabase",
      ref: `'${sheet}'!$A$1:$H$${rows}`,
      localSheetId: sheetIndex(parts, sheet),
      hidden: true,
    },
  ]);
}

/** Whole-column list validations on `count` columns, as a user adds them in Excel. */
export function addColumnValidations(parts: Parts, sheet: string, count: number): void {
  const part = sheetPart(parts, sheet);
  const cols = Array.from({ length: count }, (_, i) => String.fromCharCode(74 + i)); // J, K, ...
  const dv = cols
    .map(
      (c) =>
        `<dataValidation type="list" allowBlank="1" sqref="${c}1:${c}1048576"><formula1>"Có,Không"</formula1></dataValidation>`
    )
    .join("");
  const cf = `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>FALSE</formula></cfRule></conditionalFormatting>`;
  edit(parts, part, (xml) => {
    const existing = /<dataValidations\b[^>]*>([\s\S]*?)<\/dataValidations>/.exec(xml);
    if (existing) {
      const inner = existing[1] + dv;
      const n = (inner.match(/<dataValidation\b/g) ?? []).length;
      return xml.replace(existing[0], `<dataValidations count="${n}">${inner}</dataValidations>`);
    }
    return insertAfter(
      xml,
      [
        "conditionalFormatting",
        "phoneticPr",
        "hyperlinks",
        "mergeCells",
        "customSheetViews",
        "dataConsolidate",
        "sortState",
        "autoFilter",
        "sheetData",
      ],
      `${cf}<dataValidations count="${count}">${dv}</dataValidations>`
    );
  });
}

function addRel(parts: Parts, relsPart: string, id: string, type: string, target: string): void {
  const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  if (!parts[relsPart]) {
    setText(
      parts,
      relsPart,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`
    );
  } else edit(parts, relsPart, (x) => x.replace("</Relationships>", `${rel}</Relationships>`));
}

function addOverride(parts: Parts, part: string, type: string): void {
  edit(parts, "[Content_Types].xml", (x) =>
    x.replace("</Types>", `<Override PartName="/${part}" ContentType="${type}"/></Types>`)
  );
}

function addDefault(parts: Parts, ext: string, type: string): void {
  edit(parts, "[Content_Types].xml", (x) =>
    x.includes(`Extension="${ext}"`)
      ? x
      : x.replace("<Override", `<Default Extension="${ext}" ContentType="${type}"/><Override`)
  );
}

const relsOfPart = (part: string) =>
  `${part.slice(0, part.lastIndexOf("/"))}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** A bar chart exactly as openpyxl 3.1 writes it: the drawing in the default namespace (no xdr:
 * prefix), absolute part names. ExcelJS 4.4 could not read it ("reading 'anchors'"). */
export function addChart(parts: Parts, sheet: string): void {
  const part = sheetPart(parts, sheet);
  const n = Object.keys(parts).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).length + 1;
  setText(
    parts,
    `xl/charts/chart${n}.xml`,
    `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${sheet}'!$C$5:$C$9</c:f></c:numRef></c:val></c:ser><c:axId val="10"/><c:axId val="100"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="100"/></c:catAx><c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`
  );
  setText(
    parts,
    `xl/drawings/drawing${n}.xml`,
    `<wsDr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>9</col><colOff>0</colOff><row>2</row><rowOff>0</rowOff></from><ext cx="5400000" cy="2700000" /><graphicFrame><nvGraphicFramePr><cNvPr id="1" name="Chart 1" /><cNvGraphicFramePr /></nvGraphicFramePr><xfrm /><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1" /></a:graphicData></a:graphic></graphicFrame><clientData /></oneCellAnchor></wsDr>`
  );
  addRel(
    parts,
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    "rId1",
    "chart",
    `/xl/charts/chart${n}.xml`
  );
  addRel(parts, relsOfPart(part), "rIdChart1", "drawing", `/xl/drawings/drawing${n}.xml`);
  edit(parts, part, (xml) =>
    insertAfter(
      xml,
      [
        "rowBreaks",
        "headerFooter",
        "pageSetup",
        "pageMargins",
        "printOptions",
        "hyperlinks",
        "dataValidations",
        "conditionalFormatting",
        "mergeCells",
        "sheetData",
      ],
      `<drawing xmlns:r="${REL}" r:id="rIdChart1"/>`
    )
  );
  addOverride(
    parts,
    `xl/charts/chart${n}.xml`,
    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
  );
  addOverride(
    parts,
    `xl/drawings/drawing${n}.xml`,
    "application/vnd.openxmlformats-officedocument.drawing+xml"
  );
}

/** A cell comment as openpyxl writes it: xl/comments/comment1.xml and a legacy VML drawing. */
export function addComment(parts: Parts, sheet: string, ref: string, note: string): void {
  const part = sheetPart(parts, sheet);
  setText(
    parts,
    "xl/comments/comment1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="${ref}" authorId="0"><text><t>${note}</t></text></comment></commentList></comments>`
  );
  setText(
    parts,
    "xl/drawings/commentsDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`
  );
  addRel(parts, relsOfPart(part), "comments", "comments", "/xl/comments/comment1.xml");
  addRel(parts, relsOfPart(part), "anysvml", "vmlDrawing", "/xl/drawings/commentsDrawing1.vml");
  edit(parts, part, (xml) =>
    insertAfter(
      xml,
      [
        "drawing",
        "rowBreaks",
        "headerFooter",
        "pageSetup",
        "pageMargins",
        "printOptions",
        "sheetData",
      ],
      `<legacyDrawing xmlns:r="${REL}" r:id="anysvml"/>`
    )
  );
  addOverride(
    parts,
    "xl/comments/comment1.xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
  );
  addDefault(parts, "vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
}

/** Adds a worksheet of the user's own, from its sheetData rows. */
export function addUserSheet(parts: Parts, name: string, sheetData: Uint8Array[] | string): string {
  const n = Object.keys(parts).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).length + 1;
  const head = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`
  );
  const tail = strToU8("</sheetData></worksheet>");
  const body = typeof sheetData === "string" ? [strToU8(sheetData)] : sheetData;
  parts[`xl/worksheets/sheet${n}.xml`] = concat([head, ...body, tail]);
  const id = `rIdUser${n}`;
  addRel(parts, "xl/_rels/workbook.xml.rels", id, "worksheet", `worksheets/sheet${n}.xml`);
  const ids = [...text(parts, "xl/workbook.xml").matchAll(/sheetId="(\d+)"/g)].map((m) =>
    Number(m[1])
  );
  edit(parts, "xl/workbook.xml", (x) =>
    x.replace(
      "</sheets>",
      `<sheet name="${name}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${id}"/></sheets>`
    )
  );
  addOverride(
    parts,
    `xl/worksheets/sheet${n}.xml`,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
  );
  return `xl/worksheets/sheet${n}.xml`;
}

/** Rows of numbers, `cols` to a row, as sheetData chunks (never one huge string). */
export function numberRows(rows: number, cols: number, seed = 1): Uint8Array[] {
  const out: Uint8Array[] = [];
  let state = seed;
  const rnd = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  const letters = Array.from({ length: cols }, (_, i) => colLetters(i + 1));
  let chunk = "";
  for (let r = 1; r <= rows; r++) {
    chunk += `<row r="${r}">`;
    for (let c = 0; c < cols; c++)
      chunk += `<c r="${letters[c]}${r}"><v>${rnd()}.${rnd() % 100000}</v></c>`;
    chunk += "</row>";
    if (chunk.length > 1 << 20) {
      out.push(strToU8(chunk));
      chunk = "";
    }
  }
  out.push(strToU8(chunk));
  return out;
}

function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((a, c) => a + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Replaces the value of a cell that exists in a sheet's XML (BáoCáo writes every input cell). */
export function setCellXml(
  parts: Parts,
  sheet: string,
  ref: string,
  cell: (attrs: string) => string
): void {
  const part = sheetPart(parts, sheet);
  edit(parts, part, (xml) => {
    const re = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`no cell ${ref} in ${sheet}`);
    const attrs = m[1].replace(/\s*t="[^"]*"/, "");
    return xml.replace(m[0], cell(attrs));
  });
}

/** Appends a row with one cell far away (a stray value typed at XFD1048576). */
export function addFarCell(parts: Parts, sheet: string, ref: string, row: number): void {
  const part = sheetPart(parts, sheet);
  edit(parts, part, (xml) =>
    xml.replace("</sheetData>", `<row r="${row}"><c r="${ref}"><v>1</v></c></row></sheetData>`)
  );
}

/** Column widths over an absurd span, as some generators write them. */
export function addCols(parts: Parts, sheet: string, min: string, max: string): void {
  const part = sheetPart(parts, sheet);
  edit(parts, part, (xml) =>
    xml.includes("<cols>")
      ? xml.replace("<cols>", `<cols><col min="${min}" max="${max}" width="9" customWidth="1"/>`)
      : xml.replace(
          "<sheetData",
          `<cols><col min="${min}" max="${max}" width="9" customWidth="1"/></cols><sheetData`
        )
  );
}

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** The inflated size the archive declares (it may lie, as in a zip bomb). */
  size: number;
}

/** An archive written byte by byte, so sizes and CRCs can be whatever a test needs. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.crc >>> 0, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, Math.min(e.size, 0xfffffffe), true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(16, e.crc >>> 0, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, Math.min(e.size, 0xfffffffe), true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const dirSize = central.reduce((a, c) => a + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  return concat([...chunks, ...central, new Uint8Array(end.buffer)]);
}

/** The parts as raw entries: deflated (level 6) with their true CRC and size. */
export function rawEntries(parts: Parts): RawEntry[] {
  return Object.entries(parts).map(([name, data]) => ({
    name,
    data: deflateSync(data),
    method: 8,
    crc: crc32(data),
    size: data.length,
  }));
}

/** A DEFLATE stream of `mib` MiB of zeros, about 1 KB per MiB, built without allocating them:
 * one sync-flushed block of a MiB of zeros repeated, then an empty final block. */
export function zerosDeflated(mib: number): Uint8Array {
  const block = zlib.deflateRawSync(new Uint8Array(1 << 20), {
    finishFlush: zlib.constants.Z_SYNC_FLUSH,
  });
  const out = new Uint8Array(block.length * mib + 2);
  for (let i = 0; i < mib; i++) out.set(block, i * block.length);
  out.set([0x03, 0x00], block.length * mib); // final, fixed Huffman, end of block
  return out;
}

export function crc32(data: Uint8Array): number {
  return zlib.crc32(data) >>> 0;
}

/**
 * Issue 12's user-shaped workbook: on `sheet`, an AutoFilter over 200,000 rows, validations on ten
 * whole columns, 10,000 defined names and a chart (the filter goes before the drawing, in schema
 * order).
 */
export function addUserClutter(parts: Parts, sheet: string): void {
  addAutoFilter(parts, sheet, 200000);
  addColumnValidations(parts, sheet, 10);
  addNames(
    parts,
    Array.from({ length: 10000 }, (_, i) => ({ name: `Ten_${i}`, ref: `'${sheet}'!$A$${i + 1}` }))
  );
  addChart(parts, sheet);
}
