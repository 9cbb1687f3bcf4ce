// The previous period's workbook for the check's outlier comparison (part of the use case
// "check"). A module of its own, without the validator: the pane reads the previous period's file
// from code loaded before the validator's chunk.
import { readWorkbook } from "../core/data/read";
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import { templatePeriod } from "../core/model/title";
import { periodLabel, type Period } from "../core/period";
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
