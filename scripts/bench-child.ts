// One side (ours or floor) of one bench case at one scale, in its own process, so its peak
// resident memory is the kernel's figure for this run alone (ru_maxrss), not a sample and not
// what an earlier case left behind. Prints one JSON line for scripts/bench.ts.
//   tsx scripts/bench-child.ts <group> <ours|floor> <scale> <dir> <warmups>
import { GROUPS, type Check } from "./bench-cases";

export interface ChildResult {
  wallMs: number;
  /** User + system CPU of the whole process (GC and helper threads included) during the run. */
  cpuMs: number;
  /** The kernel's peak RSS of this process, setup included. */
  peakMB: number;
  /** RSS when the timed run started (after setup), to tell the run's own memory from setup's. */
  startMB: number;
  check: Check;
  /** The timed run on the monotonic clock, in µs: the profile parser keeps samples inside it. */
  windowUs: [number, number];
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function main(): Promise<void> {
  const [groupId, side, scale, dir, warmups] = process.argv.slice(2);
  const group = GROUPS.find((g) => g.id === groupId);
  if (!group || (side !== "ours" && side !== "floor"))
    throw new Error(`usage: bench-child <${GROUPS.map((g) => g.id).join("|")}> <ours|floor> ...`);
  const s = group[side];
  const input = await s.setup(Number(scale), dir);
  for (let i = 0; i < Number(warmups); i++) await (s.warmup ?? s.run)(input);
  const startMB = process.memoryUsage().rss / 2 ** 20;
  const start = nowUs();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const check = await s.run(input);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const end = nowUs();
  const result: ChildResult = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
    startMB,
    check,
    windowUs: [start, end],
  };
  process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
