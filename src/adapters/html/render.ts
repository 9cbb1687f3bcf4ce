// Draws the core's ReportDocument as HTML for the clipboard: where a host ignores downloads (Excel
// on Mac), "Sao chép bản nháp" puts the draft on the clipboard and it pastes into Word with its
// headings, paragraphs, tables and footnotes (as numbered notes at the end). Inline styles only:
// Word reads inline CSS on paste and ignores style sheets. Every string is made XML-safe (as in the
// .docx) and then escaped, so no cell content can inject markup. Pure: no DOM, runs in a worker.
import type {
  Block,
  HeadingBlock,
  ParagraphBlock,
  ReportDocument,
  Run,
  TableBlock,
  TableCell,
} from "../../core/document/model";
import { runsText } from "../../core/document/model";
import { locationText } from "../../core/document/sources";
import { safeLines, xmlSafe } from "../docx/xml-safe";

/** Sizes the format does not fix, as the .docx adapter sets them. */
const TABLE_PT = 12;
const NOTE_PT = 12;
const RECIPIENTS_LABEL_PT = 12;
const RECIPIENTS_PT = 11;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for HTML element content or a quoted attribute: XML-safe, then escaped. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Style = Record<string, string | number | undefined>;

function css(style: Style): string {
  return Object.entries(style)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}:${v}`)
    .join(";");
}

function el(tag: string, style: Style, inner: string, attrs = ""): string {
  const s = css(style);
  return `<${tag}${attrs}${s ? ` style="${escapeHtml(s)}"` : ""}>${inner}</${tag}>`;
}

class HtmlRenderer {
  private readonly s;
  private readonly bodyPt: number;

  constructor(private readonly doc: ReportDocument) {
    this.s = doc.settings;
    this.bodyPt = this.s.bodySize;
  }

  private para(inner: string, style: Style = {}): string {
    return el("p", { margin: `0 0 ${this.s.paragraphSpacing}pt 0`, ...style }, inner);
  }

  private runs(runs: readonly Run[], bold = false): string {
    return runs
      .map((r) => {
        if (r.kind === "footnote") {
          return `<sup><a href="#bc-note-${r.id}" id="bc-ref-${r.id}">${r.id}</a></sup>`;
        }
        let t = escapeHtml(r.text);
        if (r.kind === "figure" && this.s.sources === "comments") {
          // Word comments do not survive a paste: the source rides along as a tooltip.
          const title = `Số liệu: ${r.text} — ${r.what}; ${locationText(r.location)}`;
          t = `<span title="${escapeHtml(title)}">${t}</span>`;
        }
        if (r.kind === "text" && r.highlight) t = el("span", { background: "yellow" }, t);
        if (r.kind === "text" && r.italic) t = `<i>${t}</i>`;
        if (bold || r.bold) t = `<b>${t}</b>`;
        return t;
      })
      .join("");
  }

  private paragraph(b: ParagraphBlock): string {
    const plain = b.style === "plain";
    return this.para(this.runs(b.runs), {
      "text-align": b.align ?? (plain ? "left" : "justify"),
      "text-indent": plain ? undefined : `${this.s.firstLineIndent}cm`,
    });
  }

  private heading(b: HeadingBlock): string {
    const level = Math.min(Math.max(b.level, 1), 6);
    const style: Style = {
      "font-size": `${this.bodyPt}pt`,
      "font-weight": "bold",
      "font-style": b.italic ? "italic" : "normal",
      color: "#000000",
      margin: `${this.s.paragraphSpacing}pt 0`,
      "text-align": b.align === "center" ? "center" : "justify",
      "text-indent": b.align === "center" ? undefined : `${this.s.firstLineIndent}cm`,
    };
    const inner =
      b.align === "center" && b.number
        ? `${escapeHtml(b.number)}<br>${escapeHtml(b.text)}`
        : escapeHtml(b.number ? `${b.number} ${b.text}` : b.text);
    return el(`h${level}`, style, inner);
  }

  private cell(c: TableCell, header: boolean): string {
    const tag = header ? "th" : "td";
    const span =
      (c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : "") +
      (c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "");
    // User text in a cell keeps its line breaks.
    const only = c.runs.length === 1 ? c.runs[0] : null;
    const inner =
      only?.kind === "text" && /[\r\n]/.test(only.text)
        ? safeLines(only.text)
            .map((l) => escapeHtml(l))
            .join("<br>")
        : this.runs(c.runs);
    const bold = header || c.bold;
    return el(
      tag,
      {
        border: "1px solid #000000",
        padding: "2pt 4pt",
        "vertical-align": "middle",
        "text-align": header ? "center" : (c.align ?? "left"),
        "font-weight": bold ? "bold" : "normal",
        "font-size": `${TABLE_PT}pt`,
      },
      inner,
      span
    );
  }

  private table(b: TableBlock): string {
    const total = b.widths.reduce((a, w) => a + w, 0) || 1;
    const cols = b.widths
      .map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`)
      .join("");
    const rows = (cells: TableCell[][], header: boolean) =>
      cells.map((r) => `<tr>${r.map((c) => this.cell(c, header)).join("")}</tr>`).join("");
    const title = this.para(`<b>${escapeHtml(b.title)}</b>`, { "text-align": "center" });
    const note = b.note ? this.para(`<i>${escapeHtml(b.note)}</i>`, { "text-align": "left" }) : "";
    return (
      title +
      el(
        "table",
        {
          "border-collapse": "collapse",
          width: "100%",
          margin: `0 0 ${this.s.paragraphSpacing}pt 0`,
        },
        `<colgroup>${cols}</colgroup><thead>${rows(b.header, true)}</thead><tbody>${rows(b.body, false)}</tbody>`
      ) +
      note
    );
  }

  private block(b: Block): string {
    switch (b.kind) {
      case "heading":
        return this.heading(b);
      case "paragraph":
        return this.paragraph(b);
      case "table":
        return this.table(b);
    }
  }

  private centred(text: string, style: Style = {}): string {
    return el("p", { margin: 0, "text-align": "center", ...style }, escapeHtml(text));
  }

  /** The borderless two-column header block, as in the .docx. */
  private header(): string {
    const h = this.doc.header;
    const size = `${this.s.headerSize}pt`;
    const cell = (inner: string, width: string) =>
      el("td", { border: "none", width, "vertical-align": "top", padding: 0 }, inner);
    const rule = el("p", { margin: "0 auto", width: "40%", "border-top": "1px solid #000000" }, "");
    const left =
      (h.parentBody ? this.centred(h.parentBody, { "font-size": size }) : "") +
      this.centred(h.issuingBody, { "font-size": size, "font-weight": "bold" }) +
      rule +
      this.centred(h.numberLine, { "font-size": "13pt", "margin-top": "6pt" });
    const right =
      this.centred(h.nation, { "font-size": size, "font-weight": "bold" }) +
      this.centred(h.motto, { "font-size": `${this.s.mottoSize}pt`, "font-weight": "bold" }) +
      el("p", { margin: "0 auto", width: "70%", "border-top": "1px solid #000000" }, "") +
      this.centred(h.placeDate, { "font-style": "italic", "margin-top": "6pt" });
    return el(
      "table",
      { "border-collapse": "collapse", width: "100%", border: "none" },
      `<tr>${cell(left, "37%")}${cell(right, "63%")}</tr>`
    );
  }

  private title(): string {
    return (
      this.centred(this.doc.docTypeTitle, { "font-weight": "bold", "margin-top": "18pt" }) +
      safeLines(this.doc.summary)
        .map((l) => this.centred(l, { "font-weight": "bold" }))
        .join("") +
      el(
        "p",
        {
          margin: `2pt auto ${this.s.paragraphSpacing}pt`,
          width: "30%",
          "border-top": "1px solid #000000",
        },
        ""
      )
    );
  }

  /** Nơi nhận on the left, the signature on the right. */
  private signature(): string {
    const sig = this.doc.signature;
    const plain = (t: string, style: Style) => el("p", { margin: 0, ...style }, escapeHtml(t));
    const left =
      plain("Nơi nhận:", {
        "font-weight": "bold",
        "font-style": "italic",
        "font-size": `${RECIPIENTS_LABEL_PT}pt`,
      }) +
      this.doc.recipients
        .map((r) => plain(`- ${r}`, { "font-size": `${RECIPIENTS_PT}pt` }))
        .join("");
    const bold = { "font-weight": "bold" };
    const right =
      (sig.authority ? this.centred(sig.authority, bold) : "") +
      this.centred(sig.title, bold) +
      // Room for the signature and the seal.
      el("p", { margin: 0, height: "72pt" }, "&nbsp;") +
      this.centred(sig.name, bold);
    const cell = (inner: string, width: string) =>
      el("td", { border: "none", width, "vertical-align": "top", padding: 0 }, inner);
    return el(
      "table",
      { "border-collapse": "collapse", width: "100%", border: "none", "margin-top": "12pt" },
      `<tr>${cell(left, "45%")}${cell(right, "55%")}</tr>`
    );
  }

  /** Footnotes as numbered notes: a paste has no footnote area, so they follow the body. */
  private notes(): string {
    if (this.doc.footnotes.length === 0) return "";
    const items = this.doc.footnotes
      .map((f) =>
        el(
          "p",
          { margin: 0, "text-align": "justify", "font-size": `${NOTE_PT}pt` },
          `<sup><a href="#bc-ref-${f.id}">${f.id}</a></sup> ${this.runs(f.runs)}`,
          ` id="bc-note-${f.id}"`
        )
      )
      .join("");
    return (
      '<hr style="margin-top:12pt">' +
      this.para("<b>Chú thích</b>", { "font-size": `${NOTE_PT}pt` }) +
      items
    );
  }

  private appendix(): string {
    const a = this.doc.appendix;
    if (!a) return "";
    return (
      this.pageBreak() +
      this.centred(a.title, { "font-weight": "bold" }) +
      this.centred(a.subtitle, { "font-style": "italic", "margin-bottom": "6pt" }) +
      a.tables.map((t) => this.table(t)).join("")
    );
  }

  private sources(): string {
    const src = this.doc.sources;
    if (!src) return "";
    const cell = (t: string, align?: TableCell["align"]): TableCell => ({
      runs: [{ kind: "text", text: t }],
      align,
    });
    return (
      this.pageBreak() +
      this.centred(src.title, { "font-weight": "bold", "margin-bottom": "6pt" }) +
      this.table({
        kind: "table",
        id: "sources",
        title: "Nguồn của từng số liệu trong văn bản (trang tính và ô của sổ tính)",
        header: [["TT", "Số liệu", "Nội dung", "Trang tính", "Ô"].map((t) => cell(t))],
        body: src.entries.map((e, i) => [
          cell(String(i + 1), "center"),
          cell(e.figure, "right"),
          cell(e.what),
          cell(e.location?.sheet ?? "(không tìm thấy)"),
          cell(e.location?.cell ?? "", "center"),
        ]),
        widths: [6, 16, 44, 24, 10],
      })
    );
  }

  private pageBreak(): string {
    return '<br style="page-break-before:always" clear="all">';
  }

  render(): string {
    const s = this.s;
    const body = [
      this.header(),
      this.title(),
      ...this.doc.body.map((b) => this.block(b)),
      this.signature(),
      this.notes(),
      this.appendix(),
      this.sources(),
    ].join("\n");
    const style = css({
      "font-family": `'${s.font.replace(/'/g, "")}', serif`,
      "font-size": `${this.bodyPt}pt`,
      color: "#000000",
      "line-height": s.lineSpacing === 1 ? "normal" : String(s.lineSpacing),
    });
    return (
      `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">` +
      `<title>${escapeHtml(this.doc.properties.title)}</title></head>` +
      `<body><div style="${escapeHtml(style)}">\n${body}\n</div></body></html>`
    );
  }
}

