/**
 * The "Tổng hợp" tab of the built task pane (dist/, or BAOCAO_DIST), end to end, on the cluster
 * report: 7 province workbooks, the same workbook sent again under another name, and a quarterly
 * report (another template), written to a temp folder and picked with the file input.
 * - Hosted (ExcelApi 1.7, in-memory Excel host): the progress bar reads the files one by one, the
 *   list marks the identical copy "Bản trùng" and leaves out the other template, with their reasons
 *   (issue 11: a copy loses no data), the workbook gets the
 *   consolidated sheets (sources sheet included) with the figures `baocao consolidate` computes,
 *   and the Chỉ tiêu tab shows the consolidation's targets as the core rates them.
 * - "Dừng" while reading: nothing is written to the workbook.
 * - Preview: the viewer shows the consolidated workbook; the download reads back to the same data.
 * Screenshots at 450 and 320 px: test-results/e2e/taskpane-consolidate-*.png.
 */
import * as crypto from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { consolidateFiles } from "../../src/adapters/xlsx/consolidate";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { templateForMeta, type ConsolidationResult } from "../../src/core/consolidate";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import type { ReportData } from "../../src/core/data/types";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { vi } from "../../src/taskpane/i18n/vi";
import { buildTargetsView } from "../../src/taskpane/logic/targets-view";
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
const qa = findTemplate("quarterly-activity")!;
const SOURCES = "Nguồn tổng hợp";
const DUPLICATE = "08-Lao-Cai-gui-lai.xlsx";
const OTHER = "09-bao-cao-quy-Lai-Chau.xlsx";

let dir: string;
let paths: string[];
let expected: ConsolidationResult;
let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  requireBuild();
  dir = mkdtempSync(path.join(os.tmpdir(), "baocao-consolidate-e2e-"));
  paths = [];
  for (const [i, unit] of CLUSTER_PROVINCES.entries()) {
    const p = path.join(dir, `${String(i + 1).padStart(2, "0")}-${unit}.xlsx`);
    writeFileSync(p, await xlsxOf(ce, unitData(ce, unit, i + 31)));
    paths.push(p);
  }
  writeFileSync(path.join(dir, DUPLICATE), readFileSync(paths[2]));
  // The copy is older on disk than the original, so the original counts and the copy is the
  // "bản trùng" (identical copies are ranked like resends: the newest file time wins).
  const past = new Date(Date.UTC(2023, 6, 1));
  utimesSync(path.join(dir, DUPLICATE), past, past);
  writeFileSync(
    path.join(dir, OTHER),
    await xlsxOf(qa, unitData(qa, "LĐLĐ tỉnh Lai Châu", 3, "2024-Q1"))
  );
  paths.push(path.join(dir, DUPLICATE), path.join(dir, OTHER));
  // What `baocao consolidate` makes of the same files: what the pane must show and write.
  expected = await consolidateFiles(
    paths.map((p) => ({
      name: path.basename(p),
      read: async () => readFileSync(p),
      fileTime: statSync(p).mtime.toISOString(),
    })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
    }
  );
  expect(expected.exitCode).toBe(1);
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 450, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The consolidated workbook's data, read with the consolidated form of its template. */
function dataOf(snapshot: WorkbookSnapshot): { data: ReportData; template: typeof ce } {
  const meta = readMeta(snapshot)!;
  expect(meta).toMatchObject({ templateId: ce.id, consolidated: true });
  const template = templateForMeta(ce, meta);
  return { data: readWorkbook(template, snapshot).data, template };
}

async function openTab(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^(Tổng hợp|Consolidate)$/ }).click();
  await page.getByTestId("consolidate-run").waitFor();
}

/** Records every progress line the tab shows (a MutationObserver in the page). */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { __progressLog: string[] }).__progressLog = log;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="consolidate-progress-text"]')?.textContent;
      if (text && log[log.length - 1] !== text) log.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const progressLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __progressLog: string[] }).__progressLog);

async function consolidate(page: Page): Promise<void> {
  const runs = Number(await page.getByTestId("consolidate-feature").getAttribute("data-runs"));
  await page.getByTestId("consolidate-file-input").setInputFiles(paths);
  await expect(page.getByTestId("consolidate-file").count()).resolves.toBe(paths.length);
  await recordProgress(page);
  await page.getByTestId("consolidate-run").click();
  await page.locator(`[data-runs="${runs + 1}"]`).waitFor({ timeout: 120000 });
}

async function sources(page: Page) {
  return page.getByTestId("consolidate-source").evaluateAll((els) =>
    els.map((el) => ({
      file: el.getAttribute("data-file"),
      status: el.getAttribute("data-status"),
      badge: el.querySelector('[data-testid="source-status"]')?.textContent ?? "",
      reasons: Array.from(el.querySelectorAll('[data-testid="source-reason"]')).map(
        (r) => r.textContent ?? ""
      ),
    }))
  );
}

