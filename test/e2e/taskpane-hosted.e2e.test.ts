/**
 * The built task pane (dist/) in hosted mode, on the in-memory Excel host (test/excel-host) injected
 * before the page's scripts. office.js itself is answered with an empty script, as if it had loaded:
 * the host's Office and Excel objects stand in for it.
 * Screenshots: test-results/e2e/taskpane-hosted-*.png. BAOCAO_DIST overrides the folder served.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { buildExcelHostBundle } from "../excel-host/bundle";
import { launchBrowser, type LaunchedBrowser } from "./browser";
import {
  DIST,
  OUT,
  openDialog,
  openHostedPane,
  pageOverflow,
  requireBuild,
  type HostOptions,
  type HostWindow,
  type OpenedPane,
} from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const TEMPLATE = "quarterly-activity";
const COVER = "Thông tin chung";

let server: StaticServer;
let browser: LaunchedBrowser;
let hostBundle: string;

beforeAll(async () => {
  requireBuild();
  hostBundle = await buildExcelHostBundle();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 350, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the pane on a fresh in-memory Excel host. */
function openHosted(options: HostOptions): Promise<OpenedPane> {
  return openHostedPane(browser, server.url, hostBundle, options);
}

async function fillForm(page: Page, issuingBody = "LĐLĐ TỈNH LAI CHÂU"): Promise<void> {
  await page.locator(`[data-template="${TEMPLATE}"] button`).click();
  await page.locator('select[data-field="kind"]').selectOption("quarter");
  await page.locator('select[data-field="quarter"]').selectOption("1");
  await page.locator('[data-field="year"]').fill("2024");
  await page.locator('[data-field="issuingBody"]').fill(issuingBody);
  await expect(page.getByTestId("period-code").innerText()).resolves.toBe("2024-Q1");
}

const syncCount = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).__excelHost.syncCount);
const sheetNames = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).__excelHost.sheetNames());

/** The cover cell named BCH_period, as the host sees it. */
async function periodCell(page: Page) {
  return page.evaluate(() => {
    const host = (window as unknown as HostWindow).__excelHost;
    const name = host.names().find((n) => n.name === "BCH_period");
    if (!name) return null;
    const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(name.formula);
    const cell = host.sheet("Thông tin chung").cell(`${m![1]}${m![2]}`);
    return { formula: name.formula, value: cell.value, validation: cell.validation };
  });
}

async function insert(page: Page): Promise<void> {
  await page.getByTestId("insert-button").click();
}

