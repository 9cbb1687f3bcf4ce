// Flat rows and their CSV (issue 11, item 5), without files: the CLI test checks the sums.
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { flatCsv, flatRows, TOTAL_UNIT, type FlatRow } from "../../src/core/flat";

const row = (over: Partial<FlatRow>): FlatRow => ({
  unit: "LĐLĐ tỉnh Lai Châu",
  parent: "",
  period: "2024-Q1",
  indicator: "dv_ket_nap",
  label: "Đoàn viên kết nạp mới",
  measure: "đoàn viên",
  value: 260,
  ...over,
});

describe("flatCsv", () => {
  it("starts with a byte order mark, ends lines with CRLF, quotes only what needs it", () => {
    const csv = flatCsv([
      row({}),
      row({ unit: 'CĐ "Ngành" Y tế, tỉnh', label: "hai\ndòng", value: 0.875 }),
    ]);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFunit,parent,period,indicator,label,measure,value",
      "LĐLĐ tỉnh Lai Châu,,2024-Q1,dv_ket_nap,Đoàn viên kết nạp mới,đoàn viên,260",
      '"CĐ ""Ngành"" Y tế, tỉnh",,2024-Q1,dv_ket_nap,"hai\ndòng",đoàn viên,0.875',
      "",
    ]);
  });

  it("keeps a text Excel would run as a formula from being one, and negative numbers as numbers", () => {
    const csv = flatCsv([
      row({ unit: '=HYPERLINK("http://x","bấm")', parent: "+84 tỉnh", value: -3 }),
    ]);
    expect(csv.split("\r\n")[1]).toBe(
      `"'=HYPERLINK(""http://x"",""bấm"")",'+84 tỉnh,2024-Q1,dv_ket_nap,Đoàn viên kết nạp mới,đoàn viên,-3`
    );
  });
});

describe("flatRows", () => {
  it("gives a unit's workbook its own figures, and a per-unit table its rows and totals", () => {
    const t = findTemplate("cluster-emulation")!;
    const data = loadSample("cluster-emulation");
    const rows = flatRows(t, data);
    const units = new Set(data.units.map((u) => u.name));
    const perUnit = rows.filter((r) => units.has(r.unit));
    const totals = rows.filter((r) => r.unit === TOTAL_UNIT);
    expect(perUnit.length).toBeGreaterThan(100);
    // Each total is the sum of the units' rows of that indicator, where the template sums it.
    for (const tot of totals) {
      if (t.indicatorById.get(tot.indicator)?.aggregation !== "sum") continue;
      const sum = perUnit
        .filter((r) => r.indicator === tot.indicator)
        .reduce((a, r) => a + r.value, 0);
      expect([tot.indicator, tot.value]).toEqual([tot.indicator, sum]);
    }
    const own = rows.filter((r) => r.unit === data.header.issuingBody);
    expect(own.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.period === "2023-H1" && typeof r.value === "number")).toBe(true);
  });

  it("names a fixed table's cell table.row.column, with the table, row and column in its label", () => {
    const t = findTemplate("quarterly-activity")!;
    const rows = flatRows(t, loadSample("quarterly-activity"));
    const cell = rows.find((r) => r.indicator.split(".").length === 3);
    expect(cell?.label).toMatch(/^.+: .+, .+$/);
    expect(rows.some((r) => r.unit === TOTAL_UNIT)).toBe(false);
  });
});
