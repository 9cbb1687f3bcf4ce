// The Word draft as plain data: what the .docx adapter draws and what the tests read. It knows
// nothing of Word's XML; it says what the document contains and how each part is set out.
import type { Baseline } from "../model/schema";
import type { DocumentSettings } from "./settings";

/** Where a figure of the draft comes from, before it is resolved to a sheet and cell. */
export interface SourceRef {
  indicator: string;
  /** The figure is a table's total row. */
  total?: boolean;
  /** One unit's figure (per-unit tables, consolidated workbooks), by the unit's name. */
  unit?: string;
  /** With unit: the unit's subtree total (itself + units below), on the "Cộng theo cấp" sheet. */
  subtree?: boolean;
  /** One row of a fixed table, by row id. */
  row?: string;
  /** One row of a list table, by its index (0-based). */
  listIndex?: number;
  /** A comparison value (cùng kỳ năm trước, đầu nhiệm kỳ). */
  baseline?: Baseline;
  /** A target's value on the Chỉ tiêu sheet. */
  target?: string;
  /** A share computed from this cell and the cell of the whole named here (no rate cell exists). */
  rateOf?: string;
  /**
   * With rateOf: the figure is this column's sum over the rows that also give the column
   * `rateOf` (the rows a share is made of when some rows give only one of the two).
   */
  paired?: boolean;
}

export interface CellLocation {
  sheet: string;
  cell: string;
}

export interface TextRun {
  kind: "text";
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Marks text for the user to fill in (highlighted). */
  highlight?: boolean;
}

/** A number taken from a cell, formatted; `location` is set when the cell was found. */
export interface FigureRun {
  kind: "figure";
  text: string;
  source: SourceRef;
  /** What the figure is, in words ("Đơn thư nhận được — dòng Tổng cộng"), for sources and comments. */
  what: string;
  location: CellLocation | null;
  bold?: boolean;
}

/** A footnote mark; the footnote's text is in ReportDocument.footnotes under `id`. */
export interface FootnoteMark {
  kind: "footnote";
  id: number;
}

export type Run = TextRun | FigureRun | FootnoteMark;

export interface ParagraphBlock {
  kind: "paragraph";
  runs: Run[];
  /** "body": justified with first-line indent; "plain": no indent (table notes, list lines). */
  style?: "body" | "plain";
  align?: "justify" | "center" | "left" | "right";
}

export interface HeadingBlock {
  kind: "heading";
  /** Word heading level, 1-based (Heading1, Heading2, ...): the navigation pane lists them. */
  level: number;
  /** The number as written ("I.", "1.", "2.1.", "a)", "PHẦN THỨ NHẤT"), may be empty. */
  number: string;
  text: string;
  /** PHẦN headings are centred, on two lines (number, then title). */
  align: "center" | "left";
  italic?: boolean;
  sectionId: string;
}

export interface TableCell {
  runs: Run[];
  colSpan?: number;
  rowSpan?: number;
  align?: "left" | "center" | "right";
  bold?: boolean;
}

export interface TableBlock {
  kind: "table";
  id: string;
  /** Shown above the table, bold, centred. */
  title: string;
  /** Header rows, repeated at the top of every page the table runs onto. */
  header: TableCell[][];
  body: TableCell[][];
  /** Relative widths of the columns (the adapter scales them to the text width). */
  widths: number[];
  landscape?: boolean;
  note?: string;
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock;

export interface DocumentHeader {
  /** Left column: parent body (upper case, not bold), issuing body (upper case, bold). */
  parentBody: string;
  issuingBody: string;
  /** "Số: 62/BC-LĐLĐ" */
  numberLine: string;
  /** Right column. */
  nation: string;
  motto: string;
  /** "Lai Châu, ngày 08 tháng 3 năm 2024" (italic). */
  placeDate: string;
}

export interface Signature {
  /** "TM. BAN THƯỜNG VỤ" (may be empty). */
  authority: string;
  /** "CHỦ TỊCH" */
  title: string;
  name: string;
}

export interface Appendix {
  /** "BIỂU TỔNG HỢP" */
  title: string;
  /** "(Kèm theo Báo cáo số 62/BC-LĐLĐ ngày 08/3/2024 của ...)" */
  subtitle: string;
  tables: TableBlock[];
}

export interface SourceEntry {
  figure: string;
  what: string;
  location: CellLocation | null;
}

export interface ReportDocument {
  settings: DocumentSettings;
  /** Core properties of the file (title, subject). */
  properties: { title: string; subject: string };
  header: DocumentHeader;
  /** "BÁO CÁO", "KẾ HOẠCH" */
  docTypeTitle: string;
  /** The trích yếu. */
  summary: string;
  /** The body from the opening paragraph to the last section; the last paragraph ends in "./.". */
  body: Block[];
  signature: Signature;
  recipients: string[];
  footnotes: { id: number; runs: Run[] }[];
  appendix: Appendix | null;
  /** The sources appendix (settings.sources = "appendix"). */
  sources: { title: string; entries: SourceEntry[] } | null;
}

/** Every run of the document in order (body, tables, footnotes, appendix): for checks and tests. */
export function allRuns(doc: ReportDocument): Run[] {
  const out: Run[] = [];
  const ofBlock = (b: Block) => {
    if (b.kind === "paragraph") out.push(...b.runs);
    else if (b.kind === "table")
      for (const row of [...b.header, ...b.body]) for (const c of row) out.push(...c.runs);
  };
  doc.body.forEach(ofBlock);
  for (const f of doc.footnotes) out.push(...f.runs);
  doc.appendix?.tables.forEach(ofBlock);
  return out;
}

/** The plain text of runs (footnote marks as "[n]"). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => (r.kind === "footnote" ? `[${r.id}]` : r.text)).join("");
}
