// Runs one read-only CLI command in this process and reports its time and this process's peak
// memory (VmHWM from /proc/self/status), for the read-robustness test and bench:
//   node --import tsx scripts/read-probe.ts validate file.xlsx [--json]
// prints {"code":0,"ms":812,"peakMB":143} on the last line of stdout.
import * as fs from "node:fs";
import { runCli } from "../src/cli/main";

function peakMB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null; // not Linux
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  let stderr = "";
  const code = await runCli(process.argv.slice(2), {
    out: () => undefined,
    err: (s) => {
      stderr += s;
    },
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${JSON.stringify({ code, ms, peakMB: peakMB(), stderr: stderr.slice(0, 400) })}\n`
  );
}

void main();
