// The period picker's logic: the form's fields (kind, year, quarter, half, years of a range) to the
// canonical period code ("2024-Q1", "2023-2028") the workbook and the core use.
import {
  MAX_PERIOD_YEAR,
  MIN_PERIOD_YEAR,
  isPeriodError,
  parsePeriod,
  type Period,
  type PeriodKind,
} from "../../core/period";

export type Quarter = 1 | 2 | 3 | 4;
export type Half = 1 | 2;

export interface PeriodPickerState {
  kind: PeriodKind;
  /** Text of the year field (single-year kinds). */
  year: string;
  quarter: Quarter;
  /** Half of the year; for cut-off dates 1 = 31/5, 2 = 30/11 (as Period.half). */
  half: Half;
  /** Text of the first and last year fields (multiYear, midTerm, term). */
  startYear: string;
  endYear: string;
}

export type PickerField = "year" | "quarter" | "half" | "cutoff" | "startYear" | "endYear";

export type PickerResult =
  | { ok: true; period: Period }
  | { ok: false; error: "yearRange" | "rangeOrder"; field: PickerField };

export const ROMAN_QUARTERS = ["I", "II", "III", "IV"] as const;
/** The cut-off dates of QĐ 1454/QĐ-TLĐ as the forms print them, for state.half 1 and 2. */
export const CUTOFF_DATES = ["31/5", "30/11"] as const;

/** Congress terms of the trade-union system follow a 5-year cycle; the current one began in 2023. */
const TERM_ANCHOR = 2023;
const TERM_LENGTH = 5;
/** A "giai đoạn" default: the last four calendar years, as in seed 000 (2021–2024). */
const MULTI_YEAR_SPAN = 3;

export function isRangeKind(kind: PeriodKind): boolean {
  return kind === "multiYear" || kind === "midTerm" || kind === "term";
}

/** The fields the form shows for a kind of period, in order. */
export function fieldsOf(kind: PeriodKind): PickerField[] {
  switch (kind) {
    case "quarter":
      return ["quarter", "year"];
    case "half":
      return ["half", "year"];
    case "cutoff":
      return ["cutoff", "year"];
    case "nineMonths":
    case "year":
      return ["year"];
    default:
      return ["startYear", "endYear"];
  }
}

function termStart(year: number): number {
  return TERM_ANCHOR + TERM_LENGTH * Math.floor((year - TERM_ANCHOR) / TERM_LENGTH);
}

/** Range years that suit a kind around a given year. */
function rangeFor(kind: PeriodKind, year: number): { startYear: number; endYear: number } {
  if (kind === "multiYear") return { startYear: year - MULTI_YEAR_SPAN, endYear: year };
  const start = termStart(year);
  return { startYear: start, endYear: start + TERM_LENGTH };
}

/** The picker's starting values: the first kind the template allows, around today. */
export function defaultPickerState(
  kinds: readonly PeriodKind[],
  today: Date = new Date()
): PeriodPickerState {
  const kind = kinds[0] ?? "year";
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  const range = rangeFor(kind, year);
  return {
    kind,
    year: String(year),
    quarter: (Math.floor((month - 1) / 3) + 1) as Quarter,
    half: month <= 6 ? 1 : 2,
    startYear: String(range.startYear),
    endYear: String(range.endYear),
  };
}

/** Switches the kind, keeping the year the user chose and giving range kinds sensible years around it. */
export function withKind(state: PeriodPickerState, kind: PeriodKind): PeriodPickerState {
  if (kind === state.kind) return state;
  const wasRange = isRangeKind(state.kind);
  const year = toYear(wasRange ? state.endYear : state.year) ?? new Date().getFullYear();
  if (isRangeKind(kind)) {
    const range = rangeFor(kind, wasRange ? (toYear(state.startYear) ?? year) : year);
    return { ...state, kind, startYear: String(range.startYear), endYear: String(range.endYear) };
  }
  return { ...state, kind, year: String(year) };
}

/** The picker state showing an existing period (e.g. a sample's). */
export function stateFromPeriod(p: Period): PeriodPickerState {
  return {
    kind: p.kind,
    year: String(p.startYear),
    quarter: p.quarter ?? 1,
    half: p.half ?? 1,
    startYear: String(p.startYear),
    endYear: String(p.endYear),
  };
}

function toYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= MIN_PERIOD_YEAR && y <= MAX_PERIOD_YEAR ? y : null;
}

/** The canonical code of the picker's values (not yet validated), e.g. "2024-Q1", "2021-2024". */
export function pickerCode(state: PeriodPickerState): string {
  const y = state.year.trim();
  switch (state.kind) {
    case "quarter":
      return `${y}-Q${state.quarter}`;
    case "half":
      return `${y}-H${state.half}`;
    case "cutoff":
      return state.half === 2 ? `${y}-11-30` : `${y}-05-31`;
    case "nineMonths":
      return `${y}-M9`;
    case "year":
      return y;
    default:
      return `${state.startYear.trim()}-${state.endYear.trim()}`;
  }
}

/** Validates the picker's values and returns the period, or which field is wrong and why. */
export function resolvePicker(state: PeriodPickerState): PickerResult {
  if (isRangeKind(state.kind)) {
    const start = toYear(state.startYear);
    if (start === null) return { ok: false, error: "yearRange", field: "startYear" };
    const end = toYear(state.endYear);
    if (end === null) return { ok: false, error: "yearRange", field: "endYear" };
    if (end <= start) return { ok: false, error: "rangeOrder", field: "endYear" };
  } else if (toYear(state.year) === null) {
    return { ok: false, error: "yearRange", field: "year" };
  }
  const p = parsePeriod(pickerCode(state), state.kind);
  // The checks above cover every error parsePeriod reports for these shapes.
  if (isPeriodError(p))
    return { ok: false, error: "yearRange", field: isRangeKind(state.kind) ? "startYear" : "year" };
  return { ok: true, period: p };
}

export { MIN_PERIOD_YEAR, MAX_PERIOD_YEAR };
