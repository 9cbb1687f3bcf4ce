// Which template made a workbook (refusing what BáoCáo cannot read, as `baocao validate` does),
// without the validator: the Chỉ tiêu tab and the pane's start-up need only this, so it is a
// module of its own and the validator stays out of the chunks loaded before the gallery.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import { findTemplate } from "../../templates";
import type { WorkbookTemplateProblem } from "../../core/consolidate/resolve";
import { identifyWorkbook } from "../../usecases/identify";
import { readPreviousPeriod } from "../../usecases/previous";
import type { PreviousPeriodResult, WorkbookProblem } from "../session/types";

export { isTotalName } from "./total-names";

export type Identified =
  { ok: true; template: Template; version: string } | { ok: false; problem: WorkbookProblem };

/**
 * The template a workbook was made from (the use case src/usecases/identify.ts): the installed one
 * of the workbook's id and version, else the definition the workbook carries, else the installed
 * one of the same major version. A carried definition that cannot be loaded counts as a template
 * this version does not have (the pane has no wording of its own for it yet).
 */
export function identifyTemplate(
  snapshot: WorkbookSnapshot,
  file?: string,
  find: (id: string) => Template | undefined = findTemplate
): Identified {
  const found = identifyWorkbook(snapshot, find);
  if (found.ok) return { ok: true, template: found.template, version: found.meta.templateVersion };
  return { ok: false, problem: paneWorkbookProblem(found.problem, file) };
}

/** The pane's problem (worded by its i18n texts) for a workbook whose template is not found. */
export function paneWorkbookProblem(p: WorkbookTemplateProblem, file?: string): WorkbookProblem {
  switch (p.kind) {
    case "notBaoCao":
      return { kind: "notBaoCao", file };
    case "incompatible":
      return { ...p, file };
    case "editedDefinition":
      return { kind: "editedDefinition", templateId: p.templateId, cell: p.cell, file };
    default:
      return { kind: "unknownTemplate", templateId: p.templateId, file };
  }
}

/** The previous period's workbook as the outlier check takes it. */
export function previousPeriodOf(
  snapshot: WorkbookSnapshot,
  fileName: string,
  find: (id: string) => Template | undefined = findTemplate
): PreviousPeriodResult {
  const read = readPreviousPeriod(snapshot, fileName, find);
  if (!read.ok) return { ok: false, problem: paneWorkbookProblem(read.problem, fileName) };
  return { ok: true, previous: read.previous };
}

/**
 * How findings name the previous period. Part of the core's Vietnamese finding messages (as
 * `baocao validate --previous` writes them), so Vietnamese whatever the pane's language.
 */
export { previousLabel } from "../../usecases/previous";
