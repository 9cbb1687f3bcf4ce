/**
 * In-memory Excel host for tests. See README.md for what is simulated and how it differs from
 * real Excel.
 */
export { ExcelHost, SheetView, DEFAULT_LIMITS, DEFAULT_THEME, FIVE_MB } from "./host";
export type { CellView, ChartView, ExcelHostOptions, NameView, OfficeTheme } from "./host";
export { asExcelRuntime, createExcelHost, installGlobals, runtimeFor } from "./runtime";
export type { CreatedExcelHost, ExcelRuntime, RawRuntime } from "./runtime";
export type { ApiCheckMode, HostLimits, SyncStat } from "./client";
export { ErrorCodes, OfficeExtensionError } from "./errors";
export { LATEST_EXCEL_API, PROFILES, compareVersions, isSetSupported } from "./profiles";
export type { ProfileName } from "./profiles";
export type {
  CellInput,
  CellSnapshot,
  ChartSeriesSnapshot,
  ChartSnapshot,
  NameSnapshot,
  SheetSnapshot,
  WorkbookSnapshot,
} from "./snapshot";
export type { CellValue, DataValidationState } from "./state";
