// Runs "Tổng hợp" in a Web Worker when the browser has one, so the pane keeps painting its progress
// and answering "Dừng" while ExcelJS parses the units' files; on the main thread when Worker is
// missing, cannot start (a webview's policy, a blocked script) or fails for a reason of its own.
// Both run consolidatePickedFiles on the same files, so they give the same result. The worker is
// started on first use and kept. Only the reading moves: writing into Excel stays on the main
// thread (Office.js lives there); the preview's consolidated workbook is written in the worker too.
import type { ConsolidationResult } from "../../core/consolidate";
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";
import type { ConsolidateChoices, ConsolidateProgress, PickedFile } from "./consolidate";
import type {
  ConsolidateReply,
  ConsolidateRequest,
  ConsolidatedWorkbook,
} from "./consolidate-protocol";
import { loadTools } from "./xlsx-loader";
import { paneTemplateList } from "../templates/store";
import { WorkerRunner, WorkerUnusable, type WorkerFactory } from "../engine/worker-runner";

export type { WorkerFactory };

export type ConsolidateThread = "worker" | "main";

export interface ReadRun {
  onProgress?: (p: ConsolidateProgress) => void;
  signal?: AbortSignal;
  /** False: read on the main thread (the comparison in tests). */
  worker?: boolean;
}

interface Waiting {
  resolve: (reply: ConsolidateReply) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ConsolidateProgress) => void;
}

/** The pane's templates that are not built in, as files for the worker (see templates/store.ts). */
const paneFiles = () => paneTemplateList()?.files() ?? [];
/** The pane's lookup (built-in, office-wide, the user's own); undefined: the built-ins. */
const paneFind = () => paneTemplateList()?.find;

function abortError(): Error {
  const e = new Error("Đã huỷ tổng hợp theo yêu cầu; chưa ghi tệp nào.");
  e.name = "AbortError";
  return e;
}

export class ConsolidateRunner extends WorkerRunner<ConsolidateReply, Waiting> {
  /** Where the last job ran (tests and measurements). */
  lastThread: ConsolidateThread | null = null;

  protected onReply(reply: ConsolidateReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    if (reply.kind === "progress") {
      w.onProgress?.(reply.progress);
      return;
    }
    this.waiting.delete(reply.id);
    if (reply.kind !== "error") {
      w.resolve(reply);
      return;
    }
    // "Dừng" ends the run the same way on either thread.
    this.rejectWith(w, reply.error, "AbortError");
  }

  private ask(
    w: Worker,
    request: ConsolidateRequest,
    extra: { onProgress?: (p: ConsolidateProgress) => void; signal?: AbortSignal } = {}
  ): Promise<ConsolidateReply> {
    return new Promise((resolve, reject) => {
      const { id } = request;
      const stop = () => w.postMessage({ id, kind: "stop" } satisfies ConsolidateRequest);
      extra.signal?.addEventListener("abort", stop, { once: true });
      const done = () => extra.signal?.removeEventListener("abort", stop);
      this.waiting.set(id, {
        resolve: (r) => (done(), resolve(r)),
        reject: (e) => (done(), reject(e)),
        onProgress: extra.onProgress,
      });
      try {
        w.postMessage(request);
      } catch (err) {
        // Inputs that cannot be cloned: the main thread works on them directly.
        this.waiting.delete(id);
        done();
        reject(new WorkerUnusable(String(err)));
      }
    });
  }

  /**
   * Starts the worker and has it load ExcelJS, while the pane is idle: the first "Tổng hợp" then
   * does not wait for the worker's script, ExcelJS's download and the browser compiling them
   * (about 1 s of a 50-file run). Nothing happens where there is no usable worker.
   */
  warmUp(): void {
    const w = this.start();
    w?.postMessage({ id: ++this.seq, kind: "warm" } satisfies ConsolidateRequest);
  }

  /** Reads, screens and consolidates the files (rejects with an AbortError on "Dừng"). */
  async consolidate(
    files: readonly PickedFile[],
    choices: ConsolidateChoices,
    run: ReadRun = {}
  ): Promise<ConsolidationResult> {
    if (run.signal?.aborted) throw abortError();
    const w = run.worker === false ? null : this.start();
    if (w) {
      try {
        const request: ConsolidateRequest = {
          id: ++this.seq,
          kind: "consolidate",
          files: files.map((f) => ({ name: f.name, blob: f, lastModified: f.lastModified })),
          choices,
          templates: paneFiles(),
        };
        const reply = await this.ask(w, request, run);
        if (reply.kind === "result") {
          this.lastThread = "worker";
          const { result } = reply;
          if (!result.template) return result;
          const own = await import(/* webpackChunkName: "xlsx-tools" */ "./consolidate-template");
          return { ...result, template: own.ownConsolidatedTemplate(result.template, paneFind()) };
        }
      } catch (err) {
        if (!(err instanceof WorkerUnusable)) throw err;
        if (run.signal?.aborted) throw abortError();
      }
    }
    const tools = await loadTools();
    this.lastThread = "main";
    return tools.consolidatePickedFiles(files, choices, {
      onProgress: run.onProgress,
      signal: run.signal,
      find: paneFind(),
    });
  }

  /** Preview: the consolidated workbook's .xlsx bytes, and the viewer's reading of them. */
  async workbook(
    template: Template,
    data: ReportData | null,
    fileName: string,
    options: { worker?: boolean } = {}
  ): Promise<ConsolidatedWorkbook> {
    const w = options.worker === false ? null : this.start();
    if (w) {
      try {
        const request: ConsolidateRequest = {
          id: ++this.seq,
          kind: "workbook",
          template,
          templates: paneFiles(),
          data,
          fileName,
        };
        const reply = await this.ask(w, request);
        if (reply.kind === "workbook") {
          this.lastThread = "worker";
          return reply.workbook;
        }
      } catch (err) {
        if (!(err instanceof WorkerUnusable)) throw err;
      }
    }
    const tools = await loadTools();
    this.lastThread = "main";
    const { bytes, sheets } = await tools.createWorkbookBytes(template, data ?? undefined);
    return { bytes, sheets, opened: await tools.openWorkbookBytes(bytes, fileName) };
  }
}

let shared: Promise<ConsolidateRunner> | null = null;

/** The pane's runner, its worker started and ExcelJS loaded in it (see warmUp); for idle time. */
export function warmConsolidation(): void {
  void consolidateRunner().then((r) => r.warmUp());
}

/**
 * The pane's runner. The worker factory is imported only where Worker exists: its
 * `import.meta.url` is for webpack, and jest (no Worker) never loads it.
 */
export function consolidateRunner(): Promise<ConsolidateRunner> {
  shared ??=
    typeof Worker === "undefined"
      ? Promise.resolve(new ConsolidateRunner(null))
      : import(/* webpackMode: "eager" */ "./consolidate-worker-factory").then(
          (f) => new ConsolidateRunner(f.createConsolidateWorker)
        );
  return shared;
}
