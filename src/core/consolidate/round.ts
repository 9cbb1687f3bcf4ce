// The reporting round around a consolidation (issue 11): which of a unit's several files counts
// (the newest report, unless the user prefers another), each file's review state, and each
// expected unit against the deadline. Pure: the dates come from the files' read data (header
// date) and metadata (workbook saved time, file time) that the driver passes in.
import type { Template } from "../model/load";
import { parsePeriod, isPeriodError } from "../period";
import { fromDayNumber, parseIsoDate, toDayNumber, toIsoDate } from "../period/isoDate";
import type { ReviewState, Timeliness } from "../data/types";
import type { ScreenedSource } from "./screen";

/** A file approved by the user ("Duyệt"), with when; checksum ties it to the bytes approved. */
export interface Approval {
  file: string;
  at: string;
  checksum?: string;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** A file the user named (full name as given, or just its base name) is this source's. */
export function namesFile(name: string, file: string): boolean {
  const n = name.trim();
  return n !== "" && (n === file || baseName(n) === baseName(file));
}

/**
 * Vietnam's civil date of an ISO instant: saved and file times are instants, a deadline is a day
 * in Vietnam (UTC+7, no daylight saving), so 23:30 UTC on the 9th is already the 10th there.
 */
export function vietnamDate(instant: string): string | null {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return null;
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Newest first: header date, then the workbook's saved time, then the file's time (absent = oldest). */
export function newerFirst(a: ScreenedSource, b: ScreenedSource): number {
  const keys: ((s: ScreenedSource) => number)[] = [
    (s) => (s.reportDate ? Date.parse(s.reportDate) : NaN),
    (s) => (s.savedAt ? Date.parse(s.savedAt) : NaN),
    (s) => (s.fileTime ? Date.parse(s.fileTime) : NaN),
  ];
  for (const key of keys) {
    const x = key(a);
    const y = key(b);
    const xs = Number.isFinite(x) ? x : -Infinity;
    const ys = Number.isFinite(y) ? y : -Infinity;
    if (xs !== ys) return ys - xs > 0 ? 1 : -1;
  }
  return 0;
}

/** What made `kept` newer than `other`, in words, for the sources sheet. */
export function newerBecause(kept: ScreenedSource, other: ScreenedSource): string {
  if (kept.reportDate && other.reportDate && kept.reportDate !== other.reportDate)
    return `ngày báo cáo ${kept.reportDate}, sau ${other.reportDate}`;
  if (kept.reportDate && !other.reportDate) return `có ngày báo cáo ${kept.reportDate}`;
  if (kept.savedAt && other.savedAt && kept.savedAt !== other.savedAt)
    return `lưu lúc ${kept.savedAt}, sau ${other.savedAt}`;
  if (kept.savedAt && !other.savedAt) return `có thời điểm lưu ${kept.savedAt}`;
  if (kept.fileTime && other.fileTime && kept.fileTime !== other.fileTime)
    return `tệp sửa lúc ${kept.fileTime}, sau ${other.fileTime}`;
  return "không phân biệt được ngày, nên chọn theo tên tệp";
}

/** The review state of a readable file: errors → cần sửa; approved by the user → đã duyệt. */
export function reviewState(
  s: ScreenedSource,
  approvals: readonly Approval[]
): { review: ReviewState; approvedAt?: string; refused?: string } {
  const approval = approvals.find(
    (a) => namesFile(a.file, s.file) && (!a.checksum || a.checksum === s.checksum)
  );
  if (s.errors > 0)
    return approval
      ? {
          review: "needsFix",
          refused: `Chưa duyệt được tệp "${s.file}": tệp còn ${s.errors} lỗi. Trả lại cho đơn vị sửa, hoặc sửa rồi duyệt lại.`,
        }
      : { review: "needsFix" };
  return approval ? { review: "approved", approvedAt: approval.at } : { review: "received" };
}

/** The deadline a template sets for a period (dueDays after its last day), or null. */
export function defaultDeadline(t: Template, period: string | null): string | null {
  const days = t.units?.dueDays;
  if (days === undefined || !period) return null;
  const p = parsePeriod(period);
  if (isPeriodError(p)) return null;
  const end = parseIsoDate(p.end);
  if (!end) return null;
  const d = fromDayNumber(toDayNumber(end) + days);
  return toIsoDate(d.year, d.month, d.day);
}

/** The date a unit's file is judged by: its report date, else the day it was saved, else the file's. */
export function judgedDate(s: ScreenedSource): string | null {
  return (
    s.reportDate ??
    (s.savedAt ? vietnamDate(s.savedAt) : null) ??
    (s.fileTime ? vietnamDate(s.fileTime) : null)
  );
}

/** Each unit (in the order given) against the deadline, from the file used for it, if any. */
export function timelinessOf(
  units: readonly string[],
  fileOf: (unit: string) => ScreenedSource | undefined,
  deadline: string
): Timeliness[] {
  const due = parseIsoDate(deadline);
  return units.map((unit) => {
    const s = fileOf(unit);
    if (!s) return { unit, state: "missing", reportDate: null };
    const date = judgedDate(s);
    const at = date ? parseIsoDate(date) : null;
    if (!date || !at || !due) return { unit, state: "undated", reportDate: date };
    const late = toDayNumber(at) - toDayNumber(due);
    return late > 0
      ? { unit, state: "late", reportDate: date, daysLate: late }
      : { unit, state: "onTime", reportDate: date };
  });
}

export const TIMELINESS_LABELS = {
  onTime: "Đúng hạn",
  late: "Muộn",
  missing: "Chưa nộp",
  undated: "Không rõ ngày",
} as const;

/** "đúng hạn" / "muộn 3 ngày" / "chưa nộp" / "không rõ ngày": one unit's state in words. */
export function timelinessLabel(t: Timeliness): string {
  return t.state === "late" ? `Muộn ${t.daysLate ?? 0} ngày` : TIMELINESS_LABELS[t.state];
}

/** "5/9 đơn vị báo cáo đúng hạn (hạn nộp 10/4/2024); muộn: …; chưa nộp: …". */
export function timelinessSummary(
  rows: readonly Timeliness[],
  deadline: string,
  opts: { missing?: boolean } = {}
): string {
  const on = rows.filter((r) => r.state === "onTime").length;
  const late = rows.filter((r) => r.state === "late");
  const missing = rows.filter((r) => r.state === "missing");
  const undated = rows.filter((r) => r.state === "undated");
  const d = parseIsoDate(deadline);
  const due = d ? `${d.day}/${d.month}/${d.year}` : deadline;
  const parts = [`${on}/${rows.length} đơn vị báo cáo đúng hạn (hạn nộp ${due}).`];
  if (late.length > 0)
    parts.push(
      `Muộn (${late.length}): ${late.map((r) => `${r.unit} (${r.daysLate} ngày)`).join("; ")}.`
    );
  // Beside the completeness line, which names them already, the missing units are not repeated.
  if (missing.length > 0 && opts.missing !== false)
    parts.push(`Chưa nộp (${missing.length}): ${missing.map((r) => r.unit).join("; ")}.`);
  if (undated.length > 0)
    parts.push(
      `Không rõ ngày (${undated.length}): ${undated.map((r) => r.unit).join("; ")} — sổ không ghi ngày báo cáo.`
    );
  return parts.join(" ");
}
