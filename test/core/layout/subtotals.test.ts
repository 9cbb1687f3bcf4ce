// The "Cộng theo cấp" sheet: planned only for a units hierarchy, one row per unit with units under
// it and the grand total, values (rates recomputed) as rollupHierarchy gives them, read-only, and
// invisible to the reader and to validation.
import { findTemplate } from "../../../src/templates";
import { planWorkbook, sheetKeys } from "../../../src/core/layout/planner";
import type { PlanCell, SheetPlan } from "../../../src/core/layout/plan";
import { numberFormatOf } from "../../../src/core/layout/context";
import {
  SUBTOTALS_NOTE,
  SUBTOTALS_SHEET,
  hasHierarchy,
  subtotalColumns,
} from "../../../src/core/layout/subtotals-sheet";
import { rollupHierarchy } from "../../../src/core/rollup/hierarchy";
import { readMeta, readWorkbook } from "../../../src/core/data/read";
import { validateWorkbook } from "../../../src/core/validate";
import type { ReportData } from "../../../src/core/data/types";
import { generatedData } from "../../../scripts/bench-data";
import { planToSnapshot } from "../../support/plan-snapshot";

const ce = findTemplate("cluster-emulation")!;
const PROVINCES = ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La"];

/** Two provinces, each with two districts; one district with two grassroots unions under it. */
function hierarchical(): ReportData {
  const data = generatedData(ce, 8, 7);
  const names: [string, string | null][] = [
    [PROVINCES[0], null],
    ["LĐLĐ huyện Tam Đường", PROVINCES[0]],
    ["LĐLĐ huyện Phong Thổ", PROVINCES[0]],
    [PROVINCES[1], null],
    ["LĐLĐ huyện Mộc Châu", PROVINCES[1]],
    ["LĐLĐ huyện Yên Châu", PROVINCES[1]],
    ["CĐCS Trường THPT Mộc Châu", "LĐLĐ huyện Mộc Châu"],
    ["CĐCS Bệnh viện Mộc Châu", "LĐLĐ huyện Mộc Châu"],
  ];
  data.units = data.units.map((u, i) => ({ ...u, name: names[i][0], parent: names[i][1] }));
  data.header.issuingBody = "Cụm thi đua các tỉnh biên giới phía Bắc";
  return data;
}

const text = (c: PlanCell | undefined) => (c?.value ?? null) as string | number | null;
function cell(sheet: SheetPlan, row: number, col: number): PlanCell | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

