// The cluster case of seed 001 (Báo cáo số 733/BC-CTĐ, Cụm thi đua 7 tỉnh biên giới phía Bắc,
// 6 tháng đầu năm 2023), computed by hand. Footnote 19 gives each province's new grassroots unions
// (CĐCS thành lập mới) and new members (đoàn viên kết nạp mới), footnote 20 the members proposed
// to the Party; the chỉ tiêu of a province is given outright ("Hà Giang thành lập 2/3 CĐCS,
// kết nạp 359/3000") or follows from "đạt X% chỉ tiêu":
//   Lai Châu 260 đạt 194%   → 134  (260/134  = 194,03%)
//   Lạng Sơn 889 đạt 72%    → 1235 (889/1235 = 71,98%)
//   Điện Biên 248 đạt 8,36% → 2967 (248/2967 = 8,359%); 1 CĐCS đạt 100% → 1
//   ưu tú: Lai Châu 711 đạt 90,6% → 785, Cao Bằng 377 đạt 44,8% → 842, Lạng Sơn 837 đạt 63% → 1329,
//          Lào Cai 971 đạt 81,5% → 1191, Điện Biên 602 đạt 60,5% → 995, Hà Giang 530 đạt 40,7% → 1302
// Cao Bằng, Lào Cai and Sơn La give no chỉ tiêu for members, Sơn La none for ưu tú; Lạng Sơn's
// CĐCS "đạt 67%" has no whole number behind it (3/4,5), so its chỉ tiêu is left blank.
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { CLUSTER_PROVINCES } from "../../../src/templates";
import { partRatios, roundRatio, unitTargetCompletions } from "../../../src/core/rollup/completion";
import { rollupHierarchy } from "../../../src/core/rollup/hierarchy";
import { tableTotals } from "../../../src/core/rollup/totals";
import { formatPercent } from "../../../src/core/format/percent";
import type { ReportData, UnitEntry } from "../../../src/core/data/types";

const template = findTemplate("cluster-emulation")!;
const CLUSTER = "Cụm thi đua LĐLĐ 7 tỉnh biên giới phía Bắc";

type Figures = [number, number | null, number, number | null, number, number | null];
// [CĐCS thành lập, chỉ tiêu, đoàn viên kết nạp, chỉ tiêu, đoàn viên ưu tú, chỉ tiêu]
const FOOTNOTES: Record<string, Figures> = {
  "LĐLĐ tỉnh Lai Châu": [10, null, 260, 134, 711, 785],
  "LĐLĐ tỉnh Cao Bằng": [4, null, 290, null, 377, 842],
  "LĐLĐ tỉnh Lạng Sơn": [3, null, 889, 1235, 837, 1329],
  "LĐLĐ tỉnh Lào Cai": [7, null, 1258, null, 971, 1191],
  "LĐLĐ tỉnh Điện Biên": [1, 1, 248, 2967, 602, 995],
  "LĐLĐ tỉnh Hà Giang": [2, 3, 359, 3000, 530, 1302],
  "LĐLĐ tỉnh Sơn La": [5, null, 431, null, 1028, null],
};

const units: UnitEntry[] = CLUSTER_PROVINCES.map((name) => {
  const [cdcs, cdcsTarget, dv, dvTarget, uuTu, uuTuTarget] = FOOTNOTES[name];
  return {
    name,
    parent: null,
    values: {
      cdcs_thanh_lap: cdcs,
      cdcs_thanh_lap_chi_tieu: cdcsTarget,
      dv_ket_nap: dv,
      dv_ket_nap_chi_tieu: dvTarget,
      dv_uu_tu: uuTu,
      dv_uu_tu_chi_tieu: uuTuTarget,
    },
  };
});

const data: ReportData = {
  template: template.id,
  templateVersion: template.version,
  header: {},
  values: {},
  units,
  tables: {},
  texts: {},
};

