// Use case "Kiểm tra" / `baocao validate`: identify the workbook's template, then the core's
// validation, against the previous period's workbook when one is given. Typed results only: each
// front end words the problems and maps the report to an exit code or to its view.
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookMeta } from "../core/data/read";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import type { Template } from "../core/model/load";
import { validateWorkbook, type ValidationReport } from "../core/validate";
import { identifyWorkbook, type FindTemplate, type IdentifyNotice } from "./identify";
import { previousLabel, readPreviousPeriod, type PreviousPeriodFile } from "./previous";

export {
  previousLabel,
  readPreviousPeriod,
  type PreviousPeriodFile,
  type PreviousPeriodResult,
} from "./previous";

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
