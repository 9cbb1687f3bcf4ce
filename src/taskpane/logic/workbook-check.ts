// "Kiểm tra" on a workbook snapshot, whichever mode read it: which template made the workbook
// (refusing what BáoCáo cannot read, as `baocao validate` does), then the core's validation.
// Part of the engine chunk (see engine/engine.ts): the pane's initial JavaScript does not carry the
// validator.
import { readMeta, readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import { templatePeriod } from "../../core/model/title";
import { periodLabel } from "../../core/period";
import { findTemplate } from "../../core/templates";
import { templateForMeta } from "../../core/consolidate/resolve";
import { validateWorkbook, type PreviousPeriod, type ValidationReport } from "../../core/validate";
import type { PreviousPeriodFile, PreviousPeriodResult, WorkbookProblem } from "../session/types";

/** Defined names whose formulas validation needs: the total rows' (an overwritten total is caught). */
export function isTotalName(name: string): boolean {
  return /^BCT_/i.test(name);
}

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
