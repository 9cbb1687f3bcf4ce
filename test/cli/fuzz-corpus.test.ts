// Integration: the fuzz corpus of issue 12 (scripts/make-fuzz-corpus.ts: over 1,000 workbooks
// derived from the five samples — byte flips, truncation, XML mutations, deleted parts, zip bombs,
// far cells, whole-grid names, huge column spans, whole-column validations, XXE and entity
// expansion, formula and DDE payloads) goes through the CLI's own code: every file through
// `validate`; the first file of each kind and template, and every payload file, also through
// `dump`, `export` and `consolidate` (beside a good workbook of the same template). Each command
// must end with exit 0, 1 or 2, within 10 s and 500 MB.
// Time is the CPU time (user + system) of the process running the command, which other work on a
// shared 2-core machine does not inflate; a command still running after 30 s of wall time is
// killed and fails. Memory is the peak resident size of that process during the command (its peak
// counter is reset before each command, see test/support/fuzz-child.ts), so it includes Node and
// the loaded modules (~150 MB), as the user's `baocao` process would. A handful also run through
// the built binary (bin/baocao.js), which must give the same exit code as the in-process run.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeFuzzCorpus, type CorpusFile } from "../../scripts/make-fuzz-corpus";
import { loadSample } from "../../src/templates/samples";
import { runCorpus, type CommandResult, type RunOutcome } from "../support/fuzz-runner";

const ROOT = path.resolve(__dirname, "..", "..");
const TIME_LIMIT_MS = 10000;
const MEMORY_LIMIT_MB = 500;

/**
 * Cases that still fail, not run, each with its reason. Every entry is printed when the test
 * runs; an entry is removed as soon as its cause is fixed (the test then runs those files).
 */
const KNOWN_FAILING: { pattern: RegExp; why: string }[] = [];

const KINDS = [
  "sample",
  "byte-flip",
  "truncate",
  "number",
  "number-text",
  "date",
  "attribute",
  "delete-element",
  "duplicate-element",
  "entity",
  "delete-part",
  "hostile-xml",
  "far-cell",
  "names",
  "columns",
  "validations",
  "payload",
  "zip-bomb",
];

let dir: string;
let manifest: CorpusFile[];
let run: RunOutcome;
let skipped: CorpusFile[];
const firstOfGroup = new Set<string>();

function commandsFor(f: CorpusFile): string[] {
  if (f.kind === "payload" || firstOfGroup.has(f.file))
    return ["validate", "dump", "export", "consolidate"];
  return ["validate"];
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fuzz-corpus-"));
  manifest = await makeFuzzCorpus(dir);
  const groups = new Set<string>();
  for (const f of manifest) {
    const g = `${f.kind}/${f.template}`;
    if (!groups.has(g)) firstOfGroup.add(f.file);
    groups.add(g);
  }
  skipped = manifest.filter((f) => KNOWN_FAILING.some((k) => k.pattern.test(f.file)));
  for (const k of KNOWN_FAILING) {
    const n = skipped.filter((f) => k.pattern.test(f.file)).length;
    process.stdout.write(`SKIPPED (known failing) ${n} files matching ${k.pattern}: ${k.why}\n`);
  }
  run = await runCorpus({
    dir,
    files: manifest.filter((f) => !skipped.includes(f)),
    commandsFor,
    partnerFor: (f) => ({
      file: path.join(dir, `sample-${f.template}-as-written.xlsx`),
      template: f.template,
      period: loadSample(f.template).header.period!,
    }),
    checkInert: (f) => f.kind === "payload",
    workers: 2,
    killAfterMs: 3 * TIME_LIMIT_MS,
    memoryLimitMB: MEMORY_LIMIT_MB,
    onProgress: (done, total) => {
      if (done % 200 === 0 || done === total)
        process.stderr.write(`fuzz corpus: ${done}/${total} files\n`);
    },
  });
  const codes: Record<string, Record<string, number>> = {};
  for (const r of run.results) {
    const c = (codes[r.command] ??= {});
    const k = r.code === null ? `killed:${r.killed}` : String(r.code);
    c[k] = (c[k] ?? 0) + 1;
  }
  const top = (key: "cpuMs" | "peakMB") =>
    [...run.results].sort((a, b) => b[key] - a[key])[0] as CommandResult | undefined;
  const slow = top("cpuMs");
  const big = top("peakMB");
  process.stdout.write(
    `fuzz corpus: ${manifest.length} files, ${run.results.length} commands in ${(run.wallMs / 1000).toFixed(0)} s ` +
      `(${(run.results.reduce((t, r) => t + r.cpuMs, 0) / 1000).toFixed(0)} s of CPU in the workers); ` +
      `exit codes ${JSON.stringify(codes)}\n` +
      (slow ? `slowest: ${describeResult(slow)}\n` : "") +
      (big ? `largest: ${describeResult(big)}\n` : "")
  );
  // About 2 minutes of CPU on an idle 2-core machine; a machine shared with other jobs takes longer.
}, 2400000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const describeResult = (r: CommandResult) =>
  `${r.file} ${r.command}: ` +
  (r.code === null ? `killed (${r.killed})` : `exit ${r.code}`) +
  `, ${r.cpuMs.toFixed(0)} ms CPU (${r.ms.toFixed(0)} ms wall), ${r.peakMB.toFixed(0)} MB` +
  (r.stderr ? ` — ${r.stderr.replace(/\s+/g, " ").slice(0, 160)}` : "");

