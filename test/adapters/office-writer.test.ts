// The Office.js writer on the in-memory Excel host produces the same cells as the .xlsx writer,
// under ExcelApi 1.7 (Office 2019) and the latest profile, in a bounded number of syncs.
import * as ExcelJS from "exceljs";
import { createExcelHost, type ExcelHost } from "../excel-host";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { cellA1, qualified, rangeA1 } from "../../src/core/layout/a1";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { loadWorkbook, rawOf } from "../../src/adapters/xlsx/read";
import { insertTemplate } from "../../src/adapters/office/insert";
import { findTemplateInWorkbook, removeTemplate } from "../../src/adapters/office/existing";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import { readWorkbook } from "../../src/core/data/read";
import { validateWorkbook } from "../../src/core/validate";
import type { Template } from "../../src/core/model/load";

const exceljs = ExcelJS as unknown as ExcelJsModule;
type Profile = "1.7" | "latest";

function hostFor(profile: Profile) {
  const made = createExcelHost({ profile });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  return { ...made, supports };
}

interface CellView {
  at: string;
  content: unknown;
  numFmt: string;
  locked: boolean;
  fill: string | null;
  bold: boolean;
}

function normalizeFormula(f: string): string {
  return f.startsWith("=") ? f : `=${f}`;
}

async function excelJsCells(template: Template, data = loadSample(template.id)) {
  const plan = planWorkbook(template, data);
  const wb = await loadWorkbook(exceljs, await planToXlsx(exceljs, plan), template.id);
  const out: Record<string, CellView[]> = {};
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name)!;
    out[sheet.name] = sheet.cells.map((c) => {
      const cell = ws.getCell(c.row, c.col);
      const v = cell.value as unknown;
      const isFormula = typeof v === "object" && v !== null && "formula" in v;
      const fill = cell.fill && "fgColor" in cell.fill ? (cell.fill.fgColor?.argb ?? null) : null;
      return {
        at: cellA1(c.row, c.col),
        // ExcelJS echoes a merge's value in every covered cell; Excel keeps them blank.
        content:
          cell.isMerged && cell.master !== cell
            ? ""
            : isFormula
              ? normalizeFormula((v as { formula: string }).formula)
              : (rawOf(cell.value) ?? ""),
        numFmt: cell.numFmt ?? "General",
        locked: cell.protection?.locked !== false,
        fill: fill ? `#${fill.slice(2)}`.toUpperCase() : null,
        bold: cell.font?.bold === true,
      };
    });
  }
  return { plan, cells: out };
}

function hostCells(host: ExcelHost, template: Template, data = loadSample(template.id)) {
  const plan = planWorkbook(template, data);
  const out: Record<string, CellView[]> = {};
  for (const sheet of plan.sheets) {
    const view = host.sheet(sheet.name);
    out[sheet.name] = sheet.cells.map((c) => {
      const cell = view.cell(cellA1(c.row, c.col));
      const fill = cell.format.fill as string | null;
      return {
        at: cellA1(c.row, c.col),
        content: cell.formula ?? (cell.value === "" ? "" : cell.value),
        numFmt: cell.numberFormat,
        locked: cell.locked,
        fill: fill && fill.toUpperCase() !== "#FFFFFF" ? fill.toUpperCase() : null,
        bold: cell.format.font.bold === true,
      };
    });
  }
  return out;
}

describe.each(["1.7", "latest"] as Profile[])("Office.js writer on ExcelApi %s", (profile) => {
  it.each(builtInTemplates().map((t) => t.id))(
    "writes %s cell for cell as the .xlsx writer does",
    async (id) => {
      const template = findTemplate(id)!;
      const { host, Excel, supports } = hostFor(profile);
      const result = await Excel.run((context) =>
        insertTemplate(context, template, { data: loadSample(id), supports })
      );
      expect(result.status).toBe("inserted");
      // One sync to look at the workbook, one to write: it does not grow with the template.
      expect(result.syncs).toBe(2);
      expect(host.syncCount).toBeLessThanOrEqual(3);
      for (const s of host.stats) expect(s.payloadBytes).toBeLessThan(5 * 1024 * 1024);

      const expected = await excelJsCells(template);
      const actual = hostCells(host, template);
      for (const sheet of expected.plan.sheets) {
        expect({ sheet: sheet.name, cells: actual[sheet.name] }).toEqual({
          sheet: sheet.name,
          cells: expected.cells[sheet.name],
        });
        const merges = host
          .sheet(sheet.name)
          .merges()
          .map((m: string) => m.replace(/^.*!/, ""))
          .sort();
        expect(merges).toEqual(sheet.merges.map((m) => rangeA1(m)).sort());
      }
      // Names: the same set, pointing at the same cells.
      const names = host.names().map((n): [string, string] => [n.name, n.formula]);
      expect(new Map(names)).toEqual(
        new Map(expected.plan.names.map((n) => [n.name, `=${qualified(n.sheet, n.range)}`]))
      );

      // Data validation where the host has ExcelApi 1.8; skipped (and reported) on Office 2019's 1.7.
      const withValidation = expected.plan.sheets.flatMap((s) =>
        s.validations.map((v) => ({ sheet: s.name, v }))
      );
      for (const { sheet, v } of withValidation) {
        const dv = host.sheet(sheet).cell(cellA1(v.range.top, v.range.left)).validation;
        if (profile === "latest") expect(dv).toBeTruthy();
        else expect(dv ?? null).toBeNull();
      }
      expect(result.skipped.includes("dataValidation")).toBe(profile === "1.7");
    }
  );
});

