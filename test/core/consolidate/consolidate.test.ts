import fc from "fast-check";
import { findTemplate } from "../../../src/templates";
import {
  consolidate,
  consolidatedTemplate,
  consolidationMap,
  screenSource,
  type ScreenedSource,
} from "../../../src/core/consolidate";
import { CLUSTER_PROVINCES } from "../../../src/templates";
import { readMeta, readWorkbook } from "../../../src/core/data/read";
import { validateWorkbook } from "../../../src/core/validate";
import { reportDataSchema, type ReportData } from "../../../src/core/data/types";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import { reportedValue } from "../../../src/core/rollup/totals";
import { screened, snapshotOf, unitData } from "./fixtures";

const qa = findTemplate("quarterly-activity")!;
const ce = findTemplate("cluster-emulation")!;
const AT = "2024-04-05T09:00:00.000Z";
const num = (v: unknown) => (typeof v === "number" ? v : 0);

function quarterlyUnits(n: number, period = "2024-Q1"): { data: ReportData; s: ScreenedSource }[] {
  return CLUSTER_PROVINCES.slice(0, n).map((unit, i) => {
    const data = unitData(qa, unit, i + 11, period);
    return { data, s: screened(qa, data, `${String(i + 1).padStart(2, "0")}-${unit}.xlsx`) };
  });
}

/** Sets a value of the hidden metadata sheet, as a unit's older BáoCáo would have written it. */
function withMeta(snapshot: WorkbookSnapshot, key: string, value: string): WorkbookSnapshot {
  const meta = snapshot.sheets.find((x) => x.name === "_BaoCao")!;
  const row = meta.values.find((r) => r[0] === key)!;
  row[1] = value;
  return snapshot;
}

describe("consolidating quarterly-activity unit workbooks", () => {
  const units = quarterlyUnits(7);
  const result = consolidate(
    units.map((u) => u.s),
    { find: findTemplate, consolidatedAt: AT }
  );

  it("uses every clean file and sums each figure over the units", () => {
    expect(result.exitCode).toBe(0);
    expect(result.used).toHaveLength(7);
    expect(result.leftOut).toHaveLength(0);
    const d = result.data!;
    expect(reportDataSchema.safeParse(d).success).toBe(true);
    for (const id of ["tt_so_buoi", "qua_tet_ldld_tien", "dv_ket_nap", "don_thu_nhan"]) {
      expect(d.values[id]).toBe(units.reduce((a, u) => a + num(u.data.values[id]), 0));
    }
    expect(d.header.period).toBe("2024-Q1");
    expect(d.units.map((u) => u.name)).toHaveLength(7);
  });

  it("keeps each unit's own figures under the same indicator ids", () => {
    const laiChau = result.data!.units.find((u) => u.name === "LĐLĐ tỉnh Lai Châu")!;
    const src = units.find((u) => u.data.header.issuingBody === "LĐLĐ tỉnh Lai Châu")!.data;
    expect(laiChau.values.tt_so_buoi).toBe(src.values.tt_so_buoi);
    expect(laiChau.values.don_thu_giai_quyet).toBe(src.values.don_thu_giai_quyet);
  });

  it("recomputes rates from the totals and adds fixed tables cell by cell", () => {
    const ct = consolidatedTemplate(qa);
    const snap = snapshotOf(ct, result.data!);
    const read = readWorkbook(ct, snap).data;
    const sum = (id: string) => units.reduce((a, u) => a + num(u.data.values[id]), 0);
    expect(read.values.don_thu_giai_quyet).toBe(sum("don_thu_giai_quyet"));
    expect(reportedValue(ct, read, "ty_le_don_thu")).toBeCloseTo(
      sum("don_thu_giai_quyet") / sum("don_thu_nhan"),
      12
    );
    const kt = result.data!.tables.khen_thuong.find((r) => r.row === "tld")!;
    const cells = units.reduce(
      (a, u) => a + num(u.data.tables.khen_thuong.find((r) => r.row === "tld")!.kt_co_thi_dua),
      0
    );
    expect(kt.kt_co_thi_dua).toBe(cells);
    const col = consolidationMap(qa).fixedColumnOf.get("khen_thuong.tld.kt_co_thi_dua")!;
    expect(result.data!.units[0].values[col]).toEqual(expect.any(Number));
  });

  it("aggregates comparison values when every unit gives them", () => {
    const ly = result.data!.baselines?.lastYear ?? {};
    const ids = Object.keys(units[0].data.baselines?.lastYear ?? {});
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids)
      expect(ly[id]).toBe(units.reduce((a, u) => a + num(u.data.baselines!.lastYear![id]), 0));
  });

  it("writes a workbook marked consolidated that validates clean and reads back to the same data", () => {
    const ct = consolidatedTemplate(qa);
    const snap = snapshotOf(ct, result.data!);
    expect(readMeta(snap)!.consolidated).toBe(true);
    expect(readMeta(snap)!.templateId).toBe("quarterly-activity");
    const report = validateWorkbook(ct, snap);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(readWorkbook(ct, snap).data).toEqual(result.data);
    expect(result.data!.consolidation!.sources).toHaveLength(7);
  });
});

