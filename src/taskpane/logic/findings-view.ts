// What the "Kiểm tra" tab shows of a check: the ready / not-ready status, the counts, the findings
// grouped by sheet (findings about the whole workbook first, under "Chung") and the problems that
// stop a check. Pure functions of the outcome and the message catalog.
import type { Finding } from "../../core/findings";
import type { Messages } from "../i18n";
import type { WorkbookProblem } from "../session/types";

/** A finding with its place in the check's list (a stable key and what "selected" refers to). */
export interface FindingRef {
  index: number;
  finding: Finding;
}

export interface FindingGroup {
  /** The sheet's name, or GENERAL_KEY for findings about the workbook as a whole. */
  key: string;
  sheet: string | null;
  /** Counts of the whole group, whatever the filter. */
  errors: number;
  warnings: number;
  /** The findings to list (errors only when the filter is on), in workbook order. */
  items: FindingRef[];
}

/** Not a possible sheet name (Excel forbids ":" and "[" in them). */
export const GENERAL_KEY = "[:chung]";

/** Findings listed per group before "Hiện thêm", and added by each click on it. */
export const PAGE_SIZE = 100;

/** Groups opened at once after a check: all of them when the list is short, else the first. */
export const OPEN_ALL_UP_TO = 60;

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === "error") errors++;
  return { errors, warnings: findings.length - errors };
}

/**
 * Findings by sheet: the general group first, then sheets in the order their first finding comes
 * (the check's order is the workbook's). With errorsOnly, groups with nothing to list are left out.
 */
export function groupFindings(
  findings: readonly Finding[],
  options: { errorsOnly?: boolean } = {}
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const general: FindingGroup = {
    key: GENERAL_KEY,
    sheet: null,
    errors: 0,
    warnings: 0,
    items: [],
  };
  findings.forEach((finding, index) => {
    let g = general;
    if (finding.sheet !== null) {
      g = groups.get(finding.sheet) ?? {
        key: finding.sheet,
        sheet: finding.sheet,
        errors: 0,
        warnings: 0,
        items: [],
      };
      groups.set(finding.sheet, g);
    }
    if (finding.severity === "error") g.errors++;
    else g.warnings++;
    if (!options.errorsOnly || finding.severity === "error") g.items.push({ index, finding });
  });
  return [general, ...groups.values()].filter((g) => g.items.length > 0);
}

/** The groups open after a check. */
export function initiallyOpen(groups: readonly FindingGroup[]): string[] {
  const listed = groups.reduce((n, g) => n + g.items.length, 0);
  if (listed <= OPEN_ALL_UP_TO) return groups.map((g) => g.key);
  const first = groups.find((g) => g.errors > 0) ?? groups[0];
  return first ? [first.key] : [];
}

/** "2 lỗi · 1 lưu ý"; a zero count is left out (nothing at all gives the errors' "0 lỗi"). */
export function countsText(errors: number, warnings: number, m: Messages): string {
  const parts: string[] = [];
  if (errors > 0 || warnings === 0) parts.push(m.checks.counts.errors(errors));
  if (warnings > 0) parts.push(m.checks.counts.warnings(warnings));
  return parts.join(" · ");
}

export interface StatusText {
  ready: boolean;
  /** "Sẵn sàng gửi: không có lỗi" or "Chưa sẵn sàng: N lỗi phải sửa" (as `baocao validate` says). */
  title: string;
  /** The warnings: how many, and that they do not block sending. */
  detail: string;
}

export function statusText(
  r: { ready: boolean; errors: number; warnings: number },
  m: Messages
): StatusText {
  return {
    ready: r.ready,
    title: r.ready ? m.checks.status.ready : m.checks.status.notReady(r.errors),
    detail: r.warnings > 0 ? m.checks.status.warnings(r.warnings) : m.checks.status.noWarnings,
  };
}

/** Why a check could not run, in the pane's language; `titleOf` names a known template. */
export function problemText(
  p: WorkbookProblem,
  m: Messages,
  titleOf: (templateId: string) => string = (id) => id
): string {
  const t = m.checks.problems;
  switch (p.kind) {
    case "noWorkbook":
      return t.noWorkbook;
    case "notBaoCao":
      return p.file ? t.previousNotBaoCao(p.file) : t.notBaoCao;
    case "unknownTemplate":
      return p.file
        ? t.previousUnknownTemplate(p.file, p.templateId)
        : t.unknownTemplate(p.templateId);
    case "editedDefinition":
      return p.file
        ? t.previousEditedDefinition(p.file, p.templateId)
        : t.editedDefinition(p.templateId, p.cell);
    case "incompatible": {
      const name = titleOf(p.templateId);
      return p.file
        ? t.previousIncompatible(p.file, name, p.version, p.supported)
        : t.incompatible(name, p.version, p.supported);
    }
    case "otherTemplate":
      return t.otherTemplate(p.file, titleOf(p.templateId), titleOf(p.expected));
  }
}

/** Problems that are about the previous period's file rather than the workbook. */
export function isPreviousProblem(p: WorkbookProblem): boolean {
  return p.kind === "otherTemplate" || ("file" in p && p.file !== undefined);
}

/** The note under the status on the marks drawn: where, and how many were left out (the cap). */
export function marksText(
  r: MarkedCounts,
  hosted: boolean,
  maxMarks: number,
  m: Messages
): string[] {
  const lines: string[] = [];
  if (r.marked > 0)
    lines.push(hosted ? m.checks.marks.hosted(r.marked) : m.checks.marks.preview(r.marked));
  if (r.notMarked > 0) lines.push(m.checks.marks.capped(r.notMarked, maxMarks));
  if (hosted && r.notes === "comments") lines.push(m.checks.marks.notesComments);
  if (hosted && r.notes === "sheet" && r.notesSheet)
    lines.push(m.checks.marks.notesSheet(r.notesSheet));
  return lines;
}

export interface MarkedCounts {
  marked: number;
  notMarked: number;
  notes?: "comments" | "sheet" | null;
  notesSheet?: string | null;
}

/**
 * The reminder to clear the marks before sending: colours and notes left in a sent workbook
 * puzzle the level above. Only in Excel (the viewer's marks are not in the file); null otherwise.
 */
export function clearReminder(
  r: MarkedCounts,
  hosted: boolean,
  m: Messages
): { title: string; body: string } | null {
  if (!hosted || r.marked === 0) return null;
  const body =
    r.notes === "sheet" && r.notesSheet
      ? m.checks.marks.reminderSheet(r.notesSheet)
      : m.checks.marks.reminderComments;
  return { title: m.checks.marks.reminderTitle, body };
}
