// Messages between the pane and the consolidation worker. The files travel as Blobs (a File or a
// Blob is cloned by reference, not copied) with their names beside them: a Blob with a `name`
// added loses it on the way.
import type { ConsolidationResult } from "../../core/consolidate";
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";
import type { ConsolidateChoices, ConsolidateProgress } from "./consolidate";
import type { OpenedWorkbook } from "./xlsx-tools";

export interface FileInput {
  name: string;
  blob: Blob;
  /** The file's time (File.lastModified), which ranks a unit's resends; a Blob loses it too. */
  lastModified?: number;
}

/** The consolidated workbook in the preview: its .xlsx bytes and the viewer's reading of them. */
export interface ConsolidatedWorkbook {
  bytes: Uint8Array;
  sheets: string[];
  opened: OpenedWorkbook;
}

export type ConsolidateRequest =
  | {
      id: number;
      kind: "consolidate";
      files: FileInput[];
      choices: ConsolidateChoices;
      /** The files of the pane's templates that are not built in (the worker loads them). */
      templates?: TemplateFileInput[];
    }
  /** "Dừng": the run with this id stops before its next file. */
  | { id: number; kind: "stop" }
  /** Sent while the pane is idle: load ExcelJS and read a small workbook, so the first
   * consolidation does not pay for starting the worker. No reply. */
  | { id: number; kind: "warm" }
  | {
      id: number;
      kind: "workbook";
      template: Template;
      templates?: TemplateFileInput[];
      data: ReportData | null;
      fileName: string;
    };

export type ConsolidateReply =
  | { id: number; kind: "progress"; progress: ConsolidateProgress }
  | { id: number; kind: "result"; result: ConsolidationResult }
  | { id: number; kind: "workbook"; workbook: ConsolidatedWorkbook }
  | { id: number; kind: "error"; error: { name: string; message: string } };
