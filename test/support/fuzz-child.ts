// One worker of the fuzz run (test/support/fuzz-runner.ts): runs corpus files through the CLI's own
// code in this process (runCli → src/cli/commands/*) and reports, per command, the exit code, the
// wall and CPU time (user + system: a machine shared with other work does not inflate it) and the
// peak resident memory while that command ran. Linux's peak-RSS counter (VmHWM) is reset before
// each command (`5` into /proc/self/clear_refs), so the peak read after it is the highest RSS of
// the whole process during that command — Node and modules included, as a user's `baocao` process
// — plus at most the garbage left by earlier commands (collected first once the heap passes 96 MB):
// it may over-count, never under-count.
// Started as `node --import tsx --expose-gc fuzz-child.ts`, with an IPC channel.
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { runCli } from "../../src/cli/main";

export interface ChildJob {
  file: string;
  commands: string[];
  /** For consolidate: a good workbook of the same template, and its template and period. */
  partner?: { file: string; template: string; period: string };
  /** Where export and consolidate write (the child's own folder). */
  outDir: string;
  /** Check that formula and DDE payloads stayed inert text in the outputs. */
  checkInert?: boolean;
}

export type ChildMessage =
  | { type: "ready"; canResetPeak: boolean }
  | { type: "start"; file: string; command: string }
  | {
      type: "done";
      file: string;
      command: string;
      code: number;
      ms: number;
      /** CPU time of this process (user + system) during the command. */
      cpuMs: number;
      peakMB: number;
      stderr: string;
    }
  | { type: "inert"; file: string; ok: boolean; carried: boolean; detail: string }
  | { type: "file-done"; file: string };

const send = (m: ChildMessage) => process.send!(m);

function resetPeak(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

function peakMB(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Payload text that became a live formula, field or link in an output. BáoCáo's own formulas
 * (sums, rates, HYPERLINK("#'Sheet'!A1") between sheets) are not payloads; these markers are.
 */
const LIVE = /(cmd\||DDE|WEBSERVICE|127\.0\.0\.1|HYPERLINK\((&quot;|")http)/;
/** The same markers as plain text: the payload reached the output and was examined there. */
const AS_TEXT = /<(w:t|t)(\s[^>]*)?>[^<]*(cmd\||DDE|WEBSERVICE|127\.0\.0\.1)/;

function inertProblems(outFile: string): { problems: string[]; carried: boolean } {
  if (!fs.existsSync(outFile)) return { problems: [], carried: false };
  const parts = unzipSync(new Uint8Array(fs.readFileSync(outFile)));
  const problems: string[] = [];
  let carried = false;
  for (const [name, bytes] of Object.entries(parts)) {
    if (/externalLink|ddeLink/i.test(name)) problems.push(`${name}: a link part`);
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(bytes);
    carried ||= AS_TEXT.test(xml);
    for (const m of xml.matchAll(
      /<f[^>]*>([^<]*)<\/f>|<w:instrText[^>]*>([^<]*)<|w:instr="([^"]*)"/g
    )) {
      const code = m[1] ?? m[2] ?? m[3] ?? "";
      if (LIVE.test(code)) problems.push(`${name}: ${code.slice(0, 80)}`);
    }
    if (/TargetMode="External"/.test(xml) && LIVE.test(xml))
      problems.push(`${name}: external target`);
  }
  return { problems, carried };
}

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await runCli(args, {
    out: () => undefined,
    err: (s) => {
      if (stderr.length < 2000) stderr += s;
    },
  });
  return { code, stderr };
}

async function handle(job: ChildJob): Promise<void> {
  const docx = path.join(job.outDir, "out.docx");
  const xlsx = path.join(job.outDir, "out.xlsx");
  const problems: string[] = [];
  let carried = false;
  const inspect = (outFile: string) => {
    const r = inertProblems(outFile);
    problems.push(...r.problems);
    carried ||= r.carried;
  };
  for (const command of job.commands) {
    const args =
      command === "validate"
        ? ["validate", job.file, "--json"]
        : command === "dump"
          ? ["dump", job.file]
          : command === "export"
            ? ["export", job.file, "-o", docx, "--force"]
            : [
                "consolidate",
                job.file,
                job.partner!.file,
                "--template",
                job.partner!.template,
                "--period",
                job.partner!.period,
                "-o",
                xlsx,
                "--force",
              ];
    fs.rmSync(docx, { force: true });
    fs.rmSync(xlsx, { force: true });
    // A full collection costs tens of ms; only worth it once garbage could weigh on the peak.
    if (process.memoryUsage().heapUsed > 96 * 1024 * 1024) gc();
    resetPeak();
    send({ type: "start", file: job.file, command });
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await run(args);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    send({
      type: "done",
      file: job.file,
      command,
      code: r.code,
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakMB: peakMB(),
      stderr: r.stderr,
    });
    if (job.checkInert && command === "export") inspect(docx);
    if (job.checkInert && command === "consolidate") inspect(xlsx);
  }
  if (job.checkInert)
    send({
      type: "inert",
      file: job.file,
      ok: problems.length === 0,
      carried,
      detail: problems.join("; "),
    });
  send({ type: "file-done", file: job.file });
}

// One job at a time: the parent sends the next when this one is done, and times each command.
process.on("message", (job: ChildJob) => {
  void handle(job).catch((e: unknown) => {
    // runCli turns every error into an exit code; reaching here is itself a finding.
    send({
      type: "done",
      file: job.file,
      command: "(child)",
      code: -1,
      ms: 0,
      cpuMs: 0,
      peakMB: peakMB(),
      stderr: String(e instanceof Error ? e.stack : e),
    });
    send({ type: "file-done", file: job.file });
  });
});
send({ type: "ready", canResetPeak: resetPeak() });
