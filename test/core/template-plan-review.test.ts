// Hand-checked facts of the annual-plan (seed 003), implementation-review (seed 000) and
// midterm-review (seed 004) templates and their samples.
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import type { Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { planWorkbook } from "../../src/core/layout/planner";
import { evaluate } from "../../src/core/expr";
import { targetStatus } from "../../src/core/rollup/status";
import { allTotals, reportedValue, rowRatio } from "../../src/core/rollup/totals";

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`template ${id} is not registered`);
  return t;
}

function withValues(t: Template, values: ReportData["values"]): ReportData {
  return { ...loadSample(t.id), values };
}

/** The rules of a template that evaluate to false on the data (blank = not applicable). */
function failedRules(t: Template, data: ReportData): string[] {
  const lookup = (id: string) => {
    const v = data.values[id];
    return typeof v === "number" ? v : null;
  };
  return t.rules
    .filter((r) => (r.whenExpr ? evaluate(r.whenExpr, lookup) === true : true))
    .filter((r) => evaluate(r.assertExpr, lookup) === false)
    .map((r) => r.id);
}

describe("annual-plan (Kế hoạch công tác dân vận năm 2022, seed 003)", () => {
  const t = template("annual-plan");
  const sample = loadSample(t.id);

  it("is a KH for a year with the seed's four roman sections", () => {
    expect(t.docType).toBe("KH");
    expect(t.periodKinds).toEqual(["year"]);
    expect(t.sections.map((s) => [s.number, s.level, s.heading])).toEqual([
      ["I", "roman", "Mục đích yêu cầu"],
      ["II", "roman", "Chỉ tiêu cụ thể"],
      ["III", "roman", "Nhiệm vụ và giải pháp"],
      ["IV", "roman", "Tổ chức thực hiện"],
    ]);
    expect(t.sectionById.get("nhiem_vu_giai_phap")!.children.map((c) => c.number)).toEqual([
      "1",
      "2",
      "3",
    ]);
    expect(t.sectionById.get("to_chuc_thuc_hien")!.children.map((c) => c.heading)).toEqual([
      "Liên đoàn Lao động tỉnh",
      // Seed 003 (2022) names "LĐLĐ các huyện, thành phố, CĐN, Công đoàn Viên chức tỉnh"; from
      // 1/7/2025 the grassroots unions report to the provincial federation directly
      // (docs/restructuring-2025.md).
      "Các công đoàn cơ sở trực thuộc",
    ]);
  });

  it("has the 8 chỉ tiêu items, each holding at least one target with the plan's wording", () => {
    const items = t.sectionById.get("chi_tieu_cu_the")!.children;
    expect(items.map((s) => s.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    for (const item of items) {
      const targets = t.targets.filter((g) => g.section === item.id);
      expect({ item: item.id, n: targets.length > 0 }).toEqual({ item: item.id, n: true });
      for (const g of targets) expect(g.text).toMatch(/\d+%|ít nhất 500/);
    }
  });

  it("words each target's comparator and level exactly as the plan does", () => {
    const byId = Object.fromEntries(t.targets.map((g) => [g.id, [g.comparator, g.value]]));
    expect(byId).toEqual({
      tg_cu_the_hoa: ["gte", 1], // 100%
      tg_dn_co_cdcs: ["gt", 0.85], // trên 85%
      tg_nld_gia_nhap: ["gt", 0.8], // trên 80%
      tg_dv_sinh_hoat: ["gt", 0.9], // đạt trên 90%
      tg_hn_cbccvc: ["gte", 1],
      tg_doi_thoai: ["gte", 1],
      tg_hn_nld: ["gte", 1],
      tg_tuldtt: ["gte", 1],
      tg_xl_tot: ["gt", 0.8], // Trên 80%
      tg_xl_xuat_sac: ["gte", 0.2], // trong đó có 20%
      tg_cb_chuyen_trach: ["gte", 1],
      tg_cb_cdcs: ["gt", 0.85],
      tg_sang_kien: ["gte", 1],
      tg_dv_uu_tu: ["gte", 500], // ít nhất 500
      tg_ung_ho: ["gte", 0.9], // 90% trở lên
    });
  });

  it("links every target to a figure; shares are rates computed from counts", () => {
    for (const g of t.targets) {
      const ind = t.indicatorById.get(g.indicator!)!;
      expect(ind.target).toBe(g.id);
      if (g.unit === "%") {
        expect(ind).toMatchObject({ type: "percent", computed: true });
        // The part is part of the whole, directly or through its own whole ("trong đó").
        const wholes: string[] = [];
        for (let p = t.indicatorById.get(ind.ratioOf!.part)!; p.partOf;) {
          wholes.push(p.partOf);
          p = t.indicatorById.get(p.partOf)!;
        }
        expect(wholes).toContain(ind.ratioOf!.whole);
      }
    }
    expect(t.indicatorById.get("ty_le_dn_co_cdcs")!.ratioOf).toEqual({
      part: "dn_10_ld_co_cdcs",
      whole: "dn_10_ld_tong",
    });
  });

  it('grades "trên 85%" as met at 86% but not at 85%', () => {
    const at = (part: number) =>
      reportedValue(
        t,
        withValues(t, { dn_10_ld_tong: 100, dn_10_ld_co_cdcs: part }),
        "ty_le_dn_co_cdcs"
      );
    expect(targetStatus(at(86), "gt", 0.85)).toBe("met");
    expect(targetStatus(at(85), "gt", 0.85)).toBe("notMet");
    expect(targetStatus(0.86, "gt", 0.85)).toBe("met");
    expect(targetStatus(0.85, "gt", 0.85)).toBe("notMet");
  });

  it('grades "ít nhất 500" and "100%"', () => {
    expect(targetStatus(500, "gte", 500)).toBe("met");
    expect(targetStatus(612, "gte", 500)).toBe("exceeded");
    expect(targetStatus(499, "gte", 500)).toBe("notMet");
    const full = reportedValue(
      t,
      withValues(t, { cd_cap_tren_tong: 9, cd_cap_tren_cu_the_hoa: 9 }),
      "ty_le_cu_the_hoa"
    );
    expect(targetStatus(full, "gte", 1)).toBe("met");
    expect(targetStatus(8 / 9, "gte", 1)).toBe("notMet");
  });

  it("has the seed's header, texts and targets, and no result figures (a plan has none)", () => {
    expect(sample.header).toMatchObject({
      number: "299/KH-LĐLĐ",
      place: "Lai Châu",
      date: "2022-01-10",
      period: "2022",
      title: "Công tác dân vận của tổ chức Công đoàn năm 2022",
      signerAuthority: "TM. BAN THƯỜNG VỤ",
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "Hoàng Văn Trinh",
    });
    expect(sample.values).toEqual({});
    expect(sample.texts.preamble).toMatch(/^Căn cứ Chương trình số 17-CTr\/TU, ngày 21\/12\/2021/);
    expect(sample.targets!.tg_dv_uu_tu).toEqual({ comparator: "gte", value: 500 });
    expect(Object.keys(sample.targets!)).toHaveLength(15);
  });

  it("warns when enterprises with a CĐCS outnumber CĐCS", () => {
    expect(failedRules(t, withValues(t, { dn_10_ld_co_cdcs: 120, cdcs_tong: 100 }))).toEqual([
      "dn_cdcs_khong_vuot_cdcs",
    ]);
  });
});

describe("implementation-review (kết quả 03 năm thực hiện Kết luận 54-KL/TU, seed 000)", () => {
  const t = template("implementation-review");
  const sample = loadSample(t.id);
  const v = (id: string) => reportedValue(t, sample, id);

  it("is a multi-year BC with the seed's sections and a lettered III.2", () => {
    expect(t.docType).toBe("BC");
    expect(t.periodKinds).toEqual(["multiYear"]);
    expect(t.sections.map((s) => s.number)).toEqual(["I", "II", "III", "IV"]);
    expect(t.sectionById.get("ket_qua")!.children.map((c) => c.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
    ]);
    expect(
      t.sectionById.get("han_che_nguyen_nhan")!.children.map((c) => [c.number, c.level])
    ).toEqual([
      ["a", "letter"],
      ["b", "letter"],
    ]);
    expect(t.sectionById.get("nhiem_vu")!.children).toHaveLength(5);
  });

  it("computes 572/651 hội nghị người lao động as 87,9% (the seed writes 87%)", () => {
    expect(v("ty_le_hn_nld")).toBeCloseTo(572 / 651, 12);
    expect(v("ty_le_hn_nld")).toBeCloseTo(0.8786, 4);
    expect(Math.round(v("ty_le_hn_nld")! * 1000) / 10).toBe(87.9);
    expect(v("ty_le_hn_cbccvc")).toBe(1);
    expect(v("ty_le_doi_thoai")).toBe(1);
    expect(v("ty_le_xay_dung_kh")).toBe(1);
  });

  it("holds the seed's figures", () => {
    expect(sample.values).toMatchObject({
      van_ban_chi_dao: 7,
      tt_buoi: 8750,
      pa_no: 90000,
      to_roi: 270000,
      tt_truc_tiep_luot: 60700,
      tin_bai: 4350,
      ho_tro_dich_tien: 30_000_000_000,
      ho_tro_covid_tien: 13_756_000_000,
      qua_tet_suat: 20000,
      qua_ve_xe_tien: 300_000_000_000,
      thue_nha_nguoi: 201797,
      thue_nha_tien: 109_033_000_000,
      ngung_viec: 6,
      cdcs_giam_sat: 1529,
      ty_le_chuan_van_hoa: 0.9,
      ty_le_khong_khoi_thuoc: 0.7,
      hien_mau: 3640,
      dv_ket_nap: 104700,
      cdcs_thanh_lap: 190,
      cdcs_tong_so: 1832,
      dv_tong_so: 291800,
      dv_uu_tu: 6015,
    });
    expect(sample.header).toMatchObject({
      number: "/BC-LĐLĐ",
      place: "Bắc Giang",
      date: "2024-03-01",
      period: "2021-2024",
      signerName: "Lê Đức Thọ",
    });
  });

  it("has three appendix tables: documents (list) and two by level (fixed)", () => {
    const appendix = t.tables.filter((x) => x.appendix);
    expect(appendix.map((x) => [x.id, x.kind, x.total])).toEqual([
      ["van_ban", "list", false],
      ["tiep_xuc_don_thu", "fixed", true],
      ["giam_sat_phan_bien", "fixed", true],
    ]);
    expect(t.appendix?.title).toBe("BIỂU TỔNG HỢP");
    for (const x of appendix.slice(1)) {
      expect(x.rows!.map((r) => r.id)).toEqual(["ldld_tinh", "cd_cap_tren", "cdcs"]);
    }
    expect(sample.tables.van_ban).toHaveLength(7);
    expect(sample.tables.van_ban[0]).toEqual({
      vb_so_ky_hieu: "196/KH-LĐLĐ",
      vb_ngay: "2021-08-04",
      vb_co_quan: "Ban Thường vụ Liên đoàn Lao động tỉnh",
      vb_ten: expect.stringMatching(/^Kế hoạch thực hiện Kết luận số 54-KL\/TU/),
    });
  });

  it("totals table 2: 912 đơn nhận, 858 đã giải quyết, with rates recomputed per row", () => {
    const totals = allTotals(t, sample);
    expect(totals.get("don_thu_nhan")).toBe(912);
    expect(totals.get("don_thu_giai_quyet")).toBe(858);
    expect(totals.get("tx_buoi_truc_tiep")).toBe(3 + 51 + 7290);
    expect(totals.get("ty_le_giai_quyet")).toBeCloseTo(858 / 912, 12);
    const rows = sample.tables.tiep_xuc_don_thu;
    const rate = (i: number) => rowRatio(rows[i], "don_thu_giai_quyet", "don_thu_nhan")!;
    expect(rate(0)).toBe(0.7); // 21 (70%)
    expect(rate(1)).toBeCloseTo(0.876, 3); // 78/89 = 87,6%, written "88%" in the seed
    expect(rate(2)).toBeCloseTo(0.957, 3); // 759/793, written "95%" in the seed
    expect(rows[1]).toEqual({
      row: "cd_cap_tren",
      tx_buoi_truc_tiep: 51,
      tx_y_kien: 945,
      tiep_cnvcld_luot: 573,
      don_thu_nhan: 89,
      don_thu_giai_quyet: 78,
    });
  });

  it("keeps table 3 mostly text, with its integer columns", () => {
    const table = t.tableById.get("giam_sat_phan_bien")!;
    expect(table.columns.filter((c) => c.type !== "text").map((c) => c.id)).toEqual([
      "gs_vu_viec_xu_ly",
      "gs_vu_viec_tra_loi",
      "pb_hoi_nghi",
    ]);
    expect(sample.tables.giam_sat_phan_bien[1].gs_doan_giam_sat).toContain("542 cơ quan, đơn vị");
  });

  it("passes its rules on the sample; the footnote's F0/F1 figures add up", () => {
    expect(failedRules(t, sample)).toEqual([]);
    expect(sample.values.ho_tro_f0_nguoi! as number).toBe(3728);
    expect(
      (sample.values.ho_tro_f0_nguoi as number) + (sample.values.ho_tro_f1_nguoi as number)
    ).toBe(sample.values.ho_tro_covid_nguoi);
    expect(
      failedRules(t, withValues(t, { ...sample.values, ho_tro_covid_tien: 10_000_000_000 }))
    ).toEqual(["covid_tien_du_muc"]);
  });
});

describe("midterm-review (sơ kết nửa nhiệm kỳ, seed 004)", () => {
  const t = template("midterm-review");
  const sample = loadSample(t.id);

  it("follows the outline: PHẦN THỨ NHẤT with I–V, PHẦN THỨ HAI on its own sheet", () => {
    expect(t.periodKinds).toEqual(["midTerm"]);
    expect(t.baselines).toEqual(["startOfTerm"]);
    expect(t.sections.map((s) => [s.number, s.level])).toEqual([
      ["PHẦN THỨ NHẤT", "part"],
      ["PHẦN THỨ HAI", "part"],
    ]);
    expect(t.sections[0].children.map((s) => s.number)).toEqual(["I", "II", "III", "IV", "V"]);
    expect(t.sectionById.get("ket_qua_nghi_quyet")!.children.map((s) => s.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(t.sheetSections.map((s) => s.id)).toEqual([
      "boi_canh",
      "ket_qua_nghi_quyet",
      "chuong_trinh",
      "chi_tieu",
      "han_che_bai_hoc",
      "phan_thu_hai",
    ]);
    const plan = planWorkbook(t, sample);
    expect(plan.sheets.map((s) => s.name)).toContain("Phần thứ hai");
  });

  it("gives every numeric figure a start-of-term input (BCSN_<id>)", () => {
    const names = new Set(planWorkbook(t).names.map((n) => n.name.toUpperCase()));
    const numeric = t.indicators.filter(
      (i) => !i.table && !i.computed && ["integer", "decimal", "money", "percent"].includes(i.type)
    );
    expect(numeric.length).toBeGreaterThan(40);
    for (const i of numeric) expect(names).toContain(`BCSN_${i.id}`.toUpperCase());
  });

  it("keeps the seed's prompts and asks for the figures they name", () => {
    expect(t.sectionById.get("ket_qua_nghi_quyet")!.prompt).toContain(
      "(Có số liệu cụ thể so với đầu nhiệm kỳ)"
    );
    expect(t.sectionById.get("cham_lo")!.prompt).toContain(
      "(Số đơn vị ký kết, số người được hưởng lợi, số tiền)"
    );
    for (const id of [
      "hn_cbccvc_to_chuc",
      "hn_nld_to_chuc",
      "doi_thoai_dn",
      "tuldtt_dn",
      "tu_van_luot",
      "kiem_tra_giam_sat_cuoc",
      "phuc_loi_don_vi",
      "phuc_loi_nguoi",
      "phuc_loi_tien",
      "mai_am_nha",
      "dv_ket_nap",
      "cdcs_thanh_lap",
      "dv_phan_mem",
      "dv_uu_tu",
      "kt_ca_nhan",
      "ty_le_kt_truc_tiep",
      "ubkt_kiem_tra_cuoc",
      "kpcd_thuc_hien",
    ]) {
      expect(t.indicatorById.has(id)).toBe(true);
    }
  });

  it("lists the congress's chỉ tiêu with no level, linked to figures", () => {
    expect(t.targets.length).toBeGreaterThanOrEqual(5);
    for (const g of t.targets) {
      expect(g.value).toBeNull();
      expect(t.indicatorById.get(g.indicator!)!.target).toBe(g.id);
    }
  });

  it("has a sample with seed 000 figures and a start-of-term column for each of them", () => {
    expect(sample.values).toEqual({
      hn_cbccvc_tong: 1179,
      hn_cbccvc_to_chuc: 1179,
      hn_nld_tong: 651,
      hn_nld_to_chuc: 572,
      doi_thoai_tong: 651,
      doi_thoai_dn: 651,
      cdcs_tong: 1832,
      dv_tong: 291800,
    });
    // No seed is a mid-term review with figures (004 is an outline): the start-of-term figures
    // are sample data (README says so), one for each figure, so the draft compares with them.
    const start = sample.baselines?.startOfTerm ?? {};
    expect(Object.keys(start).sort()).toEqual(Object.keys(sample.values).sort());
    expect(Object.values(start).every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(sample.header.period).toBe("2023-2028");
  });
});
