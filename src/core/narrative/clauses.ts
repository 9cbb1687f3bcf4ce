// One clause per indicator: the figure with its words, its share of a whole, its target and its
// comparison with a baseline — "572/651 doanh nghiệp tổ chức hội nghị người lao động, đạt 87,9%",
// "260 đoàn viên, đạt 194% chỉ tiêu", "tăng 12% so với cùng kỳ năm trước". A clause is only made
// for a figure that has a value: nothing is said of an empty indicator.
import type { Indicator } from "../model/load";
import { isNumericType } from "../model/load";
import type { Comparator } from "../model/schema";
import type { Run, SourceRef } from "../document/model";
import { rowRatio, reportedValue, type Row } from "../rollup/totals";
import { targetStatus } from "../rollup/status";
import { roundRatio } from "../rollup/completion";
import { formatPercent } from "../format";
import { numeric, text, type NarrativeContext } from "./context";
import { figureText, unitAfter } from "./figure";
import { wholeOf, type Relations } from "./relations";

/** A label inside a sentence: "Cờ thi đua" → "cờ thi đua"; "CĐCS thành lập" stays. */
export function midSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label)
    ? label.charAt(0).toLocaleLowerCase("vi") + label.slice(1)
    : label;
}

/** Where figures are read: the report (values and table totals), one unit, or one table row. */
export interface Scope {
  get(id: string): number | null;
  source(id: string): SourceRef;
  /** Report level: targets and baselines are stated only there. */
  report: boolean;
}

export function reportScope(ctx: NarrativeContext): Scope {
  return {
    report: true,
    get: (id) => reportedValue(ctx.template, ctx.data, id, ctx.totals),
    source: (id) => ctx.reportSource(id),
  };
}

export function rowScope(row: Row, source: (id: string) => SourceRef): Scope {
  return { report: false, get: (id) => numeric(row[id]), source };
}

export interface Clause {
  indicator: Indicator;
  runs: Run[];
  /** Written with the indicator's phrase ("55.680 lượt ... tham gia"), not as "Nhãn: số". */
  phrased: boolean;
}

/** Indicators a clause of another figure already states (its whole, its rate). */
export function consumedBy(ctx: NarrativeContext, inds: Indicator[], scope: Scope): Set<string> {
  const used = new Set<string>();
  for (const ind of inds) {
    if (scope.get(ind.id) === null || ind.computed) continue;
    const w = wholeOf(ctx.template, ind);
    if (!w || scope.get(w.whole.id) === null) continue;
    used.add(w.whole.id);
    if (w.rate) used.add(w.rate.id);
  }
  return used;
}

/** Whether an indicator can be stated in a sentence (numbers only; chỉ tiêu columns are read with their result). */
export function speakable(ind: Indicator): boolean {
  return isNumericType(ind.type) && ind.role !== "target";
}

export function indicatorClause(
  ctx: NarrativeContext,
  rel: Relations,
  ind: Indicator,
  scope: Scope,
  opts: { label?: string | null; sep?: string; usePhrase?: boolean; unit?: boolean } = {}
): Clause | null {
  const value = scope.get(ind.id);
  // A zero is not said ("0 hội nghị", "0/0 vụ việc"), unless the template marks it as news.
  if (value === null || (value === 0 && !ind.sayZero)) return null;
  const runs: Run[] = [];
  const phrased = Boolean(ind.phrase) && opts.usePhrase !== false;
  const w = ind.computed ? null : wholeOf(ctx.template, ind);
  // A whole (or chỉ tiêu) of 0 is no pair to quote: "4.426/0 sáng kiến" says nothing a reader can
  // use, so the part is said alone.
  const whole = w ? scope.get(w.whole.id) : null;
  const wholeValue = whole === 0 ? null : whole;
  // A label is dropped when a group heading already says it ("Bằng khen: 35 tập thể").
  const label = opts.label === undefined ? ind.label : opts.label;
  if (!phrased && label) runs.push(text(`${label}${opts.sep ?? ": "}`));
  runs.push(ctx.figure(ind, value, scope.source(ind.id)));
  const paired = w && wholeValue !== null && scope.report ? unpairedShare(rel, ind, w) : null;
  if (w && wholeValue !== null && !paired) {
    runs.push(text("/"), ctx.figure(w.whole, wholeValue, scope.source(w.whole.id)));
  }
  if (phrased) runs.push(text(` ${ind.phrase}`));
  else if (opts.unit !== false || ind.type === "money") runs.push(text(unitAfter(ind)));
  if (w && paired) runs.push(...pairedRuns(ctx, rel, ind, w, paired, scope));
  else if (w && wholeValue !== null) {
    runs.push(...shareRuns(ctx, rel, ind, w, value, wholeValue, scope));
  }
  if (scope.report) {
    runs.push(...targetRuns(ctx, rel, ind));
    // A plan's target is often set on the rate ("trên 85% doanh nghiệp ..."), stated with its part.
    if (w?.rate && wholeValue !== null) runs.push(...targetRuns(ctx, rel, w.rate));
    runs.push(...comparisonRuns(ctx, rel, ind));
  }
  return { indicator: ind, runs, phrased };
}

