// Preview mode (no Excel): the workbook lives in memory as .xlsx bytes plus the snapshot the viewer
// shows. ExcelJS and the writer are loaded on first use (chunk "xlsx-tools" + "exceljs").
// "Kiểm tra" marks findings in the viewer only: the bytes (what "Tải xuống" saves) never change.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { loadEngine } from "../engine";
import { workbookFileName, openedFileName } from "../logic/file-name";
import { localRange, previewMarks, type PreviewMark } from "../logic/sheet-marks";
import { Store } from "./store";
import { loadTools, readPreviousPeriodFile } from "./xlsx-loader";
import {
  runConsolidation,
  showConsolidatedInPreview,
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

export type { PreviewMark };

export interface PreviewWorkbook {
  fileName: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  /** Number formats by sheet, in the shape of the snapshot's values (dates and rates for the viewer). */
  numFmts: Record<string, (string | null)[][]>;
  templateId: string | null;
  period: string | null;
  origin: "created" | "opened";
}

export interface PreviewSelection {
  sheet: string;
  /** Top-left cell of what was asked for, e.g. "B5". */
  row: number;
  col: number;
  /** Changes on every request, so selecting the same cell again scrolls to it again. */
  seq: number;
}

export interface PreviewState {
  workbook: PreviewWorkbook | null;
  selection: PreviewSelection | null;
  /** The last check's findings, drawn over the viewer's cells; null when there are none. */
  marks: readonly PreviewMark[] | null;
}

const NO_SYNCS = { read: 0, marks: 0 } as const;

export class PreviewSession implements WorkbookSession {
  readonly mode = "preview" as const;
  readonly store = new Store<PreviewState>({ workbook: null, selection: null, marks: null });
  private seq = 0;

  /** Starts loading ExcelJS in the background, so the first "Tạo sổ tính" is quick. */
  warmUp(): void {
    void loadTools()
      .then((t) => t.loadExcelJs())
      .catch(() => undefined);
  }

  async insertTemplate(request: InsertRequest): Promise<InsertOutcome> {
    const t = await loadTools();
    const { bytes, sheets } = await t.createWorkbookBytes(request.template, request.data);
    const period = request.data?.header.period ?? null;
    const fileName = workbookFileName(request.template.id, period);
    const opened = await t.openWorkbookBytes(bytes, fileName);
    this.store.set({
      workbook: {
        fileName,
        bytes,
        ...opened,
        templateId: request.template.id,
        period,
        origin: "created",
      },
      selection: null,
      marks: null,
    });
    return { status: "inserted", sheets, renamed: [], skipped: [], replaced: null, syncs: 0 };
  }

  /** Reads a file the user chose; throws XlsxReadError (Vietnamese message) when it is not a workbook. */
  async openFile(file: Blob & { name: string }): Promise<PreviewWorkbook> {
    const [t, buffer] = await Promise.all([loadTools(), file.arrayBuffer()]);
    const bytes = new Uint8Array(buffer);
    const opened = await t.openWorkbookBytes(bytes, file.name);
    const workbook: PreviewWorkbook = {
      fileName: openedFileName(file.name),
      bytes,
      ...opened,
      origin: "opened",
    };
    this.store.set({ workbook, selection: null, marks: null });
    return workbook;
  }

  /** Saves the current workbook through the browser's download. */
  download(doc: Document = document): void {
    const wb = this.store.get().workbook;
    if (!wb) return;
    const blob = new Blob([wb.bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = doc.createElement("a");
    a.href = url;
    a.download = wb.fileName;
    a.rel = "noopener";
    a.style.display = "none";
    doc.body.appendChild(a);
    a.click();
    a.remove();
    // Revoke later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  async readWorkbook(): Promise<WorkbookSnapshot | null> {
    return this.store.get().workbook?.snapshot ?? null;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    const wb = this.store.get().workbook;
    const target = wb?.snapshot.sheets.find(
      (s) => s.name.toLocaleLowerCase("vi") === sheet.toLocaleLowerCase("vi")
    );
    const range = localRange(address);
    if (!target || !range) throw new Error(`${sheet}!${address}`);
    this.store.set({
      selection: { sheet: target.name, row: range.top, col: range.left, seq: ++this.seq },
    });
  }

  async validate(options: ValidateOptions = {}): Promise<ValidationOutcome> {
    const wb = this.store.get().workbook;
    if (!wb) {
      this.store.set({ marks: null });
      return { status: "problem", problem: { kind: "noWorkbook" }, syncs: NO_SYNCS };
    }
    const engine = await loadEngine();
    const checked = await engine.checkWorkbook(wb.snapshot, options.previous);
    // A workbook opened while the engine loaded is not the one checked: leave its view alone.
    const current = this.store.get().workbook === wb;
    const marks = checked.ok ? previewMarks(checked.report.findings, wb.snapshot) : [];
    if (current) this.store.set({ marks: marks.length > 0 ? marks : null });
    const marked = { marked: marks.length, notMarked: 0, notes: null, notesSheet: null };
    return checkOutcome(checked, options.previous ?? null, marked, NO_SYNCS);
  }

  /** The marks are the viewer's only: nothing to undo in the workbook's bytes. */
  async clearMarks(): Promise<number> {
    this.store.set({ marks: null });
    return 0;
  }

  readPreviousPeriod(file: Blob & { name: string }): Promise<PreviousPeriodResult> {
    return readPreviousPeriodFile(file);
  }

  /** The consolidated workbook replaces the viewer's, named tong-hop-<mẫu>-<kỳ>.xlsx. */
  consolidate(
    files: readonly PickedFile[],
    choices: ConsolidateChoices,
    run: ConsolidateRun = {}
  ): Promise<ConsolidateOutcome> {
    return runConsolidation(files, choices, run, (result) =>
      showConsolidatedInPreview(this.store, result)
    );
  }
}