/** The progress bar showed every file in turn, then the writing. */
function expectProgress(log: string[]): void {
  const reading = log.filter((l) => l.startsWith("Đang đọc"));
  expect(reading).toEqual(
    paths.map((p, i) => `Đang đọc ${i + 1}/${paths.length}: ${path.basename(p)}`)
  );
  expect(log[log.length - 1]).toMatch(/^Đang (ghi bản tổng hợp|tạo sổ tổng hợp)/);
}

async function expectResultList(page: Page): Promise<void> {
  await expect(page.getByTestId("consolidate-summary").innerText()).resolves.toBe(
    "Đã đọc 9 tệp: dùng 7, loại 1."
  );
  const listed = await sources(page);
  // Left out first, with the core's reasons; then the identical copy, then the files used.
  expect(listed.slice(0, 2).map((s) => [s.file, s.status, s.badge])).toEqual([
    [OTHER, "leftOut", "Bị loại"],
    [DUPLICATE, "duplicate", "Bản trùng"],
  ]);
  expect(listed[1].reasons.join(" ")).toContain("giống hệt tệp");
  expect(listed[0].reasons.join(" ")).toContain(`không phải mẫu "${ce.title}"`);
  expect(listed.slice(2).map((s) => s.status)).toEqual(Array(7).fill("used"));
  await expect(page.getByTestId("consolidate-completeness").innerText()).resolves.toContain(
    "Phải nộp 7 đơn vị, đã nhận 7/7. Tất cả đơn vị phải nộp đã nộp."
  );
}

function expectNoErrors(errors: ReturnType<typeof watchErrors>): void {
  expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
}

async function checkFits(page: Page): Promise<void> {
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(
    await clippedElements(
      page,
      '[data-testid="consolidate-source"], [data-testid="consolidate-file"], button, [role="tab"], [data-testid="consolidate-summary"]'
    )
  ).toEqual([]);
}

describe("hosted, ExcelApi 1.7", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  const shot = async (name: string) => {
    await page.screenshot({
      path: path.join(OUT, `taskpane-consolidate-hosted-${name}.png`),
      fullPage: true,
    });
  };

  beforeAll(async () => {
    ({ page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
      profile: "1.7",
    }));
    await openTab(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("reads the 9 files with progress, leaves out the duplicate and the other template", async () => {
    await shot("empty-450px");
    await consolidate(page);
    expectProgress(await progressLog(page));
    await expectResultList(page);
    await expect(page.getByTestId("consolidate-debug").innerText()).resolves.toMatch(
      /cập nhật 10 lần; ghi sổ tính 2 lần đồng bộ/
    );
    await checkFits(page);
    await shot("450px");
    expectNoErrors(errors);
  });

  test("the workbook holds the consolidated sheets and the CLI's totals", async () => {
    const hostSnapshot = await page.evaluate<HostSnapshot>("window.__excelHost.toSnapshot()");
    const made = createExcelHost({ profile: "latest", workbook: hostSnapshot });
    const read = await made.Excel.run((ctx) => readOpenWorkbook(ctx, { supports: () => true }));
    const sheetNames = read.snapshot.sheets.map((s) => s.name);
    expect(sheetNames).toContain(SOURCES);
    const listed = await page
      .getByTestId("consolidate-sheet")
      .evaluateAll((els) => els.map((el) => el.getAttribute("data-sheet")));
    expect(listed).toEqual(sheetNames.filter((s) => !s.startsWith("_") && s !== "Sheet1"));
    const { data } = dataOf(read.snapshot);
    expect(data.values).toEqual(expected.data!.values);
    expect(data.units.map((u) => [u.name, u.values])).toEqual(
      expected.data!.units.map((u) => [u.name, u.values])
    );
    expect(data.consolidation?.sources.map((s) => [s.file, s.status, s.checksum])).toEqual(
      expected.sources.map((s) => [s.file, s.status, s.checksum])
    );

    // A sheet's name opens it in Excel.
    await page.locator(`[data-testid="consolidate-sheet"][data-sheet="${SOURCES}"]`).click();
    await page.waitForFunction(
      (sheet) =>
        (
          window as unknown as { __excelHost: { selection(): { sheet: string } | null } }
        ).__excelHost.selection()?.sheet === sheet,
      SOURCES
    );
  });

  test("the Chỉ tiêu tab shows the consolidation's targets as the core rates them", async () => {
    const hostSnapshot = await page.evaluate<HostSnapshot>("window.__excelHost.toSnapshot()");
    const made = createExcelHost({ profile: "latest", workbook: hostSnapshot });
    const read = await made.Excel.run((ctx) => readOpenWorkbook(ctx, { supports: () => true }));
    const { data, template } = dataOf(read.snapshot);
    const view = buildTargetsView(template, data, "vi", vi);
    const want = [...view.rows, ...view.units.flatMap((g) => g.rows)].map((r) => [r.key, r.state]);
    expect(want.length).toBeGreaterThan(0);

    await page.getByTestId("consolidate-open-targets").click();
    await page.getByTestId("targets-read-button").waitFor();
    const reads = Number(await page.locator("[data-reads]").getAttribute("data-reads"));
    await page.getByTestId("targets-read-button").click();
    await page.locator(`[data-reads="${reads + 1}"]`).waitFor({ timeout: 60000 });
    const shown = await page
      .getByTestId("target-row")
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute("data-key"), el.getAttribute("data-state")])
      );
    expect(shown).toEqual(want);
    await shot("targets-450px");
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
  });

  test("fits a 320 px pane", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await checkFits(page);
    await shot("320px");
    await page.setViewportSize({ width: 450, height: 900 });
  });
});

