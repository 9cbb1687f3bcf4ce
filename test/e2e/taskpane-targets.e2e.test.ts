/**
 * The "Chỉ tiêu" tab of the built task pane (dist/, or BAOCAO_DIST), end to end in both modes, on
 * the annual plan (15 targets) with some results typed in:
 * - Hosted (ExcelApi 1.7, Office 2019): the in-memory Excel host preloaded with the template
 *   inserted by the Office.js writer; the tab lists the core's statuses; "Vẽ biểu đồ trong Excel"
 *   adds one chart on the Chỉ tiêu sheet, protection back on; "Xoá biểu đồ" gives the workbook back.
 * - Preview: an .xlsx made with the core; the rows appear and the chart button says it needs Excel.
 * Screenshots at 450 and 320 px: test-results/e2e/taskpane-targets-*.png.
 */
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { insertTemplate } from "../../src/adapters/office/insert";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import type { ReportData } from "../../src/core/data/types";
import { planWorkbook } from "../../src/core/layout/planner";
import { targetCompletions } from "../../src/core/rollup/completion";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { createExcelHost, type WorkbookSnapshot as HostSnapshot } from "../excel-host";
import { buildExcelHostBundle } from "../excel-host/bundle";
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

const template = findTemplate("annual-plan")!;
const SHEET = planWorkbook(template).sheets.find((s) => s.role === "targets")!.name;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exceljs = ExcelJS as unknown as ExcelJsModule;

/** The plan's sample with results for some targets: met, exceeded, not met, and still empty. */
function planData(): ReportData {
  const data = loadSample(template.id);
  return {
    ...data,
    values: {
      ...data.values,
      // trên 85% doanh nghiệp có CĐCS: 90% → Đạt.
      dn_10_ld_co_cdcs: 90,
      dn_10_ld_tong: 100,
      // 100% tổ chức hội nghị người lao động: 70% → Chưa đạt.
      dn_10_ld_hn_nld: 70,
      // ít nhất 500 đoàn viên ưu tú: 620 → Vượt.
      dv_uu_tu: 620,
    },
  };
}

/** The statuses the core gives: what the pane must show, row by row. */
const expectedStates = targetCompletions(template, planData()).map((c) =>
  c.indicator === null
    ? "manual"
    : (c.status ?? (c.result !== null && c.targetValue === null ? "noLevel" : "noData"))
);
const expectedAchieved = expectedStates.filter((s) => s === "met" || s === "exceeded").length;

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  requireBuild();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 450, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openTargetsTab(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^(Chỉ tiêu|Targets)$/ }).click();
  await page.getByTestId("targets-read-button").waitFor();
}

/** Clicks "Đọc chỉ tiêu" and waits for this reading (the tab counts them in data-reads). */
async function readTargets(page: Page): Promise<void> {
  const last = Number(await page.locator("[data-reads]").getAttribute("data-reads"));
  await page.getByTestId("targets-read-button").click();
  await page.locator(`[data-reads="${last + 1}"]`).waitFor({ timeout: 60000 });
}

async function rows(page: Page) {
  return page.getByTestId("target-row").evaluateAll((els) =>
    els.map((el) => ({
      key: el.getAttribute("data-key"),
      state: el.getAttribute("data-state"),
      status: el.querySelector('[data-testid="target-status"]')?.textContent ?? "",
      meter: el.querySelector('[role="meter"]')?.getAttribute("aria-valuenow") ?? null,
    }))
  );
}

const STATUS_VI: Record<string, string> = {
  exceeded: "Vượt",
  met: "Đạt",
  notMet: "Chưa đạt",
  noData: "Chưa có số liệu",
  noLevel: "Chưa có mức chỉ tiêu",
  manual: "Đánh giá trong nội dung",
};

async function checkFits(page: Page): Promise<void> {
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  expect(
    await clippedElements(
      page,
      '[data-testid="target-row"], button, [data-testid="targets-summary"], [role="tab"]'
    )
  ).toEqual([]);
}

