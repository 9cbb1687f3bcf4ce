/**
 * "Mẫu của đơn vị" in the built task pane (dist/, or BAOCAO_DIST), preview mode, end to end:
 * - the office catalogue: templates/index.json next to the pane lists the hand-written template
 *   test/fixtures/templates/mai-am-cong-doan.json (served here) and a broken file; the template
 *   appears in the gallery, the broken file is reported at its place in the file and skipped;
 * - that template makes a workbook, "Kiểm tra" identifies and checks it, "Xuất Word" builds its
 *   draft in the Web Worker (which is sent the template's file);
 * - "Nhập mẫu từ tệp…": a wrong file is refused with its mistakes located; a right one is added,
 *   shadows the office template of its id with a notice, is still there after a reload, and goes
 *   away with "Xoá mẫu".
 * Screenshots: test-results/e2e/taskpane-unit-templates-*.png.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { openDocx, part } from "../support/docx-checks";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import { DIST, OUT, pageOverflow, requireBuild } from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const FIXTURE = path.join(__dirname, "..", "fixtures", "templates", "mai-am-cong-doan.json");
const fixture = readFileSync(FIXTURE, "utf8");
const ID = "mai-am-cong-doan";
const broken = (() => {
  const raw = JSON.parse(fixture);
  raw.id = "mau-hong";
  raw.indicators[1].section = "khong_co";
  return JSON.stringify(raw);
})();

let server: StaticServer;
let browser: LaunchedBrowser;
let page: Page;
let errors: ReturnType<typeof watchErrors>;

const shot = (name: string) =>
  page.screenshot({ path: path.join(OUT, `taskpane-unit-templates-${name}.png`), fullPage: true });
const card = (id: string) => page.locator(`[role="listitem"][data-template="${id}"]`);

beforeAll(async () => {
  requireBuild();
  server = await startStaticServer(DIST);
  browser = await launchBrowser({ viewport: { width: 450, height: 900 } });
  page = await browser.context.newPage();
  errors = watchErrors(page);
  await page.emulateMedia({ reducedMotion: "reduce" });
  // The office catalogue, as an office would deploy it next to taskpane.html.
  const json = (body: string) => ({ status: 200, contentType: "application/json", body });
  await page.route("**/templates/index.json", (r) =>
    r.fulfill(json(JSON.stringify([`${ID}.json`, "mau-hong.json"])))
  );
  await page.route(`**/templates/${ID}.json`, (r) => r.fulfill(json(fixture)));
  await page.route("**/templates/mau-hong.json", (r) => r.fulfill(json(broken)));
  await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
  await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
}, 60000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the office template is in the gallery; the broken file is said at its place and skipped", async () => {
  await card(ID).waitFor({ timeout: 30000 });
  // The built-in templates are all still there, above.
  expect(await page.locator('[data-testid="unit-templates"] [data-template]').count()).toBe(1);
  expect(await page.locator("[role=listitem][data-template]").count()).toBe(6);
  await expect(card(ID).getByTestId("template-origin").innerText()).resolves.toContain(
    "Mẫu chung của cơ quan"
  );
  const problem = page.getByTestId("template-file-problem");
  await expect(problem.innerText()).resolves.toContain('bỏ qua tệp "mau-hong.json"');
  await expect(problem.getByTestId("template-issues").innerText()).resolves.toMatch(
    /indicators\[1\]\(ma_da_ho_tro\)\.section: không có mục "khong_co"/
  );
  expect(await card("mau-hong").count()).toBe(0);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await shot("office");
});

