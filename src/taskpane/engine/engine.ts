// The part of BáoCáo the pane uses beyond React and Fluent UI. This module is loaded at start-up
// while office.js gets ready and holds only what the gallery and the tabs need at once: the
// built-in templates (checked with zod when loaded), the form's data, the Chỉ tiêu tab's reading.
// The rest is loaded on first use or once the pane is idle (prefetch()), so that the JavaScript
// downloaded before the gallery is usable stays within its budget:
// - "engine-office": the Office.js writer, reader and marks, and the validator ("Kiểm tra");
// - "samples": the templates' sample data ("Điền dữ liệu mẫu");
// - "targets": reading a workbook's targets and the Chỉ tiêu tab's view of them.
// The Office.js functions were async already; checkWorkbook, previousPeriodOf and readTargets
// became async.
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";

// Only for the pane's template list (templates/store.ts), which every feature looks templates up in.
export { builtInTemplates } from "../../templates";
export { buildReportData } from "../logic/report-form";
export { isTotalName } from "../logic/total-names";
export { MAX_MARKS } from "../../adapters/office/marks";
export { hasTargets } from "../logic/template-targets";

type More = typeof import("./engine-office");
type Samples = typeof import("../logic/report-data");
type Targets = typeof import("./engine-targets");

let more: Promise<More> | null = null;
let samples: Samples | null = null;
let samplesLoading: Promise<Samples> | null = null;

function loadMore(): Promise<More> {
  more ??= import(/* webpackChunkName: "engine-office" */ "./engine-office");
  more.catch(() => (more = null));
  return more;
}

function loadSamples(): Promise<Samples> {
  samplesLoading ??= import(/* webpackChunkName: "samples" */ "../logic/report-data").then(
    (m) => (samples = m)
  );
  samplesLoading.catch(() => (samplesLoading = null));
  return samplesLoading;
}

let targets: Targets | null = null;
let targetsLoading: Promise<Targets> | null = null;

function loadTargets(): Promise<Targets> {
  targetsLoading ??= import(/* webpackChunkName: "targets" */ "./engine-targets").then(
    (m) => (targets = m)
  );
  targetsLoading.catch(() => (targetsLoading = null));
  return targetsLoading;
}

/** The workbook's targets and figures, as the Chỉ tiêu tab shows them. */
export async function readTargets(
  ...args: Parameters<Targets["readTargets"]>
): Promise<ReturnType<Targets["readTargets"]>> {
  return (await loadTargets()).readTargets(...args);
}

/**
 * The Chỉ tiêu tab's view of what readTargets read. Synchronous (the tab builds it at render, so
 * a language switch rewords it): its module is loaded by readTargets, which always comes first.
 */
export function buildTargetsView(
  ...args: Parameters<Targets["buildTargetsView"]>
): ReturnType<Targets["buildTargetsView"]> {
  if (!targets) throw new Error("buildTargetsView trước readTargets: chưa nạp phần chỉ tiêu.");
  return targets.buildTargetsView(...args);
}

/** Loads the rest of the engine in the background (called once the gallery is on screen). */
export function prefetch(): Promise<void> {
  return Promise.all([loadMore(), loadSamples(), loadTargets()]).then(() => undefined);
}

/**
 * Whether the template has sample data. False until the samples are loaded (prefetch(), started
 * as soon as the gallery shows): the form then offers them from its next render.
 */
export function hasSample(templateId: string): boolean {
  if (!samples) void loadSamples().catch(() => undefined);
  return samples?.hasSample(templateId) ?? false;
}

/** The template's sample data (null when it has none or the samples are not loaded yet). */
export function sampleData(template: Template): ReportData | null {
  return samples?.sampleData(template) ?? null;
}

type Fn<K extends keyof More> = More[K] extends (...args: infer A) => infer R
  ? (...args: A) => Promise<Awaited<R>>
  : never;

function lazy<K extends keyof More>(name: K): Fn<K> {
  return (async (...args: unknown[]) =>
    ((await loadMore())[name] as unknown as (...a: unknown[]) => unknown)(
      ...args
    )) as unknown as Fn<K>;
}

export const insertTemplate = lazy("insertTemplate");
export const findTemplateInWorkbook = lazy("findTemplateInWorkbook");
export const removeTemplate = lazy("removeTemplate");
export const readOpenWorkbook = lazy("readOpenWorkbook");
export const clearMarks = lazy("clearMarks");
export const markFindings = lazy("markFindings");
export const markWithStates = lazy("markWithStates");
export const selectCell = lazy("selectCell");
export const hasTargetsChart = lazy("hasTargetsChart");
export const insertTargetsChart = lazy("insertTargetsChart");
export const removeTargetsChart = lazy("removeTargetsChart");
export const checkWorkbook = lazy("checkWorkbook");
export const previousPeriodOf = lazy("previousPeriodOf");
export const nextPeriodPlan = lazy("nextPeriodPlan");
export const flatPlan = lazy("flatPlan");
export const flatCsv = lazy("flatCsv");
