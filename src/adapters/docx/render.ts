// Draws the core's ReportDocument with the `docx` library: A4 and the settings' margins, the
// two-column header block with its short rules, title and trích yếu, real Heading 1..n styles
// (the navigation pane lists them), justified body, footnotes, tables whose header rows repeat on
// every page, signature and Nơi nhận, page numbers in the top margin from page 2, appendix and
// sources. Runs in Node and in the browser (no Buffer, no fs): the result is a Uint8Array.
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  FileChild,
  FootnoteReferenceRun,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ICommentOptions,
  type IParagraphStyleOptions,
  type ISectionOptions,
  type IXmlableObject,
  type ParagraphChild,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type {
  Block,
  FigureRun,
  FootnoteMark,
  HeadingBlock,
  ParagraphBlock,
  ReportDocument,
  Run,
  TableBlock,
  TableCell as ModelCell,
} from "../../core/document/model";
import { locationText } from "../../core/document/sources";
import { runsText } from "../../core/document/model";
import { xmlSafe, safeLines } from "./xml-safe";
import { A4, cm, halfPt, mm, pt, textWidth } from "./units";
import { rowHeightTw } from "./row-height";
import { tableXml, type XmlParagraph, type XmlRun } from "./table-xml";

const BLACK = "000000";
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const CELL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
/** Sizes the format does not fix: tables and footnotes a step below the body, as in the seeds. */
const TABLE_SIZE = 12;
const FOOTNOTE_SIZE = 12;
const RECIPIENTS_LABEL_SIZE = 12;
const RECIPIENTS_SIZE = 11;
const HEADING_LEVELS = 6;
/**
 * Vietnamese on every run, through the document defaults and each style: without it Word
 * spell-checks the draft as English and underlines every word. Vietnamese is Latin script (w:val);
 * eastAsia is set too so that characters Word classes as East Asian (some quotes, dashes) are not
 * checked as Chinese or Japanese.
 */
export const LANGUAGE = { value: "vi-VN", eastAsia: "vi-VN" } as const;
/**
 * A row estimated taller than this share of the page's text height may break across pages:
 * kept whole ("cantSplit"), LibreOffice clips a row taller than the page instead of breaking it.
 */
const UNSPLIT_ROW_SHARE = 0.4;
/** The last body paragraph goes whole with the signature up to this many lines. */
const KEPT_WHOLE_LINES = 6;
/** Header rows repeat on every page only while they take less than this share of the page. */
const REPEATED_HEADER_SHARE = 0.6;
/**
 * A table at most this share of a page is kept whole (its rows kept with the next), so it moves
 * to the next page rather than leave one row under its title ("Kết quả công tác tiếp đoàn viên":
 * row 1 on one page, rows 2–3 and the total on the next). A longer table keeps only its header
 * with its first row and its last two rows together when both are short (a total row never
 * alone on a page).
 */
const KEPT_WHOLE_TABLE_SHARE = 0.5;

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

interface TextPiece {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  highlight?: boolean;
}

/** Text, a footnote reference, or a figure with its comment. */
type Piece = TextPiece | FootnoteMark | FigureRun;

/** Same look: an absent flag and a false one both mean plain. */
const sameFormat = (a: TextPiece, b: TextPiece) =>
  !a.bold === !b.bold && !a.italic === !b.italic && !a.highlight === !b.highlight;

/** How tables are written: as XML strings (table-xml.ts) or by `docx` (the reference). */
export type TableWriter = "xml" | "docx";

/**
 * Where a table written as a string goes: `docx` writes `<baocao:table n="…"/>` in its place, and
 * renderDocx puts the table there once `docx` has packed the rest. Text never holds "<".
 */
const TABLE_SLOT = /<baocao:table n="(\d+)"\/>/g;

class TableSlot extends FileChild {
  constructor(private readonly index: number) {
    super("baocao:table");
  }

  override prepForXml(): IXmlableObject {
    return { "baocao:table": { _attr: { n: this.index } } };
  }
}

class Renderer {
  private readonly s;
  private readonly comments: ICommentOptions[] = [];
  private readonly textWidthTw: number;
  /**
   * Comment ids start above every footnote id. LibreOffice (7.4) mixes up a footnote and a
   * comment of the same id when both sit in one paragraph: the footnote is imported empty (a bare
   * number) or with another note's text, and every later footnote shifts. Word keeps the two id
   * spaces apart, so disjoint ids change nothing there.
   */
  private readonly firstCommentId: number;
  /** The tables written as strings, by TableSlot index. */
  readonly tables: string[] = [];

