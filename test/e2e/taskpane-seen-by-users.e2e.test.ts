/**
 * Issue 11, item 6 ("seen by users, fixed"), on the built task pane (dist/, or BAOCAO_DIST), in
 * both languages:
 * - Preview mode says plainly that it views and checks, and that editing happens in Excel.
 * - The Chỉ tiêu tab: a target whose figure is there but whose level is blank says "chưa có mức
 *   chỉ tiêu" (not "chưa có số liệu"); in English the figures read "at least 2,300".
 * - Kiểm tra in Excel: marks are not colour only. With comments (ExcelApi 1.10+) each marked cell
 *   carries one saying what is wrong; on Excel 2019 (1.7) the findings go to a "Kết quả kiểm tra"
 *   sheet. The pane reminds the user to clear the marks before sending; clearing gives the
 *   workbook back exactly.
 * - Tổng hợp in Excel, into a workbook that already holds a template: "Mở sổ mới" opens the
 *   consolidation in a new workbook (Excel.createWorkbook) and leaves the open one as it is.
 * Screenshots: test-results/e2e/taskpane-seen-*.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { insertTemplate } from "../../src/adapters/office/insert";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import type { ReportData } from "../../src/core/data/types";
import { cellA1 } from "../../src/core/layout/a1";
import { planWorkbook } from "../../src/core/layout/planner";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { createExcelHost, type WorkbookSnapshot as HostSnapshot } from "../excel-host";
import { buildExcelHostBundle } from "../excel-host/bundle";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import {
  DIST,
  OUT,
  openHostedPane,
  pageOverflow,
  requireBuild,
  type HostWindow,
} from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exceljs = ExcelJS as unknown as ExcelJsModule;
const plan = findTemplate("annual-plan")!;
const quarterly = findTemplate("quarterly-activity")!;

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  requireBuild();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 350, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(OUT, `taskpane-seen-${name}.png`), fullPage: true });

async function switchLanguage(page: Page, to: "en" | "vi"): Promise<void> {
  await page
    .getByRole("button", { name: to === "en" ? "Switch to English" : "Chuyển sang tiếng Việt" })
    .click();
  await page.locator(`html[lang="${to}"]`).waitFor();
}

/**
 * The annual plan with results: "trên 85% doanh nghiệp có CĐCS" reached 90% but its level was
 * cleared on the Chỉ tiêu sheet; "ít nhất 2.300 đoàn viên ưu tú" has 2.751.
 */
function planData(): ReportData {
  const data = loadSample(plan.id);
  return {
    ...data,
    values: { ...data.values, dn_10_ld_co_cdcs: 90, dn_10_ld_tong: 100, dv_uu_tu: 2751 },
    targets: {
      tg_dn_co_cdcs: { comparator: "gt", value: null },
      tg_dv_uu_tu: { comparator: "gte", value: 2300 },
    },
  };
}

