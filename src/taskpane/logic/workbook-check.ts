// "Kiểm tra" on a workbook snapshot, whichever mode read it: which template made the workbook
// (refusing what BáoCáo cannot read, as `baocao validate` does), then the core's validation.
// Part of the engine chunk (see engine/engine.ts): the pane's initial JavaScript does not carry the
// validator.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import { validateWorkbook, type PreviousPeriod, type ValidationReport } from "../../core/validate";
import type { PreviousPeriodFile, WorkbookProblem } from "../session/types";
import { previousLabel } from "./workbook-identify";
import { identifyTemplate } from "../templates/identify";

export { isTotalName, previousLabel, type Identified } from "./workbook-identify";
// Looked up in the pane's template list (built-in, office-wide, the user's own).
export { identifyTemplate, previousPeriodOf } from "../templates/identify";

export type CheckResult =
  | { ok: true; template: Template; version: string; report: ValidationReport }
  | { ok: false; problem: WorkbookProblem };

/** Identifies the workbook's template and validates it (against the previous period when given). */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  previous?: PreviousPeriodFile | null
): CheckResult {
  const found = identifyTemplate(snapshot);
  if (!found.ok) return found;
  let prev: PreviousPeriod | undefined;
  if (previous) {
    if (previous.templateId !== found.template.id) {
      return {
        ok: false,
        problem: {
          kind: "otherTemplate",
          file: previous.fileName,
          templateId: previous.templateId,
          expected: found.template.id,
        },
      };
    }
    prev = { data: previous.data, label: previousLabel(previous) };
  }
  const report = validateWorkbook(found.template, snapshot, { previous: prev });
  return { ok: true, template: found.template, version: found.version, report };
}
