// The cluster emulation template (seed 001, Số 733/BC-CTĐ): its structure follows the document,
// and its sample holds every province's footnote figures, hand-checked against the seed.
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { formatSectionNumber } from "../../src/core/model/numbering";
import { expandPlaceholders, expandTitle } from "../../src/core/model/title";
import { allTotals } from "../../src/core/rollup/totals";
import { evaluate } from "../../src/core/expr";
import { planWorkbook } from "../../src/core/layout/planner";
import { readWorkbook } from "../../src/core/data/read";
import type { Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { planToSnapshot } from "../support/plan-snapshot";

const template: Template = findTemplate("cluster-emulation")!;
const sample: ReportData = loadSample("cluster-emulation");

const LAI_CHAU = "LĐLĐ tỉnh Lai Châu";
const CAO_BANG = "LĐLĐ tỉnh Cao Bằng";
const LANG_SON = "LĐLĐ tỉnh Lạng Sơn";
const LAO_CAI = "LĐLĐ tỉnh Lào Cai";
const DIEN_BIEN = "LĐLĐ tỉnh Điện Biên";
const HA_GIANG = "LĐLĐ tỉnh Hà Giang";
const SON_LA = "LĐLĐ tỉnh Sơn La";

function unit(name: string): Record<string, unknown> {
  const u = sample.units.find((x) => x.name === name);
  if (!u) throw new Error(`no unit ${name}`);
  return u.values;
}

/** Percent as the seed writes it: rounded half away from zero to the given decimals. */
function pct(part: number, whole: number, decimals: number): number {
  const f = Math.pow(10, decimals);
  return Math.round((part / whole) * 100 * f) / f;
}

describe("cluster-emulation template", () => {
  it("is registered, with the seed's header defaults and the 7 provinces as units", () => {
    expect(template).toBeDefined();
    expect(template.docType).toBe("BC");
    expect(template.periodKinds).toEqual(["half", "year"]);
    expect(template.header.symbol).toBe("CTĐ");
    expect(template.header.signerAuthority).toBe("TM. CỤM THI ĐUA");
    expect(template.header.signerTitle).toBe("TRƯỞNG CỤM");
    expect(template.units?.label).toBe("Tỉnh");
    expect(template.units?.defaults.map((u) => u.name)).toEqual(CLUSTER_PROVINCES);
    expect(sample.units.map((u) => u.name)).toEqual(CLUSTER_PROVINCES);
    expect(template.preamble?.required).toBe(true);
  });

  it("numbers its sections as the document does", () => {
    const numbered = template.allSections
      .filter((s) => s.number !== "")
      .map((s) => formatSectionNumber(s.number, s.level));
    expect(numbered).toEqual([
      "I.",
      "1.",
      "2.",
      "3.",
      "II.",
      "1.",
      "2.",
      "2.1.",
      "2.2.",
      "2.3.",
      "3.",
      "3.1.",
      "3.2.",
      "3.3.",
      "3.4.",
      "3.5.",
      "3.6.",
      "3.7.",
      "4.",
      "III.",
      "1.",
      "2.",
      "3.",
      "IV.",
      "V.",
    ]);
    // 2.2 lists the emulation movements as the document's unnumbered "-" items.
    const movements = template.sectionById.get("trien_khai_phong_trao")!.children;
    expect(movements.length).toBe(8);
    for (const m of movements) expect(m.number).toBe("");
    expect(template.sheetSections.map((s) => s.sheetName)).toEqual([
      "I. Tình hình chung",
      "II. Kết quả",
      "III. Đánh giá chung",
      "IV. Kiến nghị",
      "V. Nhiệm vụ",
    ]);
  });

  it("names the period in the title and section V", () => {
    expect(expandTitle(template, "2023-H1")).toBe(
      "Sơ kết thực hiện các chỉ tiêu, giao ước thi đua 6 tháng đầu năm 2023, nhiệm vụ trọng tâm 6 tháng cuối năm 2023"
    );
    const v = template.sectionById.get("nhiem_vu")!;
    expect(expandPlaceholders(template, v.heading, "2023-H1")).toBe(
      "Nhiệm vụ trọng tâm 6 tháng cuối năm 2023"
    );
    expect(expandPlaceholders(template, v.heading, "2023")).toBe("Nhiệm vụ trọng tâm năm 2024");
  });

  it("says sơ kết for half a year and tổng kết for a whole year", () => {
    expect(expandTitle(template, "2023")).toBe(
      "Tổng kết thực hiện các chỉ tiêu, giao ước thi đua năm 2023, nhiệm vụ trọng tâm năm 2024"
    );
    expect(expandPlaceholders(template, "{review} {Review}", "2023-H2")).toBe("sơ kết Sơ kết");
    expect(expandPlaceholders(template, "{review}", "2023", "en")).toBe("final review");
  });

  it("keeps every per-unit table on its own sheet with a short name", () => {
    expect(template.tables.length).toBe(15);
    for (const t of template.tables) {
      expect(t.kind).toBe("perUnit");
      expect(t.sheetName.length).toBeLessThanOrEqual(31);
    }
  });

  it("points every target column at a role-target column and every rate at its parts", () => {
    for (const ind of template.indicators) {
      if (ind.target) {
        const target = template.indicatorById.get(ind.target)!;
        expect({ id: ind.id, role: target.role, table: target.table }).toEqual({
          id: ind.id,
          role: "target",
          table: ind.table,
        });
      }
      if (ind.type === "percent" && !ind.computed && ind.ratioOf) {
        // Typed rates (what a province reports without counts) are never summed.
        expect(ind.aggregation).toBe("none");
      }
    }
  });
});

describe("cluster-emulation sample (seed 001 footnotes)", () => {
  const totals = allTotals(template, sample);
  const total = (id: string) => totals.get(id);

  it("gives Lai Châu's 01 triệu sáng kiến rate 2751/2300 = 119,6% (the seed writes 120%)", () => {
    const lc = unit(LAI_CHAU);
    expect(lc.sk_dang_ky).toBe(2751);
    expect(lc.sk_dang_ky_chi_tieu).toBe(2300);
    const plan = planWorkbook(template, sample);
    const name = plan.names.find((n) => n.name === "BC_ty_le_sk_dang_ky")!;
    const sheet = plan.sheets.find((s) => s.name === name.sheet)!;
    const cell = sheet.cells.find((c) => c.row === name.range.top && c.col === name.range.left)!;
    expect(cell.formula).toBeDefined();
    expect(cell.result as number).toBeCloseTo(2751 / 2300, 10);
    expect(pct(2751, 2300, 1)).toBe(119.6);
    expect(pct(2751, 2300, 0)).toBe(120);
  });

  it("computes the cluster totals the text states", () => {
    const stated: [string, number][] = [
      ["cdcs_thanh_lap", 32],
      ["tet_suat", 62972],
      ["tet_tien", 32_423_000_000],
      ["sk_cong_nhan", 14371],
      ["ktn_tld_co", 7],
      ["ktn_tld_bk_tap_the", 24],
      ["ktn_ldld_co", 26],
      ["ktk_tld_bang_ldst", 4],
      ["ktk_tld_bk_tap_the", 2],
      ["ktk_tld_bk_ca_nhan", 2],
      ["ktk_ubnd_bk_tap_the", 23],
      ["ktk_ubnd_bk_ca_nhan", 73],
      ["tuldtt_ky", 15],
      ["gop_y_du_thao", 186],
      ["cu_tri_y_kien", 183],
      ["cu_tri_so_nguoi", 1772],
      ["kt_qcdc_cuoc", 32],
      ["kt_qcdc_don_vi", 67],
      ["gs_qcdc_cuoc", 21],
      ["gs_qcdc_don_vi", 44],
      ["mai_am_nha", 173],
      ["phuc_loi_thoa_thuan", 45],
      ["phuc_loi_doan_vien", 6866],
      ["phuc_loi_tien", 807_000_000],
      ["tnld_dieu_tra", 2],
      ["atvsld_lop", 1],
      ["atvsld_hoc_vien", 78],
      ["tt_buoi", 6592],
      ["tt_luot", 248839],
      ["tt_tin_bai", 5809],
      ["dv_uu_tu", 5056],
      ["dang_vien_ket_nap", 2157],
      ["tap_huan_can_bo", 1690],
      ["cdcs_cap_nhat", 3647],
      ["dv_cap_nhat", 124439],
      ["kt_dieu_le", 1706],
      ["kt_dieu_le_cung_cap", 1654],
      ["kt_dieu_le_cap_duoi", 59],
      ["kt_tai_chinh", 2403],
      ["kt_tai_chinh_cung_cap", 2339],
      ["kt_tai_chinh_cap_duoi", 64],
    ];
    for (const [id, v] of stated) expect({ id, total: total(id) }).toEqual({ id, total: v });
    // Canonical form: the sample's values are the computed totals.
    expect(sample.values.dv_ket_nap).toBe(3735);
  });

  it("records where the seed's stated total differs from the sum of its footnotes", () => {
    // [indicator, total the text states, sum of the footnotes]
    const differs: [string, number, number][] = [
      ["dv_ket_nap", 3730, 260 + 290 + 889 + 1258 + 248 + 359 + 431],
      ["ct_so_luong", 1586, 96 + 9 + 340 + 672 + 371 + 148 + 4],
      ["ct_gia_tri", 29_714_000_000, 38_049_000_000],
      ["sk_dang_ky", 271745, 27175], // the text prints "27.1745"
      ["ktn_tld_bk_ca_nhan", 37, 13 + 13 + 22],
      ["ktn_ldld_bk_tap_the", 149, 32 + 21 + 93 + 56 + 3], // 149 = the sum without Hà Giang
      ["ktn_ldld_bk_ca_nhan", 554, 106 + 163 + 226 + 157 + 59], // 554 = without Hà Giang
      ["ktk_ldld_bk_tap_the", 84, 21 + 41 + 17],
      ["ktk_ldld_bk_ca_nhan", 232, 90 + 105 + 20],
      ["mai_am_tien", 7_689_000_000, 6_979_000_000],
      ["tap_huan_lop", 41, 5 + 7 + 5],
      ["ubkt_gs", 26, 34],
      ["bua_an_ca_dn", 12, 3 + 5 + 4 + 13], // Hà Giang's 13 is in footnote 7, not 12
    ];
    for (const [id, stated, sum] of differs) {
      expect({ id, total: total(id) }).toEqual({ id, total: sum });
      expect(sum).not.toBe(stated);
    }
    // The footnote ¹⁴ sum agrees with the text: 62.972 suất, 32.423.000.000 đồng.
    expect(5333 + 11588 + 1718 + 5120 + 8074 + 21952 + 9187).toBe(62972);
  });

  it("has every province a footnote names, in the columns of that footnote", () => {
    const ALL = CLUSTER_PROVINCES;
    const footnotes: [string, string[], string[]][] = [
      ["¹ công trình", ALL, ["ct_so_luong"]],
      ["² sáng kiến", ALL, ["sk_cong_nhan"]],
      ["³ 01 triệu sáng kiến", ALL, ["sk_dang_ky"]],
      [
        "⁴ mô hình",
        [LAI_CHAU, LAO_CAI, DIEN_BIEN, HA_GIANG, SON_LA],
        ["mh_so_mo_hinh", "mh_doan_vien", "mh_muc_vay_suat"],
      ],
      [
        "⁵ khen thưởng năm",
        [LAI_CHAU, LAO_CAI, HA_GIANG, SON_LA, CAO_BANG],
        ["ktn_tld_co", "ktn_ldld_co", "ktn_ldld_bk_tap_the"],
      ],
      [
        "⁶ khen thưởng trong kỳ",
        [LAI_CHAU, LAO_CAI, DIEN_BIEN, HA_GIANG, SON_LA, CAO_BANG],
        ["ktk_tld_bang_ldst", "ktk_ubnd_bk_tap_the", "ktk_ldld_bk_tap_the"],
      ],
      [
        "⁷ hội nghị, TULĐTT",
        ALL,
        ["hn_cbccvc_to_chuc", "ty_le_hn_cbccvc_bao_cao", "tuldtt_ky", "ty_le_dn_tuldtt"],
      ],
      ["⁸ dự thảo", ALL, ["gop_y_du_thao"]],
      ["⁹ cử tri", [LAI_CHAU, CAO_BANG, LANG_SON, LAO_CAI, HA_GIANG, SON_LA], ["cu_tri_y_kien"]],
      [
        "¹⁰ kiểm tra QCDC",
        [LAI_CHAU, CAO_BANG, LANG_SON, DIEN_BIEN, HA_GIANG, SON_LA],
        ["kt_qcdc_don_vi"],
      ],
      [
        "¹¹ giám sát",
        [LAI_CHAU, CAO_BANG, DIEN_BIEN, HA_GIANG, SON_LA],
        ["gs_qcdc_cuoc", "gs_qcdc_don_vi"],
      ],
      ["¹² bữa ăn ca", [LAI_CHAU, DIEN_BIEN, SON_LA], ["bua_an_ca_dn"]],
      ["¹³ Mái ấm", ALL, ["mai_am_nha"]],
      ["¹⁴ Tết", ALL, ["tet_suat", "tet_tien"]],
      ["¹⁵ Tháng Công nhân", ALL, ["tcn_suat"]],
      ["¹⁶ phúc lợi", [LAI_CHAU, CAO_BANG, LANG_SON, LAO_CAI, SON_LA], ["phuc_loi_thoa_thuan"]],
      ["¹⁷ tuyên truyền", ALL, ["tt_buoi", "tt_luot"]],
      ["¹⁸ tin bài", ALL, ["tt_tin_bai"]],
      ["¹⁹ CĐCS, đoàn viên", ALL, ["cdcs_thanh_lap", "dv_ket_nap"]],
      ["²⁰ đoàn viên ưu tú", ALL, ["dv_uu_tu"]],
      [
        "²¹ tập huấn",
        [LAI_CHAU, CAO_BANG, LAO_CAI, DIEN_BIEN, SON_LA],
        ["tap_huan_can_bo", "dao_tao_luot"],
      ],
      [
        "²² phần mềm",
        [LAI_CHAU, LANG_SON, LAO_CAI, HA_GIANG, SON_LA, CAO_BANG],
        ["dv_cap_nhat", "ty_le_dv_cap_nhat_bao_cao"],
      ],
      [
        "²³ kiểm tra UBKT",
        [LAI_CHAU, LAO_CAI, DIEN_BIEN, SON_LA],
        ["kt_dieu_le", "kt_tai_chinh", "kt_tc_cap_tren_da_kt"],
      ],
    ];
    for (const [note, provinces, columns] of footnotes) {
      for (const p of provinces) {
        const values = unit(p);
        const found = columns.some((c) => typeof values[c] === "number");
        expect({ note, province: p, found }).toEqual({ note, province: p, found: true });
      }
    }
  });

  it("reproduces each stated rate from the counts and (derived) targets at the seed's precision", () => {
    // [province, part, whole, rate as written in the seed (%), decimals written]
    const rates: [string, string, string, number, number][] = [
      [LAI_CHAU, "sk_dang_ky", "sk_dang_ky_chi_tieu", 120, 0],
      [LANG_SON, "sk_dang_ky", "sk_dang_ky_chi_tieu", 157, 0],
      [LAO_CAI, "sk_dang_ky", "sk_dang_ky_chi_tieu", 202, 0],
      [DIEN_BIEN, "sk_dang_ky", "sk_dang_ky_chi_tieu", 130, 0],
      [HA_GIANG, "sk_dang_ky", "sk_dang_ky_chi_tieu", 107, 0],
      [LAI_CHAU, "dv_ket_nap", "dv_ket_nap_chi_tieu", 194, 0],
      [LANG_SON, "dv_ket_nap", "dv_ket_nap_chi_tieu", 72, 0],
      [DIEN_BIEN, "dv_ket_nap", "dv_ket_nap_chi_tieu", 8.36, 2],
      [HA_GIANG, "dv_ket_nap", "dv_ket_nap_chi_tieu", 12, 0],
      [DIEN_BIEN, "cdcs_thanh_lap", "cdcs_thanh_lap_chi_tieu", 100, 0],
      [LAI_CHAU, "dv_uu_tu", "dv_uu_tu_chi_tieu", 90.6, 1],
      [CAO_BANG, "dv_uu_tu", "dv_uu_tu_chi_tieu", 44.8, 1],
      [LANG_SON, "dv_uu_tu", "dv_uu_tu_chi_tieu", 63, 0],
      [LAO_CAI, "dv_uu_tu", "dv_uu_tu_chi_tieu", 81.5, 1],
      [DIEN_BIEN, "dv_uu_tu", "dv_uu_tu_chi_tieu", 60.5, 1],
      [HA_GIANG, "dv_uu_tu", "dv_uu_tu_chi_tieu", 40.7, 1],
      [CAO_BANG, "tuldtt_ky", "tuldtt_ky_chi_tieu", 40, 0],
      [DIEN_BIEN, "hn_cbccvc_to_chuc", "hn_cbccvc_tong", 98, 0],
      [LAO_CAI, "hn_nld_ngoai_nn_to_chuc", "hn_nld_ngoai_nn_tong", 83, 0],
      [DIEN_BIEN, "hn_nld_ngoai_nn_to_chuc", "hn_nld_ngoai_nn_tong", 76.5, 1],
      [CAO_BANG, "dv_cap_nhat", "dv_tong_so", 96.1, 1],
      [SON_LA, "dv_cap_nhat", "dv_tong_so", 82, 0],
    ];
    for (const [p, part, whole, stated, decimals] of rates) {
      const v = unit(p);
      const got = pct(v[part] as number, v[whole] as number, decimals);
      expect({ p, part, got }).toEqual({ p, part, got: stated });
    }
    // Where the seed's rate disagrees with its own counts, the counts are kept.
    expect(pct(4019, 2700, 0)).toBe(149); // Cao Bằng sáng kiến: written 148%
    expect(pct(76, 94, 0)).toBe(81); // Sơn La DN hội nghị NLĐ: written 85%
    expect(pct(1002, 1002, 0)).toBe(100); // Sơn La hội nghị CBCC: written 98%
    // Lạng Sơn: 3 CĐCS "đạt 67%": no whole number of CĐCS gives 67%, so the rate is kept as reported.
    expect(unit(LANG_SON).cdcs_thanh_lap_chi_tieu).toBeUndefined();
    expect(unit(LANG_SON).ty_le_cdcs_thanh_lap_bao_cao).toBe(0.67);
  });

  it("keeps rates reported without counts in the typed rate columns", () => {
    expect(unit(LANG_SON).ty_le_hn_nld_bao_cao).toBe(0.913);
    expect(unit(HA_GIANG).ty_le_hn_nld_bao_cao).toBe(0.85);
    expect(unit(LANG_SON).ty_le_dv_cap_nhat_bao_cao).toBe(0.69);
    expect(unit(LANG_SON).ty_le_dn_tuldtt).toBe(0.933);
    expect(unit(LAI_CHAU).ty_le_dv_cap_nhat_bao_cao).toBe(0.906);
    // Typed rates have no total.
    expect(total("ty_le_hn_nld_bao_cao")).toBeNull();
  });

  it("flags Lào Cai's Điều lệ inspections, whose parts (386 + 37) exceed the stated 416", () => {
    const rule = template.rules.find((r) => r.id === "dieu_le_cong_thanh_phan")!;
    const failing = sample.units
      .filter((u) => {
        const lookup = (id: string) => {
          const v = u.values[id];
          return typeof v === "number" ? v : null;
        };
        return evaluate(rule.assertExpr, lookup) === false;
      })
      .map((u) => u.name);
    expect(failing).toEqual([LAO_CAI]);
  });

  it("warns when the Workers' Month figures copy the Tết ones, as the seed's text does", () => {
    const rule = template.rules.find((r) => r.id === "thang_cong_nhan_khac_tet")!;
    const copied: Record<string, number> = {
      tet_suat: 62972,
      tet_tien: 32_423_000_000,
      tcn_suat: 62972,
      tcn_tien: 32_423_000_000,
    };
    expect(evaluate(rule.whenExpr!, (id) => copied[id] ?? null)).toBe(true);
    expect(evaluate(rule.assertExpr, (id) => copied[id] ?? null)).toBe(false);
    expect(evaluate(rule.assertExpr, (id) => total(id) ?? null)).toBe(true);
  });

  it("round-trips through the workbook with the provinces' rows and computed totals", () => {
    const plan = planWorkbook(template, sample);
    const { data, findings } = readWorkbook(template, planToSnapshot(plan));
    expect(findings).toEqual([]);
    expect(data).toEqual(sample);
    const totalName = plan.names.find((n) => n.name === "BCT_dv_ket_nap")!;
    const sheet = plan.sheets.find((s) => s.name === totalName.sheet)!;
    expect(sheet.name).toBe("3.4 Phát triển đoàn viên");
    const cell = sheet.cells.find(
      (c) => c.row === totalName.range.top && c.col === totalName.range.left
    )!;
    expect(cell.result).toBe(3735);
  });
});
