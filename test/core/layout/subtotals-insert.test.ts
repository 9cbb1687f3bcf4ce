// The Office.js insert of a consolidated result with a units hierarchy, on the in-memory Excel
// host: the "Cộng theo cấp" sheet is written from the same plan in the usual syncs, reads back to
// the same data, and goes away with the template.
import { createExcelHost } from "../../excel-host";
import { findTemplate } from "../../../src/templates";
import { consolidate, consolidatedTemplate, screenSource } from "../../../src/core/consolidate";
import { planWorkbook } from "../../../src/core/layout/planner";
import { cellA1 } from "../../../src/core/layout/a1";
import { SUBTOTALS_SHEET } from "../../../src/core/layout/subtotals-sheet";
import { insertTemplate } from "../../../src/adapters/office/insert";
import { findTemplateInWorkbook, removeTemplate } from "../../../src/adapters/office/existing";
import { readOpenWorkbook } from "../../../src/adapters/office/read";
import { readWorkbook } from "../../../src/core/data/read";
import { screened, snapshotOf, unitData } from "../consolidate/fixtures";

const qa = findTemplate("quarterly-activity")!;
const ct = consolidatedTemplate(qa);
const AT = "2024-04-05T09:00:00.000Z";

function provinceResult() {
  const districts = ["LĐLĐ huyện Yên Thế", "LĐLĐ huyện Lục Nam"].map((name, d) => {
    const files = [0, 1, 2].map((g) => {
      const unit = `CĐCS ${d + 1}.${g + 1}`;
      return screened(qa, unitData(qa, unit, 10 * d + g, "2024-Q1"), `${unit}.xlsx`);
    });
    const r = consolidate(files, { find: findTemplate, consolidatedAt: AT, issuer: name });
    return screenSource(
      { file: `huyen-${d + 1}.xlsx`, checksum: `h${d}`, readAt: AT },
      { snapshot: snapshotOf(ct, r.data!) },
      findTemplate
    );
  });
  return consolidate(districts, {
    find: findTemplate,
    consolidatedAt: AT,
    issuer: "LĐLĐ tỉnh Bắc Giang",
  });
}

describe.each(["1.7", "latest"] as const)(
  "inserting a hierarchical consolidation (ExcelApi %s)",
  (profile) => {
    it("writes the subtotals sheet in two syncs, reads back the same data, and removes it", async () => {
      const result = provinceResult();
      expect(result.hierarchy?.levels).toBe(2);
      const { host, Excel, Office } = createExcelHost({ profile });
      const supports = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
      const inserted = await Excel.run((context) =>
        insertTemplate(context, ct, { data: result.data!, supports })
      );
      expect(inserted.status).toBe("inserted");
      expect(inserted.syncs).toBe(2);
      expect(host.syncCount).toBeLessThanOrEqual(3);
      expect(inserted.sheets).toContain(SUBTOTALS_SHEET);

      const planned = planWorkbook(ct, result.data!).sheets.find((s) => s.key === "subtotals")!;
      const view = host.sheet(SUBTOTALS_SHEET);
      const numbers = planned.cells.filter((c) => typeof c.value === "number");
      expect(numbers.length).toBeGreaterThan(20);
      for (const c of numbers) expect(view.cell(cellA1(c.row, c.col)).value).toBe(c.value);
      for (const c of planned.cells.filter((x) => x.numFmt))
        expect(view.cell(cellA1(c.row, c.col)).numberFormat).toBe(c.numFmt);

      const { snapshot } = await Excel.run((context) => readOpenWorkbook(context, { supports }));
      expect(readWorkbook(ct, snapshot).data).toEqual(result.data);

      const existing = await Excel.run((context) => findTemplateInWorkbook(context));
      expect(existing!.sheets).toContain(SUBTOTALS_SHEET);
      await Excel.run((context) => removeTemplate(context, existing!));
      expect(host.sheetNames()).not.toContain(SUBTOTALS_SHEET);
    });
  }
);
