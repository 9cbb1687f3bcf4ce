// "Kiểm tra" behind the WorkbookSession interface: the Office session on the in-memory Excel host
// (read in 1 sync, marks as conditional formats, cleared to the workbook as it was), the preview
// session (marks in its store, the bytes untouched), and which workbooks can be checked at all.
import * as ExcelJS from "exceljs";
import { createExcelHost, installGlobals } from "../excel-host";
import { insertTemplate } from "../../src/adapters/office/insert";
import { MAX_MARKS } from "../../src/adapters/office/marks";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { cellA1 } from "../../src/core/layout/a1";
import { planWorkbook } from "../../src/core/layout/planner";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import {
  checkWorkbook,
  identifyTemplate,
  isTotalName,
  previousLabel,
  previousPeriodOf,
} from "../../src/taskpane/logic/workbook-check";
import { OfficeSession, PreviewSession } from "../../src/taskpane/session";
import { planToSnapshot } from "../support/plan-snapshot";

const template = findTemplate("quarterly-activity")!;
const exceljs = ExcelJS as unknown as ExcelJsModule;
const names = planWorkbook(template).names;
const at = (name: string) => {
  const n = names.find((x) => x.name === name)!;
  return { sheet: n.sheet, cell: cellA1(n.range.top, n.range.left) };
};

function sampleSnapshot(id = template.id): WorkbookSnapshot {
  const t = findTemplate(id)!;
  return planToSnapshot(planWorkbook(t, loadSample(t.id)));
}

/** Sets the meta sheet's value of a key ("templateId", "templateVersion"). */
/**
 * A workbook whose meta sheet says another template or version. Without `carried`, it has no
 * template definition, as workbooks made before they carried one: with it, the meta sheet would
 * no longer match the definition (an edit by hand, see "a hand-edited meta sheet" below).
 */
function setMeta(
  s: WorkbookSnapshot,
  key: string,
  value: string,
  carried = false
): WorkbookSnapshot {
  const meta = s.sheets.find((x) => x.name === "_BaoCao")!;
  const row = meta.values.find((r) => r[0] === key)!;
  row[1] = value;
  if (!carried) meta.values = meta.values.filter((r) => !/^definition/.test(String(r[0])));
  return s;
}

describe("which workbooks can be checked", () => {
  test("a BáoCáo workbook of a known template, same major version", () => {
    const found = identifyTemplate(sampleSnapshot());
    expect(found).toMatchObject({ ok: true, version: template.version });
    const minor = template.version.replace(/^(\d+)\..*$/, "$1.99.0");
    expect(identifyTemplate(setMeta(sampleSnapshot(), "templateVersion", minor)).ok).toBe(true);
  });

  test("not BáoCáo, unknown template, another major version", () => {
    const plain: WorkbookSnapshot = {
      sheets: [{ name: "Sheet1", visible: true, top: 1, left: 1, values: [[1]] }],
      names: [],
    };
    expect(identifyTemplate(plain)).toEqual({ ok: false, problem: { kind: "notBaoCao" } });
    expect(
      identifyTemplate(setMeta(sampleSnapshot(), "templateId", "bao-cao-tuan"), "x.xlsx")
    ).toEqual({
      ok: false,
      problem: { kind: "unknownTemplate", templateId: "bao-cao-tuan", file: "x.xlsx" },
    });
    expect(identifyTemplate(setMeta(sampleSnapshot(), "templateVersion", "2.0.0"))).toEqual({
      ok: false,
      problem: {
        kind: "incompatible",
        templateId: template.id,
        version: "2.0.0",
        supported: template.version,
      },
    });
    expect(checkWorkbook(plain)).toEqual({ ok: false, problem: { kind: "notBaoCao" } });
  });

  test("a hand-edited meta sheet (it no longer matches the definition it carries) is not used", () => {
    expect(
      identifyTemplate(setMeta(sampleSnapshot(), "templateVersion", "1.99.0", true))
    ).toMatchObject({
      ok: false,
      problem: { kind: "editedDefinition", templateId: template.id, cell: expect.any(String) },
    });
  });

  test("the previous period: its period, the CLI's label, and only of the same template", () => {
    const r = previousPeriodOf(sampleSnapshot(), "Quý I.xlsx");
    if (!r.ok) throw new Error("expected a previous period");
    expect(r.previous.period?.text).toBe("2024-Q1");
    expect(previousLabel(r.previous)).toBe("kỳ trước (quý I/2024)");
    expect(previousLabel({ ...r.previous, period: null })).toBe("kỳ trước (tệp Quý I.xlsx)");
    expect(checkWorkbook(sampleSnapshot("annual-plan"), r.previous)).toEqual({
      ok: false,
      problem: {
        kind: "otherTemplate",
        file: "Quý I.xlsx",
        templateId: template.id,
        expected: "annual-plan",
      },
    });
    const checked = checkWorkbook(sampleSnapshot(), r.previous);
    expect(checked.ok && checked.report.ready).toBe(true);
  });

  test("the total rows' names are the ones whose formulas are read", () => {
    expect(isTotalName("BCT_dv_ket_nap")).toBe(true);
    expect(isTotalName("BC_tt_luot_tham_gia")).toBe(false);
    expect(isTotalName("BCH_period")).toBe(false);
  });
});