  constructor(
    private readonly doc: ReportDocument,
    private readonly tableWriter: TableWriter = "xml"
  ) {
    this.s = doc.settings;
    this.textWidthTw = A4.width - mm(this.s.margins.left) - mm(this.s.margins.right);
    this.firstCommentId = doc.footnotes.reduce((m, f) => Math.max(m, f.id), 0) + 1;
  }

  /** Every string goes through here into a TextRun. */
  private text(t: string, style: RunStyle = {}, extra: { highlight?: boolean } = {}): TextRun {
    return new TextRun({
      text: xmlSafe(t),
      bold: style.bold,
      italics: style.italic,
      size: style.size ? halfPt(style.size) : undefined,
      highlight: extra.highlight ? "yellow" : undefined,
    });
  }

  /**
   * The runs as pieces of text in their format, adjacent pieces of the same format joined: one
   * run per stretch of text, not per fragment the narrative was built from (a footnote listing
   * units was "; ", name, " ", figure, " buổi" as five runs each). Footnote references and
   * figures with a comment stay on their own.
   */
  private pieces(runs: readonly Run[], style: RunStyle, allowComments: boolean): Piece[] {
    const out: Piece[] = [];
    let open: TextPiece | null = null;
    const add = (p: TextPiece) => {
      if (open && sameFormat(open, p)) {
        open.text += p.text;
      } else {
        open = p;
        out.push(p);
      }
    };
    for (const r of runs) {
      if (r.kind === "footnote") {
        open = null;
        out.push(r);
        continue;
      }
      const bold = style.bold || r.bold;
      if (r.kind === "text") {
        add({
          kind: "text",
          text: r.text,
          bold,
          italic: style.italic || r.italic,
          highlight: r.highlight,
        });
      } else if (allowComments && this.s.sources === "comments") {
        open = null;
        out.push({ ...r, bold });
      } else {
        add({ kind: "text", text: r.text, bold, italic: style.italic });
      }
    }
    return out;
  }

  /** Adds the comment naming where a figure comes from; its id. */
  private comment(f: FigureRun): number {
    const id = this.firstCommentId + this.comments.length;
    this.comments.push({
      id,
      author: "BáoCáo",
      initials: "BC",
      children: [
        new Paragraph({
          children: [this.text(`Số liệu: ${f.text} — ${f.what}; ${locationText(f.location)}`)],
        }),
      ],
    });
    return id;
  }

