// A unit row that repeats the total of the units under it would be counted twice in Tổng cộng:
// validation warns at that row's cell, and only then.
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { validateWorkbook } from "../../src/core/validate";
import type { ReportData } from "../../src/core/data/types";
import { planToSnapshot } from "../support/plan-snapshot";

const t = findTemplate("cluster-emulation")!;

/** Lai Châu's province row over two districts that split its "công trình" figures. */
function withDistricts(provinceCount: number | null): ReportData {
  const data = loadSample(t.id);
  const province = data.units[0];
  province.values = { ...province.values, ct_so_luong: provinceCount };
  data.units.push(
    { name: "LĐLĐ huyện Tam Đường", parent: province.name, values: { ct_so_luong: 60 } },
    { name: "LĐLĐ huyện Sìn Hồ", parent: province.name, values: { ct_so_luong: 36 } }
  );
  return data;
}

const subtotalFindings = (data: ReportData) =>
  validateWorkbook(t, planToSnapshot(planWorkbook(t, data))).findings.filter(
    (f) => f.rule === "subtotal-row"
  );

describe("subtotal rows", () => {
  it("warns at the province's cell when its row equals its districts' sum", () => {
    const found = subtotalFindings(withDistricts(96));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", indicator: "ct_so_luong", value: 96 });
    expect(found[0].cell).toMatch(/^[A-Z]+\d+$/);
    expect(found[0].message).toContain("“LĐLĐ tỉnh Lai Châu”");
    expect(found[0].message).toContain("tính hai lần");
  });

  it("says nothing when the province's own figure differs, is blank, or nobody has a parent", () => {
    expect(subtotalFindings(withDistricts(14))).toEqual([]);
    expect(subtotalFindings(withDistricts(null))).toEqual([]);
    expect(subtotalFindings(loadSample(t.id))).toEqual([]);
  });
});
