// The template to read a workbook with: a consolidated workbook (meta "consolidated") is read with
// the consolidated form of its template, so validate, dump and the pane work on it unchanged.
import type { WorkbookMeta } from "../data/read";
import type { Template } from "../model/load";
import { consolidatedTemplate } from "./template";

export function templateForMeta(
  template: Template,
  meta: Pick<WorkbookMeta, "consolidated">
): Template {
  return meta.consolidated ? consolidatedTemplate(template) : template;
}
