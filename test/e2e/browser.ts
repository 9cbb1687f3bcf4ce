/**
 * Headless Chromium for end-to-end tests (playwright-core, the system's Chromium; no browser download).
 *
 *   const b = await launchBrowser();
 *   const page = await b.context.newPage();   // every request to a host other than 127.0.0.1 is aborted
 *   ...
 *   await b.close();
 *
 * Environment: CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

export interface LaunchOptions {
  /** Allow requests to hosts other than 127.0.0.1 / localhost. Default false: they are aborted. */
  allowNetwork?: boolean;
  viewport?: { width: number; height: number };
  locale?: string;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** URLs of requests that were aborted because they left 127.0.0.1. */
  blockedRequests: string[];
  close(): Promise<void>;
}

export function isLocalUrl(url: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:")) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost";
  } catch {
    return false;
  }
}

/** A fresh persistent Chromium context in a temporary profile, deleted by close(). */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "baocao-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 360, height: 720 }, // about a task pane
    locale: options.locale ?? "vi-VN",
    serviceWorkers: "block",
  });
  const blockedRequests: string[] = [];
  if (!options.allowNetwork) {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (isLocalUrl(url)) return route.continue();
      blockedRequests.push(url);
      return route.abort("internetdisconnected");
    });
  }
  return {
    context,
    blockedRequests,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors and console errors of a page. */
export function watchErrors(page: Page): { pageErrors: Error[]; consoleErrors: string[] } {
  const pageErrors: Error[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  return { pageErrors, consoleErrors };
}
