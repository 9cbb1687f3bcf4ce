import type { Template } from "../model/load";

/** Sheet keys in workbook order; writers use them to check names before planning. */
export function sheetKeys(template: Template): string[] {
  const keys = ["cover"];
  if (template.hasPerUnitTables) keys.push("units");
  for (const s of template.sheetSections) {
    keys.push(`section:${s.id}`);
    for (const table of template.tables) {
      if (template.sectionById.get(table.section)?.sheetSection === s.id)
        keys.push(`table:${table.id}`);
    }
  }
  if (template.targets.length > 0) keys.push("targets");
  keys.push("meta");
  return keys;
}
