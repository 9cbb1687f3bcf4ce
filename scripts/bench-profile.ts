// Self time per function in a V8 .cpuprofile (node --cpu-prof): each sample is charged to the
// node it landed in, for the time until the next sample; nodes are summed by function name and
// script. With a window (the timed run on the monotonic clock, µs), samples outside it (module
// loading, the bench's own setup) are left out.
//   tsx scripts/bench-profile.ts FILE.cpuprofile...
import * as fs from "node:fs";
import * as path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  fn: string;
  where: string;
  ms: number;
  share: number;
}

function where(url: string, line: number): string {
  if (!url) return "";
  const file = url.replace(/^file:\/\//, "");
  const root = path.resolve(__dirname, "..") + path.sep;
  // The project's own files run through tsx, whose line numbers are the transpiled module's:
  // the file names them well enough. Libraries and Node's internals keep theirs.
  if (file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`))
    return file.slice(root.length);
  return `${file.replace(/^.*\/node_modules\//, "")}:${line + 1}`;
}

export function selfTimes(
  profile: CpuProfile,
  windowUs?: [number, number]
): { total: number; rows: SelfTime[]; windowed: boolean } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const sums = new Map<string, { fn: string; where: string; us: number }>();
  let t = profile.startTime;
  // Keep the window only if it falls inside the profile (same clock); otherwise count everything.
  const windowed =
    !!windowUs && windowUs[0] >= profile.startTime - 1e6 && windowUs[1] <= profile.endTime + 1e6;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const dt = i + 1 < profile.timeDeltas.length ? profile.timeDeltas[i + 1] : 0;
    if (windowed && (t < windowUs![0] || t > windowUs![1])) continue;
    const node = byId.get(profile.samples[i]);
    if (!node) continue;
    const fn = node.callFrame.functionName || "(anonymous)";
    // Scripts are named per function line, so two closures of one file stay apart.
    const w = where(node.callFrame.url, node.callFrame.lineNumber);
    const key = `${fn}\u0000${w}`;
    const s = sums.get(key) ?? { fn, where: w, us: 0 };
    s.us += dt;
    sums.set(key, s);
    total += dt;
  }
  const rows = [...sums.values()]
    .sort((a, b) => b.us - a.us)
    .map((s) => ({ fn: s.fn, where: s.where, ms: s.us / 1000, share: total ? s.us / total : 0 }));
  return { total: total / 1000, rows, windowed };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
}

export function formatTop(title: string, r: ReturnType<typeof selfTimes>, top = 15): string {
  const lines = [
    `${title}: ${r.total.toFixed(0)} ms sampled${r.windowed ? " in the timed run" : " (whole process)"}`,
    "| self ms | share | function | where |",
    "|--:|--:|---|---|",
    ...r.rows
      .slice(0, top)
      .map(
        (x) =>
          `| ${x.ms.toFixed(1)} | ${(x.share * 100).toFixed(1)}% | ${x.fn} | ${x.where || "(native)"} |`
      ),
  ];
  return lines.join("\n");
}

if (require.main === module) {
  // Node writes one profile per thread (tsx's loader has its own): each file is listed.
  for (const file of process.argv.slice(2))
    process.stdout.write(`${formatTop(path.basename(file), selfTimes(readProfile(file)))}\n\n`);
}
