// npm run bench: speed and memory of the product's main jobs, printed as a table and saved to
// test-results/bench.json. Budgets are stated per row; a row over budget is marked, not failed,
// because timings depend on the machine (the reference is 2 cores, as in CI).
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { builtInTemplates } from "../src/core/templates";
import { loadSample } from "../src/core/templates/samples";
import { planWorkbook } from "../src/core/layout/planner";
import { readWorkbook } from "../src/core/data/read";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";
import { readXlsx } from "../src/adapters/xlsx/read";
import { insertTemplate } from "../src/adapters/office/insert";
import { createExcelHost } from "../test/excel-host";
import { findTemplate } from "../src/core/templates";
import { validateWorkbook } from "../src/core/validate";
import { readOpenWorkbook } from "../src/adapters/office/read";
import { planToSnapshot } from "../test/support/plan-snapshot";
import { generatedData, inputCellCount } from "./bench-data";
import { consolidateBench } from "./bench-consolidate";
import { exportBench } from "./bench-export";
import { consolidatedExportBench } from "./bench-export-consolidated";
import { fuzzBench } from "./bench-fuzz";
import { readBench } from "./bench-read";

const exceljs = ExcelJS as unknown as ExcelJsModule;

export interface BenchRow {
  group: string;
  case: string;
  ms: number;
  peakMB?: number;
  detail?: string;
  budget?: string;
  overBudget?: boolean;
}

export type Bench = () => Promise<BenchRow[]>;

function heapMB(): number {
  return process.memoryUsage().rss / (1024 * 1024);
}

/** Median of several runs, after one warm-up, so the number is stable on a busy machine. */
export async function time(fn: () => Promise<unknown> | unknown, runs = 5): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const templateBench: Bench = async () => {
  const rows: BenchRow[] = [];
  for (const t of builtInTemplates()) {
    const sample = loadSample(t.id);
    const plan = planWorkbook(t, sample);
    const cells = plan.sheets.reduce((n, s) => n + s.cells.length, 0);
    rows.push({
      group: "templates",
      case: `plan ${t.id}`,
      ms: await time(() => planWorkbook(t, sample), 20),
      detail: `${plan.sheets.length} sheets, ${cells} cells, ${plan.names.length} names`,
    });
    let bytes: Uint8Array = new Uint8Array();
    rows.push({
      group: "templates",
      case: `write .xlsx ${t.id}`,
      ms: await time(async () => {
        bytes = await planToXlsx(exceljs, plan);
      }),
      detail: `${(bytes.length / 1024).toFixed(0)} KB`,
    });
    rows.push({
      group: "templates",
      case: `read + dump ${t.id}`,
      ms: await time(async () => readWorkbook(t, await readXlsx(exceljs, bytes, t.id))),
    });
  }
  return rows;
};

/** Inserting each template into an open workbook through Office.js, on the in-memory host. */
const officeInsertBench: Bench = async () => {
  const rows: BenchRow[] = [];
  for (const t of builtInTemplates()) {
    for (const profile of ["1.7", "latest"] as const) {
      let detail = "";
      let over = false;
      const ms = await time(async () => {
        const { host, Excel, Office } = createExcelHost({ profile });
        const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
        await Excel.run((context) =>
          insertTemplate(context, t, { data: loadSample(t.id), supports })
        );
        const payload = Math.max(...host.stats.map((s) => s.payloadBytes));
        const ops = host.stats.reduce((n, s) => n + s.operations, 0);
        over = host.syncCount > 3;
        detail = `${host.syncCount} syncs, ${ops} operations, largest request ${(payload / 1024).toFixed(0)} KB`;
      }, 3);
      rows.push({
        group: "office insert",
        case: `${t.id} (ExcelApi ${profile})`,
        ms,
        detail,
        budget: "≤ 3 syncs",
        overBudget: over,
      });
    }
  }
  return rows;
};

/** Validating a workbook of about 100,000 filled input cells (cluster template, ~1,080 units). */
const validationBench: Bench = async () => {
  const t = findTemplate("cluster-emulation")!;
  const data = generatedData(t, 1080);
  const cells = inputCellCount(t, data);
  const plan = planWorkbook(t, data);
  const snapshot = planToSnapshot(plan);
  const rows: BenchRow[] = [];
  let findings = 0;
  const ms = await time(() => {
    findings = validateWorkbook(t, snapshot).findings.length;
  }, 3);
  rows.push({
    group: "validation",
    case: `validate ${cells.toLocaleString("vi-VN")} input cells (Node, core)`,
    ms,
    budget: "< 1000 ms",
    overBudget: ms >= 1000,
    detail: `${findings} findings`,
  });

  const bytes = await planToXlsx(exceljs, plan);
  const readMs = await time(async () => readXlsx(exceljs, bytes, "bench.xlsx"), 1);
  rows.push({
    group: "validation",
    case: "read the same workbook from .xlsx (ExcelJS)",
    ms: readMs,
    detail: `${(bytes.length / 1024 / 1024).toFixed(1)} MB file`,
  });

  const { host, Excel, Office } = createExcelHost({ profile: "latest" });
  const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
  await Excel.run((context) => insertTemplate(context, t, { data, supports }));
  const before = host.syncCount;
  const statsBefore = host.stats.length;
  const t0 = performance.now();
  const read = await Excel.run((context) =>
    readOpenWorkbook(context, { supports, formulasOf: (n) => n.startsWith("BCT_") })
  );
  const report = validateWorkbook(t, read.snapshot);
  const hostMs = performance.now() - t0;
  const syncs = host.syncCount - before;
  const response = Math.max(...host.stats.slice(statsBefore).map((s) => s.responseBytes));
  rows.push({
    group: "validation",
    case: "read + validate in the open workbook (in-memory host)",
    ms: hostMs,
    budget: "≤ 2 syncs",
    overBudget: syncs > 2,
    detail: `${syncs} syncs, largest response ${(response / 1024 / 1024).toFixed(2)} MB, ${report.findings.length} findings`,
  });
  return rows;
};

const BENCHES: Bench[] = [
  templateBench,
  officeInsertBench,
  validationBench,
  consolidateBench,
  exportBench,
  consolidatedExportBench,
  fuzzBench,
  readBench,
];

function table(rows: BenchRow[]): string {
  const head = ["group", "case", "time (ms)", "peak RSS (MB)", "budget", "detail"];
  const body = rows.map((r) => [
    r.group,
    r.case,
    r.ms.toFixed(1),
    r.peakMB !== undefined ? r.peakMB.toFixed(0) : "",
    r.budget ? `${r.budget}${r.overBudget ? " ✗ OVER" : " ✓"}` : "",
    r.detail ?? "",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  return [
    line(head),
    "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|",
    ...body.map(line),
  ].join("\n");
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const startMB = heapMB();
  // `npm run bench -- fuzz` runs only the benches whose name contains "fuzz".
  const only = process.argv[2]?.toLowerCase();
  for (const bench of BENCHES.filter((b) => !only || b.name.toLowerCase().includes(only)))
    rows.push(...(await bench()));
  process.stdout.write(table(rows) + "\n");
  process.stdout.write(
    `\nRSS at start ${startMB.toFixed(0)} MB, at end ${heapMB().toFixed(0)} MB; node ${process.version}\n`
  );
  const out = path.resolve(__dirname, "..", "test-results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(
    path.join(out, "bench.json"),
    JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)
  );
  if (rows.some((r) => r.overBudget)) process.exitCode = 1;
}

void main();
