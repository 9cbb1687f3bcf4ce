// "Kiểm tra" on a workbook snapshot, whichever mode read it: which template made the workbook
// (refusing what BáoCáo cannot read, as `baocao validate` does), then the core's validation.
// Part of the engine chunk (see engine/engine.ts): the pane's initial JavaScript does not carry the
// validator.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import type { ValidationReport } from "../../core/validate";
import { findTemplate } from "../../templates";
import { checkWorkbook as check } from "../../usecases/check";
import type { PreviousPeriodFile, WorkbookProblem } from "../session/types";
import { paneWorkbookProblem } from "./workbook-identify";
import { paneFind } from "../templates/identify";

export { isTotalName, previousLabel, type Identified } from "./workbook-identify";
// Looked up in the pane's template list (built-in, office-wide, the user's own).
export { identifyTemplate, previousPeriodOf } from "../templates/identify";

export type CheckResult =
  | { ok: true; template: Template; version: string; report: ValidationReport }
  | { ok: false; problem: WorkbookProblem };

/** Identifies the workbook's template and validates it (the use case src/usecases/check.ts). */
export function checkWorkbook(
  snapshot: WorkbookSnapshot,
  previous?: PreviousPeriodFile | null
): CheckResult {
  const checked = check(snapshot, paneFind() ?? findTemplate, { previous: previous ?? undefined });
  if (checked.ok) {
    const { template, meta, report } = checked;
    return { ok: true, template, version: meta.templateVersion, report };
  }
  const p = checked.problem;
  if (p.kind === "otherTemplate")
    return {
      ok: false,
      problem: {
        kind: "otherTemplate",
        file: p.fileName,
        templateId: p.templateId,
        expected: p.expected,
      },
    };
  return { ok: false, problem: paneWorkbookProblem(p) };
}
