// Preview mode (no Excel): the workbook lives in memory as .xlsx bytes plus the snapshot the viewer
// shows. ExcelJS and the writer are loaded on first use (chunk "xlsx-tools" + "exceljs").
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { parseRange } from "../../core/layout/a1";
import { workbookFileName, openedFileName } from "../logic/file-name";
import { Store } from "./store";
import type { InsertOutcome, InsertRequest, WorkbookSession } from "./types";

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
}

type XlsxTools = typeof import("./xlsx-tools");

let tools: Promise<XlsxTools> | null = null;

function loadTools(): Promise<XlsxTools> {
  tools ??= import(/* webpackChunkName: "xlsx-tools" */ "./xlsx-tools");
  tools.catch(() => (tools = null));
  return tools;
}

export class PreviewSession implements WorkbookSession {
  readonly mode = "preview" as const;
  readonly store = new Store<PreviewState>({ workbook: null, selection: null });
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
    this.store.set({ workbook, selection: null });
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
    const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
    const range = parseRange(local);
    if (!target || !range) throw new Error(`${sheet}!${address}`);
    this.store.set({
      selection: { sheet: target.name, row: range.top, col: range.left, seq: ++this.seq },
    });
  }
}
