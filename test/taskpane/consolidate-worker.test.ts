// "Tổng hợp" off the main thread: the worker module (run here in-process, its messages cloned as a
// browser clones them) gives the result the main thread gives and `baocao consolidate` gives for
// the same files, passes progress on, stops on "Dừng" with nothing written, writes the preview's
// workbook, and the runner falls back to the main thread when the worker cannot run.
import * as crypto from "node:crypto";
import { consolidateFiles } from "../../src/adapters/xlsx/consolidate";
import { isConsolidatedTemplate, type ConsolidationResult } from "../../src/core/consolidate";
import { readMeta } from "../../src/core/data/read";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import type { ConsolidateProgress } from "../../src/taskpane/session";
import { ConsolidateRunner } from "../../src/taskpane/session/consolidate-client";
import type {
  ConsolidateReply,
  ConsolidateRequest,
} from "../../src/taskpane/session/consolidate-protocol";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";

const ce = findTemplate("cluster-emulation")!;
const qa = findTemplate("quarterly-activity")!;

interface FakeScope {
  onmessage: ((e: { data: ConsolidateRequest }) => void) | null;
  postMessage: (m: ConsolidateReply, transfer?: Transferable[]) => void;
}
/** Where the worker module's replies go (the FakeWorker that sent the request). */
let relay: ((m: ConsolidateReply) => void) | null = null;
let scope: FakeScope;
let files: File[];

beforeAll(async () => {
  scope = { onmessage: null, postMessage: (m) => relay?.(m) };
  (globalThis as unknown as { self: FakeScope }).self = scope;
  await import("../../src/taskpane/session/consolidate.worker");
  const units = await Promise.all(
    CLUSTER_PROVINCES.slice(0, 4).map(async (unit, i) => ({
      name: `${String(i + 1).padStart(2, "0")}-${unit}.xlsx`,
      bytes: await xlsxOf(ce, unitData(ce, unit, i + 21)),
    }))
  );
  const other = await xlsxOf(qa, unitData(qa, "LĐLĐ tỉnh Lai Châu", 5, "2024-Q1"));
  files = [
    ...units.map((u) => new File([u.bytes as BlobPart], u.name)),
    new File([other as BlobPart], "09-bao-cao-quy.xlsx"),
  ];
  // The result carries when each file was read: hold the clock still so results compare.
  jest.useFakeTimers({
    now: new Date("2024-07-08T08:00:00Z"),
    doNotFake: ["nextTick", "setImmediate", "setTimeout", "clearTimeout", "queueMicrotask"],
  });
});

afterAll(() => jest.useRealTimers());

afterEach(() => {
  relay = null;
});

