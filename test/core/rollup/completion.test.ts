// Target completion, part/whole ratios, baseline comparisons and the one ratio rounding rule.
// Expected figures are worked out by hand in the comments, never with the code under test.
import {
  baselineComparisons,
  partRatios,
  roundRatio,
  targetCompletions,
} from "../../../src/core/rollup/completion";
import { STATUS_LABELS, targetStatus } from "../../../src/core/rollup/status";
import { formatPercent } from "../../../src/core/format/percent";
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import type { Template } from "../../../src/core/model/load";
import type { Comparator } from "../../../src/core/model/schema";

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

describe("roundRatio: percent decimals, half away from zero, returns a fraction", () => {
  it.each([
    // [ratio, decimals, rounded fraction, as printed with the same decimals]
    [0.875, "auto", 0.875, "87,5%"],
    [1.2, "auto", 1.2, "120%"],
    [1, "auto", 1, "100%"],
    [0.8795, 1, 0.88, "88,0%"], // 87,95 → 88,0: one decimal asked, one shown
    [0.8795, "auto", 0.88, "88%"], // "auto" drops the ",0" of a whole percent
    [0.12345, "auto", 0.123, "12,3%"],
    [0.87865, 0, 0.88, "88%"], // 572/651 written "87%" by hand in the seed; the rule says 88%
    [0.0835861, 2, 0.0836, "8,36%"], // Điện Biên 248/2967, seed 001 writes "8,36%"
    [1.005, 0, 1.01, "101%"], // 100,5 → 101 despite 1.005 × 100 = 100.49999999999999
    [0.00005, 0, 0, "0%"],
  ] as const)("%p at %p → %p (%s)", (value, decimals, expected, printed) => {
    const rounded = roundRatio(value, decimals);
    expect(rounded).toBe(expected);
    expect(formatPercent(rounded, { decimals })).toBe(printed);
  });

  it("rounds negative ratios away from zero and never returns −0", () => {
    expect(roundRatio(-0.0125, 1)).toBe(-0.013); // −1,25 → −1,3
    expect(roundRatio(-0.0125, 0)).toBe(-0.01); // −1,25 → −1
    expect(roundRatio(-0.005, 0)).toBe(-0.01); // −0,5 → −1
    expect(Object.is(roundRatio(-0.00001, 0), 0)).toBe(true);
  });

  it("defaults to auto and refuses what cannot be printed", () => {
    expect(roundRatio(0.12345)).toBe(0.123);
    expect(() => roundRatio(Number.NaN)).toThrow(RangeError);
    expect(() => roundRatio(Infinity, 0)).toThrow(RangeError);
    expect(() => roundRatio(0.5, -1)).toThrow(RangeError);
    expect(() => roundRatio(0.5, 1.5)).toThrow(RangeError);
  });
});

describe("targetStatus: every comparator, as the plans word them", () => {
  const cases: Array<[Comparator, number, number, string]> = [
    ["eq", 1, 1, "Đạt"],
    ["eq", 0.99, 1, "Chưa đạt"],
    ["gte", 499, 500, "Chưa đạt"], // "ít nhất 500"
    ["gte", 500, 500, "Đạt"],
    ["gte", 501, 500, "Vượt"],
    ["gt", 0.85, 0.85, "Chưa đạt"], // "trên 85%": exactly 85% is not above 85%
    ["gt", 0.8501, 0.85, "Đạt"],
    ["gt", 170 / 200, 0.85, "Chưa đạt"], // the same 85% reached by division
    ["lte", 3, 3, "Đạt"], // "không quá 3"
    ["lte", 4, 3, "Chưa đạt"],
    ["lt", 2, 3, "Đạt"], // "dưới 3"
    ["lt", 3, 3, "Chưa đạt"],
  ];
  it.each(cases)("%s: result %p against %p → %s", (comparator, result, target, label) => {
    const status = targetStatus(result, comparator, target);
    expect(status).not.toBeNull();
    expect(STATUS_LABELS[status!].vi).toBe(label);
  });

  it("has no status when the result or the target is missing", () => {
    expect(targetStatus(null, "gte", 500)).toBeNull();
    expect(targetStatus(500, "gte", null)).toBeNull();
  });
});

