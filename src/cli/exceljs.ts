// The CLI loads ExcelJS directly; the browser build loads it lazily through the same adapter API.
import * as ExcelJS from "exceljs";
import type { ExcelJsModule } from "../adapters/xlsx/render";

export const exceljs = ExcelJS as unknown as ExcelJsModule;
