// Bench: consolidating 100, 300 and 1,000 generated quarterly-activity unit workbooks in Node.
// The files are written once to a temp folder (untimed); each size then runs in a fresh Node
// process, so its peak RSS is its own and not what the previous size left in the heap. Time
// covers reading, screening (validation), consolidating and writing the output .xlsx.
// Budget (2 cores): 1,000 files under 60 s and under 1,5 GB.
// Two-level case: the same 1,000 files as 20 districts × 50 grassroots unions, each district
// consolidated to its own workbook, then the 20 district workbooks consolidated for the province
// (timed in two stages; the province stage is what a province pays once districts have reported).
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { isNumericType } from "../src/core/model/load";
import { findTemplate } from "../src/templates";
import { loadSample } from "../src/templates/samples";
import type { DataValue, ReportData } from "../src/core/data/types";
import { planWorkbook } from "../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";
import { consolidateFiles, consolidationToXlsx } from "../src/adapters/xlsx/consolidate";
import type { Bench, BenchRow } from "./bench";
import { seeded } from "./bench-data";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const SIZES = [100, 300, 1000];
const TEMPLATE = "quarterly-activity";
const BUDGET_MS = 60_000;
const BUDGET_MB = 1536;
const DISTRICTS = 20;
const PER_DISTRICT = 50;

/** One unit's quarterly report: the sample's texts, generated figures (parts within wholes). */
function unitReport(index: number): ReportData {
  const t = findTemplate(TEMPLATE)!;
  const rnd = seeded(index + 1);
  const data = loadSample(TEMPLATE);
  data.header.issuingBody = `Công đoàn cơ sở số ${index + 1}`;
  data.header.period = "2024-Q1";
  const values: Record<string, DataValue> = {};
  const scalars = t.indicators.filter((i) => !i.table && !i.computed && isNumericType(i.type));
  for (const i of scalars)
    if (!i.partOf && !i.ratioOf)
      values[i.id] = i.type === "money" ? Math.round(rnd() * 5e6) * 1000 : Math.floor(rnd() * 5000);
  for (const i of scalars) {
    const whole = i.partOf ? values[i.partOf] : undefined;
    if (typeof whole === "number") values[i.id] = Math.floor(rnd() * (whole + 1));
  }
  for (const [k, v] of Object.entries(data.values))
    if (!isNumericType(t.indicatorById.get(k)?.type ?? "integer")) values[k] = v;
  data.values = values;
  data.baselines = {
    lastYear: Object.fromEntries(
      scalars
        .filter((i) => typeof values[i.id] === "number")
        .map((i) => [i.id, Math.round((values[i.id] as number) * 0.9)])
    ),
  };
  return data;
}