describe("hosted, ExcelApi 1.7", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  /** The whole page, and what the pane shows without scrolling (-top). */
  const shot = async (name: string) => {
    await page.screenshot({
      path: path.join(OUT, `taskpane-targets-hosted-${name}.png`),
      fullPage: true,
    });
    await page.screenshot({ path: path.join(OUT, `taskpane-targets-hosted-${name}-top.png`) });
  };
  /** Runs fn(window.__excelHost) in the page (fn must not use anything from this file). */
  const host = <T>(fn: string): Promise<T> => page.evaluate(`(${fn})(window.__excelHost)`);

  beforeAll(async () => {
    const made = createExcelHost({ profile: "1.7" });
    const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
    await made.Excel.run((context) =>
      insertTemplate(context, template, { data: planData(), supports })
    );
    const workbook: HostSnapshot = made.host.toSnapshot();
    ({ page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
      profile: "1.7",
      workbook,
    }));
    await openTargetsTab(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("reads the 15 targets with the core's statuses, bars and summary", async () => {
    const before = await host<string>("(h) => JSON.stringify(h.toSnapshot())");
    await readTargets(page);
    const listed = await rows(page);
    expect(listed.map((r) => r.key)).toEqual(template.targets.map((t) => t.id));
    expect(listed.map((r) => r.state)).toEqual(expectedStates);
    expect(listed.map((r) => r.status)).toEqual(expectedStates.map((s) => STATUS_VI[s]));
    // The data names real indicators: three statuses, not fifteen empty rows.
    expect(new Set(expectedStates)).toEqual(new Set(["met", "exceeded", "notMet", "noData"]));
    expect(listed.find((r) => r.key === "tg_dv_uu_tu")?.meter).toBe("124");
    const summary = await page.getByTestId("targets-summary").innerText();
    expect(summary).toContain(`Đạt/vượt ${expectedAchieved}/15 chỉ tiêu`);
    expect(summary).toContain("chưa đạt");
    // Reading never writes.
    expect(await host<string>("(h) => JSON.stringify(h.toSnapshot())")).toBe(before);
    await checkFits(page);
    await shot("450px");
  });

  test("draws the chart on the Chỉ tiêu sheet, protection back on, and removes it", async () => {
    const before = await host<string>("(h) => JSON.stringify(h.toSnapshot())");
    expect(await page.getByTestId("chart-remove-button").count()).toBe(0);
    await page.getByTestId("chart-draw-button").click();
    await page.getByTestId("chart-done").waitFor();
    const sheet = JSON.stringify(SHEET);
    const after = await host<{
      charts: { name: string; type: string; title: { text: string }; topLeftCell: string }[];
      protected: boolean;
    }>(
      `(h) => ({ charts: h.sheet(${sheet}).charts(), protected: h.sheet(${sheet}).protection.protected })`
    );
    expect(after.charts).toHaveLength(1);
    expect(after.charts[0]).toMatchObject({
      name: "BaoCao_ChiTieu",
      type: "BarClustered",
      title: { text: "Tỷ lệ thực hiện chỉ tiêu" },
      topLeftCell: "K4",
    });
    expect(after.protected).toBe(true);
    await expect(page.getByTestId("chart-debug").innerText()).resolves.toContain("2 lần đồng bộ");
    await shot("chart-drawn");

    await page.getByTestId("chart-remove-button").click();
    await page.getByText("Đã xoá biểu đồ").waitFor();
    expect(await host<string>("(h) => JSON.stringify(h.toSnapshot())")).toBe(before);
    expect(await page.getByTestId("chart-remove-button").count()).toBe(0);
  });

  test("fits a 320 px pane", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await checkFits(page);
    await shot("320px");
    await page.setViewportSize({ width: 450, height: 900 });
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});

describe("preview mode", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  /** The whole page, and what the pane shows without scrolling (-top). */
  const shot = async (name: string) => {
    await page.screenshot({
      path: path.join(OUT, `taskpane-targets-preview-${name}.png`),
      fullPage: true,
    });
    await page.screenshot({ path: path.join(OUT, `taskpane-targets-preview-${name}-top.png`) });
  };

  beforeAll(async () => {
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
    await openTargetsTab(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("with no workbook, says what to do", async () => {
    await readTargets(page);
    await expect(page.getByTestId("targets-problem").innerText()).resolves.toContain(
      "Chưa có sổ tính."
    );
  });

  test("an opened annual plan lists its targets; the chart needs Excel", async () => {
    const bytes = Buffer.from(await planToXlsx(exceljs, planWorkbook(template, planData())));
    const name = "Kế hoạch năm 2022.xlsx";
    await page
      .getByTestId("open-file-input")
      .setInputFiles({ name, mimeType: XLSX, buffer: bytes });
    await page.getByText(`Đã mở "${name}"`).waitFor();
    await readTargets(page);
    const listed = await rows(page);
    expect(listed.map((r) => r.state)).toEqual(expectedStates);
    expect(await page.getByTestId("chart-draw-button").isDisabled()).toBe(true);
    await expect(page.getByTestId("chart-needs-excel").innerText()).resolves.toContain(
      "Biểu đồ được vẽ trong Excel"
    );
    await checkFits(page);
    await shot("450px");
    await page.setViewportSize({ width: 320, height: 900 });
    await checkFits(page);
    await shot("320px");
  });

  test("a cluster report shows each unit's targets, grouped by target", async () => {
    const cluster = findTemplate("cluster-emulation")!;
    const bytes = Buffer.from(
      await planToXlsx(exceljs, planWorkbook(cluster, loadSample(cluster.id)))
    );
    const name = "Cụm thi đua 6 tháng.xlsx";
    await page
      .getByTestId("open-file-input")
      .setInputFiles({ name, mimeType: XLSX, buffer: bytes });
    await page.getByText(`Đã mở "${name}"`).waitFor();
    await readTargets(page);
    const groups = page.getByTestId("unit-target-group");
    expect(await groups.count()).toBeGreaterThan(1);
    await expect(groups.first().innerText()).resolves.toContain("LĐLĐ tỉnh Lai Châu");
    // No Chỉ tiêu sheet in this template: nothing to chart.
    expect(await page.getByTestId("chart-draw-button").count()).toBe(0);
    await checkFits(page);
    await shot("cluster-320px");
    await page.getByTestId("open-file-input").setInputFiles({
      name: "Kế hoạch năm 2022.xlsx",
      mimeType: XLSX,
      buffer: Buffer.from(await planToXlsx(exceljs, planWorkbook(template, planData()))),
    });
    await page.getByText('Đã mở "Kế hoạch năm 2022.xlsx"').waitFor();
    await readTargets(page);
  });

  test("reads in English", async () => {
    await page.getByRole("button", { name: "Switch to English" }).click();
    const summary = await page.getByTestId("targets-summary").innerText();
    expect(summary).toContain(`${expectedAchieved} of 15 targets met or exceeded`);
    await expect(page.getByTestId("chart-needs-excel").innerText()).resolves.toContain(
      "Charts are drawn in Excel"
    );
    await checkFits(page);
    await shot("english-320px");
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});