/** The draft as an HTML document (inline styles) for the clipboard's text/html. */
export function renderHtml(doc: ReportDocument): string {
  return new HtmlRenderer(doc).render();
}

/** The draft as plain text (the clipboard's text/plain): one line per paragraph, notes at the end. */
export function renderPlainText(doc: ReportDocument): string {
  const h = doc.header;
  const lines: string[] = [];
  const push = (t: string) => lines.push(xmlSafe(t));
  if (h.parentBody) push(h.parentBody);
  push(h.issuingBody);
  push(h.numberLine);
  push(h.nation);
  push(h.motto);
  push(h.placeDate);
  push("");
  push(doc.docTypeTitle);
  for (const l of safeLines(doc.summary)) lines.push(l);
  push("");
  const table = (t: TableBlock) => {
    push(t.title);
    for (const row of [...t.header, ...t.body]) push(row.map((c) => runsText(c.runs)).join("\t"));
    if (t.note) push(t.note);
  };
  for (const b of doc.body) {
    if (b.kind === "heading") push(b.number ? `${b.number} ${b.text}` : b.text);
    else if (b.kind === "paragraph") push(runsText(b.runs));
    else table(b);
  }
  push("");
  push("Nơi nhận:");
  for (const r of doc.recipients) push(`- ${r}`);
  const sig = doc.signature;
  for (const t of [sig.authority, sig.title, sig.name]) if (t) push(t);
  if (doc.footnotes.length > 0) {
    push("");
    push("Chú thích");
    for (const f of doc.footnotes) push(`[${f.id}] ${runsText(f.runs)}`);
  }
  if (doc.appendix) {
    push("");
    push(doc.appendix.title);
    push(doc.appendix.subtitle);
    doc.appendix.tables.forEach(table);
  }
  if (doc.sources) {
    push("");
    push(doc.sources.title);
    doc.sources.entries.forEach((e, i) =>
      push(
        `${i + 1}\t${e.figure}\t${e.what}\t${e.location?.sheet ?? "(không tìm thấy)"}\t${e.location?.cell ?? ""}`
      )
    );
  }
  return lines.join("\n");
}
