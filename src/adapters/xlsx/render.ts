// Renders a workbook plan with ExcelJS: the .xlsx writer of the CLI and the browser preview.
import type { Workbook, Worksheet, DataValidation, CellValue } from "exceljs";
import { qualified, rangeA1, type RangeAddress } from "../../core/layout/a1";
import type {
  PageSetup,
  PlanCell,
  PlanValidation,
  SheetPlan,
  WorkbookPlan,
} from "../../core/layout/plan";
import { excelJsStyle } from "./styles";

export type ExcelJsModule = typeof import("exceljs");

const OPERATORS: Record<PlanValidation["operator"], DataValidation["operator"]> = {
  between: "between",
  greaterThanOrEqual: "greaterThanOrEqual",
  lessThanOrEqual: "lessThanOrEqual",
  greaterThan: "greaterThan",
  lessThan: "lessThan",
  equal: "equal",
};

/** SpreadsheetML paper codes (ECMA-376 §18.3.1.63): 9 is A4. */
const PAPER_SIZES: Record<PageSetup["paper"], number> = { A4: 9 };

/** One header/footer line in Excel's codes: &L, &C and &R open the left, centre and right parts. */
export function headerFooterText(parts: PageSetup["footer"]): string {
  return (
    (parts.left ? `&L${parts.left}` : "") +
    (parts.center ? `&C${parts.center}` : "") +
    (parts.right ? `&R${parts.right}` : "")
  );
}

function cellValue(c: PlanCell): CellValue {
  if (c.formula !== undefined) {
    // ExcelJS writes the cached result, so files open with the right figures even where
    // the viewer does not recalculate.
    return c.result === undefined || c.result === null
      ? ({ formula: c.formula } as CellValue)
      : ({ formula: c.formula, result: c.result } as CellValue);
  }
  return (c.value ?? null) as CellValue;
}

/**
 * ExcelJS writes a date rule's bounds through `dateToExcel(new Date(formula))`: given a serial number
 * it would read it as milliseconds since 1970 and write 25569.0004…, a bound no real date meets.
 * Handing it the Date of the serial (UTC midnight) writes the serial back exactly.
 */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}

function bound(v: PlanValidation, n: number): number | Date {
  return v.kind === "date" ? serialToDate(n) : n;
}

/**
 * Always "C5:C5", never "C5": ExcelJS joins single-cell validations into ranges after sorting the
 * addresses as text (C10 before C5), which gives overlapping ranges (C10:C19 and C5:C19); a key
 * that is already a range is written as it is.
 */
function explicitRange(r: RangeAddress): string {
  const a = rangeA1(r);
  return a.includes(":") ? a : `${a}:${a}`;
}

function toValidation(v: PlanValidation): DataValidation {
  const formulae =
    v.kind === "list"
      ? [`"${(v.formula1 as string[]).join(",")}"`]
      : v.formula2 !== undefined
        ? [bound(v, v.formula1 as number), bound(v, v.formula2)]
        : [bound(v, v.formula1 as number)];
  return {
    type: v.kind,
    operator: OPERATORS[v.operator],
    formulae,
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.promptTitle,
    prompt: v.prompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: v.errorTitle,
    error: v.error,
  } as DataValidation;
}

async function renderSheet(wb: Workbook, sheet: SheetPlan): Promise<Worksheet> {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freeze
      ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
      : [{ state: "normal" }],
  });
  if (sheet.hidden) ws.state = "hidden";
  if (sheet.tabColor) ws.properties.tabColor = { argb: `FF${sheet.tabColor}` };
  sheet.columns.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = h;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = cellValue(c);
    // A copy per cell: ExcelJS's numFmt setter (and merges) write into the cell's style object.
    cell.style = { ...excelJsStyle(c.style), ...(c.numFmt ? { numFmt: c.numFmt } : {}) };
  }
  for (const m of sheet.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  // ExcelJS supports ranged validations but its typings only expose per-cell ones.
  const validations = (
    ws as unknown as { dataValidations: { add(a: string, v: DataValidation): void } }
  ).dataValidations;
  for (const v of sheet.validations) validations.add(explicitRange(v.range), toValidation(v));
  const page = sheet.page;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAPER_SIZES[page.paper],
    orientation: sheet.print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: page.fitToPagesWide,
    fitToHeight: 0,
    horizontalCentered: page.centerHorizontally,
    margins: { ...page.margins },
    ...(sheet.print.titleRows
      ? { printTitlesRow: `${sheet.print.titleRows.first}:${sheet.print.titleRows.last}` }
      : {}),
  };
  ws.headerFooter = { oddFooter: headerFooterText(page.footer) };
  if (sheet.protection) {
    // No password: protection guards labels and formulas against slips, not against the user.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: sheet.protection.formatColumns,
      formatRows: sheet.protection.formatRows,
    });
  }
  return ws;
}

export async function renderPlan(exceljs: ExcelJsModule, plan: WorkbookPlan): Promise<Workbook> {
  const wb = new exceljs.Workbook();
  wb.creator = "BáoCáo";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) await renderSheet(wb, sheet);
  wb.definedNames.model = plan.names.map((n) => ({
    name: n.name,
    ranges: [qualified(n.sheet, n.range)],
  }));
  return wb;
}

export async function planToXlsx(exceljs: ExcelJsModule, plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await renderPlan(exceljs, plan);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