describe("cluster-emulation: provinces and completeness", () => {
  const files = CLUSTER_PROVINCES.slice(0, 5).map((p, i) =>
    screened(ce, unitData(ce, p, i + 1, "2023-H1"), `${p}.xlsx`)
  );

  it("names the provinces that have not reported", () => {
    const r = consolidate(files, { find: findTemplate, consolidatedAt: AT });
    expect(r.exitCode).toBe(0);
    expect(r.expected).toEqual(CLUSTER_PROVINCES);
    expect(r.missing).toEqual(CLUSTER_PROVINCES.slice(5));
    expect(r.data!.consolidation!.missingUnits).toEqual(CLUSTER_PROVINCES.slice(5));
    const snap = snapshotOf(r.template!, r.data!);
    expect(validateWorkbook(r.template!, snap).errors).toBe(0);
    expect(readWorkbook(r.template!, snap).data).toEqual(r.data);
  });

  it("keeps a file's subunits as units under it", () => {
    const data = unitData(ce, "LĐLĐ tỉnh Sơn La", 9, "2023-H1");
    data.units.push({ name: "LĐLĐ huyện Mộc Châu", parent: null, values: { ct_so_luong: 5 } });
    const r = consolidate([...files, screened(ce, data, "son-la.xlsx")], {
      find: findTemplate,
      consolidatedAt: AT,
    });
    const sub = r.data!.units.find((u) => u.name === "LĐLĐ huyện Mộc Châu")!;
    expect(sub.parent).toBe("LĐLĐ tỉnh Sơn La");
    expect(r.data!.values.ct_so_luong).toBe(
      r.data!.units.reduce((a, u) => a + num(u.values.ct_so_luong), 0)
    );
  });

  it("uses the expected list given instead of the template's", () => {
    const r = consolidate(files, {
      find: findTemplate,
      consolidatedAt: AT,
      expectedUnits: ["LĐLĐ tỉnh Lai Châu", "X"],
    });
    expect(r.missing).toEqual(["X"]);
  });
});

