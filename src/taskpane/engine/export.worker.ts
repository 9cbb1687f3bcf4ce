// The Web Worker of "Xuất Word": builds the draft off the main thread, so the pane keeps answering
// clicks and repaints while a long document is drawn. One request, one answer; the .docx bytes are
// transferred, not copied.
import type { ExportInputs } from "./export-inputs";
import { exportDraft } from "./export-run";
import type { WorkerReply, WorkerRequest } from "./export-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

async function handle(id: number, inputs: ExportInputs): Promise<void> {
  try {
    const draft = await exportDraft(inputs);
    scope.postMessage({ id, ok: true, draft }, [draft.bytes.buffer]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    scope.postMessage({ id, ok: false, error: { name: e.name, message: e.message } });
  }
}

scope.onmessage = (e) => void handle(e.data.id, e.data.inputs);
