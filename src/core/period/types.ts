/**
 * Reporting periods. The period string is the data contract between workbook, CLI and drafts:
 * "2024-Q1".."2024-Q4" quý · "2024-H1"/"2024-H2" 6 tháng đầu/cuối năm · "2024-M9" 9 tháng đầu năm ·
 * "2024" năm · "2021-2024" giai đoạn (multi-year) · "2023-2028" nhiệm kỳ: the same range syntax
 * serves multiYear, midTerm and term, and the report's period KIND tells them apart.
 * "2023-2028-H2" (remaining half of a term) is the one extension, produced by nextPeriod.
 * "2025-05-31"/"2025-11-30" số liệu tính đến ngày: the statistical cut-off dates of QĐ 1454/QĐ-TLĐ
 * (Mẫu số 1-HĐCĐ, 2-HĐCĐ), written as the ISO date itself.
 */
export type PeriodKind =
  "quarter" | "half" | "nineMonths" | "year" | "multiYear" | "midTerm" | "term" | "cutoff";

export const PERIOD_KINDS: readonly PeriodKind[] = [
  "quarter",
  "half",
  "nineMonths",
  "year",
  "multiYear",
  "midTerm",
  "term",
  "cutoff",
];

export interface Period {
  kind: PeriodKind;
  /** Canonical period string ("2024-Q1", "2023-2028"). */
  text: string;
  /** First and last calendar year named by the period; for midTerm, the term's years. */
  startYear: number;
  endYear: number;
  /** 1–4 for quarters. */
  quarter?: 1 | 2 | 3 | 4;
  /**
   * 1–2 for halves of a year; for midTerm: 1 = first half (the mid-term review), 2 = the rest;
   * for cutoff: 1 = 31/5, 2 = 30/11 (the two cut-offs split the year as the halves do).
   */
  half?: 1 | 2;
  /** First and last day covered, ISO 'YYYY-MM-DD', both inclusive. */
  start: string;
  end: string;
}

export interface PeriodError {
  error: string;
}

export function isPeriodError(result: Period | PeriodError): result is PeriodError {
  return "error" in result;
}
