// Use case "Kiểm tra" / `baocao validate`: identify the workbook's template, then the core's
// validation, against the previous period's workbook when one is given. Typed results only: each
// front end words the problems and maps the report to an exit code or to its view.
import { readWorkbook } from "../core/data/read";
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookMeta } from "../core/data/read";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import type { Template } from "../core/model/load";
import { templatePeriod } from "../core/model/title";
import { periodLabel, type Period } from "../core/period";
import { validateWorkbook, type ValidationReport } from "../core/validate";
import { identifyWorkbook, type FindTemplate, type IdentifyNotice } from "./identify";

/** The previous period's workbook as the outlier check takes it. */
export interface PreviousPeriodFile {
  fileName: string;
  templateId: string;
  /** The period written on its cover, when it is one the template accepts. */
  period: Period | null;
  data: ReportData;
}

export type PreviousPeriodResult =
  | { ok: true; previous: PreviousPeriodFile; notice: IdentifyNotice | null }
  | { ok: false; problem: WorkbookTemplateProblem };

/** Reads the previous period's workbook (identified like any other) for the outlier check. */
export function readPreviousPeriod(
  snapshot: WorkbookSnapshot,
  fileName: string,
  find: FindTemplate
): PreviousPeriodResult {
  const found = identifyWorkbook(snapshot, find);
  if (!found.ok) return found;
  const data = readWorkbook(found.template, snapshot).data;
  return {
    ok: true,
    notice: found.notice,
    previous: {
      fileName,
      templateId: found.template.id,
      period: templatePeriod(found.template, data.header.period),
      data,
    },
  };
}

/**
 * How findings name the previous period. Part of the core's Vietnamese finding messages, so the
 * same whichever front end checks.
 */
export function previousLabel(previous: PreviousPeriodFile): string {
  return previous.period
    ? `kỳ trước (${periodLabel(previous.period)})`
    : `kỳ trước (tệp ${previous.fileName})`;
}

/** The previous period's workbook, already read (the pane) or still a snapshot (the CLI). */
export type PreviousInput = PreviousPeriodFile | { snapshot: WorkbookSnapshot; fileName: string };

export interface CheckOptions {
  previous?: PreviousInput;
}

/** The previous period's file uses another template than the workbook being checked. */
export interface OtherTemplateProblem {
  kind: "otherTemplate";
  fileName: string;
  templateId: string;
  expected: string;
}

export type CheckResult =
  | {
      ok: true;
      template: Template;
      meta: WorkbookMeta;
      report: ValidationReport;
      /** Notices of identifying the workbook and (when read here) the previous period's. */
      notices: { of: "workbook" | "previous"; notice: IdentifyNotice }[];
    }
  | { ok: false; of: "workbook" | "previous"; problem: WorkbookTemplateProblem }
  | { ok: false; of: "previous"; problem: OtherTemplateProblem };

/** Identifies the workbook's template and validates it (against the previous period when given). */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  find: FindTemplate,
  options: CheckOptions = {}
): CheckResult {
  const found = identifyWorkbook(snapshot, find);
  if (!found.ok) return { ok: false, of: "workbook", problem: found.problem };
  const notices: { of: "workbook" | "previous"; notice: IdentifyNotice }[] = [];
  if (found.notice) notices.push({ of: "workbook", notice: found.notice });
  let previous: PreviousPeriodFile | undefined;
  const given = options.previous;
  if (given && "snapshot" in given) {
    const read = readPreviousPeriod(given.snapshot, given.fileName, find);
    if (!read.ok) return { ok: false, of: "previous", problem: read.problem };
    if (read.notice) notices.push({ of: "previous", notice: read.notice });
    previous = read.previous;
  } else previous = given;
  if (previous && previous.templateId !== found.template.id) {
    return {
      ok: false,
      of: "previous",
      problem: {
        kind: "otherTemplate",
        fileName: previous.fileName,
        templateId: previous.templateId,
        expected: found.template.id,
      },
    };
  }
  const report = validateWorkbook(found.template, snapshot, {
    previous: previous ? { data: previous.data, label: previousLabel(previous) } : undefined,
  });
  return { ok: true, template: found.template, meta: found.meta, report, notices };
}
