// Workbooks as BáoCáo wrote them before they carried their template definition (meta keys
// definitionFormat, definitionChecksum, definition:1…), for the tests of old workbooks.
import type { WorkbookPlan } from "../../src/core/layout/plan";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { DEFINITION_PREFIX, META_KEYS } from "../../src/core/layout/meta-sheet";

/** Whether a meta sheet key is one of the definition's. */
export function isDefinitionKey(key: unknown): boolean {
  return (
    String(key).startsWith(DEFINITION_PREFIX) ||
    key === META_KEYS.definitionChecksum ||
    key === META_KEYS.definitionFormat
  );
}

/** The plan without the definition's rows of the meta sheet (they are its last rows). */
export function planWithoutDefinition(plan: WorkbookPlan): WorkbookPlan {
  const meta = plan.sheets.find((s) => s.key === "meta")!;
  const dropped = new Set(
    meta.cells.filter((c) => c.col === 1 && isDefinitionKey(c.value)).map((c) => c.row)
  );
  if (dropped.size < 3) throw new Error("the plan carries no definition to remove");
  // The definition's rows are the last ones: without them the sheet is what it was before.
  if (Math.min(...dropped) !== Math.max(...meta.cells.map((c) => c.row)) - dropped.size + 1)
    throw new Error("the definition's rows are not the meta sheet's last rows");
  return {
    ...plan,
    sheets: plan.sheets.map((s) =>
      s === meta ? { ...s, cells: s.cells.filter((c) => !dropped.has(c.row)) } : s
    ),
  };
}

/** The snapshot without the definition's rows of the meta sheet (changed in place). */
export function snapshotWithoutDefinition(s: WorkbookSnapshot): WorkbookSnapshot {
  const sheet = s.sheets.find((x) => x.name === "_BaoCao")!;
  sheet.values = sheet.values.filter((r) => !isDefinitionKey(r[0]));
  return s;
}