describe("files left out", () => {
  const base = quarterlyUnits(3);

  it("catches a unit submitted twice, the same file or two different ones", () => {
    const again = { ...base[0].s, file: "zz-copy.xlsx" };
    const other = screened(
      qa,
      unitData(qa, "LĐLĐ tỉnh Lai Châu", 99, "2024-Q1"),
      "00-lai-chau-moi.xlsx"
    );
    const r = consolidate([...base.map((u) => u.s), again, other], {
      find: findTemplate,
      consolidatedAt: AT,
    });
    // Nothing is lost: the unit is counted once, the other files are replaced or copies.
    expect(r.exitCode).toBe(0);
    expect(r.leftOut).toEqual([]);
    expect(r.data!.units).toHaveLength(3);
    const out = r.superseded.map((s) => [s.file, s.status]).sort();
    expect(out).toEqual([
      ["01-LĐLĐ tỉnh Lai Châu.xlsx", "superseded"],
      ["zz-copy.xlsx", "duplicate"],
    ]);
    const copy = r.sources.find((s) => s.file === "zz-copy.xlsx")!;
    expect(copy.reasons[0]).toContain("giống hệt");
    const kept = r.sources.find((s) => s.file === "00-lai-chau-moi.xlsx")!;
    expect(kept.status).toBe("used");
    expect(kept.reasons[0]).toContain("gửi 3 tệp");
  });

  it("leaves out other templates, periods, versions and files with errors; insist forces errors", () => {
    const otherTemplate = screened(ce, unitData(ce, "LĐLĐ tỉnh Sơn La", 3, "2024-Q1"), "cum.xlsx");
    const otherPeriod = screened(
      qa,
      unitData(qa, "LĐLĐ tỉnh Sơn La", 4, "2023-Q4"),
      "quy-truoc.xlsx"
    );
    const oldData = unitData(qa, "LĐLĐ tỉnh Hà Giang", 5, "2024-Q1");
    const oldVersion = screenSource(
      { file: "cu.xlsx", checksum: "c", readAt: AT },
      { snapshot: withMeta(snapshotOf(qa, oldData), "templateVersion", "0.9.0") },
      findTemplate
    );
    const bad = unitData(qa, "LĐLĐ tỉnh Điện Biên", 6, "2024-Q1");
    bad.values.tt_so_buoi = -5;
    const withErrors = screened(qa, bad, "loi.xlsx");
    const damaged = screenSource(
      { file: "hong.xlsx", checksum: "", readAt: AT },
      { readError: "Tệp hỏng." },
      findTemplate
    );
    const all = [
      ...base.map((u) => u.s),
      otherTemplate,
      otherPeriod,
      oldVersion,
      withErrors,
      damaged,
    ];

    const r = consolidate(all, { find: findTemplate, consolidatedAt: AT });
    expect(r.exitCode).toBe(1);
    expect(r.used.map((s) => s.file).sort()).toEqual(base.map((u) => u.s.file).sort());
    const reason = (f: string) => r.sources.find((s) => s.file === f)!.reasons.join(" ");
    expect(reason("cum.xlsx")).toContain(
      'mẫu "Báo cáo sơ kết thi đua của Cụm thi đua (6 tháng, năm)"'
    );
    expect(reason("cum.xlsx")).not.toContain("cluster-emulation");
    expect(reason("quy-truoc.xlsx")).toContain("kỳ 2023-Q4");
    expect(reason("cu.xlsx")).toContain("phiên bản 0.9.0");
    expect(reason("loi.xlsx")).toMatch(/Có \d+ lỗi/);
    expect(reason("hong.xlsx")).toBe("Tệp hỏng.");

    const forced = consolidate(all, { find: findTemplate, consolidatedAt: AT, insist: true });
    expect(forced.sources.find((s) => s.file === "loi.xlsx")!.status).toBe("forced");
    expect(forced.data!.units.map((u) => u.name)).toContain("LĐLĐ tỉnh Điện Biên");
  });

  it("gives exit 2 and no data when nothing is usable, or the template is a tie", () => {
    const none = consolidate(
      [
        screenSource(
          { file: "a.txt", checksum: "x", readAt: AT },
          { readError: "Không phải .xlsx." },
          findTemplate
        ),
      ],
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(none.exitCode).toBe(2);
    expect(none.data).toBeNull();
    const tie = consolidate(
      [base[0].s, screened(ce, unitData(ce, "LĐLĐ tỉnh Sơn La", 3, "2023-H1"), "cum.xlsx")],
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(tie.exitCode).toBe(2);
    // The core says what to choose; each front end says where (a pane field, a CLI option).
    expect(tie.stop).toEqual({
      kind: "templateTie",
      counts: [
        ["quarterly-activity", 1],
        ["cluster-emulation", 1],
      ],
    });
    expect(tie.messages[0]).toContain("Chọn mẫu cần tổng hợp");
    expect(tie.messages[0]).not.toMatch(/--|thẻ/);
    expect(consolidate([], { find: findTemplate }).exitCode).toBe(2);
  });
});

describe("input order", () => {
  const units = quarterlyUnits(5);
  const dup = { ...units[2].s, file: "trung.xlsx" };
  const odd = screened(qa, unitData(qa, "LĐLĐ tỉnh Sơn La", 77, "2023-Q4"), "khac-ky.xlsx");
  const inputs = [...units.map((u) => u.s), dup, odd];
  const strip = (d: ReportData | null) =>
    d && {
      ...d,
      consolidation: d.consolidation && {
        ...d.consolidation,
        consolidatedAt: "",
        sources: d.consolidation.sources.map((s) => ({ ...s, readAt: "" })),
      },
    };
  const reference = strip(consolidate(inputs, { find: findTemplate, consolidatedAt: AT }).data);

  it("never changes the result", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(inputs, { minLength: inputs.length }), (shuffled) => {
        const r = consolidate(shuffled, { find: findTemplate, consolidatedAt: AT });
        expect(strip(r.data)).toEqual(reference);
      }),
      { numRuns: 40 }
    );
  });
});
