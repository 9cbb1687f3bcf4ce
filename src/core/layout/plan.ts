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

/**
 * How a sheet prints. Part of the plan, so both writers set the same paper, margins and footer:
 * a template inserted from the pane prints like the one the CLI writes.
 */
export interface PageSetup {
  paper: "A4";
  /** Pages wide to fit the sheet to; its height runs over as many pages as it needs. */
  fitToPagesWide: number;
  centerHorizontally: boolean;
  /** Inches, the unit of Excel's Page Setup dialog and of both writers' APIs. */
  margins: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  /** Excel header/footer codes: &P is the page number, &N the page count. */
  footer: { left: string; center: string; right: string };
}

export const PAGE_SETUP: Readonly<PageSetup> = Object.freeze({
  paper: "A4",
  fitToPagesWide: 1,
  centerHorizontally: true,
  margins: Object.freeze({
    left: 0.5,
    right: 0.4,
    top: 0.6,
    bottom: 0.6,
    header: 0.3,
    footer: 0.3,
  }),
  footer: Object.freeze({ left: "", center: "&P/&N", right: "" }),
}) as Readonly<PageSetup>;

/**
 * Sheet protection without a password: it guards labels and formulas against slips, not against
 * the user, who may still resize columns and rows.
 */
export interface SheetProtection {
  formatColumns: boolean;
  formatRows: boolean;
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
  page: PageSetup;
  /** Null: the sheet is left unprotected. */
  protection: SheetProtection | null;
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
