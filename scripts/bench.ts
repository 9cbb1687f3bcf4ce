// npm run bench: each of the product's main jobs against its floor (what the libraries alone cost
// for the same input), measured side by side in one run, each side in its own process, the two
// interleaved; medians of CPU and wall time, the kernel's peak RSS, the ratio, the budget.
//   npm run bench                  the floor table, every scale (see README for how long)
//   npm run bench -- --quick       the smallest scale of each case only
//   npm run bench -- validation    only the groups whose id contains the word
//   npm run bench -- --only=validation   only the group with exactly that id (several: --only=a,b)
//   npm run bench -- --reps=5      repetitions per side (default 3)
//   npm run bench -- --inputs=DIR  keep the generated input files in DIR and reuse them next run
//   npm run bench -- --help        this text, without running anything
//   npm run bench -- --at=100000   only that scale (several: --at=100,1000)
//   npm run bench -- --show        the table saved in test-results/bench.json, without running
//   npm run bench -- --profile     CPU profiles of validation and consolidation (node --cpu-prof),
//                                  saved under test-results/profile/, top self-time functions printed
//                                  (with a word or --only=, only the groups selected)
//   npm run bench -- --legacy      also the older rows (templates, Office insert, fuzz, read, ...)
// Saved to test-results/bench.json. A row over budget sets the exit code to 1.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { builtInTemplates } from "../src/templates";
import { loadSample } from "../src/templates/samples";
import { planWorkbook } from "../src/core/layout/planner";
import { readWorkbook } from "../src/core/data/read";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";
import { readXlsx } from "../src/adapters/xlsx/read";
import { insertTemplate } from "../src/adapters/office/insert";
import { createExcelHost } from "../test/excel-host";
import { findTemplate } from "../src/templates";
import { validateWorkbook } from "../src/core/validate";
import { readOpenWorkbook } from "../src/adapters/office/read";
import { planToSnapshot } from "../test/support/plan-snapshot";
import { generatedData, inputCellCount } from "./bench-data";
import { consolidateBench } from "./bench-consolidate";
import { exportBench } from "./bench-export";
import { consolidatedExportBench } from "./bench-export-consolidated";
import { fuzzBench } from "./bench-fuzz";
import { readBench } from "./bench-read";
import { GROUPS, type CaseGroup, type Check } from "./bench-cases";
import type { ChildResult } from "./bench-child";
import { formatTop, readProfile, selfTimes } from "./bench-profile";

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

const LEGACY: Bench[] = [
  templateBench,
  officeInsertBench,
  validationBench,
  consolidateBench,
  exportBench,
  consolidatedExportBench,
  fuzzBench,
  readBench,
];

function legacyTable(rows: BenchRow[]): string {
  const head = ["group", "case", "time (ms)", "peak RSS (MB)", "budget", "detail"];
  const body = rows.map((r) => [
    r.group,
    r.case,
    r.ms.toFixed(1),
    r.peakMB !== undefined ? r.peakMB.toFixed(0) : "",
    r.budget ? `${r.budget}${r.overBudget ? " ✗ OVER" : " ✓"}` : "",
    r.detail ?? "",
  ]);
  return markdown(head, body);
}