describe("targetCompletions (annual plan, Kế hoạch số 299/KH-LĐLĐ)", () => {
  const t = template("annual-plan");
  const data = loadSample("annual-plan");
  // A year's results reported against the plan (figures chosen for the comparators).
  data.values = {
    dn_10_ld_tong: 660,
    dn_10_ld_co_cdcs: 561, // 561/660 = 85,0%, target "trên 85%"
    dn_10_ld_hn_nld: 572, // 572/660 = 86,67%, target 100%
    dv_uu_tu: 520, // target "ít nhất 500"
  };
  const byId = () => new Map(targetCompletions(t, data).map((c) => [c.target.id, c]));

  it("lists every target in template order", () => {
    expect(targetCompletions(t, data).map((c) => c.target.id)).toEqual(t.targets.map((x) => x.id));
  });

  it("rates: exactly 85% against “trên 85%” is chưa đạt", () => {
    const c = byId().get("tg_dn_co_cdcs")!;
    expect(c.kind).toBe("rate");
    expect(c.comparator).toBe("gt");
    expect(c.targetValue).toBe(0.85);
    expect(c.result).toBe(0.85); // 561/660
    expect(c.status).toBe("notMet");
    expect(c.ratio).toBe(1);
  });

  it("rates: 572/660 against 100% is chưa đạt at 86,7%", () => {
    const c = byId().get("tg_hn_nld")!;
    expect(c.indicator).toBe("ty_le_dn_10_ld_hn_nld");
    expect(c.result).toBeCloseTo(0.866666667, 9); // 572/660
    expect(formatPercent(roundRatio(c.result!))).toBe("86,7%");
    expect(c.ratio).toBeCloseTo(0.866666667, 9); // against 1
    expect(c.status).toBe("notMet");
  });

  it("amounts: 520 against “ít nhất 500” is vượt at 104%", () => {
    const c = byId().get("tg_dv_uu_tu")!;
    expect(c.kind).toBe("amount");
    expect(c.ratio).toBe(1.04); // 520/500
    expect(c.status).toBe("exceeded");
  });

  it("the Chỉ tiêu sheet's level and comparator override the template's", () => {
    data.targets = { tg_dv_uu_tu: { comparator: "gte", value: 650 } };
    const c = byId().get("tg_dv_uu_tu")!;
    expect(c.targetValue).toBe(650);
    expect(c.ratio).toBe(0.8); // 520/650
    expect(c.status).toBe("notMet");
    data.targets = { tg_dv_uu_tu: { comparator: "gte", value: null } };
    const cleared = byId().get("tg_dv_uu_tu")!;
    expect([cleared.targetValue, cleared.ratio, cleared.status]).toEqual([null, null, null]);
    delete data.targets;
  });

  it("targets without figures have no ratio and no status", () => {
    const c = byId().get("tg_ung_ho")!;
    expect([c.result, c.ratio, c.status]).toEqual([null, null, null]);
  });

  it("a target of 0 gives a status but no completion ratio", () => {
    data.targets = { tg_dv_uu_tu: { comparator: "gte", value: 0 } };
    const c = byId().get("tg_dv_uu_tu")!;
    expect(c.ratio).toBeNull();
    expect(c.status).toBe("exceeded");
    delete data.targets;
  });
});

describe("partRatios at report level", () => {
  it("scalar parts of a whole (midterm-review sample: 1.179/1.179 and 572/651)", () => {
    const ratios = new Map(
      partRatios(template("midterm-review"), loadSample("midterm-review")).map((r) => [
        r.indicator,
        r,
      ])
    );
    const cbccvc = ratios.get("ty_le_hn_cbccvc")!;
    expect(cbccvc).toMatchObject({
      part: 1179,
      whole: "hn_cbccvc_tong",
      wholeValue: 1179,
      ratio: 1,
      partIndicator: "hn_cbccvc_to_chuc",
      unpairedRows: 0,
    });
    const nld = ratios.get("hn_nld_to_chuc")!; // the partOf relation gives the same share
    expect(nld.part).toBe(572);
    expect(nld.wholeValue).toBe(651);
    expect(nld.ratio).toBeCloseTo(0.878648233, 9);
    expect(ratios.get("ty_le_hn_nld")!.ratio).toBe(nld.ratio);
  });

  it("a share with a missing whole has no ratio", () => {
    const data = loadSample("midterm-review");
    delete data.values.hn_nld_tong;
    const r = partRatios(template("midterm-review"), data).find(
      (x) => x.indicator === "ty_le_hn_nld"
    )!;
    expect([r.part, r.wholeValue, r.ratio, r.pairedPart]).toEqual([572, null, null, null]);
  });
});

