// A template that is not built in (the office's or the user's, from the pane's list) in the pane's
// main-thread code and in both workers: the workers cannot see the list, so they are sent the
// template's file and load it; without it they would not know the template.
import { readFileSync } from "node:fs";
import path from "node:path";
import { consolidatedTemplate, isConsolidatedTemplate } from "../../src/core/consolidate";
import { emptyData } from "../../src/core/data/empty";
import type { ReportData } from "../../src/core/data/types";
import type { Template } from "../../src/core/model/load";
import { builtInTemplates } from "../../src/templates";
import { ExportInputError, buildDraftDocument } from "../../src/taskpane/engine/export-run";
import { prepareExport } from "../../src/taskpane/engine/export-prepare";
import type { TemplateRef } from "../../src/taskpane/engine/export-inputs";
import { checkWorkbook } from "../../src/taskpane/logic/workbook-check";
import { ConsolidateRunner } from "../../src/taskpane/session/consolidate-client";
import type {
  ConsolidateReply,
  ConsolidateRequest,
} from "../../src/taskpane/session/consolidate-protocol";
import * as parser from "../../src/taskpane/templates/parse-upload";
import { setPaneTemplates, TemplateStore } from "../../src/taskpane/templates/store";
import { snapshotOf, xlsxOf } from "../core/consolidate/fixtures";

const fixture = readFileSync(
  path.join(__dirname, "../fixtures/templates/mai-am-cong-doan.json"),
  "utf8"
);
const UNITS = ["LĐLĐ huyện Tam Đường", "LĐLĐ huyện Phong Thổ", "LĐLĐ huyện Sìn Hồ"];

let store: TemplateStore;
let template: Template;

function unitData(i: number): ReportData {
  const data = emptyData(template);
  Object.assign(data.header, {
    issuingBody: UNITS[i],
    number: `${10 + i}/BC-LĐLĐ`,
    place: "Lai Châu",
    date: "2025-12-05",
    period: "2025",
    signerTitle: "CHỦ TỊCH",
    signerName: "Nguyễn Văn An",
  });
  data.units = [
    {
      name: UNITS[i],
      parent: null,
      values: { ma_de_nghi: 3 + i, ma_da_ho_tro: i + 1, ma_tien: (i + 1) * 60_000_000 },
    },
  ];
  return data;
}

interface FakeScope {
  onmessage: ((e: { data: ConsolidateRequest }) => void) | null;
  postMessage: (m: ConsolidateReply) => void;
}
let relay: ((m: ConsolidateReply) => void) | null = null;
const scope: FakeScope = { onmessage: null, postMessage: (m) => relay?.(m) };

/** A Worker stand-in: the worker module in this process, every message cloned as a browser does. */
class FakeWorker {
  onmessage: ((e: { data: ConsolidateReply }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessageerror: (() => void) | null = null;
  sent: ConsolidateRequest[] = [];
  postMessage(m: ConsolidateRequest): void {
    this.sent.push(m);
    const data = structuredClone(m);
    if (m.kind === "consolidate" && data.kind === "consolidate") data.files = [...m.files];
    setTimeout(() => {
      relay = (r) => this.onmessage?.({ data: structuredClone(r) });
      scope.onmessage?.({ data });
    }, 0);
  }
  terminate(): void {}
}

beforeAll(async () => {
  (globalThis as unknown as { self: FakeScope }).self = scope;
  await import("../../src/taskpane/session/consolidate.worker");
  store = new TemplateStore({
    builtIns: builtInTemplates,
    storage: null,
    parser: async () => parser,
  });
  const r = await store.importFile(
    "mai-am-cong-doan.json",
    new TextEncoder().encode(fixture).buffer as ArrayBuffer
  );
  if (!r.ok) throw new Error("fixture does not load");
  template = r.template;
});

afterEach(() => setPaneTemplates(null));

describe("consolidation in the worker, with a template from the pane's list", () => {
  async function files(): Promise<File[]> {
    return Promise.all(
      UNITS.map(
        async (u, i) =>
          new File([(await xlsxOf(template, unitData(i))) as BlobPart], `${i + 1}.xlsx`)
      )
    );
  }

  test("the worker is sent the template's file, consolidates every unit, and the pane gets its own consolidated template back", async () => {
    setPaneTemplates(store);
    const worker = new FakeWorker();
    const runner = new ConsolidateRunner(() => worker as unknown as Worker);
    const result = await runner.consolidate(await files(), {});
    expect(runner.lastThread).toBe("worker");
    const sent = worker.sent[0];
    expect(sent.kind === "consolidate" && sent.templates?.map((f) => f.id)).toEqual([
      "mai-am-cong-doan",
    ]);
    expect(result.leftOut.map((s) => [s.file, result.issues[s.file]])).toEqual([]);
    expect(result.exitCode).toBeLessThan(2);
    expect(result.used).toHaveLength(3);
    expect(result.data?.units.map((u) => u.name).sort()).toEqual([...UNITS].sort());
    expect(isConsolidatedTemplate(result.template!)).toBe(true);
    expect(result.template).toBe(consolidatedTemplate(template));

    // The preview's consolidated workbook is written in the worker too.
    const book = await runner.workbook(result.template!, result.data, "tong-hop.xlsx");
    expect(book.sheets.length).toBeGreaterThan(0);
  });

  test("on the main thread (no worker) the pane's list is used as well", async () => {
    setPaneTemplates(store);
    const runner = new ConsolidateRunner(null);
    const result = await runner.consolidate(await files(), {});
    expect(runner.lastThread).toBe("main");
    expect(result.used).toHaveLength(3);
  });

  test("without the pane's list the worker reads the template each workbook carries", async () => {
    const runner = new ConsolidateRunner(() => new FakeWorker() as unknown as Worker);
    const result = await runner.consolidate(await files(), {});
    expect(result.used).toHaveLength(3);
    expect(result.template?.id).toBe("mai-am-cong-doan");
  });
});

describe("Kiểm tra and Xuất Word, with a template from the pane's list", () => {
  test("the check identifies the workbook by the pane's template", () => {
    const snapshot = snapshotOf(template, unitData(0));
    // Without the list, the definition the workbook carries is used (an equal copy).
    const carried = checkWorkbook(snapshot);
    expect(carried.ok && carried.template).not.toBe(template);
    expect(carried.ok && carried.template.id).toBe("mai-am-cong-doan");
    setPaneTemplates(store);
    const checked = checkWorkbook(snapshot);
    expect(checked.ok && checked.template).toBe(template);
  });

  test("the export's inputs carry the template's file, and the draft is built from it alone", () => {
    setPaneTemplates(store);
    const prepared = prepareExport(snapshotOf(template, unitData(1)));
    if (!prepared.ok) throw new Error(prepared.problem.kind);
    const ref = prepared.inputs.template as TemplateRef;
    expect(ref.file?.id).toBe("mai-am-cong-doan");
    // What the worker does: structured clone, then build.
    const inputs = structuredClone({ ...prepared.inputs, settings: {} });
    const doc = buildDraftDocument(inputs);
    expect(JSON.stringify(doc)).toContain("Mái ấm Công đoàn");
    const { file: _file, ...bare } = ref;
    expect(() => buildDraftDocument({ ...inputs, template: bare })).toThrow(ExportInputError);
  });
});
