import fc from "fast-check";
import {
  type Period,
  type PeriodKind,
  isDateInPeriod,
  isPeriodError,
  nextPeriod,
  parsePeriod,
  periodKindsOf,
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
} from "../../src/core/period";

function must(text: string, kind?: PeriodKind): Period {
  const p = parsePeriod(text, kind);
  if (isPeriodError(p)) {
    throw new Error(p.error);
  }
  return p;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe("parsePeriod", () => {
  it.each([
    ["2024-Q1", undefined, "quarter", "2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024-Q2", undefined, "quarter", "2024-Q2", "2024-04-01", "2024-06-30"],
    ["2024-Q3", undefined, "quarter", "2024-Q3", "2024-07-01", "2024-09-30"],
    ["2024-Q4", undefined, "quarter", "2024-Q4", "2024-10-01", "2024-12-31"],
    ["2024-H1", undefined, "half", "2024-H1", "2024-01-01", "2024-06-30"],
    ["2024-H2", undefined, "half", "2024-H2", "2024-07-01", "2024-12-31"],
    ["2024-M9", undefined, "nineMonths", "2024-M9", "2024-01-01", "2024-09-30"],
    ["2024", undefined, "year", "2024", "2024-01-01", "2024-12-31"],
    ["2021-2024", undefined, "multiYear", "2021-2024", "2021-01-01", "2024-12-31"],
    ["2021-2024", "multiYear", "multiYear", "2021-2024", "2021-01-01", "2024-12-31"],
    ["2023-2028", "term", "term", "2023-2028", "2023-01-01", "2028-12-31"],
    ["2023-2028", "midTerm", "midTerm", "2023-2028", "2023-01-01", "2025-12-31"],
    ["2023-2028-H2", undefined, "midTerm", "2023-2028-H2", "2026-01-01", "2028-12-31"],
    ["2023-2028-H1", "midTerm", "midTerm", "2023-2028", "2023-01-01", "2025-12-31"],
    ["2020-2025", "midTerm", "midTerm", "2020-2025", "2020-01-01", "2022-12-31"],
    ["2024-2028", "midTerm", "midTerm", "2024-2028", "2024-01-01", "2026-12-31"],
    // Forgiving input, canonical text.
    [" 2024-q1 ", undefined, "quarter", "2024-Q1", "2024-01-01", "2024-03-31"],
    ["2024 - H2", undefined, "half", "2024-H2", "2024-07-01", "2024-12-31"],
    ["2021\u20132024", undefined, "multiYear", "2021-2024", "2021-01-01", "2024-12-31"],
    ["2023 – 2028", "term", "term", "2023-2028", "2023-01-01", "2028-12-31"],
  ] as const)("%p as %p → %p %p %p..%p", (text, kind, expectedKind, canonical, start, end) => {
    const p = must(text, kind);
    expect([p.kind, p.text, p.start, p.end]).toEqual([expectedKind, canonical, start, end]);
  });

  it("keeps the parts of each kind", () => {
    expect(must("2024-Q3")).toMatchObject({ startYear: 2024, endYear: 2024, quarter: 3 });
    expect(must("2024-H2")).toMatchObject({ half: 2 });
    expect(must("2023-2028", "midTerm")).toMatchObject({ startYear: 2023, endYear: 2028, half: 1 });
    expect(must("2023-2028", "term").half).toBeUndefined();
  });

  it.each([
    ["", /không phải là kỳ báo cáo hợp lệ/],
    ["2024-Q5", /không phải là kỳ báo cáo hợp lệ/],
    ["2024-H3", /không phải là kỳ báo cáo hợp lệ/],
    ["2024-M6", /không phải là kỳ báo cáo hợp lệ/],
    ["Q1/2024", /không phải là kỳ báo cáo hợp lệ/],
    ["24", /không phải là kỳ báo cáo hợp lệ/],
    ["1800", /ngoài khoảng/],
    ["2024-2024", /năm kết thúc phải sau năm bắt đầu/],
    ["2028-2023", /năm kết thúc phải sau năm bắt đầu/],
  ])("rejects %p", (text, reason) => {
    const p = parsePeriod(text);
    expect(isPeriodError(p) && p.error).toMatch(reason);
  });

  it.each([
    ["2024-Q1", "year", /là kỳ quý, không phải kỳ năm/],
    ["2024", "quarter", /là kỳ năm, không phải kỳ quý/],
    ["2023-2028-H2", "term", /là kỳ nửa nhiệm kỳ, không phải kỳ nhiệm kỳ/],
    ["2021-2024", "half", /không phải kỳ 6 tháng/],
  ] as const)("rejects %p as %p", (text, kind, reason) => {
    const p = parsePeriod(text, kind);
    expect(isPeriodError(p) && p.error).toMatch(reason);
  });
});

describe("periodKindsOf", () => {
  it.each([
    ["2024-Q1", ["quarter"]],
    ["2024-H1", ["half"]],
    ["2024-M9", ["nineMonths"]],
    ["2024", ["year"]],
    ["2021-2024", ["multiYear", "midTerm", "term"]],
    ["2023-2028-H2", ["midTerm"]],
    ["abc", []],
  ])("%p → %p", (text, kinds) => {
    expect(periodKindsOf(text)).toEqual(kinds);
  });
});

describe("periodLabel", () => {
  it.each([
    ["2024-Q1", undefined, "quý I/2024", "Q1 2024"],
    ["2024-Q2", undefined, "quý II/2024", "Q2 2024"],
    ["2024-Q3", undefined, "quý III/2024", "Q3 2024"],
    ["2024-Q4", undefined, "quý IV/2024", "Q4 2024"],
    ["2023-H1", undefined, "6 tháng đầu năm 2023", "first half of 2023"],
    ["2023-H2", undefined, "6 tháng cuối năm 2023", "second half of 2023"],
    ["2024-M9", undefined, "9 tháng đầu năm 2024", "first nine months of 2024"],
    ["2022", undefined, "năm 2022", "year 2022"],
    ["2021-2024", undefined, "giai đoạn 2021 - 2024", "period 2021–2024"],
    ["2023-2028", "midTerm", "nửa nhiệm kỳ 2023 - 2028", "first half of the 2023–2028 term"],
    [
      "2023-2028-H2",
      "midTerm",
      "nửa nhiệm kỳ còn lại của nhiệm kỳ 2023 - 2028",
      "second half of the 2023–2028 term",
    ],
    ["2023-2028", "term", "nhiệm kỳ 2023 - 2028", "2023–2028 term"],
  ] as const)("%p (%p) → %p / %p", (text, kind, vi, en) => {
    const p = must(text, kind);
    expect(periodLabel(p)).toBe(vi);
    expect(periodLabel(p, { lang: "vi" })).toBe(vi);
    expect(periodLabel(p, { lang: "en" })).toBe(en);
  });

  it("upper-cases for headings as in the seeds", () => {
    expect(`NHIỆM VỤ TRỌNG TÂM ${periodLabel(nextPeriod(must("2024-Q1"))).toUpperCase()}`).toBe(
      "NHIỆM VỤ TRỌNG TÂM QUÝ II/2024"
    );
    expect(`NHIỆM VỤ TRỌNG TÂM ${periodLabel(nextPeriod(must("2023-H1"))).toUpperCase()}`).toBe(
      "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2023"
    );
  });
});

describe("nextPeriod / previousPeriod", () => {
  it.each([
    ["2024-Q1", undefined, "2024-Q2", "2023-Q4"],
    ["2024-Q2", undefined, "2024-Q3", "2024-Q1"],
    ["2024-Q3", undefined, "2024-Q4", "2024-Q2"],
    ["2024-Q4", undefined, "2025-Q1", "2024-Q3"],
    ["2024-H1", undefined, "2024-H2", "2023-H2"],
    ["2024-H2", undefined, "2025-H1", "2024-H1"],
    ["2024-M9", undefined, "2024-Q4", "2023-Q4"],
    ["2024", undefined, "2025", "2023"],
    ["2021-2024", "multiYear", "2025-2028", "2017-2020"],
    ["2023-2028", "term", "2028-2033", "2018-2023"],
    ["2023-2028", "midTerm", "2023-2028-H2", "2018-2023-H2"],
    ["2023-2028-H2", "midTerm", "2028-2033", "2023-2028"],
  ] as const)("%p (%p): next %p, previous %p", (text, kind, next, previous) => {
    const p = must(text, kind);
    expect(nextPeriod(p).text).toBe(next);
    expect(previousPeriod(p).text).toBe(previous);
  });

  it("keeps the kind, except M9 whose remaining part is quý IV", () => {
    expect(nextPeriod(must("2024-M9"))).toMatchObject({ kind: "quarter", quarter: 4 });
    expect(periodLabel(nextPeriod(must("2024-M9")))).toBe("quý IV/2024");
    expect(nextPeriod(must("2023-2028", "term")).kind).toBe("term");
    expect(nextPeriod(must("2023-2028", "midTerm"))).toMatchObject({ kind: "midTerm", half: 2 });
  });

  const yearLevel = fc.tuple(
    fc.constantFrom("Q1", "Q2", "Q3", "Q4", "H1", "H2", "M9", "", "multi"),
    fc.integer({ min: 1950, max: 2900 }),
    fc.integer({ min: 1, max: 10 })
  );

  function build([suffix, year, length]: [string, number, number]): Period {
    if (suffix === "multi") {
      return must(`${year}-${year + length}`, "multiYear");
    }
    return must(suffix === "" ? String(year) : `${year}-${suffix}`);
  }

  it("next starts the day after; previous ends the day before (all but terms)", () => {
    fc.assert(
      fc.property(yearLevel, (spec) => {
        const p = build(spec);
        expect(nextPeriod(p).start).toBe(dayAfter(p.end));
        expect(dayAfter(previousPeriod(p).end)).toBe(p.start);
      })
    );
  });

  it("previous undoes next and the other way round (all but M9)", () => {
    fc.assert(
      fc.property(yearLevel, (spec) => {
        fc.pre(spec[0] !== "M9");
        const p = build(spec);
        expect(previousPeriod(nextPeriod(p))).toEqual(p);
        expect(nextPeriod(previousPeriod(p))).toEqual(p);
      })
    );
  });

  it("terms and their halves round-trip too, sharing the congress year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2900 }),
        fc.integer({ min: 2, max: 10 }),
        (start, length) => {
          for (const kind of ["term", "midTerm"] as const) {
            const p = must(`${start}-${start + length}`, kind);
            expect(previousPeriod(nextPeriod(p))).toEqual(p);
            expect(nextPeriod(previousPeriod(p))).toEqual(p);
          }
          const term = must(`${start}-${start + length}`, "term");
          expect(nextPeriod(term).startYear).toBe(term.endYear);
        }
      )
    );
  });

  it("midTerm halves tile the term", () => {
    const first = must("2023-2028", "midTerm");
    const second = nextPeriod(first);
    const term = must("2023-2028", "term");
    expect(first.start).toBe(term.start);
    expect(second.start).toBe(dayAfter(first.end));
    expect(second.end).toBe(term.end);
  });
});

