/**
 * Smoke test of the production build: dist/ (built by `npm run test:e2e` before jest runs) is served on
 * 127.0.0.1 and the task pane opened in headless Chromium with every other host blocked, as on a machine
 * without network: office.js cannot load, and the pane must still start.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { validateManifest } from "../../scripts/validate-manifest";
import { vi } from "../../src/taskpane/i18n/vi";
import { launchBrowser, watchErrors, type LaunchedBrowser } from "./browser";
import { startStaticServer, type StaticServer } from "./serve";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-results", "e2e");

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(
      "dist/taskpane.html thiếu: chạy `npm run build` trước / missing: run `npm run build` first"
    );
  }
  mkdirSync(OUT, { recursive: true });
  server = await startStaticServer(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("dist/ has the pages, manifest, icons and bundle report", () => {
  for (const f of ["taskpane.html", "commands.html", "manifest.xml", "bundle-report.json"]) {
    expect(existsSync(path.join(DIST, f))).toBe(true);
  }
  for (const s of [16, 32, 64, 80])
    expect(existsSync(path.join(DIST, "assets", `icon-${s}.png`))).toBe(true);
  const report = JSON.parse(readFileSync(path.join(DIST, "bundle-report.json"), "utf8")) as {
    overBudget: boolean;
    initial: { gzipKB: number };
  };
  expect(report.overBudget).toBe(false);
  expect(report.initial.gzipKB).toBeLessThanOrEqual(400);
});

test("dist/manifest.xml is valid and every file it names is in dist/", () => {
  const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
  // The build may have rewritten https://localhost:3000/ to ADDIN_URL: take the base from the pane's URL.
  const m = /<SourceLocation DefaultValue="([^"]+)taskpane\.html"/.exec(manifest);
  expect(m).not.toBeNull();
  const r = validateManifest(path.join(DIST, "manifest.xml"), { siteDir: DIST, baseUrl: m![1] });
  expect(r.errors).toEqual([]);
});

describe("task pane without network", () => {
  let page: Page;
  let errors: ReturnType<typeof watchErrors>;
  /** What the built pane drew, as Chromium rendered it. */
  let shot: Buffer;

  beforeAll(async () => {
    page = await browser.context.newPage();
    errors = watchErrors(page);
    const response = await page.goto(`${server.url}taskpane.html`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    // Let the app bundle run and render.
    await page.waitForFunction(
      () =>
        document.body.innerText.trim().length > 0 ||
        document.getElementById("root")?.childElementCount,
      null,
      {
        timeout: 30000,
      }
    );
    await page.waitForTimeout(500);
    shot = await page.screenshot({ path: path.join(OUT, "build-smoke.png"), fullPage: true });
  });

  afterAll(async () => {
    await page?.close();
  });

  test("office.js was blocked and flagged, nothing else left 127.0.0.1", async () => {
    expect(browser.blockedRequests.some((u) => u.includes("appsforoffice.microsoft.com"))).toBe(
      true
    );
    expect(browser.blockedRequests.every((u) => u.includes("appsforoffice.microsoft.com"))).toBe(
      true
    );
    expect(
      await page.evaluate(
        () => (window as Window & { __officeJsFailed?: boolean }).__officeJsFailed
      )
    ).toBe(true);
  });

  test("no uncaught JavaScript errors", () => {
    expect(errors.pageErrors.map((e) => e.stack ?? e.message)).toEqual([]);
  });

  test("the page is rendered in Vietnamese", async () => {
    expect(await page.title()).toBe("BáoCáo");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
    const text = await page.evaluate(() => document.body.innerText);
    expect(text.trim().length).toBeGreaterThan(0);
    const box = await page.locator("body").boundingBox();
    expect(box?.height ?? 0).toBeGreaterThan(0);
    // Without office.js the pane starts in preview mode: its heading and empty state, from the bundle.
    expect(text).toContain(vi.preview.heading);
    expect(text).toContain(vi.preview.none);
  });

  test("the pane draws something: its screenshot has ink, unlike a blank page's", async () => {
    const pane = await inkOf(page, shot);
    expect(pane.width).toBeGreaterThan(0);
    expect(pane.inked).toBeGreaterThan(0.01);
    expect(pane.colours).toBeGreaterThan(16);
    // The same measure on an empty page of the same size: the threshold tells them apart.
    const blank = await browser.context.newPage();
    await blank.setViewportSize(page.viewportSize() ?? { width: 800, height: 600 });
    await blank.setContent("<html><body></body></html>");
    const empty = await inkOf(page, await blank.screenshot({ fullPage: true }));
    await blank.close();
    expect(empty.inked).toBeLessThan(0.01);
  });
});

/** Share of pixels that are not near-white, and distinct colours, of a PNG decoded in the page. */
async function inkOf(
  page: Page,
  png: Buffer
): Promise<{ width: number; inked: number; colours: number }> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let inked = 0;
    const colours = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) inked++;
      colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    return { width: bitmap.width, inked: inked / (d.length / 4), colours: colours.size };
  }, png.toString("base64"));
}

test("commands.html loads without uncaught errors", async () => {
  const page = await browser.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}commands.html`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  expect(errors.pageErrors.map((e) => e.message)).toEqual([]);
  await page.close();
});
