import type { Template } from "../model/load";
import type { ReportData } from "../data/types";
import { plannedUnits } from "./context";
import { hasHierarchy } from "./hierarchy-units";

/** Sheet keys in workbook order; writers use them to check names before planning. The sources
 * sheet exists only in a consolidated workbook, and the subtotals sheet only when the units form
 * a hierarchy (some unit's parent is another listed unit), so both depend on the data. */
export function sheetKeys(template: Template, data?: ReportData): string[] {
  const keys = ["cover"];
  if (template.hasPerUnitTables) keys.push("units");
  for (const s of template.sheetSections) {
    keys.push(`section:${s.id}`);
    for (const table of template.tables) {
      if (template.sectionById.get(table.section)?.sheetSection === s.id)
        keys.push(`table:${table.id}`);
    }
  }
  if (template.hasPerUnitTables && hasHierarchy(plannedUnits(template, data)))
    keys.push("subtotals");
  if (template.targets.length > 0) keys.push("targets");
  if (data?.consolidation) keys.push("sources");
  keys.push("meta");
  return keys;
}
