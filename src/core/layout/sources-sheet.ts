// The sources sheet of a consolidated workbook ("Nguồn tổng hợp"): every unit file read, whether
// it was used and why not, and who has not reported. It holds no inputs (protected like every
// sheet) and is read back into data.consolidation through the code rows under the headers, so
// the reader does not depend on labels or on where the user scrolled.
import type {
  ConsolidationInfo,
  ReviewState,
  SourceRecord,
  SourceStatus,
  TimelinessState,
} from "../data/types";
import { timelinessSummary } from "../consolidate/round";
import type { PlanContext } from "./context";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { NUMBER_FORMATS } from "./styles";

/** Column codes of the sources table, in sheet order from column 2. */
export const SOURCE_COLUMNS = [
  "file",
  "unit",
  "status",
  "reasons",
  "errors",
  "warnings",
  "template",
  "templateVersion",
  "period",
  "readAt",
  "checksum",
  "reportDate",
  "savedAt",
  "fileTime",
  "supersededBy",
  "review",
  "approvedAt",
] as const satisfies readonly (keyof SourceRecord)[];

/** The columns every sources sheet has had since issue 5; the reader finds the table by them. */
export const SOURCE_BASE_COLUMNS = 11;

const SOURCE_HEADERS: Record<(typeof SOURCE_COLUMNS)[number], string> = {
  file: "Tệp",
  unit: "Đơn vị (cơ quan ban hành)",
  status: "Trạng thái",
  reasons: "Lý do bị loại / lưu ý",
  errors: "Số lỗi",
  warnings: "Số lưu ý",
  template: "Mẫu",
  templateVersion: "Phiên bản mẫu",
  period: "Kỳ báo cáo",
  readAt: "Thời điểm đọc",
  checksum: "Mã kiểm tra SHA-256",
  reportDate: "Ngày báo cáo",
  savedAt: "Thời điểm lưu sổ",
  fileTime: "Thời điểm tệp",
  supersededBy: "Thay bằng",
  review: "Duyệt",
  approvedAt: "Thời điểm duyệt",
};
const SOURCE_WIDTHS = [6, 30, 30, 16, 60, 8, 8, 18, 10, 10, 24, 66, 12, 24, 24, 30, 12, 24];

export const STATUS_LABELS: Record<SourceStatus, string> = {
  used: "Đã dùng",
  leftOut: "Bị loại",
  forced: "Dùng dù có lỗi",
  superseded: "Đã thay bằng tệp khác",
  duplicate: "Bản trùng",
};

export const REVIEW_LABELS: Record<ReviewState, string> = {
  received: "Đã nhận",
  needsFix: "Cần sửa",
  approved: "Đã duyệt",
};

/** Codes of the completeness table, in sheet order from column 2. */
export const COMPLETENESS_COLUMNS = ["unit", "expected", "received"] as const;
/** With a deadline, after those: the date judged by, the state, and the days late. */
export const TIMELINESS_COLUMNS = ["reportDate", "timeliness", "daysLate"] as const;
export const TIMELINESS_STATE_LABELS: Record<TimelinessState, string> = {
  onTime: "Đúng hạn",
  late: "Muộn",
  missing: "Chưa nộp",
  undated: "Không rõ ngày",
};
export const DEADLINE_LABEL = "Hạn nộp";
export const YES = "Có";
export const NOT_RECEIVED = "Chưa nộp";
export const CONSOLIDATED_AT_LABEL = "Thời điểm tổng hợp";

/** Units in the completeness table: the expected ones in their order, then the others received. */
export function completenessRows(
  c: ConsolidationInfo
): { unit: string; expected: boolean; received: boolean }[] {
  const key = (s: string) => s.trim().toLowerCase();
  const received = new Set(c.receivedUnits.map(key));
  const expected = new Set(c.expectedUnits.map(key));
  return [
    ...c.expectedUnits.map((unit) => ({ unit, expected: true, received: received.has(key(unit)) })),
    ...c.receivedUnits
      .filter((u) => !expected.has(key(u)))
      .map((unit) => ({ unit, expected: false, received: true })),
  ];
}

export function completenessSummary(c: ConsolidationInfo): string {
  if (c.expectedUnits.length === 0) {
    return `Đã nhận số liệu của ${c.receivedUnits.length} đơn vị; không có danh sách đơn vị phải nộp nên không xác định được đơn vị chưa nộp.`;
  }
  const done = c.expectedUnits.length - c.missingUnits.length;
  const missing =
    c.missingUnits.length > 0
      ? ` Chưa nộp (${c.missingUnits.length}): ${c.missingUnits.join("; ")}.`
      : " Tất cả đơn vị phải nộp đã nộp.";
  const timely =
    c.deadline && c.timeliness
      ? ` ${timelinessSummary(c.timeliness, c.deadline, { missing: false })}`
      : "";
  return `Phải nộp ${c.expectedUnits.length} đơn vị, đã nộp ${done}/${c.expectedUnits.length}.${missing}${timely}`;
}

