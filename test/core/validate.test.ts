// Every rule kind, injected into workbooks of every template: the finding names the right cell.
import fc from "fast-check";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { validateWorkbook } from "../../src/core/validate";
import { isoToExcelSerial } from "../../src/core/period";
import { isNumericType, type Indicator, type Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { parseRange } from "../../src/core/layout/a1";
import {
  getCell,
  locate,
  locateFigure,
  moveName,
  setCell,
  snapshotOf,
  type Cell,
} from "../support/inject";

function findingAt(s: WorkbookSnapshot, template: Template, rule: string, at: Cell | null) {
  const report = validateWorkbook(template, s);
  const hit = report.findings.find(
    (f) =>
      f.rule === rule &&
      (at === null || (f.sheet === at.sheet && f.cell?.split(":")[0] === at.cell))
  );
  return { report, hit };
}

/** A figure of the sample that holds a number, with its row index (0 for scalars). */
function sampleNumber(
  template: Template,
  data: ReportData,
  pred: (i: Indicator) => boolean
): { ind: Indicator; index: number } | null {
  for (const ind of template.indicators) {
    if (ind.computed || !pred(ind)) continue;
    if (!ind.table && typeof data.values[ind.id] === "number") return { ind, index: 0 };
    const table = ind.table ? template.tableById.get(ind.table)! : null;
    if (table?.kind === "perUnit") {
      const i = data.units.findIndex((u) => typeof u.values[ind.id] === "number");
      if (i >= 0) return { ind, index: i };
    } else if (table?.kind === "fixed") {
      const rows = table.rows!.map((r) => data.tables[table.id]?.find((x) => x.row === r.id));
      const i = rows.findIndex((r) => typeof r?.[ind.id] === "number");
      if (i >= 0) return { ind, index: i };
    }
  }
  return null;
}

/** The template's first fixed or per-unit table with a summed column and a total row. */
function summedTable(template: Template) {
  return template.tables.find(
    (t) => t.total && t.kind !== "list" && t.columns.some((c) => c.aggregation === "sum")
  );
}

it("has tables with summed totals in exactly the templates that the total checks cover", () => {
  expect(
    builtInTemplates()
      .filter((t) => summedTable(t))
      .map((t) => t.id)
  ).toEqual(["quarterly-activity", "cluster-emulation", "implementation-review"]);
});

describe.each(builtInTemplates().map((t) => [t.id, t] as const))(
  "validating %s",
  (id, template) => {
    const fresh = () => snapshotOf(template, loadSample(id));
    // A plan has no results yet: its inputs are blank, so fall back to the first integer input.
    const integer = sampleNumber(template, loadSample(id), (i) => i.type === "integer") ?? {
      ind: template.indicators.find((i) => i.type === "integer" && !i.table)!,
      index: 0,
    };

    it("finds no error in the bundled sample", () => {
      const report = validateWorkbook(template, fresh());
      expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(report.ready).toBe(true);
    });

    it("reports a missing required header field at its cell", () => {
      const s = fresh();
      const at = locate(s, { kind: "header", field: "issuingBody" });
      setCell(s, at, null);
      const { hit } = findingAt(s, template, "header-required", at);
      expect(hit).toMatchObject({
        severity: "error",
        message: expect.stringContaining("Cơ quan ban hành"),
      });
    });

    it("understands a number typed as Vietnamese text but warns to retype it", () => {
      const s = fresh();
      const at = locateFigure(s, integer.ind, integer.index);
      setCell(s, at, "1.234");
      const { hit, report } = findingAt(s, template, "number-as-text", at);
      expect(hit).toMatchObject({ severity: "warning", indicator: integer.ind.id, value: "1.234" });
      expect(hit!.message).toContain("1.234");
      expect(
        report.findings.filter(
          (f) => f.severity === "error" && f.cell === at.cell && f.sheet === at.sheet
        )
      ).toEqual([]);
    });

    it.each([
      ["excel-error", { error: "#DIV/0!" }],
      ["min", -5],
      ["whole-number", 2.5],
      ["type", "nhiều lắm"],
    ] as const)("reports %s at the cell", (rule, bad) => {
      const s = fresh();
      const at = locateFigure(s, integer.ind, integer.index);
      setCell(s, at, bad);
      const { hit } = findingAt(s, template, rule, at);
      expect(hit).toMatchObject({
        severity: "error",
        indicator: integer.ind.id,
        sheet: at.sheet,
        cell: at.cell,
      });
    });

    it("reports a part larger than its whole at the part's cell", () => {
      const part = template.indicators.find((i) => i.partOf && !i.computed);
      if (!part) throw new Error(`${id}: no part-of figure to test`);
      const s = fresh();
      const whole = template.indicatorById.get(part.partOf!)!;
      setCell(s, locateFigure(s, whole, 0), 10);
      const at = locateFigure(s, part, 0);
      setCell(s, at, 11);
      const { hit } = findingAt(s, template, "part-of-whole", at);
      expect(hit).toMatchObject({ severity: "error", indicator: part.id });
    });

    it("reports a required text left empty", () => {
      const section = template.allSections.find(
        (x) => x.text?.required && loadSample(id).texts[x.id]
      );
      if (!section) throw new Error(`${id}: no required text in the sample to test`);
      const s = fresh();
      const at = locate(s, { kind: "text", section: section.id });
      setCell(s, at, null);
      expect(findingAt(s, template, "text-required", at).hit).toMatchObject({ severity: "error" });
    });

    // Only templates with a table of sums have totals; which ones is pinned below, so a template
    // that lost its totals fails there instead of passing here without asserting anything.
    const table = summedTable(template);
    (table ? it : it.skip)("catches a total typed over, or no longer adding up", () => {
      if (!table) throw new Error("unreachable: skipped without a table of sums");
      const col = table.columns.find((c) => c.aggregation === "sum" && !c.computed)!;
      const s = fresh();
      const at = locate(s, { kind: "total", table: table.id, indicator: col.id });
      const current = getCell(s, at);
      setCell(s, at, (typeof current === "number" ? current : 0) + 1, "=SUM(C1:C2)");
      expect(findingAt(s, template, "total-mismatch", at).hit).toMatchObject({ severity: "error" });
      setCell(s, at, 5, null);
      expect(findingAt(s, template, "formula-overwritten", at).hit).toMatchObject({
        severity: "error",
      });
    });

    it("reports a deleted defined name and a deleted sheet, without crashing", () => {
      const s = fresh();
      s.names = s.names.filter((n) => n.name !== `BC_${integer.ind.id}`);
      expect(findingAt(s, template, "missing-name", null).hit).toMatchObject({
        severity: "error",
        indicator: integer.ind.id,
      });
      const t = fresh();
      const victim = t.sheets[1].name;
      t.sheets.splice(1, 1);
      const r = validateWorkbook(template, t);
      expect(r.findings.some((f) => f.rule === "missing-name" && f.message.includes(victim))).toBe(
        true
      );
    });

    it("notices an input cell moved elsewhere and still reads it", () => {
      const s = fresh();
      const target = integer.ind.table
        ? ({ kind: "column", table: integer.ind.table, indicator: integer.ind.id } as const)
        : ({ kind: "value", indicator: integer.ind.id } as const);
      const moved = moveName(s, target, 200);
      setCell(s, { ...moved, row: moved.row + integer.index, cell: moved.cell }, 77);
      const { hit } = findingAt(s, template, "moved", null);
      expect(hit).toMatchObject({ severity: "warning", sheet: moved.sheet, cell: moved.cell });
      // The message names cells as the user sees them, not by the add-in's internal names.
      expect(hit!.message).not.toMatch(/\bBC[A-Z]*_/);
    });

    it("reports input cells merged by hand", () => {
      const s = fresh();
      const at = locateFigure(s, integer.ind, integer.index);
      s.sheets
        .find((x) => x.name === at.sheet)!
        .merges!.push({ top: at.row, left: at.col - 1, bottom: at.row, right: at.col });
      const { report } = findingAt(s, template, "merged", null);
      expect(report.findings.some((f) => f.rule === "merged" && f.sheet === at.sheet)).toBe(true);
      expect(report.findings.filter((f) => f.rule === "merged").map((f) => f.message)).not.toEqual(
        expect.arrayContaining([expect.stringMatching(/\bBC[A-Z]*_/)])
      );
    });

    it("refuses a workbook of an incompatible template version", () => {
      const s = fresh();
      const meta = s.sheets.find((x) => x.name === "_BaoCao")!;
      meta.values[2][1] = "9.0.0";
      expect(findingAt(s, template, "template-version", null).hit).toMatchObject({
        severity: "error",
      });
    });

    it("warns of outliers against the previous period's figures", () => {
      const s = fresh();
      const at = locateFigure(s, integer.ind, integer.index);
      const previous = loadSample(id);
      const before = typeof getCell(s, at) === "number" ? (getCell(s, at) as number) : 10;
      if (!integer.ind.table) previous.values[integer.ind.id] = before;
      setCell(s, at, Math.max(before, 10) * 10);
      const report = validateWorkbook(template, s, {
        previous: { data: previous, label: "kỳ trước" },
      });
      expect(
        report.findings.find(
          (f) => f.rule === "outlier" && f.cell === at.cell && f.sheet === at.sheet
        )
      ).toMatchObject({
        severity: "warning",
      });
    });

    it("orders findings deterministically (sheet by sheet, row by row)", () => {
      const s = fresh();
      setCell(s, locate(s, { kind: "header", field: "issuingBody" }), null);
      setCell(s, locateFigure(s, integer.ind, integer.index), -1);
      const a = validateWorkbook(template, s).findings;
      const b = validateWorkbook(template, JSON.parse(JSON.stringify(s))).findings;
      expect(a).toEqual(b);
      const order = s.sheets.map((x) => x.name);
      const idx = a.map((f) => (f.sheet === null ? -1 : order.indexOf(f.sheet)));
      expect([...idx].sort((x, y) => x - y)).toEqual(idx);
    });
  }
);

describe("rules that belong to particular templates", () => {
  it("flags dates after the period and malformed document numbers (implementation-review)", () => {
    const t = findTemplate("implementation-review")!;
    const s = snapshotOf(t, loadSample(t.id));
    const table = t.tables.find((x) => x.kind === "list")!;
    const date = table.columns.find((c) => c.type === "date")!;
    const ref = table.columns.find((c) => c.type === "docref")!;
    const dAt = locate(s, { kind: "column", table: table.id, indicator: date.id }, 0);
    setCell(s, dAt, isoToExcelSerial("2030-05-01"));
    const rAt = locate(s, { kind: "column", table: table.id, indicator: ref.id }, 1);
    setCell(s, rAt, "kế hoạch 209");
    const r = validateWorkbook(t, s);
    expect(
      r.findings.find((f) => f.rule === "date-in-period" && f.cell === dAt.cell)
    ).toMatchObject({ severity: "error" });
    expect(r.findings.find((f) => f.rule === "docref" && f.cell === rAt.cell)).toMatchObject({
      severity: "error",
    });
  });

  it("flags a typed rate that disagrees with its parts, at the typed precision", () => {
    const t = findTemplate("cluster-emulation")!;
    const typed = t.indicators.find(
      (i) => i.type === "percent" && !i.computed && i.ratioOf && i.perUnit
    )!;
    const s = snapshotOf(t, loadSample(t.id));
    setCell(s, locateFigure(s, t.indicatorById.get(typed.ratioOf!.part)!, 6), 572);
    setCell(s, locateFigure(s, t.indicatorById.get(typed.ratioOf!.whole)!, 6), 651);
    const at = locateFigure(s, typed, 6);
    setCell(s, at, 0.87);
    expect(
      validateWorkbook(t, s).findings.find((f) => f.rule === "rate-mismatch" && f.cell === at.cell)
    ).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("572/651 = 87,9%"),
    });
    setCell(s, at, 0.88);
    expect(
      validateWorkbook(t, s).findings.some((f) => f.rule === "rate-mismatch" && f.cell === at.cell)
    ).toBe(false);
  });

  it("catches a unit entered twice and figures on a row without a unit (cluster-emulation)", () => {
    const t = findTemplate("cluster-emulation")!;
    const s = snapshotOf(t, loadSample(t.id));
    const second = locate(s, { kind: "unitName" }, 1);
    setCell(s, second, getCell(s, locate(s, { kind: "unitName" }, 0)));
    const r = validateWorkbook(t, s);
    expect(r.findings.find((f) => f.rule === "duplicate-unit")).toMatchObject({
      severity: "error",
      cell: second.cell,
    });
    const u = snapshotOf(t, loadSample(t.id));
    setCell(u, locate(u, { kind: "unitName" }, 2), null);
    expect(validateWorkbook(t, u).findings.some((f) => f.rule === "unit-missing")).toBe(true);
  });

  it("evaluates the template's own rules (quarterly-activity)", () => {
    const t = findTemplate("quarterly-activity")!;
    const s = snapshotOf(t, loadSample(t.id));
    setCell(s, locate(s, { kind: "value", indicator: "dv_uu_tu" }), 5);
    const at = locate(s, { kind: "value", indicator: "dang_vien_ket_nap" });
    setCell(s, at, 10);
    const r = validateWorkbook(t, s);
    const f = r.findings.find((x) => x.rule === "rule:uu_tu_truoc_ket_nap");
    expect(f).toMatchObject({ severity: "warning", sheet: at.sheet, cell: at.cell });
  });

  it("advises when a target is not met: 'trên 85%' is not met at exactly 85% (annual-plan)", () => {
    const t = findTemplate("annual-plan")!;
    const target = t.targets.find((g) => g.comparator === "gt" && g.value === 0.85)!;
    const ind = t.indicatorById.get(target.indicator!)!;
    const data = loadSample(t.id);
    const s = snapshotOf(t, data);
    if (ind.computed && ind.ratioOf) {
      setCell(s, locateFigure(s, t.indicatorById.get(ind.ratioOf.part)!), 85);
      setCell(s, locateFigure(s, t.indicatorById.get(ind.ratioOf.whole)!), 100);
    } else {
      setCell(s, locateFigure(s, ind), 0.85);
    }
    const at = locate(s, { kind: "targetValue", target: target.id });
    expect(
      validateWorkbook(t, s).findings.find((f) => f.rule === "target" && f.cell === at.cell)
    ).toMatchObject({ severity: "warning" });
  });

  it("checks the document number against the template's document type", () => {
    const t = findTemplate("quarterly-activity")!;
    const s = snapshotOf(t, loadSample(t.id));
    const at = locate(s, { kind: "header", field: "number" });
    setCell(s, at, "62/KH-LĐLĐ");
    expect(validateWorkbook(t, s).findings.find((f) => f.rule === "docref-type")).toMatchObject({
      cell: at.cell,
    });
    setCell(s, at, "62 BC LĐLĐ");
    expect(
      validateWorkbook(t, s).findings.find((f) => f.rule === "docref" && f.cell === at.cell)
    ).toMatchObject({ severity: "error" });
  });
});

