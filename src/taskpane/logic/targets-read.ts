// "Đọc chỉ tiêu" on a workbook snapshot, whichever mode read it: the template that made the
// workbook (refusing what BáoCáo cannot read, as the checks do), its figures, and where its Chỉ tiêu
// sheet is (for the chart). Part of the engine chunk: it carries the core's reader.
import { readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { ReportData } from "../../core/data/types";
import { parseQualifiedRange } from "../../core/layout/a1";
import { definedName, nameKey } from "../../core/layout/names";
import type { Template } from "../../core/model/load";
import type { WorkbookProblem } from "../session/types";
import { identifyTemplate } from "../templates/identify";
import { hasTargets } from "./template-targets";

export { hasTargets };

/** The workbook problems a reading can meet (it never compares with a previous period), or none. */
export type TargetsProblem =
  Exclude<WorkbookProblem, { kind: "otherTemplate" }> | { kind: "noTargets"; templateId: string };

export type TargetsReading =
  | {
      ok: true;
      template: Template;
      data: ReportData;
      /** The sheet holding the targets' levels (BCG_ names), or null when there is none. */
      targetsSheet: string | null;
    }
  | { ok: false; problem: TargetsProblem };

/** The sheet the first target's level cell is on, found through its defined name. */
export function targetsSheetOf(template: Template, snapshot: WorkbookSnapshot): string | null {
  const keys = new Set(
    template.targets.map((t) => nameKey(definedName({ kind: "targetValue", target: t.id })))
  );
  for (const n of snapshot.names) {
    if (!keys.has(nameKey(n.name))) continue;
    const sheet = parseQualifiedRange(n.ref)?.sheet;
    if (sheet && snapshot.sheets.some((s) => s.name === sheet)) return sheet;
  }
  return null;
}

export function readTargets(snapshot: WorkbookSnapshot | null): TargetsReading {
  if (!snapshot) return { ok: false, problem: { kind: "noWorkbook" } };
  const found = identifyTemplate(snapshot);
  // identifyTemplate reports only problems of the workbook itself, never "otherTemplate".
  if (!found.ok) return { ok: false, problem: found.problem as TargetsProblem };
  if (!hasTargets(found.template)) {
    return { ok: false, problem: { kind: "noTargets", templateId: found.template.id } };
  }
  const { data } = readWorkbook(found.template, snapshot);
  return {
    ok: true,
    template: found.template,
    data,
    targetsSheet: targetsSheetOf(found.template, snapshot),
  };
}
