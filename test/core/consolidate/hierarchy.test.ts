// Multi-level consolidation: grassroots unions → district (consolidated workbook) → province.
// The province's totals must count every grassroots figure exactly once, whether it consolidates
// the grassroots files directly or its districts' consolidations of them.
import fc from "fast-check";
import { findTemplate } from "../../../src/templates";
import {
  consolidate,
  consolidatedTemplate,
  screenSource,
  type ConsolidationResult,
  type ScreenedSource,
} from "../../../src/core/consolidate";
import { readWorkbook } from "../../../src/core/data/read";
import { validateWorkbook } from "../../../src/core/validate";
import type { ReportData } from "../../../src/core/data/types";
import { reportedValue } from "../../../src/core/rollup/totals";
import { screened, snapshotOf, unitData } from "./fixtures";

const qa = findTemplate("quarterly-activity")!;
const ct = consolidatedTemplate(qa);
const AT = "2024-04-05T09:00:00.000Z";
const PROVINCE = "LĐLĐ tỉnh Bắc Giang";
const DISTRICTS = ["LĐLĐ huyện Yên Thế", "LĐLĐ huyện Lục Nam", "LĐLĐ huyện Tân Yên"];
/** Results list units by name (Vietnamese order): Lục Nam, Tân Yên, Yên Thế. */
const SORTED = [1, 2, 0];

const grassroots = Array.from({ length: 12 }, (_, i) => {
  const unit = `CĐCS Công ty số ${String(i + 1).padStart(2, "0")}`;
  const data = unitData(qa, unit, 100 + i, "2024-Q1");
  return { unit, data, s: screened(qa, data, `cdcs-${String(i + 1).padStart(2, "0")}.xlsx`) };
});

/** A district's consolidation of some grassroots files, as the workbook it sends up. */
function district(
  name: string,
  members: typeof grassroots,
  file: string,
  edit: (d: ReportData) => void = () => {}
): { result: ConsolidationResult; s: ScreenedSource } {
  const result = consolidate(
    members.map((g) => g.s),
    { find: findTemplate, consolidatedAt: AT, issuer: name }
  );
  expect(result.exitCode).toBe(0);
  const data = structuredClone(result.data!);
  edit(data);
  const s = screenSource(
    { file, checksum: `${file}-sum`, readAt: AT },
    { snapshot: snapshotOf(ct, data) },
    findTemplate
  );
  return { result, s };
}

const districts = DISTRICTS.map((name, i) =>
  district(name, grassroots.slice(i * 4, i * 4 + 4), `huyen-${i + 1}.xlsx`)
);
const direct = consolidate(
  grassroots.map((g) => g.s),
  { find: findTemplate, consolidatedAt: AT, issuer: PROVINCE }
);
const twoLevel = consolidate(
  districts.map((d) => d.s),
  { find: findTemplate, consolidatedAt: AT, issuer: PROVINCE }
);

