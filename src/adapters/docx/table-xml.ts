// A table's WordprocessingML written as one string, byte for byte what the `docx` library writes
// for the same Table, TableRow, TableCell, Paragraph and TextRun options (test/adapters/docx/
// table-xml.test.ts compares the two on every template). Why not let `docx` write it: it keeps
// three trees of every element (its components, the objects its Formatter makes of them, the
// tree its serialiser resolves) before the first byte, about 20 elements per cell. The appendix
// of a 1,000-unit consolidation has ~95,000 cells: 2.9 GB and 25 s, growing faster than the
// units because the collector walks ever larger live heaps. A string per table is linear.
// Only what the renderer's tables use is covered: borders, margins and vertical alignment are
// the same on every cell; runs are text, a figure's with its comment (footnote references are
// not: tables holding them are left to `docx`).

/** One run: text already made XML-safe (xmlSafe); `size` in half-points. */
export interface XmlRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  highlight?: boolean;
  /** The id of the comment on the run (a figure's source). */
  comment?: number;
}

export interface XmlParagraph {
  /** w:jc: "left", "center", "right" or "both". */
  align: string;
  runs: XmlRun[];
  /** w:keepNext: the row stays on the page of the row after it. */
  keepNext?: boolean;
}

export interface XmlCell {
  colSpan?: number;
  rowSpan?: number;
  paragraphs: XmlParagraph[];
}

export interface XmlRow {
  header: boolean;
  cantSplit: boolean;
  cells: XmlCell[];
}

export interface XmlTable {
  widthTw: number;
  columnWidths: number[];
  rows: XmlRow[];
}

/** `docx`'s escaping of text and attribute values: the five entities, control characters dropped. */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};
// eslint-disable-next-line no-control-regex -- dropping control characters is the point
const TO_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escape = (s: string) => s.replace(TO_ESCAPE, (c) => ESCAPES[c] ?? "");

const onOff = (name: string, v: boolean | undefined) =>
  v === undefined ? "" : v ? `<${name}/>` : `<${name} w:val="false"/>`;

const TABLE_BORDERS =
  "<w:tblBorders>" +
  ["top", "left", "bottom", "right", "insideH", "insideV"]
    .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
    .join("") +
  "</w:tblBorders>";
/** The tail of every cell's w:tcPr: black single borders, 1 pt / 3 pt margins, centred vertically. */
const CELL_TAIL =
  "<w:tcBorders>" +
  ["top", "left", "bottom", "right"]
    .map((side) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`)
    .join("") +
  "</w:tcBorders>" +
  '<w:tcMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="60"/>' +
  '<w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="60"/></w:tcMar>' +
  '<w:vAlign w:val="center"/></w:tcPr>';

function runXml(r: XmlRun): string {
  const props =
    onOff("w:b", r.bold) +
    onOff("w:bCs", r.bold) +
    onOff("w:i", r.italic) +
    onOff("w:iCs", r.italic) +
    (r.size !== undefined ? `<w:sz w:val="${r.size}"/>` : "") +
    (r.size ? `<w:szCs w:val="${r.size}"/>` : "") +
    (r.highlight ? '<w:highlight w:val="yellow"/>' : "");
  const run = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${escape(r.text)}</w:t></w:r>`;
  if (r.comment === undefined) return run;
  const id = r.comment;
  return `<w:commentRangeStart w:id="${id}"/>${run}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

function paragraphXml(p: XmlParagraph, spacing: boolean): string {
  const spacingXml = spacing ? '<w:spacing w:after="0" w:before="0"/>' : "";
  const keepXml = p.keepNext ? "<w:keepNext/>" : "";
  return `<w:p><w:pPr>${keepXml}${spacingXml}<w:jc w:val="${p.align}"/></w:pPr>${p.runs.map(runXml).join("")}</w:p>`;
}

interface PlacedCell extends XmlCell {
  /** The empty cell `docx` adds under a cell merged down rows. */
  continued?: boolean;
}

/**
 * The rows as `docx`'s Table constructor leaves them: under each cell merged down rows, the next
 * row gets an empty continuation cell at the same column, aligned like the cell's last paragraph.
 */
function placeRows(rows: readonly XmlRow[]): PlacedCell[][] {
  const placed: PlacedCell[][] = rows.map((r) => [...r.cells]);
  for (let ri = 0; ri < placed.length - 1; ri++) {
    let column = 0;
    for (const cell of [...placed[ri]]) {
      if (cell.rowSpan && cell.rowSpan > 1) {
        const last = cell.paragraphs[cell.paragraphs.length - 1];
        const next = placed[ri + 1];
        // docx's TableRow.addCellToColumnIndex: before the cell that reaches past `column`.
        let at = 0;
        let col = 0;
        while (col <= column && at < next.length) col += next[at++].colSpan || 1;
        const index = col <= column ? next.length : at - 1;
        next.splice(index, 0, {
          colSpan: cell.colSpan,
          rowSpan: cell.rowSpan - 1,
          paragraphs: last ? [{ align: last.align, runs: [] }] : [],
          continued: true,
        });
      }
      column += cell.colSpan || 1;
    }
  }
  return placed;
}

export function tableXml(t: XmlTable): string {
  const total = t.columnWidths.reduce((a, w) => a + w, 0);
  // docx's Table.setCellWidths: cell widths scaled up to the table's width, rounded per cell.
  const scale = total > 0 && t.widthTw > total ? t.widthTw / total : 1;
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${t.widthTw}"/>${TABLE_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${t.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  ];
  const placed = placeRows(t.rows);
  placed.forEach((cells, ri) => {
    if (cells.length === 0) return;
    const row = t.rows[ri];
    out.push(
      `<w:tr><w:trPr>${row.cantSplit ? "<w:cantSplit/>" : '<w:cantSplit w:val="off"/>'}${row.header ? "<w:tblHeader/>" : '<w:tblHeader w:val="off"/>'}</w:trPr>`
    );
    let column = 0;
    for (const c of cells) {
      const span = c.colSpan || 1;
      const spanned = t.columnWidths.slice(column, column + span);
      const width = Math.round(spanned.reduce((a, w) => a + w, 0) * scale);
      column += span;
      out.push(
        "<w:tc><w:tcPr>",
        spanned.length === span && width > 0 ? `<w:tcW w:type="dxa" w:w="${width}"/>` : "",
        c.colSpan ? `<w:gridSpan w:val="${c.colSpan}"/>` : "",
        c.continued
          ? '<w:vMerge w:val="continue"/>'
          : c.rowSpan && c.rowSpan > 1
            ? '<w:vMerge w:val="restart"/>'
            : "",
        CELL_TAIL
      );
      for (const p of c.paragraphs) out.push(paragraphXml(p, !c.continued));
      if (c.paragraphs.length === 0) out.push("<w:p/>");
      out.push("</w:tc>");
    }
    out.push("</w:tr>");
  });
  out.push("</w:tbl>");
  return out.join("");
}
