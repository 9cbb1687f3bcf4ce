// "Tạo kỳ sau" and "Tải dữ liệu phẳng" on a workbook snapshot, whichever mode read it: the same
// core as `baocao next` and `baocao dump --format csv|xlsx` (core/next, core/flat). Part of the
// engine chunk (see engine/engine.ts).
import { readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import { flatCsv, flatRows, type FlatRow } from "../../core/flat";
import type { Template } from "../../core/model/load";
import { NextPeriodError, nextPeriodReport } from "../../core/next";
import { periodLabel } from "../../core/period";
import type { WorkbookProblem } from "../session/types";
import { identifyTemplate } from "./workbook-check";

export type NextPeriodPlan =
  | {
      ok: true;
      template: Template;
      data: ReportData;
      sectionPrompts: Record<string, string>;
      /** The new period's code ("2024-Q2") and its Vietnamese label ("quý II/2024"). */
      period: string;
      periodLabel: string;
      baselinesFilled: number;
      tasksCarried: boolean;
    }
  | { ok: false; problem: WorkbookProblem }
  /** The core's Vietnamese message (a documented message: the CLI prints the same words). */
  | { ok: false; refused: string };

/** The next period's report of the workbook, with last year's figures when given. */
export function nextPeriodPlan(snapshot: WorkbookSnapshot, lastYear?: ReportData): NextPeriodPlan {
  const found = identifyTemplate(snapshot);
  if (!found.ok) return found;
  const data = readWorkbook(found.template, snapshot).data;
  try {
    const r = nextPeriodReport({ template: found.template, data, lastYear });
    return {
      ok: true,
      template: found.template,
      data: r.data,
      sectionPrompts: r.sectionPrompts,
      period: r.period.text,
      periodLabel: periodLabel(r.period),
      baselinesFilled: r.baselinesFilled,
      tasksCarried: Object.keys(r.sectionPrompts).length > 0,
    };
  } catch (e) {
    if (e instanceof NextPeriodError) return { ok: false, refused: e.message };
    throw e;
  }
}

export type FlatPlan =
  | { ok: true; templateId: string; period: string | null; rows: FlatRow[] }
  | { ok: false; problem: WorkbookProblem };

/** One row per figure of the workbook (a unit's or a consolidated one). */
export function flatPlan(snapshot: WorkbookSnapshot): FlatPlan {
  const found = identifyTemplate(snapshot);
  if (!found.ok) return found;
  const data = readWorkbook(found.template, snapshot).data;
  return {
    ok: true,
    templateId: found.template.id,
    period: data.header.period ?? null,
    rows: flatRows(found.template, data),
  };
}

export { flatCsv };
