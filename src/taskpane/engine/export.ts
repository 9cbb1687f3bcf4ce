// The "Xuất Word" chunk, loaded when the tab opens: reading the workbook for the export and
// running it in a worker. The docx library is not in this chunk: only in the worker's, and in
// "export-main" for browsers without workers.
import { ExportRunner, type ExportResult, type RunOptions } from "./export-client";
import type { ExportInputs } from "./export-inputs";
import { createExportWorker } from "./export-worker-factory";

export { prepareExport, type ExportPreparation, type ExportSummary } from "./export-prepare";
export type { ExportResult, ExportThread } from "./export-client";
export type { ExportInputs } from "./export-inputs";

const runner = new ExportRunner(typeof Worker === "undefined" ? null : createExportWorker);

export function runExport(inputs: ExportInputs, options?: RunOptions): Promise<ExportResult> {
  return runner.run(inputs, options);
}
