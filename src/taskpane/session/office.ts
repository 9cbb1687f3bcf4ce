// Hosted mode: the workbook open in Excel, through Excel.run and the Office.js adapter (in the engine
// chunk, loaded at start-up).
import type { ExistingTemplate } from "../../adapters/office/existing";
import { officeApiSupport, type ApiSupport } from "../../adapters/office/requirements";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { loadEngine } from "../engine";
import { readPreviousPeriodFile } from "./xlsx-loader";
import {
  runConsolidation,
  type ConsolidateChoices,
  type ConsolidateOutcome,
  type ConsolidateRun,
  type PickedFile,
} from "./consolidate";
import type {
  InsertOutcome,
  InsertRequest,
  PreviousPeriodResult,
  ValidateOptions,
  ValidationOutcome,
  WorkbookSession,
} from "./types";

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

  async selectCell(sheet: string, address: string): Promise<void> {
    const engine = await loadEngine();
    return Excel.run((context) => engine.selectCell(context, sheet, address));
  }

  /**
   * Reads the workbook in 2 syncs (the total rows' formulas included, so an overwritten total is
   * caught), validates it, then replaces the marks (conditional formats; at most MAX_MARKS).
   */
  async validate(options: ValidateOptions = {}): Promise<ValidationOutcome> {
    const engine = await loadEngine();
    const read = await Excel.run((context) =>
      engine.readOpenWorkbook(context, { supports: this.supports, formulasOf: engine.isTotalName })
    );
    const checked = await engine.checkWorkbook(read.snapshot, options.previous);
    if (!checked.ok) {
      // Marks of an earlier check go, as they do on every check.
      const names = read.snapshot.sheets.map((x) => x.name);
      const marks = await Excel.run((context) => engine.clearMarks(context, names));
      return { status: "problem", problem: checked.problem, syncs: { read: read.syncs, marks } };
    }
    const { report } = checked;
    // The read has just listed the sheets: marking reuses them and saves a round trip.
    const names = read.snapshot.sheets.map((x) => x.name);
    const marks = await Excel.run((context) =>
      engine.markFindings(context, report.findings, names)
    );
    return {
      status: "checked",
      templateId: checked.template.id,
      templateVersion: checked.version,
      findings: report.findings,
      errors: report.errors,
      warnings: report.warnings,
      ready: report.ready,
      previous: options.previous ?? null,
      marked: marks.marked,
      notMarked: marks.notMarked,
      syncs: { read: read.syncs, marks: marks.syncs },
    };
  }

  async clearMarks(): Promise<number> {
    const engine = await loadEngine();
    return Excel.run((context) => engine.clearMarks(context));
  }

  readPreviousPeriod(file: Blob & { name: string }): Promise<PreviousPeriodResult> {
    return readPreviousPeriodFile(file);
  }

  /** The consolidated workbook goes in through insertTemplate: its confirm and rename rules apply. */
  consolidate(
    files: readonly PickedFile[],
    choices: ConsolidateChoices,
    run: ConsolidateRun = {}
  ): Promise<ConsolidateOutcome> {
    return runConsolidation(files, choices, run, async (result) => ({
      insert: await this.insertTemplate({
        template: result.template,
        data: result.data ?? undefined,
        confirmReplace: run.confirmReplace ?? (async () => false),
      }),
      fileName: null,
    }));
  }
}
