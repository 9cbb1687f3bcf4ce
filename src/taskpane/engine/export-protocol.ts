// Messages between the pane and the export worker.
import type { ExportInputs } from "./export-inputs";
import type { ExportedDraft } from "./export-run";

export interface WorkerRequest {
  id: number;
  inputs: ExportInputs;
}

export type WorkerReply =
  | { id: number; ok: true; draft: ExportedDraft }
  | { id: number; ok: false; error: { name: string; message: string } };
