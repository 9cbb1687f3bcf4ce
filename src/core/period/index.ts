/** Reporting periods and dates: parsing, labels, navigation, document dates, Excel serials. */
export {
  type Period,
  type PeriodKind,
  type PeriodError,
  PERIOD_KINDS,
  isPeriodError,
} from "./types";
export { parsePeriod, periodKindsOf, MIN_PERIOD_YEAR, MAX_PERIOD_YEAR } from "./parse";
export { periodLabel, type LabelLanguage } from "./label";
export { nextPeriod, previousPeriod, samePeriodLastYear } from "./navigate";
export { isDateInPeriod } from "./contains";
export { type CalendarDate, parseIsoDate, isValidIsoDate, toIsoDate } from "./isoDate";
export { formatDocumentDate, formatShortDate } from "./documentDate";
export { isoToExcelSerial, excelSerialToIso, MAX_EXCEL_SERIAL } from "./excelSerial";
