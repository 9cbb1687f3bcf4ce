// Why the Chỉ tiêu tab has nothing to show, or why the chart could not be drawn, in the pane's
// language.
import type { Messages } from "../../i18n";
import type { TargetsProblem } from "../../logic/targets-read";

export function problemText(
  p: TargetsProblem,
  m: Messages,
  titleOf: (templateId: string) => string,
  withTargets: string
): string {
  const t = m.targets.problems;
  switch (p.kind) {
    case "noWorkbook":
      return t.noWorkbook;
    case "notBaoCao":
      return t.notBaoCao;
    case "unknownTemplate":
      return t.unknownTemplate(p.templateId);
    case "editedDefinition":
      return t.editedDefinition(p.templateId, p.cell);
    case "incompatible":
      return t.incompatible(titleOf(p.templateId), p.version, p.supported);
    case "noTargets":
      return t.noTargets(titleOf(p.templateId), withTargets);
  }
}

interface ChartProblemError {
  name: string;
  problem: "noTargets" | "notOnSheet" | "sheetMissing";
}

/** The adapter's TargetsChartError (matched by name: the class lives in the engine chunk). */
export function isChartProblem(e: unknown): e is ChartProblemError {
  return (
    typeof e === "object" && e !== null && (e as { name?: unknown }).name === "TargetsChartError"
  );
}

export function chartProblemText(e: ChartProblemError, m: Messages, sheet: string): string {
  const t = m.targets.chart.problems;
  switch (e.problem) {
    case "noTargets":
      return t.noTargets;
    case "notOnSheet":
      return t.notOnSheet;
    case "sheetMissing":
      return t.sheetMissing(sheet);
  }
}
