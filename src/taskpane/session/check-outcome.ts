// The outcome of "Kiểm tra" as both sessions give it: the core's check and where its findings were
// marked (Excel: colours and notes; the preview: the viewer's highlights).
import type { CheckResult } from "../logic/workbook-check";
import type { PreviousPeriodFile, ValidationOutcome, ValidationSyncs } from "./types";

export interface MarkedFindings {
  marked: number;
  notMarked: number;
  notes: "comments" | "sheet" | null;
  notesSheet: string | null;
}

export function checkOutcome(
  checked: CheckResult,
  previous: PreviousPeriodFile | null,
  marks: MarkedFindings,
  syncs: ValidationSyncs
): ValidationOutcome {
  if (!checked.ok) return { status: "problem", problem: checked.problem, syncs };
  const { report } = checked;
  return {
    status: "checked",
    templateId: checked.template.id,
    templateVersion: checked.version,
    findings: report.findings,
    errors: report.errors,
    warnings: report.warnings,
    ready: report.ready,
    previous,
    marked: marks.marked,
    notMarked: marks.notMarked,
    notes: marks.notes,
    notesSheet: marks.notesSheet,
    syncs,
  };
}
