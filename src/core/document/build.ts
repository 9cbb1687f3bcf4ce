// From a template and its data to the Word draft's model: header block, title, opening text,
// sections, "./.", signature and Nơi nhận, appendix, sources. One core for the CLI and the pane.
import type { Template } from "../model/load";
import type { DocType } from "../model/schema";
import type { ReportData } from "../data/types";
import { expandTitle } from "../model/title";
import { formatDocumentDate, formatShortDate, isValidIsoDate } from "../period";
import { PREAMBLE_KEY } from "../layout/names";
import { NarrativeContext, text, type Locate } from "../narrative/context";
import { computeRelations } from "../narrative/relations";
import { bodyUnitName } from "../narrative/unit-names";
import { paragraph, sectionBlocks, userParagraphs } from "../narrative/section";
import { tableBlock } from "./tables";
import { appendixTables, isAppendixTable } from "./appendix-tables";
import { tableParts } from "./wide-tables";
import type { Block, DocumentHeader, ReportDocument, SourceEntry, TableBlock } from "./model";
import { allRuns } from "./model";
import { DEFAULT_SETTINGS, type DocumentSettings } from "./settings";

export const DOC_TYPE_TITLES: Record<DocType, string> = {
  BC: "BÁO CÁO",
  KH: "KẾ HOẠCH",
  CTr: "CHƯƠNG TRÌNH",
  HD: "HƯỚNG DẪN",
  TB: "THÔNG BÁO",
  QĐ: "QUYẾT ĐỊNH",
  NQ: "NGHỊ QUYẾT",
  TTr: "TỜ TRÌNH",
  BB: "BIÊN BẢN",
};

const DOC_TYPE_NAMES: Record<DocType, string> = {
  BC: "Báo cáo",
  KH: "Kế hoạch",
  CTr: "Chương trình",
  HD: "Hướng dẫn",
  TB: "Thông báo",
  QĐ: "Quyết định",
  NQ: "Nghị quyết",
  TTr: "Tờ trình",
  BB: "Biên bản",
};

/** Blanks left for the writer where the workbook has nothing: the draft is still a draft. */
const BLANK = "……";

export interface BuildOptions {
  settings?: DocumentSettings;
  /** Resolves a figure's source to its sheet and cell (see locateInWorkbook). */
  locate?: Locate;
}

/** "62/BC-LĐLĐ", the serial zero-padded below 10 ("5/BC-LĐLĐ" → "05/BC-LĐLĐ"). */
export function documentNumber(template: Template, data: ReportData): string {
  const given = data.header.number?.trim();
  if (given) return given.replace(/^(\d)(?=\/)/, "0$1");
  const symbol = template.header.symbol ?? "";
  return `      /${template.docType}${symbol ? `-${symbol}` : ""}`;
}

