// Flat data as a workbook: one sheet, the header row of core/flat and one row per figure, with a
// filter on the header so it is a ready source for a pivot table.
import { FLAT_COLUMNS, type FlatRow } from "../../core/flat";
import type { ExcelJsModule } from "./render";

export const FLAT_SHEET = "Dữ liệu";

export async function flatToXlsx(
  exceljs: ExcelJsModule,
  rows: readonly FlatRow[]
): Promise<Uint8Array> {
  const wb = new exceljs.Workbook();
  const ws = wb.addWorksheet(FLAT_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = FLAT_COLUMNS.map((key) => ({
    header: key,
    key,
    width: key === "label" ? 60 : key === "unit" || key === "parent" ? 28 : 14,
  }));
  ws.getRow(1).font = { bold: true };
  // An empty text (no parent) is a blank cell, as a pivot table expects, not a zero-length string.
  for (const r of rows) ws.addRow(FLAT_COLUMNS.map((c) => (r[c] === "" ? null : r[c])));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: FLAT_COLUMNS.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
