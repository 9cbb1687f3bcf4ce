// Runs a fuzz corpus (scripts/make-fuzz-corpus.ts) through the CLI's code in a few child processes
// (test/support/fuzz-child.ts), pulling files from one queue. A watchdog here kills a child whose
// command hangs (runs past a wall-time limit, 30 s by default: generous, because the machine may be
// shared; the time budget itself is checked on CPU time) or whose resident memory passes the memory
// limit (polled every 50 ms from /proc/<pid>/status), records that as the file's result, and starts
// a fresh child for the rest. Used by test/cli/fuzz-corpus.test.ts and by `npm run bench`.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CorpusFile } from "../../scripts/make-fuzz-corpus";
import type { ChildJob, ChildMessage } from "./fuzz-child";

const ROOT = path.resolve(__dirname, "..", "..");
const CHILD = path.join(__dirname, "fuzz-child.ts");

export interface CommandResult {
  file: string;
  kind: string;
  command: string;
  /** The exit code; null when the watchdog killed the child or it died. */
  code: number | null;
  /** Wall time. */
  ms: number;
  /** CPU time of the process during the command (user + system); wall time when killed. */
  cpuMs: number;
  peakMB: number;
  /** Why there is no exit code: over the time or memory limit, or the process died by itself. */
  killed?: "time" | "memory" | "died";
  stderr: string;
}

export interface RunOptions {
  dir: string;
  files: CorpusFile[];
  /** The commands each file goes through (validate for all; more for a sample). */
  commandsFor: (f: CorpusFile) => string[];
  partnerFor: (f: CorpusFile) => ChildJob["partner"];
  checkInert: (f: CorpusFile) => boolean;
  workers?: number;
  /** A command is killed past this wall time (a hang); default 30 s. */
  killAfterMs?: number;
  memoryLimitMB?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface RunOutcome {
  results: CommandResult[];
  /** Per payload file: no payload became live (ok), and whether one reached an output as text. */
  inert: { file: string; ok: boolean; carried: boolean; detail: string }[];
  /** Whether the children could reset the peak-RSS counter (Linux); if not, peaks are cumulative. */
  canResetPeak: boolean;
  wallMs: number;
}

function rssMB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

class Worker {
  private child: ChildProcess | null = null;
  private stderrTail = "";
  private listener: ((m: ChildMessage) => void) | null = null;
  private exitListener: (() => void) | null = null;
  canResetPeak = true;

  constructor(private readonly limits: { ms: number; mb: number }) {}

  private async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--expose-gc", "--max-old-space-size=2048", CHILD],
      { cwd: ROOT, stdio: ["ignore", "ignore", "pipe", "ipc"] }
    );
    this.child = child;
    this.stderrTail = "";
    child.stderr!.on("data", (d: Buffer) => {
      this.stderrTail = (this.stderrTail + d.toString()).slice(-2000);
    });
    child.on("message", (m: ChildMessage) => this.listener?.(m));
    child.on("exit", () => {
      if (this.child === child) this.child = null;
      this.exitListener?.();
    });
    await new Promise<void>((resolve, reject) => {
      this.listener = (m) => {
        if (m.type === "ready") {
          this.canResetPeak = m.canResetPeak;
          resolve();
        }
      };
      this.exitListener = () => reject(new Error(`fuzz child did not start: ${this.stderrTail}`));
    });
  }

  /** Runs one file; resolves with its results once the child says it is done or is gone. */
  async run(job: ChildJob, kind: string, out: RunOutcome): Promise<void> {
    if (!this.child) await this.start();
    const child = this.child!;
    let current: { command: string; t0: number } | null = null;
    let peak = 0;
    await new Promise<void>((resolve) => {
      const finish = (killed: CommandResult["killed"]) => {
        clearInterval(watch);
        const at = current as { command: string; t0: number } | null;
        out.results.push({
          file: job.file,
          kind,
          command: at?.command ?? "(between commands)",
          code: null,
          ms: at ? performance.now() - at.t0 : 0,
          cpuMs: at ? performance.now() - at.t0 : 0,
          peakMB: peak,
          killed,
          stderr: this.stderrTail.slice(-500),
        });
        current = null;
        resolve();
      };
      let killedFor: CommandResult["killed"] = "died";
      const watch = setInterval(() => {
        if (!current) return;
        const rss = rssMB(child.pid!);
        peak = Math.max(peak, rss);
        const over =
          performance.now() - current.t0 > this.limits.ms
            ? "time"
            : rss > this.limits.mb
              ? "memory"
              : null;
        if (over) {
          killedFor = over;
          child.kill("SIGKILL");
        }
      }, 50);
      this.exitListener = () => finish(killedFor);
      this.listener = (m) => {
        if (m.type === "start") {
          current = { command: m.command, t0: performance.now() };
          peak = 0;
        } else if (m.type === "done") {
          current = null;
          out.results.push({
            file: job.file,
            kind,
            command: m.command,
            code: m.code,
            ms: m.ms,
            cpuMs: m.cpuMs,
            peakMB: this.canResetPeak ? m.peakMB : Math.max(m.peakMB, peak),
            stderr: m.stderr.slice(0, 500),
          });
        } else if (m.type === "inert") {
          out.inert.push({ file: job.file, ok: m.ok, carried: m.carried, detail: m.detail });
        } else if (m.type === "file-done") {
          clearInterval(watch);
          this.exitListener = null;
          resolve();
        }
      };
      child.send(job);
    });
  }

  stop(): void {
    this.exitListener = null;
    this.child?.kill("SIGKILL");
    this.child = null;
  }
}

export async function runCorpus(opts: RunOptions): Promise<RunOutcome> {
  const t0 = performance.now();
  const out: RunOutcome = { results: [], inert: [], canResetPeak: true, wallMs: 0 };
  const queue = [...opts.files];
  let done = 0;
  const limits = { ms: opts.killAfterMs ?? 30000, mb: opts.memoryLimitMB ?? 500 };
  const workers = Array.from({ length: opts.workers ?? 2 }, () => new Worker(limits));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fuzz-out-"));
  try {
    await Promise.all(
      workers.map(async (w, i) => {
        const outDir = path.join(scratch, String(i));
        fs.mkdirSync(outDir);
        for (let f = queue.shift(); f; f = queue.shift()) {
          const commands = opts.commandsFor(f);
          await w.run(
            {
              file: path.join(opts.dir, f.file),
              commands,
              partner: commands.includes("consolidate") ? opts.partnerFor(f) : undefined,
              outDir,
              checkInert: opts.checkInert(f),
            },
            f.kind,
            out
          );
          opts.onProgress?.(++done, opts.files.length);
        }
        out.canResetPeak &&= w.canResetPeak;
        w.stop();
      })
    );
  } finally {
    workers.forEach((w) => w.stop());
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  out.wallMs = performance.now() - t0;
  // Paths in results are relative to the corpus, as in its manifest.
  for (const r of out.results) r.file = path.relative(opts.dir, r.file);
  for (const r of out.inert) r.file = path.relative(opts.dir, r.file);
  return out;
}
