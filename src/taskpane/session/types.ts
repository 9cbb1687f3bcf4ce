// The workbook the pane works on, whichever mode it started in: the workbook open in Excel
// (OfficeSession) or an in-memory workbook in the browser (PreviewSession). Features talk to this
// interface only, so the same code serves both modes.
import type { ExistingTemplate } from "../../adapters/office/existing";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";

export type SessionMode = "hosted" | "preview";

export type { ExistingTemplate };

export interface InsertOutcome {
  status: "inserted" | "cancelled";
  /** Sheets of the new template, in workbook order (the hidden metadata sheet included). */
  sheets: string[];
  renamed: { wanted: string; actual: string }[];
  /** Features left out because the host's ExcelApi is older ("dataValidation", "pageLayout"). */
  skipped: string[];
  replaced: ExistingTemplate | null;
  /** Round trips to Excel (0 in preview). */
  syncs: number;
}

export interface InsertRequest {
  template: Template;
  data?: ReportData;
  /** Asked when the workbook already has a BáoCáo template: true replaces it. */
  confirmReplace: (existing: ExistingTemplate) => Promise<boolean>;
}

export interface WorkbookSession {
  readonly mode: SessionMode;
  /** Hosted: inserts into the open workbook. Preview: creates a new in-memory workbook and shows it. */
  insertTemplate(request: InsertRequest): Promise<InsertOutcome>;
  /** The workbook's contents for the core's readers (checks, roll-ups); null when there is none. */
  readWorkbook(): Promise<WorkbookSnapshot | null>;
  /** Shows a cell to the user: selects it in Excel, or scrolls the preview's viewer to it and highlights it. */
  selectCell(sheet: string, address: string): Promise<void>;
}
