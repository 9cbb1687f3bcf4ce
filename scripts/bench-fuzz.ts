// Bench: the fuzz corpus of the tests (scripts/make-fuzz-corpus.ts), every file through
// `baocao validate` in the CLI's code, two files at a time in watched child processes
// (test/support/fuzz-runner.ts). Reports the slowest file (CPU time: the machine may be busy) and the file with the highest peak
// resident memory (the whole process during that one command, Node and modules included), and
// the largest file on disk. Budget per file, as in the tests: under 10 s and under 500 MB.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { makeFuzzCorpus } from "./make-fuzz-corpus";
import { runCorpus } from "../test/support/fuzz-runner";
import type { Bench, BenchRow } from "./bench";

export const fuzzBench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-bench-fuzz-"));
  try {
    const files = await makeFuzzCorpus(dir);
    const run = await runCorpus({
      dir,
      files,
      commandsFor: () => ["validate"],
      partnerFor: () => undefined,
      checkInert: () => false,
      workers: 2,
    });
    const worst = (key: "cpuMs" | "peakMB") => [...run.results].sort((a, b) => b[key] - a[key])[0];
    const slow = worst("cpuMs");
    const big = worst("peakMB");
    const onDisk = [...files].sort((a, b) => b.bytes - a.bytes)[0];
    const codes: Record<string, number> = {};
    for (const r of run.results) {
      const k = r.code === null ? `killed (${r.killed})` : `exit ${r.code}`;
      codes[k] = (codes[k] ?? 0) + 1;
    }
    const bad = run.results.filter(
      (r) => r.code === null || r.code > 2 || r.cpuMs > 10000 || r.peakMB > 500
    ).length;
    const row = (kase: string, r: typeof slow, budget: string, over: boolean): BenchRow => ({
      group: "fuzz corpus",
      case: kase,
      ms: r.cpuMs,
      peakMB: r.peakMB,
      budget,
      overBudget: over,
      detail: `${r.file}: ${r.code === null ? `killed (${r.killed})` : `exit ${r.code}`}, CPU time (wall ${r.ms.toFixed(0)} ms)`,
    });
    return [
      {
        group: "fuzz corpus",
        case: `validate ${files.length} files, 2 processes`,
        ms: run.wallMs,
        budget: "every file exit 0/1/2, < 10 s, < 500 MB",
        overBudget: bad > 0,
        detail: `${JSON.stringify(codes)}; ${bad} over budget`,
      },
      row("slowest file (CPU time)", slow, "< 10 s", slow.code === null || slow.cpuMs > 10000),
      row("largest peak memory", big, "< 500 MB", big.code === null || big.peakMB > 500),
      {
        group: "fuzz corpus",
        case: "largest file on disk",
        ms: run.results.find((r) => r.file === onDisk.file)?.cpuMs ?? NaN,
        peakMB: run.results.find((r) => r.file === onDisk.file)?.peakMB,
        detail: `${onDisk.file}: ${(onDisk.bytes / 1024 / 1024).toFixed(1)} MB`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