async function writeFiles(dir: string, count: number): Promise<void> {
  const t = findTemplate(TEMPLATE)!;
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`);
    fs.writeFileSync(file, await planToXlsx(exceljs, planWorkbook(t, unitReport(i))));
  }
}

interface ChildResult {
  ms: number;
  peakMB: number;
  used: number;
  leftOut: number;
  outputKB: number;
}

/** Runs in the child process: consolidates the first `count` files of `dir`. */
async function child(dir: string, count: number): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 25);
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort()
    .slice(0, count);
  const t0 = performance.now();
  const result = await consolidateFiles(
    names.map((n) => ({
      name: n,
      read: async () => new Uint8Array(fs.readFileSync(path.join(dir, n))),
    })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
      onProgress: sample,
    }
  );
  sample();
  const bytes = await consolidationToXlsx(exceljs, result);
  sample();
  const out = path.join(dir, `tong-hop-${count}.out`);
  fs.writeFileSync(out, bytes);
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  const res: ChildResult = {
    ms,
    peakMB: peak / 1024 / 1024,
    used: result.used.length,
    leftOut: result.leftOut.length,
    outputKB: bytes.length / 1024,
  };
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

interface LevelsResult {
  districtsMs: number;
  provinceMs: number;
  peakMB: number;
  units: number;
  levels: number;
  outputKB: number;
}

const sha256 = async (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");
const fileOf = (dir: string, n: string) => ({
  name: n,
  read: async () => new Uint8Array(fs.readFileSync(path.join(dir, n))),
});

/** Runs in the child process: districts of PER_DISTRICT files each, then the province over them. */
async function childLevels(dir: string): Promise<void> {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 25);
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith(".xlsx"))
    .sort();
  const out = fs.mkdtempSync(path.join(dir, "huyen-"));
  const t0 = performance.now();
  for (let d = 0; d < DISTRICTS; d++) {
    const part = names.slice(d * PER_DISTRICT, (d + 1) * PER_DISTRICT);
    const r = await consolidateFiles(
      part.map((n) => fileOf(dir, n)),
      { exceljs, find: findTemplate, sha256, onProgress: sample, issuer: `LĐLĐ huyện số ${d + 1}` }
    );
    const name = `huyen-${String(d + 1).padStart(2, "0")}.xlsx`;
    fs.writeFileSync(path.join(out, name), await consolidationToXlsx(exceljs, r));
  }
  const t1 = performance.now();
  const districts = fs.readdirSync(out).sort();
  const result = await consolidateFiles(
    districts.map((n) => fileOf(out, n)),
    { exceljs, find: findTemplate, sha256, onProgress: sample, issuer: "LĐLĐ tỉnh" }
  );
  const bytes = await consolidationToXlsx(exceljs, result);
  fs.writeFileSync(path.join(out, "tinh.out"), bytes);
  const t2 = performance.now();
  sample();
  clearInterval(timer);
  const res: LevelsResult = {
    districtsMs: t1 - t0,
    provinceMs: t2 - t1,
    peakMB: peak / 1024 / 1024,
    units: result.data?.units.length ?? 0,
    levels: result.hierarchy?.levels ?? 1,
    outputKB: bytes.length / 1024,
  };
  process.stdout.write(`${JSON.stringify(res)}\n`);
}

function runChild<T>(args: string[], what: string): T {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{"))
    throw new Error(`consolidate bench (${what}) failed: ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(line) as T;
}

export const consolidateBench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-bench-consolidate-"));
  const rows: BenchRow[] = [];
  try {
    const g0 = performance.now();
    await writeFiles(dir, Math.max(...SIZES));
    const genMs = performance.now() - g0;
    for (const n of SIZES) {
      const r = runChild<ChildResult>(["--child", dir, String(n)], `${n} files`);
      const overBudget = n === 1000 && (r.ms >= BUDGET_MS || r.peakMB >= BUDGET_MB);
      rows.push({
        group: "consolidation",
        case: `consolidate ${n} unit workbooks (${TEMPLATE}) + write .xlsx`,
        ms: r.ms,
        peakMB: r.peakMB,
        budget: n === 1000 ? "< 60 s, < 1,5 GB" : undefined,
        overBudget: n === 1000 ? overBudget : undefined,
        detail: `${(r.ms / n).toFixed(1)} ms/file, ${r.used} used, ${r.leftOut} left out, output ${r.outputKB.toFixed(0)} KB${n === SIZES[0] ? `; generating ${Math.max(...SIZES)} inputs took ${(genMs / 1000).toFixed(0)} s (untimed)` : ""}`,
      });
    }
    const l = runChild<LevelsResult>(["--child-levels", dir], "two levels");
    rows.push({
      group: "consolidation",
      case: `two levels: ${DISTRICTS} districts × ${PER_DISTRICT} unit workbooks, then the province over the ${DISTRICTS} district workbooks`,
      ms: l.districtsMs + l.provinceMs,
      peakMB: l.peakMB,
      detail: `districts ${(l.districtsMs / 1000).toFixed(1)} s, province ${(l.provinceMs / 1000).toFixed(1)} s; ${l.units} units on ${l.levels} levels, output ${l.outputKB.toFixed(0)} KB`,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};

if (process.argv[2] === "--child") {
  void child(process.argv[3], Number(process.argv[4]));
} else if (process.argv[2] === "--child-levels") {
  void childLevels(process.argv[3]);
} else if (require.main === module) {
  void consolidateBench().then((rows) =>
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  );
}
