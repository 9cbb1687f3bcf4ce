// Hosted mode: the workbook open in Excel, through Excel.run and the Office.js adapter (in the engine
// chunk, loaded at start-up).
import type { ExistingTemplate } from "../../adapters/office/existing";
import type { WorkbookLayout } from "../../adapters/office/read";
import { officeApiSupport, type ApiSupport } from "../../adapters/office/requirements";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { loadEngine } from "../engine";
import { loadTools, readPreviousPeriodFile } from "./xlsx-loader";
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
import { checkOutcome } from "./check-outcome";

/** ExcelApi 1.7 (Office 2019) is what the add-in needs at least; older hosts get a message instead. */
export const MIN_EXCEL_API = "1.7";

/** Excel.createWorkbook, which opens a new workbook from .xlsx bytes, came with ExcelApi 1.8. */
export const NEW_WORKBOOK_API = "1.8";

/** The bytes as base64, in slices (a spread of a few MB would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

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
   * overwritten total is caught, and each sheet's protection, conditional formats and comments,
   * which the marks need), the validation, then the marks (conditional formats, at most MAX_MARKS,
   * and their notes: comments, or a findings sheet on Excel without comments). Two round trips,
   * read and marks, the first time too: without the previous check's sheets the read asks for
   * them by position beside the sheet list. The marks' one is skipped when there is nothing to
   * clear or draw. More only when: the user has comments of their own on a sheet that gets marks
   * (one to find their cells), the sheets are new or more than the read asks for by position
   * (one to read the rest), or the workbook is too big for one response (read in blocks).
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
        ? await engine.markWithStates(context, findings, read.states, { supports: this.supports })
        : await engine.markFindings(context, findings, names, { supports: this.supports });
      // The next check asks at once for the sheets as the marks left them (a findings sheet made
      // or deleted on Excel without comments), so it still reads in one round trip.
      const removed = new Set(marks.removedSheets);
      if (read.layout) {
        this.layout = {
          ...read.layout,
          sheets: [
            ...read.layout.sheets.filter((n) => !removed.has(n)),
            ...(marks.notesSheet ? [marks.notesSheet] : []),
          ],
        };
      }
      return checkOutcome(checked, options.previous ?? null, marks, {
        read: read.syncs,
        marks: marks.syncs,
      });
    });
  }

  async clearMarks(): Promise<number> {
    const engine = await loadEngine();
    return Excel.run((context) =>
      engine.clearMarks(context, undefined, { supports: this.supports })
    );
  }

  readPreviousPeriod(file: Blob & { name: string }): Promise<PreviousPeriodResult> {
    return readPreviousPeriodFile(file);
  }

  /** Whether "Mở sổ mới" can open a workbook beside the open one (ExcelApi 1.8). */
  get canOpenNewWorkbook(): boolean {
    return this.supports(NEW_WORKBOOK_API) && typeof Excel.createWorkbook === "function";
  }

  /**
   * The consolidated workbook goes in through insertTemplate: its confirm and rename rules apply.
   * When the open workbook already holds a template, the user may open the consolidation in a new
   * workbook instead ("Mở sổ mới"), which leaves the open one as it is.
   */
  async consolidate(
    files: readonly PickedFile[],
    choices: ConsolidateChoices,
    run: ConsolidateRun = {}
  ): Promise<ConsolidateOutcome> {
    let newWorkbook = false;
    const ask = run.confirmReplace ?? (async () => false);
    const outcome = await runConsolidation(files, choices, run, async (result) => {
      const data = result.data ?? undefined;
      const insert = await this.insertTemplate({
        template: result.template,
        data,
        confirmReplace: async (existing) => {
          const answer = await ask(existing);
          newWorkbook = answer === "newWorkbook";
          return answer === true;
        },
      });
      if (!newWorkbook) return { insert, fileName: null };
      const tools = await loadTools();
      const { bytes, sheets } = await tools.createWorkbookBytes(result.template, data);
      await Excel.createWorkbook(toBase64(bytes));
      return {
        insert: { status: "inserted", sheets, renamed: [], skipped: [], replaced: null, syncs: 0 },
        fileName: null,
      };
    });
    return outcome.status === "written" && newWorkbook ? { ...outcome, newWorkbook } : outcome;
  }
}
