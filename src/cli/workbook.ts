// Reading a template workbook from disk: bytes → snapshot → template, with CLI errors.
import { readWorkbookBytes, XlsxReadError } from "../adapters/xlsx/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookMeta } from "../core/data/read";
import type { Template } from "../core/model/load";
import { CliError } from "./errors";
import { exceljs } from "./exceljs";
import { readBytes } from "./io";
import { templateOfWorkbook, type FindTemplate } from "./templates";

/** A template workbook as the commands read it: its snapshot, template and metadata. */
export interface ReadTemplateWorkbook {
  file: string;
  snapshot: WorkbookSnapshot;
  template: Template;
  meta: WorkbookMeta;
}

/** Reads a workbook for a command that only reads it (validate, dump, export, consolidate): the
 * template's sheets and names only, under the package limits (see readWorkbookBytes). */
export async function readTemplateWorkbook(
  file: string,
  bytes: Uint8Array = readBytes(file),
  find?: FindTemplate
): Promise<ReadTemplateWorkbook> {
  const snapshot = await readWorkbookSnapshot(file, bytes);
  const { template, meta } = templateOfWorkbook(snapshot, file, find);
  return { file, snapshot, template, meta };
}

/** Reads a workbook's snapshot for a use case that identifies it itself (validate). */
export async function readWorkbookSnapshot(
  file: string,
  bytes: Uint8Array = readBytes(file)
): Promise<WorkbookSnapshot> {
  try {
    return (await readWorkbookBytes(exceljs, bytes, file)).snapshot;
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}
