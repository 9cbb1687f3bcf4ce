// "Tạo kỳ sau" and "Tải dữ liệu phẳng" in either mode, through the WorkbookSession interface:
// the workbook is read as "Kiểm tra" reads it, the engine makes the result (logic/round-data.ts)
// and the preview's tools write the .xlsx. The next period is a new workbook, never written over
// the open one (which holds this period's report): hosted, Excel opens it as a new workbook when
// the host can (ExcelApi 1.8, Excel.createWorkbook); otherwise, and in preview, it is downloaded.
import { loadEngine } from "../engine";
import { workbookFileName } from "../logic/file-name";
import type { WorkbookProblem, WorkbookSession } from "./types";
import { loadTools } from "./xlsx-loader";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MIME = "text/csv;charset=utf-8";

export type NextPeriodOutcome =
  | {
      status: "made";
      fileName: string;
      bytes: Uint8Array;
      /** "2024-Q2" and "quý II/2024". */
      period: string;
      periodLabel: string;
      baselinesFilled: number;
      tasksCarried: boolean;
      /** Hosted: opened in Excel as a new workbook (else the pane offers the download). */
      opened: boolean;
    }
  | { status: "problem"; problem: WorkbookProblem }
  /** The core's Vietnamese message: why this workbook has no next period (yet). */
  | { status: "refused"; message: string };

/** Opens .xlsx bytes as a new workbook in Excel; false when the host cannot (ExcelApi < 1.8). */
export async function openInExcel(
  bytes: Uint8Array,
  supports: (version: string) => boolean
): Promise<boolean> {
  const excel = (globalThis as { Excel?: { createWorkbook?: (b64: string) => Promise<void> } })
    .Excel;
  if (!supports("1.8") || typeof excel?.createWorkbook !== "function") return false;
  await excel.createWorkbook(toBase64(bytes));
  return true;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  // In slices: String.fromCharCode(...bytes) overflows the stack on a large workbook.
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function makeNextPeriod(
  session: WorkbookSession,
  options: {
    lastYear?: Blob & { name: string };
    /** Hosted: opens the result in Excel (see openInExcel); absent in preview. */
    open?: (bytes: Uint8Array) => Promise<boolean>;
  } = {}
): Promise<NextPeriodOutcome> {
  const snapshot = await session.readWorkbook();
  if (!snapshot) return { status: "problem", problem: { kind: "noWorkbook" } };
  let lastYear;
  if (options.lastYear) {
    const read = await session.readPreviousPeriod(options.lastYear);
    if (!read.ok) return { status: "problem", problem: read.problem };
    lastYear = read.previous.data;
  }
  const [engine, tools] = await Promise.all([loadEngine(), loadTools()]);
  const plan = await engine.nextPeriodPlan(snapshot, lastYear);
  if (!plan.ok)
    return "problem" in plan
      ? { status: "problem", problem: plan.problem }
      : { status: "refused", message: plan.refused };
  const { bytes } = await tools.createWorkbookBytes(plan.template, plan.data, {
    sectionPrompts: plan.sectionPrompts,
  });
  const opened = options.open ? await options.open(bytes) : false;
  return {
    status: "made",
    fileName: workbookFileName(plan.template.id, plan.period),
    bytes,
    period: plan.period,
    periodLabel: plan.periodLabel,
    baselinesFilled: plan.baselinesFilled,
    tasksCarried: plan.tasksCarried,
    opened,
  };
}

export type FlatFormat = "csv" | "xlsx";

export type FlatOutcome =
  | { status: "made"; fileName: string; bytes: Uint8Array; mime: string; rows: number }
  | { status: "problem"; problem: WorkbookProblem };

/** The workbook's figures, one row each (as `baocao dump --format csv|xlsx`), ready to download. */
export async function makeFlatData(
  session: WorkbookSession,
  format: FlatFormat
): Promise<FlatOutcome> {
  const snapshot = await session.readWorkbook();
  if (!snapshot) return { status: "problem", problem: { kind: "noWorkbook" } };
  const engine = await loadEngine();
  const plan = await engine.flatPlan(snapshot);
  if (!plan.ok) return { status: "problem", problem: plan.problem };
  const base = workbookFileName(plan.templateId, plan.period).replace(/^bao-cao-/, "du-lieu-");
  if (format === "csv") {
    return {
      status: "made",
      fileName: base.replace(/\.xlsx$/, ".csv"),
      bytes: new TextEncoder().encode(await engine.flatCsv(plan.rows)),
      mime: CSV_MIME,
      rows: plan.rows.length,
    };
  }
  const tools = await loadTools();
  return {
    status: "made",
    fileName: base,
    bytes: await tools.flatXlsxBytes(plan.rows),
    mime: XLSX_MIME,
    rows: plan.rows.length,
  };
}
