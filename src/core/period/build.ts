/** Builds Period values with their canonical text and date range. */
import { toIsoDate } from "./isoDate";
import type { Period } from "./types";

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const lastMonth = quarter * 3;
  return {
    kind: "quarter",
    text: `${year}-Q${quarter}`,
    startYear: year,
    endYear: year,
    quarter,
    start: toIsoDate(year, lastMonth - 2, 1),
    end: toIsoDate(year, lastMonth, lastMonth === 3 || lastMonth === 12 ? 31 : 30),
  };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return {
    kind: "half",
    text: `${year}-H${half}`,
    startYear: year,
    endYear: year,
    half,
    start: half === 1 ? `${year}-01-01` : `${year}-07-01`,
    end: half === 1 ? `${year}-06-30` : `${year}-12-31`,
  };
}

export function nineMonthsPeriod(year: number): Period {
  return {
    kind: "nineMonths",
    text: `${year}-M9`,
    startYear: year,
    endYear: year,
    start: `${year}-01-01`,
    end: `${year}-09-30`,
  };
}

export function yearPeriod(year: number): Period {
  return {
    kind: "year",
    text: String(year),
    startYear: year,
    endYear: year,
    start: `${year}-01-01`,
    end: `${year}-12-31`,
  };
}

/** Multi-year range and full term: 1 January of the first year to 31 December of the last. */
export function rangePeriod(
  kind: "multiYear" | "term",
  startYear: number,
  endYear: number
): Period {
  return {
    kind,
    text: `${startYear}-${endYear}`,
    startYear,
    endYear,
    start: `${startYear}-01-01`,
    end: `${endYear}-12-31`,
  };
}

/**
 * Mid-term review of a congress term. Half 1, what a "sơ kết nửa nhiệm kỳ" covers: from the start
 * of the term to the end of its middle year, startYear + floor((endYear − startYear) / 2)
 * (2023-2028 → 2023-01-01..2025-12-31). Half 2, "nửa nhiệm kỳ còn lại" that the review plans
 * for: the following year to the end of the term (2026-01-01..2028-12-31), text "2023-2028-H2".
 * Year granularity is deliberate: figures are collected per calendar year, not per congress date.
 */
export function midTermPeriod(startYear: number, endYear: number, half: 1 | 2): Period {
  const middleYear = startYear + Math.floor((endYear - startYear) / 2);
  return {
    kind: "midTerm",
    text: half === 1 ? `${startYear}-${endYear}` : `${startYear}-${endYear}-H2`,
    startYear,
    endYear,
    half,
    start: half === 1 ? `${startYear}-01-01` : `${middleYear + 1}-01-01`,
    end: half === 1 ? `${middleYear}-12-31` : `${endYear}-12-31`,
  };
}

/**
 * Statistical cut-off ("số liệu tính đến ngày") of QĐ 1454/QĐ-TLĐ: 1 = 31/5, 2 = 30/11. The forms
 * count stocks at the date (lao động, đoàn viên) and flows since the last cut-off (đình công, kết
 * nạp), so the period runs from the day after the previous cut-off: 1/12 of the year before to
 * 31/5, then 1/6 to 30/11. Consecutive cut-offs thus tile the calendar without gap or overlap.
 */
export function cutoffPeriod(year: number, which: 1 | 2): Period {
  return {
    kind: "cutoff",
    text: which === 1 ? toIsoDate(year, 5, 31) : toIsoDate(year, 11, 30),
    startYear: year,
    endYear: year,
    half: which,
    start: which === 1 ? toIsoDate(year - 1, 12, 1) : toIsoDate(year, 6, 1),
    end: which === 1 ? toIsoDate(year, 5, 31) : toIsoDate(year, 11, 30),
  };
}
