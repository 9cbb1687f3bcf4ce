// The seam between "Mẫu của đơn vị" and the Excel authoring workbook (`baocao template build`):
// parse-upload.ts loads this module lazily when the user picks an .xlsx file, so the workbook
// reader is not part of what the gallery needs at start. The reader is the CLI's own, so the pane
// reports the same mistakes at the same cells.
import { TemplateError } from "../../core/model/load";
import { templateFromAuthoringWorkbook } from "../../adapters/xlsx/authoring-workbook";

/** The template file an authoring workbook describes; throws TemplateError with located issues. */
export async function templateFileFromWorkbook(bytes: ArrayBuffer): Promise<unknown> {
  const read = templateFromAuthoringWorkbook(bytes, "sổ soạn mẫu");
  if (read.ok) return read.file;
  // A file that is not a workbook at all has no located problem: its one message says so.
  const issues =
    read.problems.length > 0
      ? read.problems.map((p) => ({ path: p.cell, message: p.message }))
      : [{ path: "", message: read.message }];
  throw new TemplateError("(sổ soạn mẫu)", issues);
}