describe("samePeriodLastYear", () => {
  it.each([
    ["2024-Q1", undefined, "2023-Q1"],
    ["2024-Q4", undefined, "2023-Q4"],
    ["2024-H1", undefined, "2023-H1"],
    ["2024-H2", undefined, "2023-H2"],
    ["2024-M9", undefined, "2023-M9"],
    ["2024", undefined, "2023"],
    ["2021-2024", "multiYear", null],
    ["2023-2028", "midTerm", null],
    ["2023-2028", "term", null],
  ] as const)("%p (%p) → %p", (text, kind, expected) => {
    const last = samePeriodLastYear(must(text, kind));
    expect(last === null ? null : last.text).toBe(expected);
  });

  it("has the same label shape one year earlier", () => {
    const last = samePeriodLastYear(must("2024-Q1"));
    expect(last && periodLabel(last)).toBe("quý I/2023");
  });
});

describe("isDateInPeriod", () => {
  it.each([
    ["2024-01-01", "2024-Q1", undefined, true],
    ["2024-03-31", "2024-Q1", undefined, true],
    ["2024-04-01", "2024-Q1", undefined, false],
    ["2023-12-31", "2024-Q1", undefined, false],
    ["2024-02-29", "2024-Q1", undefined, true],
    ["2024-06-30", "2024-H1", undefined, true],
    ["2024-07-01", "2024-H1", undefined, false],
    ["2024-09-30", "2024-M9", undefined, true],
    ["2024-10-01", "2024-M9", undefined, false],
    ["2024-05-31", "2024", undefined, true], // statistical cut-off 31/5
    ["2022-06-15", "2021-2024", "multiYear", true],
    ["2025-12-31", "2023-2028", "midTerm", true],
    ["2026-01-01", "2023-2028", "midTerm", false],
    ["2028-11-30", "2023-2028", "term", true],
    ["2023-02-29", "2023", undefined, false], // not a real day
    ["08/3/2024", "2024", undefined, false],
  ] as const)("%p in %p (%p) → %p", (iso, text, kind, expected) => {
    expect(isDateInPeriod(iso, must(text, kind))).toBe(expected);
  });
});
