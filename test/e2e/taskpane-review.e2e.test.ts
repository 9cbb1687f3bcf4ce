/**
 * The reporting round in the built pane's "Tổng hợp" tab (issue 11), in both modes: four province
 * workbooks of the cluster report, a corrected resend of the first one (same report date, saved
 * two days later, named to sort first) and a fifth province's file with an error; a deadline.
 * - The first file is listed "Đã thay bằng tệp khác" with "Thay bằng …"; each expected province
 *   is on time, late or missing as the core judges it.
 * - "Trả lại" on the file with errors shows the return note: every error at its cell; the .docx
 *   downloads.
 * - "Duyệt" records the approval; "Dùng tệp này" switches the unit back to its first file, the
 *   approval kept; the written workbook holds both and the CLI's figures for that choice.
 * Screenshots at 450 px: test-results/e2e/taskpane-review-*.png.
 */
import * as crypto from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Page } from "playwright-core";
import { consolidateFiles } from "../../src/adapters/xlsx/consolidate";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { templateForMeta, type ConsolidationResult } from "../../src/core/consolidate";
import type { Approval } from "../../src/core/consolidate/round";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import type { ReportData } from "../../src/core/data/types";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { createExcelHost, type WorkbookSnapshot as HostSnapshot } from "../excel-host";
import { buildExcelHostBundle } from "../excel-host/bundle";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import {
  DIST,
  OUT,
  clippedElements,
  openHostedPane,
  pageOverflow,
  requireBuild,
} from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const ce = findTemplate("cluster-emulation")!;
const FIX = "00-Lai-Chau-ban-sua.xlsx";
const DEADLINE = "2023-07-10";
const bad = ce.indicators.find((i) => !i.table && !i.computed && i.type === "integer")!;

let dir: string;
let paths: string[];
let server: StaticServer;
let browser: LaunchedBrowser;

/** The workbook with its saved time (docProps/core.xml dcterms:modified) set to `at`. */
function savedAt(bytes: Uint8Array, at: string): Uint8Array {
  const parts = unzipSync(bytes);
  const core = strFromU8(parts["docProps/core.xml"]);
  parts["docProps/core.xml"] = strToU8(
    core.replace(/(<dcterms:modified[^>]*>)[^<]+(<\/dcterms:modified>)/, `$1${at}$2`)
  );
  return zipSync(parts);
}

function province(i: number, date: string, seed = i + 41): ReportData {
  const d = unitData(ce, CLUSTER_PROVINCES[i], seed);
  d.header.date = date;
  return d;
}

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(path.join(os.tmpdir(), "baocao-round-e2e-"));
  paths = [];
  const dates = ["2023-07-05", "2023-07-08", "2023-07-12", "2023-07-10"];
  for (const [i, date] of dates.entries()) {
    const p = path.join(dir, `0${i + 1}-${CLUSTER_PROVINCES[i]}.xlsx`);
    writeFileSync(p, savedAt(await xlsxOf(ce, province(i, date)), "2023-07-05T03:00:00Z"));
    paths.push(p);
  }
  const fix = path.join(dir, FIX);
  writeFileSync(
    fix,
    savedAt(await xlsxOf(ce, province(0, "2023-07-05", 99)), "2023-07-07T03:00:00Z")
  );
  const faulty = province(4, "2023-07-09");
  faulty.values[bad.id] = "nhiều";
  const error = path.join(dir, `05-${CLUSTER_PROVINCES[4]}.xlsx`);
  writeFileSync(error, await xlsxOf(ce, faulty));
  paths.push(fix, error);
  // Every file the same time on disk: the saved time, not the disk, tells the resend apart.
  const same = new Date(Date.UTC(2023, 6, 9));
  for (const p of paths) utimesSync(p, same, same);
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 450, height: 1000 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What `baocao consolidate` makes of the same files with the same choices. */
function core(prefer: string[] = [], approvals: Approval[] = []): Promise<ConsolidationResult> {
  return consolidateFiles(
    paths.map((p) => ({
      name: path.basename(p),
      read: async () => readFileSync(p),
      fileTime: statSync(p).mtime.toISOString(),
    })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
      deadline: DEADLINE,
      prefer,
      approvals,
    }
  );
}

function dataOf(snapshot: WorkbookSnapshot): ReportData {
  return readWorkbook(templateForMeta(ce, readMeta(snapshot)!), snapshot).data;
}

const source = (page: Page, file: string) =>
  page.locator(`[data-testid="consolidate-source"][data-file="${file}"]`);

async function waitRun(page: Page, runs: number): Promise<void> {
  await page.locator(`[data-runs="${runs}"]`).waitFor({ timeout: 120000 });
}

async function checkFits(page: Page): Promise<void> {
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(
    await clippedElements(page, '[data-testid="consolidate-source"], button, [role="tab"]')
  ).toEqual([]);
}

