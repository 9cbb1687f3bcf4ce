// baocao next (issue 11, item 4) through real .xlsx files: the period after, last year's figures
// as "cùng kỳ năm trước", and what the user is told when the last-year workbook is the wrong one.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { cli } from "./run";

let dir: string;
const file = (name: string) => path.join(dir, name);
const qa = findTemplate("quarterly-activity")!;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-next-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("baocao next", () => {
  it("makes 2024-Q2 from 2024-Q1 with 2023-Q2's figures as baselines", async () => {
    fs.writeFileSync(file("q1.xlsx"), await xlsxOf(qa, loadSample(qa.id)));
    const lastYear = unitData(qa, "LĐLĐ tỉnh Lai Châu", 7, "2023-Q2");
    fs.writeFileSync(file("q2-2023.xlsx"), await xlsxOf(qa, lastYear));
    const r = await cli(
      "next",
      file("q1.xlsx"),
      "-o",
      file("q2.xlsx"),
      "--last-year",
      file("q2-2023.xlsx")
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("quý II/2024 (2024-Q2)");

    const data = JSON.parse((await cli("dump", file("q2.xlsx"))).stdout);
    expect(data.header.period).toBe("2024-Q2");
    const want = Object.fromEntries(
      Object.entries(lastYear.values).filter(
        ([k, v]) => typeof v === "number" && !qa.indicatorById.get(k)?.table
      )
    );
    expect(Object.keys(want).length).toBeGreaterThan(10);
    expect(data.baselines.lastYear).toEqual(want);

    // Not ready to send until the writer fills it in, and only for that.
    const v = await cli("validate", file("q2.xlsx"), "--json");
    expect(v.code).toBe(1);
    const errors = JSON.parse(v.stdout).findings.filter(
      (f: { severity: string }) => f.severity === "error"
    );
    expect(errors.map((f: { rule: string }) => f.rule).sort()).toEqual([
      "header-required",
      "header-required",
      "text-required",
      "text-required",
      "text-required",
    ]);
  });

  it("says which last-year workbook it needs, and writes nothing", async () => {
    fs.writeFileSync(file("q1.xlsx"), await xlsxOf(qa, loadSample(qa.id)));
    fs.writeFileSync(file("q1-2023.xlsx"), await xlsxOf(qa, unitData(qa, "X", 1, "2023-Q1")));
    const r = await cli(
      "next",
      file("q1.xlsx"),
      "-o",
      file("q2.xlsx"),
      "--last-year",
      file("q1-2023.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cùng kỳ năm trước của nó là quý II/2023 (2023-Q2)");
    expect(fs.existsSync(file("q2.xlsx"))).toBe(false);
  });

  it("rolls the cluster's 6 months forward and keeps its units", async () => {
    const ce = findTemplate("cluster-emulation")!;
    fs.writeFileSync(file("h1.xlsx"), await xlsxOf(ce, loadSample(ce.id)));
    expect((await cli("next", file("h1.xlsx"), "-o", file("h2.xlsx"))).code).toBe(0);
    const data = JSON.parse((await cli("dump", file("h2.xlsx"))).stdout);
    expect(data.header.period).toBe("2023-H2");
    expect(data.units.map((u: { name: string }) => u.name)).toEqual(
      loadSample(ce.id).units.map((u) => u.name)
    );
  });
});
