// Hosted mode: the workbook open in Excel, through Excel.run and the Office.js adapter (in the engine
// chunk, loaded at start-up).
import type { ExistingTemplate } from "../../adapters/office/existing";
import type { WorkbookLayout } from "../../adapters/office/read";
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

  /** The sheets and total names the last check read: the next check asks for them at once. */
  private layout: WorkbookLayout | undefined;

  /**
   * One request context for the whole check: the read (the total rows' formulas included, so an
   * overwritten total is caught, and each sheet's protection and conditional formats, which the
   * marks need), the validation, then the marks (conditional formats; at most MAX_MARKS). Two
   * round trips when the sheets are those of the previous check (read, marks), three the first
   * time (sheet list, read, marks); the marks' one is skipped when there is nothing to clear or draw.
   */
  async validate(options: ValidateOptions = {}): Promise<ValidationOutcome> {
    const engine = await loadEngine();
    return Excel.run(async (context): Promise<ValidationOutcome> => {
      const read = await engine.readOpenWorkbook(context, {
        supports: this.supports,
        formulasOf: engine.isTotalName,
        sheetStates: true,
        known: this.layout,
      });
      this.layout = read.layout;
      const checked = await engine.checkWorkbook(read.snapshot, options.previous);
      const names = read.snapshot.sheets.map((x) => x.name);
      // Marks of an earlier check go, as they do on every check.
      const findings = checked.ok ? checked.report.findings : [];
      const marks = read.states
        ? await engine.markWithStates(context, findings, read.states)
        : await engine.markFindings(context, findings, names);
      if (!checked.ok) {
        return {
          status: "problem",
          problem: checked.problem,
          syncs: { read: read.syncs, marks: marks.syncs },
        };
      }
      const { report } = checked;
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
    });
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