describe("Dừng", () => {
  test("stops while reading and writes nothing", async () => {
    const { page, errors } = await openHostedPane(
      browser,
      server.url,
      await buildExcelHostBundle(),
      { profile: "latest" }
    );
    try {
      await openTab(page);
      const before = await page.evaluate<string>("JSON.stringify(window.__excelHost.toSnapshot())");
      const syncsBefore = await page.evaluate<number>("window.__excelHost.syncCount");
      // Many files, so the run is still reading when "Dừng" is clicked.
      const many = Array.from({ length: 6 }, () => paths).flat();
      await page.getByTestId("consolidate-file-input").setInputFiles(
        many.map((p, i) => ({
          name: `${String(i + 1).padStart(2, "0")}-${path.basename(p)}`,
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: readFileSync(p),
        }))
      );
      await recordProgress(page);
      await page.getByTestId("consolidate-run").click();
      // Any file of the run: a fixed "2/54" can be on screen for only a few milliseconds.
      await page.getByText(new RegExp(`^Đang đọc \\d+/${many.length}:`)).waitFor();
      await page.screenshot({
        path: path.join(OUT, "taskpane-consolidate-hosted-progress-450px.png"),
        fullPage: true,
      });
      await page.getByTestId("consolidate-stop").click();
      await page.getByTestId("consolidate-cancelled").waitFor();
      await expect(page.getByTestId("consolidate-cancelled").innerText()).resolves.toBe(
        "Đã dừng: chưa ghi gì vào sổ tính."
      );
      const log = await progressLog(page);
      expect(log.some((l) => l.startsWith(`Đang đọc ${many.length}/`))).toBe(false);
      expect(log.some((l) => l.startsWith("Đang ghi"))).toBe(false);
      expect(await page.evaluate<string>("JSON.stringify(window.__excelHost.toSnapshot())")).toBe(
        before
      );
      expect(await page.evaluate<number>("window.__excelHost.syncCount")).toBe(syncsBefore);
      // The tab is ready again.
      await page.getByTestId("consolidate-run").waitFor();
      expectNoErrors(errors);
    } finally {
      await page.close();
    }
  });
});

describe("preview", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(OUT, `taskpane-consolidate-preview-${name}.png`),
      fullPage: true,
    });

  beforeAll(async () => {
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
    await openTab(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("the viewer shows the consolidated workbook and the download reads back to the same data", async () => {
    await consolidate(page);
    expectProgress(await progressLog(page));
    await expectResultList(page);
    const fileName = "tong-hop-cluster-emulation-2023-H1.xlsx";
    await expect(page.getByTestId("preview-file").innerText()).resolves.toContain(fileName);
    const options = await page
      .getByTestId("sheet-picker")
      .locator("option")
      .evaluateAll((els) => els.map((el) => el.getAttribute("value")));
    expect(options).toContain(SOURCES);

    // A sheet's name shows it in the viewer.
    await page.locator(`[data-testid="consolidate-sheet"][data-sheet="${SOURCES}"]`).click();
    await page.waitForFunction(
      (sheet) =>
        document.querySelector<HTMLSelectElement>('[data-testid="sheet-picker"]')?.value === sheet,
      SOURCES
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("consolidate-download").click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const bytes = readFileSync((await download.path())!);
    const { data } = dataOf(await readXlsx(exceljs, new Uint8Array(bytes), fileName));
    expect(data.values).toEqual(expected.data!.values);
    expect(data.units.map((u) => [u.name, u.values])).toEqual(
      expected.data!.units.map((u) => [u.name, u.values])
    );
    await checkFits(page);
    await shot("450px");
    await page.setViewportSize({ width: 320, height: 900 });
    await checkFits(page);
    await shot("320px");
    expectNoErrors(errors);
  });
});