/**
 * The share's sums when some rows give the part without the whole (or the reverse): the rate is
 * then made of the rows giving both, and the sentence must quote those rows' sums with it, not
 * the total part ("3.735 đoàn viên, đạt 23,9%" is wrong when 23,9% is 1.756/7.336).
 */
function unpairedShare(
  rel: Relations,
  ind: Indicator,
  w: NonNullable<ReturnType<typeof wholeOf>>
): { part: number; whole: number } | null {
  const r = rel.ratioOf.get(w.rate?.id ?? ind.id);
  if (!r || r.unpairedRows === 0 || r.pairedPart === null || r.pairedWhole === null) return null;
  return { part: r.pairedPart, whole: r.pairedWhole };
}

/** "các tỉnh", "các đơn vị": the rows a table's share is read over. */
function rowsWord(ctx: NarrativeContext, ind: Indicator): string {
  const table = ind.table ? ctx.template.tableById.get(ind.table) : undefined;
  const layoutTable = ctx.layout.tableById.get(ctx.layout.indicatorById.get(ind.id)?.table ?? "");
  const t = table ?? layoutTable;
  if (t?.kind === "perUnit") return `các ${t.rowHeader.trim().toLocaleLowerCase("vi")}`;
  if (!table && layoutTable) return "các đơn vị";
  return "các dòng";
}

/** ", trong đó các tỉnh có chỉ tiêu: 1.756/7.336 đoàn viên, chưa đạt chỉ tiêu (đạt 23,9%)". */
function pairedRuns(
  ctx: NarrativeContext,
  rel: Relations,
  ind: Indicator,
  w: NonNullable<ReturnType<typeof wholeOf>>,
  paired: { part: number; whole: number },
  scope: Scope
): Run[] {
  // The sums are of some rows only: no cell holds them; they are read from the columns' cells.
  const partSource: SourceRef = {
    ...scope.source(ind.id),
    rateOf: w.whole.id,
    paired: true,
  };
  const wholeSource: SourceRef = { ...scope.source(w.whole.id), rateOf: ind.id, paired: true };
  const which = w.isTarget ? "có chỉ tiêu" : "có đủ số liệu";
  return [
    text(`, trong đó ${rowsWord(ctx, ind)} ${which}: `),
    ctx.figure(ind, paired.part, partSource),
    text("/"),
    ctx.figure(w.whole, paired.whole, wholeSource),
    text(unitAfter(ind)),
    ...shareRuns(ctx, rel, ind, w, paired.part, paired.whole, scope),
  ];
}

/**
 * A rate as the draft writes it: one rounding for every ratio of the draft (see percentDecimals),
 * so the text, the footnotes and the table write a pair one way ("194%" in all, never "194%"
 * beside "194,03%").
 */
export function rateRun(
  ctx: NarrativeContext,
  ratio: number,
  source: SourceRef,
  decimals: number | "auto" = ctx.settings.ratioDecimals
): Run {
  return ctx.figureRun(formatPercent(roundRatio(ratio, decimals), { decimals }), source);
}