describe("preview mode", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;

  beforeAll(async () => {
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
  });

  afterAll(async () => {
    await page?.close();
  });

  test("the banner says the pane views and checks, and editing happens in Excel", async () => {
    const banner = page.getByTestId("preview-banner");
    const vi = await banner.innerText();
    expect(vi).toContain("Chế độ xem trước: chỉ xem và kiểm tra");
    expect(vi).toContain("Nhập hoặc sửa số liệu thì làm trong Excel");
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot(page, "preview-banner-vi");
    await switchLanguage(page, "en");
    const en = await banner.innerText();
    expect(en).toContain("Preview mode: view and check only");
    expect(en).toContain("Entering or changing figures happens in Excel");
    await shot(page, "preview-banner-en");
    await switchLanguage(page, "vi");
  });

  test("Chỉ tiêu: a figure without a level says the level is missing; English figures", async () => {
    await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
    const bytes = Buffer.from(await planToXlsx(exceljs, planWorkbook(plan, planData())));
    const name = "Kế hoạch năm 2022.xlsx";
    await page
      .getByTestId("open-file-input")
      .setInputFiles({ name, mimeType: XLSX, buffer: bytes });
    await page.getByText(`Đã mở "${name}"`).waitFor();
    const reads = Number(await page.locator("[data-reads]").getAttribute("data-reads"));
    await page.getByTestId("targets-read-button").click();
    await page.locator(`[data-reads="${reads + 1}"]`).waitFor({ timeout: 60000 });

    const row = (key: string) => page.locator(`[data-testid="target-row"][data-key="${key}"]`);
    await expect(row("tg_dn_co_cdcs").getAttribute("data-state")).resolves.toBe("noLevel");
    const noLevel = await row("tg_dn_co_cdcs").innerText();
    expect(noLevel).toContain("Chưa có mức chỉ tiêu");
    expect(noLevel).not.toContain("Chưa có số liệu");
    expect(await row("tg_dv_uu_tu").innerText()).toContain("2.751 / 2.300");
    await expect(page.getByTestId("targets-summary").innerText()).resolves.toContain(
      "1 chưa có mức chỉ tiêu"
    );
    await row("tg_dn_co_cdcs").scrollIntoViewIfNeeded();
    await shot(page, "targets-vi");

    await switchLanguage(page, "en");
    expect(await row("tg_dn_co_cdcs").innerText()).toContain("No target level yet");
    const english = await row("tg_dv_uu_tu").innerText();
    expect(english).toContain("Target: at least 2,300");
    expect(english).toContain("2,751 / 2,300");
    expect(english).not.toMatch(/\d\.\d{3}\b/);
    await shot(page, "targets-en");
    await switchLanguage(page, "vi");
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});

/** The quarterly report inserted with its sample, and a negative figure typed in. */
async function faultyWorkbook(profile: "1.7" | "latest"): Promise<{
  workbook: HostSnapshot;
  at: { sheet: string; cell: string };
}> {
  const made = createExcelHost({ profile });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  await made.Excel.run((context) =>
    insertTemplate(context, quarterly, { data: loadSample(quarterly.id), supports })
  );
  const n = planWorkbook(quarterly).names.find((x) => x.name === "BC_tt_luot_tham_gia")!;
  const at = { sheet: n.sheet, cell: cellA1(n.range.top, n.range.left) };
  await made.Excel.run(async (context) => {
    context.workbook.worksheets.getItem(at.sheet).getRange(at.cell).values = [[-3]];
    await context.sync();
  });
  return { workbook: made.host.toSnapshot(), at };
}

async function runCheck(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^(Kiểm tra|Check)$/ }).click();
  const last = Number(await page.locator("[data-checks]").getAttribute("data-checks"));
  await page.getByTestId("check-button").click();
  await page.locator(`[data-checks="${last + 1}"]`).waitFor({ timeout: 60000 });
}

for (const profile of ["latest", "1.7"] as const) {
  describe(`hosted, ExcelApi ${profile}: marks are not colour only`, () => {
    let page: Page;
    let errors: ReturnType<typeof watchErrors>;
    let workbook: HostSnapshot;
    let at: { sheet: string; cell: string };
    /** Runs fn(window.__excelHost) in the page (fn must not use anything from this file). */
    const host = <T>(fn: (h: HostWindow["__excelHost"]) => T): Promise<T> =>
      page.evaluate(`(${fn.toString()})(window.__excelHost)`);

    beforeAll(async () => {
      ({ workbook, at } = await faultyWorkbook(profile));
      ({ page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
        profile,
        workbook,
      }));
    });

    afterAll(async () => {
      await page?.close();
    });

    test("each marked cell says what is wrong, and the pane says to clear before sending", async () => {
      await runCheck(page);
      const notes = await page.getByTestId("marks-note").allInnerTexts();
      const reminder = await page.getByTestId("marks-reminder").innerText();
      expect(reminder).toContain("Xoá đánh dấu trước khi gửi");
      if (profile === "latest") {
        const comments = await host((h) =>
          h.sheetNames().flatMap((s) =>
            h
              .sheet(s)
              .comments()
              .map((c) => ({ s, ...c }))
          )
        );
        expect(comments).toEqual([
          expect.objectContaining({
            s: at.sheet,
            address: at.cell,
            content: expect.stringMatching(/^BáoCáo · Lỗi: .+/),
          }),
        ]);
        expect(notes.join("\n")).toContain("có một ghi chú (comment)");
        expect(reminder).toContain("màu và ghi chú của kiểm tra sẽ được gỡ");
      } else {
        const listed = await host((h) => {
          const s = h.sheet("Kết quả kiểm tra");
          return ["A1", "A3", "B4", "C4", "D4"].map((c) => s.cell(c).value);
        });
        expect(listed.slice(0, 4)).toEqual([
          "Kết quả kiểm tra của BáoCáo",
          "Trang",
          at.cell,
          "Lỗi",
        ]);
        expect(notes.join("\n")).toContain('trang "Kết quả kiểm tra"');
        expect(reminder).toContain('trang "Kết quả kiểm tra" sẽ được gỡ');
      }
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `check-${profile}-vi`);
      await switchLanguage(page, "en");
      await expect(page.getByTestId("marks-reminder").innerText()).resolves.toContain(
        "Clear the marks before sending"
      );
      await shot(page, `check-${profile}-en`);
      await switchLanguage(page, "vi");
    });

    test("Xoá đánh dấu removes colours, notes and the findings sheet: the workbook as it was", async () => {
      await page.getByTestId("clear-marks-button").click();
      await page.getByTestId("marks-cleared").waitFor();
      expect(await page.getByTestId("marks-reminder").count()).toBe(0);
      // The check does not move the selection: the very same workbook.
      const now = await host((h) => JSON.stringify(h.toSnapshot()));
      expect(now).toBe(JSON.stringify(workbook));
    });

    test("no uncaught errors", () => {
      expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
    });
  });
}