describe("a province consolidating its districts' consolidations", () => {
  it("screens a consolidated workbook as a usable source", () => {
    const s = districts[0].s;
    expect(s.problem).toBeNull();
    expect(s.consolidated).toBe(true);
    expect(s.errors).toBe(0);
    expect(s.unit).toBe(DISTRICTS[0]);
  });

  it("gives the same totals as consolidating the 12 grassroots files directly", () => {
    expect(twoLevel.exitCode).toBe(0);
    const a = direct.data!;
    const b = twoLevel.data!;
    const numericIds = Object.keys(a.values).filter((k) => typeof a.values[k] === "number");
    expect(numericIds.length).toBeGreaterThan(20);
    for (const id of numericIds) expect({ id, v: b.values[id] }).toEqual({ id, v: a.values[id] });
    expect(Object.keys(b.values).sort()).toEqual(Object.keys(a.values).sort());
    expect(b.tables).toEqual(a.tables);
    expect(b.baselines).toEqual(a.baselines);
    // Rates are recomputed from the summed parts and wholes, never summed.
    const rates = ct.indicators.filter((i) => i.computed && i.ratioOf);
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) {
      const want = reportedValue(ct, a, r.id);
      const got = reportedValue(ct, b, r.id);
      if (want === null) expect(got).toBeNull();
      else expect(got).toBeCloseTo(want, 12);
    }
  });

  it("lists every grassroots union under its district, and the districts without own figures", () => {
    const units = twoLevel.data!.units;
    expect(units).toHaveLength(15);
    for (const [i, name] of DISTRICTS.entries()) {
      const row = units.find((u) => u.name === name)!;
      expect(row.parent).toBeNull();
      expect(Object.keys(row.values)).toEqual([]);
      const kids = units.filter((u) => u.parent === name).map((u) => u.name);
      expect(kids).toEqual(grassroots.slice(i * 4, i * 4 + 4).map((g) => g.unit));
    }
  });

  it("records which sources were consolidations and how many units each brought", () => {
    expect(twoLevel.consolidations).toEqual(
      SORTED.map((i) => ({ file: `huyen-${i + 1}.xlsx`, unit: DISTRICTS[i], units: 4 }))
    );
    const rec = twoLevel.sources.find((s) => s.file === "huyen-1.xlsx")!;
    expect(rec.status).toBe("used");
    expect(rec.reasons[0]).toBe(
      `Sổ tổng hợp của “${DISTRICTS[0]}”: mang vào 4 đơn vị; số liệu của “${DISTRICTS[0]}” là tổng của các đơn vị này (không lấy thêm số tổng của sổ).`
    );
  });

  it("writes a workbook that validates clean and reads back to the same data", () => {
    const snap = snapshotOf(ct, twoLevel.data!);
    expect(snap.sheets.map((s) => s.name)).toContain("Cộng theo cấp");
    expect(validateWorkbook(ct, snap).findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(readWorkbook(ct, snap).data).toEqual(twoLevel.data);
  });

  it("summarises the levels and gives each district's subtotal as its own consolidation", () => {
    const h = twoLevel.hierarchy!;
    expect(h.levels).toBe(2);
    expect(h.unitsPerLevel).toEqual([3, 12]);
    expect(h.subtotals.map((s) => [s.unit, s.level, s.units])).toEqual([
      ...SORTED.map((i) => [DISTRICTS[i], 1, 4]),
      [PROVINCE, null, 15],
    ]);
    for (const [row, i] of SORTED.entries()) {
      const own = districts[i].result.data!;
      const sub = h.subtotals[row].values;
      for (const id of ["tt_so_buoi", "qua_tet_ldld_tien", "don_thu_nhan"])
        expect(sub[id]).toBe(own.values[id]);
      expect(sub.ty_le_don_thu).toBeCloseTo(reportedValue(ct, own, "ty_le_don_thu")!, 12);
    }
    expect(twoLevel.findings).toEqual([]);
    // A flat consolidation has no levels to show.
    expect(direct.hierarchy).toBeNull();
  });

  it("checks completeness against the districts (the units that send files)", () => {
    const r = consolidate(
      districts.map((d) => d.s),
      {
        find: findTemplate,
        consolidatedAt: AT,
        issuer: PROVINCE,
        expectedUnits: [...DISTRICTS, "LĐLĐ huyện Sơn Động"],
      }
    );
    expect(r.missing).toEqual(["LĐLĐ huyện Sơn Động"]);
    expect(r.received).toEqual(DISTRICTS);
  });

  it("goes up a third level: a cluster over two provinces' consolidations", () => {
    const mk = (name: string, file: string, parts: typeof districts) => {
      const r = consolidate(
        parts.map((d) => d.s),
        { find: findTemplate, consolidatedAt: AT, issuer: name }
      );
      return screenSource(
        { file, checksum: file, readAt: AT },
        { snapshot: snapshotOf(ct, r.data!) },
        findTemplate
      );
    };
    const p1 = mk(PROVINCE, "bac-giang.xlsx", districts.slice(0, 2));
    const p2 = mk("LĐLĐ tỉnh Lạng Sơn", "lang-son.xlsx", districts.slice(2));
    const cluster = consolidate([p1, p2], {
      find: findTemplate,
      consolidatedAt: AT,
      issuer: "Cụm thi đua",
    });
    expect(cluster.hierarchy!.unitsPerLevel).toEqual([2, 3, 12]);
    expect(cluster.data!.values.tt_so_buoi).toBe(direct.data!.values.tt_so_buoi);
    // Bắc Giang brings Yên Thế and Lục Nam with their 8 unions; Lạng Sơn, Tân Yên and its 4.
    expect(cluster.consolidations!.map((c) => [c.unit, c.units])).toEqual([
      [PROVINCE, 10],
      ["LĐLĐ tỉnh Lạng Sơn", 5],
    ]);
  });
});