describe("OfficeSession", () => {
  for (const profile of ["1.7", "latest"] as const) {
    test(`checks in 2 round trips (read, marks) the first time and after, selects and clears back to the same workbook (ExcelApi ${profile})`, async () => {
      const { host, Excel, Office } = createExcelHost({ profile });
      const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
      await Excel.run((context) =>
        insertTemplate(context, template, { data: loadSample(template.id), supports })
      );
      const negative = at("BC_tt_luot_tham_gia");
      host.setValues(negative.sheet, negative.cell, [[-3]]);
      // An overwritten total (a figure typed over the formula) is caught: formulas are read for totals.
      const before = JSON.stringify(host.toSnapshot());
      const undo = installGlobals(host);
      try {
        const session = new OfficeSession(supports);
        const syncs = host.syncCount;
        const outcome = await session.validate();
        if (outcome.status !== "checked") throw new Error(JSON.stringify(outcome));
        // The first check does not know the sheets: it asks for them by position with the list.
        expect(outcome.syncs).toEqual({ read: 1, marks: 1 });
        expect(host.syncCount - syncs).toBe(2);
        expect(outcome).toMatchObject({
          templateId: template.id,
          ready: false,
          errors: 1,
          warnings: 0,
          marked: 1,
          notMarked: 0,
          previous: null,
          // Feature-detected: comments from ExcelApi 1.10, else the findings sheet.
          notes: profile === "1.7" ? "sheet" : "comments",
          notesSheet: profile === "1.7" ? "Kết quả kiểm tra" : null,
        });
        expect(outcome.findings[0]).toMatchObject({ rule: "min", ...negative });
        expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
        expect(host.sheet(negative.sheet).comments()).toHaveLength(profile === "1.7" ? 0 : 1);
        expect(host.hasSheet("Kết quả kiểm tra")).toBe(profile === "1.7");
        expect(host.sheet(negative.sheet).cell(negative.cell).value).toBe(-3);

        await session.selectCell(negative.sheet, negative.cell);
        expect(host.selection()).toMatchObject({ sheet: negative.sheet, address: negative.cell });

        // The next check replaces the marks rather than adding to them, and asks for the sheets
        // it read last time beside the sheet list: one round trip to read, one to mark.
        const before2 = host.syncCount;
        const again = await session.validate();
        expect(again.syncs).toEqual({ read: 1, marks: 1 });
        expect(host.syncCount - before2).toBe(2);
        expect(again).toMatchObject({ errors: 1, marked: 1 });
        expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
        expect(await session.clearMarks()).toBeGreaterThanOrEqual(2);
        const after = host.toSnapshot();
        const withoutSelection = (s: ReturnType<typeof host.toSnapshot>) =>
          JSON.stringify({
            ...s,
            activeSheet: null,
            sheets: s.sheets.map((x) => ({ ...x, selection: null })),
          });
        expect(withoutSelection(after)).toBe(withoutSelection(JSON.parse(before)));
      } finally {
        undo();
      }
    });
  }

  test("a check after sheets were added or deleted reads them all (ExcelApi 1.7)", async () => {
    const { host, Excel, Office } = createExcelHost({ profile: "1.7" });
    const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
    await Excel.run((context) =>
      insertTemplate(context, template, { data: loadSample(template.id), supports })
    );
    const negative = at("BC_tt_luot_tham_gia");
    host.setValues(negative.sheet, negative.cell, [[-3]]);
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession(supports);
      const first = await session.validate();
      expect(first).toMatchObject({ status: "checked", errors: 1, marked: 1 });
      // A sheet of the user's: read in a second sync, its content reported as before.
      host.addSheet("Ghi chú");
      host.setValues("Ghi chú", "A1", [["của tôi"]]);
      const added = await session.validate();
      expect(added).toMatchObject({ status: "checked", errors: 1, marked: 1 });
      expect(added.syncs).toEqual({ read: 2, marks: 1 });
      // A sheet the last check read is gone: the guess fails, the read starts again (by position).
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Ghi chú").delete();
        await context.sync();
      });
      const removed = await session.validate();
      expect(removed).toMatchObject({ status: "checked", errors: 1, marked: 1 });
      expect(removed.syncs).toEqual({ read: 2, marks: 1 });
      // Unchanged again: one sync to read.
      const same = await session.validate();
      expect(same.syncs).toEqual({ read: 1, marks: 1 });
      expect(host.sheet(negative.sheet).conditionalFormats()).toHaveLength(1);
    } finally {
      undo();
    }
  });

  test("a workbook without a template: the problem, and old marks are cleared", async () => {
    const { host, Office } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession((v) =>
        Office.context.requirements.isSetSupported("ExcelApi", v)
      );
      const outcome = await session.validate();
      expect(outcome).toMatchObject({ status: "problem", problem: { kind: "notBaoCao" } });
      expect(outcome.syncs.read).toBe(1);
      expect(MAX_MARKS).toBe(500);
    } finally {
      undo();
    }
  });
});