/** The round, as a user lives it; `written` reads back the workbook the pane wrote. */
async function round(
  page: Page,
  mode: string,
  written: () => Promise<WorkbookSnapshot>
): Promise<void> {
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(OUT, `taskpane-review-${mode}-${name}.png`),
      fullPage: true,
    });
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page
    .locator('[data-field="consolidate-deadline"] input, input[data-field="consolidate-deadline"]')
    .first()
    .fill(DEADLINE);
  await page.getByTestId("consolidate-file-input").setInputFiles(paths);
  await page.getByTestId("consolidate-run").click();
  await waitRun(page, 1);

  // 1. The corrected resend counts; the first file is listed as replaced by it.
  const first = path.basename(paths[0]);
  const expected = await core();
  await expect(source(page, first).getAttribute("data-status")).resolves.toBe("superseded");
  await expect(source(page, first).getByTestId("source-replaced-by").innerText()).resolves.toBe(
    `Thay bằng "${FIX}"`
  );
  await expect(source(page, FIX).getAttribute("data-status")).resolves.toBe("used");
  await page.getByTestId("consolidate-superseded").waitFor();
  // 3. Each expected province against the deadline, as the core judges it.
  const states = await page
    .getByTestId("consolidate-timeliness")
    .locator("li")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-state")));
  expect(states).toEqual(expected.data!.consolidation!.timeliness!.map((t) => t.state));
  expect(states.filter((s) => s === "late").length).toBeGreaterThan(0);
  await expect(page.getByTestId("consolidate-completeness").innerText()).resolves.toContain(
    "đơn vị báo cáo đúng hạn (hạn nộp 10/7/2023)"
  );
  await checkFits(page);
  await shot("replaced-450px");

  // 2. "Trả lại" on the file with errors: every error at its cell, and the .docx.
  const error = path.basename(paths[5]);
  await expect(source(page, error).getAttribute("data-review")).resolves.toBe("needsFix");
  await source(page, error).getByTestId("source-return").click();
  const note = page.getByTestId("return-note");
  await note.waitFor();
  const text = await page.getByTestId("return-note-text").inputValue();
  const issues = expected.issues[error].filter((i) => i.severity === "error");
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) expect(text).toContain(`Trang “${i.sheet}”, ô ${i.cell}: ${i.message}`);
  await note.scrollIntoViewIfNeeded();
  await shot("return-note-450px");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("return-note-download").click(),
  ]);
  expect(download.suggestedFilename()).toBe("tra-lai-ldld-tinh-dien-bien.docx");
  const docx = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const body = strFromU8(docx["word/document.xml"]);
  for (const i of issues) expect(body).toContain(i.cell!);

  // "Duyệt" on a clean file: consolidated again, the approval recorded with its time.
  const second = path.basename(paths[1]);
  await source(page, second).getByTestId("source-approve").click();
  await waitRun(page, 2);
  await expect(source(page, second).getAttribute("data-review")).resolves.toBe("approved");
  await expect(source(page, second).innerText()).resolves.toContain("Duyệt lúc");

  // "Dùng tệp này" on the replaced file: the unit switches back, the approval stays.
  await source(page, first).getByTestId("source-prefer").click();
  await waitRun(page, 3);
  await expect(source(page, first).getAttribute("data-status")).resolves.toBe("used");
  await expect(source(page, FIX).getAttribute("data-status")).resolves.toBe("superseded");
  await expect(source(page, second).getAttribute("data-review")).resolves.toBe("approved");
  await checkFits(page);
  await shot("switched-back-450px");

  // The workbook written holds the choice, the approval and the CLI's figures for that choice.
  const data = dataOf(await written());
  const row = (f: string) => data.consolidation!.sources.find((s) => s.file === f)!;
  const approvedAt = row(second).approvedAt!;
  expect(row(second).review).toBe("approved");
  expect(row(FIX).status).toBe("superseded");
  const back = await core(
    [first],
    [{ file: second, at: approvedAt, checksum: row(second).checksum }]
  );
  expect(data.values).toEqual(back.data!.values);
  expect(data.consolidation!.timeliness).toEqual(back.data!.consolidation!.timeliness);
}

test("preview: resend, return note, approval and switching back", async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
    await round(page, "preview", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("consolidate-download").click(),
      ]);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      return readXlsx(exceljs, bytes, download.suggestedFilename());
    });
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("hosted: the same round, each run replacing the consolidation without asking", async () => {
  const { page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
    profile: "latest",
  });
  try {
    await round(page, "hosted", async () => {
      const hostSnapshot = await page.evaluate<HostSnapshot>("window.__excelHost.toSnapshot()");
      const made = createExcelHost({ profile: "latest", workbook: hostSnapshot });
      const read = await made.Excel.run((ctx) => readOpenWorkbook(ctx, { supports: () => true }));
      return read.snapshot;
    });
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  } finally {
    await page.close();
  }
});