/** A Worker stand-in: runs the worker module as a browser would, cloning every message. */
class FakeWorker {
  onmessage: ((e: { data: ConsolidateReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  sent: ConsolidateRequest[] = [];
  constructor(private readonly mode: "works" | "fails-to-load") {}
  postMessage(m: ConsolidateRequest): void {
    this.sent.push(m);
    const data = structuredClone(m);
    // A browser clones a File as a File (its name read-only); Node's structuredClone makes it a
    // Blob, so the files go across as they are.
    if (m.kind === "consolidate" && data.kind === "consolidate") data.files = [...m.files];
    setTimeout(() => {
      if (this.mode === "fails-to-load") {
        this.onerror?.({ message: "404 consolidate.worker.js", preventDefault: () => undefined });
        return;
      }
      relay = (r) => this.onmessage?.({ data: structuredClone(r) });
      scope.onmessage?.({ data });
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** What `baocao consolidate` makes of the same files (Node's SHA-256, no pane involved). */
async function cliResult(): Promise<ConsolidationResult> {
  return consolidateFiles(
    files.map((f) => ({
      name: f.name,
      // The CLI's file time is the file's mtime; the pane's is File.lastModified.
      fileTime: new Date(f.lastModified).toISOString(),
      read: async () => new Uint8Array(await f.arrayBuffer()),
    })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
    }
  );
}

describe("consolidation in the worker", () => {
  test("gives the main thread's and the CLI's result, with progress, and keeps the worker", async () => {
    let started = 0;
    const runner = new ConsolidateRunner(() => {
      started++;
      return new FakeWorker("works") as unknown as Worker;
    });
    const progress: ConsolidateProgress[] = [];
    const inWorker = await runner.consolidate(files, {}, { onProgress: (p) => progress.push(p) });
    expect(runner.lastThread).toBe("worker");
    const onMain = await runner.consolidate(files, {}, { worker: false });
    expect(runner.lastThread).toBe("main");
    expect(inWorker).toEqual(onMain);
    expect(inWorker).toEqual(await cliResult());
    expect(inWorker.used).toHaveLength(4);
    expect(inWorker.leftOut.map((s) => s.file)).toEqual(["09-bao-cao-quy.xlsx"]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(progress[0]).toEqual({ done: 0, total: 5, file: files[0].name });
    // The template is the catalogue's consolidated one again, not a copy the core would take for
    // an ordinary template (it knows consolidated templates by identity).
    expect(isConsolidatedTemplate(inWorker.template!)).toBe(true);
    expect(inWorker.template).toBe(onMain.template);
    await runner.consolidate(files.slice(0, 1), {});
    expect(started).toBe(1);
  });

  test("warmUp starts the worker while the pane is idle; the first run reuses it", async () => {
    const made: FakeWorker[] = [];
    const runner = new ConsolidateRunner(() => {
      made.push(new FakeWorker("works"));
      return made[made.length - 1] as unknown as Worker;
    });
    runner.warmUp();
    expect(made).toHaveLength(1);
    expect(made[0].sent.map((m) => m.kind)).toEqual(["warm"]);
    const replies: ConsolidateReply[] = [];
    const runnerHears = made[0].onmessage;
    made[0].onmessage = (e) => (replies.push(e.data), runnerHears?.(e));
    // The worker loads ExcelJS and reads a one-cell workbook; it answers nothing, not even an error.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(replies).toEqual([]);
    expect(runner.workerUnusable).toBe(false);
    const r = await runner.consolidate(files, {});
    expect(runner.lastThread).toBe("worker");
    expect(r.used).toHaveLength(4);
    expect(made).toHaveLength(1);
  });

  test('"Dừng" stops the worker\'s run before its next file', async () => {
    const worker = new FakeWorker("works");
    const runner = new ConsolidateRunner(() => worker as unknown as Worker);
    const controller = new AbortController();
    const run = runner.consolidate(
      files,
      {},
      {
        signal: controller.signal,
        onProgress: (p) => p.done === 1 && controller.abort(),
      }
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(worker.sent.map((m) => m.kind)).toEqual(["consolidate", "stop"]);
    expect(runner.workerUnusable).toBe(false);
    expect(runner.lastThread).toBeNull();
  });

  test("writes the preview's consolidated workbook as the main thread does", async () => {
    const runner = new ConsolidateRunner(() => new FakeWorker("works") as unknown as Worker);
    const result = await runner.consolidate(files, {});
    const inWorker = await runner.workbook(result.template!, result.data, "tong-hop.xlsx");
    expect(runner.lastThread).toBe("worker");
    // The main thread, from what `baocao consolidate` computed (never cloned).
    const cli = await cliResult();
    const onMain = await runner.workbook(cli.template!, cli.data, "tong-hop.xlsx", {
      worker: false,
    });
    expect(inWorker.sheets).toEqual(onMain.sheets);
    expect(inWorker.opened).toEqual(onMain.opened);
    expect(readMeta(inWorker.opened.snapshot)).toMatchObject({
      templateId: ce.id,
      consolidated: true,
    });
    expect(inWorker.bytes.length).toBeGreaterThan(5000);
  });
});

test("files picked as named Blobs rather than Files keep their names", async () => {
  const runner = new ConsolidateRunner(() => new FakeWorker("works") as unknown as Worker);
  const blobs = await Promise.all(
    files.map(async (f) => Object.assign(new Blob([await f.arrayBuffer()]), { name: f.name }))
  );
  const r = await runner.consolidate(blobs, {});
  expect(runner.lastThread).toBe("worker");
  expect(r.sources.map((s) => s.file)).toEqual(files.map((f) => f.name));
});

describe("the runner falls back to the main thread", () => {
  test("when the worker cannot start or fails to load", async () => {
    const throwing = new ConsolidateRunner(() => {
      throw new Error("SecurityError: workers are not allowed");
    });
    const a = await throwing.consolidate(files, {});
    expect(throwing.lastThread).toBe("main");
    expect(a.used).toHaveLength(4);
    let made: FakeWorker | null = null;
    const failing = new ConsolidateRunner(() => {
      made = new FakeWorker("fails-to-load");
      return made as unknown as Worker;
    });
    const progress: number[] = [];
    const b = await failing.consolidate(files, {}, { onProgress: (p) => progress.push(p.done) });
    expect(failing.lastThread).toBe("main");
    expect(b).toEqual(a);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5]);
    expect(made!.terminated).toBe(true);
    expect(failing.workerUnusable).toBe(true);
  });

  test("when the browser has no Worker", async () => {
    const runner = new ConsolidateRunner(null);
    const r = await runner.consolidate(files, {});
    expect(runner.lastThread).toBe("main");
    expect(r.used).toHaveLength(4);
  });
});
