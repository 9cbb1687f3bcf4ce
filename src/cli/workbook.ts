// Opening a template workbook from disk: bytes → snapshot → template, with CLI errors.
import { readXlsx, XlsxReadError } from "../adapters/xlsx/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookMeta } from "../core/data/read";
import type { Template } from "../core/model/load";
import { CliError } from "./errors";
import { exceljs } from "./exceljs";
import { readBytes } from "./io";
import { templateOfWorkbook } from "./templates";

export interface OpenedWorkbook {
  file: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  template: Template;
  meta: WorkbookMeta;
}

export async function snapshotOfFile(
  file: string,
  bytes = readBytes(file)
): Promise<WorkbookSnapshot> {
  try {
    return await readXlsx(exceljs, bytes, file);
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}

export async function openTemplateWorkbook(file: string): Promise<OpenedWorkbook> {
  const bytes = readBytes(file);
  const snapshot = await snapshotOfFile(file, bytes);
  const { template, meta } = templateOfWorkbook(snapshot, file);
  return { file, bytes, snapshot, template, meta };
}