describe("baselineComparisons", () => {
  it("samples compare exactly the baseline values they give, and invent none", () => {
    for (const id of ["quarterly-activity", "midterm-review"]) {
      const t = template(id);
      expect(t.baselines.length).toBeGreaterThan(0);
      const data = loadSample(id);
      const comparisons = baselineComparisons(t, data);
      for (const bl of t.baselines) {
        const given = Object.entries(data.baselines?.[bl] ?? {}).filter(
          ([, v]) => typeof v === "number"
        );
        const compared = comparisons.filter((c) => c.baseline === bl);
        for (const [indicator, base] of given) {
          expect(compared.find((c) => c.indicator === indicator)?.base).toBe(base);
        }
        // Beyond the given figures, only computed rates whose part and whole are both given.
        for (const c of compared) {
          const ind = t.indicatorById.get(c.indicator)!;
          if (!given.some(([gid]) => gid === c.indicator)) {
            expect(ind.computed && ind.ratioOf).toBeTruthy();
          }
        }
      }
    }
  });

  it("midterm review against the start of the term (so với đầu nhiệm kỳ)", () => {
    const t = template("midterm-review");
    const data = loadSample("midterm-review");
    // Start-of-term figures for the test: CĐCS 1.790, đoàn viên 280.000, and the workers'
    // conferences 500/640; the sample's current figures are 1.832, 291.800 and 572/651.
    data.baselines = {
      startOfTerm: {
        cdcs_tong: 1790,
        dv_tong: 291800 + 1000, // membership fell by 1.000
        hn_nld_to_chuc: 500,
        hn_nld_tong: 640,
        hn_cbccvc_tong: 1179, // unchanged
      },
    };
    const byId = new Map(baselineComparisons(t, data).map((c) => [c.indicator, c]));
    expect(byId.get("cdcs_tong")).toEqual({
      indicator: "cdcs_tong",
      baseline: "startOfTerm",
      value: 1832,
      base: 1790,
      difference: 42,
      change: 42 / 1790, // +2,35%
      direction: "up",
    });
    expect(formatPercent(roundRatio(byId.get("cdcs_tong")!.change!))).toBe("2,3%");
    expect(byId.get("dv_tong")).toMatchObject({ difference: -1000, direction: "down" });
    expect(byId.get("dv_tong")!.change).toBeCloseTo(-1000 / 292800, 12);
    expect(byId.get("hn_cbccvc_tong")).toMatchObject({
      difference: 0,
      change: 0,
      direction: "same",
    });
    // The rate has no baseline cell: 500/640 = 78,125% at the start, 572/651 = 87,86% now.
    const rate = byId.get("ty_le_hn_nld")!;
    expect(rate.base).toBe(0.78125);
    expect(rate.value).toBeCloseTo(0.878648233, 9);
    expect(rate.difference).toBeCloseTo(0.097398233, 9); // +9,7 điểm phần trăm
    expect(rate.direction).toBe("up");
    // Figures with no start-of-term value are not compared.
    expect(byId.has("hn_nld_to_chuc")).toBe(true);
    expect(byId.has("doi_thoai_dn")).toBe(false);
  });

  it("a baseline with no current figure has no difference and no direction", () => {
    const t = template("midterm-review");
    const data = loadSample("midterm-review");
    delete data.values.cdcs_tong;
    data.baselines = { startOfTerm: { cdcs_tong: 1790 } };
    expect(baselineComparisons(t, data)).toEqual([
      {
        indicator: "cdcs_tong",
        baseline: "startOfTerm",
        value: null,
        base: 1790,
        difference: null,
        change: null,
        direction: null,
      },
    ]);
  });
});
