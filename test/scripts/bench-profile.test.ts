// The bench's reading of a V8 .cpuprofile: each sample is charged to the function it landed in
// for the time until the next sample, functions are summed by name and script across call
// paths, and a window (the timed run) leaves out the samples before and after it.
import { selfTimes } from "../../scripts/bench-profile";

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

// root → parse (twice, by two call paths) → gc; samples 10 µs apart on a clock starting at 1000.
const profile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", "") },
    { id: 2, callFrame: frame("parse", "file:///x/read.js") },
    { id: 3, callFrame: frame("check", "file:///x/validate.js") },
    { id: 4, callFrame: frame("parse", "file:///x/read.js") },
    { id: 5, callFrame: frame("(garbage collector)", "") },
  ],
  startTime: 1000,
  endTime: 1100,
  //         t: 1010 1020 1040 1070 1080 1100
  samples: [2, 3, 4, 5, 2, 3],
  timeDeltas: [10, 10, 20, 30, 10, 20],
};

it("charges each sample until the next one, summed by function and script", () => {
  const r = selfTimes(profile);
  const ms = Object.fromEntries(r.rows.map((x) => [x.fn, x.ms * 1000]));
  // parse: 10 (node 2 at 1010) + 30 (node 4 at 1040) + 20 (node 2 at 1080) µs.
  expect(ms).toEqual({ parse: 60, check: 20, "(garbage collector)": 10 });
  expect(r.rows[0]).toMatchObject({ fn: "parse", share: 60 / 90 });
  expect(r.windowed).toBe(false);
});

it("keeps only the samples inside the timed window", () => {
  const r = selfTimes(profile, [1030, 1075]);
  expect(r.windowed).toBe(true);
  expect(r.rows.map((x) => [x.fn, x.ms * 1000])).toEqual([
    ["parse", 30],
    ["(garbage collector)", 10],
  ]);
});

it("counts the whole profile when the window is on another clock", () => {
  expect(selfTimes(profile, [9e9, 9e9 + 50]).windowed).toBe(false);
});
