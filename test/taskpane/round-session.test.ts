// "Tạo kỳ sau" and "Tải dữ liệu phẳng" (issue 11, items 4 and 5) behind the WorkbookSession
// interface: the preview session with ExcelJS, and the Office session on the in-memory Excel host.
import * as ExcelJS from "exceljs";
import { createExcelHost, installGlobals } from "../excel-host";
import { readWorkbook } from "../../src/core/data/read";
import { flatRows } from "../../src/core/flat";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { OfficeSession, PreviewSession } from "../../src/taskpane/session";
import { makeFlatData, makeNextPeriod, openInExcel } from "../../src/taskpane/session/round";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";

const qa = findTemplate("quarterly-activity")!;

async function previewWith(data = loadSample(qa.id)): Promise<PreviewSession> {
  const session = new PreviewSession();
  await session.insertTemplate({ template: qa, data, confirmReplace: async () => true });
  return session;
}

const file = (bytes: Uint8Array, name: string) =>
  Object.assign(new Blob([bytes as BlobPart]), { name });

async function readBack(bytes: Uint8Array) {
  const { snapshot } = await readWorkbookBytes(exceljs, bytes, "x.xlsx");
  return readWorkbook(qa, snapshot).data;
}

describe("Tạo kỳ sau", () => {
  test("preview: the next quarter's workbook, with last year's figures as baselines", async () => {
    const session = await previewWith();
    const lastYear = unitData(qa, "LĐLĐ tỉnh Lai Châu", 3, "2023-Q2");
    const r = await makeNextPeriod(session, {
      lastYear: file(await xlsxOf(qa, lastYear), "q2-2023.xlsx"),
    });
    if (r.status !== "made") throw new Error(JSON.stringify(r));
    expect(r).toMatchObject({
      fileName: "bao-cao-quarterly-activity-2024-Q2.xlsx",
      period: "2024-Q2",
      periodLabel: "quý II/2024",
      opened: false,
      tasksCarried: true,
    });
    const data = await readBack(r.bytes);
    expect(data.header.period).toBe("2024-Q2");
    expect(data.header.issuingBody).toBe(loadSample(qa.id).header.issuingBody);
    expect(r.baselinesFilled).toBeGreaterThan(10);
    expect(Object.keys(data.baselines!.lastYear!)).toHaveLength(r.baselinesFilled);
    for (const [k, v] of Object.entries(data.baselines!.lastYear!))
      expect(v).toBe(lastYear.values[k]);
    // The open workbook is this period's and stays so.
    expect(session.store.get().workbook!.period).toBe("2024-Q1");
  });

  test("preview: says why, in the core's words, when last year's file is of another period", async () => {
    const session = await previewWith();
    const wrong = file(await xlsxOf(qa, unitData(qa, "X", 1, "2024-Q1")), "sai.xlsx");
    const r = await makeNextPeriod(session, { lastYear: wrong });
    expect(r.status).toBe("refused");
    expect(r.status === "refused" && r.message).toContain("quý II/2023 (2023-Q2)");
    expect(await makeNextPeriod(new PreviewSession())).toEqual({
      status: "problem",
      problem: { kind: "noWorkbook" },
    });
  });

  test("hosted: reads the open workbook and opens the next period as a new workbook", async () => {
    const { host, Office } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    try {
      const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
      const session = new OfficeSession(supports);
      await session.insertTemplate({
        template: qa,
        data: loadSample(qa.id),
        confirmReplace: async () => true,
      });
      const before = host.sheetNames();
      const opened: string[] = [];
      const g = globalThis as { Excel?: Record<string, unknown> };
      const excel = g.Excel;
      g.Excel = { ...excel, createWorkbook: async (b64: string) => void opened.push(b64) };
      try {
        const r = await makeNextPeriod(session, { open: (b) => openInExcel(b, supports) });
        if (r.status !== "made") throw new Error(JSON.stringify(r));
        expect(r.opened).toBe(true);
        expect(Buffer.from(opened[0], "base64").equals(Buffer.from(r.bytes))).toBe(true);
        expect((await readBack(r.bytes)).header.period).toBe("2024-Q2");
      } finally {
        g.Excel = excel;
      }
      // Nothing is written into the open workbook.
      expect(host.sheetNames()).toEqual(before);
      // An Excel without createWorkbook (below ExcelApi 1.8) gets the download instead.
      expect(await openInExcel(new Uint8Array([1]), (v) => v !== "1.8")).toBe(false);
    } finally {
      undo();
    }
  });
});

describe("Tải dữ liệu phẳng", () => {
  test("CSV: UTF-8 with a byte order mark, one row per figure", async () => {
    const session = await previewWith();
    const r = await makeFlatData(session, "csv");
    if (r.status !== "made") throw new Error(JSON.stringify(r));
    expect(r.fileName).toBe("du-lieu-quarterly-activity-2024-Q1.csv");
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(r.bytes);
    const want = flatRows(qa, await readBack(session.store.get().workbook!.bytes));
    expect(r.rows).toBe(want.length);
    expect(text.trimEnd().split("\r\n")).toHaveLength(want.length + 1);
    expect(text).toContain(want[0].label.split(",")[0]);
  });

  test("XLSX: the same rows on one sheet", async () => {
    const session = await previewWith();
    const r = await makeFlatData(session, "xlsx");
    if (r.status !== "made") throw new Error(JSON.stringify(r));
    expect(r.fileName).toBe("du-lieu-quarterly-activity-2024-Q1.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(r.rows + 1);
    expect(wb.worksheets[0].getRow(1).getCell(7).value).toBe("value");
  });
});