  private runs(runs: readonly Run[], style: RunStyle = {}, allowComments = true): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const p of this.pieces(runs, style, allowComments)) {
      if (p.kind === "footnote") {
        out.push(new FootnoteReferenceRun(p.id));
      } else if (p.kind === "text") {
        out.push(this.text(p.text, { ...style, bold: p.bold, italic: p.italic }, p));
      } else {
        const id = this.comment(p);
        const own = { ...style, bold: p.bold };
        out.push(new CommentRangeStart(id), this.text(p.text, own), new CommentRangeEnd(id));
        out.push(new TextRun({ children: [new CommentReference(id)] }));
      }
    }
    return out;
  }

  /**
   * `keep`: the paragraph stays on the page of what follows (the signature block). A short one
   * stays whole; a long one would leave a gap of up to a page above it, so only its last lines
   * go along (widow control keeps at least two).
   */
  private bodyParagraph(b: ParagraphBlock, keep = false): Paragraph {
    const plain = b.style === "plain";
    const lines = textWidth(runsText(b.runs), this.s.bodySize) / this.textWidthTw;
    return new Paragraph({
      children: this.runs(b.runs),
      alignment: alignmentOf(b.align ?? (plain ? "left" : "justify")),
      indent: plain ? undefined : { firstLine: cm(this.s.firstLineIndent) },
      keepNext: keep || undefined,
      keepLines: (keep && lines <= KEPT_WHOLE_LINES) || undefined,
    });
  }

  private heading(b: HeadingBlock): Paragraph {
    const level = Math.min(b.level, HEADING_LEVELS);
    const style = `Heading${level}`;
    if (b.align === "center") {
      return new Paragraph({
        style,
        alignment: AlignmentType.CENTER,
        children: [
          this.text(b.number),
          ...(b.number ? [new TextRun({ break: 1 })] : []),
          this.text(b.text),
        ],
      });
    }
    return new Paragraph({
      style,
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: cm(this.s.firstLineIndent) },
      children: [this.text(b.number ? `${b.number} ${b.text}` : b.text, { italic: b.italic })],
    });
  }

  /** `keepNext`: the row stays on the page of the row after it. */
  private cellParagraphs(c: ModelCell, header: boolean, keepNext = false): Paragraph[] {
    const style: RunStyle = { size: TABLE_SIZE, bold: header || c.bold };
    const align = alignmentOf(header ? "center" : (c.align ?? "left"));
    const para = (children: ParagraphChild[]) =>
      new Paragraph({
        alignment: align,
        spacing: { before: 0, after: 0 },
        keepNext: keepNext || undefined,
        children,
      });
    // User text in a cell keeps its line breaks as paragraphs.
    if (c.runs.length === 1 && c.runs[0].kind === "text" && /[\r\n]/.test(c.runs[0].text)) {
      return safeLines(c.runs[0].text).map((line) => para([this.text(line, style)]));
    }
    return [para(this.runs(c.runs, style))];
  }

  /**
   * A cell's paragraphs as cellParagraphs draws them, as runs for tableXml, its figures' comments
   * added as cellParagraphs adds them. Cells with footnote references are left to `docx`.
   */
  private plainCell(c: ModelCell, header: boolean, keepNext: boolean): XmlParagraph[] {
    const style: RunStyle = { size: TABLE_SIZE, bold: header || c.bold };
    const align = alignmentOf(header ? "center" : (c.align ?? "left"));
    const size = halfPt(TABLE_SIZE);
    if (c.runs.length === 1 && c.runs[0].kind === "text" && /[\r\n]/.test(c.runs[0].text)) {
      return safeLines(c.runs[0].text).map((line) => ({
        align,
        runs: [{ text: line, bold: style.bold, size }],
        keepNext,
      }));
    }
    const runs: XmlRun[] = [];
    for (const p of this.pieces(c.runs, style, true)) {
      if (p.kind === "footnote") throw new Error("Ô có chú thích chân trang phải do docx vẽ.");
      if (p.kind === "text") {
        const { bold, italic, highlight } = p;
        runs.push({ text: xmlSafe(p.text), bold, italic, highlight, size });
      } else {
        runs.push({ text: xmlSafe(p.text), bold: p.bold, size, comment: this.comment(p) });
      }
    }
    return [{ align, runs, keepNext }];
  }

  /** `pageHeightTw`: the text height of the pages the table is on (portrait or landscape). */
  private table(b: TableBlock, widthTw: number, pageHeightTw: number): FileChild[] {
    const widths = fitColumnWidths(b.widths, widthTw);
    const height = (cells: ModelCell[]) =>
      rowHeightTw(cells, widths, TABLE_SIZE, this.s.lineSpacing);
    const headerHeight = b.header.reduce((a, r) => a + height(r), 0);
    // A header taller than this would leave little room on each page it repeats on, and rows
    // under it taller than the rest of the page would be clipped: then it is printed once.
    const repeatHeader = headerHeight <= pageHeightTw * REPEATED_HEADER_SHARE;
    const bodyHeight = b.body.reduce((a, r) => a + height(r), 0);
    const keptWhole = headerHeight + bodyHeight <= pageHeightTw * KEPT_WHOLE_TABLE_SHARE;
    const last = b.body.length - 1;
    // Only short rows are tied to the next: a tall row that may break would be pushed whole to
    // the next page, leaving most of a page empty.
    const short = (i: number) => height(b.body[i]) <= pageHeightTw * UNSPLIT_ROW_SHARE * 0.5;
    const keptWithNext = (i: number) =>
      i < last && (keptWhole || (i === last - 1 && short(i) && short(last)));
    const row = (cells: ModelCell[], header: boolean, keep: boolean) =>
      new TableRow({
        tableHeader: header && repeatHeader,
        cantSplit: height(cells) <= pageHeightTw * UNSPLIT_ROW_SHARE,
        children: cells.map(
          (c) =>
            new TableCell({
              children: this.cellParagraphs(c, header, keep),
              columnSpan: c.colSpan,
              rowSpan: c.rowSpan,
              borders: CELL_BORDERS,
              verticalAlign: VerticalAlign.CENTER,
              margins: { left: 60, right: 60, top: 20, bottom: 20 },
            })
        ),
      });
    const title = new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: pt(6), after: pt(6) },
      children: [this.text(b.title, { bold: true })],
    });
    const plain = (rows: ModelCell[][], header: boolean, keep: (i: number) => boolean) =>
      rows.map((cells, i) => ({
        header: header && repeatHeader,
        cantSplit: height(cells) <= pageHeightTw * UNSPLIT_ROW_SHARE,
        cells: cells.map((c) => ({
          colSpan: c.colSpan,
          rowSpan: c.rowSpan,
          paragraphs: this.plainCell(c, header, keep(i)),
        })),
      }));
    const noFootnotes = (rows: ModelCell[][]) =>
      rows.every((r) => r.every((c) => c.runs.every((x) => x.kind !== "footnote")));
    if (this.tableWriter === "xml" && noFootnotes(b.header) && noFootnotes(b.body)) {
      const rows = [
        ...plain(b.header, true, () => b.body.length > 0),
        ...plain(b.body, false, keptWithNext),
      ];
      this.tables.push(tableXml({ widthTw, columnWidths: widths, rows }));
      return [title, new TableSlot(this.tables.length - 1)];
    }
    return [
      title,
      new Table({
        width: { size: widthTw, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        rows: [
          ...b.header.map((r) => row(r, true, b.body.length > 0)),
          ...b.body.map((r, i) => row(r, false, keptWithNext(i))),
        ],
      }),
    ];
  }

  private block(b: Block): FileChild[] {
    switch (b.kind) {
      case "heading":
        return [this.heading(b)];
      case "paragraph":
        return [this.bodyParagraph(b)];
      case "table":
        return this.table(b, this.textWidthTw, this.textHeightTw(false));
    }
  }

  /** A short centred line, drawn as the top border of an empty paragraph indented to `width`. */
  private rule(cellWidth: number, width: number): Paragraph {
    const side = Math.max(0, Math.round((cellWidth - width) / 2));
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: side, right: side },
      // The rule is the paragraph's top border; a little space keeps it off the descenders above.
      spacing: { before: pt(3), after: 0, line: 120, lineRule: LineRuleType.EXACT },
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
      children: [this.text("", { size: 2 })],
    });
  }

  private centred(t: string, style: RunStyle, after = 0): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: pt(after), line: 240, lineRule: LineRuleType.AUTO },
      children: [this.text(t, style)],
    });
  }

  /** The borderless two-column header: bodies and number left, nation, motto and date right. */
  private headerBlock(): Table {
    const h = this.doc.header;
    // The official block is wider than the text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" must stay on
    // one line at 13 pt, so the table reaches a little into the left margin, as Word templates do.
    const outdent = mm(8);
    const full = this.textWidthTw + outdent;
    const left = Math.round(full * 0.37);
    const right = full - left;
    const size = this.s.headerSize;
    const cell = (width: number, children: Paragraph[]) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        children,
      });
    const issuing = h.issuingBody;
    const top = new TableRow({
      children: [
        cell(left, [
          ...(h.parentBody ? [this.centred(h.parentBody, { size })] : []),
          this.centred(issuing, { size, bold: true }),
          this.rule(
            left,
            Math.min(left * 0.5, Math.max(left / 3, textWidth(issuing, size, true) / 2))
          ),
        ]),
        cell(right, [
          this.centred(h.nation, { size, bold: true }),
          this.centred(h.motto, { size: this.s.mottoSize, bold: true }),
          this.rule(right, textWidth(h.motto, this.s.mottoSize, true)),
        ]),
      ],
    });
    const bottom = new TableRow({
      height: { value: pt(22), rule: HeightRule.ATLEAST },
      children: [
        cell(left, [this.centred(h.numberLine, { size: 13 })]),
        cell(right, [this.centred(h.placeDate, { size: this.s.bodySize, italic: true })]),
      ],
    });
    return new Table({
      width: { size: full, type: WidthType.DXA },
      indent: { size: -outdent, type: WidthType.DXA },
      columnWidths: [left, right],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [top, bottom],
    });
  }

  private titleBlock(): Paragraph[] {
    const size = this.s.bodySize;
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: pt(18), after: 0 },
        children: [this.text(this.doc.docTypeTitle, { bold: true, size })],
      }),
      ...safeLines(this.doc.summary).map((line) => this.centred(line, { bold: true, size })),
      this.rule(
        this.textWidthTw,
        Math.min(this.textWidthTw / 3, textWidth(this.doc.summary, size, true))
      ),
      new Paragraph({ spacing: { before: 0, after: pt(6) }, children: [] }),
    ];
  }

  /** Nơi nhận on the left, the signature on the right, on the same line. */
  private signatureBlock(): Table {
    const left = Math.round(this.textWidthTw * 0.45);
    const right = this.textWidthTw - left;
    const sig = this.doc.signature;
    const plain = (children: ParagraphChild[], after = 0) =>
      new Paragraph({
        spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
        children,
      });
    const recipients = [
      plain([this.text("Nơi nhận:", { bold: true, italic: true, size: RECIPIENTS_LABEL_SIZE })]),
      ...this.doc.recipients.map((r) => plain([this.text(`- ${r}`, { size: RECIPIENTS_SIZE })])),
    ];
    const size = this.s.bodySize;
    const signature = [
      ...(sig.authority ? [this.centred(sig.authority, { bold: true, size })] : []),
      this.centred(sig.title, { bold: true, size }),
      // Room for the signature and the seal.
      ...[0, 1, 2, 3].map(() => this.centred("", { size })),
      this.centred(sig.name, { bold: true, size }),
    ];
    const cell = (width: number, children: Paragraph[]) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
        children,
      });
    return new Table({
      width: { size: this.textWidthTw, type: WidthType.DXA },
      columnWidths: [left, right],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [cell(left, recipients), cell(right, signature)],
        }),
      ],
    });
  }

  private pageHeader(): Header {
    return new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ children: [PageNumber.CURRENT], size: halfPt(this.s.pageNumberSize) }),
          ],
        }),
      ],
    });
  }

  private section(
    children: FileChild[],
    opts: { first: boolean; landscape?: boolean }
  ): ISectionOptions {
    const m = this.s.margins;
    return {
      properties: {
        titlePage: opts.first,
        page: {
          size: {
            width: A4.width,
            height: A4.height,
            orientation: opts.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            top: mm(m.top),
            bottom: mm(m.bottom),
            left: mm(m.left),
            right: mm(m.right),
            header: mm(Math.max(8, m.top / 2)),
          },
        },
      },
      headers: opts.first
        ? { default: this.pageHeader(), first: new Header({ children: [] }) }
        : { default: this.pageHeader() },
      children,
    };
  }

  /** Height of the text area of a portrait or landscape page, in twips. */
  private textHeightTw(landscape: boolean): number {
    const m = this.s.margins;
    return (landscape ? A4.width : A4.height) - mm(m.top) - mm(m.bottom);
  }

  private appendixSection(): ISectionOptions | null {
    const a = this.doc.appendix;
    if (!a) return null;
    const landscape = a.tables.some((t) => t.landscape);
    const width = landscape
      ? A4.height - mm(this.s.margins.left) - mm(this.s.margins.right)
      : this.textWidthTw;
    return this.section(
      [
        this.centred(a.title, { bold: true, size: this.s.bodySize }),
        this.centred(a.subtitle, { italic: true, size: this.s.bodySize }, 6),
        ...a.tables.flatMap((t) => this.table(t, width, this.textHeightTw(landscape))),
      ],
      { first: false, landscape }
    );
  }

  private sourcesSection(): ISectionOptions | null {
    const src = this.doc.sources;
    if (!src) return null;
    const cell = (t: string): ModelCell => ({ runs: [{ kind: "text", text: t }] });
    const table: TableBlock = {
      kind: "table",
      id: "sources",
      title: "Nguồn của từng số liệu trong văn bản (trang tính và ô của sổ tính)",
      header: [["TT", "Số liệu", "Nội dung", "Trang tính", "Ô"].map(cell)],
      body: src.entries.map((e, i) => [
        { ...cell(String(i + 1)), align: "center" },
        { ...cell(e.figure), align: "right" },
        cell(e.what),
        cell(e.location?.sheet ?? "(không tìm thấy)"),
        { ...cell(e.location?.cell ?? ""), align: "center" },
      ]),
      widths: [6, 16, 44, 24, 10],
    };
    return this.section(
      [
        this.centred(src.title, { bold: true, size: this.s.bodySize }, 6),
        ...this.table(table, this.textWidthTw, this.textHeightTw(false)),
      ],
      { first: false }
    );
  }

  private headingStyles(): IParagraphStyleOptions[] {
    const out: IParagraphStyleOptions[] = [];
    for (let level = 1; level <= HEADING_LEVELS; level++) {
      out.push({
        id: `Heading${level}`,
        name: `Heading ${level}`,
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: {
          font: this.s.font,
          size: halfPt(this.s.bodySize),
          bold: true,
          italics: false,
          color: BLACK,
          language: LANGUAGE,
        },
        paragraph: {
          outlineLevel: level - 1,
          keepNext: true,
          keepLines: true,
          spacing: { before: pt(this.s.paragraphSpacing), after: pt(this.s.paragraphSpacing) },
        },
      });
    }
    return out;
  }

  /**
   * The body, its last paragraph kept with the signature block: the block must never stand
   * alone on the last page (the signer signs under the text). A heading before it already
   * keeps with what follows.
   */
  private bodyBlocks(): FileChild[] {
    const body = this.doc.body;
    let last = body.length - 1;
    while (last >= 0 && body[last].kind === "heading") last--;
    return body.flatMap((b, i) =>
      i === last && b.kind === "paragraph" ? [this.bodyParagraph(b, true)] : this.block(b)
    );
  }

  build(): Document {
    const s = this.s;
    const main: FileChild[] = [
      this.headerBlock(),
      ...this.titleBlock(),
      ...this.bodyBlocks(),
      // Kept with the signature too, so the last body lines, this gap and the block stay together.
      new Paragraph({ keepNext: true, spacing: { before: 0, after: pt(6) }, children: [] }),
      this.signatureBlock(),
    ];
    const sections = [
      this.section(main, { first: true }),
      this.appendixSection(),
      this.sourcesSection(),
    ].filter((x): x is ISectionOptions => x !== null);
    const footnotes: Record<string, { children: Paragraph[] }> = {};
    for (const f of this.doc.footnotes) {
      footnotes[String(f.id)] = {
        children: [
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { before: 0, after: 0 },
            children: this.runs(f.runs, { size: FOOTNOTE_SIZE }, false),
          }),
        ],
      };
    }
    return new Document({
      creator: "BáoCáo",
      title: xmlSafe(this.doc.properties.title),
      subject: xmlSafe(this.doc.properties.subject),
      styles: {
        default: {
          document: {
            run: { font: s.font, size: halfPt(s.bodySize), color: BLACK, language: LANGUAGE },
            paragraph: {
              spacing: {
                before: 0,
                after: pt(s.paragraphSpacing),
                line: Math.round(240 * s.lineSpacing),
                lineRule: LineRuleType.AUTO,
              },
            },
          },
        },
        paragraphStyles: this.headingStyles(),
      },
      footnotes,
      comments: { children: this.comments },
      sections,
    });
  }
}

