// The features the pane offers, one tab each; a tab appears only for a feature that exists.
import { lazy, type ComponentType } from "react";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons/svg/clipboard-task-list-ltr";
import { DocumentTableRegular } from "@fluentui/react-icons/svg/document-table";
import { DocumentTextRegular } from "@fluentui/react-icons/svg/document-text";
import { TableStackBelowRegular } from "@fluentui/react-icons/svg/table-stack-below";
import { TargetRegular } from "@fluentui/react-icons/svg/target";
import type { Messages } from "../i18n";
import type { AppSession } from "../session";
import { ChecksFeature } from "./checks/ChecksFeature";
import { TemplatesFeature } from "./templates/TemplatesFeature";

// The tabs behind the first two load on their own, once the pane is idle or the tab is opened
// (App mounts them then): they are not part of what is downloaded before the gallery is usable.
const ConsolidateFeature = lazy(() =>
  import(/* webpackChunkName: "tab-consolidate" */ "./consolidate/ConsolidateFeature").then(
    (m) => ({ default: m.ConsolidateFeature })
  )
);
const TargetsFeature = lazy(() =>
  import(/* webpackChunkName: "tab-targets" */ "./targets/TargetsFeature").then((m) => ({
    default: m.TargetsFeature,
  }))
);
const ExportFeature = lazy(() =>
  import(/* webpackChunkName: "tab-export" */ "./export/ExportFeature").then((m) => ({
    default: m.ExportFeature,
  }))
);

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
