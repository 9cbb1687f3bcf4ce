// Which template made a workbook, looked up in the pane's list: a workbook made from an office or
// a user template is identified by that template (and one of a built-in's id that a user template
// shadows, by the user's); a template the pane lacks, by the definition the workbook carries.
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import type { Template } from "../../core/model/load";
import * as identify from "../logic/workbook-identify";
import type { Identified } from "../logic/workbook-identify";
import type { PreviousPeriodResult } from "../session/types";
import { paneTemplateList } from "./store";

/** The pane's list when it is ready; the built-ins alone before (workbook-identify's default). */
export function paneFind(): ((id: string) => Template | undefined) | undefined {
  const list = paneTemplateList();
  return list ? (id) => list.find(id) : undefined;
}

/** The template a workbook was made from (see logic/workbook-identify.ts). */
export function identifyTemplate(snapshot: WorkbookSnapshot, file?: string): Identified {
  return identify.identifyTemplate(snapshot, file, paneFind());
}

/** The previous period's workbook as the outlier check takes it. */
export function previousPeriodOf(
  snapshot: WorkbookSnapshot,
  fileName: string
): PreviousPeriodResult {
  return identify.previousPeriodOf(snapshot, fileName, paneFind());
}
