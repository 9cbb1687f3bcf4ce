// Both sessions behind the WorkbookSession interface: the Office session on the in-memory Excel host,
// the preview session with ExcelJS (loaded through the same import() the pane uses).
import { createExcelHost, installGlobals } from "../excel-host";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import { findTemplate } from "../../src/templates";
import { buildReportData, sampleData } from "../../src/taskpane/logic/report-data";
import { sheetView } from "../../src/taskpane/logic/sheet-view";
import { OfficeSession, PreviewSession } from "../../src/taskpane/session";

const template = findTemplate("quarterly-activity")!;
const data = () =>
  buildReportData(template, { period: "2024-Q1", issuingBody: "LĐLĐ TỈNH LAI CHÂU", units: [] });

describe("OfficeSession", () => {
  for (const profile of ["1.7", "latest"] as const) {
    test(`inserts, asks before replacing, finds and removes the template (ExcelApi ${profile})`, async () => {
      const { host, Office } = createExcelHost({ profile });
      const undo = installGlobals(host);
      try {
        const session = new OfficeSession((v) =>
          Office.context.requirements.isSetSupported("ExcelApi", v)
        );
        expect(session.apiSupported).toBe(true);
        const asked: string[][] = [];
        const first = await session.insertTemplate({
          template,
          data: data(),
          confirmReplace: async (e) => (asked.push(e.sheets), true),
        });
        expect(first.status).toBe("inserted");
        expect(first.syncs).toBeLessThanOrEqual(3);
        expect(first.skipped.includes("dataValidation")).toBe(profile === "1.7");
        expect(host.sheetNames()).toEqual(expect.arrayContaining(first.sheets));
        expect(asked).toEqual([]);

        const cancelled = await session.insertTemplate({
          template,
          data: data(),
          confirmReplace: async () => false,
        });
        expect(cancelled.status).toBe("cancelled");

        const snapshot = (await session.readWorkbook())!;
        expect(readMeta(snapshot)?.templateId).toBe("quarterly-activity");
        expect(readWorkbook(template, snapshot).data.header.period).toBe("2024-Q1");

        await session.selectCell("I. Kết quả", "C5");
        expect(host.selection()).toMatchObject({ sheet: "I. Kết quả", address: "C5" });

        const existing = (await session.findTemplate())!;
        expect(existing.templateId).toBe("quarterly-activity");
        await session.removeTemplate(existing);
        expect(await session.findTemplate()).toBeNull();
      } finally {
        undo();
      }
    });
  }

  test("Excel 2016 (below ExcelApi 1.7) is told apart", () => {
    expect(new OfficeSession((v) => v === "1.1").apiSupported).toBe(false);
  });
});

describe("PreviewSession", () => {
  test("creates the template's workbook in memory and shows it", async () => {
    const session = new PreviewSession();
    const r = await session.insertTemplate({
      template,
      data: data(),
      confirmReplace: async () => true,
    });
    expect(r).toMatchObject({ status: "inserted", renamed: [], skipped: [], syncs: 0 });
    const wb = session.store.get().workbook!;
    expect(wb.fileName).toBe("bao-cao-quarterly-activity-2024-Q1.xlsx");
    expect(wb.origin).toBe("created");
    expect(wb.templateId).toBe("quarterly-activity");
    expect(wb.period).toBe("2024-Q1");
    expect(wb.snapshot.sheets.map((s) => s.name)).toEqual(r.sheets);
    expect(readWorkbook(template, (await session.readWorkbook())!).data.header.period).toBe(
      "2024-Q1"
    );
    // Bytes are an .xlsx (zip) file.
    expect([...wb.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  test("opens an .xlsx file, and rejects anything else with the Vietnamese message", async () => {
    const maker = new PreviewSession();
    await maker.insertTemplate({
      template,
      data: sampleData(template)!,
      confirmReplace: async () => true,
    });
    const bytes = maker.store.get().workbook!.bytes;

    const session = new PreviewSession();
    const file = Object.assign(new Blob([bytes as BlobPart]), { name: "Báo cáo quý I.xlsx" });
    const opened = await session.openFile(file);
    expect(opened).toMatchObject({
      fileName: "Báo cáo quý I.xlsx",
      origin: "opened",
      templateId: "quarterly-activity",
      period: "2024-Q1",
    });
    // The viewer shows the cover's date (8 March 2024 in the sample) as dd/mm/yyyy.
    const cover = opened.snapshot.sheets[0];
    const shown = sheetView(cover, { numFmts: opened.numFmts[cover.name] }).rows.flatMap((r) =>
      r.cells.map((c) => c.text)
    );
    expect(shown).toContain("08/03/2024");
    expect(shown).toContain("LĐLĐ TỈNH LAI CHÂU");

    const text = Object.assign(new Blob(["Kỳ báo cáo;Số liệu\n2024-Q1;12"]), {
      name: "so-lieu.csv",
    });
    await expect(session.openFile(text)).rejects.toMatchObject({
      name: "XlsxReadError",
      message: expect.stringContaining('Tệp "so-lieu.csv" không phải sổ tính Excel (.xlsx)'),
    });
    // The workbook that was open stays open.
    expect(session.store.get().workbook?.fileName).toBe("Báo cáo quý I.xlsx");
  });

  test("selectCell points the viewer at a cell; unknown sheets are an error", async () => {
    const session = new PreviewSession();
    await session.insertTemplate({ template, data: data(), confirmReplace: async () => true });
    await session.selectCell("i. kết quả", "$C$12:D14");
    expect(session.store.get().selection).toMatchObject({ sheet: "I. Kết quả", row: 12, col: 3 });
    const seq = session.store.get().selection!.seq;
    await session.selectCell("I. Kết quả", "C12");
    expect(session.store.get().selection!.seq).toBeGreaterThan(seq);
    await expect(session.selectCell("Không có", "A1")).rejects.toThrow();
  });

  test("download saves the bytes under the workbook's name", async () => {
    const session = new PreviewSession();
    await session.insertTemplate({ template, data: data(), confirmReplace: async () => true });
    const clicked: { href: string; download: string }[] = [];
    const anchor = {
      href: "",
      download: "",
      rel: "",
      style: {} as Record<string, string>,
      click() {
        clicked.push({ href: this.href, download: this.download });
      },
      remove() {},
    };
    const doc = {
      createElement: () => anchor,
      body: { appendChild: () => undefined },
    } as unknown as Document;
    const created: Blob[] = [];
    const spyCreate = jest
      .spyOn(URL, "createObjectURL")
      .mockImplementation((b) => (created.push(b as Blob), "blob:x"));
    jest.useFakeTimers();
    try {
      session.download(doc);
      expect(clicked).toEqual([
        { href: "blob:x", download: "bao-cao-quarterly-activity-2024-Q1.xlsx" },
      ]);
      expect(created[0].size).toBe(session.store.get().workbook!.bytes.length);
      expect(created[0].type).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      );
    } finally {
      jest.useRealTimers();
      spyCreate.mockRestore();
    }
  });
});
