// Turns a workbook plan into the snapshot a reader would get from Excel, so the core's
// write→read round trip can be tested without any spreadsheet library.
import { qualified } from "../../src/core/layout/a1";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import type { RawCell, WorkbookSnapshot } from "../../src/core/data/snapshot";

export function planToSnapshot(plan: WorkbookPlan): WorkbookSnapshot {
  return {
    sheets: plan.sheets.map((sheet) => {
      const rows = Math.max(1, ...sheet.cells.map((c) => c.row));
      const cols = Math.max(1, ...sheet.cells.map((c) => c.col));
      const values: RawCell[][] = Array.from({ length: rows }, () =>
        Array<RawCell>(cols).fill(null)
      );
      const formulas: (string | null)[][] = Array.from({ length: rows }, () =>
        Array<string | null>(cols).fill(null)
      );
      for (const c of sheet.cells) {
        const v = c.formula !== undefined ? (c.result ?? null) : (c.value ?? null);
        values[c.row - 1][c.col - 1] = v === "" ? null : v;
        if (c.formula) formulas[c.row - 1][c.col - 1] = `=${c.formula}`;
      }
      return {
        name: sheet.name,
        visible: !sheet.hidden,
        top: 1,
        left: 1,
        values,
        formulas,
        merges: sheet.merges,
      };
    }),
    names: plan.names.map((n) => ({ name: n.name, ref: `=${qualified(n.sheet, n.range)}` })),
  };
}