function markdown(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |";
  return [
    line(head),
    "|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|",
    ...body.map(line),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The floor table.

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test-results");
let REPS = 3;

interface Sides {
  ours: ChildResult[];
  floor: ChildResult[];
}

export interface FloorRow {
  group: string;
  case: string;
  floor: string;
  scale: number;
  /** Medians over the repetitions. */
  ours: { cpuMs: number; wallMs: number; peakMB: number; startMB: number };
  base: { cpuMs: number; wallMs: number; peakMB: number; startMB: number };
  /** ours ÷ floor, CPU time (the machine is shared: wall time depends on the neighbours). */
  ratio: number;
  wallRatio: number;
  budget: string;
  pass: boolean;
  reps: number;
  check: Check;
  /** Set when a number the label states was not what the run counted. */
  checkFailed?: string;
  measuredAt: string;
}

export interface Curve {
  group: string;
  item: string;
  /** CPU ms per item at the smallest and the largest scale, ours and the floor's. */
  ours: [number, number];
  floor: [number, number];
  note: string;
  measuredAt: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function summary(rs: ChildResult[]) {
  return {
    cpuMs: median(rs.map((r) => r.cpuMs)),
    wallMs: median(rs.map((r) => r.wallMs)),
    peakMB: median(rs.map((r) => r.peakMB)),
    startMB: median(rs.map((r) => r.startMB)),
  };
}

/** Runs one side in a fresh Node (tsx) process; with `profile`, under node --cpu-prof. */
function child(
  g: CaseGroup,
  side: "ours" | "floor",
  scale: number,
  dir: string,
  profile?: string
): ChildResult {
  const prof = profile
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${path.dirname(profile)}`,
        `--cpu-prof-name=${path.basename(profile)}`,
      ]
    : [];
  const run = spawnSync(
    process.execPath,
    [
      ...prof,
      ...process.execArgv,
      path.join(__dirname, "bench-child.ts"),
      g.id,
      side,
      String(scale),
      dir,
      String(g.warmups),
    ],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 }
  );
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{"))
    throw new Error(`${g.id} ${side} ${scale}: exit ${run.status}\n${run.stderr.slice(-3000)}`);
  return JSON.parse(line) as ChildResult;
}

const fmt = (n: number) => n.toLocaleString("en-US");

async function floorRows(
  groups: CaseGroup[],
  quick: boolean,
  only: number[] | null,
  dir: string,
  log: (s: string) => void,
  /** Called after every row, so a run cut short still leaves what it measured. */
  saveSoFar: (rows: FloorRow[], curves: Curve[]) => void
): Promise<{ rows: FloorRow[]; curves: Curve[] }> {
  const rows: FloorRow[] = [];
  const curves: Curve[] = [];
  for (const g of groups) {
    const scales = quick ? g.scales.slice(0, 1) : g.scales.filter((n) => !only || only.includes(n));
    if (g.prepare) {
      const t0 = performance.now();
      await g.prepare(Math.max(...scales), dir);
      log(`${g.id}: inputs written in ${((performance.now() - t0) / 1000).toFixed(0)} s (untimed)`);
    }
    const perItem: { scale: number; ours: number; floor: number }[] = [];
    for (const n of scales) {
      const sides: Sides = { ours: [], floor: [] };
      for (let r = 0; r < REPS; r++) {
        // Interleaved, the order swapped each repetition, so drift in the machine's load
        // falls on both sides alike.
        const order = r % 2 === 0 ? (["ours", "floor"] as const) : (["floor", "ours"] as const);
        for (const side of order) sides[side].push(child(g, side, n, dir));
      }
      const ours = summary(sides.ours);
      const base = summary(sides.floor);
      const check = sides.ours[0].check;
      const checkFailed = sides.ours.map((r) => g.verify(n, r.check)).find((x) => x) ?? undefined;
      const ratio = ours.cpuMs / base.cpuMs;
      const pass =
        !checkFailed &&
        g.budget.pass({
          n,
          ratio,
          oursCpuMs: ours.cpuMs,
          oursWallMs: ours.wallMs,
          peakMB: ours.peakMB,
        });
      const row: FloorRow = {
        group: g.id,
        case: g.label(n, check),
        floor: g.floorLabel,
        scale: n,
        ours,
        base,
        ratio,
        wallRatio: ours.wallMs / base.wallMs,
        budget: typeof g.budget.text === "string" ? g.budget.text : g.budget.text(n),
        pass,
        reps: REPS,
        check,
        checkFailed,
        measuredAt: new Date().toISOString(),
      };
      rows.push(row);
      perItem.push({ scale: n, ours: ours.cpuMs / n, floor: base.cpuMs / n });
      log(
        `${row.case}: ${ours.cpuMs.toFixed(0)} ms vs ${base.cpuMs.toFixed(0)} ms CPU, ${ratio.toFixed(2)}×, peak ${ours.peakMB.toFixed(0)} / ${base.peakMB.toFixed(0)} MB${pass ? "" : " ✗"}`
      );
      saveSoFar(rows, curves);
    }
    if (perItem.length > 1) {
      const a = perItem[0];
      const b = perItem[perItem.length - 1];
      const growth = (x: number, y: number) => (y / x - 1) * 100;
      const go = growth(a.ours, b.ours);
      const gf = growth(a.floor, b.floor);
      const say = (who: string, gr: number) =>
        gr > 20
          ? `${who} NOT linear: per ${g.item} +${gr.toFixed(0)}%`
          : `${who} linear (${gr >= 0 ? "+" : ""}${gr.toFixed(0)}% per ${g.item})`;
      curves.push({
        group: g.id,
        item: g.item,
        ours: [a.ours, b.ours],
        floor: [a.floor, b.floor],
        note: `${fmt(a.scale)} → ${fmt(b.scale)}: ${say("ours", go)}; ${say("floor", gf)}`,
        measuredAt: new Date().toISOString(),
      });
    }
  }
  return { rows, curves };
}

function floorTable(rows: FloorRow[]): string {
  const head = [
    "case",
    "ours CPU ms",
    "floor CPU ms",
    "ratio",
    "ours wall ms",
    "floor wall ms",
    "peak RSS MB ours/floor",
    "budget",
    "pass",
  ];
  const body = rows.map((r) => [
    `${r.case} vs ${r.floor}`,
    r.ours.cpuMs.toFixed(0),
    r.base.cpuMs.toFixed(0),
    `${r.ratio.toFixed(2)}×`,
    r.ours.wallMs.toFixed(0),
    r.base.wallMs.toFixed(0),
    `${r.ours.peakMB.toFixed(0)} / ${r.base.peakMB.toFixed(0)}`,
    r.budget,
    r.pass ? "pass" : r.checkFailed ? `FAIL (${r.checkFailed})` : "FAIL",
  ]);
  return markdown(head, body);
}

function details(rows: FloorRow[]): string {
  return rows
    .map(
      (r) =>
        `- ${r.case}: ${Object.entries(r.check)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join(
            ", "
          )}; RSS before the run ${r.ours.startMB.toFixed(0)} MB (ours) / ${r.base.startMB.toFixed(0)} MB (floor)`
    )
    .join("\n");
}

// ---------------------------------------------------------------------------------------------
// --profile: validation and consolidation under node --cpu-prof, top self time of the timed run.

const PROFILED: { group: CaseGroup; scale: number }[] = [
  { group: GROUPS.find((g) => g.id === "validation")!, scale: 100_000 },
  { group: GROUPS.find((g) => g.id === "consolidation")!, scale: 300 },
];

async function profiles(quick: boolean, dir: string, groups: CaseGroup[]): Promise<string> {
  const pdir = path.join(OUT, "profile");
  fs.mkdirSync(pdir, { recursive: true });
  const out: string[] = [];
  for (const { group, scale: full } of PROFILED.filter((p) => groups.includes(p.group))) {
    const scale = quick ? group.scales[0] : full;
    await group.prepare?.(scale, dir);
    const file = path.join(pdir, `${group.id}-${scale}.cpuprofile`);
    const r = child(group, "ours", scale, dir, file);
    const top = selfTimes(readProfile(file), r.windowUs);
    out.push(
      formatTop(
        `${group.label(scale, r.check)} (${path.relative(ROOT, file)}; CPU ${r.cpuMs.toFixed(0)} ms)`,
        top
      )
    );
  }
  const text = out.join("\n\n");
  fs.writeFileSync(path.join(pdir, "top.md"), `${text}\n`);
  return text;
}

interface Saved {
  date: string;
  machine: string;
  seconds: number;
  quick: boolean;
  rows: FloorRow[];
  curves: Curve[];
  legacy: BenchRow[];
}

function report(saved: Saved): string {
  return [
    floorTable(saved.rows),
    "",
    `Medians of ${REPS} repetitions, each side in its own process, interleaved; ratio = CPU time ours ÷ floor.`,
    ...saved.curves.map((c) => `Scale, ${c.group}: ${c.note}`),
    "",
    details(saved.rows),
    "",
    ...(saved.legacy.length ? [legacyTable(saved.legacy), ""] : []),
    `Bench took ${saved.seconds.toFixed(0)} s; ${saved.machine}.`,
    "",
  ].join("\n");
}

/**
 * A run of some groups replaces those groups in test-results/bench.json and keeps the others
 * (each row says when it was measured), so the file always holds the whole table.
 */
function merged(previous: Saved | null, run: Saved, ran: Set<string>): Saved {
  if (!previous) return run;
  const order = (g: string) => GROUPS.findIndex((x) => x.id === g);
  const keep = <T extends { group: string }>(old: T[], now: T[]) =>
    [...old.filter((r) => !ran.has(r.group)), ...now].sort(
      (a, b) => order(a.group) - order(b.group)
    );
  return {
    ...run,
    seconds: run.seconds,
    rows: keep(previous.rows ?? [], run.rows),
    curves: keep(previous.curves ?? [], run.curves),
    legacy: run.legacy.length ? run.legacy : (previous.legacy ?? []),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    // The usage is this file's opening comment: one text to keep up to date.
    const head = fs.readFileSync(__filename, "utf8").split("\n");
    const usage = head.slice(
      0,
      head.findIndex((l) => !l.startsWith("//"))
    );
    process.stdout.write(`${usage.map((l) => l.replace(/^\/\/ ?/, "")).join("\n")}\n`);
    process.stdout.write(`Groups: ${GROUPS.map((g) => g.id).join(", ")}\n`);
    return;
  }
  const reps = args.find((a) => a.startsWith("--reps="));
  if (reps) REPS = Math.max(1, Number(reps.slice(7)) || 3);
  const quick = args.includes("--quick");
  const words = args.filter((a) => !a.startsWith("--")).map((a) => a.toLowerCase());
  const t0 = performance.now();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const file = path.join(OUT, "bench.json");
  const previous = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Saved)
    : null;
  if (args.includes("--show")) {
    if (!previous) throw new Error(`${file}: no bench results yet (npm run bench)`);
    process.stdout.write(report(previous));
    return;
  }
  const keep = args.find((a) => a.startsWith("--inputs="))?.slice(9);
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), "baocao-bench-"));
  fs.mkdirSync(OUT, { recursive: true });
  // --only=validation: exactly those ids (a word matches every id containing it).
  const onlyIds = args
    .find((a) => a.startsWith("--only="))
    ?.slice(7)
    .split(",")
    .map((w) => w.toLowerCase());
  const unknown = onlyIds?.filter((id) => !GROUPS.some((g) => g.id === id)) ?? [];
  if (unknown.length)
    throw new Error(
      `--only=${unknown.join(",")}: no such group (${GROUPS.map((g) => g.id).join(", ")})`
    );
  const groups = GROUPS.filter(
    (g) =>
      (words.length === 0 || words.some((w) => g.id.includes(w))) &&
      (!onlyIds || onlyIds.includes(g.id))
  );
  try {
    if (args.includes("--profile")) {
      process.stdout.write(`${await profiles(quick, dir, groups)}\n`);
      return;
    }
    // --at=100000 (or --at=100,1000): only those scales.
    const at = args.find((a) => a.startsWith("--at="));
    const only = at ? at.slice(5).split(",").map(Number) : null;
    const ran = new Set(groups.map((g) => g.id));
    const machine = () =>
      `node ${process.version}, ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`;
    const saved = (rows: FloorRow[], curves: Curve[], legacy: BenchRow[]): Saved => ({
      date: new Date().toISOString(),
      machine: machine(),
      seconds: (performance.now() - t0) / 1000,
      quick,
      rows,
      curves,
      legacy,
    });
    const { rows, curves } = await floorRows(groups, quick, only, dir, log, (r, c) =>
      fs.writeFileSync(file, JSON.stringify(merged(previous, saved(r, c, []), ran), null, 2))
    );
    const legacy: BenchRow[] = [];
    if (args.includes("--legacy")) for (const bench of LEGACY) legacy.push(...(await bench()));
    const run = saved(rows, curves, legacy);
    process.stdout.write(report(run));
    const all =
      words.length || onlyIds ? merged(previous, run, new Set(groups.map((g) => g.id))) : run;
    fs.writeFileSync(file, JSON.stringify(all, null, 2));
    if (rows.some((r) => !r.pass) || legacy.some((r) => r.overBudget)) process.exitCode = 1;
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
