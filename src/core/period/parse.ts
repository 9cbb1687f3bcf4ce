/**
 * Reads period strings. Input is forgiving (spaces, lower case, en dash "2021–2024"); the
 * Period's text is always canonical ("2024-Q1", "2021-2024").
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
import type { Period, PeriodError, PeriodKind } from "./types";

/** Years accepted in a period; outside this a typo is more likely than a real report. */
export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 9999;

const RANGE_KINDS: readonly PeriodKind[] = ["multiYear", "midTerm", "term"];

const KIND_NAMES_VI: Readonly<Record<PeriodKind, string>> = {
  quarter: "quý",
  half: "6 tháng",
  nineMonths: "9 tháng",
  year: "năm",
  multiYear: "giai đoạn nhiều năm",
  midTerm: "nửa nhiệm kỳ",
  term: "nhiệm kỳ",
  cutoff: "số liệu tính đến ngày",
};

const EXAMPLES = "2024-Q1, 2024-H1, 2024-M9, 2024, 2021-2024, 2025-05-31";

/** The string's shape once normalised; null when it has none of the period shapes. */
type Shape =
  | { shape: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 }
  | { shape: "half"; year: number; half: 1 | 2 }
  | { shape: "nineMonths"; year: number }
  | { shape: "year"; year: number }
  | { shape: "range"; startYear: number; endYear: number; half?: 1 | 2 }
  /** A calendar date: a cut-off when it is 31/5 or 30/11 (which), any other day has none. */
  | { shape: "cutoff"; year: number; which: 1 | 2 | null };

/** 31/5 → 1, 30/11 → 2, any other day → null (QĐ 1454/QĐ-TLĐ has these two cut-offs only). */
function cutoffOf(month: number, day: number): 1 | 2 | null {
  if (month === 5 && day === 31) return 1;
  if (month === 11 && day === 30) return 2;
  return null;
}

function shapeOf(s: string): Shape | null {
  const t = s
    .normalize("NFC")
    .trim()
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/[\u2013\u2212]/g, "-");
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(t))) {
    return { shape: "year", year: Number(m[1]) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(t))) {
    return { shape: "quarter", year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  }
  if ((m = /^(\d{4})-H([12])$/.exec(t))) {
    return { shape: "half", year: Number(m[1]), half: Number(m[2]) as 1 | 2 };
  }
  if ((m = /^(\d{4})-M9$/.exec(t))) {
    return { shape: "nineMonths", year: Number(m[1]) };
  }
  if ((m = /^(\d{4})-(\d{4})(?:-H([12]))?$/.exec(t))) {
    const half = m[3] ? (Number(m[3]) as 1 | 2) : undefined;
    return { shape: "range", startYear: Number(m[1]), endYear: Number(m[2]), half };
  }
  // ISO as the period code is written, or the forms' own "31/5/2025" typed by hand.
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    return { shape: "cutoff", year: Number(m[1]), which: cutoffOf(Number(m[2]), Number(m[3])) };
  }
  if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) {
    return { shape: "cutoff", year: Number(m[3]), which: cutoffOf(Number(m[2]), Number(m[1])) };
  }
  return null;
}

/**
 * The kinds a period string can have: one for most, three for a plain range
 * ("2023-2028" → multiYear, midTerm, term), only midTerm for "2023-2028-H2"; [] when invalid.
 */
export function periodKindsOf(s: string): PeriodKind[] {
  const shape = shapeOf(s);
  if (!shape || (shape.shape === "cutoff" && shape.which === null)) {
    return [];
  }
  if (shape.shape !== "range") {
    return [shape.shape];
  }
  return shape.half === undefined ? [...RANGE_KINDS] : ["midTerm"];
}

/**
 * Parses a period string. `kind` picks the meaning of a range; without it a range is read as
 * multiYear ("giai đoạn"), its most general meaning. A kind that does not fit the string is an
 * error, as are years outside 1900–9999 and ranges that do not go forward.
 */
export function parsePeriod(s: string, kind?: PeriodKind): Period | PeriodError {
  const shape = shapeOf(s);
  if (!shape) {
    return { error: `“${s.trim()}” không phải là kỳ báo cáo hợp lệ (ví dụ: ${EXAMPLES}).` };
  }
  if (shape.shape === "cutoff" && shape.which === null) {
    return {
      error: `“${s.trim()}” là một ngày nhưng không phải mốc số liệu thống kê: chỉ có hai mốc 31/5 và 30/11 (viết ${shape.year}-05-31 hoặc ${shape.year}-11-30).`,
    };
  }
  const kinds = periodKindsOf(s);
  const chosen = kind ?? kinds[0];
  if (!kinds.includes(chosen)) {
    const actual = kinds.map((k) => KIND_NAMES_VI[k]).join(" / ");
    return { error: `“${s.trim()}” là kỳ ${actual}, không phải kỳ ${KIND_NAMES_VI[chosen]}.` };
  }
  const years = shape.shape === "range" ? [shape.startYear, shape.endYear] : [shape.year];
  const badYear = years.find((y) => y < MIN_PERIOD_YEAR || y > MAX_PERIOD_YEAR);
  if (badYear !== undefined) {
    return {
      error: `Năm ${badYear} nằm ngoài khoảng ${MIN_PERIOD_YEAR}–${MAX_PERIOD_YEAR} trong “${s.trim()}”.`,
    };
  }
  switch (shape.shape) {
    case "quarter":
      return quarterPeriod(shape.year, shape.quarter);
    case "half":
      return halfPeriod(shape.year, shape.half);
    case "nineMonths":
      return nineMonthsPeriod(shape.year);
    case "year":
      return yearPeriod(shape.year);
    case "cutoff":
      // which is 1 or 2 here: a date that is no cut-off returned its error above.
      return cutoffPeriod(shape.year, shape.which ?? 1);
    case "range":
      if (shape.endYear <= shape.startYear) {
        return { error: `“${s.trim()}”: năm kết thúc phải sau năm bắt đầu.` };
      }
      return chosen === "midTerm"
        ? midTermPeriod(shape.startYear, shape.endYear, shape.half ?? 1)
        : rangePeriod(chosen === "term" ? "term" : "multiYear", shape.startYear, shape.endYear);
  }
}