test("it makes a workbook, which Kiểm tra checks and Xuất Word drafts in the worker", async () => {
  await card(ID)
    .getByRole("button", { name: /Dùng mẫu/ })
    .click();
  await page.locator('[data-field="year"]').fill("2025");
  await page.locator('[data-field="issuingBody"]').fill("LĐLĐ TỈNH LAI CHÂU");
  await page.getByTestId("insert-button").click();
  await page.getByTestId("insert-result").waitFor({ timeout: 60000 });
  await expect(page.getByTestId("insert-result").innerText()).resolves.toContain("Đã tạo sổ tính");

  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByTestId("check-button").click();
  await page.getByTestId("check-status").waitFor({ timeout: 60000 });
  expect(await page.getByTestId("check-problem").count()).toBe(0);
  await expect(page.getByTestId("check-status").innerText()).resolves.toMatch(/sẵn sàng/i);

  await page.getByRole("tab", { name: "Xuất Word" }).click();
  await page.getByTestId("export-summary").waitFor({ timeout: 60000 });
  await expect(page.getByTestId("export-summary").innerText()).resolves.toContain(
    "Mái ấm Công đoàn"
  );
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60000 }),
    page.getByTestId("export-button").click(),
  ]);
  const file = path.join(OUT, "taskpane-unit-templates.docx");
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe(`bao-cao-${ID}-2025.docx`);
  await expect(page.getByTestId("export-debug").innerText()).resolves.toContain("Web Worker");
  const doc = await part(await openDocx(readFileSync(file)), "word/document.xml");
  expect(doc).toContain("Mái ấm Công đoàn");
});

test("Nhập mẫu từ tệp: a wrong file is refused with its mistakes located, nothing added", async () => {
  await page.getByRole("tab", { name: "Mẫu báo cáo" }).click();
  const back = page.getByRole("button", { name: "Quay lại danh sách mẫu" });
  if (await back.count()) await back.click();
  await page.getByTestId("template-file-input").setInputFiles({
    name: "mau-hong.json",
    mimeType: "application/json",
    buffer: Buffer.from(broken),
  });
  const refused = page.getByTestId("template-import-error");
  await refused.waitFor({ timeout: 30000 });
  await expect(refused.innerText()).resolves.toContain(
    'Không thêm được mẫu từ tệp "mau-hong.json"'
  );
  await expect(refused.getByTestId("template-issues").innerText()).resolves.toContain(
    'indicators[1](ma_da_ho_tro).section: không có mục "khong_co"'
  );
  expect(await card("mau-hong").count()).toBe(0);
});

test("a right file is added, shadows the office template with a notice, stays after a reload, and can be removed", async () => {
  const mine = {
    ...JSON.parse(fixture),
    version: "1.1.0",
    title: "Mái ấm Công đoàn (bản của LĐLĐ tỉnh)",
  };
  await page.getByTestId("template-file-input").setInputFiles({
    name: "mai-am-tinh.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await page.getByText('Đã thêm mẫu "Mái ấm Công đoàn (bản của LĐLĐ tỉnh)"').waitFor();
  expect(await card(ID).count()).toBe(1);
  await expect(card(ID).getByTestId("template-origin").innerText()).resolves.toContain(
    'Bạn đã nhập từ tệp "mai-am-tinh.json"'
  );
  await expect(card(ID).getByTestId("template-shadows").innerText()).resolves.toBe(
    'Dùng thay cho mẫu chung của cơ quan cùng mã "mai-am-cong-doan" (phiên bản 1.0.0).'
  );
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await card(ID).scrollIntoViewIfNeeded();
  await shot("imported");
  await page.getByTestId("unit-templates").screenshot({
    path: path.join(OUT, "taskpane-unit-templates-section.png"),
  });
  await page.setViewportSize({ width: 320, height: 900 });
  await shot("imported-320");
  await page.getByTestId("unit-templates").screenshot({
    path: path.join(OUT, "taskpane-unit-templates-section-320.png"),
  });
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 450, height: 900 });

  await page.reload({ waitUntil: "load" });
  await card(ID).getByTestId("template-shadows").waitFor({ timeout: 30000 });
  await expect(card(ID).locator("h3").innerText()).resolves.toBe(
    "Mái ấm Công đoàn (bản của LĐLĐ tỉnh)"
  );

  await card(ID)
    .getByRole("button", { name: /^Xoá mẫu/ })
    .click();
  await page
    .getByText('Đã xoá mẫu "Mái ấm Công đoàn (bản của LĐLĐ tỉnh)" khỏi danh sách.')
    .waitFor();
  // The office template is back.
  await expect(card(ID).getByTestId("template-origin").innerText()).resolves.toContain(
    "Mẫu chung của cơ quan"
  );
  await expect(page.evaluate(() => document.activeElement?.textContent ?? "")).resolves.toBe(
    "Nhập mẫu từ tệp…"
  );
});

test("no uncaught errors", () => {
  expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
});
