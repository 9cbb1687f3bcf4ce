// The features the pane offers, one tab each. Later issues add Tổng hợp (roll-ups), Chỉ tiêu
// (targets) and Xuất Word (Word drafts) here; a tab appears only for a feature that exists.
import type { ComponentType } from "react";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { DocumentTableRegular } from "@fluentui/react-icons/svg/document-table";
import { DocumentTextRegular } from "@fluentui/react-icons/svg/document-text";
import { TableStackBelowRegular } from "@fluentui/react-icons/svg/table-stack-below";
import { TargetRegular } from "@fluentui/react-icons/svg/target";
import type { Messages } from "../i18n";
import type { AppSession } from "../session";
import { ChecksFeature } from "./checks/ChecksFeature";
import { ConsolidateFeature } from "./consolidate/ConsolidateFeature";
import { ExportFeature } from "./export/ExportFeature";
import { TargetsFeature } from "./targets/TargetsFeature";
import { TemplatesFeature } from "./templates/TemplatesFeature";

export interface FeatureProps {
  session: AppSession;
  /** ?debug in the URL: show technical details such as sync counts. */
  debug: boolean;
  /** The host cannot run the add-in (ExcelApi below 1.7): show, but do not act. */
  disabled: boolean;
  /** Switches to another tab (e.g. "Tổng hợp" → "Chỉ tiêu" after consolidating). */
  openFeature?: (id: FeatureId) => void;
  /** Whether a tab exists in this pane, so a feature offers to open it only when it does. */
  hasFeature?: (id: FeatureId) => boolean;
}

export interface Feature {
  id: string;
  label: (m: Messages) => string;
  Icon: ComponentType;
  Component: ComponentType<FeatureProps>;
  /** Whether the feature makes sense in this session (e.g. hosted-only features). */
  available: (session: AppSession) => boolean;
}

export const FEATURES: readonly Feature[] = [
  {
    id: "templates",
    label: (m) => m.tabs.templates,
    Icon: DocumentTableRegular,
    Component: TemplatesFeature,
    available: () => true,
  },
  {
    id: "checks",
    label: (m) => m.tabs.checks,
    Icon: ClipboardTaskListLtrRegular,
    Component: ChecksFeature,
    available: () => true,
  },
  {
    id: "consolidate",
    label: (m) => m.tabs.consolidate,
    Icon: TableStackBelowRegular,
    Component: ConsolidateFeature,
    available: () => true,
  },
  {
    id: "targets",
    label: (m) => m.tabs.targets,
    Icon: TargetRegular,
    Component: TargetsFeature,
    available: () => true,
  },
  {
    id: "export",
    label: (m) => m.tabs.export,
    Icon: DocumentTextRegular,
    Component: ExportFeature,
    available: () => true,
  },
];

export type FeatureId = string;
