/**
 * "Tạo kỳ sau" and "Tải dữ liệu phẳng" (issue 11, items 4 and 5) in the built pane, both modes:
 * preview downloads the next period's .xlsx and the CSV; hosted opens the next period as a new
 * workbook (Excel.createWorkbook, faked on the in-memory host) and never touches the open one,
 * and an Excel below ExcelApi 1.8 downloads it instead.
 * Screenshots: test-results/e2e/taskpane-round-*.png.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readWorkbook } from "../../src/core/data/read";
import { findTemplate } from "../../src/templates";
import { buildExcelHostBundle } from "../excel-host/bundle";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import { DIST, OUT, openHostedPane, requireBuild, type HostWindow } from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const qa = findTemplate("quarterly-activity")!;
let server: StaticServer;
let browser: LaunchedBrowser;
let hostBundle: string;

beforeAll(async () => {
  requireBuild();
  hostBundle = await buildExcelHostBundle();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 350, height: 1100 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The quarterly template with its sample for 2024-Q1, then back to the gallery. */
async function makeQ1(page: Page): Promise<void> {
  await page.locator('[data-template="quarterly-activity"] button').click();
  await page.locator('select[data-field="kind"]').selectOption("quarter");
  await page.locator('select[data-field="quarter"]').selectOption("1");
  await page.locator('[data-field="year"]').fill("2024");
  await page.locator('[data-field="issuingBody"]').fill("LĐLĐ TỈNH LAI CHÂU");
  await page.getByLabel("Điền dữ liệu mẫu (để dùng thử)").check();
  await page.getByTestId("insert-button").click();
  await page.getByTestId("insert-result").waitFor({ timeout: 60000 });
  await page.getByRole("button", { name: "Quay lại danh sách mẫu" }).click();
  await page.getByTestId("round-actions").waitFor();
}

async function periodOf(bytes: Buffer): Promise<string | undefined> {
  const snapshot = await readXlsx(
    ExcelJS as unknown as ExcelJsModule,
    new Uint8Array(bytes),
    "next.xlsx"
  );
  return readWorkbook(qa, snapshot).data.header.period;
}

async function download(page: Page, testId: string) {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

test("preview: the next quarter and the flat CSV are downloaded", async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
  await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
  await makeQ1(page);

  const next = await download(page, "next-period-button");
  expect(next.name).toBe("bao-cao-quarterly-activity-2024-Q2.xlsx");
  expect(await periodOf(next.bytes)).toBe("2024-Q2");
  const status = await page.getByTestId("next-period-status").innerText();
  expect(status).toContain("Đã tạo sổ quý II/2024");
  expect(status).toContain("Nhiệm vụ kỳ này đề ra");
  await page.getByTestId("round-actions").screenshot({
    path: path.join(OUT, "taskpane-round-preview-next.png"),
  });

  const csv = await download(page, "flat-csv-button");
  expect(csv.name).toBe("du-lieu-quarterly-activity-2024-Q1.csv");
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toBe("unit,parent,period,indicator,label,measure,value");
  expect(lines[1]).toMatch(/^LĐLĐ TỈNH LAI CHÂU,,2024-Q1,/);
  await expect(page.getByTestId("flat-status").innerText()).resolves.toContain("dòng số liệu");
  await page.getByTestId("round-actions").screenshot({
    path: path.join(OUT, "taskpane-round-preview-flat.png"),
  });
  expect(errors.pageErrors).toEqual([]);
  await page.close();
});

// A stand-in for Excel.createWorkbook, which the in-memory host does not have.
const CREATE_WORKBOOK = `window.__created = [];
  if (window.Excel) window.Excel.createWorkbook = async (b64) => { window.__created.push(b64.length); };`;

test("hosted: the next quarter opens as a new workbook, the open one is unchanged", async () => {
  const { page, errors } = await openHostedPane(browser, server.url, hostBundle, {
    profile: "latest",
    patch: CREATE_WORKBOOK,
  });
  await makeQ1(page);
  const sheetNames = () =>
    page.evaluate(() => (window as unknown as HostWindow).__excelHost.sheetNames());
  const before = await sheetNames();
  await page.getByTestId("next-period-button").click();
  const status = page.getByTestId("next-period-status");
  await status.waitFor({ timeout: 60000 });
  expect(await status.innerText()).toContain("Đã mở sổ quý II/2024 thành sổ tính mới trong Excel");
  const created = await page.evaluate(
    () => (window as unknown as { __created: number[] }).__created
  );
  expect(created).toHaveLength(1);
  expect(created[0]).toBeGreaterThan(1000);
  expect(await sheetNames()).toEqual(before);
  await page.getByTestId("round-actions").screenshot({
    path: path.join(OUT, "taskpane-round-hosted-next.png"),
  });
  expect(errors).toEqual({ pageErrors: [], consoleErrors: [] });
  await page.close();
});

test("hosted, ExcelApi 1.7: no new workbook there, so the next quarter is downloaded", async () => {
  const { page, errors } = await openHostedPane(browser, server.url, hostBundle, {
    profile: "1.7",
  });
  await makeQ1(page);
  const next = await download(page, "next-period-button");
  expect(await periodOf(next.bytes)).toBe("2024-Q2");
  await expect(page.getByTestId("next-period-status").innerText()).resolves.toContain(
    "Đã tạo sổ quý II/2024"
  );
  expect(errors).toEqual({ pageErrors: [], consoleErrors: [] });
  await page.close();
});
