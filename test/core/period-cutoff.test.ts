// Cut-off periods of QĐ 1454/QĐ-TLĐ ("Số liệu tính đến ngày: 31/5, 30/11" on Mẫu số 1-HĐCĐ and 2-HĐCĐ).
import {
  isDateInPeriod,
  isPeriodError,
  nextPeriod,
  parsePeriod,
  periodKindsOf,
  periodLabel,
  previousPeriod,
  samePeriodLastYear,
  type Period,
} from "../../src/core/period";

function ok(text: string): Period {
  const p = parsePeriod(text, "cutoff");
  if (isPeriodError(p)) throw new Error(p.error);
  return p;
}

test.each([
  ["2025-05-31", "2025-05-31", 1, "2024-12-01", "2025-05-31"],
  ["2025-11-30", "2025-11-30", 2, "2025-06-01", "2025-11-30"],
  // The forms' own way of writing the date, typed by hand.
  ["31/5/2025", "2025-05-31", 1, "2024-12-01", "2025-05-31"],
  [" 30/11/2025 ", "2025-11-30", 2, "2025-06-01", "2025-11-30"],
  ["31/05/2025", "2025-05-31", 1, "2024-12-01", "2025-05-31"],
])("%s → %s (cut-off %d, %s..%s)", (input, text, which, start, end) => {
  const p = ok(input);
  expect(p).toMatchObject({ kind: "cutoff", text, half: which, start, end });
  expect(p.startYear).toBe(2025);
  expect(p.endYear).toBe(2025);
});

test("a date string is a cut-off only; without a kind it still reads as one", () => {
  expect(periodKindsOf("2025-05-31")).toEqual(["cutoff"]);
  expect(periodKindsOf("2025-06-30")).toEqual([]);
  const p = parsePeriod("2025-11-30");
  expect(isPeriodError(p) ? p.error : p.kind).toBe("cutoff");
});

test("any other day is refused, naming the two cut-offs to write instead", () => {
  const p = parsePeriod("2025-06-30", "cutoff");
  expect(isPeriodError(p) && p.error).toBe(
    "“2025-06-30” là một ngày nhưng không phải mốc số liệu thống kê: chỉ có hai mốc 31/5 và 30/11 (viết 2025-05-31 hoặc 2025-11-30)."
  );
  expect(isPeriodError(parsePeriod("31/11/2025", "cutoff"))).toBe(true);
  // A cut-off is not a quarter, and a quarter is not a cut-off.
  const asQuarter = parsePeriod("2025-05-31", "quarter");
  expect(isPeriodError(asQuarter) && asQuarter.error).toBe(
    "“2025-05-31” là kỳ số liệu tính đến ngày, không phải kỳ quý."
  );
  expect(isPeriodError(parsePeriod("2025-H1", "cutoff"))).toBe(true);
});

test("labels as the forms write them", () => {
  expect(periodLabel(ok("2025-05-31"))).toBe("tính đến ngày 31/5/2025");
  expect(periodLabel(ok("2025-11-30"))).toBe("tính đến ngày 30/11/2025");
  expect(periodLabel(ok("2025-05-31"), { lang: "en" })).toBe("as of 31 May 2025");
  expect(periodLabel(ok("2025-11-30"), { lang: "en" })).toBe("as of 30 November 2025");
});

test("next: 31/5 → 30/11 → 31/5 of the next year; previous mirrors it; last year is the same cut-off", () => {
  expect(nextPeriod(ok("2025-05-31")).text).toBe("2025-11-30");
  expect(nextPeriod(ok("2025-11-30")).text).toBe("2026-05-31");
  expect(previousPeriod(ok("2025-11-30")).text).toBe("2025-05-31");
  expect(previousPeriod(ok("2025-05-31")).text).toBe("2024-11-30");
  expect(samePeriodLastYear(ok("2025-11-30"))?.text).toBe("2024-11-30");
  expect(samePeriodLastYear(ok("2025-05-31"))?.text).toBe("2024-05-31");
  // Each period starts the day after the one before it ends: no day is counted twice or lost.
  for (const t of ["2025-05-31", "2025-11-30"]) {
    const p = ok(t);
    const n = nextPeriod(p);
    const dayAfter = new Date(Date.parse(`${p.end}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(n.start).toBe(dayAfter);
  }
});

test("contains: the days since the previous cut-off, both ends included", () => {
  const may = ok("2025-05-31");
  expect(isDateInPeriod("2024-12-01", may)).toBe(true);
  expect(isDateInPeriod("2025-05-31", may)).toBe(true);
  expect(isDateInPeriod("2024-11-30", may)).toBe(false);
  expect(isDateInPeriod("2025-06-01", may)).toBe(false);
  const nov = ok("2025-11-30");
  expect(isDateInPeriod("2025-06-01", nov)).toBe(true);
  expect(isDateInPeriod("2025-11-30", nov)).toBe(true);
  expect(isDateInPeriod("2025-12-01", nov)).toBe(false);
});
