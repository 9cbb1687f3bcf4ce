// The Web Worker of "Tổng hợp": reads, screens and consolidates the units' files off the main
// thread (the same consolidatePickedFiles the main thread would run, itself the driver of
// `baocao consolidate`), so the pane repaints its progress and answers "Dừng" however large the
// files. In the preview it also writes the consolidated workbook and reads it for the viewer. While
// the pane is idle it is started and loads ExcelJS ("warm"), so the first run does not wait for it.
import type { ConsolidateReply, ConsolidateRequest, FileInput } from "./consolidate-protocol";
import type { PickedFile } from "./consolidate";
import { ownConsolidatedTemplate } from "./consolidate-template";
import { templateFinder } from "../templates/worker-templates";
import { planWorkbook } from "../../core/layout/planner";
import { planToXlsxDirect } from "../../adapters/xlsx/write";
import { consolidatePickedFiles, loadExcelJs, openWorkbookBytes, openedOfPlan } from "./xlsx-tools";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ConsolidateRequest>) => void) | null;
  postMessage(message: ConsolidateReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const running = new Map<number, AbortController>();

function fail(id: number, err: unknown): void {
  const e = err instanceof Error ? err : new Error(String(err));
  scope.postMessage({ id, kind: "error", error: { name: e.name, message: e.message } });
}

/** The picked file under its name: a File as it came (its `name` cannot be set), a Blob named. */
function picked(f: FileInput): PickedFile {
  if (typeof File !== "undefined" && f.blob instanceof File)
    return f.blob.name === f.name && f.blob.lastModified === (f.lastModified ?? f.blob.lastModified)
      ? f.blob
      : new File([f.blob], f.name, { lastModified: f.lastModified ?? f.blob.lastModified });
  return Object.assign(f.blob, { name: f.name, lastModified: f.lastModified });
}

async function handle(request: ConsolidateRequest): Promise<void> {
  const { id } = request;
  if (request.kind === "stop") {
    running.get(id)?.abort();
    return;
  }
  if (request.kind === "warm") {
    // Nothing to report: a warm-up that fails leaves the first real job to fail (and fall back).
    await warmUp().catch(() => undefined);
    return;
  }
  try {
    if (request.kind === "consolidate") {
      const controller = new AbortController();
      running.set(id, controller);
      try {
        const result = await consolidatePickedFiles(request.files.map(picked), request.choices, {
          onProgress: (progress) => scope.postMessage({ id, kind: "progress", progress }),
          signal: controller.signal,
          find: templateFinder(request.templates),
        });
        scope.postMessage({ id, kind: "result", result });
      } finally {
        running.delete(id);
      }
      return;
    }
    // Written as the CLI writes a consolidation (write.ts), not through ExcelJS: for 300 units
    // ExcelJS's writer took longer than reading the units' files.
    const plan = planWorkbook(
      ownConsolidatedTemplate(request.template, templateFinder(request.templates)),
      request.data ?? undefined
    );
    const bytes = planToXlsxDirect(plan);
    const sheets = plan.sheets.map((s) => s.name);
    // Read from the plan, not by parsing the bytes just written (the same reading, see openedOfPlan).
    const opened = openedOfPlan(plan);
    // Transferred, not copied, when the bytes fill their own buffer (nothing here uses them after).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    scope.postMessage(
      { id, kind: "workbook", workbook: { bytes, sheets, opened } },
      whole ? [bytes.buffer as ArrayBuffer] : []
    );
  } catch (err) {
    fail(id, err);
  }
}

/** ExcelJS loaded, and its reading path (with the pre-scan) run once on a one-cell workbook, so
 * the browser has compiled them before the user's files arrive. */
async function warmUp(): Promise<void> {
  const exceljs = await loadExcelJs();
  const wb = new exceljs.Workbook();
  wb.addWorksheet("A").getCell(1, 1).value = 1;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await openWorkbookBytes(bytes, "warm.xlsx");
}

scope.onmessage = (e) => void handle(e.data);
