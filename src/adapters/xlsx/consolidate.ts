// Consolidating unit files with ExcelJS, for the CLI and the pane. Files are read one at a time
// and each parsed workbook is dropped as soon as it has been screened, so memory grows with the
// small per-file records, not with the workbooks (1,000 files fit in a few hundred MB).
import {
  consolidate,
  screenSource,
  type ConsolidateOptions,
  type ConsolidationResult,
  type ScreenedSource,
} from "../../core/consolidate";
import { planWorkbook } from "../../core/layout/planner";
import { readSnapshotBytes, XlsxReadError } from "./read";
import type { ExcelJsModule } from "./render";
import { planToXlsxDirect } from "./write";

export interface UnitFile {
  /** The name shown to the user and written to the sources sheet. */
  name: string;
  read(): Promise<Uint8Array>;
  /** The file's modification time (ISO 8601), to rank a unit's resends when nothing else does. */
  fileTime?: string | null;
}

export interface ConsolidateFilesOptions extends Omit<ConsolidateOptions, "consolidatedAt"> {
  exceljs: ExcelJsModule;
  sha256(bytes: Uint8Array): Promise<string>;
  /** Called before each file is read (done files so far) and once at the end (done = total). */
  onProgress?(done: number, total: number, file: string): void;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Thrown when the user cancels; nothing has been written. */
export class ConsolidationCancelled extends Error {
  constructor() {
    super("Đã huỷ tổng hợp theo yêu cầu; chưa ghi tệp nào.");
    this.name = "AbortError";
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ConsolidationCancelled();
}

/** Reads and screens one file; a file that cannot be read is a screened source with a problem. */
async function screenFile(
  f: UnitFile,
  opts: ConsolidateFilesOptions,
  now: () => Date
): Promise<ScreenedSource> {
  const readAt = now().toISOString();
  let bytes: Uint8Array;
  try {
    bytes = await f.read();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return screenSource(
      { file: f.name, checksum: "", readAt },
      { readError: `Không đọc được tệp "${f.name}": ${why}` },
      opts.find
    );
  }
  const src = {
    file: f.name,
    checksum: await opts.sha256(bytes),
    readAt,
    fileTime: f.fileTime ?? null,
  };
  try {
    const { snapshot, savedAt } = await readSnapshotBytes(opts.exceljs, bytes, f.name);
    return screenSource({ ...src, savedAt }, { snapshot }, opts.find);
  } catch (e) {
    if (e instanceof XlsxReadError) return screenSource(src, { readError: e.message }, opts.find);
    // One file must never sink the run: whatever went wrong with it, it is left out with why.
    const why = e instanceof Error ? e.message : String(e);
    return screenSource(
      src,
      {
        readError: `Không đọc được tệp "${f.name}" (lỗi không mong đợi: ${why.slice(0, 160)}). Mở tệp bằng Excel, lưu lại rồi gửi lại; nếu vẫn lỗi, hãy báo lỗi kèm tệp.`,
      },
      opts.find
    );
  }
}

export async function consolidateFiles(
  files: UnitFile[],
  opts: ConsolidateFilesOptions
): Promise<ConsolidationResult> {
  const now = opts.now ?? (() => new Date());
  const screened: ScreenedSource[] = [];
  for (let i = 0; i < files.length; i++) {
    throwIfAborted(opts.signal);
    opts.onProgress?.(i, files.length, files[i].name);
    screened.push(await screenFile(files[i], opts, now));
  }
  throwIfAborted(opts.signal);
  opts.onProgress?.(files.length, files.length, "");
  const { exceljs: _e, sha256: _s, onProgress: _p, signal: _g, now: _n, ...core } = opts;
  return consolidate(screened, { ...core, consolidatedAt: now().toISOString() });
}

/**
 * The consolidated workbook's bytes; only for results with data (exit code 0 or 1). Written
 * directly (write.ts), not through ExcelJS: its per-cell cost made writing a 1,000-unit
 * consolidation cost about as much as reading the 1,000 files. `exceljs` stays in the signature
 * for callers that pass it.
 */
export async function consolidationToXlsx(
  _exceljs: ExcelJsModule,
  result: ConsolidationResult
): Promise<Uint8Array> {
  if (!result.template || !result.data)
    throw new Error("Không có gì để ghi: không còn tệp nào dùng được.");
  return planToXlsxDirect(planWorkbook(result.template, result.data));
}
