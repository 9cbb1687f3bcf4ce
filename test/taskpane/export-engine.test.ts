// "Xuất Word" in the pane: the worker builds exactly the bytes the main thread and the real
// `baocao export` (run on the same workbook file) build, from the cut-down inputs it is sent; the
// summary the tab shows.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { loadWorkbook, snapshotOfWorkbook } from "../../src/adapters/xlsx/read";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { consolidationToXlsx } from "../../src/adapters/xlsx/consolidate";
import { consolidate } from "../../src/core/consolidate";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { DEFAULT_SETTINGS, type DocumentSettings } from "../../src/core/document";
import { planWorkbook } from "../../src/core/layout/planner";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { locateTableOf, type ExportInputs } from "../../src/taskpane/engine/export-inputs";
import { prepareExport } from "../../src/taskpane/engine/export-prepare";
import { buildDraftDocument, exportDraft } from "../../src/taskpane/engine/export-run";
import type { WorkerReply, WorkerRequest } from "../../src/taskpane/engine/export-protocol";
import { ExportRunner } from "../../src/taskpane/engine/export-client";
import { screened, unitData } from "../core/consolidate/fixtures";
import { cli } from "../cli/run";

const exceljs = ExcelJS as unknown as ExcelJsModule;

/** The worker module, loaded as a worker would load it, with a stand-in for its global scope. */
interface FakeScope {
  onmessage: ((e: { data: WorkerRequest }) => void) | null;
  postMessage: (m: WorkerReply, transfer?: Transferable[]) => void;
}
let scope: FakeScope;
const replies: WorkerReply[] = [];
/** Where the worker module's replies go besides `replies` (the FakeWorker of a runner test). */
let relay: ((m: WorkerReply) => void) | null = null;

beforeAll(async () => {
  scope = {
    onmessage: null,
    postMessage: (m) => {
      replies.push(m);
      relay?.(m);
    },
  };
  (globalThis as unknown as { self: FakeScope }).self = scope;
  await import("../../src/taskpane/engine/export.worker");
  // docProps/core.xml and the zip entries carry the time: hold it still so bytes compare.
  jest.useFakeTimers({
    now: new Date("2024-03-08T08:00:00Z"),
    doNotFake: [
      "nextTick",
      "setImmediate",
      "clearImmediate",
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "queueMicrotask",
      "hrtime",
      "performance",
    ],
  });
});

afterAll(() => {
  jest.useRealTimers();
  delete (globalThis as unknown as { self?: FakeScope }).self;
});

