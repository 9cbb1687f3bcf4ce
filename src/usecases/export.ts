// Use case "export a draft" (`baocao export`, the pane's "Xuất Word"): identify the workbook, read
// its figures and count its problems (a draft is exported anyway), then build the document model.
// Drawing it (docx, HTML) is the adapters'. The pane reads on the main thread and builds in a
// worker, so the two steps are apart (readForDraft, draftDocument); exportDraft runs both.
import { readWorkbook, type WorkbookMeta } from "../core/data/read";
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import type { ReportDocument } from "../core/document/model";
import type { Template } from "../core/model/load";
import { validateWorkbook, type ValidationReport } from "../core/validate";
import { identifyWorkbook, type FindTemplate, type IdentifyNotice } from "./identify";
import { draftDocument, type InvalidSettingsProblem } from "./draft-document";

export { draftDocument, type InvalidSettingsProblem } from "./draft-document";

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

export type ExportDraftResult =
  | ({ ok: true; document: ReportDocument } & DraftSource)
  | { ok: false; problem: WorkbookTemplateProblem | InvalidSettingsProblem };

/** Both steps on one workbook: its draft's document model, and what the user should know. */
export function exportDraft(
  snapshot: WorkbookSnapshot,
  find: FindTemplate,
  settings: unknown
): ExportDraftResult {
  const read = readForDraft(snapshot, find);
  if (!read.ok) return read;
  const built = draftDocument(read.template, read.data, settings, snapshot);
  if (!built.ok) return built;
  return { ...read, document: built.document };
}