describe("a unit in two sources", () => {
  it("is counted once, from the file sorted first, and both files are named", () => {
    const a = district(DISTRICTS[0], grassroots.slice(0, 4), "huyen-a.xlsx");
    const b = district(DISTRICTS[1], grassroots.slice(3, 7), "huyen-b.xlsx");
    const r = consolidate([a.s, b.s], { find: findTemplate, consolidatedAt: AT, issuer: PROVINCE });
    const dup = grassroots[3].unit;
    expect(r.data!.units.filter((u) => u.name === dup)).toHaveLength(1);
    // DISTRICTS[1] (Lục Nam) sorts before DISTRICTS[0] (Yên Thế), so its file keeps the unit.
    expect(r.data!.units.find((u) => u.name === dup)!.parent).toBe(DISTRICTS[1]);
    const message = r.messages.find((m) => m.includes(dup))!;
    expect(message).toContain("huyen-a.xlsx");
    expect(message).toContain("huyen-b.xlsx");
    expect(r.sources.find((s) => s.file === "huyen-a.xlsx")!.reasons).toContain(message);
    const seven = consolidate(
      grassroots.slice(0, 7).map((g) => g.s),
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(r.data!.values.tt_so_buoi).toBe(seven.data!.values.tt_so_buoi);
  });

  it("is counted from its own file when it also sent one", () => {
    const own = grassroots[0];
    const r = consolidate([districts[0].s, own.s], {
      find: findTemplate,
      consolidatedAt: AT,
      issuer: PROVINCE,
    });
    expect(r.data!.units.filter((u) => u.name === own.unit)).toHaveLength(1);
    expect(r.data!.units.find((u) => u.name === own.unit)!.parent).toBeNull();
    expect(r.data!.values.tt_so_buoi).toBe(districts[0].result.data!.values.tt_so_buoi);
  });
});

describe("hierarchy problems", () => {
  it("reports districts naming each other as parents as a cycle on the units sheet, never a crash", () => {
    const a = district(DISTRICTS[0], grassroots.slice(0, 4), "a.xlsx", (d) => {
      d.header.parentBody = DISTRICTS[1];
    });
    const b = district(DISTRICTS[1], grassroots.slice(4, 8), "b.xlsx", (d) => {
      d.header.parentBody = DISTRICTS[0];
    });
    const r = consolidate([a.s, b.s], { find: findTemplate, consolidatedAt: AT, issuer: PROVINCE });
    expect(r.exitCode).toBe(0);
    const cycles = r.findings!.filter((f) => f.rule === "hierarchy-cycle");
    expect(cycles.length).toBe(2);
    for (const f of cycles) {
      expect(f.sheet).toBe("Đơn vị");
      expect(f.cell).toMatch(/^C\d+$/);
      expect(f.message).toContain("vòng cấp trên khép kín");
    }
    const row = Number(cycles[0].cell!.slice(1)) - 5;
    expect(r.data!.units[row].name).toBe(cycles[0].value);
    // Every figure is still counted once.
    const eight = consolidate(
      grassroots.slice(0, 8).map((g) => g.s),
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(r.data!.values.tt_so_buoi).toBe(eight.data!.values.tt_so_buoi);
  });
});

describe("input order", () => {
  const dupOfFirst = { ...districts[0].s, file: "zz-ban-sao.xlsx" };
  const inputs = [...districts.map((d) => d.s), grassroots[5].s, dupOfFirst];
  const strip = (r: ConsolidationResult) => ({
    data: r.data && {
      ...r.data,
      consolidation: r.data.consolidation && {
        ...r.data.consolidation,
        consolidatedAt: "",
        sources: r.data.consolidation.sources.map((s) => ({ ...s, readAt: "" })),
      },
    },
    messages: r.messages,
    hierarchy: r.hierarchy,
    findings: r.findings,
  });
  const reference = strip(
    consolidate(inputs, { find: findTemplate, consolidatedAt: AT, issuer: PROVINCE })
  );

  it("never changes a multi-level result", () => {
    expect(reference.hierarchy!.levels).toBe(2);
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length }), (shuffled) => {
        const r = consolidate(shuffled, {
          find: findTemplate,
          consolidatedAt: AT,
          issuer: PROVINCE,
        });
        expect(strip(r)).toEqual(reference);
      }),
      { numRuns: 40 }
    );
  });
});