describe("inserting next to the user's own sheets", () => {
  const template = findTemplate("cluster-emulation")!;

  it("never overwrites a user's sheet: ours takes another name", async () => {
    const { host, Excel, supports } = hostFor("latest");
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.add("Đơn vị");
      ws.getRange("A1").values = [["Danh bạ riêng của tôi"]];
      await context.sync();
    });
    const result = await Excel.run((context) => insertTemplate(context, template, { supports }));
    expect(result.renamed).toEqual([{ wanted: "Đơn vị", actual: "Đơn vị (2)" }]);
    expect(host.sheet("Đơn vị").cell("A1").value).toBe("Danh bạ riêng của tôi");
    // Per-unit tables read their unit names from the renamed sheet.
    const table = planWorkbook(template, undefined, {
      sheetNames: { units: "Đơn vị (2)" },
    }).sheets.find((s) => s.role === "table")!;
    const nameCell = table.cells.find((c) => c.col === 2 && c.formula)!;
    expect(host.sheet(table.name).cell(cellA1(nameCell.row, nameCell.col)).formula).toContain(
      "'Đơn vị (2)'!"
    );
  });

  it("replaces an existing template only when the user confirms, and can remove it", async () => {
    const { host, Excel, supports } = hostFor("latest");
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("Ghi chú");
      await context.sync();
    });
    await Excel.run((context) => insertTemplate(context, template, { supports }));
    const before = host.sheetNames();

    const declined = await Excel.run((context) =>
      insertTemplate(context, findTemplate("quarterly-activity")!, {
        supports,
        confirmReplace: async () => false,
      })
    );
    expect(declined.status).toBe("cancelled");
    expect(host.sheetNames()).toEqual(before);

    let asked: unknown = null;
    const replaced = await Excel.run((context) =>
      insertTemplate(context, findTemplate("quarterly-activity")!, {
        supports,
        confirmReplace: async (existing) => {
          asked = existing;
          return true;
        },
      })
    );
    expect(replaced.status).toBe("inserted");
    expect(asked).toMatchObject({ templateId: "cluster-emulation" });
    expect(host.sheetNames()).toContain("Ghi chú");
    expect(host.sheetNames()).not.toContain("Phát triển ĐV, ĐV ưu tú");
    expect(host.sheetNames()).toContain("I. Kết quả");

    const existing = await Excel.run((context) => findTemplateInWorkbook(context));
    expect(existing?.templateId).toBe("quarterly-activity");
    await Excel.run((context) => removeTemplate(context, existing!));
    expect(host.sheetNames()).toEqual(["Sheet1", "Ghi chú"].filter((n) => before.includes(n)));
    expect(host.names()).toEqual([]);
  });
});