/** Posts to the worker module as the pane does (a structured clone of the inputs), and waits. */
async function viaWorker(inputs: ExportInputs): Promise<WorkerReply> {
  const id = replies.length + 1000;
  scope.onmessage?.({ data: { id, inputs: structuredClone(inputs) } });
  for (let i = 0; i < 600; i++) {
    const r = replies.find((x) => x.id === id);
    if (r) return r;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error("no reply from the worker module");
}

/** Snapshot of a workbook file's bytes, as the pane gets it (the same reader the CLI uses). */
async function snapshotOfBytes(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  return snapshotOfWorkbook(await loadWorkbook(exceljs, bytes, name), name);
}

async function sampleXlsx(id: string): Promise<Uint8Array> {
  return planToXlsx(exceljs, planWorkbook(findTemplate(id)!, loadSample(id)));
}

async function xlsxSnapshot(id: string): Promise<WorkbookSnapshot> {
  return snapshotOfBytes(await sampleXlsx(id), `${id}.xlsx`);
}

/** The consolidated workbook as `baocao consolidate` writes it. */
async function consolidatedXlsx(): Promise<Uint8Array> {
  const qa = findTemplate("quarterly-activity")!;
  const sources = CLUSTER_PROVINCES.slice(0, 5).map((unit, i) =>
    screened(qa, unitData(qa, unit, i + 3, "2024-Q1"), `${i + 1}.xlsx`)
  );
  const result = consolidate(sources, {
    find: findTemplate,
    consolidatedAt: "2024-04-05T09:00:00.000Z",
  });
  return consolidationToXlsx(exceljs, result);
}

/** What the real `baocao export` writes for the workbook file, with these settings. */
async function cliBytes(xlsx: Uint8Array, settings: DocumentSettings): Promise<Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-export-parity-"));
  try {
    const input = path.join(dir, "in.xlsx");
    const out = path.join(dir, "out.docx");
    fs.writeFileSync(input, xlsx);
    const flags: string[] = [];
    if (settings !== DEFAULT_SETTINGS) {
      fs.writeFileSync(path.join(dir, "settings.json"), JSON.stringify(settings));
      flags.push("--settings", path.join(dir, "settings.json"));
    }
    const r = await cli("export", input, "-o", out, ...flags);
    if (r.code !== 0) throw new Error(`baocao export: exit ${r.code}: ${r.stderr}`);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SETTINGS: { name: string; settings: DocumentSettings }[] = [
  { name: "defaults", settings: DEFAULT_SETTINGS },
  {
    name: "compact, no padding, sources as comments",
    settings: { ...DEFAULT_SETTINGS, money: "compact", zeroPad: false, sources: "comments" },
  },
  {
    name: "sources appendix, no footnotes",
    settings: { ...DEFAULT_SETTINGS, sources: "appendix", footnotes: false },
  },
];

describe("worker and main thread give the bytes `baocao export` gives", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ...builtInTemplates().map((t): [string, () => Promise<Uint8Array>] => [
      t.id,
      () => sampleXlsx(t.id),
    ]),
    ["consolidated quarterly-activity", consolidatedXlsx],
  ];

  it.each(cases)(
    "%s",
    async (name, xlsxFn) => {
      const xlsx = await xlsxFn();
      const snapshot = await snapshotOfBytes(xlsx, `${name}.xlsx`);
      const prepared = prepareExport(snapshot);
      expect(prepared.ok).toBe(true);
      if (!prepared.ok) return;
      for (const { name, settings } of SETTINGS) {
        const inputs: ExportInputs = { ...prepared.inputs, settings };
        const cli = await cliBytes(xlsx, settings);
        const main = Buffer.from((await exportDraft(inputs)).bytes);
        const reply = await viaWorker(inputs);
        expect(reply.ok).toBe(true);
        if (!reply.ok) return;
        const worker = Buffer.from(reply.draft.bytes);
        // Byte for byte; the name says which settings differ when one does not.
        expect({ name, equal: worker.equals(main) }).toEqual({ name, equal: true });
        expect({ name, equal: main.equals(cli) }).toEqual({ name, equal: true });
        if (settings.sources === "appendix") {
          // The cut-down locate table finds a cell for every figure (a plan may have none yet).
          const entries = buildDraftDocument(inputs).sources?.entries ?? [];
          expect(entries.filter((e) => e.location === null)).toEqual([]);
        }
      }
      // The real CLI reads and renders three times per case: slow on a loaded 2-core machine.
    },
    240000
  );

  it("sends far less than the snapshot: names, sheet names and the units' names only", async () => {
    const snapshot = await xlsxSnapshot("cluster-emulation");
    const table = locateTableOf(snapshot);
    expect(table.names).toEqual(snapshot.names);
    expect(table.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    const cells = table.sheets.reduce((n, s) => n + s.values.length, 0);
    expect(cells).toBe(loadSample("cluster-emulation").units.length);
    expect(JSON.stringify(table).length).toBeLessThan(JSON.stringify(snapshot).length / 4);
  });

  it("runs on the main thread where there is no Worker, with the same bytes", async () => {
    const prepared = prepareExport(await xlsxSnapshot("annual-plan"));
    if (!prepared.ok) throw new Error("annual-plan");
    const inputs = { ...prepared.inputs, settings: {} };
    const result = await new ExportRunner(null).run(inputs);
    expect(result.thread).toBe("main");
    expect(Buffer.from(result.bytes).equals(Buffer.from((await exportDraft(inputs)).bytes))).toBe(
      true
    );
  });
  it("answers bad inputs with an error the pane can show", async () => {
    const prepared = prepareExport(await xlsxSnapshot("annual-plan"));
    if (!prepared.ok) throw new Error("annual-plan");
    const unknown = await viaWorker({
      ...prepared.inputs,
      template: { id: "khong-co", consolidated: false },
      settings: {},
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        name: "ExportInputError",
        message: 'Không có mẫu "khong-co" trong phiên bản BáoCáo này.',
      },
    });
    const margins = await viaWorker({ ...prepared.inputs, settings: { margins: { left: 10 } } });
    expect(margins.ok).toBe(false);
    if (!margins.ok) expect(margins.error.message).toContain("từ 30 đến 35 mm");
  });
});

