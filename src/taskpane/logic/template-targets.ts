// Whether a template has targets at all (the Chỉ tiêu tab lists those that do): from the template
// alone, so the pane's start-up has it without the workbook reading in targets-read.ts.
import type { Template } from "../../core/model/load";

/** Whether a template has anything for the tab: report targets or per-unit target columns. */
export function hasTargets(template: Template): boolean {
  return (
    template.targets.length > 0 ||
    template.tables.some((t) => t.kind === "perUnit" && t.columns.some((c) => c.role === "target"))
  );
}