export function buildSourcesSheet(ctx: PlanContext): SheetBuilder {
  const c = ctx.data.consolidation!;
  const b = new SheetBuilder(
    "sources",
    ctx.sheetName("sources"),
    "sources",
    SOURCE_WIDTHS,
    ctx.names
  );
  const last = SOURCE_WIDTHS.length;
  const totalWidth = SOURCE_WIDTHS.reduce((a, w) => a + w, 0);
  const used = c.sources.filter((s) => s.status !== "leftOut").length;
  b.set(1, 1, { value: "NGUỒN SỐ LIỆU TỔNG HỢP", style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: last });
  // Files of an older version of the template were carried into this one (consolidate.ts notes
  // each); one of the same major.minor is of the same layout (a patch only rewords).
  const line = (v: string) => v.split(".").slice(0, 2).join(".");
  const older = c.sources.filter(
    (s) =>
      s.status !== "leftOut" &&
      s.templateVersion !== null &&
      line(s.templateVersion) !== line(ctx.data.templateVersion)
  );
  const versions = [...new Set(older.map((s) => s.templateVersion))].join(", ");
  const note =
    `Đã đọc ${c.sources.length} tệp, dùng ${used} tệp, loại ${c.sources.length - used} tệp. ` +
    (older.length > 0
      ? `${older.length} tệp lập từ phiên bản cũ của mẫu (${versions}) được chuyển sang phiên bản ${ctx.data.templateVersion}; xem cột lưu ý của từng tệp. `
      : "") +
    "Số liệu của từng đơn vị nằm ở các trang “ĐV …” và các bảng theo đơn vị; dòng tổng của các trang đó là số liệu chung. " +
    "Trang này do BáoCáo ghi khi tổng hợp; không sửa.";
  b.set(2, 1, { value: note, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right: last });
  b.height(2, estimateHeight(note, totalWidth, 1));
  b.set(3, 1, { value: `${CONSOLIDATED_AT_LABEL}:`, style: "label" });
  b.merge({ top: 3, left: 1, bottom: 3, right: 2 });
  b.set(3, 3, { value: c.consolidatedAt, style: "label", numFmt: NUMBER_FORMATS.text });
  if (c.deadline) {
    b.set(4, 1, { value: `${DEADLINE_LABEL}:`, style: "label" });
    b.merge({ top: 4, left: 1, bottom: 4, right: 2 });
    b.set(4, 3, { value: c.deadline, style: "label", numFmt: NUMBER_FORMATS.text });
  }

  const head = 5;
  b.set(head, 1, { value: "STT", style: "header" });
  SOURCE_COLUMNS.forEach((code, i) => {
    b.set(head, 2 + i, { value: SOURCE_HEADERS[code], style: "header" });
    b.set(head + 1, 2 + i, { value: code, style: "code" });
  });
  b.set(head + 1, 1, { style: "code" });
  let row = head + 2;
  c.sources.forEach((s, i) => {
    b.set(row, 1, { value: i + 1, style: "rowNumber" });
    SOURCE_COLUMNS.forEach((code, j) => {
      const v = s[code];
      const value =
        code === "status"
          ? STATUS_LABELS[s.status]
          : code === "review"
            ? s.review
              ? REVIEW_LABELS[s.review]
              : null
            : code === "reasons"
              ? s.reasons.join("\n")
              : ((v ?? null) as string | number | null);
      const numeric = code === "errors" || code === "warnings";
      b.set(row, 2 + j, {
        value,
        style: "label",
        numFmt: numeric ? NUMBER_FORMATS.integer : NUMBER_FORMATS.text,
      });
    });
    if (s.reasons.length > 0) b.height(row, estimateHeight(s.reasons.join("\n"), 60, 1));
    row++;
  });

  row += 1;
  b.set(row, 1, { value: "TÌNH HÌNH NỘP BÁO CÁO", style: "subtitle" });
  b.merge({ top: row, left: 1, bottom: row, right: last });
  row++;
  const summary = completenessSummary(c);
  b.set(row, 1, { value: summary, style: "instructions" });
  b.merge({ top: row, left: 1, bottom: row, right: last });
  b.height(row, estimateHeight(summary, totalWidth, 1));
  row += 2;
  const timed = c.deadline && c.timeliness ? c.timeliness : null;
  const codes = timed ? [...COMPLETENESS_COLUMNS, ...TIMELINESS_COLUMNS] : COMPLETENESS_COLUMNS;
  const labels = ["Đơn vị", "Phải nộp", "Đã nộp", "Ngày báo cáo", "Đúng hạn", "Số ngày muộn"];
  b.set(row, 1, { value: "STT", style: "header" });
  codes.forEach((code, i) => {
    b.set(row, 2 + i, { value: labels[i], style: "header" });
    b.set(row + 1, 2 + i, { value: code, style: "code" });
  });
  b.set(row + 1, 1, { style: "code" });
  row += 2;
  const timeOf = new Map((timed ?? []).map((x) => [x.unit.trim().toLowerCase(), x]));
  completenessRows(c).forEach((u, i) => {
    b.set(row, 1, { value: i + 1, style: "rowNumber" });
    b.set(row, 2, { value: u.unit, style: "label", numFmt: NUMBER_FORMATS.text });
    b.set(row, 3, { value: u.expected ? YES : null, style: "label" });
    b.set(row, 4, { value: u.received ? YES : NOT_RECEIVED, style: "label" });
    const x = timeOf.get(u.unit.trim().toLowerCase());
    if (x) {
      b.set(row, 5, { value: x.reportDate, style: "label", numFmt: NUMBER_FORMATS.text });
      b.set(row, 6, { value: TIMELINESS_STATE_LABELS[x.state], style: "label" });
      b.set(row, 7, {
        value: x.daysLate ?? null,
        style: "label",
        numFmt: NUMBER_FORMATS.integer,
      });
    }
    row++;
  });
  b.sheet.freeze = { rows: head + 1, columns: 0 };
  b.sheet.print = { landscape: true, titleRows: { first: head, last: head } };
  return b;
}
