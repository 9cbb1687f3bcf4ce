/**
 * The browser bundle: built with esbuild and evaluated in a vm context with a fake window, as
 * Playwright's addInitScript would run it before the task pane loads.
 */
import * as vm from "vm";
import { buildExcelHostBundle } from "./bundle";
import type { BrowserConfig } from "./browser";
import type { ExcelHost } from "./host";

interface FakeWindow {
  window?: FakeWindow;
  document: { readyState: string; addEventListener(type: string, fn: () => void): void };
  setTimeout: typeof setTimeout;
  __excelHostConfig?: BrowserConfig;
  __excelHost?: ExcelHost;
  Office?: typeof Office;
  Excel?: typeof Excel;
  OfficeExtension?: typeof OfficeExtension;
}

function fakeWindow(readyState: string): { win: FakeWindow; fireDomReady: () => void } {
  const listeners: (() => void)[] = [];
  const win: FakeWindow = {
    document: {
      readyState,
      addEventListener: (type, fn) => {
        if (type === "DOMContentLoaded") listeners.push(fn);
      },
    },
    setTimeout,
  };
  win.window = win;
  return { win, fireDomReady: () => listeners.forEach((fn) => fn()) };
}

let bundle: string;

beforeAll(async () => {
  bundle = await buildExcelHostBundle();
});

test("the bundle is a self-contained IIFE", () => {
  expect(bundle.length).toBeGreaterThan(10_000);
  expect(bundle).not.toMatch(/\brequire\(/);
});

test("evaluating the bundle defines Office, Excel, OfficeExtension and __excelHost", async () => {
  const { win, fireDomReady } = fakeWindow("loading");
  const sandbox = vm.createContext(win);
  vm.runInContext(bundle, sandbox);
  const { Office: office, Excel: excel, OfficeExtension: ext, __excelHost: host } = win;
  if (!office || !excel || !ext || !host) throw new Error("globals missing");
  expect(office.context.host).toBe("Excel");
  expect(office.HostType.Excel).toBe("Excel");
  expect(office.context.displayLanguage).toBe("vi-VN");
  expect(office.context.platform).toBe("OfficeOnline");
  expect(office.context.officeTheme).toMatchObject({ bodyBackgroundColor: "#FFFFFF" });
  expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
  expect(typeof ext.Error).toBe("function");
  expect(ext.ErrorCodes.propertyNotLoaded).toBe("PropertyNotLoaded");

  // Office.initialize assigned by the page runs once the document has loaded.
  let initialized = 0;
  (office as unknown as { initialize: () => void }).initialize = () => initialized++;
  const ready = office.onReady();
  fireDomReady();
  await expect(ready).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
  expect(initialized).toBe(1);

  await excel.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["xin chào"]];
    await context.sync();
  });
  expect(host.syncCount).toBe(1);
  expect(host.sheet("Sheet1").cell("A1").value).toBe("xin chào");
});

test("__excelHostConfig selects profile, language and a preloaded workbook", async () => {
  const { win } = fakeWindow("complete");
  win.__excelHostConfig = {
    profile: "1.7",
    displayLanguage: "en-US",
    platform: "PC",
    workbook: { sheets: [{ name: "Đơn vị", cells: { B5: 42 } }] },
  };
  vm.runInContext(bundle, vm.createContext(win));
  const office = win.Office!;
  const excel = win.Excel!;
  expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
  expect(office.context.displayLanguage).toBe("en-US");
  await expect(office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
  let seen: unknown;
  await excel.run(async (context) => {
    const r = context.workbook.worksheets.getItem("Đơn vị").getRange("B5");
    r.load("values, address");
    await context.sync();
    seen = [r.address, r.values];
  });
  expect(seen).toEqual(["'Đơn vị'!B5", [[42]]]);
  expect(win.__excelHost!.sheetNames()).toEqual(["Đơn vị"]);
});
