export { OfficeSession, MIN_EXCEL_API } from "./office";
export {
  PreviewSession,
  type PreviewWorkbook,
  type PreviewState,
  type PreviewSelection,
  type PreviewMark,
} from "./preview";
export type {
  ConsolidateChoices,
  ConsolidateOutcome,
  ConsolidateProgress,
  ConsolidateRun,
  PickedFile,
} from "./consolidate";
export type {
  WorkbookSession,
  InsertOutcome,
  InsertRequest,
  SessionMode,
  ExistingTemplate,
  PreviousPeriodFile,
  PreviousPeriodResult,
  ValidateOptions,
  ValidationOutcome,
  ValidationSyncs,
  WorkbookProblem,
} from "./types";

import type { OfficeSession } from "./office";
import type { PreviewSession } from "./preview";

/** The session the app runs with: narrow on `mode` for the mode-specific actions. */
export type AppSession = OfficeSession | PreviewSession;
