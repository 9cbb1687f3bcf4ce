// The heavy part of BáoCáo the pane uses: the built-in templates (checked with zod when loaded),
// their samples, the workbook planner, the validator and the Office.js writer, reader and marks. It
// is a chunk of its own, loaded at start-up while office.js gets ready, so the pane's initial
// JavaScript is React, Fluent UI and the pane itself. Later features add what they need from the
// core here.
export { builtInTemplates, findTemplate } from "../../core/templates";
export { buildReportData, hasSample, sampleData } from "../logic/report-data";
export { checkWorkbook, isTotalName, previousPeriodOf } from "../logic/workbook-check";
export { flatCsv, flatPlan, nextPeriodPlan } from "../logic/round-data";
export { insertTemplate } from "../../adapters/office/insert";
export { findTemplateInWorkbook, removeTemplate } from "../../adapters/office/existing";
export { readOpenWorkbook } from "../../adapters/office/read";
export { clearMarks, markFindings, selectCell, MAX_MARKS } from "../../adapters/office/marks";
export { buildTargetsView } from "../logic/targets-view";
export { hasTargets, readTargets } from "../logic/targets-read";
export {
  hasTargetsChart,
  insertTargetsChart,
  removeTargetsChart,
} from "../../adapters/office/targets-chart";
