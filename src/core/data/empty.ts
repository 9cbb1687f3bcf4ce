// A template's report with nothing filled in. A module of its own so that code needing only this
// (the pane's template form) does not carry the workbook planner.
import type { Template } from "../model/load";
import type { ReportData } from "./types";

export function emptyData(template: Template): ReportData {
  return {
    template: template.id,
    templateVersion: template.version,
    header: {},
    values: {},
    units: [],
    tables: {},
    texts: {},
  };
}
