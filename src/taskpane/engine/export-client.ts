// Runs "Xuất Word" in a Web Worker when the browser has one, so the pane stays responsive while a
// long document is built; on the main thread when Worker is missing, cannot start (a webview's
// policy, a blocked script) or fails for a reason of its own. Both run export-run.ts on the same
// inputs, so they give the same bytes. The worker is started on first use and kept.
import type { ExportInputs } from "./export-inputs";
import type { ExportedDraft } from "./export-run";
import type { WorkerReply, WorkerRequest } from "./export-protocol";

export type ExportThread = "worker" | "main";

export interface ExportResult extends ExportedDraft {
  /** Where the draft was built. */
  thread: ExportThread;
}

export interface RunOptions {
  /** False: build on the main thread (the comparison in tests and measurements). */
  worker?: boolean;
}

/** Starts the worker (export-worker-factory.ts in the pane; a stand-in in tests). */
export type WorkerFactory = () => Worker;

/** The worker could not do the job for a reason of its own: the main thread does it instead. */
class WorkerUnusable extends Error {}

interface Waiting {
  resolve: (d: ExportedDraft) => void;
  reject: (e: Error) => void;
}

export class ExportRunner {
  private worker: Worker | null = null;
  private unusable = false;
  private seq = 0;
  private readonly waiting = new Map<number, Waiting>();

  /** `createWorker` null: no Worker in this browser, every export runs on the main thread. */
  constructor(private readonly createWorker: WorkerFactory | null) {}

  /** True once the worker failed: later exports go straight to the main thread. */
  get workerUnusable(): boolean {
    return this.unusable || this.createWorker === null;
  }

  private failAll(reason: string): void {
    this.unusable = true;
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new WorkerUnusable(reason));
    this.waiting.clear();
  }

  private onReply(reply: WorkerReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.ok) {
      w.resolve(reply.draft);
      return;
    }
    const err = new Error(reply.error.message);
    err.name = reply.error.name;
    // Bad inputs fail the same way on the main thread: say so. Anything else may be the worker's
    // (a library that needs the page): the main thread does this job and the ones after it.
    if (err.name === "ExportInputError") w.reject(err);
    else {
      w.reject(new WorkerUnusable(err.message));
      this.failAll(err.message);
    }
  }

  private start(): Worker | null {
    if (this.workerUnusable || !this.createWorker) return null;
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = this.createWorker();
    } catch {
      this.unusable = true;
      return null;
    }
    w.onmessage = (e: MessageEvent<WorkerReply>) => this.onReply(e.data);
    // A worker script that does not load or throws at start arrives here, not as a reply.
    w.onerror = (e) => {
      e.preventDefault();
      this.failAll(e.message || "worker error");
    };
    w.onmessageerror = () => this.failAll("messageerror");
    this.worker = w;
    return w;
  }

  private inWorker(w: Worker, inputs: ExportInputs): Promise<ExportedDraft> {
    return new Promise((resolve, reject) => {
      const id = ++this.seq;
      this.waiting.set(id, { resolve, reject });
      try {
        w.postMessage({ id, inputs } satisfies WorkerRequest);
      } catch (err) {
        // Inputs that cannot be cloned: the main thread works on them directly.
        this.waiting.delete(id);
        reject(new WorkerUnusable(String(err)));
      }
    });
  }

  async run(inputs: ExportInputs, options: RunOptions = {}): Promise<ExportResult> {
    const w = options.worker === false ? null : this.start();
    if (w) {
      try {
        return { ...(await this.inWorker(w, inputs)), thread: "worker" };
      } catch (err) {
        if (!(err instanceof WorkerUnusable)) throw err;
      }
    }
    const run = await import(/* webpackChunkName: "export-main" */ "./export-run");
    return { ...(await run.exportDraft(inputs)), thread: "main" };
  }
}
