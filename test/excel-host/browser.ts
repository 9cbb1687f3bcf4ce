/**
 * Browser entry: run before the task pane's scripts (Playwright addInitScript) to stand in for
 * office.js. Reads window.__excelHostConfig if an earlier init script set it.
 */
import { ExcelHost, ExcelHostOptions } from "./host";
import { runtimeFor } from "./runtime";

export interface BrowserConfig extends Omit<ExcelHostOptions, "workbook"> {
  workbook?: ExcelHostOptions["workbook"];
}

interface HostWindow {
  __excelHostConfig?: BrowserConfig;
  __excelHost?: ExcelHost;
  Office?: unknown;
  Excel?: unknown;
  OfficeExtension?: unknown;
  document?: { readyState: string; addEventListener(type: string, fn: () => void): void };
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

function install(): void {
  const w = globalThis as unknown as HostWindow;
  // Frames and repeated injection reuse the first host so state is not silently reset.
  if (w.__excelHost) return;
  const config = w.__excelHostConfig ?? {};
  const host = new ExcelHost(config);
  const rt = runtimeFor(host);
  w.__excelHost = host;
  w.Office = rt.Office;
  w.Excel = rt.Excel;
  w.OfficeExtension = rt.OfficeExtension;
  // office.js becomes ready asynchronously once the page has loaded; mirror that ordering.
  const later = (fn: () => void) =>
    w.setTimeout ? w.setTimeout(fn, 0) : Promise.resolve().then(fn);
  const doc = w.document;
  if (!doc || doc.readyState !== "loading") later(rt.markReady);
  else doc.addEventListener("DOMContentLoaded", () => later(rt.markReady));
}

install();
