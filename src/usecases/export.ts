// Use case "export a draft" (`baocao export`, the pane's "Xuất Word"): identify the workbook, read
// its figures and count its problems (a draft is exported anyway), then build the document model.
// Drawing it (docx, HTML) is the adapters'. The pane reads on the main thread and builds in a
// worker, so the two steps are apart (readForDraft, draftDocument); exportDraft runs both.
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import type { ReportDocument } from "../core/document/model";
import type { FindTemplate } from "./identify";
import { draftDocument, type InvalidSettingsProblem } from "./draft-document";
import { readForDraft, type DraftSource } from "./draft-source";

export { draftDocument, type InvalidSettingsProblem } from "./draft-document";
export { readForDraft, type DraftSource, type DraftSourceResult } from "./draft-source";

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