function header(template: Template, data: ReportData): DocumentHeader {
  const h = data.header;
  const place = h.place?.trim() || template.header.place || BLANK;
  const date =
    h.date && isValidIsoDate(h.date)
      ? formatDocumentDate(place, h.date)
      : `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  return {
    parentBody: (h.parentBody ?? template.header.parentBody ?? "").toLocaleUpperCase("vi"),
    issuingBody: (h.issuingBody ?? template.header.issuingBody ?? BLANK).toLocaleUpperCase("vi"),
    numberLine: `Số: ${documentNumber(template, data)}`,
    nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    placeDate: date,
  };
}

/** "(Kèm theo Báo cáo số 62/BC-LĐLĐ ngày 08/3/2024 của LĐLĐ tỉnh Lai Châu)" */
function appendixSubtitle(template: Template, data: ReportData): string {
  const number = documentNumber(template, data).trim() || BLANK;
  const date =
    data.header.date && isValidIsoDate(data.header.date)
      ? formatShortDate(data.header.date)
      : BLANK;
  const body = data.header.issuingBody ?? template.header.issuingBody ?? BLANK;
  const pattern =
    template.appendix?.subtitle ??
    `(Kèm theo ${DOC_TYPE_NAMES[template.docType]} số {number} ngày {date} của {issuingBody})`;
  // The subtitle is a sentence: the body's name as the text writes it, not in the header's
  // capitals ("của Ban Thường vụ LĐLĐ tỉnh Bắc Giang", not "LĐLĐ TỈNH BẮC GIANG").
  return pattern
    .replace(/\{number\}/g, number)
    .replace(/\{date\}/g, date)
    .replace(/\{issuingBody\}/g, bodyUnitName(body));
}

/** Appends "./." to the body's last paragraph (or adds one after a closing heading). */
function closeBody(body: Block[]): void {
  const last = body[body.length - 1];
  const end = last?.kind === "paragraph" ? last.runs[last.runs.length - 1] : undefined;
  // "…tỉnh." becomes "…tỉnh./.", never "…tỉnh../.": the writer's full stop is the mark's own.
  if (last?.kind === "paragraph" && end?.kind === "text" && /\.\s*$/.test(end.text)) {
    last.runs.push(text("/."));
  } else if (last?.kind === "paragraph") last.runs.push(text("./."));
  else body.push(paragraph([text("./.")]));
}

export function buildReportDocument(
  template: Template,
  data: ReportData,
  options: BuildOptions = {}
): ReportDocument {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  // `template` is the workbook's; a consolidated one is narrated from its original (see view.ts).
  const ctx = new NarrativeContext(template, data, settings, options.locate);
  const rel = computeRelations(ctx.template, data, ctx.layout);

  const body: Block[] = [...userParagraphs(data.texts[PREAMBLE_KEY])];
  for (const s of ctx.template.sections) {
    body.push(
      ...sectionBlocks(ctx, rel, s, {
        // A list table (documents issued) has no total to state: it is drawn where it belongs.
        inlineTable: (t) =>
          t.kind === "list" && !isAppendixTable(ctx, t.id) ? tableBlock(ctx, t) : null,
      })
    );
  }
  closeBody(body);

  const appendixBlocks = appendixTables(ctx)
    .flatMap((a) => {
      if (a.table.kind !== "perUnit") return [tableBlock(ctx, a.table, a)];
      const parts = tableParts(ctx, a.table, a.title, a.columns);
      // A table that fits the page is drawn as the template sets it out.
      if (parts.length === 1 && !ctx.view.consolidation?.generatedTables.has(a.table.id)) {
        return [tableBlock(ctx, a.table, a)];
      }
      return parts.map((p) => tableBlock(ctx, a.table, { ...p, landscape: true }));
    })
    .filter((t): t is TableBlock => t !== null);
  const appendix =
    appendixBlocks.length > 0
      ? {
          title: template.appendix?.title ?? "BIỂU TỔNG HỢP",
          subtitle: appendixSubtitle(template, data),
          tables: appendixBlocks,
        }
      : null;

  const h = data.header;
  const summary = h.title?.trim() || expandTitle(template, h.period);
  const doc: ReportDocument = {
    settings,
    properties: {
      title: `${DOC_TYPE_NAMES[template.docType]} ${summary}`,
      subject: template.title,
    },
    header: header(template, data),
    docTypeTitle: DOC_TYPE_TITLES[template.docType],
    summary,
    body,
    signature: {
      authority: (h.signerAuthority ?? template.header.signerAuthority ?? "").toLocaleUpperCase(
        "vi"
      ),
      title: (h.signerTitle ?? template.header.signerTitle ?? "").toLocaleUpperCase("vi"),
      name: h.signerName ?? "",
    },
    recipients: h.recipients ?? template.header.recipients ?? [],
    footnotes: settings.footnotes ? ctx.footnotes : [],
    appendix,
    sources: null,
  };
  if (settings.sources === "appendix") {
    const entries: SourceEntry[] = [];
    for (const r of allRuns(doc)) {
      if (r.kind === "figure") {
        entries.push({ figure: r.text, what: r.what, location: r.location });
      }
    }
    doc.sources = { title: "NGUỒN SỐ LIỆU", entries };
  }
  return doc;
}
