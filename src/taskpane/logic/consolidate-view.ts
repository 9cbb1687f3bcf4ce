// What the "Tổng hợp" tab shows, apart from React: the form turned into the core's options (or
// what to fix), the progress line, and the result in numbers.
import type { ConsolidationResult } from "../../core/consolidate";
import type { SourceRecord } from "../../core/data/types";
import type { Template } from "../../core/model/load";
import {
  isPeriodError,
  isValidIsoDate,
  parsePeriod,
  periodKindsOf,
  type PeriodKind,
} from "../../core/period";
import type { Approval } from "../../core/consolidate/round";
import type { ConsolidateChoices, ConsolidateProgress } from "../session/consolidate";
import { parseUnitsText, type UnitsError } from "./units";
import { unitKey } from "../../core/rollup/unit-key";

export interface ConsolidateForm {
  /** Template id; "" lets the files decide (the one most files use). */
  template: string;
  /** Period as typed ("2023-H1"); "" lets the files decide. */
  period: string;
  insist: boolean;
  /** Units that must report, one per line; "" uses the template's default units. */
  unitsText: string;
  /** Đơn vị tổng hợp (cơ quan ban hành of the consolidated report); may stay empty. */
  issuer: string;
  /** Hạn nộp, YYYY-MM-DD as the date field gives it; "" uses the template's rule, if any. */
  deadline: string;
}

export const EMPTY_FORM: ConsolidateForm = {
  template: "",
  period: "",
  insist: false,
  unitsText: "",
  issuer: "",
  deadline: "",
};

export type FormProblem =
  | { kind: "noFiles" }
  | { kind: "period"; text: string }
  | { kind: "periodKind"; text: string; template: string; allowed: readonly PeriodKind[] }
  | { kind: "units"; errors: UnitsError[] }
  | { kind: "deadline"; text: string };

export type ResolvedForm =
  { ok: true; choices: ConsolidateChoices } | { ok: false; problems: FormProblem[] };

/** The expected units a template prefills the list with (its default units), as text. */
export function defaultUnitsText(template: Pick<Template, "units"> | undefined): string {
  return (template?.units?.defaults ?? []).map((u) => u.name).join("\n");
}

export function resolveForm(
  form: ConsolidateForm,
  fileCount: number,
  find: (id: string) => Template | undefined
): ResolvedForm {
  const problems: FormProblem[] = [];
  if (fileCount === 0) problems.push({ kind: "noFiles" });
  const template = form.template ? find(form.template) : undefined;
  const choices: ConsolidateChoices = { insist: form.insist };
  if (template) choices.template = template.id;

  const typed = form.period.trim();
  if (typed) {
    const p = parsePeriod(typed);
    if (isPeriodError(p)) problems.push({ kind: "period", text: typed });
    else if (template && !periodKindsOf(typed).some((k) => template.periodKinds.includes(k)))
      problems.push({
        kind: "periodKind",
        text: p.text,
        template: template.id,
        allowed: template.periodKinds,
      });
    // The canonical code ("2023-H1"): the files' periods are compared with it.
    else choices.period = p.text;
  }

  const units = parseUnitsText(form.unitsText);
  if (units.errors.length > 0) problems.push({ kind: "units", errors: units.errors });
  else if (units.names.length > 0) choices.expectedUnits = units.names;

  const issuer = form.issuer.replace(/\s+/g, " ").trim();
  if (issuer) choices.issuer = issuer;
  const deadline = form.deadline.trim();
  if (deadline && !isValidIsoDate(deadline)) problems.push({ kind: "deadline", text: deadline });
  else if (deadline) choices.deadline = deadline;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, choices };
}

export interface ProgressView {
  /** 0..1 for the ProgressBar. */
  value: number;
  /** Reading file `index` (1-based) of `total`, or writing once every file is read. */
  phase: "reading" | "writing";
  index: number;
  total: number;
  /** The file's name without its folder. */
  file: string;
}

export function progressView(p: ConsolidateProgress, writing: boolean): ProgressView {
  const total = Math.max(p.total, 1);
  if (writing || p.done >= p.total)
    return { value: 1, phase: "writing", index: p.total, total: p.total, file: "" };
  return {
    value: p.done / total,
    phase: "reading",
    index: p.done + 1,
    total: p.total,
    file: p.file.split(/[\\/]/).pop() ?? p.file,
  };
}

export interface ResultSummary {
  total: number;
  /** Files whose figures are in the consolidation (forced ones included). */
  used: number;
  forced: number;
  leftOut: number;
  /** Files replaced by a newer (or chosen) file of their unit, and identical copies. */
  superseded: number;
  /** Units that had to report, and how many of them did. */
  expected: number;
  receivedExpected: number;
  missing: readonly string[];
  /** Units that reported without being on the expected list. */
  extra: readonly string[];
}

export function resultSummary(r: ConsolidationResult): ResultSummary {
  const expected = new Set(r.expected.map(unitKey));
  return {
    total: r.sources.length,
    used: r.used.length,
    forced: r.sources.filter((s) => s.status === "forced").length,
    leftOut: r.leftOut.length,
    superseded: r.superseded.length,
    expected: r.expected.length,
    receivedExpected: r.expected.length - r.missing.length,
    missing: r.missing,
    extra: r.received.filter((u) => !expected.has(unitKey(u))),
  };
}

/**
 * Files in the order the list shows them: left out first (they need attention), then used despite
 * errors, then replaced files and copies (with the file used instead), then the files used; by name.
 */
export function sourcesInOrder(sources: readonly SourceRecord[]): SourceRecord[] {
  const RANK = { leftOut: 0, forced: 1, superseded: 2, duplicate: 2, used: 3 } as const;
  const rank = (s: SourceRecord) => RANK[s.status];
  return [...sources].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file, "vi"));
}

/**
 * "Dùng tệp này": the files to prefer once `file` is chosen for its unit. A unit has one
 * preferred file, so an earlier choice for the same unit is dropped.
 */
export function preferFile(
  prefer: readonly string[],
  sources: readonly SourceRecord[],
  file: string
): string[] {
  const unitOf = (f: string) => {
    const u = sources.find((s) => s.file === f)?.unit;
    return u ? unitKey(u) : null;
  };
  const unit = unitOf(file);
  return [...prefer.filter((f) => f !== file && (unit === null || unitOf(f) !== unit)), file];
}

/** "Duyệt": the approvals once `source` is approved at `at` (tied to its checksum when known). */
export function approveFile(
  approvals: readonly Approval[],
  source: SourceRecord,
  at: string
): Approval[] {
  const approval: Approval = source.checksum
    ? { file: source.file, at, checksum: source.checksum }
    : { file: source.file, at };
  return [...approvals.filter((a) => a.file !== source.file), approval];
}

/** "Trả lại" is offered for the file that counts for its unit and has errors to fix. */
export function canReturn(s: SourceRecord): boolean {
  return s.review === "needsFix" && s.status !== "superseded" && s.status !== "duplicate";
}

/** "Duyệt" is offered for a file used for its unit with nothing to fix, not yet approved. */
export function canApprove(s: SourceRecord): boolean {
  return s.review === "received" && (s.status === "used" || s.status === "forced");
}

/** The sheets to list after writing: the user's view of them, BáoCáo's hidden sheet left out. */
export function visibleSheets(sheets: readonly string[]): string[] {
  return sheets.filter((s) => !s.startsWith("_"));
}
