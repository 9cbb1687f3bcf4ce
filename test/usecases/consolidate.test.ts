// The use case "consolidate" (src/usecases/consolidate.ts): the outcome of a consolidation as the
// front ends map it, and that `baocao consolidate`, `baocao dump <folder>` and the pane's
// "Tổng hợp" all go through it.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { ConsolidationResult, ConsolidationStop } from "../../src/core/consolidate";
import * as usecase from "../../src/usecases/consolidate";
import { findTemplate } from "../../src/templates";
import { consolidatePickedFiles } from "../../src/taskpane/session/consolidate-tools";
import { cli } from "../cli/run";

/** A result as the core gives it; only the fields the outcome reads matter here. */
const result = (r: Partial<ConsolidationResult>): ConsolidationResult =>
  ({
    template: findTemplate("quarterly-activity")!,
    data: { values: {} },
    exitCode: 0,
    ...r,
  }) as ConsolidationResult;

describe("consolidateWorkbooks", () => {
  it.each([
    [0, "complete"],
    [1, "partial"],
  ] as const)("exit code %i of the core is %s", async (exitCode, kind) => {
    const out = await usecase.consolidateWorkbooks([], { find: findTemplate }, async () =>
      result({ exitCode })
    );
    expect(out.kind).toBe(kind);
  });

  it("stopped: carries the core's typed stop, or nothingUsable when there is no data", async () => {
    const tie: ConsolidationStop = {
      kind: "templateTie",
      counts: [
        ["a", 1],
        ["b", 1],
      ],
    };
    expect(
      usecase.consolidateOutcome(result({ exitCode: 2, stop: tie, data: null }))
    ).toMatchObject({ kind: "stopped", stop: tie });
    expect(usecase.consolidateOutcome(result({ exitCode: 0, data: null }))).toMatchObject({
      kind: "stopped",
      stop: { kind: "nothingUsable" },
    });
  });

  it("passes the files and options to the adapter's reader unchanged", async () => {
    const read = jest.fn(async () => result({}));
    const options = { find: findTemplate, period: "2024-Q1" };
    await usecase.consolidateWorkbooks(["a.xlsx"], options, read);
    expect(read).toHaveBeenCalledWith(["a.xlsx"], options);
  });
});

describe("both front ends consolidate through the use case", () => {
  let dir: string;
  let spy: jest.SpyInstance;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-usecase-"));
    fs.writeFileSync(path.join(dir, "hong.xlsx"), "không phải sổ tính");
    spy = jest.spyOn(usecase, "consolidateWorkbooks");
  });
  afterEach(() => {
    spy.mockRestore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("baocao consolidate: nothing usable is exit code 2, through the use case", async () => {
    const run = await cli("consolidate", dir, "-o", path.join(dir, "th.xlsx"));
    expect(run.code).toBe(2);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(path.join(dir, "th.xlsx"))).toBe(false);
  });

  it("baocao dump <folder>", async () => {
    const run = await cli("dump", dir);
    expect(run.code).toBe(2);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("baocao review", async () => {
    const run = await cli("review", dir, "-o", path.join(dir, "tra-lai"));
    expect(run.code).toBe(2);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it("the pane's Tổng hợp", async () => {
    const picked = new File([Buffer.from("không phải sổ tính")], "hong.xlsx");
    const r = await consolidatePickedFiles([picked], {});
    expect(r.exitCode).toBe(2);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
