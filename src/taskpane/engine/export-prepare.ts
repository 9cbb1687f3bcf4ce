// "Xuất Word", step one, on the main thread: which template made the workbook (refusing what
// BáoCáo cannot read, as the checks do), its figures, what the draft will hold (period, sections
// with figures) and how many problems validation finds (a draft can still be exported), and the
// inputs the draft is built from (export-inputs.ts). Reading and validating are quick; building
// and drawing the document is the slow part and runs in the worker.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import type { Section, Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";
import { templatePeriod } from "../../core/model/title";
import type { Period } from "../../core/period";
import { tableRows } from "../../core/rollup/totals";
import { findTemplate } from "../../templates";
import { readForDraft } from "../../usecases/draft-source";
import { paneWorkbookProblem } from "../logic/workbook-identify";
import { paneFind } from "../templates/identify";
import type { WorkbookProblem } from "../session/types";
import { locateTableOf, type ExportInputs } from "./export-inputs";
import { paneTemplateList } from "../templates/store";

/** A template that is not built in travels to the worker as its file. */
function fileOf(id: string): { file?: TemplateFileInput } {
  const file = paneTemplateList()?.fileOf(id);
  return file ? { file } : {};
}

/** The workbook problems an export can meet (it never compares with a previous period). */
export type ExportProblem = Exclude<WorkbookProblem, { kind: "otherTemplate" }>;

export interface ExportSummary {
  templateId: string;
  templateVersion: string;
  consolidated: boolean;
  /** The period code on the cover ("2023-H1"), and the period when the template accepts it. */
  periodCode: string | null;
  period: Period | null;
  /** Sections of the template, and those with at least one figure to write. */
  sections: number;
  sectionsWithFigures: number;
  errors: number;
  warnings: number;
}

export type ExportPreparation =
  | { ok: true; summary: ExportSummary; inputs: Omit<ExportInputs, "settings"> }
  | { ok: false; problem: ExportProblem };

const isFigure = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/** A section has figures when one of its own indicators or one of its tables' cells has a number. */
function hasFigures(section: Section, data: ReportData): boolean {
  if (section.indicators.some((i) => !i.table && isFigure(data.values[i.id]))) return true;
  return section.tables.some((t) =>
    tableRows(t, data).some((row) => t.columns.some((c) => isFigure(row[c.id])))
  );
}

export function sectionsWithFigures(template: Template, data: ReportData): number {
  return template.allSections.filter((s) => hasFigures(s, data)).length;
}

export function prepareExport(snapshot: WorkbookSnapshot | null): ExportPreparation {
  if (!snapshot) return { ok: false, problem: { kind: "noWorkbook" } };
  const read = readForDraft(snapshot, paneFind() ?? findTemplate);
  // An export reports only problems of the workbook itself, never "otherTemplate".
  if (!read.ok) return { ok: false, problem: paneWorkbookProblem(read.problem) as ExportProblem };
  const { meta, template, data, report } = read;
  const consolidated = meta.consolidated ?? false;
  const periodCode = data.header.period?.trim() || null;
  return {
    ok: true,
    summary: {
      templateId: template.id,
      templateVersion: meta.templateVersion,
      consolidated,
      periodCode,
      period: periodCode ? templatePeriod(template, periodCode) : null,
      sections: template.allSections.length,
      sectionsWithFigures: sectionsWithFigures(template, data),
      errors: report.errors,
      warnings: report.warnings,
    },
    inputs: {
      template: { id: meta.templateId, consolidated, ...fileOf(template.id) },
      data,
      locate: locateTableOf(snapshot),
    },
  };
}
