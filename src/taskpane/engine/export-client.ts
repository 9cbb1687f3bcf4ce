// Runs "Xuất Word" in a Web Worker when the browser has one, so the pane stays responsive while a
// long document is built; on the main thread when Worker is missing, cannot start (a webview's
// policy, a blocked script) or fails for a reason of its own. Both run export-run.ts on the same
// inputs, so they give the same bytes. The worker is started on first use and kept.
import type { ExportInputs } from "./export-inputs";
import type { ExportedDraft } from "./export-run";
import type { WorkerReply, WorkerRequest } from "./export-protocol";
import { WorkerRunner, WorkerUnusable, type WorkerFactory } from "./worker-runner";

export type { WorkerFactory };

export type ExportThread = "worker" | "main";

export interface ExportResult extends ExportedDraft {
  /** Where the draft was built. */
  thread: ExportThread;
}

export interface RunOptions {
  /** False: build on the main thread (the comparison in tests and measurements). */
  worker?: boolean;
}

interface Waiting {
  resolve: (d: ExportedDraft) => void;
  reject: (e: Error) => void;
}

export class ExportRunner extends WorkerRunner<WorkerReply, Waiting> {
  protected onReply(reply: WorkerReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.ok) {
      w.resolve(reply.draft);
      return;
    }
    // Bad inputs fail the same way on the main thread: say so.
    this.rejectWith(w, reply.error, "ExportInputError");
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