describe("PreviewSession", () => {
  async function faultyFile(): Promise<{ bytes: Uint8Array; name: string }> {
    const bytes = await planToXlsx(exceljs, planWorkbook(template, loadSample(template.id)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const negative = at("BC_tt_luot_tham_gia");
    wb.getWorksheet(negative.sheet)!.getCell(negative.cell).value = -3;
    return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), name: "Quý I.xlsx" };
  }
  const blob = (f: { bytes: Uint8Array; name: string }) =>
    Object.assign(new Blob([f.bytes as BlobPart]), { name: f.name });

  test("no workbook yet", async () => {
    const session = new PreviewSession();
    await expect(session.validate()).resolves.toMatchObject({
      status: "problem",
      problem: { kind: "noWorkbook" },
      syncs: { read: 0, marks: 0 },
    });
  });

  test("marks live in the store, never in the bytes; clearing removes them all", async () => {
    const session = new PreviewSession();
    const file = await faultyFile();
    await session.openFile(blob(file));
    const bytes = session.store.get().workbook!.bytes;
    const outcome = await session.validate();
    expect(outcome).toMatchObject({ status: "checked", errors: 1, marked: 1, notMarked: 0 });
    expect(session.store.get().marks).toEqual([
      expect.objectContaining({ sheet: at("BC_tt_luot_tham_gia").sheet, severity: "error" }),
    ]);
    expect(session.store.get().workbook!.bytes).toBe(bytes);
    expect(Buffer.from(bytes).equals(Buffer.from(file.bytes))).toBe(true);
    expect(await session.clearMarks()).toBe(0);
    expect(session.store.get().marks).toBeNull();

    // Opening another workbook drops the marks of the last one.
    await session.validate();
    await session.openFile(blob(file));
    expect(session.store.get().marks).toBeNull();
  });

  test("the previous period's file: read, compared, refused when it is not a workbook", async () => {
    const session = new PreviewSession();
    const file = await faultyFile();
    await session.openFile(blob(file));
    const prev = await session.readPreviousPeriod(
      blob({
        bytes: await planToXlsx(exceljs, planWorkbook(template, loadSample(template.id))),
        name: "Q1.xlsx",
      })
    );
    if (!prev.ok) throw new Error(JSON.stringify(prev.problem));
    expect(prev.previous).toMatchObject({ fileName: "Q1.xlsx", templateId: template.id });
    const outcome = await session.validate({ previous: prev.previous });
    expect(outcome).toMatchObject({ status: "checked", previous: { fileName: "Q1.xlsx" } });
    await expect(
      session.readPreviousPeriod(Object.assign(new Blob(["a;b"]), { name: "x.csv" }))
    ).rejects.toMatchObject({ name: "XlsxReadError" });
  });
});
