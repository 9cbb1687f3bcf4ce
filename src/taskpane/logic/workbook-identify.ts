// Which template made a workbook (refusing what BáoCáo cannot read, as `baocao validate` does),
// without the validator: the Chỉ tiêu tab and the pane's start-up need only this, so it is a
// module of its own and the validator stays out of the chunks loaded before the gallery.
import { readMeta, readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import { templatePeriod } from "../../core/model/title";
import { periodLabel } from "../../core/period";
import { findTemplate } from "../../templates";
import { resolveWorkbookTemplate } from "../../core/consolidate/resolve";
import type { PreviousPeriodFile, PreviousPeriodResult, WorkbookProblem } from "../session/types";

export { isTotalName } from "./total-names";

export type Identified =
  { ok: true; template: Template; version: string } | { ok: false; problem: WorkbookProblem };

/**
 * The template a workbook was made from (see src/core/consolidate/resolve.ts): the installed one
 * of the workbook's id and version, else the definition the workbook carries, else the installed
 * one of the same major version. A carried definition that was edited or cannot be loaded counts
 * as a template this version does not have (the pane has no wording of its own for it yet).
 */
export function identifyTemplate(
  snapshot: WorkbookSnapshot,
  file?: string,
  find: (id: string) => Template | undefined = findTemplate
): Identified {
  const found = resolveWorkbookTemplate(readMeta(snapshot), find);
  if (found.ok) return { ok: true, template: found.template, version: found.meta.templateVersion };
  const p = found.problem;
  switch (p.kind) {
    case "notBaoCao":
      return { ok: false, problem: { kind: "notBaoCao", file } };
    case "incompatible":
      return { ok: false, problem: { ...p, file } };
    case "editedDefinition":
      return {
        ok: false,
        problem: { kind: "editedDefinition", templateId: p.templateId, cell: p.cell, file },
      };
    default:
      return { ok: false, problem: { kind: "unknownTemplate", templateId: p.templateId, file } };
  }
}

/** The previous period's workbook as the outlier check takes it. */
export function previousPeriodOf(
  snapshot: WorkbookSnapshot,
  fileName: string,
  find: (id: string) => Template | undefined = findTemplate
): PreviousPeriodResult {
  const found = identifyTemplate(snapshot, fileName, find);
  if (!found.ok) return found;
  const data = readWorkbook(found.template, snapshot).data;
  return {
    ok: true,
    previous: {
      fileName,
      templateId: found.template.id,
      period: templatePeriod(found.template, data.header.period),
      data,
    },
  };
}

/**
 * How findings name the previous period. Part of the core's Vietnamese finding messages (as
 * `baocao validate --previous` writes them), so Vietnamese whatever the pane's language.
 */
export function previousLabel(previous: PreviousPeriodFile): string {
  return previous.period
    ? `kỳ trước (${periodLabel(previous.period)})`
    : `kỳ trước (tệp ${previous.fileName})`;
}