/** ", đạt 87,9%" for a share; " (đạt 120% chỉ tiêu)" or ", chưa đạt chỉ tiêu (đạt 80%)" against a chỉ tiêu column. */
function shareRuns(
  ctx: NarrativeContext,
  rel: Relations,
  ind: Indicator,
  w: NonNullable<ReturnType<typeof wholeOf>>,
  value: number,
  wholeValue: number,
  scope: Scope
): Run[] {
  let ratio: number | null;
  if (scope.report) {
    ratio = rel.ratioOf.get(w.rate?.id ?? ind.id)?.ratio ?? null;
  } else {
    ratio = rowRatio({ [ind.id]: value, [w.whole.id]: wholeValue }, ind.id, w.whole.id);
  }
  if (ratio === null) return [];
  // The rate cell when the workbook has one; else the share is computed from the part's cell and
  // the whole's, and says so.
  const source = w.rate ? scope.source(w.rate.id) : { ...scope.source(ind.id), rateOf: w.whole.id };
  const rate = rateRun(ctx, ratio, source);
  // With a rate column the workbook states the share as a result ("đạt 87,9%"); a bare part of a
  // whole is only put in proportion ("96/96 công trình ... (100%)").
  if (!w.isTarget) return w.rate ? [text(", đạt "), rate] : [text(" ("), rate, text(")")];
  const status = targetStatus(value, "gte", wholeValue);
  return status === "notMet"
    ? [text(", chưa đạt chỉ tiêu (đạt "), rate, text(")")]
    : [text(" (đạt "), rate, text(" chỉ tiêu)")];
}

export const COMPARATOR_WORDS: Record<Comparator, string> = {
  eq: "",
  gte: "ít nhất ",
  gt: "trên ",
  lte: "không quá ",
  lt: "dưới ",
};

/** The scalar target set on the Chỉ tiêu sheet: "đạt 194% chỉ tiêu", "vượt chỉ tiêu (trên 85%)". */
export function targetRuns(ctx: NarrativeContext, rel: Relations, ind: Indicator): Run[] {
  const c = rel.targetOf.get(ind.id);
  if (!c || c.status === null || c.targetValue === null) return [];
  const targetSource: SourceRef = { indicator: ind.id, target: c.target.id };
  if (c.kind === "rate") {
    const level = rateRun(ctx, c.targetValue, targetSource);
    const words = COMPARATOR_WORDS[c.comparator];
    const verdict = c.status === "exceeded" ? "vượt" : c.status === "met" ? "đạt" : "chưa đạt";
    return [text(`, ${verdict} chỉ tiêu (${words}`), level, text(")")];
  }
  if (c.ratio === null) return [];
  const rate = rateRun(ctx, c.ratio, targetSource);
  if (c.status === "notMet") return [text(", chưa đạt chỉ tiêu (đạt "), rate, text(")")];
  if (c.status === "exceeded" && c.comparator !== "gte" && c.comparator !== "gt") {
    return [text(", đạt "), rate, text(" so với chỉ tiêu")];
  }
  return [text(", đạt "), rate, text(" chỉ tiêu")];
}

const BASELINE_WORDS = {
  lastYear: "cùng kỳ năm trước",
  startOfTerm: "đầu nhiệm kỳ",
} as const;

/**
 * "tăng 12% so với cùng kỳ năm trước", "bằng đầu nhiệm kỳ". Beside a share a relative change
 * reads as the share's ("572/651 doanh nghiệp, đạt 87,9%, tăng 5,9%": the share did not grow
 * 5,9%), so a part said with its share changes by its difference ("tăng 32 doanh nghiệp"), and a
 * rate by points ("tăng 3,5 điểm phần trăm").
 */
export function comparisonRuns(ctx: NarrativeContext, rel: Relations, ind: Indicator): Run[] {
  const out: Run[] = [];
  const w = ind.type === "percent" ? null : wholeOf(ctx.template, ind);
  const withShare = w !== null && (rel.ratioOf.get(w.rate?.id ?? ind.id)?.ratio ?? null) !== null;
  for (const c of rel.comparisons.get(ind.id) ?? []) {
    if (c.direction === null) continue;
    const what = BASELINE_WORDS[c.baseline];
    const source = ctx.baselineSource(ind.id, c.baseline);
    if (c.direction === "same") {
      out.push(text(`, bằng ${what}`));
      continue;
    }
    const verb = c.direction === "up" ? "tăng" : "giảm";
    if (ind.type === "percent" && c.difference !== null) {
      const decimals = ctx.settings.ratioDecimals;
      const points = formatPercent(roundRatio(Math.abs(c.difference), decimals), { decimals });
      const said = ctx.figureRun(points.replace(/%$/, " điểm phần trăm"), source);
      out.push(text(`, ${verb} `), said, text(` so với ${what}`));
      continue;
    }
    if (withShare && c.difference !== null) {
      const by = ctx.figureRun(figureText(ind, Math.abs(c.difference), ctx.settings), source);
      out.push(text(`, ${verb} `), by, text(`${unitAfter(ind)} so với ${what}`));
      continue;
    }
    if (c.change === null) continue;
    out.push(text(`, ${verb} `), rateRun(ctx, Math.abs(c.change), source), text(` so với ${what}`));
  }
  return out;
}
