// The preview's workbook work, in a lazily loaded chunk together with ExcelJS: nothing here is in
// the pane's initial JavaScript. Loaded by PreviewSession through import().
import type { Workbook } from "exceljs";
import { cellOf, NameIndex, type WorkbookSnapshot } from "../../core/data/snapshot";
import { definedName } from "../../core/layout/names";
import type { ReportData } from "../../core/data/types";
import { readMeta } from "../../core/data/read";
import { planWorkbook, type PlanOptions } from "../../core/layout/planner";
import type { WorkbookPlan } from "../../core/layout/plan";
import { planSnapshot } from "../../core/layout/plan-snapshot";
import type { Template } from "../../core/model/load";
import { readWorkbookBytes } from "../../adapters/xlsx/read";
import { planToXlsx, type ExcelJsModule } from "../../adapters/xlsx/render";
import { flatToXlsx } from "../../adapters/xlsx/flat";
import type { FlatRow } from "../../core/flat";

// "Tổng hợp" reads the units' files with the same ExcelJS, so it lives in this chunk too.
export { consolidatePickedFiles } from "./consolidate-tools";

let exceljsModule: Promise<ExcelJsModule> | null = null;

/** ExcelJS's browser build, loaded once on first use. */
export function loadExcelJs(): Promise<ExcelJsModule> {
  exceljsModule ??= import(/* webpackChunkName: "exceljs" */ "exceljs").then(
    (m) => ((m as unknown as { default?: ExcelJsModule }).default ?? m) as ExcelJsModule
  );
  exceljsModule.catch(() => (exceljsModule = null));
  return exceljsModule;
}

export interface OpenedWorkbook {
  snapshot: WorkbookSnapshot;
  /** Number formats by sheet name, in the shape of each sheet's snapshot values. */
  numFmts: Record<string, (string | null)[][]>;
  templateId: string | null;
  period: string | null;
}

function numFmtGrid(wb: Workbook, snapshot: WorkbookSnapshot): Record<string, (string | null)[][]> {
  const out: Record<string, (string | null)[][]> = {};
  for (const sheet of snapshot.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    out[sheet.name] = sheet.values.map((row, i) =>
      row.map((v, j) => {
        if (typeof v !== "number" || !ws) return null;
        return ws.getCell(sheet.top + i, sheet.left + j).numFmt ?? null;
      })
    );
  }
  return out;
}

/** The period written on the cover (header field BCH_period), if the workbook is one of ours. */
function periodOf(snapshot: WorkbookSnapshot): string | null {
  const r = new NameIndex(snapshot).resolve(definedName({ kind: "header", field: "period" }));
  if (!r.ok) return null;
  const v = cellOf(r.value.sheet, r.value.range.top, r.value.range.left);
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

/** The viewer shows every sheet ("all"); a check reads only the template's ("ours"). Both skip
 * validations and conditional formats and check the zip (see readWorkbookBytes). */
async function readBytes(
  bytes: Uint8Array,
  fileLabel: string,
  sheets: "ours" | "all"
): Promise<{ wb: Workbook; snapshot: WorkbookSnapshot }> {
  const read = await readWorkbookBytes(await loadExcelJs(), bytes, fileLabel, sheets);
  return { wb: read.workbook, snapshot: read.snapshot };
}

/** Reads .xlsx bytes into a snapshot only (the previous period's file for "Kiểm tra"). */
export async function snapshotOfBytes(
  bytes: Uint8Array,
  fileLabel: string
): Promise<WorkbookSnapshot> {
  return (await readBytes(bytes, fileLabel, "ours")).snapshot;
}

/** Reads .xlsx bytes for the viewer; throws XlsxReadError (Vietnamese message) if they are not a workbook. */
export async function openWorkbookBytes(
  bytes: Uint8Array,
  fileLabel: string
): Promise<OpenedWorkbook> {
  const { wb, snapshot } = await readBytes(bytes, fileLabel, "all");
  return {
    snapshot,
    numFmts: numFmtGrid(wb, snapshot),
    templateId: readMeta(snapshot)?.templateId ?? null,
    period: periodOf(snapshot),
  };
}

/** The viewer's reading of the workbook written from this plan, taken from the plan itself:
 * the same as openWorkbookBytes on the written bytes (a test holds them equal), without ExcelJS
 * parsing a workbook the pane has just written (a consolidation's, in the preview). */
export function openedOfPlan(plan: WorkbookPlan): OpenedWorkbook {
  const { snapshot, numFmts } = planSnapshot(plan);
  return {
    snapshot,
    numFmts,
    templateId: readMeta(snapshot)?.templateId ?? null,
    period: periodOf(snapshot),
  };
}

/** Plans and writes the template's workbook as .xlsx bytes (what "Tải xuống" saves). */
export async function createWorkbookBytes(
  template: Template,
  data?: ReportData,
  options: PlanOptions = {}
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const exceljs = await loadExcelJs();
  const plan = planWorkbook(template, data, options);
  const bytes = await planToXlsx(exceljs, plan);
  return { bytes, sheets: plan.sheets.map((s) => s.name) };
}

/** Flat data as a one-sheet .xlsx ("Tải dữ liệu phẳng", the same as baocao dump --format xlsx). */
export async function flatXlsxBytes(rows: readonly FlatRow[]): Promise<Uint8Array> {
  return flatToXlsx(await loadExcelJs(), rows);
}