describe("a unit file whose units sheet gives parents", () => {
  const ce = findTemplate("cluster-emulation")!;
  const SON_LA = "LĐLĐ tỉnh Sơn La";
  const data = unitData(ce, SON_LA, 9, "2023-H1");
  data.units.push(
    { name: "LĐLĐ huyện Mộc Châu", parent: null, values: { ct_so_luong: 5 } },
    {
      name: "CĐCS Trường THPT Mộc Châu",
      parent: "LĐLĐ huyện Mộc Châu",
      values: { ct_so_luong: 2 },
    },
    { name: "LĐLĐ huyện Yên Châu", parent: SON_LA, values: {} },
    { name: "CĐCS Bệnh viện Yên Châu", parent: "LĐLĐ huyện Yên Châu", values: { ct_so_luong: 3 } },
    { name: "CĐCS Chợ Phiêng Khoài", parent: "LĐLĐ huyện Không Có", values: { ct_so_luong: 1 } },
    { name: "LĐLĐ huyện Sốp Cộp", parent: SON_LA, values: {} }
  );
  const other = unitData(ce, "LĐLĐ tỉnh Lai Châu", 3, "2023-H1");
  const r = consolidate([screened(ce, data, "son-la.xlsx"), screened(ce, other, "lai-chau.xlsx")], {
    find: findTemplate,
    consolidatedAt: AT,
  });
  const parentOf = (n: string) => r.data!.units.find((u) => u.name === n)?.parent;

  it("keeps the parents inside the file, and a level without own figures above units with figures", () => {
    expect(parentOf("LĐLĐ huyện Mộc Châu")).toBe(SON_LA);
    expect(parentOf("CĐCS Trường THPT Mộc Châu")).toBe("LĐLĐ huyện Mộc Châu");
    expect(parentOf("LĐLĐ huyện Yên Châu")).toBe(SON_LA);
    expect(parentOf("CĐCS Bệnh viện Yên Châu")).toBe("LĐLĐ huyện Yên Châu");
    // A unit with no figures and none below it is a blank row of the template: not brought.
    expect(parentOf("LĐLĐ huyện Sốp Cộp")).toBeUndefined();
    expect(r.hierarchy!.unitsPerLevel).toEqual([2, 3, 2]);
  });

  it("puts a unit whose parent is not in the file under the file's unit, and says so", () => {
    expect(parentOf("CĐCS Chợ Phiêng Khoài")).toBe(SON_LA);
    const reasons = r.sources.find((s) => s.file === "son-la.xlsx")!.reasons;
    expect(reasons).toEqual([
      "Dòng “CĐCS Chợ Phiêng Khoài” ghi đơn vị cấp trên “LĐLĐ huyện Không Có”, không có trong tệp; tính “CĐCS Chợ Phiêng Khoài” trực thuộc “LĐLĐ tỉnh Sơn La”.",
    ]);
    const sonLa = r.hierarchy!.subtotals.find((s) => s.unit === SON_LA)!;
    const own = Number(data.units[0].values.ct_so_luong);
    expect(sonLa.values.ct_so_luong).toBe(own + 5 + 2 + 3 + 1);
  });
});
