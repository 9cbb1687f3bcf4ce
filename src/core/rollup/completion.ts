// Completion of targets (result / chỉ tiêu), shares of a whole (part / whole) and comparisons with
// a baseline (cùng kỳ năm trước, đầu nhiệm kỳ), at report level: what the narrative states as
// "kết nạp 260 đoàn viên, đạt 194% chỉ tiêu", "572/651 doanh nghiệp, đạt 87,9%",
// "tăng 2,3% so với đầu nhiệm kỳ". Every ratio here is unrounded; roundRatio is the one rounding
// the Word draft and the pane apply before they print it.
import type { Indicator, Template } from "../model/load";
import { isNumericType } from "../model/load";
import type { Baseline, Comparator, TargetDefinition } from "../model/schema";
import type { DataValue, ReportData } from "../data/types";
import { checkDecimals, checkFinite } from "../format/options";
import { roundHalfAwayFromZero } from "../format/round";
import { pairedRatio, ratio } from "./aggregate";
import { targetStatus, type TargetStatus } from "./status";
import { allTotals, reportedValue, tableRows } from "./totals";

export type RatioDecimals = number | "auto";

/**
 * Rounds a ratio given as a fraction (1.2 = 120%) to `decimals` percent decimals, half away from
 * zero; "auto": 0 decimals when the percent is a whole number, else 1. Returns the fraction.
 *
 * "auto" therefore rounds to one percent decimal: 0.8795 → 0.88 (shown "88%"), 0.12345 → 0.123
 * ("12,3%"). Whether the ",0" is printed is the formatter's business (formatPercent drops it for
 * "auto", keeps it for an explicit 1), so the value is the same for "auto" and 1.
 * The percent is rounded, not the fraction, so 1.005 at 0 decimals gives 101% (1.01) like
 * Excel's ROUND(100.5; 0), not 100% from the binary artefact of 1.005 × 100.
 */
export function roundRatio(value: number, decimals: RatioDecimals = "auto"): number {
  checkFinite(value);
  const places = decimals === "auto" ? 1 : checkDecimals(decimals);
  const percent = roundHalfAwayFromZero(value * 100, places);
  // Back to a fraction through decimal text so 12.3% is the double nearest 0.123, not 0.12300000000000001.
  const fraction = Number(`${percent}e-2`);
  return fraction === 0 ? 0 : fraction;
}

export interface TargetCompletion {
  target: TargetDefinition;
  indicator: string | null;
  comparator: Comparator;
  targetValue: number | null;
  result: number | null;
  /** result / targetValue (1.2 = 120%); null when either is missing or the target is 0. */
  ratio: number | null;
  status: TargetStatus | null;
  /** "rate" when the target is a percent (compare rates; the narrative says "đạt 87,9%, vượt chỉ tiêu"), "amount" otherwise. */
  kind: "amount" | "rate";
}

