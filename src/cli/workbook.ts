// Opening a template workbook from disk: bytes → snapshot → template, with CLI errors.
import type { Workbook } from "exceljs";
import {
  loadWorkbook,
  readWorkbookBytes,
  snapshotOfWorkbook,
  XlsxReadError,
} from "../adapters/xlsx/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookMeta } from "../core/data/read";
import type { Template } from "../core/model/load";
import { CliError } from "./errors";
import { exceljs } from "./exceljs";
import { readBytes } from "./io";
import { templateOfWorkbook } from "./templates";

export interface OpenedWorkbook {
  file: string;
  /** The parsed workbook, for commands that copy from it (fill keeps the user's own sheets). */
  workbook: Workbook;
  snapshot: WorkbookSnapshot;
  template: Template;
  meta: WorkbookMeta;
}

/** Parses a workbook file once, giving both the ExcelJS workbook and its snapshot. */
async function parseFile(
  file: string
): Promise<{ workbook: Workbook; snapshot: WorkbookSnapshot }> {
  const bytes = readBytes(file);
  try {
    const workbook = await loadWorkbook(exceljs, bytes, file);
    return { workbook, snapshot: snapshotOfWorkbook(workbook, file) };
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
}

export async function openTemplateWorkbook(file: string): Promise<OpenedWorkbook> {
  const { workbook, snapshot } = await parseFile(file);
  const { template, meta } = templateOfWorkbook(snapshot, file);
  return { file, workbook, snapshot, template, meta };
}

export type ReadTemplateWorkbook = Omit<OpenedWorkbook, "workbook">;

/** Reads a workbook for a command that only reads it (validate, dump, export, consolidate): the
 * template's sheets and names only, under the package limits (see readWorkbookBytes). */
export async function readTemplateWorkbook(file: string): Promise<ReadTemplateWorkbook> {
  const bytes = readBytes(file);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = (await readWorkbookBytes(exceljs, bytes, file)).snapshot;
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
  const { template, meta } = templateOfWorkbook(snapshot, file);
  return { file, snapshot, template, meta };
}
