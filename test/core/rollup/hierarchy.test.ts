// The Đơn vị hierarchy and roll-ups up it. Expected totals are worked out by hand in comments.
import { buildHierarchy, rollupHierarchy } from "../../../src/core/rollup/hierarchy";
import { findTemplate } from "../../../src/templates";
import { loadTemplate } from "../../../src/core/model/load-checked";
import type { UnitEntry } from "../../../src/core/data/types";

const cluster = findTemplate("cluster-emulation")!;

const u = (name: string, parent: string | null, values: UnitEntry["values"] = {}): UnitEntry => ({
  name,
  parent,
  values,
});

const PROVINCE = "LĐLĐ tỉnh Bắc Giang";
const YEN_THE = "LĐLĐ huyện Yên Thế";
const LUC_NAM = "LĐLĐ huyện Lục Nam";
const CDVC = "CĐ Viên chức tỉnh";

/**
 * Province → 3 upper-level unions → grassroots unions. dv_cap_nhat/dv_tong_so are members
 * entered in the membership software out of all members (rate ty_le_dv_cap_nhat);
 * dv_ket_nap/dv_ket_nap_chi_tieu new members against the chỉ tiêu (rate ty_le_dv_ket_nap).
 */
const threeLevels: UnitEntry[] = [
  u(PROVINCE, null),
  u(YEN_THE, PROVINCE),
  u("CĐCS Trường THCS Bố Hạ", YEN_THE, {
    dv_cap_nhat: 1,
    dv_tong_so: 2,
    dv_ket_nap: 12,
    dv_ket_nap_chi_tieu: 10,
  }),
  u("CĐCS Công ty May Yên Thế", YEN_THE, {
    dv_cap_nhat: 99,
    dv_tong_so: 100,
    dv_ket_nap: 3,
    dv_ket_nap_chi_tieu: 10,
  }),
  // Lục Nam has members of its own (CĐCS it manages directly, typed on its row).
  u(LUC_NAM, PROVINCE, { dv_cap_nhat: 10, dv_tong_so: 10 }),
  u("CĐCS Công ty Lục Nam Xanh", LUC_NAM, { dv_cap_nhat: 45, dv_tong_so: 50, dv_ket_nap: 20 }),
  u(CDVC, PROVINCE),
  u("CĐCS Sở Y tế", CDVC, {
    dv_cap_nhat: 30,
    dv_tong_so: 40,
    dv_ket_nap: 8,
    dv_ket_nap_chi_tieu: 8,
  }),
  // Entered members but no total: counted in the sum, left out of the rate.
  u("CĐCS Sở Tư pháp", CDVC, { dv_cap_nhat: 5, dv_tong_so: null }),
];

