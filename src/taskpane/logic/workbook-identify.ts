// Which template made a workbook (refusing what BáoCáo cannot read, as `baocao validate` does),
// without the validator: the Chỉ tiêu tab and the pane's start-up need only this, so it is a
// module of its own and the validator stays out of the chunks loaded before the gallery.
import { readMeta, readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import { templatePeriod } from "../../core/model/title";
import { periodLabel } from "../../core/period";
import { findTemplate } from "../../templates";
import { templateForMeta } from "../../core/consolidate/resolve";
import type { PreviousPeriodFile, PreviousPeriodResult, WorkbookProblem } from "../session/types";

export { isTotalName } from "./total-names";

export type Identified =
  { ok: true; template: Template; version: string } | { ok: false; problem: WorkbookProblem };

/** The template a workbook was made from; the same major version only (see src/cli/templates.ts). */
export function identifyTemplate(snapshot: WorkbookSnapshot, file?: string): Identified {
  const meta = readMeta(snapshot);
  if (!meta) return { ok: false, problem: { kind: "notBaoCao", file } };
  const template = findTemplate(meta.templateId);
  if (!template) {
    return { ok: false, problem: { kind: "unknownTemplate", templateId: meta.templateId, file } };
  }
  if (template.version.split(".")[0] !== meta.templateVersion.split(".")[0]) {
    return {
      ok: false,
      problem: {
        kind: "incompatible",
        templateId: meta.templateId,
        version: meta.templateVersion,
        supported: template.version,
        file,
      },
    };
  }
  // A consolidated workbook is read with the consolidated form of its template (units' own figures).
  return { ok: true, template: templateForMeta(template, meta), version: meta.templateVersion };
}

/** The previous period's workbook as the outlier check takes it. */
export function previousPeriodOf(
  snapshot: WorkbookSnapshot,
  fileName: string
): PreviousPeriodResult {
  const found = identifyTemplate(snapshot, fileName);
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
