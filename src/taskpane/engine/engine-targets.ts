// The engine's lazily loaded part for the Chỉ tiêu tab (chunk "targets", see engine.ts): reading
// a workbook's targets and building the tab's view of them.
export { readTargets } from "../logic/targets-read";
export { buildTargetsView } from "../logic/targets-view";
