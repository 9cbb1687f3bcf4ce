/**
 * The built task pane (dist/) in preview mode: office.js is blocked as on a machine without network, so
 * the pane works on an in-memory workbook. Drives the template gallery and form, creates a workbook,
 * downloads it and reads it back in Node, opens a file that is not a workbook.
 * Screenshots: test-results/e2e/taskpane-preview-*.png. BAOCAO_DIST overrides the folder served.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readXlsx } from "../../src/adapters/xlsx/read";
import type { ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import { findTemplate } from "../../src/templates";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import { DIST, OUT, pageOverflow, requireBuild } from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const TEMPLATE = "quarterly-activity";

let server: StaticServer;
let browser: LaunchedBrowser;
let page: Page;
let errors: ReturnType<typeof watchErrors>;
let downloaded: Buffer;

const shot = (name: string) =>
  page.screenshot({ path: path.join(OUT, `taskpane-preview-${name}.png`), fullPage: true });

beforeAll(async () => {
  requireBuild();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 350, height: 900 } });
  page = await browser.context.newPage();
  errors = watchErrors(page);
  await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
  await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the initial JavaScript is small: ExcelJS and the engine are lazy chunks", () => {
  const report = JSON.parse(readFileSync(path.join(DIST, "bundle-report.json"), "utf8")) as {
    initial: { gzipKB: number };
    chunks: { chunk: string; type: string }[];
  };
  expect(report.initial.gzipKB).toBeLessThan(400);
  const type = (name: string) => report.chunks.find((c) => c.chunk === name)?.type;
  expect(type("exceljs")).toBe("lazy");
  expect(type("engine")).toBe("lazy");
  expect(type("xlsx-tools")).toBe("lazy");
});

test("starts in preview mode at once, in Vietnamese", async () => {
  await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe(
    "Chế độ xem trước (không có Excel)"
  );
  const text = await page.evaluate(() => document.body.innerText);
  for (const s of [
    "BáoCáo",
    "Mẫu báo cáo",
    "Chọn mẫu báo cáo",
    "Dùng mẫu này",
    "Sổ tính xem trước",
    "Mở tệp .xlsx",
    "Tải xuống",
  ]) {
    expect(text).toContain(s);
  }
  expect(await page.getByRole("tab").allInnerTexts()).toEqual([
    "Mẫu báo cáo",
    "Kiểm tra",
    "Tổng hợp",
    "Chỉ tiêu",
    "Xuất Word",
  ]);
  expect(
    await page.evaluate(() => (window as Window & { __officeJsFailed?: boolean }).__officeJsFailed)
  ).toBe(true);
  // The logo is served from dist/assets.
  expect(
    await page.locator("header img").evaluate((img: HTMLImageElement) => img.naturalWidth)
  ).toBeGreaterThan(0);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("gallery");
});

test("choosing a template shows the form; the period picker gives 2024-Q1, quý I/2024 and the trích yếu", async () => {
  await page.locator(`[data-template="${TEMPLATE}"] button`).click();
  await expect(
    page.locator("[data-form-heading]").evaluate((el) => el === document.activeElement)
  ).resolves.toBe(true);
  const kind = page.locator('select[data-field="kind"]');
  expect(await kind.locator("option").allInnerTexts()).toEqual([
    "Quý",
    "6 tháng",
    "9 tháng",
    "Năm",
  ]);
  await kind.selectOption("half");
  await page.locator('select[data-field="half"]').selectOption("1");
  await page.locator('[data-field="year"]').fill("2023");
  await expect(page.getByTestId("period-code").innerText()).resolves.toBe("2023-H1");
  await expect(page.getByTestId("period-label").innerText()).resolves.toBe("6 tháng đầu năm 2023");

  await kind.selectOption("quarter");
  await page.locator('select[data-field="quarter"]').selectOption("1");
  await page.locator('[data-field="year"]').fill("2024");
  await expect(page.getByTestId("period-code").innerText()).resolves.toBe("2024-Q1");
  await expect(page.getByTestId("period-label").innerText()).resolves.toBe("quý I/2024");
  await expect(page.getByTestId("period-title").innerText()).resolves.toBe(
    "Hoạt động công tác Công đoàn quý I/2024, nhiệm vụ trọng tâm quý II/2024"
  );
  await page.locator('[data-field="issuingBody"]').fill("LĐLĐ TỈNH LAI CHÂU");

  // A wrong year is flagged on its field and blocks creating.
  await page.locator('[data-field="year"]').fill("24");
  expect(await page.evaluate(() => document.body.innerText)).toContain(
    "Năm phải là số từ 1900 đến 9999."
  );
  await page.locator('[data-field="year"]').fill("2024");
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("form");
});

test("Tạo sổ tính makes the workbook and the viewer shows its cover sheet", async () => {
  const button = page.getByTestId("insert-button");
  await expect(button.innerText()).resolves.toBe("Tạo sổ tính");
  await button.click();
  await page.getByTestId("insert-result").waitFor({ timeout: 60000 });
  const result = await page.getByTestId("insert-result").innerText();
  expect(result).toContain("Đã tạo sổ tính");
  expect(result).toContain('"Thông tin chung"');
  expect(result).not.toContain("_BaoCao");
  const table = page.locator('[data-testid="sheet-viewer"] table');
  await expect(table.getAttribute("data-sheet")).resolves.toBe("Thông tin chung");
  await expect(page.getByTestId("sheet-picker").inputValue()).resolves.toBe("Thông tin chung");
  const cells = await table.locator("td[data-cell]").allInnerTexts();
  expect(cells).toContain("THÔNG TIN CHUNG CỦA VĂN BẢN");
  expect(cells).toContain("2024-Q1");
  expect(cells).toContain("LĐLĐ TỈNH LAI CHÂU");
  expect(cells).toContain(
    "Hoạt động công tác Công đoàn quý I/2024, nhiệm vụ trọng tâm quý II/2024"
  );
  await expect(page.getByTestId("preview-file").innerText()).resolves.toContain(
    "bao-cao-quarterly-activity-2024-Q1.xlsx"
  );
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("created");
});

test("selectCell scrolls the viewer to a cell on another sheet and highlights it", async () => {
  await page.evaluate(() =>
    (
      window as unknown as {
        __baocao: { session: { selectCell(s: string, a: string): Promise<void> } };
      }
    ).__baocao.session.selectCell("I. Kết quả", "C14")
  );
  // C14 lies in the merged area B14:G14 (a heading): the whole area is highlighted.
  const cell = page.locator('td[data-cell="B14"][aria-current="true"]');
  await cell.waitFor();
  await expect(page.getByTestId("sheet-picker").inputValue()).resolves.toBe("I. Kết quả");
  expect(await cell.isVisible()).toBe(true);
  const inView = await cell.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const scroller = el.closest('[role="region"]')!.getBoundingClientRect();
    return box.top >= scroller.top - 1 && box.bottom <= scroller.bottom + 1;
  });
  expect(inView).toBe(true);
  expect(await page.evaluate(() => document.body.innerText)).toContain(
    "Ô đang chọn: I. Kết quả!C14"
  );
  await shot("select-cell");
});

test("Tải xuống gives the .xlsx of the template, with period 2024-Q1 on its cover", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-button").click(),
  ]);
  expect(download.suggestedFilename()).toBe("bao-cao-quarterly-activity-2024-Q1.xlsx");
  downloaded = readFileSync((await download.path())!);
  const snapshot = await readXlsx(
    ExcelJS as unknown as ExcelJsModule,
    new Uint8Array(downloaded),
    "download.xlsx"
  );
  expect(readMeta(snapshot)?.templateId).toBe(TEMPLATE);
  const { data } = readWorkbook(findTemplate(TEMPLATE)!, snapshot);
  expect(data.header.period).toBe("2024-Q1");
  expect(data.header.issuingBody).toBe("LĐLĐ TỈNH LAI CHÂU");
});

test("opening a file that is not a workbook shows the Vietnamese error; an .xlsx opens", async () => {
  await page.getByTestId("open-file-input").setInputFiles({
    name: "so-lieu.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Kỳ báo cáo;Số liệu\n2024-Q1;12\n", "utf8"),
  });
  const bar = page.getByTestId("error-bar");
  await bar.waitFor();
  const text = await bar.innerText();
  expect(text).toContain("Không mở được tệp");
  expect(text).toContain('Tệp "so-lieu.csv" không phải sổ tính Excel (.xlsx)');
  // The workbook shown before stays.
  await expect(page.getByTestId("preview-file").innerText()).resolves.toContain(
    "bao-cao-quarterly-activity-2024-Q1.xlsx"
  );
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("open-error");

  await page.getByTestId("open-file-input").setInputFiles({
    name: "Báo cáo quý I.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: downloaded,
  });
  await page.getByText('Đã mở "Báo cáo quý I.xlsx"').waitFor();
  expect(await page.getByTestId("error-bar").count()).toBe(0);
  expect(await page.evaluate(() => document.body.innerText)).toContain(
    'Sổ tính theo mẫu "Báo cáo hoạt động công đoàn (quý, 6 tháng, 9 tháng, năm)".'
  );
  await expect(
    page.locator('[data-testid="sheet-viewer"] table').getAttribute("data-sheet")
  ).resolves.toBe("Thông tin chung");
});

test("the sample data fills the workbook with the seed's figures", async () => {
  await page.locator('[data-field="sample"] input, input[data-field="sample"]').first().check();
  expect(await page.evaluate(() => document.body.innerText)).toContain(
    "Dữ liệu mẫu lấy từ văn bản gốc (quý I/2024)"
  );
  await page.getByTestId("insert-button").click();
  // The new workbook opens on its cover, which now has the sample's number and date.
  await page
    .locator('[data-testid="sheet-viewer"] td[data-cell]', { hasText: /^62\/BC-LĐLĐ$/ })
    .waitFor();
  await expect(page.getByTestId("sheet-picker").inputValue()).resolves.toBe("Thông tin chung");
  const cells = await page.locator('[data-testid="sheet-viewer"] td[data-cell]').allInnerTexts();
  expect(cells).toContain("62/BC-LĐLĐ");
  expect(cells).toContain("08/03/2024");
  await shot("sample");
});

test("a per-unit template takes the list of units, checked for duplicates", async () => {
  await page.getByRole("button", { name: "Quay lại danh sách mẫu" }).click();
  // Back in the gallery, focus returns to the template the user had chosen.
  await expect(
    page.evaluate(() =>
      document.activeElement?.closest("[data-template]")?.getAttribute("data-template")
    )
  ).resolves.toBe(TEMPLATE);
  await page.locator('[data-template="cluster-emulation"] button').click();
  const units = page.locator('textarea[data-field="units"]');
  const defaults = (await units.inputValue()).split("\n");
  expect(defaults).toHaveLength(7);
  expect(defaults[0]).toBe("LĐLĐ tỉnh Lai Châu");
  expect(await page.evaluate(() => document.body.innerText)).toContain("Đã nhập 7 đơn vị.");

  await units.fill([...defaults, "- LĐLĐ tỉnh Sơn La;"].join("\n"));
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).toContain('Đơn vị "LĐLĐ tỉnh Sơn La" bị trùng (dòng 7 và dòng 8).');
  await page.getByTestId("insert-button").click();
  expect(await page.evaluate(() => document.body.innerText)).toContain(
    "Hãy sửa các ô báo lỗi ở trên trước khi tạo."
  );
  await shot("units-error");

  await units.fill([...defaults, "LĐLĐ tỉnh Yên Bái"].join("\n"));
  expect(await page.evaluate(() => document.body.innerText)).toContain("Đã nhập 8 đơn vị.");
  await page.locator('select[data-field="half"]').selectOption("1");
  await page.locator('[data-field="year"]').fill("2023");
  await expect(page.getByTestId("period-label").innerText()).resolves.toBe("6 tháng đầu năm 2023");
  await page.getByTestId("insert-button").click();
  await page.getByText("bao-cao-cluster-emulation-2023-H1.xlsx").waitFor();
  await page.getByTestId("sheet-picker").selectOption("Đơn vị");
  const cells = await page.locator('[data-testid="sheet-viewer"] td[data-cell]').allInnerTexts();
  expect(cells).toContain("LĐLĐ tỉnh Yên Bái");
  expect(cells).toContain("LĐLĐ tỉnh Lai Châu");
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("units");
});

test("fits a 320 px pane and switches to English", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("320px");
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe("Preview mode (no Excel)");
  expect(await page.getByRole("tab").allInnerTexts()).toEqual([
    "Templates",
    "Check",
    "Consolidate",
    "Targets",
    "Word draft",
  ]);
  expect(await page.evaluate(() => document.body.innerText)).toContain("Create workbook");
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("english");
  // Back to Vietnamese, so later pages of this browser profile start as users see them.
  await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
  await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe(
    "Chế độ xem trước (không có Excel)"
  );
});

test("no uncaught errors, and nothing but office.js tried to leave 127.0.0.1", () => {
  expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  expect(browser.blockedRequests.every((u) => u.includes("appsforoffice.microsoft.com"))).toBe(
    true
  );
});