/** A Worker stand-in that runs the worker module in this process, as a browser would run it. */
class FakeWorker {
  onmessage: ((e: { data: WorkerReply }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor(private readonly mode: "works" | "fails-to-load") {}
  postMessage(m: WorkerRequest): void {
    const data = structuredClone(m);
    setTimeout(() => {
      if (this.mode === "fails-to-load") {
        this.onerror?.({ message: "404 export.worker.js", preventDefault: () => undefined });
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

describe("the runner: worker first, main thread when the worker cannot", () => {
  let inputs: ExportInputs;
  beforeAll(async () => {
    const prepared = prepareExport(await xlsxSnapshot("cluster-emulation"));
    if (!prepared.ok) throw new Error("cluster-emulation");
    inputs = { ...prepared.inputs, settings: { sources: "appendix" } };
  });
  afterEach(() => {
    relay = null;
  });

  it("builds in the worker, the same bytes as the main thread, and keeps the worker", async () => {
    let started = 0;
    const runner = new ExportRunner(() => {
      started++;
      return new FakeWorker("works") as unknown as Worker;
    });
    const a = await runner.run(inputs);
    const b = await runner.run(inputs);
    expect([a.thread, b.thread]).toEqual(["worker", "worker"]);
    expect(started).toBe(1);
    const main = await runner.run(inputs, { worker: false });
    expect(main.thread).toBe("main");
    expect(Buffer.from(a.bytes).equals(Buffer.from(main.bytes))).toBe(true);
    expect(a.html).toBe(main.html);
    expect(a.text).toBe(main.text);
  });

  it("falls back to the main thread when the worker does not start or fails to load", async () => {
    const throwing = new ExportRunner(() => {
      throw new Error("SecurityError: workers are not allowed");
    });
    expect((await throwing.run(inputs)).thread).toBe("main");
    let made: FakeWorker | null = null;
    const failing = new ExportRunner(() => {
      made = new FakeWorker("fails-to-load");
      return made as unknown as Worker;
    });
    const r = await failing.run(inputs);
    expect(r.thread).toBe("main");
    expect(r.bytes.length).toBeGreaterThan(10000);
    expect(made!.terminated).toBe(true);
    expect(failing.workerUnusable).toBe(true);
  });

  it("passes bad inputs' errors on instead of trying again on the main thread", async () => {
    const runner = new ExportRunner(() => new FakeWorker("works") as unknown as Worker);
    await expect(
      runner.run({ ...inputs, template: { id: "khong-co", consolidated: false } })
    ).rejects.toMatchObject({ name: "ExportInputError" });
    expect(runner.workerUnusable).toBe(false);
  });
});

describe("what the tab shows before exporting", () => {
  it("names the template, period, sections with figures and counts problems", async () => {
    const prepared = prepareExport(await xlsxSnapshot("cluster-emulation"));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const s = prepared.summary;
    expect(s).toMatchObject({
      templateId: "cluster-emulation",
      consolidated: false,
      periodCode: "2023-H1",
      errors: 0,
    });
    expect(s.period).not.toBeNull();
    expect(s.sectionsWithFigures).toBeGreaterThan(3);
    expect(s.sectionsWithFigures).toBeLessThan(s.sections);
  });

  it("counts no section with figures and the errors of a blank workbook", async () => {
    const t = findTemplate("quarterly-activity")!;
    const bytes = await planToXlsx(exceljs, planWorkbook(t));
    const snapshot = snapshotOfWorkbook(await loadWorkbook(exceljs, bytes, "trong.xlsx"), "x");
    const prepared = prepareExport(snapshot);
    if (!prepared.ok) throw new Error("blank");
    expect(prepared.summary.sectionsWithFigures).toBe(0);
    expect(prepared.summary.errors).toBeGreaterThan(0);
  });

  it("refuses what is not a BáoCáo workbook, and no workbook at all", () => {
    expect(prepareExport(null)).toEqual({ ok: false, problem: { kind: "noWorkbook" } });
    expect(prepareExport({ sheets: [], names: [] })).toEqual({
      ok: false,
      problem: { kind: "notBaoCao" },
    });
  });
});