describe("buildHierarchy", () => {
  it("three levels in list order, with depths", () => {
    const h = buildHierarchy(threeLevels);
    expect(h.problems).toEqual([]);
    expect(h.roots).toEqual([PROVINCE]);
    expect(h.children.get(PROVINCE)).toEqual([YEN_THE, LUC_NAM, CDVC]);
    expect(h.children.get(CDVC)).toEqual(["CĐCS Sở Y tế", "CĐCS Sở Tư pháp"]);
    expect(h.children.get("CĐCS Sở Y tế")).toEqual([]);
    expect(h.parentOf.get(YEN_THE)).toBe(PROVINCE);
    expect([PROVINCE, LUC_NAM, "CĐCS Sở Y tế"].map((n) => h.depthOf.get(n))).toEqual([0, 1, 2]);
  });

  it("matches parents typed with other case, spacing or Unicode form", () => {
    const h = buildHierarchy([
      u("LĐLĐ huyện Yên Thế", null),
      u("CĐCS A", "  lđlđ HUYỆN   yên thế "),
      u("CĐCS B", "LĐLĐ huyện Yên Thế".normalize("NFD")),
    ]);
    expect(h.problems).toEqual([]);
    expect(h.children.get("LĐLĐ huyện Yên Thế")).toEqual(["CĐCS A", "CĐCS B"]);
  });

  it("the report's own issuing body as parent makes a root, without a problem", () => {
    const h = buildHierarchy([u("LĐLĐ huyện Yên Thế", "LĐLĐ TỈNH BẮC GIANG")], PROVINCE);
    expect(h.roots).toEqual(["LĐLĐ huyện Yên Thế"]);
    expect(h.problems).toEqual([]);
  });

  it("reports a parent that is not listed, and keeps the unit as a root", () => {
    const h = buildHierarchy([u(YEN_THE, null), u("CĐCS A", "LĐLĐ huyện Yên The")], PROVINCE);
    expect(h.roots).toEqual([YEN_THE, "CĐCS A"]);
    expect(h.problems).toHaveLength(1);
    const [p] = h.problems;
    expect(p).toMatchObject({ kind: "unknown-parent", unit: "CĐCS A", index: 1 });
    expect(p.message).toContain("“CĐCS A” (STT 2)");
    expect(p.message).toContain("“LĐLĐ huyện Yên The”");
    expect(p.message).toContain("trang “Đơn vị”");
    expect(p.message).toContain("“Đơn vị cấp trên”");
    expect(p.message).toContain(`trực thuộc trực tiếp “${PROVINCE}”`);
  });

  it("reports cycles and breaks them at the first-listed member, without throwing", () => {
    const h = buildHierarchy([
      u("A", "C"),
      u("B", "A"),
      u("C", "B"),
      u("D", "B"), // hangs off the cycle, not in it
      u("E", "E"),
    ]);
    const cycles = h.problems.filter((p) => p.kind === "cycle");
    expect(cycles.map((p) => p.unit).sort()).toEqual(["A", "B", "C", "E"]);
    expect(cycles.find((p) => p.unit === "B")!.message).toContain(
      "(“A” thuộc “C”, “C” thuộc “B”, “B” thuộc “A”)"
    );
    expect(cycles.find((p) => p.unit === "E")!.message).toContain(
      "ghi chính nó là đơn vị cấp trên"
    );
    expect(h.roots).toEqual(["A", "E"]);
    expect(h.children.get("A")).toEqual(["B"]);
    expect(h.children.get("B")).toEqual(["C", "D"]);
    expect(h.depthOf.get("C")).toBe(2);
  });

  it("reports a name given twice once, and ignores blank rows", () => {
    const h = buildHierarchy([u("A", null), u("", "A"), u("B", "A"), u("a ", null), u("A", null)]);
    expect(h.problems).toHaveLength(1);
    expect(h.problems[0]).toMatchObject({ kind: "duplicate", unit: "A", index: 3 });
    expect(h.problems[0].message).toContain("STT 1 và 4");
    expect([...h.parentOf.keys()]).toEqual(["A", "B"]);
  });
});

