// The engine's lazily loaded part (chunk "engine-office", see engine.ts): the Office.js writer,
// reader and marks, the targets chart, the validator behind "Kiểm tra", and the next period and
// flat data of the Mẫu báo cáo tab.
export { checkWorkbook, previousPeriodOf } from "../logic/workbook-check";
export { flatCsv, flatPlan, nextPeriodPlan } from "../logic/round-data";
export { insertTemplate } from "../../adapters/office/insert";
export { findTemplateInWorkbook, removeTemplate } from "../../adapters/office/existing";
export { readOpenWorkbook } from "../../adapters/office/read";
export { clearMarks, markFindings, markWithStates, selectCell } from "../../adapters/office/marks";
export {
  hasTargetsChart,
  insertTargetsChart,
  removeTargetsChart,
} from "../../adapters/office/targets-chart";
