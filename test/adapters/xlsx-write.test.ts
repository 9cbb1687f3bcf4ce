// The direct .xlsx writer (write.ts) against the ExcelJS writer (render.ts) it replaces for
// consolidated workbooks: both files are loaded back with ExcelJS and every sheet's model (cells
// with value, formula, cached result and whole style; merges; validations; views; columns; row
// heights; protection; page setup; footer) and the defined names must be equal, and our reader
// must read the same snapshot from both. Samples of every built-in template, a consolidation, and
// a plan with the awkward values (text needing escapes, line breaks, edge spaces, control
// characters, booleans, text and boolean formula results).
import * as ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { builtInTemplates, CLUSTER_PROVINCES, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { planToXlsxDirect } from "../../src/adapters/xlsx/write";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { consolidate } from "../../src/core/consolidate";
import { screened, unitData } from "../core/consolidate/fixtures";

const exceljs = ExcelJS as unknown as ExcelJsModule;

/** A sheet as ExcelJS loads it, without what ExcelJS fills in on its own (ids, defaults). */
function sheetModel(ws: ExcelJS.Worksheet): unknown {
  const m = ws.model as unknown as Record<string, unknown>;
  const page = (m.pageSetup ?? {}) as Record<string, unknown>;
  const view = ((m.views as Record<string, unknown>[]) ?? [])[0] ?? {};
  return {
    name: m.name,
    state: m.state,
    tabColor: (m.properties as { tabColor?: unknown }).tabColor,
    view: { state: view.state ?? "normal", xSplit: view.xSplit ?? 0, ySplit: view.ySplit ?? 0 },
    cols: ((m.cols as { min: number; max: number; width: number }[]) ?? []).map((c) => [
      c.min,
      c.max,
      c.width,
    ]),
    rows: ((m.rows as { number: number; height?: number; cells: unknown[] }[]) ?? []).map((r) => ({
      number: r.number,
      height: r.height,
      cells: (r.cells as Record<string, unknown>[]).map((c) => ({
        address: c.address,
        type: c.type,
        value: c.value,
        formula: c.formula,
        result: c.result,
        style: c.style,
      })),
    })),
    merges: [...((m.merges as string[]) ?? [])].sort(),
    dataValidations: m.dataValidations,
    sheetProtection: m.sheetProtection,
    pageSetup: {
      paperSize: page.paperSize,
      orientation: page.orientation,
      fitToPage: page.fitToPage,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      horizontalCentered: page.horizontalCentered,
      margins: page.margins,
      printTitlesRow: page.printTitlesRow,
    },
    headerFooter: m.headerFooter,
  };
}

async function models(bytes: Uint8Array) {
  const wb = new exceljs.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  );
  const names = [...wb.definedNames.model].sort((a, b) => (a.name < b.name ? -1 : 1));
  // ExcelJS does not read calcPr back: the workbook part's text says whether Excel recalculates.
  const workbookXml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]);
  return {
    sheets: wb.worksheets.map(sheetModel),
    names,
    fullCalcOnLoad: /<calcPr\b[^>]*fullCalcOnLoad="1"/.test(workbookXml),
  };
}

async function expectSameWorkbook(plan: WorkbookPlan): Promise<void> {
  const viaExcelJs = await planToXlsx(exceljs, plan);
  const direct = planToXlsxDirect(plan);
  const [a, b] = [await models(viaExcelJs), await models(direct)];
  expect(b.names).toEqual(a.names);
  expect(b.fullCalcOnLoad).toBe(true);
  expect(b.sheets.length).toBe(a.sheets.length);
  for (let i = 0; i < a.sheets.length; i++) expect(b.sheets[i]).toEqual(a.sheets[i]);
  // Merges too come in ExcelJS's order: the pane's viewer and its tests compare snapshots.
  expect(await readXlsx(exceljs, direct, "direct.xlsx")).toEqual(
    await readXlsx(exceljs, viaExcelJs, "exceljs.xlsx")
  );
}

function consolidatedPlan(units: number): WorkbookPlan {
  const qa = findTemplate("quarterly-activity")!;
  const result = consolidate(
    CLUSTER_PROVINCES.slice(0, units).map((unit, i) =>
      screened(qa, unitData(qa, unit, i + 11, "2024-Q1"), `${i + 1}-${unit}.xlsx`)
    ),
    { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" }
  );
  return planWorkbook(result.template!, result.data!);
}

describe("direct .xlsx writer = the ExcelJS writer, loaded back", () => {
  it.each(builtInTemplates().map((t) => [t.id] as const))("sample of %s", async (id) => {
    await expectSameWorkbook(planWorkbook(findTemplate(id)!, loadSample(id)));
  });

  it("a consolidation of 7 units (units, sources, per-unit tables)", async () => {
    await expectSameWorkbook(consolidatedPlan(7));
  });

  it("awkward values: escapes, line breaks, edge spaces, control characters, booleans", async () => {
    const plan = planWorkbook(findTemplate("quarterly-activity")!);
    const cells = plan.sheets[0].cells;
    const texts = [
      `A & B <c> "q" 'a'`,
      "dòng 1\ndòng 2",
      "  lề trái",
      "lề phải ",
      "ký tự\u0001điều khiển\u001f",
      "",
    ];
    texts.forEach((text, i) => (cells[i].value = text));
    cells[texts.length].value = true;
    cells[texts.length + 1].value = false;
    cells[texts.length + 2].value = -1.5e-7;
    cells[texts.length + 3].formula = 'IF(1>0,"có & không","")';
    cells[texts.length + 3].result = "có & không";
    cells[texts.length + 4].formula = "1>0";
    cells[texts.length + 4].result = true;
    cells[texts.length + 5].formula = "SUM(1,2)";
    cells[texts.length + 5].result = null;
    await expectSameWorkbook(plan);
  });
});
