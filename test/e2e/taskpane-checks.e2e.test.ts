/**
 * The "Kiểm tra" tab of the built task pane (dist/, or BAOCAO_DIST), end to end in both modes:
 * open a faulty workbook, check it, see the findings by sheet, click one and see its cell selected,
 * clear the marks and get the workbook back exactly as it was.
 * - Preview: .xlsx files made here with the core (planWorkbook + planToXlsx) and faults typed in with
 *   ExcelJS; the marks are the viewer's only and the downloaded bytes are the opened ones.
 * - Hosted (ExcelApi "latest" and "1.7"): the in-memory Excel host preloaded with the template
 *   inserted by the Office.js writer and the same faults; marks are conditional formats.
 * Screenshots: test-results/e2e/taskpane-checks-*.png.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { insertTemplate } from "../../src/adapters/office/insert";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import type { Finding } from "../../src/core/findings";
import type { ReportData } from "../../src/core/data/types";
import { cellA1 } from "../../src/core/layout/a1";
import { planWorkbook } from "../../src/core/layout/planner";
import { isNumericType } from "../../src/core/model/load";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { validateWorkbook } from "../../src/core/validate";
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
  type HostWindow,
} from "./pane-helpers";
import { startStaticServer, type StaticServer } from "./serve";

const TEMPLATE = "quarterly-activity";
/** The template with the most sheets and per-unit tables (15 input sheets). */
const MANY = "cluster-emulation";
const COVER = "Thông tin chung";
const RESULTS = "I. Kết quả";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const exceljs = ExcelJS as unknown as ExcelJsModule;

/** The faults a user typically makes: a negative figure, a number typed as text, an empty header. */
const FAULTS = { BC_tt_luot_tham_gia: -3, BC_cho_tet_suat: "2.042", BCH_issuingBody: null };

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

// ---------------------------------------------------------------------------------------------
// Workbooks made in Node, as `baocao new` + `baocao fill` would, then edited as a user would.

async function sampleXlsx(templateId = TEMPLATE): Promise<Buffer> {
  const t = findTemplate(templateId)!;
  return Buffer.from(await planToXlsx(exceljs, planWorkbook(t, loadSample(t.id))));
}

