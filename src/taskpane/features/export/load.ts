// Loads the "Xuất Word" chunk (src/taskpane/engine/export.ts) once, when the tab first needs it.
export type ExportEngine = typeof import("../../engine/export");

let pending: Promise<ExportEngine> | null = null;

export function loadExportEngine(): Promise<ExportEngine> {
  pending ??= import(/* webpackChunkName: "export" */ "../../engine/export");
  pending.catch(() => (pending = null));
  return pending;
}