describe("property: an injected fault is always reported at its cell", () => {
  const candidates = builtInTemplates().flatMap((t) => {
    const data = loadSample(t.id);
    return t.indicators
      .filter((i) => isNumericType(i.type) && !i.computed && i.type !== "percent")
      .map((ind) => ({
        t,
        ind,
        rows: ind.perUnit
          ? data.units.length
          : ind.table
            ? (t.tableById.get(ind.table)!.rows?.length ?? 0)
            : 1,
      }))
      .filter((c) => c.rows > 0);
  });
  const faults = [
    { make: () => -1 - Math.floor(Math.random() * 100), rule: "min" },
    { make: () => ({ error: "#VALUE!" }), rule: "excel-error" },
    { make: () => "không rõ", rule: "type" },
  ];

  it("for random templates, inputs, rows and fault kinds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: candidates.length - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: faults.length - 1 }),
        (ci, ri, fi) => {
          const { t, ind, rows } = candidates[ci];
          const s = snapshotOf(t, loadSample(t.id));
          const at = locateFigure(s, ind, ind.table ? ri % rows : 0);
          setCell(s, at, faults[fi].make());
          const found = validateWorkbook(t, s).findings.some(
            (f) =>
              f.rule === faults[fi].rule &&
              f.sheet === at.sheet &&
              parseRange(f.cell ?? "")?.top === at.row &&
              f.indicator === ind.id
          );
          return found;
        }
      ),
      { numRuns: 150 }
    );
  });
});
