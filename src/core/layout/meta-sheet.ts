// The hidden metadata sheet: which template and version made the workbook, so readers,
// validation and consolidation can refuse workbooks they do not understand.
import type { PlanContext } from "./context";
import { LAYOUT_VERSION } from "./plan";
import { sheetKeys } from "./sheet-keys";
import { SheetBuilder } from "./sheet-builder";
import { isConsolidatedTemplate } from "../consolidate/template";

export const META_SHEET_PREFIX = "sheet:";

export const META_KEYS = {
  product: "BáoCáo",
  templateId: "templateId",
  templateVersion: "templateVersion",
  layoutVersion: "layoutVersion",
  /** "1" in a consolidated workbook: read it with consolidatedTemplate(template). */
  consolidated: "consolidated",
} as const;

export function buildMetaSheet(ctx: PlanContext): SheetBuilder {
  const b = new SheetBuilder("meta", ctx.sheetName("meta"), "meta", [20, 40], ctx.names);
  b.sheet.hidden = true;
  const rows: [string, string | number][] = [
    [META_KEYS.product, "Sổ tính tạo bởi BáoCáo; không sửa trang này."],
    [META_KEYS.templateId, ctx.template.id],
    [META_KEYS.templateVersion, ctx.template.version],
    [META_KEYS.layoutVersion, LAYOUT_VERSION],
  ];
  if (isConsolidatedTemplate(ctx.template) || ctx.data.consolidation)
    rows.push([META_KEYS.consolidated, "1"]);
  // The sheets this template owns, so the add-in can remove or replace exactly its own sheets.
  for (const key of sheetKeys(ctx.template, ctx.data))
    rows.push([`${META_SHEET_PREFIX}${key}`, ctx.sheetName(key)]);
  rows.forEach(([k, v], i) => {
    b.set(i + 1, 1, { value: k, style: "meta" });
    b.set(i + 1, 2, { value: v, style: "meta" });
  });
  return b;
}
