/**
 * Shared helpers of the task pane's end-to-end tests: where the build and the screenshots are, the
 * hosted pane on the in-memory Excel host (test/excel-host), and layout checks.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { ExcelHost, WorkbookSnapshot as HostSnapshot } from "../excel-host";
import type { LaunchedBrowser } from "./browser";
import { watchErrors } from "./browser";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The built pane: dist/, or BAOCAO_DIST (a private build folder). */
export const DIST = process.env.BAOCAO_DIST
  ? path.resolve(process.env.BAOCAO_DIST)
  : path.join(ROOT, "dist");
/** Screenshots go here. */
export const OUT = path.join(ROOT, "test-results", "e2e");

/** Fails early with the command to run when the pane was not built; makes the screenshot folder. */
export function requireBuild(): void {
  if (!existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`${DIST}/taskpane.html thiếu: chạy \`npx webpack --mode production\` trước`);
  }
  mkdirSync(OUT, { recursive: true });
}

export type HostWindow = Window & { __excelHost: ExcelHost };

export type Profile = "1.7" | "1.8" | "1.13" | "latest";

export interface HostOptions {
  profile: Profile;
  displayLanguage?: string;
  bodyBackgroundColor?: string;
  /** Runs in the page after the host is installed (e.g. to fake an older Office). */
  patch?: string;
  /** The workbook the host starts with (an ExcelHost snapshot, e.g. from host.toSnapshot()). */
  workbook?: HostSnapshot;
}

export interface OpenedPane {
  page: Page;
  errors: ReturnType<typeof watchErrors>;
}

/**
 * Opens the built pane (served at baseUrl, with ?debug) on a fresh in-memory Excel host injected
 * before the page's scripts. office.js "loads" as an empty script: the host provides Office and Excel.
 */
export async function openHostedPane(
  browser: LaunchedBrowser,
  baseUrl: string,
  hostBundle: string,
  options: HostOptions
): Promise<OpenedPane> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  // Dialogs appear without their fade-in, so screenshots show them as users see them once open.
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: "/* office.js stand-in */" })
  );
  const config = {
    profile: options.profile,
    displayLanguage: options.displayLanguage ?? "vi-VN",
    ...(options.bodyBackgroundColor
      ? { officeTheme: { bodyBackgroundColor: options.bodyBackgroundColor } }
      : {}),
    ...(options.workbook ? { workbook: options.workbook } : {}),
  };
  await page.addInitScript({
    content: `window.__excelHostConfig = ${JSON.stringify(config)}; try { localStorage.clear(); } catch (e) {}`,
  });
  await page.addInitScript({ content: hostBundle });
  if (options.patch) await page.addInitScript({ content: options.patch });
  await page.goto(`${baseUrl}taskpane.html?debug`, { waitUntil: "load" });
  await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
  return { page, errors };
}

/** No horizontal scrolling of the page itself (wide content scrolls inside its own box). */
export async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
}

/** Elements wider than the pane, or whose text is cut off sideways: [] when everything fits. */
export async function clippedElements(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => {
    const width = document.documentElement.clientWidth;
    return els
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) return false;
        return box.right > width + 1 || el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? "").slice(0, 60)}`);
  });
}

/** Waits for the open dialog and its animations. */
export async function openDialog(page: Page) {
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  await dialog.evaluate((el) =>
    Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished))
  );
  return dialog;
}
