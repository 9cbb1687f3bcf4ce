/**
 * Moving between periods: the period after (for "nhiệm vụ trọng tâm quý sau"), the one before,
 * and the same period last year ("so với cùng kỳ năm trước").
 */
import {
  cutoffPeriod,
  halfPeriod,
  midTermPeriod,
  nineMonthsPeriod,
  quarterPeriod,
  rangePeriod,
  yearPeriod,
} from "./build";
import type { Period } from "./types";

/**
 * The period that follows, starting the day after this one ends:
 * Q1→Q2, Q4→Q1 of next year; H1→H2, H2→next year's H1; M9→Q4 of the same year (the quarter
 * left to report); year→next year; multiYear→the next range of the same length
 * (2021-2024 → 2025-2028). Terms follow the congress cycle, where consecutive terms share the
 * congress year (2023-2028 → 2028-2033); midTerm half 1 → half 2 ("nửa nhiệm kỳ còn lại"),
 * half 2 → half 1 of the next term; cut-off 31/5 → 30/11, 30/11 → 31/5 of next year.
 */
export function nextPeriod(p: Period): Period {
  const y = p.startYear;
  const termLength = p.endYear - p.startYear;
  switch (p.kind) {
    case "quarter":
      return p.quarter === 4 ? quarterPeriod(y + 1, 1) : quarterPeriod(y, nextQuarter(p));
    case "half":
      return p.half === 2 ? halfPeriod(y + 1, 1) : halfPeriod(y, 2);
    case "nineMonths":
      return quarterPeriod(y, 4);
    case "year":
      return yearPeriod(y + 1);
    case "multiYear":
      return rangePeriod("multiYear", p.endYear + 1, p.endYear + 1 + termLength);
    case "term":
      return rangePeriod("term", p.endYear, p.endYear + termLength);
    case "midTerm":
      return p.half === 2
        ? midTermPeriod(p.endYear, p.endYear + termLength, 1)
        : midTermPeriod(p.startYear, p.endYear, 2);
    case "cutoff":
      return p.half === 2 ? cutoffPeriod(y + 1, 1) : cutoffPeriod(y, 2);
  }
}

/**
 * The period before, ending the day before this one starts: the mirror of nextPeriod, except
 * that M9 has no same-kind neighbour and gives Q4 of the previous year (next(previous(M9)) is
 * therefore Q1, not M9). Terms again share the congress year (2023-2028 → 2018-2023).
 */
export function previousPeriod(p: Period): Period {
  const y = p.startYear;
  const termLength = p.endYear - p.startYear;
  switch (p.kind) {
    case "quarter":
      return p.quarter === 1 ? quarterPeriod(y - 1, 4) : quarterPeriod(y, previousQuarter(p));
    case "half":
      return p.half === 2 ? halfPeriod(y, 1) : halfPeriod(y - 1, 2);
    case "nineMonths":
      return quarterPeriod(y - 1, 4);
    case "year":
      return yearPeriod(y - 1);
    case "multiYear":
      return rangePeriod("multiYear", p.startYear - 1 - termLength, p.startYear - 1);
    case "term":
      return rangePeriod("term", p.startYear - termLength, p.startYear);
    case "midTerm":
      return p.half === 2
        ? midTermPeriod(p.startYear, p.endYear, 1)
        : midTermPeriod(p.startYear - termLength, p.startYear, 2);
    case "cutoff":
      return p.half === 2 ? cutoffPeriod(y, 1) : cutoffPeriod(y - 1, 2);
  }
}

/**
 * The same period one year earlier ("cùng kỳ năm trước"): 2024-Q1 → 2023-Q1, 2024-H2 → 2023-H2,
 * 2024-M9 → 2023-M9, 2024 → 2023, 2025-05-31 → 2024-05-31. Null for multi-year kinds, which are compared with the start
 * of the term ("so với đầu nhiệm kỳ"), not with last year.
 */
export function samePeriodLastYear(p: Period): Period | null {
  const y = p.startYear - 1;
  switch (p.kind) {
    case "quarter":
      return quarterPeriod(y, p.quarter ?? 1);
    case "half":
      return halfPeriod(y, p.half ?? 1);
    case "nineMonths":
      return nineMonthsPeriod(y);
    case "year":
      return yearPeriod(y);
    case "cutoff":
      return cutoffPeriod(y, p.half ?? 1);
    default:
      return null;
  }
}

function nextQuarter(p: Period): 1 | 2 | 3 | 4 {
  return ((p.quarter ?? 1) + 1) as 1 | 2 | 3 | 4;
}

function previousQuarter(p: Period): 1 | 2 | 3 | 4 {
  return ((p.quarter ?? 2) - 1) as 1 | 2 | 3 | 4;
}