describe("rollupHierarchy", () => {
  const rolled = rollupHierarchy(cluster, threeLevels);
  const at = (unit: string) => {
    const found = rolled.find((r) => r.unit === unit);
    if (!found) throw new Error(`no roll-up for ${unit}`);
    return found;
  };

  it("one entry per unit with children, depth-first, then the grand total", () => {
    expect(rolled.map((r) => [r.unit, r.parent, r.depth, r.descendants])).toEqual([
      [PROVINCE, null, 0, 8],
      [YEN_THE, PROVINCE, 1, 2],
      [LUC_NAM, PROVINCE, 1, 1],
      [CDVC, PROVINCE, 1, 2],
      ["Tổng cộng", null, -1, 9],
    ]);
  });

  it("rates are recomputed from summed parts and wholes at every level, never summed", () => {
    // Yên Thế: 1/2 and 99/100 → 100/102 = 98,04% (not 50%+99% = 149%, nor their mean 74,5%).
    expect(at(YEN_THE).values.get("dv_cap_nhat")).toBe(100);
    expect(at(YEN_THE).values.get("dv_tong_so")).toBe(102);
    expect(at(YEN_THE).values.get("ty_le_dv_cap_nhat")).toBe(100 / 102);
    // Lục Nam: its own 10/10 plus 45/50 → 55/60.
    expect(at(LUC_NAM).values.get("ty_le_dv_cap_nhat")).toBe(55 / 60);
    // CĐ Viên chức: 30/40, and Tư pháp's 5 without a whole counts in the sum (35) not the rate.
    expect(at(CDVC).values.get("dv_cap_nhat")).toBe(35);
    expect(at(CDVC).values.get("dv_tong_so")).toBe(40);
    expect(at(CDVC).values.get("ty_le_dv_cap_nhat")).toBe(0.75);
    // Province: 100+10+45+30+5 = 190 entered, 102+60+40 = 202 members; rate (100+55+30)/202.
    expect(at(PROVINCE).values.get("dv_cap_nhat")).toBe(190);
    expect(at(PROVINCE).values.get("dv_tong_so")).toBe(202);
    expect(at(PROVINCE).values.get("ty_le_dv_cap_nhat")).toBe(185 / 202);
  });

  it("targets sum up the levels and completion is recomputed from them", () => {
    // Yên Thế 12+3 = 15 of 10+10 = 20 → 75%; Lục Nam 20 with no chỉ tiêu → no rate;
    // CĐVC 8/8; province 15+20+8 = 43 new members, chỉ tiêu 28, rate over paired rows 23/28.
    expect(at(YEN_THE).values.get("ty_le_dv_ket_nap")).toBe(0.75);
    expect(at(LUC_NAM).values.get("dv_ket_nap")).toBe(20);
    expect(at(LUC_NAM).values.get("dv_ket_nap_chi_tieu")).toBeNull();
    expect(at(LUC_NAM).values.get("ty_le_dv_ket_nap")).toBeNull();
    expect(at(CDVC).values.get("ty_le_dv_ket_nap")).toBe(1);
    expect(at(PROVINCE).values.get("dv_ket_nap")).toBe(43);
    expect(at(PROVINCE).values.get("dv_ket_nap_chi_tieu")).toBe(28);
    expect(at(PROVINCE).values.get("ty_le_dv_ket_nap")).toBe(23 / 28);
  });

  it("the grand total is over every row, named after the issuing body when given", () => {
    const total = rollupHierarchy(cluster, threeLevels, { rootName: "Tổng LĐLĐ Việt Nam" }).at(-1)!;
    expect(total.unit).toBe("Tổng LĐLĐ Việt Nam");
    expect(total.values).toEqual(at(PROVINCE).values); // one root: the same rows
  });

  it("rolls up despite problems: a duplicated unit's rows are both counted", () => {
    const units = [
      u("Huyện A", null),
      u("CĐCS 1", "Huyện A", { dv_ket_nap: 5 }),
      u("CĐCS 1", "Huyện B", { dv_ket_nap: 7 }), // duplicate, and an unknown parent ignored
      u("CĐCS 2", "Huyện Không Có", { dv_ket_nap: 1 }),
    ];
    const out = rollupHierarchy(cluster, units);
    expect(out.map((r) => [r.unit, r.values.get("dv_ket_nap")])).toEqual([
      ["Huyện A", 12],
      ["Tổng cộng", 13],
    ]);
  });

  it("each aggregation across units; “last” is a sum across units (a stock adds up)", () => {
    const t = loadTemplate({
      id: "rollup-aggregations",
      version: "1.0.0",
      title: "Kiểm thử cách tổng hợp",
      docType: "BC",
      periodKinds: ["year"],
      titlePattern: "Báo cáo {period}",
      units: { label: "Đơn vị" },
      sections: [
        {
          id: "ket_qua",
          number: "I",
          level: "roman",
          heading: "Kết quả",
          sheetName: "I. Kết quả",
          tables: [
            {
              id: "bang",
              title: "Bảng",
              sheetName: "Bảng",
              kind: "perUnit",
              columns: [
                {
                  id: "thu_nhap",
                  label: "Thu nhập bình quân",
                  type: "money",
                  aggregation: "average",
                },
                { id: "cao_nhat", label: "Mức cao nhất", type: "decimal", aggregation: "max" },
                {
                  id: "doan_vien_cuoi_ky",
                  label: "Đoàn viên cuối kỳ",
                  type: "integer",
                  aggregation: "last",
                },
                { id: "muc_vay", label: "Mức vay mỗi suất", type: "money", aggregation: "none" },
              ],
            },
          ],
        },
      ],
    });
    const out = rollupHierarchy(t, [
      u("Tỉnh", null, {
        thu_nhap: 9_000_000,
        cao_nhat: 2,
        doan_vien_cuoi_ky: 100,
        muc_vay: 30_000_000,
      }),
      u("Huyện 1", "Tỉnh", { thu_nhap: 6_000_000, cao_nhat: 7.5, doan_vien_cuoi_ky: 250 }),
      u("Huyện 2", "Tỉnh", { thu_nhap: null, cao_nhat: 4, doan_vien_cuoi_ky: 40 }),
    ]);
    const values = Object.fromEntries(out[0].values);
    expect(values).toEqual({
      thu_nhap: 7_500_000, // (9+6)/2 triệu: a blank is not a zero
      cao_nhat: 7.5,
      doan_vien_cuoi_ky: 390, // 100+250+40, whatever the order of the rows
      muc_vay: null,
    });
  });
});