/** Types values into the cells of defined names, through ExcelJS (null empties the cell). */
async function editXlsx(
  bytes: Buffer,
  changes: Record<string, ExcelJS.CellValue>
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [name, value] of Object.entries(changes)) {
    const ref = wb.definedNames.model.find((n) => n.name === name)!.ranges[0];
    const [sheet, addr] = ref.split("!");
    const ws = wb.getWorksheet(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"))!;
    ws.getCell(addr.replace(/\$/g, "").split(":")[0]).value = value;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the core finds in a file: the expectation the pane must show. */
async function expectedFindings(bytes: Buffer, templateId = TEMPLATE): Promise<Finding[]> {
  const snapshot = await readXlsx(exceljs, new Uint8Array(bytes), "x.xlsx");
  return validateWorkbook(findTemplate(templateId)!, snapshot).findings;
}

/** The in-memory Excel host's workbook with the template inserted (sample data) and the faults. */
async function hostWorkbook(faulty: boolean): Promise<HostSnapshot> {
  const template = findTemplate(TEMPLATE)!;
  const made = createExcelHost({ profile: "latest" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  await made.Excel.run((context) =>
    insertTemplate(context, template, { data: loadSample(template.id), supports })
  );
  if (faulty) {
    const names = planWorkbook(template).names;
    await made.Excel.run(async (context) => {
      for (const [name, value] of Object.entries(FAULTS)) {
        const n = names.find((x) => x.name === name)!;
        // Typed as a user types: "'2.042" keeps the text, "" empties the cell.
        const typed = typeof value === "string" ? `'${value}` : value === null ? "" : value;
        context.workbook.worksheets
          .getItem(n.sheet)
          .getRange(cellA1(n.range.top, n.range.left)).values = [[typed]];
      }
      await context.sync();
    });
  }
  return made.host.toSnapshot();
}

/** A cluster report whose every unit figure is negative: tens of thousands of findings. */
function manyFaultsData(units: number): ReportData {
  const t = findTemplate(MANY)!;
  const data = loadSample(t.id);
  const figures = t.indicators.filter((i) => i.perUnit && isNumericType(i.type) && !i.computed);
  data.units = Array.from({ length: units }, (_, k) => ({
    name: `LĐLĐ đơn vị ${k + 1}`,
    parent: null,
    values: Object.fromEntries(figures.map((i) => [i.id, -1])),
  }));
  return data;
}

// ---------------------------------------------------------------------------------------------
// Page helpers.

async function openChecksTab(page: Page): Promise<void> {
  await page.getByRole("tab", { name: /^(Kiểm tra|Check)$/ }).click();
  await page.getByTestId("check-button").waitFor();
}

/** Clicks "Kiểm tra" and waits for this check's outcome (the tab counts its checks in data-checks). */
async function runCheck(page: Page): Promise<void> {
  const tab = page.locator("[data-checks]");
  const last = Number(await tab.getAttribute("data-checks"));
  await page.getByTestId("check-button").click();
  await page.locator(`[data-checks="${last + 1}"]`).waitFor({ timeout: 60000 });
}

async function groups(page: Page) {
  return page.getByTestId("finding-group").evaluateAll((els) =>
    els.map((el) => ({
      sheet: el.getAttribute("data-sheet"),
      counts: el.querySelector('[data-testid="group-counts"]')?.textContent ?? "",
    }))
  );
}

async function listedFindings(page: Page) {
  return page.getByTestId("finding").evaluateAll((els) =>
    els.map((el) => ({
      severity: el.getAttribute("data-severity"),
      sheet: el.getAttribute("data-sheet") || null,
      cell: el.getAttribute("data-cell") || null,
      text: el.textContent ?? "",
    }))
  );
}

const finding = (page: Page, sheet: string, cell: string) =>
  page.locator(`[data-testid="finding"][data-sheet="${sheet}"][data-cell="${cell}"]`);

async function download(page: Page): Promise<Buffer> {
  const [d] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-button").click(),
  ]);
  return readFileSync((await d.path())!);
}

// ---------------------------------------------------------------------------------------------

describe("preview mode", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  let faulty: Buffer;
  let clean: Buffer;
  let expected: Finding[];
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(OUT, `taskpane-checks-preview-${name}.png`),
      fullPage: true,
    });

  async function open(name: string, bytes: Buffer): Promise<void> {
    await page
      .getByTestId("open-file-input")
      .setInputFiles({ name, mimeType: XLSX, buffer: bytes });
    await page.getByText(`Đã mở "${name}"`).waitFor();
  }

  beforeAll(async () => {
    clean = await sampleXlsx();
    faulty = await editXlsx(clean, FAULTS);
    expected = await expectedFindings(faulty);
    page = await browser.context.newPage();
    errors = watchErrors(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${server.url}taskpane.html?debug`, { waitUntil: "load" });
    await page.getByTestId("mode-badge").waitFor({ timeout: 30000 });
  });

  afterAll(async () => {
    await page?.close();
  });

  test("the tab is there, and with no workbook the check says what to do", async () => {
    expect(await page.getByRole("tab").allInnerTexts()).toEqual([
      "Mẫu báo cáo",
      "Kiểm tra",
      "Tổng hợp",
      "Chỉ tiêu",
      "Xuất Word",
    ]);
    await openChecksTab(page);
    expect(await page.getByTestId("clear-marks-button").isDisabled()).toBe(true);
    await runCheck(page);
    await expect(page.getByTestId("check-problem").innerText()).resolves.toContain(
      "Chưa có sổ tính để kiểm tra."
    );
  });

  test("a clean sample is ready to send", async () => {
    await open("Báo cáo quý I - mẫu.xlsx", clean);
    await runCheck(page);
    const status = await page.getByTestId("check-status").innerText();
    expect(status).toContain("Sẵn sàng gửi: không có lỗi");
    expect(status).toContain("Không có điểm nào cần lưu ý.");
    expect(status).toContain("phiên bản");
    await expect(page.getByTestId("findings-none").innerText()).resolves.toBe(
      "Không tìm thấy vấn đề nào."
    );
    await shot("clean");
  });

  test("a faulty workbook: not ready, the counts, the findings grouped by sheet", async () => {
    expect(expected.map((f) => [f.severity, f.sheet, f.rule])).toEqual([
      ["error", COVER, "header-required"],
      ["error", RESULTS, "min"],
      ["warning", RESULTS, "number-as-text"],
    ]);
    await open("Báo cáo quý I - lỗi.xlsx", faulty);
    // Opening another workbook drops the clean sample's result.
    expect(await page.getByTestId("check-result").count()).toBe(0);
    await runCheck(page);
    const status = await page.getByTestId("check-status").innerText();
    expect(status).toContain("Chưa sẵn sàng: 2 lỗi phải sửa");
    expect(status).toContain("Có 1 điểm cần lưu ý (không chặn việc gửi).");
    await expect(page.getByTestId("count-errors").innerText()).resolves.toBe("2 lỗi");
    await expect(page.getByTestId("count-warnings").innerText()).resolves.toBe("1 lưu ý");
    expect(await groups(page)).toEqual([
      { sheet: COVER, counts: "1 lỗi" },
      { sheet: RESULTS, counts: "1 lỗi · 1 lưu ý" },
    ]);
    const listed = await listedFindings(page);
    expect(listed.map((f) => [f.severity, f.sheet, f.cell])).toEqual(
      expected.map((f) => [f.severity, f.sheet, f.cell])
    );
    listed.forEach((f, i) => expect(f.text).toContain(expected[i].message));
    expect(listed[2].text).toContain('số gõ dưới dạng văn bản "2.042"');
    await expect(page.getByTestId("marks-note").innerText()).resolves.toContain(
      "Đã tô màu 3 ô trong bảng xem bên dưới"
    );
    // No debug sync line in preview: nothing goes to Excel.
    expect(await page.getByTestId("checks-debug").count()).toBe(0);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(
      await clippedElements(page, '[data-testid="finding"], [data-testid="check-status"]')
    ).toEqual([]);
    await shot("faulty");
  });

  test("the viewer marks the findings' cells; the sheet picker counts them", async () => {
    const options = await page.getByTestId("sheet-picker").locator("option").allInnerTexts();
    expect(options).toContain(`${COVER} (1 lỗi)`);
    expect(options).toContain(`${RESULTS} (1 lỗi · 1 lưu ý)`);
    const cover = expected[0];
    await expect(
      page
        .locator(`table[data-sheet="${COVER}"] td[data-cell="${cover.cell}"]`)
        .getAttribute("data-mark")
    ).resolves.toBe("error");
    expect(await page.getByTestId("viewer-legend").innerText()).toContain("lỗi");
  });

  test("clicking a finding shows its cell in the viewer, highlighted; Enter does too", async () => {
    const [, negative, asText] = expected;
    await finding(page, RESULTS, negative.cell!).click();
    const cell = page.locator(
      `table[data-sheet="${RESULTS}"] td[data-cell="${negative.cell}"][aria-current="true"]`
    );
    await cell.waitFor();
    await expect(cell.getAttribute("data-mark")).resolves.toBe("error");
    await expect(page.getByTestId("sheet-picker").inputValue()).resolves.toBe(RESULTS);
    const inView = await cell.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const scroller = el.closest('[role="region"]')!.getBoundingClientRect();
      return (
        box.top >= scroller.top - 1 &&
        box.bottom <= scroller.bottom + 1 &&
        box.bottom <= window.innerHeight &&
        box.top >= 0
      );
    });
    expect(inView).toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).toContain(
      `Ô đang chọn: ${RESULTS}!${negative.cell}`
    );
    await expect(finding(page, RESULTS, negative.cell!).getAttribute("aria-current")).resolves.toBe(
      "true"
    );
    await shot("selected");

    await finding(page, RESULTS, asText.cell!).focus();
    await page.keyboard.press("Enter");
    await page
      .locator(`table[data-sheet="${RESULTS}"] td[data-cell="${asText.cell}"][aria-current="true"]`)
      .waitFor();
    await expect(
      page.locator(`td[data-cell="${asText.cell}"]`).getAttribute("data-mark")
    ).resolves.toBe("warning");
  });

  test("Chỉ hiện lỗi lists the errors only", async () => {
    await page.getByRole("checkbox", { name: "Chỉ hiện lỗi" }).check();
    expect((await listedFindings(page)).map((f) => f.severity)).toEqual(["error", "error"]);
    // The groups keep their full counts.
    expect((await groups(page)).map((g) => g.counts)).toEqual(["1 lỗi", "1 lỗi · 1 lưu ý"]);
    await page.getByRole("checkbox", { name: "Chỉ hiện lỗi" }).uncheck();
    expect(await page.getByTestId("finding").count()).toBe(3);
  });

  test("checking never changes the file; Xoá đánh dấu removes every mark", async () => {
    expect((await download(page)).equals(faulty)).toBe(true);
    await page.getByTestId("clear-marks-button").click();
    await page.getByTestId("marks-cleared").waitFor();
    expect(await page.locator("td[data-mark]").count()).toBe(0);
    expect(await page.getByTestId("viewer-legend").count()).toBe(0);
    expect(await page.getByTestId("sheet-picker").locator("option").allInnerTexts()).toContain(
      RESULTS
    );
    expect(await page.getByTestId("clear-marks-button").isDisabled()).toBe(true);
    // The list stays, to work through.
    expect(await page.getByTestId("finding").count()).toBe(3);
    expect((await download(page)).equals(faulty)).toBe(true);
    await shot("cleared");
  });

  test("comparing with the previous period warns of a figure ten times the last one", async () => {
    const current = await editXlsx(clean, { BC_tt_luot_tham_gia: 556800 });
    await open("Báo cáo quý II.xlsx", current);

    // A file that is not a BáoCáo workbook is refused, saying why.
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "Số liệu";
    await page.getByTestId("previous-file-input").setInputFiles({
      name: "so-lieu.xlsx",
      mimeType: XLSX,
      buffer: Buffer.from(await plain.xlsx.writeBuffer()),
    });
    await expect(page.getByTestId("previous-problem").innerText()).resolves.toContain(
      'Tệp "so-lieu.xlsx" không được tạo từ mẫu của BáoCáo'
    );

    await page.getByTestId("previous-file-input").setInputFiles({
      name: "Báo cáo quý I.xlsx",
      mimeType: XLSX,
      buffer: clean,
    });
    const chosen = page.getByTestId("previous-chosen");
    await chosen.waitFor();
    expect(await chosen.innerText()).toContain("Kỳ trước: quý I/2024");
    expect(await chosen.innerText()).toContain('Tệp "Báo cáo quý I.xlsx"');
    expect(await page.getByTestId("previous-problem").count()).toBe(0);
    await runCheck(page);
    const status = await page.getByTestId("check-status").innerText();
    expect(status).toContain("Sẵn sàng gửi: không có lỗi");
    expect(status).toContain("Có 1 điểm cần lưu ý");
    expect(status).toContain("Đã so sánh với kỳ trước: quý I/2024.");
    const [outlier] = await listedFindings(page);
    expect(outlier.severity).toBe("warning");
    expect(outlier.text).toContain("tăng gấp 10 lần so với kỳ trước (quý I/2024)");
    await shot("previous");

    // Another template's file cannot be compared.
    await page.getByTestId("previous-remove").click();
    await page.getByTestId("previous-file-input").setInputFiles({
      name: "Kế hoạch năm.xlsx",
      mimeType: XLSX,
      buffer: await sampleXlsx("annual-plan"),
    });
    await chosen.waitFor();
    await runCheck(page);
    const problem = await page.getByTestId("check-problem").innerText();
    expect(problem).toContain("Không dùng được tệp kỳ trước");
    expect(problem).toContain('Tệp kỳ trước "Kế hoạch năm.xlsx" dùng mẫu');
    await page.getByTestId("previous-remove").click();
    await runCheck(page);
    await expect(page.getByTestId("check-status").innerText()).resolves.toContain("Sẵn sàng gửi");
  });

  test("a workbook not made from a template cannot be checked, and the pane says why", async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Bảng 1").getCell("A1").value = 12;
    await open("bang-tinh.xlsx", Buffer.from(await plain.xlsx.writeBuffer()));
    await runCheck(page);
    const problem = await page.getByTestId("check-problem").innerText();
    expect(problem).toContain("Không kiểm tra được sổ tính này");
    expect(problem).toContain("không được tạo từ mẫu của BáoCáo");
    expect(problem).not.toContain("_BaoCao");
    await shot("not-baocao");
  });

  test("tens of thousands of findings stay responsive: one group open, 100 at a time", async () => {
    const bytes = Buffer.from(
      await planToXlsx(exceljs, planWorkbook(findTemplate(MANY)!, manyFaultsData(300)))
    );
    const all = await expectedFindings(bytes, MANY);
    const errorCount = all.filter((f) => f.severity === "error").length;
    expect(errorCount).toBeGreaterThan(10000);
    await open("Cụm thi đua - 300 đơn vị.xlsx", bytes);
    const started = Date.now();
    await runCheck(page);
    const took = Date.now() - started;
    expect(took).toBeLessThan(15000);
    await expect(page.getByTestId("check-status").innerText()).resolves.toContain(
      `Chưa sẵn sàng: ${errorCount.toLocaleString("vi-VN")} lỗi phải sửa`
    );
    const sheets = new Set(all.map((f) => f.sheet));
    expect((await groups(page)).length).toBe(sheets.size);
    // Only the first group is open, and it lists 100 findings.
    expect(await page.getByTestId("finding").count()).toBe(100);
    const more = page.getByTestId("show-more");
    expect(await more.innerText()).toBe("Hiện thêm 100 mục");
    await more.click();
    expect(await page.getByTestId("finding").count()).toBe(200);
    // Opening the next group renders its first 100 only; the page still responds at once. (The
    // group open first is the first with errors; a group of warnings may come before it.) Its size
    // depends on the random faults: it adds up to 100.
    const headers = page.getByTestId("finding-group").locator("button[aria-expanded]");
    const expandedStates = await headers.evaluateAll((els) =>
      els.map((e) => e.getAttribute("aria-expanded"))
    );
    const next = expandedStates.indexOf("true") + 1;
    const nextSheet = (await groups(page))[next].sheet;
    const expected = 200 + Math.min(100, all.filter((f) => (f.sheet ?? "") === nextSheet).length);
    const t0 = Date.now();
    await headers.nth(next).click();
    // React renders the opened group after the click returns: wait for it, within the budget.
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="finding"]').length === n,
      expected,
      { timeout: 3000 }
    );
    expect(Date.now() - t0).toBeLessThan(3000);
    const last = page.getByTestId("finding").last();
    await last.click();
    await page.locator('td[aria-current="true"][data-mark="error"]').waitFor();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    // The list scrolls in its own box: the page stays about one screen of list plus the viewer.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);
    await page.screenshot({ path: path.join(OUT, "taskpane-checks-preview-many-viewer.png") });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUT, "taskpane-checks-preview-many.png") });
  });

  test("fits a 320 px pane, and reads in English", async () => {
    await open("Báo cáo quý I - lỗi.xlsx", faulty);
    await page.setViewportSize({ width: 320, height: 900 });
    await runCheck(page);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    expect(
      await clippedElements(page, '[data-testid="finding"], button, [data-testid="check-status"]')
    ).toEqual([]);
    await shot("320px");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("tab").allInnerTexts()).resolves.toEqual([
      "Templates",
      "Check",
      "Consolidate",
      "Targets",
      "Word draft",
    ]);
    const status = await page.getByTestId("check-status").innerText();
    expect(status).toContain("Not ready: 2 errors to fix");
    expect(status).toContain("1 point to review (they do not block sending).");
    await expect(page.getByTestId("count-warnings").innerText()).resolves.toBe("1 to review");
    expect(await page.evaluate(() => document.body.innerText)).toContain(
      "The findings are written in Vietnamese"
    );
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("english");
    await page.getByRole("button", { name: "Chuyển sang tiếng Việt" }).click();
    await page.setViewportSize({ width: 350, height: 900 });
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});

describe.each(["latest", "1.7"] as const)("hosted, ExcelApi %s", (profile) => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  let workbook: HostSnapshot;
  const shot = (name: string) =>
    page.screenshot({
      path: path.join(OUT, `taskpane-checks-hosted-${profile}-${name}.png`),
      fullPage: true,
    });
  /** Runs fn(window.__excelHost) in the page (fn must not use anything from this file). */
  const host = <T>(fn: (h: HostWindow["__excelHost"]) => T): Promise<T> =>
    page.evaluate(`(${fn.toString()})(window.__excelHost)`);
  /** Waits until Excel's selection is that cell. */
  const selected = (sheet: string, cell: string) =>
    page.waitForFunction(
      ([sheet, cell]) => {
        const s = (window as unknown as HostWindow).__excelHost.selection();
        return s?.sheet === sheet && s.address === cell;
      },
      [sheet, cell] as const
    );
  /** The workbook as the host holds it, without what selecting a cell changes. */
  const cellsOnly = (s: HostSnapshot) =>
    JSON.stringify({
      ...s,
      activeSheet: null,
      sheets: s.sheets.map((x) => ({ ...x, selection: null })),
    });

  beforeAll(async () => {
    workbook = await hostWorkbook(true);
    ({ page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
      profile,
      workbook,
    }));
    await openChecksTab(page);
  });

  afterAll(async () => {
    await page?.close();
  });

  test("one click reads the workbook in at most 2 syncs, lists and marks the findings", async () => {
    const before = await host((h) => ({ snapshot: h.toSnapshot(), syncs: h.syncCount }));
    await runCheck(page);
    const after = await host((h) => h.syncCount);
    const debug = await page.getByTestId("checks-debug").innerText();
    const [, read, marks] = /đọc sổ tính (\d+) lần đồng bộ, đánh dấu (\d+) lần/
      .exec(debug)!
      .map(Number);
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(2);
    expect(after - before.syncs).toBe(read + marks);
    const status = await page.getByTestId("check-status").innerText();
    expect(status).toContain("Chưa sẵn sàng: 2 lỗi phải sửa");
    expect(status).toContain("Có 1 điểm cần lưu ý");
    expect(await groups(page)).toEqual([
      { sheet: COVER, counts: "1 lỗi" },
      { sheet: RESULTS, counts: "1 lỗi · 1 lưu ý" },
    ]);
    const listed = await listedFindings(page);
    expect(listed.map((f) => f.severity)).toEqual(["error", "error", "warning"]);
    const marksNotes = await page.getByTestId("marks-note").allInnerTexts();
    expect(marksNotes[0]).toContain("Đã tô màu 3 ô trong sổ tính");
    // Not colour only: comments from ExcelApi 1.10, else the findings sheet.
    expect(marksNotes[1]).toContain(
      profile === "1.7" ? 'trang "Kết quả kiểm tra"' : "có một ghi chú (comment)"
    );

    // Marks are conditional formats over the cells; the cells keep their values and formats.
    const marked = await host((h) =>
      ["Thông tin chung", "I. Kết quả"].map((s) =>
        h
          .sheet(s)
          .conditionalFormats()
          .map((cf) => ({ address: cf.address, formula: JSON.stringify(cf.rule ?? {}) }))
      )
    );
    expect(marked[0].map((x) => x.address)).toEqual([listed[0].cell]);
    expect(marked[1].map((x) => x.address).sort()).toEqual([listed[1].cell, listed[2].cell].sort());
    expect(marked.flat().every((x) => x.formula.includes("BaoCao:"))).toBe(true);
    const cellsAfter = await host((h) => ({
      negative: h.sheet("I. Kết quả").cell("C8"),
      protectedSheet: h.sheet("I. Kết quả").protection.protected,
    }));
    expect(cellsAfter.negative.value).toBe(-3);
    const sheetBefore = before.snapshot.sheets.find((s) => s.name === RESULTS)!;
    expect(cellsAfter.protectedSheet).toBe(sheetBefore.protection?.protected ?? false);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("findings");
  });

  test("clicking a finding selects its cell in Excel", async () => {
    const listed = await listedFindings(page);
    await finding(page, RESULTS, listed[1].cell!).click();
    await selected(RESULTS, listed[1].cell!);
    expect(await host((h) => h.activeSheetName())).toBe(RESULTS);
    await finding(page, COVER, listed[0].cell!).click();
    await selected(COVER, listed[0].cell!);
  });

  test("Xoá đánh dấu gives the workbook back as it was, cell for cell", async () => {
    await page.getByTestId("clear-marks-button").click();
    await page.getByTestId("marks-cleared").waitFor();
    const now = await host((h) => h.toSnapshot());
    // Selecting cells moved the selection; everything else is as it was.
    expect(cellsOnly(now)).toBe(cellsOnly(workbook));
    expect(await page.getByTestId("checks-debug-clear").innerText()).toMatch(
      /^Gỡ lỗi: xoá đánh dấu \d+ lần đồng bộ/
    );

    // Check then clear, without selecting: the very same workbook, selection included.
    const before = JSON.stringify(now);
    await runCheck(page);
    expect(await host((h) => h.sheet("I. Kết quả").conditionalFormats().length)).toBe(2);
    await page.getByTestId("clear-marks-button").click();
    await page.getByTestId("marks-cleared").waitFor();
    expect(JSON.stringify(await host((h) => h.toSnapshot()))).toBe(before);
    await shot("cleared");
  });

  test("no uncaught errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });
});

test("hosted: a template inserted with the sample through the pane is ready to send", async () => {
  const { page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
    profile: "latest",
  });
  // Not a BáoCáo workbook yet.
  await openChecksTab(page);
  await runCheck(page);
  await expect(page.getByTestId("check-problem").innerText()).resolves.toContain(
    "không được tạo từ mẫu của BáoCáo"
  );
  await page.getByRole("tab", { name: "Mẫu báo cáo" }).click();
  await page.locator(`[data-template="${TEMPLATE}"] button`).click();
  await page.locator('[data-field="sample"] input, input[data-field="sample"]').first().check();
  await page.getByTestId("insert-button").click();
  await page.getByTestId("insert-result").waitFor({ timeout: 60000 });
  await openChecksTab(page);
  await runCheck(page);
  const status = await page.getByTestId("check-status").innerText();
  expect(status).toContain("Sẵn sàng gửi: không có lỗi");
  expect(await page.getByTestId("finding").count()).toBe(0);
  expect(
    await page.evaluate(
      () =>
        (window as unknown as HostWindow).__excelHost
          .sheetNames()
          .flatMap((s) =>
            (window as unknown as HostWindow).__excelHost.sheet(s).conditionalFormats()
          )
          .filter((cf) => JSON.stringify(cf.rule ?? {}).includes("BaoCao:")).length
    )
  ).toBe(0);
  await page.screenshot({
    path: path.join(OUT, "taskpane-checks-hosted-clean.png"),
    fullPage: true,
  });
  expect(errors.pageErrors).toEqual([]);
  await page.close();
});

test("hosted: a workbook of 15 input sheets and 27,900 findings is read in 1 sync; marks are capped", async () => {
  const template = findTemplate(MANY)!;
  const made = createExcelHost({ profile: "latest" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  await made.Excel.run((context) =>
    insertTemplate(context, template, { data: manyFaultsData(300), supports })
  );
  const workbook = made.host.toSnapshot();
  const { page, errors } = await openHostedPane(browser, server.url, await buildExcelHostBundle(), {
    profile: "latest",
    workbook,
  });
  await openChecksTab(page);
  await runCheck(page);
  const debug = await page.getByTestId("checks-debug").innerText();
  // The sheets are asked for by position with the sheet list: one sync (1.5 MB response).
  expect(debug).toMatch(/^Gỡ lỗi: đọc sổ tính 1 lần đồng bộ/);
  await expect(page.getByTestId("check-status").innerText()).resolves.toMatch(
    /Chưa sẵn sàng: \d{2}\.\d{3} lỗi phải sửa/
  );
  const notes = await page.getByTestId("marks-note").allInnerTexts();
  expect(notes[0]).toContain("Đã tô màu 500 ô trong sổ tính");
  expect(notes[1]).toMatch(/^Chỉ tô màu 500 ô đầu tiên \(lỗi trước\): \d{2}\.\d{3} ô khác/);
  const marks = await page.evaluate(() => {
    const h = (window as unknown as HostWindow).__excelHost;
    return h.sheetNames().reduce((n, s) => n + h.sheet(s).conditionalFormats().length, 0);
  });
  expect(marks).toBe(500);
  await page.screenshot({
    path: path.join(OUT, "taskpane-checks-hosted-many.png"),
    fullPage: true,
  });
  await page.getByTestId("clear-marks-button").click();
  await page.getByTestId("marks-cleared").waitFor();
  const after = await page.evaluate(() =>
    JSON.stringify((window as unknown as HostWindow).__excelHost.toSnapshot())
  );
  expect(after).toBe(JSON.stringify(workbook));
  expect(errors.pageErrors).toEqual([]);
  await page.close();
});