describe.each(["latest", "1.7"] as const)("ExcelApi %s", (profile) => {
  let page: Page;
  let errors: OpenedPane["errors"];
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(OUT, `taskpane-hosted-${profile}-${name}.png`),
      fullPage: true,
    });

  beforeAll(async () => {
    ({ page, errors } = await openHosted({ profile }));
  });

  afterAll(async () => {
    await page?.close();
  });

  test("starts in hosted mode, in Vietnamese", async () => {
    await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe(
      "Đang làm việc trong Excel"
    );
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain("Gỡ mẫu khỏi sổ tính");
    expect(text).not.toContain("Sổ tính xem trước");
    expect(text).not.toContain("Cần Office 2019 trở lên");
  });

  test("inserting the template creates its sheets and names in at most 3 syncs", async () => {
    await fillForm(page);
    await expect(page.getByTestId("insert-button").innerText()).resolves.toBe(
      "Chèn mẫu vào sổ tính"
    );
    const before = await syncCount(page);
    await insert(page);
    await page.getByTestId("insert-result").waitFor({ timeout: 60000 });
    const syncs = (await syncCount(page)) - before;
    expect(syncs).toBeGreaterThan(0);
    expect(syncs).toBeLessThanOrEqual(3);

    const sheets = await sheetNames(page);
    expect(sheets).toEqual(
      expect.arrayContaining([COVER, "I. Kết quả", "II. Hạn chế", "III. Nhiệm vụ", "_BaoCao"])
    );
    const names = await page.evaluate(() =>
      (window as unknown as HostWindow).__excelHost.names().map((n) => n.name)
    );
    expect(names).toEqual(expect.arrayContaining(["BCH_period", "BCH_issuingBody", "BCH_title"]));
    expect(names.filter((n) => n.startsWith("BC_")).length).toBeGreaterThan(20);

    const period = (await periodCell(page))!;
    expect(period.value).toBe("2024-Q1");
    if (profile === "latest") expect(period.validation).not.toBeNull();
    else expect(period.validation).toBeNull();

    const result = await page.getByTestId("insert-result").innerText();
    expect(result).toContain("Đã chèn mẫu vào sổ tính");
    expect(result).toContain(`"${COVER}"`);
    expect(result).toContain(`Gỡ lỗi: ${syncs} lần đồng bộ với Excel`);
    const warnings = await page.getByTestId("result-warning").allInnerTexts();
    const noValidation =
      "Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (cần ExcelApi 1.8): các ô vẫn được tô màu nhưng không có thông báo nhập liệu.";
    if (profile === "1.7") expect(warnings).toContain(noValidation);
    else expect(warnings).toEqual([]);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("inserted");
  });

  test("a second insertion asks before replacing; keeping leaves the workbook as it was", async () => {
    const before = await sheetNames(page);
    await insert(page);
    const dialog = await openDialog(page);
    const text = await dialog.innerText();
    expect(text).toContain("Sổ tính đã có mẫu BáoCáo");
    expect(text).toContain("xóa các trang của mẫu cũ cùng toàn bộ số liệu");
    expect(await page.getByTestId("dialog-sheets").locator("li").allInnerTexts()).toEqual(
      expect.arrayContaining([COVER, "I. Kết quả"])
    );
    expect(await page.getByTestId("dialog-sheets").innerText()).not.toContain("_BaoCao");
    await shot("replace-dialog");
    await dialog.getByRole("button", { name: "Giữ nguyên" }).click();
    await page.getByTestId("insert-cancelled").waitFor();
    expect(await sheetNames(page)).toEqual(before);
  });

  test("confirming replaces the old template's sheets, no '(2)' copies", async () => {
    await page.locator('[data-field="issuingBody"]').fill("LĐLĐ TỈNH CAO BẰNG");
    await insert(page);
    const dialog = await openDialog(page);
    await dialog.getByRole("button", { name: "Thay mẫu, xóa trang cũ" }).click();
    await page.getByTestId("insert-result").waitFor();
    const result = await page.getByTestId("insert-result").innerText();
    expect(result).toMatch(/Mẫu cũ đã được thay: \d+ trang cũ đã bị xóa\./);
    const sheets = await sheetNames(page);
    expect(sheets.filter((s) => s.includes("(2)") || s.startsWith("~"))).toEqual([]);
    const issuer = await page.evaluate(() => {
      const host = (window as unknown as HostWindow).__excelHost;
      const f = host.names().find((n) => n.name === "BCH_issuingBody")!.formula;
      const m = /!\$?([A-Z]+)\$?(\d+)$/.exec(f)!;
      return host.sheet("Thông tin chung").cell(`${m[1]}${m[2]}`).value;
    });
    expect(issuer).toBe("LĐLĐ TỈNH CAO BẰNG");
  });

  test("Gỡ mẫu khỏi sổ tính asks, then removes the template's sheets and names", async () => {
    await page.getByTestId("remove-button").click();
    const dialog = await openDialog(page);
    expect(await dialog.innerText()).toContain("Gỡ mẫu khỏi sổ tính?");
    await shot("remove-dialog");
    await dialog.getByRole("button", { name: "Gỡ mẫu" }).click();
    await expect(page.getByTestId("remove-status").innerText()).resolves.toMatch(
      /Đã gỡ mẫu: \d+ trang đã bị xóa\./
    );
    const sheets = await sheetNames(page);
    expect(sheets).not.toContain(COVER);
    expect(sheets.length).toBeGreaterThan(0);
    const left = await page.evaluate(() =>
      (window as unknown as HostWindow).__excelHost.names().filter((n) => /^BC/.test(n.name))
    );
    expect(left).toEqual([]);
    // Nothing left to remove.
    await page.getByTestId("remove-button").click();
    await expect(page.getByTestId("remove-status").innerText()).resolves.toBe(
      "Sổ tính này chưa có mẫu BáoCáo nào để gỡ."
    );
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});