function alignmentOf(a: "justify" | "center" | "left" | "right") {
  switch (a) {
    case "justify":
      return AlignmentType.JUSTIFIED;
    case "center":
      return AlignmentType.CENTER;
    case "right":
      return AlignmentType.RIGHT;
    default:
      return AlignmentType.LEFT;
  }
}

/**
 * The .docx file's bytes; works in Node and in the browser (Packer.toArrayBuffer). `tables`:
 * "docx" has the library write every table, the reference the string tables are tested against.
 */
export async function renderDocx(
  doc: ReportDocument,
  tables: TableWriter = "xml"
): Promise<Uint8Array> {
  const r = new Renderer(doc, tables);
  const bytes = new Uint8Array(await Packer.toArrayBuffer(r.build()));
  if (r.tables.length === 0) return bytes;
  const files = unzipSync(bytes);
  const part = "word/document.xml";
  files[part] = strToU8(strFromU8(files[part]).replace(TABLE_SLOT, (_, n: string) => r.tables[+n]));
  return zipSync(files);
}

/** Narrowest a column may get: "TT" or a 2-digit count at 12 pt plus the cell margins (about 1 cm). */
const MIN_COLUMN_TW = 560;

/**
 * Column widths in twips, proportional to the model's relative widths, but none under
 * MIN_COLUMN_TW: a wide table of text columns would otherwise squeeze "TT" into one letter per line.
 * What the narrow columns gain is taken from the others in proportion to their spare width.
 */
export function fitColumnWidths(relative: readonly number[], totalTw: number): number[] {
  const sum = relative.reduce((a, w) => a + w, 0);
  const widths = relative.map((w) => (w / sum) * totalTw);
  const min = Math.min(MIN_COLUMN_TW, totalTw / Math.max(1, relative.length));
  const deficit = widths.reduce((a, w) => a + Math.max(0, min - w), 0);
  const spare = widths.reduce((a, w) => a + Math.max(0, w - min), 0);
  return widths.map((w) =>
    Math.floor(w < min ? min : spare > 0 ? w - ((w - min) / spare) * deficit : w)
  );
}