describe("planning the subtotals sheet", () => {
  const data = hierarchical();
  const plan = planWorkbook(ce, data);
  const sheet = plan.sheets.find((s) => s.key === "subtotals")!;

  it("is planned for a hierarchy, after the sections and tables, and listed in the metadata", () => {
    expect(sheet.name).toBe(SUBTOTALS_SHEET);
    const keys = sheetKeys(ce, data);
    // cluster-emulation has no targets sheet and is not a consolidation: only the metadata follows.
    expect(keys.slice(keys.indexOf("subtotals") + 1)).toEqual(["meta"]);
    expect(plan.sheets.map((s) => s.key)).toEqual(keys);
    const meta = readMeta(planToSnapshot(plan))!;
    expect(meta.sheets.subtotals).toBe(SUBTOTALS_SHEET);
  });

  it("is not planned for a flat list, or without units", () => {
    const flat = generatedData(ce, 5, 1);
    expect(sheetKeys(ce, flat)).not.toContain("subtotals");
    expect(planWorkbook(ce).sheets.map((s) => s.key)).not.toContain("subtotals");
    expect(hasHierarchy([{ name: "A", parent: "A" }])).toBe(false);
    expect(hasHierarchy([{ name: "A", parent: "Không có" }])).toBe(false);
    expect(
      hasHierarchy([
        { name: "A", parent: null },
        { name: "b", parent: " a " },
      ])
    ).toBe(true);
  });

  it("holds one row per unit with units under it, indented, then the grand total", () => {
    const rolled = rollupHierarchy(ce, data.units, { rootName: data.header.issuingBody });
    const labelRow = sheet.print.titleRows!.last;
    const rows = rolled.map((_, i) => labelRow + 1 + i);
    const names = rows.map((r) => text(cell(sheet, r, 2)));
    expect(names).toEqual([
      "LĐLĐ tỉnh Lai Châu",
      "LĐLĐ tỉnh Sơn La",
      "    LĐLĐ huyện Mộc Châu",
      "Tổng cộng",
    ]);
    expect(rows.map((r) => text(cell(sheet, r, 3)))).toEqual([1, 1, 2, null]);
    expect(rows.map((r) => text(cell(sheet, r, 4)))).toEqual([2, 4, 2, 8]);

    const columns = ce.tables.flatMap(subtotalColumns);
    expect(columns.some((c) => c.computed && c.ratioOf)).toBe(true);
    rolled.forEach((s, i) => {
      columns.forEach((col, j) => {
        const c = cell(sheet, rows[i], 5 + j)!;
        expect({ col: col.id, v: c.value ?? null }).toEqual({
          col: col.id,
          v: s.values.get(col.id) ?? null,
        });
        expect(c.numFmt).toBe(numberFormatOf(col));
        expect(c.formula).toBeUndefined();
      });
    });
  });

  it("recomputes a rate from the summed parts and wholes of the subtree", () => {
    const columns = ce.tables.flatMap(subtotalColumns);
    const j = columns.findIndex((c) => c.id === "ty_le_sk_dang_ky");
    const labelRow = sheet.print.titleRows!.last;
    const sonLa = data.units.slice(3);
    const part = sonLa.reduce((a, u) => a + Number(u.values.sk_dang_ky ?? 0), 0);
    const whole = sonLa.reduce((a, u) => a + Number(u.values.sk_dang_ky_chi_tieu ?? 0), 0);
    expect(cell(sheet, labelRow + 2, 5 + j)!.value).toBeCloseTo(part / whole, 12);
  });

  it("groups columns under their table, repeats the headers on print and is protected", () => {
    const tables = ce.tables.filter((t) => subtotalColumns(t).length > 0);
    const titles = sheet.cells.filter((c) => c.row === 4 && c.col > 4).map((c) => c.value);
    expect(titles.filter((v) => v)).toEqual(tables.map((t) => t.title));
    expect(sheet.print.titleRows!.first).toBe(4);
    expect(sheet.protection).not.toBeNull();
    expect(sheet.cells.every((c) => c.style !== "input" && c.style !== "inputText")).toBe(true);
    expect(sheet.validations).toEqual([]);
    expect(plan.names.filter((n) => n.sheet === sheet.name)).toEqual([]);
    const note = String(cell(sheet, 2, 1)!.value);
    expect(note).toContain(SUBTOTALS_NOTE);
    expect(note).toContain("không phải công thức");
  });

  it("is ignored by the reader and by validation", () => {
    const snap = planToSnapshot(plan);
    const withSheet = readWorkbook(ce, snap);
    const without = readWorkbook(ce, {
      ...snap,
      sheets: snap.sheets.filter((s) => s.name !== SUBTOTALS_SHEET),
    });
    expect(withSheet.data).toEqual(without.data);
    expect(withSheet.data.units.map((u) => u.parent)).toEqual(data.units.map((u) => u.parent));
    const report = validateWorkbook(ce, snap);
    expect(report.findings.filter((f) => f.sheet === SUBTOTALS_SHEET)).toEqual([]);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("lists the parent column's problems under the table", () => {
    const bad = hierarchical();
    bad.units[2] = { ...bad.units[2], parent: "LĐLĐ tỉnh Lai Chau" };
    const s = planWorkbook(ce, bad).sheets.find((x) => x.key === "subtotals")!;
    const notes = s.cells.filter((c) => c.style === "note").map((c) => String(c.value ?? ""));
    expect(notes.some((n) => n.includes("“LĐLĐ tỉnh Lai Chau” không có trong danh sách"))).toBe(
      true
    );
  });
});
