// "Trả lại": the note the level above sends a unit whose file needs fixing, in the official
// format of trade-union documents (DOMAIN.md: a THÔNG BÁO with the two-column header, trích yếu,
// "Kính gửi", body ending "./.", signature and "Nơi nhận") and the same words as plain text to
// paste into an e-mail or a chat. It lists every error and warning with its sheet, cell and
// message, errors first, in the order validation found them (sheet by sheet, top to bottom).
import type { Template } from "../model/load";
import type { ReportDocument, TableBlock, TableCell, Run } from "../document/model";
import { DEFAULT_SETTINGS } from "../document/settings";
import {
  formatDocumentDate,
  formatShortDate,
  isPeriodError,
  parsePeriod,
  periodLabel,
} from "../period";
import { isValidIsoDate } from "../period/isoDate";
import type { SourceRecord } from "../data/types";
import type { SourceIssue } from "./screen";

export interface ReturnNoteOptions {
  /** The body sending it back (the consolidating level): "LĐLĐ tỉnh Lai Châu". */
  issuer?: string;
  /** The day the note is dated, YYYY-MM-DD (the caller's today). */
  date: string;
  /** Send the corrected file back by this day (YYYY-MM-DD), when there is one. */
  resendBy?: string;
}

export interface ReturnNote {
  unit: string;
  file: string;
  /** The .docx's content, for the Word adapter. */
  document: ReportDocument;
  /** The same words as plain text. */
  text: string;
  errors: number;
  warnings: number;
}

const BLANK = "……";
const SEVERITY = { error: "Lỗi", warning: "Lưu ý" } as const;

const cell = (text: string, align?: TableCell["align"], bold?: boolean): TableCell => ({
  runs: [{ kind: "text", text }],
  ...(align ? { align } : {}),
  ...(bold ? { bold } : {}),
});
const plain = (text: string, opts: { bold?: boolean; italic?: boolean } = {}): Run => ({
  kind: "text",
  text,
  ...opts,
});

/** Errors first, then warnings; within each, the order the checks found them. */
export function orderedIssues(issues: readonly SourceIssue[]): SourceIssue[] {
  return [
    ...issues.filter((i) => i.severity === "error"),
    ...issues.filter((i) => i.severity === "warning"),
  ];
}

function periodWords(period: string | null): string {
  if (!period) return "";
  const p = parsePeriod(period);
  return isPeriodError(p) ? ` kỳ ${period}` : ` ${periodLabel(p, { lang: "vi" })}`;
}

/** The note for one unit's file; null when the file has no unit or nothing to fix. */
export function returnNote(
  t: Template,
  source: SourceRecord,
  issues: readonly SourceIssue[],
  opts: ReturnNoteOptions
): ReturnNote | null {
  const unit = source.unit;
  const list = orderedIssues(issues);
  if (!unit || list.length === 0) return null;
  const errors = list.filter((i) => i.severity === "error").length;
  const warnings = list.length - errors;
  const known = opts.issuer?.trim() || t.header.issuingBody || "";
  const issuer = known || BLANK;
  const place = t.header.place || BLANK;
  // "Báo cáo hoạt động công đoàn (quý, 6 tháng…)" → "báo cáo hoạt động công đoàn quý I/2024".
  const kind = t.title.replace(/\s*\([^)]*\)\s*$/, "");
  const report = `${kind.charAt(0).toLocaleLowerCase("vi")}${kind.slice(1)}${periodWords(source.period)}`;
  const summary = `Về việc chỉnh sửa ${report} của ${unit}`;
  const what = [
    errors > 0 ? `${errors} lỗi` : "",
    warnings > 0 ? `${warnings} nội dung cần xem lại (lưu ý)` : "",
  ]
    .filter(Boolean)
    .join(" và ");
  const by =
    opts.resendBy && isValidIsoDate(opts.resendBy)
      ? ` trước ngày ${formatShortDate(opts.resendBy)}`
      : "";
  const intro =
    `Qua kiểm tra ${report} do ${unit} gửi (tệp “${source.file}”), ${known ? `${known} ` : ""}đề nghị ` +
    `${unit} chỉnh sửa ${what} dưới đây, rồi gửi lại báo cáo${by}.`;
  const how =
    "Mỗi dòng ghi trang tính, ô và nội dung cần sửa. Sau khi sửa, đề nghị đơn vị kiểm tra lại " +
    "sổ tính bằng chức năng Kiểm tra của BáoCáo để chắc chắn không còn lỗi, " +
    "rồi gửi lại tệp đã sửa./.";
  const rows = list.map((i, n) => [
    cell(String(n + 1), "center"),
    cell(i.sheet ?? "(cả tệp)"),
    cell(i.cell ?? "", "center"),
    cell(i.message),
    cell(SEVERITY[i.severity], "center"),
  ]);
  const table: TableBlock = {
    kind: "table",
    id: "tra-lai",
    title: "NỘI DUNG CẦN CHỈNH SỬA",
    header: [
      ["STT", "Trang tính", "Ô", "Nội dung cần sửa", "Mức"].map((h) => cell(h, "center", true)),
    ],
    body: rows,
    widths: [8, 19, 9, 54, 10],
  };
  const date = isValidIsoDate(opts.date)
    ? formatDocumentDate(place, opts.date)
    : `${place}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const symbol = t.header.symbol ?? "";
  const document: ReportDocument = {
    settings: DEFAULT_SETTINGS,
    properties: { title: `Đề nghị chỉnh sửa báo cáo — ${unit}`, subject: summary },
    header: {
      parentBody: (t.header.parentBody ?? "").toLocaleUpperCase("vi"),
      issuingBody: issuer.toLocaleUpperCase("vi"),
      numberLine: `Số:      /TB${symbol ? `-${symbol}` : ""}`,
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeDate: date,
    },
    docTypeTitle: "THÔNG BÁO",
    summary,
    body: [
      {
        kind: "paragraph",
        style: "plain",
        align: "center",
        runs: [plain("Kính gửi: ", { bold: true }), plain(`${unit}.`)],
      },
      { kind: "paragraph", style: "body", runs: [plain(intro)] },
      table,
      { kind: "paragraph", style: "body", runs: [plain(how)] },
    ],
    signature: {
      authority: t.header.signerAuthority ?? "",
      title: t.header.signerTitle ?? "",
      name: "",
    },
    recipients: ["Như trên;", "Lưu: VT."],
    footnotes: [],
    appendix: null,
    sources: null,
  };
  // The text to paste leaves out what the Word note keeps as blanks to fill in by hand.
  const textDate = isValidIsoDate(opts.date)
    ? formatDocumentDate(t.header.place ?? "", opts.date)
    : "";
  const text = [
    ...(known ? [known] : []),
    ...(textDate ? [textDate.charAt(0).toLocaleUpperCase("vi") + textDate.slice(1)] : []),
    "",
    `THÔNG BÁO`,
    summary,
    "",
    `Kính gửi: ${unit}.`,
    "",
    intro,
    "",
    ...list.map(
      (i, n) =>
        `${n + 1}. [${SEVERITY[i.severity]}] ${i.sheet ? `Trang “${i.sheet}”` : "Cả tệp"}${i.cell ? `, ô ${i.cell}` : ""}: ${i.message}`
    ),
    "",
    how,
  ].join("\n");
  return { unit, file: source.file, document, text, errors, warnings };
}

/** A file name for a unit's note: "tra-lai-ldld-tinh-lai-chau". */
export function returnNoteName(unit: string): string {
  const slug = unit
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `tra-lai-${slug || "don-vi"}`;
}
