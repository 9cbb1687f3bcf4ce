// Use case "export a draft", step one: which template made the workbook, its figures and its
// problems. A module of its own because the pane runs it on the main thread and builds the
// document in a worker: the main thread's code does not carry the document builder.
import { readWorkbook, type WorkbookMeta } from "../core/data/read";
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import type { Template } from "../core/model/load";
import { validateWorkbook, type ValidationReport } from "../core/validate";
import { identifyWorkbook, type FindTemplate, type IdentifyNotice } from "./identify";

export interface DraftSource {
  template: Template;
  meta: WorkbookMeta;
  data: ReportData;
  /** The workbook's problems: counted for the user, they do not stop the draft. */
  report: ValidationReport;
  notice: IdentifyNotice | null;
}

export type DraftSourceResult =
  ({ ok: true } & DraftSource) | { ok: false; problem: WorkbookTemplateProblem };

/** Step one: which template made the workbook, its figures and its problems. */
export function readForDraft(snapshot: WorkbookSnapshot, find: FindTemplate): DraftSourceResult {
  const found = identifyWorkbook(snapshot, find);
  if (!found.ok) return found;
  const { template, meta, notice } = found;
  const { data } = readWorkbook(template, snapshot);
  const report = validateWorkbook(template, snapshot);
  return { ok: true, template, meta, data, report, notice };
}