it("has at least 1,000 files, of every kind issue 12 lists, deterministic from its seed", async () => {
  expect(manifest.length).toBeGreaterThanOrEqual(1000);
  const kinds = new Set(manifest.map((f) => f.kind));
  expect([...kinds].sort()).toEqual([...KINDS].sort());
  // Same seed, same bytes: a failing file names a case anyone can regenerate.
  const again = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fuzz-again-"));
  try {
    // One template's share, regenerated: every one of its files must come out the same.
    const second = await makeFuzzCorpus(again, undefined, ["annual-plan"]);
    const first = manifest.filter((f) => f.template === "annual-plan");
    expect(second.map((f) => f.file)).toEqual(first.map((f) => f.file));
    for (const f of first) {
      const a = fs.readFileSync(path.join(dir, f.file));
      const b = fs.readFileSync(path.join(again, f.file));
      expect({ file: f.file, same: a.equals(b) }).toEqual({ file: f.file, same: true });
    }
  } finally {
    fs.rmSync(again, { recursive: true, force: true });
  }
}, 300000);

it("ran every file (none lost to a dead worker), through validate at least", () => {
  const ran = new Set(run.results.filter((r) => r.command === "validate").map((r) => r.file));
  const missing = manifest.filter((f) => !skipped.includes(f) && !ran.has(f.file));
  expect(missing.map((f) => f.file)).toEqual([]);
  expect(run.canResetPeak).toBe(true);
});

it("every command ends with exit 0, 1 or 2, within 10 s and 500 MB", () => {
  const bad = run.results.filter(
    (r) =>
      r.code === null ||
      ![0, 1, 2].includes(r.code) ||
      r.cpuMs > TIME_LIMIT_MS ||
      r.peakMB > MEMORY_LIMIT_MB
  );
  expect(bad.map(describeResult)).toEqual([]);
});

it("an unusable file says why (exit 2 has a message)", () => {
  const silent = run.results.filter((r) => r.code === 2 && r.stderr.trim() === "");
  expect(silent.map(describeResult)).toEqual([]);
});

it("one bad file never sinks a consolidation: the good one is still used (exit 0 or 1)", () => {
  const sunk = run.results.filter(
    (r) => r.command === "consolidate" && r.code !== null && ![0, 1].includes(r.code)
  );
  expect(sunk.map(describeResult)).toEqual([]);
});

it("formula and DDE payloads stay inert text in the Word draft and the consolidated workbook", () => {
  const payloads = manifest.filter((f) => f.kind === "payload" && !skipped.includes(f));
  expect(run.inert.length).toBe(payloads.length);
  expect(run.inert.filter((i) => !i.ok)).toEqual([]);
  // The check looked at something: payloads reached the outputs as text, in most payload files.
  expect(run.inert.filter((i) => i.carried).length).toBeGreaterThan(payloads.length / 2);
});

it("the built CLI binary gives the same exit codes as the in-process run", async () => {
  // The project's own build (tsc -p tsconfig.cli.json) into a folder of this test, with a copy of
  // bin/baocao.js beside it, so the test does not depend on (or disturb) build/.
  const base = path.join(ROOT, "test-results", "fuzz-cli");
  fs.rmSync(base, { recursive: true, force: true });
  fs.mkdirSync(path.join(base, "bin"), { recursive: true });
  const built = await exec(process.execPath, [
    path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    path.join(ROOT, "tsconfig.cli.json"),
    "--outDir",
    path.join(base, "build"),
  ]);
  expect(built).toEqual({ code: 0, stderr: "" });
  fs.copyFileSync(path.join(ROOT, "bin", "baocao.js"), path.join(base, "bin", "baocao.js"));
  const byFile = new Map(
    run.results.filter((r) => r.command === "validate").map((r) => [r.file, r])
  );
  const handful = KINDS.map((k) =>
    manifest.find(
      (f) =>
        f.kind === k && f.template === "quarterly-activity" && byFile.get(f.file)?.code !== null
    )
  ).filter((f): f is CorpusFile => f !== undefined);
  expect(handful.length).toBeGreaterThanOrEqual(10);
  const codes: { file: string; binary: number | null; inProcess: number | null }[] = [];
  for (const f of handful) {
    const r = await exec(
      process.execPath,
      [path.join(base, "bin", "baocao.js"), "validate", path.join(dir, f.file), "--json"],
      20000
    );
    codes.push({ file: f.file, binary: r.code, inProcess: byFile.get(f.file)!.code });
  }
  expect(codes.filter((c) => c.binary !== c.inProcess)).toEqual([]);
}, 300000);

function exec(
  cmd: string,
  args: string[],
  timeoutMs = 120000
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
