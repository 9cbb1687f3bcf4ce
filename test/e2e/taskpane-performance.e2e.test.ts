/**
 * What the pane costs the user, measured on the built pane (dist/, or BAOCAO_DIST):
 * - the JavaScript downloaded before the template gallery is usable (its five cards with their
 *   buttons), in preview mode and hosted on the in-memory Excel host (ExcelApi 1.7): every script
 *   the page fetched until then, counted at gzip level 9 as a web server would send it (the test
 *   server sends files as they are); budget 300 KB;
 * - the longest main-thread task (PerformanceObserver "longtask") while "Tổng hợp" reads 50 unit
 *   workbooks in preview mode and shows the result: budget 100 ms on a quiet machine (the reading
 *   runs in a worker), scaled by how much the machine's load stretches the page's tasks;
 * - the pane's time for those 50 files against the same run without Worker (budget 1.5×), and
 *   against `baocao consolidate`'s work on the same files in this process (logged; goal 1.5×).
 * Screenshots during and after the run: test-results/e2e/taskpane-performance-*.png.
 */
import * as crypto from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { consolidateFiles, consolidationToXlsx } from "../../src/adapters/xlsx/consolidate";
import { findTemplate } from "../../src/templates";
import { buildExcelHostBundle } from "../excel-host/bundle";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import { DIST, OUT, openHostedPane, requireBuild } from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const BUDGET_KB = 300;
const LONG_TASK_MS = 100;
const FILES = 50;
const TIME_RATIO = 1.5;
const qa = findTemplate("quarterly-activity")!;

let server: StaticServer;
let browser: LaunchedBrowser;
let dir: string;
let paths: string[];

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(path.join(os.tmpdir(), "baocao-perf-e2e-"));
  paths = [];
  for (let i = 0; i < FILES; i++) {
    const p = path.join(dir, `don-vi-${String(i + 1).padStart(2, "0")}.xlsx`);
    writeFileSync(
      p,
      await xlsxOf(qa, unitData(qa, `Công đoàn cơ sở số ${i + 1}`, i + 7, "2024-Q1"))
    );
    paths.push(p);
  }
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs in the page before its scripts: notes when the gallery becomes usable (its five cards, each
 * with an enabled button), so scripts whose request started before that moment can be told apart
 * from those the pane loads afterwards in the background.
 */
