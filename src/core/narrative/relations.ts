// The report-level relations the sentences state, computed once per document by the roll-up
// (src/core/rollup/completion.ts): targets, parts of wholes, comparisons with baselines.
import type { Indicator, Template } from "../model/load";
import type { ReportData } from "../data/types";
import {
  baselineComparisons,
  partRatios,
  targetCompletions,
  type BaselineComparison,
  type PartRatio,
  type TargetCompletion,
} from "../rollup/completion";

export interface Relations {
  /** Scalar targets by the indicator they measure. */
  targetOf: Map<string, TargetCompletion>;
  /** Every target by its own id (a plan's "{tg_...}" tokens state them). */
  targetById: Map<string, TargetCompletion>;
  /** Part/whole ratios by the rate indicator (ratioOf) and by the part indicator (partOf). */
  ratioOf: Map<string, PartRatio>;
  comparisons: Map<string, BaselineComparison[]>;
}

/**
 * `template` is the one the sentences follow, `layout` the workbook's (they differ for a
 * consolidated workbook). Shares are taken from the layout where it has them: there a moved
 * figure is a column of the units' table, so its share is paired unit by unit (a unit giving the
 * part but not the whole is left out, and counted). Comparisons are taken from the template,
 * where moved figures are still figures of their section and the data's baselines are the totals
 * of the units' baseline columns.
 */
export function computeRelations(
  template: Template,
  data: ReportData,
  layout: Template = template
): Relations {
  const targetOf = new Map<string, TargetCompletion>();
  const targetById = new Map<string, TargetCompletion>();
  for (const c of targetCompletions(layout, data)) {
    targetById.set(c.target.id, c);
    if (c.indicator && !targetOf.has(c.indicator)) targetOf.set(c.indicator, c);
  }
  const ratioOf = new Map<string, PartRatio>();
  for (const r of partRatios(template, data)) ratioOf.set(r.indicator, r);
  if (layout !== template) for (const r of partRatios(layout, data)) ratioOf.set(r.indicator, r);
  const comparisons = new Map<string, BaselineComparison[]>();
  for (const c of baselineComparisons(template, data)) {
    const list = comparisons.get(c.indicator) ?? [];
    list.push(c);
    comparisons.set(c.indicator, list);
  }
  return { targetOf, targetById, ratioOf, comparisons };
}

/** What an indicator's figure is read against: its whole, and the rate cell showing the share. */
export interface WholeOf {
  whole: Indicator;
  /** The computed rate indicator (ratioOf part/whole) when the template has one. */
  rate: Indicator | null;
  /** The whole is a chỉ tiêu column: the share is "đạt X% chỉ tiêu". */
  isTarget: boolean;
}

/** The whole a figure is stated against ("572/651"), from partOf, a rate's ratioOf, or a target column. */
export function wholeOf(template: Template, ind: Indicator): WholeOf | null {
  const scope = ind.table
    ? (template.tableById.get(ind.table)?.columns ?? [])
    : (template.sectionById.get(ind.section)?.indicators ?? []);
  const rate = scope.find((c) => c.computed && c.ratioOf?.part === ind.id) ?? null;
  const wholeId =
    ind.partOf ??
    rate?.ratioOf?.whole ??
    (ind.target && template.indicatorById.get(ind.target)?.role === "target" ? ind.target : null);
  if (!wholeId) return null;
  const whole = template.indicatorById.get(wholeId);
  if (!whole) return null;
  const matchingRate = rate && rate.ratioOf?.whole === wholeId ? rate : null;
  return { whole, rate: matchingRate, isTarget: whole.role === "target" };
}
