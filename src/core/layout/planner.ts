// Plans the whole workbook for a template and (optionally) the data to put in it.
import type { Template } from "../model/load";
import type { ReportData } from "../data/types";
import { emptyData } from "../data/empty";
import { createContext } from "./context";
import { buildCoverSheet } from "./cover-sheet";
import { buildMetaSheet } from "./meta-sheet";
import type { WorkbookPlan } from "./plan";
import { buildSectionSheet } from "./section-sheet";
import type { SheetBuilder } from "./sheet-builder";
import { buildTableSheet } from "./table-sheet";
import { buildTargetsSheet } from "./targets-sheet";
import { buildUnitsSheet } from "./units-sheet";
import { sheetKeys } from "./sheet-keys";
import { buildSourcesSheet } from "./sources-sheet";
import { buildSubtotalsSheet } from "./subtotals-sheet";

export { sheetKeys } from "./sheet-keys";

export interface PlanOptions {
  /** Final sheet names by sheet key, when a writer had to rename to avoid the user's sheets. */
  sheetNames?: Record<string, string>;
  /**
   * Prompts by section id, shown on the free row above the header of the section's sheet (so no
   * input moves): the next period's workbook shows there the tasks the previous report set
   * (core/next). Display only; nothing reads them back.
   */
  sectionPrompts?: Record<string, string>;
}

export { emptyData };

export function planWorkbook(
  template: Template,
  data?: ReportData,
  options: PlanOptions = {}
): WorkbookPlan {
  const ctx = createContext(template, data ?? emptyData(template), options.sheetNames);
  if (options.sectionPrompts) ctx.sectionPrompts = options.sectionPrompts;
  const builders: SheetBuilder[] = [];
  for (const key of sheetKeys(template, ctx.data)) {
    const [role, id] = key.split(":");
    switch (role) {
      case "cover":
        builders.push(buildCoverSheet(ctx));
        break;
      case "units":
        builders.push(buildUnitsSheet(ctx));
        break;
      case "section":
        builders.push(buildSectionSheet(ctx, template.sectionById.get(id)!));
        break;
      case "table":
        builders.push(buildTableSheet(ctx, template.tableById.get(id)!));
        break;
      case "targets":
        builders.push(buildTargetsSheet(ctx));
        break;
      case "sources":
        builders.push(buildSourcesSheet(ctx));
        break;
      case "subtotals":
        builders.push(buildSubtotalsSheet(ctx));
        break;
      case "meta":
        builders.push(buildMetaSheet(ctx));
        break;
    }
  }
  return {
    templateId: template.id,
    templateVersion: template.version,
    sheets: builders.map((b) => b.sheet),
    names: ctx.names,
  };
}