const MARK_USABLE = `
  window.__galleryUsableAt = null;
  new MutationObserver((_, observer) => {
    const cards = document.querySelectorAll('[role="listitem"][data-template]');
    const ready = cards.length === 5 && Array.from(cards).every((c) => {
      const b = c.querySelector("button");
      return b && !b.disabled;
    });
    if (ready && window.__galleryUsableAt === null) {
      window.__galleryUsableAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

/** The build's scripts whose request started before the gallery was usable (Resource Timing). */
async function scriptsBeforeUsable(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => (window as unknown as { __galleryUsableAt: number | null }).__galleryUsableAt !== null,
    undefined,
    { timeout: 30000 }
  );
  // Scripts requested a moment later, in the background, must show up and be left out.
  await page.waitForTimeout(2500);
  const entries = await page.evaluate(() => {
    const at = (window as unknown as { __galleryUsableAt: number }).__galleryUsableAt;
    return performance
      .getEntriesByType("resource")
      .map((e) => ({ url: e.name, before: e.startTime <= at }));
  });
  const ours = entries.filter((e) => e.url.startsWith(server.url) && e.url.endsWith(".js"));
  const after = ours.filter((e) => !e.before).map((e) => new URL(e.url).pathname);
  console.log(`loaded after the gallery was usable: ${after.join(" ") || "nothing"}`);
  return ours.filter((e) => e.before).map((e) => new URL(e.url).pathname.slice(1));
}

const gzipKB = (files: string[]) =>
  files.reduce((s, f) => s + gzipSync(readFileSync(path.join(DIST, f)), { level: 9 }).length, 0) /
  1024;

/** The gallery is usable: its five cards are on screen, each with its enabled button. */
async function galleryUsable(page: Page): Promise<void> {
  const cards = page.locator('[role="listitem"][data-template]');
  await cards.nth(4).waitFor({ timeout: 30000 });
  await expect(cards.count()).resolves.toBe(5);
  await expect(cards.getByRole("button").first().isEnabled()).resolves.toBe(true);
}

describe("JavaScript before the gallery is usable", () => {
  test(`preview mode: at most ${BUDGET_KB} KB gzip`, async () => {
    const page = await browser.context.newPage();
    const errors = watchErrors(page);
    try {
      await page.addInitScript({ content: MARK_USABLE });
      await page.goto(`${server.url}taskpane.html`, { waitUntil: "load" });
      const files = await scriptsBeforeUsable(page);
      const kb = gzipKB(files);
      console.log(`preview: ${kb.toFixed(1)} KB gzip before the gallery: ${files.join(" ")}`);
      expect(files.some((f) => f.includes("exceljs"))).toBe(false);
      expect(kb).toBeLessThanOrEqual(BUDGET_KB);
      expect(errors.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test(`hosted (ExcelApi 1.7): at most ${BUDGET_KB} KB gzip`, async () => {
    const { page, errors } = await openHostedPane(
      browser,
      server.url,
      await buildExcelHostBundle(),
      { profile: "1.7", patch: MARK_USABLE }
    );
    try {
      const files = await scriptsBeforeUsable(page);
      const kb = gzipKB(files);
      console.log(`hosted: ${kb.toFixed(1)} KB gzip before the gallery: ${files.join(" ")}`);
      expect(kb).toBeLessThanOrEqual(BUDGET_KB);
      expect(errors.pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** `baocao consolidate`'s work on the same files in this process: read, consolidate, write. */
async function cliMs(): Promise<number> {
  const start = performance.now();
  const result = await consolidateFiles(
    paths.map((p) => ({ name: path.basename(p), read: async () => readFileSync(p) })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
    }
  );
  await consolidationToXlsx(exceljs, result);
  return performance.now() - start;
}

/**
 * How much the machine's load stretches the page's tasks: the same small computation timed 15
 * times on the main thread, median over fastest. About 1 on a quiet machine; on a shared one
 * (several test runs and builds on 2 cores) a 20 ms task can take 200 ms of wall time, which is
 * the machine's, not the pane's. The budgets below are for a quiet machine and are scaled by this.
 */
async function loadStretch(page: Page): Promise<number> {
  const times = await page.evaluate(async () => {
    const out: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t = performance.now();
      let x = 0;
      for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
      out.push(performance.now() - t + (x < 0 ? 1 : 0));
      await new Promise((res) => setTimeout(res, 20));
    }
    return out;
  });
  times.sort((a, b) => a - b);
  return Math.max(1, times[Math.floor(times.length / 2)] / times[0]);
}

interface RunFigures {
  ms: number;
  tasks: number[];
  stretch: number;
}

/** Consolidates the 50 files in a fresh preview pane; long tasks from the click to the outcome. */
async function consolidateInPreview(shots: string | null, noWorker = false): Promise<RunFigures> {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  const shot = (name: string) =>
    shots && page.screenshot({ path: path.join(OUT, `${shots}-${name}.png`), fullPage: true });
  try {
    // A webview without Worker: the pane must consolidate on the main thread instead.
    if (noWorker) await page.addInitScript({ content: "delete window.Worker;" });
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await galleryUsable(page);
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByTestId("consolidate-file-input").setInputFiles(paths);
    await expect(page.getByTestId("consolidate-file").count()).resolves.toBe(FILES);
    const stretchBefore = await loadStretch(page);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: "longtask" });
    });
    const start = Date.now();
    await page.getByTestId("consolidate-run").click();
    // Mid-run for the screenshot; unit files are read fast enough now that the run may already
    // be over when the page is next looked at.
    await page
      .getByText(/^Đang đọc \d+\/50:/)
      .or(page.locator('[data-runs="1"]'))
      .first()
      .waitFor({ timeout: 180000 });
    await shot("during");
    await page.locator('[data-runs="1"]').waitFor({ timeout: 300000 });
    const ms = Date.now() - start;
    // Tasks still running when the outcome appeared (the result list painting) count too.
    await page.waitForTimeout(300);
    await shot("after");
    const tasks = await page.evaluate(
      () => (window as unknown as { __longTasks: number[] }).__longTasks
    );
    await expect(page.getByTestId("consolidate-summary").innerText()).resolves.toBe(
      `Đã đọc ${FILES} tệp: dùng ${FILES}, loại 0.`
    );
    expect(errors.pageErrors).toEqual([]);
    const stretch = Math.max(stretchBefore, await loadStretch(page));
    return { ms, tasks, stretch };
  } finally {
    await page.close();
  }
}

const longest = (r: RunFigures) => Math.max(0, ...r.tasks);
const describeRun = (r: RunFigures) =>
  `${r.ms} ms, ${r.tasks.length} long tasks, longest ${longest(r).toFixed(0)} ms ` +
  `(${r.tasks.map((t) => t.toFixed(0)).join(", ")}), load stretch ×${r.stretch.toFixed(2)}`;

test(`a ${FILES}-file consolidation in the preview runs in a worker: no main-thread task over ${LONG_TASK_MS} ms, within ${TIME_RATIO}× the page's own time`, async () => {
  const cliBefore = await cliMs();
  const worker = await consolidateInPreview("taskpane-performance");
  const cliAfter = await cliMs();
  const cli = (cliBefore + cliAfter) / 2;
  const main = await consolidateInPreview(null, true);
  console.log(
    `${FILES} files, CLI ${cliBefore.toFixed(0)} / ${cliAfter.toFixed(0)} ms\n` +
      `  worker: ${describeRun(worker)}; ${(worker.ms / cli).toFixed(2)}× the CLI\n` +
      `  main thread (no Worker): ${describeRun(main)}\n` +
      `  longest task vs ${LONG_TASK_MS} ms × stretch: ${longest(worker) <= LONG_TASK_MS * worker.stretch ? "pass" : "FAIL"}`
  );
  // Without a worker the pane still consolidates (above), with far longer tasks: ExcelJS parsing
  // each file and the validation at the end run on the main thread.
  expect(longest(worker)).toBeLessThan(longest(main) / 2);
  expect(longest(worker)).toBeLessThanOrEqual(LONG_TASK_MS * worker.stretch);
  // The worker costs little over reading in the page itself. Against the CLI the goal is 1.5×:
  // logged above (1.33–1.39× on an idle 2-core machine, 6 December, unit files read without
  // ExcelJS on both sides). Not asserted: the two runs' times move apart under a CI machine's load.
  expect(worker.ms).toBeLessThanOrEqual(main.ms * TIME_RATIO);
}, 600000);
