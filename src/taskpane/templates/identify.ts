// Which template made a workbook, looked up in the pane's list: a workbook made from an office or
// a user template is identified by that template (and one of a built-in's id that a user template
// shadows, by the user's). Built-in templates go through logic/workbook-identify.ts unchanged.
// Once identifyTemplate there takes the list to look in, this module can go.
import { templateForMeta } from "../../core/consolidate/resolve";
import { readMeta, readWorkbook } from "../../core/data/read";
import type { WorkbookSnapshot } from "../../core/data/snapshot";
import { templatePeriod } from "../../core/model/title";
import * as builtIn from "../logic/workbook-identify";
import type { Identified } from "../logic/workbook-identify";
import type { PreviousPeriodResult } from "../session/types";
import { paneTemplateList } from "./store";

/** The template a workbook was made from; the same major version only (as workbook-identify.ts). */
export function identifyTemplate(snapshot: WorkbookSnapshot, file?: string): Identified {
  const meta = readMeta(snapshot);
  const entry = meta ? paneTemplateList()?.entry(meta.templateId) : undefined;
  if (!meta || !entry || entry.origin === "builtIn")
    return builtIn.identifyTemplate(snapshot, file);
  const { template } = entry;
  if (template.version.split(".")[0] !== meta.templateVersion.split(".")[0]) {
    return {
      ok: false,
      problem: {
        kind: "incompatible",
        templateId: meta.templateId,
        version: meta.templateVersion,
        supported: template.version,
        file,
      },
    };
  }
  return { ok: true, template: templateForMeta(template, meta), version: meta.templateVersion };
}

/** The previous period's workbook as the outlier check takes it (as workbook-identify.ts). */
export function previousPeriodOf(
  snapshot: WorkbookSnapshot,
  fileName: string
): PreviousPeriodResult {
  const found = identifyTemplate(snapshot, fileName);
  if (!found.ok) return found;
  const data = readWorkbook(found.template, snapshot).data;
  return {
    ok: true,
    previous: {
      fileName,
      templateId: found.template.id,
      period: templatePeriod(found.template, data.header.period),
      data,
    },
  };
}
