// The workbook the pane works on, whichever mode it started in: the workbook open in Excel
// (OfficeSession) or an in-memory workbook in the browser (PreviewSession). Features talk to this
// interface only, so the same code serves both modes.
import type { ExistingTemplate } from "../../adapters/office/existing";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import type { Finding } from "../../core/findings";
import type { Template } from "../../core/model/load";
import type { Period } from "../../core/period";
import type {
  ConsolidateChoices,
  ConsolidateOutcome,
  ConsolidateRun,
  PickedFile,
} from "./consolidate";

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

/**
 * Why a workbook (or the previous period's file, when `file` is set) cannot be checked. Kept as data,
 * so the pane words it in the current language.
 */
export type WorkbookProblem =
  /** Preview mode with no workbook created or opened yet. */
  | { kind: "noWorkbook" }
  /** No hidden "_BaoCao" sheet: not made from a BáoCáo template. */
  | { kind: "notBaoCao"; file?: string }
  /** Made from a template this version of BáoCáo does not have. */
  | { kind: "unknownTemplate"; templateId: string; file?: string }
  /**
   * The template definition the workbook carries was edited by hand (its checksum does not match),
   * and no installed template of its id and version stands in.
   */
  | { kind: "editedDefinition"; templateId: string; cell: string; file?: string }
  /** Made from another major version of the template. */
  | {
      kind: "incompatible";
      templateId: string;
      version: string;
      supported: string;
      file?: string;
    }
  /** The previous period's file uses another template than the workbook being checked. */
  | { kind: "otherTemplate"; file: string; templateId: string; expected: string };

/** The previous period's workbook, read once when the user picks it (for outlier warnings). */
export interface PreviousPeriodFile {
  fileName: string;
  templateId: string;
  /** The period written on its cover, when it is one the template accepts. */
  period: Period | null;
  data: ReportData;
}

export type PreviousPeriodResult =
  { ok: true; previous: PreviousPeriodFile } | { ok: false; problem: WorkbookProblem };

export interface ValidateOptions {
  previous?: PreviousPeriodFile;
}

export interface ValidationSyncs {
  /** Round trips to read the workbook (2 whatever the number of sheets; 0 in preview). */
  read: number;
  /** Round trips to replace the marks (0 in preview). */
  marks: number;
}

export type ValidationOutcome =
  | {
      status: "checked";
      templateId: string;
      templateVersion: string;
      /** In workbook order: findings about the file first, then sheet by sheet, row by row. */
      findings: Finding[];
      errors: number;
      warnings: number;
      /** True when nothing blocks sending (no errors). */
      ready: boolean;
      /** The previous period the figures were compared with, if any. */
      previous: PreviousPeriodFile | null;
      /** Findings marked in the workbook (hosted) or the viewer (preview), and those left unmarked (cap). */
      marked: number;
      notMarked: number;
      /**
       * Hosted: where the marked cells' notes are, besides the colours: a comment on each cell, or
       * (Excel without comments) a sheet listing the findings, named notesSheet. Null in preview.
       */
      notes: "comments" | "sheet" | null;
      notesSheet: string | null;
      syncs: ValidationSyncs;
    }
  | { status: "problem"; problem: WorkbookProblem; syncs: ValidationSyncs };

export interface WorkbookSession {
  readonly mode: SessionMode;
  /** Hosted: inserts into the open workbook. Preview: creates a new in-memory workbook and shows it. */
  insertTemplate(request: InsertRequest): Promise<InsertOutcome>;
  /** The workbook's contents for the core's readers (checks, roll-ups); null when there is none. */
  readWorkbook(): Promise<WorkbookSnapshot | null>;
  /** Shows a cell to the user: selects it in Excel, or scrolls the preview's viewer to it and highlights it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * "Kiểm tra": reads the workbook (hosted: 1 sync, and 1 to mark), finds its template, validates
   * it and marks the findings — conditional formats in Excel, highlights in the preview's viewer.
   * Never changes a value or a format of the user's; the previous marks are replaced.
   */
  validate(options?: ValidateOptions): Promise<ValidationOutcome>;
  /** "Xoá đánh dấu": removes every mark; the workbook is as it was before the check. Returns syncs. */
  clearMarks(): Promise<number>;
  /** Reads the previous period's .xlsx the user picked; throws XlsxReadError when it is not one. */
  readPreviousPeriod(file: Blob & { name: string }): Promise<PreviousPeriodResult>;
  /**
   * "Tổng hợp": reads and screens the units' files one by one (progress, stoppable), then writes the
   * consolidated workbook — hosted: inserted like a template (never over the user's sheets);
   * preview: it becomes the viewer's workbook. Nothing is written when stopped or nothing is usable.
   */
  consolidate(
    files: readonly PickedFile[],
    choices: ConsolidateChoices,
    run?: ConsolidateRun
  ): Promise<ConsolidateOutcome>;
}