describe("hosted, ExcelApi latest: consolidating into a workbook that holds a template", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  let workbook: HostSnapshot;
  let dir: string;
  let paths: string[];

  beforeAll(async () => {
    const cluster = findTemplate("cluster-emulation")!;
    dir = mkdtempSync(path.join(os.tmpdir(), "baocao-seen-e2e-"));
    paths = [];
    for (const [i, unit] of CLUSTER_PROVINCES.slice(0, 2).entries()) {
      const p = path.join(dir, `${i + 1}-${unit}.xlsx`);
      writeFileSync(p, await xlsxOf(cluster, unitData(cluster, unit, i + 11)));
      paths.push(p);
    }
    ({ workbook } = await faultyWorkbook("latest"));
    // The in-memory host has one workbook: Excel.createWorkbook records what Excel would open.
    const patch = `window.__opened = []; Excel.createWorkbook = async (b64) => { window.__opened.push(b64.length); };`;
    ({ page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
      profile: "latest",
      workbook,
      patch,
    }));
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
  });

  afterAll(async () => {
    await page?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ["vi", "en"] as const) {
    test(`offers "Mở sổ mới", which leaves the open workbook as it is (${lang})`, async () => {
      if (lang === "en") await switchLanguage(page, "en");
      const runs = Number(await page.getByTestId("consolidate-feature").getAttribute("data-runs"));
      await page.getByTestId("consolidate-file-input").setInputFiles(paths);
      await page.getByTestId("consolidate-run").click();
      const alternative = page.getByTestId("confirm-dialog-alternative");
      await alternative.waitFor({ timeout: 120000 });
      expect(await alternative.innerText()).toBe(
        lang === "vi" ? "Mở sổ mới" : "Open a new workbook"
      );
      await expect(page.getByRole("dialog").innerText()).resolves.toContain(
        lang === "vi" ? "sổ đang mở giữ nguyên" : "this one stays as it is"
      );
      await shot(page, `new-workbook-dialog-${lang}`);
      await alternative.click();
      await page.locator(`[data-runs="${runs + 1}"]`).waitFor({ timeout: 120000 });
      await expect(page.getByTestId("consolidate-written").innerText()).resolves.toContain(
        lang === "vi"
          ? "Đã mở bản tổng hợp trong một sổ tính mới"
          : "Opened the consolidation in a new workbook"
      );
      expect(await page.getByTestId("consolidate-sheets").count()).toBe(0);
      const opened = await page.evaluate(
        () => (window as unknown as { __opened: number[] }).__opened
      );
      expect(opened).toHaveLength(lang === "vi" ? 1 : 2);
      expect(opened[opened.length - 1]).toBeGreaterThan(1000);
      const now = await page.evaluate(() =>
        JSON.stringify((window as unknown as HostWindow).__excelHost.toSnapshot())
      );
      expect(now).toBe(JSON.stringify(workbook));
      await shot(page, `new-workbook-done-${lang}`);
    });
  }

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});