const num = (v: DataValue | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;

function isRate(unit: string, indicator: Indicator | undefined): boolean {
  return unit.trim() === "%" || indicator?.type === "percent";
}

/** Every target of the template, in template order, against the figure the report states. */
export function targetCompletions(template: Template, data: ReportData): TargetCompletion[] {
  const totals = allTotals(template, data);
  return template.targets.map((target) => {
    const override = data.targets?.[target.id];
    // The Chỉ tiêu sheet's cells win over the template, including a level the user cleared.
    const comparator = override?.comparator ?? target.comparator;
    const targetValue = override ? override.value : target.value;
    const indicator = target.indicator;
    const result = indicator ? reportedValue(template, data, indicator, totals) : null;
    return {
      target,
      indicator,
      comparator,
      targetValue,
      result,
      ratio: ratio(result, targetValue),
      status: targetStatus(result, comparator, targetValue),
      kind: isRate(target.unit, indicator ? template.indicatorById.get(indicator) : undefined)
        ? "rate"
        : "amount",
    };
  });
}

export interface UnitTargetCompletion extends Omit<TargetCompletion, "target"> {
  unit: string;
  targetColumn: string;
}

/**
 * A chỉ tiêu set for one unit (a column with role "target") is a level to reach: met at the level,
 * exceeded above it ("kết nạp 260 đoàn viên đạt 194% chỉ tiêu TLĐ giao").
 */
const UNIT_TARGET_COMPARATOR: Comparator = "gte";

/**
 * Per-unit chỉ tiêu columns (role "target" columns of per-unit tables, cluster-emulation) against
 * each unit's result column. Units in sheet order, then the template's column order; a unit that
 * gives neither the result nor the chỉ tiêu is left out (nothing to say about it).
 */
export function unitTargetCompletions(
  template: Template,
  data: ReportData
): UnitTargetCompletion[] {
  const pairs: Array<{ result: Indicator; target: Indicator }> = [];
  for (const table of template.tables) {
    if (table.kind !== "perUnit") continue;
    for (const col of table.columns) {
      if (!col.target || col.role === "target") continue;
      const target = table.columns.find((c) => c.id === col.target && c.role === "target");
      if (target) pairs.push({ result: col, target });
    }
  }
  const out: UnitTargetCompletion[] = [];
  for (const unit of data.units) {
    for (const { result: resultCol, target } of pairs) {
      const result = num(unit.values[resultCol.id]);
      const targetValue = num(unit.values[target.id]);
      if (result === null && targetValue === null) continue;
      out.push({
        unit: unit.name,
        targetColumn: target.id,
        indicator: resultCol.id,
        comparator: UNIT_TARGET_COMPARATOR,
        targetValue,
        result,
        ratio: ratio(result, targetValue),
        status: targetStatus(result, UNIT_TARGET_COMPARATOR, targetValue),
        kind: isRate(target.unit, resultCol) ? "rate" : "amount",
      });
    }
  }
  return out;
}

export interface PartRatio {
  /** The indicator with partOf, or the rate with ratioOf. */
  indicator: string;
  /** The reported part (a table column's total). */
  part: number | null;
  whole: string;
  /** The reported whole (a table column's total). */
  wholeValue: number | null;
  /**
   * part / whole recomputed from the figures, never a typed or summed rate. For table columns it
   * is paired: sum of parts over sum of wholes of the rows that give both (pairedRatio), so a
   * province that reported new members but no chỉ tiêu does not inflate the cluster's rate.
   */
  ratio: number | null;
  /** The indicator holding the part (the indicator itself for partOf, ratioOf.part for rates). */
  partIndicator: string;
  /** The sums the ratio is made of: equal to part and wholeValue unless some rows are unpaired. */
  pairedPart: number | null;
  pairedWhole: number | null;
  /** Rows giving only one of part and whole, left out of the ratio ("3/4 tỉnh có chỉ tiêu"). */
  unpairedRows: number;
}

/** Every indicator with partOf or ratioOf, at report level (totals for table columns, paired). */
export function partRatios(template: Template, data: ReportData): PartRatio[] {
  const totals = allTotals(template, data);
  const out: PartRatio[] = [];
  for (const ind of template.indicators) {
    const relation = ind.ratioOf
      ? { part: ind.ratioOf.part, whole: ind.ratioOf.whole }
      : ind.partOf
        ? { part: ind.id, whole: ind.partOf }
        : null;
    if (!relation) continue;
    const part = reportedValue(template, data, relation.part, totals);
    const wholeValue = reportedValue(template, data, relation.whole, totals);
    const table = ind.table ? template.tableById.get(ind.table) : undefined;
    const rows = table
      ? tableRows(table, data).map((r) => ({
          part: num(r[relation.part]),
          whole: num(r[relation.whole]),
        }))
      : [{ part, whole: wholeValue }];
    let pairedPart = 0;
    let pairedWhole = 0;
    let pairs = 0;
    let unpairedRows = 0;
    for (const r of rows) {
      if (r.part !== null && r.whole !== null) {
        pairedPart += r.part;
        pairedWhole += r.whole;
        pairs++;
      } else if (r.part !== null || r.whole !== null) unpairedRows++;
    }
    out.push({
      indicator: ind.id,
      part,
      whole: relation.whole,
      wholeValue,
      ratio: pairedRatio(rows),
      partIndicator: relation.part,
      pairedPart: pairs > 0 ? pairedPart : null,
      pairedWhole: pairs > 0 ? pairedWhole : null,
      unpairedRows: table ? unpairedRows : 0,
    });
  }
  return out;
}

export interface BaselineComparison {
  indicator: string;
  baseline: Baseline;
  value: number | null;
  base: number | null;
  difference: number | null;
  /** (value − base) / base; null when the base is 0 or a figure is missing. */
  change: number | null;
  direction: "up" | "down" | "same" | null;
}

const SAME_TOLERANCE = 1e-9;

/**
 * The template's baselines (in its order) × the report's numeric figures (in template order), for
 * every figure whose baseline value is given. A computed rate has no baseline cell: its base is
 * recomputed from the baseline part and whole, like the rate itself. For rates, difference is in
 * fraction units (0.023 = 2,3 điểm phần trăm); change is relative, as the sheet's formula.
 */
export function baselineComparisons(template: Template, data: ReportData): BaselineComparison[] {
  const totals = allTotals(template, data);
  const out: BaselineComparison[] = [];
  for (const baseline of template.baselines) {
    const given = data.baselines?.[baseline] ?? {};
    for (const ind of template.indicators) {
      if (ind.table || ind.role === "target" || !isNumericType(ind.type)) continue;
      const base =
        ind.computed && ind.ratioOf
          ? ratio(num(given[ind.ratioOf.part]), num(given[ind.ratioOf.whole]))
          : num(given[ind.id]);
      if (base === null) continue;
      const value = reportedValue(template, data, ind.id, totals);
      const difference = value === null ? null : value - base;
      const same =
        difference !== null && Math.abs(difference) <= SAME_TOLERANCE * Math.max(1, Math.abs(base));
      out.push({
        indicator: ind.id,
        baseline,
        value,
        base,
        difference: same ? 0 : difference,
        change: same && base !== 0 ? 0 : ratio(difference, base),
        direction: difference === null ? null : same ? "same" : difference > 0 ? "up" : "down",
      });
    }
  }
  return out;
}
