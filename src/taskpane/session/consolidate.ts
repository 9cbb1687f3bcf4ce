// "Tổng hợp" behind the WorkbookSession interface: the units' files are read and screened in a Web
// Worker (consolidate-client.ts; on the main thread where there is none), then the consolidated
// workbook goes where the session writes —
// into the open workbook (hosted, through insertTemplate and its confirm/rename flow) or into the
// preview's viewer as "tong-hop-<mẫu>-<kỳ>.xlsx". Nothing is written when the user stops the run
// or when no file is usable (exit code 2).
import type { ConsolidationResult } from "../../core/consolidate";
import type { Approval } from "../../core/consolidate/round";
import { consolidatedFileName } from "../logic/consolidate-files";
import type { Store } from "./store";
import type { PreviewState } from "./preview";
import type { ExistingTemplate, InsertOutcome } from "./types";
import { consolidateRunner } from "./consolidate-client";

/** What the user chose in the tab; every field optional ("tự động"), as for `baocao consolidate`. */
export interface ConsolidateChoices {
  template?: string;
  period?: string;
  insist?: boolean;
  /** Units that must report; undefined: the template's default units. */
  expectedUnits?: string[];
  /** Đơn vị tổng hợp: cơ quan ban hành of the consolidated report. */
  issuer?: string;
  /** Files to use for their unit whatever their dates ("Dùng tệp này"). */
  prefer?: string[];
  /** Files the user approved ("Duyệt"), with when. */
  approvals?: Approval[];
  /** Hạn nộp, YYYY-MM-DD. */
  deadline?: string;
}

export interface ConsolidateProgress {
  /** Files read so far. */
  done: number;
  total: number;
  /** The file being read ("" once every file is read). */
  file: string;
}

export interface ConsolidateRun {
  onProgress?: (p: ConsolidateProgress) => void;
  /** Called once every file is read, just before the workbook is written (no stopping after this). */
  onWriting?: () => void;
  /** Stops the reading; the run then ends "cancelled" with nothing written. */
  signal?: AbortSignal;
  /**
   * Hosted: asked when the open workbook already has a BáoCáo template: true replaces it,
   * "newWorkbook" opens the consolidation in a new workbook instead (ExcelApi 1.8).
   */
  confirmReplace?: (existing: ExistingTemplate) => Promise<boolean | "newWorkbook">;
}

/** A file the user picked (a browser File; its lastModified ranks a unit's resends). */
export type PickedFile = Blob & { name: string; lastModified?: number };

export type ConsolidateOutcome =
  /** The consolidated workbook was inserted (hosted) or became the preview's workbook. */
  | {
      status: "written";
      result: ConsolidationResult;
      insert: InsertOutcome & { status: "inserted" };
      /** Preview: the name "Tải xuống" saves it under; null in hosted mode. */
      fileName: string | null;
      /** Hosted: opened in a new workbook ("Mở sổ mới"); the open one is unchanged. */
      newWorkbook?: boolean;
    }
  /** No usable file (exit code 2): nothing written; the result says why for each file. */
  | { status: "nothingUsable"; result: ConsolidationResult }
  /** Hosted: the user declined to replace the workbook's BáoCáo template; nothing written. */
  | { status: "notReplaced"; result: ConsolidationResult }
  /** The user pressed "Dừng" while the files were read; nothing written. */
  | { status: "cancelled" };

export type ConsolidatedWriter = (
  result: ConsolidationResult & { template: NonNullable<ConsolidationResult["template"]> }
) => Promise<{ insert: InsertOutcome; fileName: string | null }>;

const isAbort = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { name?: unknown }).name === "AbortError";

/** Reads, screens and consolidates the files, then hands a usable result to `write`. */
export async function runConsolidation(
  files: readonly PickedFile[],
  choices: ConsolidateChoices,
  run: ConsolidateRun,
  write: ConsolidatedWriter
): Promise<ConsolidateOutcome> {
  const runner = await consolidateRunner();
  let result: ConsolidationResult;
  try {
    result = await runner.consolidate(files, choices, {
      onProgress: run.onProgress,
      signal: run.signal,
    });
  } catch (e) {
    if (isAbort(e)) return { status: "cancelled" };
    throw e;
  }
  // Stopped between the last file and here: still nothing written.
  if (run.signal?.aborted) return { status: "cancelled" };
  const template = result.template;
  if (result.exitCode === 2 || !template || !result.data)
    return { status: "nothingUsable", result };
  run.onWriting?.();
  // One paint of "Đang ghi…" before the writing, which may take a while in Excel.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const { insert, fileName } = await write({ ...result, template });
  if (insert.status !== "inserted") return { status: "notReplaced", result };
  return { status: "written", result, insert: { ...insert, status: "inserted" }, fileName };
}

/** Preview: the consolidated workbook replaces the viewer's workbook, ready for "Tải xuống". */
export async function showConsolidatedInPreview(
  store: Store<PreviewState>,
  result: Parameters<ConsolidatedWriter>[0]
): Promise<{ insert: InsertOutcome; fileName: string }> {
  const period = result.data?.header.period ?? null;
  const fileName = consolidatedFileName(result.template.id, period);
  const runner = await consolidateRunner();
  const { bytes, sheets, opened } = await runner.workbook(result.template, result.data, fileName);
  store.set({
    workbook: {
      fileName,
      bytes,
      ...opened,
      templateId: result.template.id,
      period,
      origin: "created",
    },
    selection: null,
    marks: null,
  });
  return {
    insert: { status: "inserted", sheets, renamed: [], skipped: [], replaced: null, syncs: 0 },
    fileName,
  };
}
