// Use case "export a draft", step two: the draft's document model from a template, its figures
// and the user's settings. A module of its own because the pane's export worker runs only this
// step: the worker's bundle carries the document builder, not the validator of step one.
import type { ReportData } from "../core/data/types";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import { buildReportDocument, locateInWorkbook, parseDocumentSettings } from "../core/document";
import type { ReportDocument } from "../core/document/model";
import type { SettingsIssue } from "../core/document/settings";
import type { Template } from "../core/model/load";

/** The draft settings given do not parse; each issue at its path. */
export interface InvalidSettingsProblem {
  kind: "invalidSettings";
  issues: SettingsIssue[];
}

/**
 * Step two: the draft's document model. `locate` is the workbook's snapshot, or a cut-down one
 * with the parts locateInWorkbook reads (the pane's worker gets only that).
 */
export function draftDocument(
  template: Template,
  data: ReportData,
  settings: unknown,
  locate: WorkbookSnapshot
): { ok: true; document: ReportDocument } | { ok: false; problem: InvalidSettingsProblem } {
  const parsed = parseDocumentSettings(settings);
  if (!parsed.ok) return { ok: false, problem: { kind: "invalidSettings", issues: parsed.issues } };
  const document = buildReportDocument(template, data, {
    settings: parsed.settings,
    locate: locateInWorkbook(template, locate),
  });
  return { ok: true, document };
}
