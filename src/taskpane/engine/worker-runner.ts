// What the pane's two Web Worker runners (Word export, consolidation) share: the worker is started
// on first use and kept; when it cannot start, does not load or fails for a reason of its own, every
// job waiting on it is told so (WorkerUnusable) and this job and the later ones run on the main
// thread, which gives the same result.

/** Starts a worker (the *-worker-factory.ts modules in the pane; a stand-in in tests). */
export type WorkerFactory = () => Worker;

/** The worker could not do the job for a reason of its own: the main thread does it instead. */
export class WorkerUnusable extends Error {}

export interface Waiter {
  reject: (e: Error) => void;
}

export abstract class WorkerRunner<Reply, W extends Waiter> {
  private worker: Worker | null = null;
  private unusable = false;
  protected seq = 0;
  protected readonly waiting = new Map<number, W>();

  /** `createWorker` null: no Worker in this browser, every job runs on the main thread. */
  constructor(private readonly createWorker: WorkerFactory | null) {}

  /** True once the worker failed (or there is none): later jobs go straight to the main thread. */
  get workerUnusable(): boolean {
    return this.unusable || this.createWorker === null;
  }

  protected abstract onReply(reply: Reply): void;

  protected failAll(reason: string): void {
    this.unusable = true;
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(new WorkerUnusable(reason));
    this.waiting.clear();
  }

  /**
   * A job's error as the worker sent it. One the job gives on either thread (its `ownError`
   * name) is the job's answer; anything else may be the worker's (a library that needs the page):
   * the main thread does this job and the ones after it.
   */
  protected rejectWith(w: W, error: { name: string; message: string }, ownError: string): void {
    const err = new Error(error.message);
    err.name = error.name;
    if (err.name === ownError) w.reject(err);
    else {
      w.reject(new WorkerUnusable(err.message));
      this.failAll(err.message);
    }
  }

  protected start(): Worker | null {
    if (this.workerUnusable || !this.createWorker) return null;
    if (this.worker) return this.worker;
    let w: Worker;
    try {
      w = this.createWorker();
    } catch {
      this.unusable = true;
      return null;
    }
    w.onmessage = (e: MessageEvent<Reply>) => this.onReply(e.data);
    // A worker script that does not load or throws at start arrives here, not as a reply.
    w.onerror = (e) => {
      e.preventDefault();
      this.failAll(e.message || "worker error");
    };
    w.onmessageerror = () => this.failAll("messageerror");
    this.worker = w;
    return w;
  }
}
