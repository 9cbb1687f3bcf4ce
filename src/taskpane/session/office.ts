// Hosted mode: the workbook open in Excel, through Excel.run and the Office.js adapter (in the engine
// chunk, loaded at start-up).
import type { ExistingTemplate } from "../../adapters/office/existing";
import { officeApiSupport, type ApiSupport } from "../../adapters/office/requirements";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { loadEngine } from "../engine";
import type { InsertOutcome, InsertRequest, WorkbookSession } from "./types";

/** ExcelApi 1.7 (Office 2019) is what the add-in needs at least; older hosts get a message instead. */
export const MIN_EXCEL_API = "1.7";

export class OfficeSession implements WorkbookSession {
  readonly mode = "hosted" as const;
  readonly supports: ApiSupport;

  constructor(supports: ApiSupport = officeApiSupport()) {
    this.supports = supports;
  }

  /** False on Excel 2016 and older: the pane then explains that Office 2019 or later is needed. */
  get apiSupported(): boolean {
    return this.supports(MIN_EXCEL_API);
  }

  async insertTemplate(request: InsertRequest): Promise<InsertOutcome> {
    const engine = await loadEngine();
    return Excel.run((ctx) =>
      engine.insertTemplate(ctx, request.template, {
        data: request.data,
        confirmReplace: request.confirmReplace,
        supports: this.supports,
      })
    );
  }

  async findTemplate(): Promise<ExistingTemplate | null> {
    const engine = await loadEngine();
    return Excel.run((ctx) => engine.findTemplateInWorkbook(ctx));
  }

  async removeTemplate(existing: ExistingTemplate): Promise<void> {
    const engine = await loadEngine();
    return Excel.run((ctx) => engine.removeTemplate(ctx, existing));
  }

  async readWorkbook(): Promise<WorkbookSnapshot | null> {
    const engine = await loadEngine();
    const r = await Excel.run((ctx) => engine.readOpenWorkbook(ctx, { supports: this.supports }));
    return r.snapshot;
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }
}
