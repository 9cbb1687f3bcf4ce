/* eslint-disable office-addins/load-object-before-read, office-addins/call-sync-before-read, office-addins/call-sync-after-load --
   These tests read before load/sync on purpose to prove the host throws, and the rules' heuristics
   cannot follow navigation objects (range.dataValidation) or ClientResult.value. */
/**
 * Fidelity of the request model: loading, batching, sync accounting, payload limits,
 * requirement-set profiles and null objects.
 */
import { FIVE_MB, createExcelHost, installGlobals, ExcelHost } from "./index";

const NOT_LOADED = (name: string) =>
  `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("loading", () => {
  test("reading a property before load() throws PropertyNotLoaded with Excel's message", async () => {
    const { Excel, OfficeExtension } = createExcelHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const error = caught(() => range.values);
      expect(error).toBeInstanceOf(OfficeExtension.Error);
      expect(error).toMatchObject({
        name: "RichApi.Error",
        code: "PropertyNotLoaded",
        message: NOT_LOADED("values"),
        debugInfo: { errorLocation: "Range.values" },
      });
      await context.sync();
    });
  });

  test("reading after load() but before sync() still throws; after sync it works", async () => {
    const { host, Excel } = createExcelHost();
    host.setValues("Sheet1", "A1:B1", [[1, "hai"]]);
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.load("values, address");
      expect(caught(() => range.values)).toMatchObject({ code: "PropertyNotLoaded" });
      await context.sync();
      expect(range.values).toEqual([[1, "hai"]]);
      expect(range.address).toBe("Sheet1!A1:B1");
    });
  });

  test("a value assigned locally reads back without load, as in office.js", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [[42]];
      expect(range.values).toEqual([[42]]);
      await context.sync();
    });
  });

  test("load accepts strings, arrays, {select} and navigation paths; collections take items/", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRange("A1");
      r.format.font.bold = true;
      r.load(["address", "format/font/bold"]);
      const r2 = ws.getRange("B2").load({ select: "rowIndex, columnIndex" });
      const sheets = context.workbook.worksheets.load("items/name, items/position");
      await context.sync();
      expect(r.format.font.bold).toBe(true);
      expect([r2.rowIndex, r2.columnIndex]).toEqual([1, 1]);
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([["Sheet1", 0]]);
      expect(sheets.toJSON()).toEqual({ items: [{ name: "Sheet1", position: 0 }] });
    });
  });

  test("loading an unknown property fails the sync", async () => {
    const { Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("vaules");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("batching", () => {
  test("writes are invisible in the workbook until sync", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.values = [[1, 2]];
      range.format.fill.color = "yellow";
      context.workbook.worksheets.add("Mới");
      expect(host.sheet("Sheet1").cell("A1").value).toBe("");
      expect(host.sheetNames()).toEqual(["Sheet1"]);
      const pending = context.sync();
      // The batch is sent asynchronously, like a real round trip.
      expect(host.sheet("Sheet1").cell("A1").value).toBe("");
      await pending;
      expect(host.sheet("Sheet1").values("A1:B1")).toEqual([[1, 2]]);
      expect(host.sheet("Sheet1").cell("B1").format.fill).toBe("#FFFF00");
      expect(host.sheetNames()).toEqual(["Sheet1", "Mới"]);
    });
  });

  test("syncCount counts round trips; empty syncs make none; stats record ops and bytes", async () => {
    const { host, Excel } = createExcelHost();
    await Excel.run(async (context) => {
      await context.sync();
      expect(host.syncCount).toBe(0);
      expect(host.syncCallCount).toBe(1);
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["Đ".repeat(1000)]];
      r.load("address");
      await context.sync();
      expect(host.syncCount).toBe(1);
      expect(host.stats[0]).toMatchObject({ index: 1, operations: 2, ok: true });
      // UTF-8: each "Đ" is two bytes on the wire.
      expect(host.stats[0].payloadBytes).toBeGreaterThanOrEqual(2000);
      expect(host.stats[0].payloadBytes).toBeLessThan(2200);
      r.values = [["x"]];
    });
    // Excel.run sends what is still queued when the batch function resolves.
    expect(host.syncCount).toBe(2);
    expect(host.sheet("Sheet1").cell("A1").value).toBe("x");
  });

  test("Excel.run rejects a batch function that does not return a promise", async () => {
    const { Excel } = createExcelHost();
    const notAsync = (() => undefined) as unknown as (
      context: Excel.RequestContext
    ) => Promise<void>;
    await expect(Excel.run(notAsync)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  test("a failing operation stops the batch; earlier operations stay applied (no rollback)", async () => {
    const { host, Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["before"]];
        ws.getRange("A2:B2").values = [[1]];
        ws.getRange("A3").values = [["after"]];
        await context.sync();
      })
    ).rejects.toMatchObject({
      code: "InvalidArgument",
      message:
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    });
    expect(host.sheet("Sheet1").values("A1:A3")).toEqual([["before"], [""], [""]]);
    expect(host.lastSync).toMatchObject({ ok: false, errorCode: "InvalidArgument" });
  });

  test("a batch over 5 MB is rejected and nothing from it is applied", async () => {
    const { host, Excel } = createExcelHost();
    const kb = "x".repeat(1024);
    const write = (rows: number) =>
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("Z1").values = [["queued first"]];
        ws.getRange(`A1:A${rows}`).values = Array.from({ length: rows }, () => [kb]);
        await context.sync();
      });
    await expect(write(5200)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.lastSync?.payloadBytes).toBeGreaterThan(FIVE_MB);
    expect(host.sheet("Sheet1").cell("Z1").value).toBe("");
    expect(host.sheet("Sheet1").usedRange()).toBeNull();
    await write(5000);
    expect(host.lastSync?.payloadBytes).toBeLessThan(FIVE_MB);
    expect(host.sheet("Sheet1").cell("A5000").value).toBe(kb);
  });

  test("reading more than 5,000,000 cells fails at sync with ResponsePayloadSizeLimitExceeded", async () => {
    const { host, Excel } = createExcelHost();
    const started = Date.now();
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001");
        r.load("values");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(host.lastSync?.ok).toBe(false);
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001");
      r.load("address, cellCount");
      await context.sync();
      expect(r.cellCount).toBe(5_000_005);
    });
  });

  test("100,000-cell writes and reads stay well under a second", async () => {
    const { host, Excel } = createExcelHost();
    const data = Array.from({ length: 1000 }, (_, r) =>
      Array.from({ length: 100 }, (_, c) => r * 100 + c)
    );
    const started = Date.now();
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      const r = ws.getRangeByIndexes(0, 0, 1000, 100);
      r.values = data;
      r.format.protection.locked = false;
      await context.sync();
      r.load("values, numberFormat");
      await context.sync();
      expect(r.values[999][99]).toBe(99999);
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(host.sheet("Sheet1").cell("CV1000").value).toBe(99999);
  });
});

describe("request contexts", () => {
  test("objects from another Excel.run are refused as arguments (InvalidRequestContext)", async () => {
    const { Excel } = createExcelHost();
    let stale: Excel.Range | undefined;
    await Excel.run(async (context) => {
      stale = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      await context.sync();
    });
    await expect(
      Excel.run(async (context) => {
        context.workbook.names.add("Cu", stale!);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidRequestContext" });
  });

  test("writes queued on a finished context are never sent by another context's sync", async () => {
    const { host, Excel } = createExcelHost();
    let stale: Excel.Range | undefined;
    await Excel.run(async (context) => {
      stale = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
    });
    await Excel.run(async (context) => {
      stale!.values = [["lost"]];
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [["sent"]];
      await context.sync();
    });
    expect(host.sheet("Sheet1").values("A1:B1")).toEqual([["", "sent"]]);
  });

  test("load('items') and load() on collections load every item's scalars", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Hai");
      const sheets = context.workbook.worksheets.load("items");
      const borders = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A1:B2")
        .format.borders.load();
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Sheet1", "Visible"],
        ["Hai", "Visible"],
      ]);
      expect(borders.items).toHaveLength(8);
      expect(borders.items[0].style).toBe("None");
    });
  });
});

describe("requirement-set profiles", () => {
  test.each([
    ["1.7", { "1.1": true, "1.7": true, "1.8": false, "1.9": false, "1.13": false }],
    ["1.8", { "1.7": true, "1.8": true, "1.9": false, "1.10": false }],
    ["1.13", { "1.8": true, "1.9": true, "1.13": true, "1.14": false }],
    ["latest", { "1.13": true, "1.21": true, "1.22": false }],
  ] as const)("profile %s answers isSetSupported", (profile, expected) => {
    const { Office } = createExcelHost({ profile });
    for (const [version, supported] of Object.entries(expected)) {
      expect(Office.context.requirements.isSetSupported("ExcelApi", version)).toBe(supported);
    }
    expect(Office.context.requirements.isSetSupported("ExcelApiDesktop", "1.1")).toBe(false);
  });

  test("under 1.7, Range.dataValidation fails like office.js: ApiNotFound at the call", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.7" });
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B5");
        r.values = [[1], [2], [3], [4]];
        r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
        await context.sync();
      })
    ).rejects.toMatchObject({
      code: "ApiNotFound",
      message:
        "The method or property Range.dataValidation is part of the ExcelApi 1.8 requirement set, which is not available in your version of Excel.",
    });
    expect(host.sheet("Sheet1").cell("B2").value).toBe("");
    expect(host.syncCount).toBe(0);
  });

  test("under 1.7 with apiCheck 'sync', queueing works and the sync rejects, applying nothing", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.7", apiCheck: "sync" });
    await expect(
      Excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B5");
        r.values = [[1], [2], [3], [4]];
        r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(host.syncCount).toBe(1);
    expect(host.sheet("Sheet1").cell("B2").value).toBe("");
  });

  test("a property set above the profile is queued and rejected at sync (showGridlines, 1.8)", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.7" });
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [["x"]];
        ws.showGridlines = false;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(host.sheet("Sheet1").showGridlines).toBe(true);
    expect(host.sheet("Sheet1").cell("A1").value).toBe("");
  });

  test("under 1.8, data validation is accepted and round-trips", async () => {
    const { host, Excel } = createExcelHost({ profile: "1.8" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B5");
      r.values = [[1], [2], [-3], [""]];
      const dv = r.dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, operator: "GreaterThan" } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: "Sai", message: "Nhập số dương" };
      dv.load("type, rule, valid, ignoreBlanks, errorAlert");
      await context.sync();
      expect(dv.type).toBe("WholeNumber");
      expect(dv.rule).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThan" } });
      expect(dv.valid).toBeNull();
      expect(dv.errorAlert.message).toBe("Nhập số dương");
    });
    expect(host.sheet("Sheet1").cell("B3").validation?.rule).toEqual({
      wholeNumber: { formula1: 0, operator: "GreaterThan" },
    });
    expect(host.sheet("Sheet1").cell("B6").validation).toBeNull();
  });

  test("loading a property above the profile rejects the batch", async () => {
    const { Excel } = createExcelHost({ profile: "1.7" });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").load("showGridlines");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("methods above the profile throw ApiNotFound (getMergedAreasOrNullObject needs 1.13)", async () => {
    const { Excel } = createExcelHost({ profile: "1.8" });
    await Excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(caught(() => r.getMergedAreasOrNullObject())).toMatchObject({ code: "ApiNotFound" });
      expect(caught(() => context.workbook.worksheets.getItem("Sheet1").pageLayout)).toMatchObject({
        code: "ApiNotFound",
      });
      await context.sync();
    });
  });
});

describe("null objects", () => {
  test("*OrNullObject returns a null object whose isNullObject needs load + sync", async () => {
    const { Excel } = createExcelHost();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      expect(caught(() => missing.isNullObject)).toMatchObject({ code: "PropertyNotLoaded" });
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject();
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      missing.load("name");
      used.load("address");
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Sheet1");
    });
  });

  test("getItem on a missing sheet fails at sync with ItemNotFound", async () => {
    const { Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Missing");
        ws.load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("writing through a null object fails instead of being silently dropped", async () => {
    const { Excel } = createExcelHost();
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject("Missing");
        ws.getRange("A1").values = [[1]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("globals", () => {
  let host: ExcelHost;
  let uninstall: () => void;

  beforeEach(() => {
    host = new ExcelHost({ workbook: { sheets: [{ name: "A", cells: { A1: 1, B2: "hai" } }] } });
    uninstall = installGlobals(host);
  });

  afterEach(() => uninstall());

  test("code written against @types/office-js globals runs unchanged", async () => {
    let seen: unknown;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("A");
      const r = ws.getRange("A1:B2");
      r.load("values");
      await context.sync();
      seen = r.values;
    });
    expect(seen).toEqual([
      [1, ""],
      ["", "hai"],
    ]);
    expect(Office.context.host).toBe(Office.HostType.Excel);
    expect(Office.context.displayLanguage).toBe("vi-VN");
    await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
  });

  test("uninstall restores the previous globals", () => {
    uninstall();
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
    uninstall = installGlobals(host);
  });
});
