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
export { screenSource, type ScreenedSource, type SourceFile, type SourceIssue } from "./screen";
export {
  defaultDeadline,
  namesFile,
  timelinessLabel,
  timelinessSummary,
  TIMELINESS_LABELS,
  type Approval,
} from "./round";
export {
  consolidate,
  unitKey,
  type ConsolidateOptions,
  type ConsolidationExit,
  type ConsolidationResult,
  type ConsolidationStop,
} from "./consolidate";
export { templateForMeta } from "./resolve";
export { unitLevels, hierarchyFindings, type UnitLevels, type SubtotalRow } from "./levels";
export type {
  ConsolidationInfo,
  ReviewState,
  SourceRecord,
  SourceStatus,
  Timeliness,
} from "../data/types";
