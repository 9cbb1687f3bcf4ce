// The workbook plan: everything a writer needs to produce a template workbook, as plain data.
// Both writers (ExcelJS for files, Office.js for the open workbook) render the same plan, so the
// same template gives the same cells whichever way it is inserted.
import type { RangeAddress } from "./a1";
import type { StyleName } from "./styles";
import type { NameTarget } from "./names";

export type PlanValue = string | number | boolean | null;

export interface PlanCell {
  row: number;
  col: number;
  value?: PlanValue;
  /** Formula without the leading "=" (ExcelJS style); Office.js writers prefix it. */
  formula?: string;
  /** The value the formula gives for the data written with it, so files open with correct figures. */
  result?: PlanValue;
  style: StyleName;
  numFmt?: string;
}

export type ValidationKind = "whole" | "decimal" | "date" | "list" | "textLength";
export type ValidationOperator =
  "between" | "greaterThanOrEqual" | "lessThanOrEqual" | "greaterThan" | "lessThan" | "equal";

export interface PlanValidation {
  range: RangeAddress;
  kind: ValidationKind;
  operator: ValidationOperator;
  /** Numbers for numeric rules, Excel serial numbers for dates, the item list for lists. */
  formula1: number | string[];
  formula2?: number;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export type SheetRole =
  "cover" | "section" | "table" | "targets" | "units" | "meta" | "sources" | "subtotals";

export interface SheetPlan {
  /** Stable identity: "cover", "targets", "units", "meta", "section:<id>", "table:<id>". */
  key: string;
  name: string;
  role: SheetRole;
  hidden: boolean;
  /** Column widths in characters (Excel's unit); index 0 is column A. */
  columns: number[];
  rowHeights: Record<number, number>;
  cells: PlanCell[];
  merges: RangeAddress[];
  validations: PlanValidation[];
  freeze?: { rows: number; columns: number };
  print: { landscape: boolean; titleRows?: { first: number; last: number } };
  protect: boolean;
  tabColor?: string;
}

export interface PlannedName {
  name: string;
  target: NameTarget;
  sheet: string;
  range: RangeAddress;
}

export interface WorkbookPlan {
  templateId: string;
  templateVersion: string;
  sheets: SheetPlan[];
  names: PlannedName[];
}

export const LAYOUT_VERSION = 1;
