// Consolidation of unit workbooks (issue 5): the pane-facing and CLI-facing API.
export {
  consolidatedTemplate,
  consolidationMap,
  isConsolidatedTemplate,
  fixedCellKey,
  type ConsolidationMap,
  type FixedCell,
} from "./template";
export { consolidatedData } from "./data";
export { screenSource, type ScreenedSource, type SourceFile } from "./screen";
export {
  consolidate,
  unitKey,
  type ConsolidateOptions,
  type ConsolidationExit,
  type ConsolidationResult,
} from "./consolidate";
export { templateForMeta } from "./resolve";
export { unitLevels, hierarchyFindings, type UnitLevels, type SubtotalRow } from "./levels";
export type { ConsolidationInfo, SourceRecord, SourceStatus } from "../data/types";
