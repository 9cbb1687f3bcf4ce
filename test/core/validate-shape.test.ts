// Validation keeps the template's expected layout per workbook shape (unit rows, sheet names)
// instead of planning the workbook on every check: workbooks of different shapes checked one
// after another must each be judged against their own layout, never the previous one's.
import { findTemplate } from "../../src/templates";
import { planWorkbook } from "../../src/core/layout/planner";
import { sheetKeys } from "../../src/core/layout/planner";
import { validateWorkbook } from "../../src/core/validate";
import type { Template } from "../../src/core/model/load";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { generatedData } from "../../scripts/bench-data";
import { planToSnapshot } from "../support/plan-snapshot";
import { getCell, locate, setCell } from "../support/inject";
import { builtInTemplates } from "../../src/templates";
import { consolidatedTemplate } from "../../src/core/consolidate/template";
import { readWorkbook } from "../../src/core/data/read";
import { ValidationContext } from "../../src/core/validate/context";
import {
  agreesWithShape,
  exactShape,
  extrapolated,
  type ExpectedShape,
} from "../../src/core/validate/structure";

const template = findTemplate("cluster-emulation")!;

/** The first per-unit table with a summed column and a total row. */
function summedPerUnit(t: Template) {
  const table = t.tables.find(
    (x) => x.kind === "perUnit" && x.total && x.columns.some((c) => c.aggregation === "sum")
  );
  if (!table) throw new Error(`${t.id}: no per-unit table with a summed total`);
  return { table, col: table.columns.find((c) => c.aggregation === "sum" && !c.computed)! };
}

/**
 * A workbook of `units` unit rows whose total cell keeps the template's formula but a cached
 * figure that no longer adds up, as a tool that does not recalculate would save it. Judged
 * against its own layout, the untouched formula says Excel will recalculate: no finding.
 */
function staleTotal(units: number, sheetNames: Record<string, string> = {}): WorkbookSnapshot {
  const data = generatedData(template, units);
  const s = planToSnapshot(planWorkbook(template, data, { sheetNames }));
  const { table, col } = summedPerUnit(template);
  const at = locate(s, { kind: "total", table: table.id, indicator: col.id });
  const sheet = s.sheets.find((x) => x.name === at.sheet)!;
  const formula = sheet.formulas![at.row - sheet.top][at.col - sheet.left];
  setCell(s, at, Number(getCell(s, at)) + 1, formula);
  return s;
}

const rulesOf = (s: WorkbookSnapshot) =>
  validateWorkbook(template, s).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

it("judges each workbook by its own number of unit rows, whatever was checked before", () => {
  const three = staleTotal(3);
  const seven = staleTotal(7);
  for (const s of [three, seven, three, seven])
    expect(rulesOf(s).filter((r) => r.startsWith("total-mismatch"))).toEqual([]);
});

it("judges each workbook by its own sheet names, whatever was checked before", () => {
  const { table } = summedPerUnit(template);
  const key = sheetKeys(template, generatedData(template, 3)).find(
    (k) => k === `table:${table.id}`
  );
  if (!key) throw new Error(`no sheet key for table ${table.id}`);
  const plain = staleTotal(3);
  const renamed = staleTotal(3, { [key]: "Bảng đã đổi tên" });
  expect(renamed.sheets.some((x) => x.name === "Bảng đã đổi tên")).toBe(true);
  for (const s of [plain, renamed, plain, renamed]) {
    const found = rulesOf(s);
    expect(found.filter((r) => r.startsWith("moved") || r.startsWith("total-mismatch"))).toEqual(
      []
    );
  }
});

it("still reports a total whose formula was edited, after a clean check of the same shape", () => {
  const clean = staleTotal(5);
  expect(rulesOf(clean).filter((r) => r.startsWith("total-mismatch"))).toEqual([]);
  const edited = staleTotal(5);
  const { table, col } = summedPerUnit(template);
  const at = locate(edited, { kind: "total", table: table.id, indicator: col.id });
  setCell(edited, at, Number(getCell(edited, at)), "=SUM(C1:C2)");
  expect(rulesOf(edited)).toContain(`total-mismatch ${at.sheet}!${at.cell}`);
});

describe("the expected shape of a large workbook, drawn from three small plans", () => {
  // Every template with unit rows: the cluster template, and each built-in's consolidated form.
  const withUnits: [string, Template][] = [
    [template.id, template],
    ...builtInTemplates().map((t): [string, Template] => [
      `${t.id}, consolidated`,
      consolidatedTemplate(t),
    ]),
  ];

  it.each(withUnits)(
    "%s: is the whole plan's, names and total formulas, at any number of unit rows",
    (_id, t) => {
      const renamed = Object.fromEntries(
        sheetKeys(t, generatedData(t, 3)).map((k, i) => [k, `Trang ${i + 1}`])
      );
      for (const sheetNames of [{}, renamed])
        for (const units of [5, 61, 1075]) {
          const exact = exactShape(t, units, sheetNames);
          expect(exact.totalFormulas.size).toBeGreaterThan(0);
          expect(extrapolated(t, units, sheetNames)).toEqual({ ...exact, exact: false });
        }
    }
  );

  /** A 40-unit workbook, its reading, and the shape drawn for it. */
  function drawn(): { s: WorkbookSnapshot; shape: ExpectedShape; judge: () => boolean } {
    const s = planToSnapshot(planWorkbook(template, generatedData(template, 40)));
    const shape = extrapolated(template, 40, {})!;
    const judge = () =>
      agreesWithShape(new ValidationContext(template, s, readWorkbook(template, s).data), shape);
    return { s, shape, judge };
  }

  it("is trusted for a workbook laid out as planned, or whose total was typed over", () => {
    const { s, judge } = drawn();
    expect(judge()).toBe(true);
    // A figure typed over a total: no formula, judged alike whatever formula the plan has.
    const { table, col } = summedPerUnit(template);
    const at = locate(s, { kind: "total", table: table.id, indicator: col.id });
    setCell(s, at, 12345, null);
    expect(judge()).toBe(true);
  });

  it("is not trusted where it differs from the workbook: an input elsewhere, another formula", () => {
    const moved = drawn();
    const input = moved.shape.names.find((n) => n.target.kind === "column")!;
    input.range = { ...input.range, top: input.range.top + 1 };
    expect(moved.judge()).toBe(false);

    const edited = drawn();
    const { table, col } = summedPerUnit(template);
    const at = locate(edited.s, { kind: "total", table: table.id, indicator: col.id });
    setCell(edited.s, at, Number(getCell(edited.s, at)), "=SUM(C1:C2)");
    expect(edited.judge()).toBe(false);
  });
});