describe("seed 001 cluster, new grassroots unions and new members", () => {
  it("the bundled sample holds the same footnote figures", () => {
    const sample = loadSample("cluster-emulation");
    for (const u of units) {
      const s = sample.units.find((x) => x.name === u.name)!;
      for (const [k, v] of Object.entries(u.values))
        expect([u.name, k, s.values[k] ?? null]).toEqual([u.name, k, v]);
    }
  });

  it("sums the provinces and rates the cluster only where a chỉ tiêu is given", () => {
    const table = template.tableById.get("phat_trien_doan_vien")!;
    const totals = tableTotals(table, data);
    // 10+4+3+7+1+2+5 = 32 CĐCS, as the text says; chỉ tiêu 1+3 = 4.
    expect(totals.get("cdcs_thanh_lap")).toBe(32);
    expect(totals.get("cdcs_thanh_lap_chi_tieu")).toBe(4);
    // Only Điện Biên (1/1) and Hà Giang (2/3) give both: 3/4 = 75%, not 32/4 = 800%.
    expect(totals.get("ty_le_cdcs_thanh_lap")).toBe(0.75);
    // 260+290+889+1258+248+359+431 = 3.735 đoàn viên (the text's "3.730" is 5 short).
    expect(totals.get("dv_ket_nap")).toBe(3735);
    // 134+1235+2967+3000 = 7.336; provinces with a chỉ tiêu: 260+889+248+359 = 1.756.
    expect(totals.get("dv_ket_nap_chi_tieu")).toBe(7336);
    expect(totals.get("ty_le_dv_ket_nap")).toBe(1756 / 7336);
    expect(formatPercent(roundRatio(totals.get("ty_le_dv_ket_nap")!))).toBe("23,9%");
    // ưu tú: 5.056 as the text says; 785+842+1329+1191+995+1302 = 6.444; 5056−1028 = 4.028.
    expect(totals.get("dv_uu_tu")).toBe(5056);
    expect(totals.get("dv_uu_tu_chi_tieu")).toBe(6444);
    expect(formatPercent(roundRatio(totals.get("ty_le_dv_uu_tu")!))).toBe("62,5%"); // 62,508%
  });

  it("partRatios tells what the cluster rate is made of", () => {
    const byId = new Map(partRatios(template, data).map((r) => [r.indicator, r]));
    expect(byId.get("ty_le_dv_ket_nap")).toEqual({
      indicator: "ty_le_dv_ket_nap",
      part: 3735,
      whole: "dv_ket_nap_chi_tieu",
      wholeValue: 7336,
      ratio: 1756 / 7336,
      partIndicator: "dv_ket_nap",
      pairedPart: 1756,
      pairedWhole: 7336,
      unpairedRows: 3, // Cao Bằng, Lào Cai, Sơn La
    });
    expect(byId.get("ty_le_cdcs_thanh_lap")).toMatchObject({
      part: 32,
      wholeValue: 4,
      ratio: 0.75,
      pairedPart: 3,
      pairedWhole: 4,
      unpairedRows: 5,
    });
  });

  it("each province against its own chỉ tiêu, as the footnotes write it", () => {
    const members = unitTargetCompletions(template, data).filter(
      (c) => c.indicator === "dv_ket_nap"
    );
    expect(members.map((c) => c.unit)).toEqual(CLUSTER_PROVINCES); // all give a result
    const shown = members.map((c) => [
      c.unit,
      c.ratio === null ? null : formatPercent(roundRatio(c.ratio, 0)),
      c.status,
    ]);
    expect(shown).toEqual([
      ["LĐLĐ tỉnh Lai Châu", "194%", "exceeded"],
      ["LĐLĐ tỉnh Cao Bằng", null, null],
      ["LĐLĐ tỉnh Lạng Sơn", "72%", "notMet"],
      ["LĐLĐ tỉnh Lào Cai", null, null],
      ["LĐLĐ tỉnh Điện Biên", "8%", "notMet"],
      ["LĐLĐ tỉnh Hà Giang", "12%", "notMet"],
      ["LĐLĐ tỉnh Sơn La", null, null],
    ]);
    const dienBien = members.find((c) => c.unit === "LĐLĐ tỉnh Điện Biên")!;
    expect(formatPercent(roundRatio(dienBien.ratio!, 2), { decimals: 2 })).toBe("8,36%");
    expect(dienBien).toMatchObject({
      targetColumn: "dv_ket_nap_chi_tieu",
      comparator: "gte",
      targetValue: 2967,
      result: 248,
      kind: "amount",
    });

    const cdcs = unitTargetCompletions(template, data).filter(
      (c) => c.indicator === "cdcs_thanh_lap" && c.targetValue !== null
    );
    expect(cdcs.map((c) => [c.unit, c.ratio, c.status])).toEqual([
      ["LĐLĐ tỉnh Điện Biên", 1, "met"], // "đạt 100% chỉ tiêu giao"
      ["LĐLĐ tỉnh Hà Giang", 2 / 3, "notMet"],
    ]);

    const uuTu = unitTargetCompletions(template, data).filter((c) => c.indicator === "dv_uu_tu");
    expect(uuTu.map((c) => (c.ratio === null ? null : formatPercent(roundRatio(c.ratio))))).toEqual(
      ["90,6%", "44,8%", "63%", "81,5%", "60,5%", "40,7%", null]
    );
  });

  it("a cluster without levels rolls up to the same totals, named after the cluster", () => {
    const rolled = rollupHierarchy(template, units, { rootName: CLUSTER });
    expect(rolled).toHaveLength(1); // no province has children: only the grand total
    const [total] = rolled;
    expect(total).toMatchObject({ unit: CLUSTER, parent: null, depth: -1, descendants: 7 });
    expect(total.values.get("cdcs_thanh_lap")).toBe(32);
    expect(total.values.get("ty_le_cdcs_thanh_lap")).toBe(0.75);
    expect(total.values.get("dv_ket_nap")).toBe(3735);
    expect(total.values.get("dv_ket_nap_chi_tieu")).toBe(7336);
    expect(total.values.get("ty_le_dv_ket_nap")).toBe(1756 / 7336);
    // Columns no province fills are not rolled up at all.
    expect(total.values.has("tet_suat")).toBe(false);
  });
});