describe("reading the open workbook", () => {
  it("reads every sheet in one sync (asked for by position) and gives the same data as the file reader", async () => {
    const template = findTemplate("cluster-emulation")!;
    const { host, Excel, supports } = hostFor("latest");
    await Excel.run((context) =>
      insertTemplate(context, template, { data: loadSample(template.id), supports })
    );
    const syncsBefore = host.syncCount;
    const { snapshot, syncs } = await Excel.run((context) =>
      readOpenWorkbook(context, { supports })
    );
    expect(syncs).toBe(1);
    expect(host.syncCount - syncsBefore).toBe(1);
    const { data, findings } = readWorkbook(template, snapshot);
    expect(findings).toEqual([]);
    expect(data).toEqual(loadSample(template.id));
  });

  it("splits a batch under a smaller request cap into several syncs with the same result", async () => {
    const template = findTemplate("cluster-emulation")!;
    const { host, Excel, supports } = hostFor("latest");
    const result = await Excel.run((context) =>
      insertTemplate(context, template, {
        data: loadSample(template.id),
        supports,
        chunkBytes: 200 * 1024,
      })
    );
    expect(result.syncs).toBeGreaterThan(2);
    for (const s of host.stats) expect(s.payloadBytes).toBeLessThan(400 * 1024);
    const { snapshot } = await Excel.run((context) => readOpenWorkbook(context, { supports }));
    expect(readWorkbook(template, snapshot).data).toEqual(loadSample(template.id));
  });

  it("reads the formulas of total rows only, so validation sees a total typed over", async () => {
    const template = findTemplate("quarterly-activity")!;
    const { host, Excel, supports } = hostFor("latest");
    await Excel.run((context) =>
      insertTemplate(context, template, { data: loadSample(template.id), supports })
    );
    const total = planWorkbook(template, loadSample(template.id)).names.find(
      (n) => n.name === "BCT_kt_co_thi_dua"
    )!;
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(total.sheet);
      ws.protection.unprotect();
      ws.getRange(cellA1(total.range.top, total.range.left)).values = [[99]];
      await context.sync();
    });
    const before = host.syncCount;
    const { snapshot } = await Excel.run((context) =>
      readOpenWorkbook(context, { supports, formulasOf: (n) => n.startsWith("BCT_") })
    );
    // The totals' formulas are cut from the used ranges read in the same sync.
    expect(host.syncCount - before).toBe(1);
    const sheet = snapshot.sheets.find((x) => x.name === total.sheet)!;
    const other = planWorkbook(template, loadSample(template.id)).names.find(
      (n) => n.name === "BCT_kt_bang_khen_tap_the"
    )!;
    expect(sheet.formulas![other.range.top - sheet.top][other.range.left - sheet.left]).toMatch(
      /^=IF\(COUNT/
    );
    const report = validateWorkbook(template, snapshot);
    expect(report.findings.find((f) => f.rule === "formula-overwritten")).toMatchObject({
      sheet: total.sheet,
      cell: cellA1(total.range.top, total.range.left),
      severity: "error",
    });
  });

  it("reads a workbook too big for one response in row blocks, with the same result", async () => {
    const template = findTemplate("cluster-emulation")!;
    const made = createExcelHost({ profile: "latest", limits: { responseBytes: 64 * 1024 } });
    const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
    await made.Excel.run((context) =>
      insertTemplate(context, template, { data: loadSample(template.id), supports })
    );
    const { snapshot, syncs } = await made.Excel.run((context) =>
      readOpenWorkbook(context, { supports, formulasOf: (n) => n.startsWith("BCT_") })
    );
    expect(syncs).toBeGreaterThan(2);
    const { data, findings } = readWorkbook(template, snapshot);
    expect(findings).toEqual([]);
    expect(data).toEqual(loadSample(template.id));
    expect(validateWorkbook(template, snapshot).errors).toBe(0);
  });
});

describe("hedge cells (trên / gần / hơn / khoảng / ít nhất)", () => {
  it("are written alike by both writers: the word, the dropdown list, the name", async () => {
    const template = findTemplate("quarterly-activity")!;
    const plan = planWorkbook(template, loadSample(template.id));
    const hedge = plan.names.find((n) => n.name === "BCK_tt_luot_tham_gia")!;
    const at = cellA1(hedge.range.top, hedge.range.left);

    const { host, Excel, supports } = hostFor("latest");
    await Excel.run((context) =>
      insertTemplate(context, template, { data: loadSample(template.id), supports })
    );
    const cell = host.sheet(hedge.sheet).cell(at);
    expect(cell.value).toBe("trên");
    expect(JSON.stringify(cell.validation)).toContain("trên,gần,hơn,khoảng,ít nhất");
    expect(host.names().find((n) => n.name === "BCK_tt_luot_tham_gia")?.formula).toBe(
      `=${qualified(hedge.sheet, hedge.range)}`
    );

    const wb = await loadWorkbook(exceljs, await planToXlsx(exceljs, plan), template.id);
    const xcell = wb.getWorksheet(hedge.sheet)!.getCell(at);
    expect(xcell.value).toBe("trên");
    expect(xcell.dataValidation).toMatchObject({
      type: "list",
      formulae: ['"trên,gần,hơn,khoảng,ít nhất"'],
    });
  });
});