test("a sheet name the user already has is kept; the template takes another and says so", async () => {
  const { page, errors } = await openHosted({ profile: "latest" });
  await page.evaluate(() => (window as unknown as HostWindow).__excelHost.addSheet("I. Kết quả"));
  await fillForm(page);
  await insert(page);
  await page.getByTestId("insert-result").waitFor();
  expect(await page.getByTestId("insert-result").innerText()).toContain(
    'Trang "I. Kết quả" đã có nên mẫu dùng tên "I. Kết quả (2)".'
  );
  expect(await sheetNames(page)).toEqual(expect.arrayContaining(["I. Kết quả", "I. Kết quả (2)"]));
  await page.screenshot({ path: path.join(OUT, "taskpane-hosted-renamed.png"), fullPage: true });
  expect(errors.pageErrors).toEqual([]);
  await page.close();
});

test("English Office and a dark theme: English text, dark background", async () => {
  const { page } = await openHosted({
    profile: "latest",
    displayLanguage: "en-US",
    bodyBackgroundColor: "#262626",
  });
  await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe("Working in Excel");
  expect(await page.getByRole("tab").allInnerTexts()).toEqual([
    "Templates",
    "Check",
    "Consolidate",
    "Targets",
    "Word draft",
  ]);
  const background = await page.locator("header").evaluate((el) => {
    const rgb = getComputedStyle(el.parentElement!).backgroundColor.match(/\d+/g)!.map(Number);
    return rgb[0] + rgb[1] + rgb[2];
  });
  expect(background).toBeLessThan(3 * 96);
  await page.locator(`[data-template="${TEMPLATE}"] button`).click();
  expect(await page.getByTestId("insert-button").innerText()).toBe(
    "Insert the template into the workbook"
  );
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.screenshot({
    path: path.join(OUT, "taskpane-hosted-dark-english.png"),
    fullPage: true,
  });
  await page.close();
});

test("Excel older than ExcelApi 1.7 gets the Office 2019 message and cannot insert", async () => {
  const { page } = await openHosted({
    profile: "1.7",
    // Excel 2016: ExcelApi up to 1.6.
    patch:
      "Office.context.requirements.isSetSupported = function (name, v) { return String(name).toLowerCase() !== 'excelapi' || Number(String(v || '1.1').split('.')[1]) <= 6; };",
  });
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).toContain("Cần Office 2019 trở lên");
  expect(text).toContain("Excel 2019, Excel 2021, Microsoft 365 hoặc Excel trên web");
  await page.locator(`[data-template="${TEMPLATE}"] button`).click();
  expect(await page.getByTestId("insert-button").isDisabled()).toBe(true);
  await page.screenshot({ path: path.join(OUT, "taskpane-hosted-too-old.png"), fullPage: true });
  await page.close();
});

test("an Excel slower than the 3 s start-up timeout: preview first, then hosted once Office is ready", async () => {
  const { page, errors } = await openHosted({
    profile: "latest",
    patch:
      "(function () { var ready = Office.onReady; Office.onReady = function (cb) { return new Promise(function (r) { setTimeout(r, 4500); }).then(function () { return ready.call(Office, cb); }); }; })();",
  });
  await expect(page.getByTestId("mode-badge").innerText()).resolves.toBe(
    "Chế độ xem trước (không có Excel)"
  );
  await page.getByText("Đang làm việc trong Excel").waitFor({ timeout: 10000 });
  expect(await page.evaluate(() => document.body.innerText)).toContain("Gỡ mẫu khỏi sổ tính");
  expect(errors.pageErrors).toEqual([]);
  await page.close();
});
