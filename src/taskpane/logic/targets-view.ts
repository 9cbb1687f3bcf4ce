// What the "Chỉ tiêu" tab shows of a report's targets: one row per target with "kết quả / chỉ tiêu"
// in Vietnamese figures, the completion as a percent and as a bar, and the status in words and in
// colour (never colour alone); per-unit targets grouped by target. Pure functions of the core's
// completions and the message catalog; part of the engine chunk (it formats with the core).
import type { ReportData, UnitEntry } from "../../core/data/types";
import { formatMoney, formatNumber, formatPercent, hedged, type Hedge } from "../../core/format";
import { rateHedge } from "../../core/rollup/hedge";
import type { Indicator, Template } from "../../core/model/load";
import type { Comparator } from "../../core/model/schema";
import {
  roundRatio,
  targetCompletions,
  unitTargetCompletions,
  type TargetCompletion,
  type UnitTargetCompletion,
} from "../../core/rollup/completion";
import type { TargetStatus } from "../../core/rollup/status";
import type { Lang, Messages } from "../i18n";

/** Fluent UI palette the row's status uses: success, warning, danger or neutral. */
export type TargetTone = "success" | "warning" | "danger" | "neutral";

/**
 * How a row stands: the core's status, or why there is none: no figure yet ("noData"), a figure but
 * no level to compare it with ("noLevel"), or a target assessed in the text ("manual").
 */
export type RowState = TargetStatus | "noData" | "noLevel" | "manual";

export interface TargetRowView {
  key: string;
  label: string;
  /** The plan's full wording, when it differs from the label (shown as a tooltip). */
  detail: string | null;
  /** "Chỉ tiêu: trên 85%". */
  targetText: string | null;
  /** "2.751 / 2.300", "90,5% / 85%"; null without a result or for targets assessed by hand. */
  figures: string | null;
  /** "120%", rounded as the Word draft rounds (roundRatio "auto"); null without a ratio. */
  percentText: string | null;
  /** The same percent as a number (120 for 120%), for aria-valuenow; null without a ratio. */
  percent: number | null;
  /** Width of the bar in percent of the track, 0–100: completion capped at 100%. */
  barWidth: number;
  /** Completion above 100%: the bar is full and a marker says it goes beyond. */
  overflow: boolean;
  state: RowState;
  statusLabel: string;
  tone: TargetTone;
}

export interface TargetsSummary {
  total: number;
  /** Met or exceeded. */
  achieved: number;
  notMet: number;
  noData: number;
  /** A figure is there, the target's level is blank. */
  noLevel: number;
  manual: number;
  /** "Đạt/vượt 9/15 chỉ tiêu". */
  text: string;
  /** "3 chưa đạt · 2 chưa có số liệu · 1 chưa có mức chỉ tiêu", or "" when nothing more to say. */
  detail: string;
}

export interface UnitTargetGroup {
  /** The target column (e.g. "dv_ket_nap_chi_tieu"). */
  key: string;
  /** "Phát triển đoàn viên: Kết nạp mới". */
  label: string;
  rows: TargetRowView[];
  summary: TargetsSummary;
}

export interface TargetsView {
  rows: TargetRowView[];
  summary: TargetsSummary;
  units: UnitTargetGroup[];
}

/**
 * A target not met but within 10% of its level (90%–110%: "trên 85%" at exactly 85% is 100%) shows
 * as a warning rather than a danger: the status text says "Chưa đạt" either way, the colour tells
 * how far off it is. Only for targets to reach (=, ≥, >); for ceilings (≤, <) any breach is a danger.
 */
export const NEAR_MISS = 0.1;

const REACH: ReadonlySet<Comparator> = new Set(["eq", "gte", "gt"]);

function toneOf(state: RowState, comparator: Comparator, ratio: number | null): TargetTone {
  switch (state) {
    case "exceeded":
    case "met":
      return "success";
    case "notMet":
      return REACH.has(comparator) && ratio !== null && Math.abs(ratio - 1) <= NEAR_MISS + 1e-9
        ? "warning"
        : "danger";
    default:
      return "neutral";
  }
}

type ValueKind = "rate" | "money" | "amount";

function valueKind(
  kind: TargetCompletion["kind"],
  unit: string,
  indicator: Indicator | undefined
): ValueKind {
  if (kind === "rate") return "rate";
  return indicator?.type === "money" || unit.trim() === "đồng" ? "money" : "amount";
}

/** The money words of the compact style, in English. */
const MONEY_EN: ReadonlyArray<[RegExp, string]> = [
  [/ tỷ đồng$/, " billion dong"],
  [/ triệu đồng$/, " million dong"],
  [/ đồng$/, " dong"],
];

/**
 * The core's Vietnamese figure in the pane's language: in English "2.300" is 2,300 and "90,5%" is
 * 90.5%. The core decides the rounding and the unit (the Word draft's), so only the separators and
 * the money words change: swapping "." and "," inside a number keeps every digit it chose.
 */
export function localizeFigure(text: string, lang: Lang): string {
  if (lang === "vi") return text;
  const swapped = text.replace(/\d[\d.,]*\d/g, (n) =>
    n.replace(/[.,]/g, (c) => (c === "." ? "," : "."))
  );
  return MONEY_EN.reduce((t, [from, to]) => t.replace(from, to), swapped);
}

/**
 * A result or a level as the documents write it: "87,9%", "2.751", "610 triệu đồng"; in English
 * "87.9%", "2,751", "610 million dong".
 */
export function formatFigure(value: number, kind: ValueKind, lang: Lang = "vi"): string {
  const text =
    kind === "rate"
      ? formatPercent(value)
      : kind === "money"
        ? formatMoney(value, { style: "compact" })
        : formatNumber(value);
  return localizeFigure(text, lang);
}

interface RowInput {
  key: string;
  label: string;
  detail: string | null;
  manual: boolean;
  completion: Omit<TargetCompletion, "target">;
  valueKind: ValueKind;
  /** The result's hedge ("trên 2.751 / 2.300"), in the pane's language. */
  hedge: Hedge | null;
  lang: Lang;
}

/**
 * The hedge of the figure a target is compared with: the indicator's own (a table's total carries
 * its rows'), or for a computed rate its part's while its whole is exact (rollup/hedge.ts).
 */
function resultHedge(
  template: Template,
  hedges: Readonly<Record<string, Hedge>> | undefined,
  indicator: string | null
): Hedge | null {
  if (!indicator || !hedges) return null;
  const ind = template.indicatorById.get(indicator);
  if (ind?.computed && ind.ratioOf)
    return rateHedge(hedges[ind.ratioOf.part], hedges[ind.ratioOf.whole]);
  return hedges[indicator] ?? null;
}

function rowView(input: RowInput, m: Messages): TargetRowView {
  const t = m.targets;
  const c = input.completion;
  // Without a status, say which half is missing: the user fills a level, not a figure.
  const state: RowState = input.manual
    ? "manual"
    : (c.status ?? (c.result !== null && c.targetValue === null ? "noLevel" : "noData"));
  const fmt = (v: number) => formatFigure(v, input.valueKind, input.lang);
  const level = c.targetValue === null ? null : fmt(c.targetValue);
  // Without a result there is nothing to put over the level: the target line says it already.
  const figures =
    input.manual || c.result === null
      ? null
      : t.figures(
          hedged(fmt(c.result), input.hedge, input.lang),
          level === null ? t.noTargetValue : level
        );
  const shown = c.ratio === null || input.manual ? null : roundRatio(c.ratio, "auto");
  return {
    key: input.key,
    label: input.label,
    detail: input.detail,
    targetText: level === null ? null : t.target(t.comparators[c.comparator], level),
    figures,
    percentText: shown === null ? null : localizeFigure(formatPercent(shown), input.lang),
    // Through text, so 87.9 is 87.9 and not 87.89999999999999.
    percent: shown === null ? null : Number((shown * 100).toFixed(1)),
    barWidth: shown === null ? 0 : Math.max(0, Math.min(100, shown * 100)),
    overflow: shown !== null && shown > 1,
    state,
    statusLabel: t.status[state],
    tone: toneOf(state, c.comparator, shown),
  };
}

export function summarize(
  rows: readonly TargetRowView[],
  text: (achieved: number, total: number) => string,
  m: Messages
): TargetsSummary {
  const count = (pred: (r: TargetRowView) => boolean) => rows.filter(pred).length;
  const achieved = count((r) => r.state === "met" || r.state === "exceeded");
  const notMet = count((r) => r.state === "notMet");
  const noData = count((r) => r.state === "noData");
  const noLevel = count((r) => r.state === "noLevel");
  const manual = count((r) => r.state === "manual");
  return {
    total: rows.length,
    achieved,
    notMet,
    noData,
    noLevel,
    manual,
    text: text(achieved, rows.length),
    detail: m.targets.summaryDetail({ notMet, noData, noLevel, manual }),
  };
}

function targetRows(
  template: Template,
  data: ReportData,
  completions: readonly TargetCompletion[],
  lang: Lang,
  m: Messages
): TargetRowView[] {
  return completions.map((c) => {
    const label = lang === "en" && c.target.labelEn ? c.target.labelEn : c.target.label;
    const text = c.target.text?.trim();
    const indicator = c.indicator ? template.indicatorById.get(c.indicator) : undefined;
    return rowView(
      {
        key: c.target.id,
        label,
        detail: text && text !== label ? text : null,
        manual: c.indicator === null,
        completion: c,
        valueKind: valueKind(c.kind, c.target.unit, indicator),
        hedge: resultHedge(template, data.hedges?.values, c.indicator),
        lang,
      },
      m
    );
  });
}

function unitGroups(
  template: Template,
  units: readonly UnitEntry[],
  completions: readonly UnitTargetCompletion[],
  lang: Lang,
  m: Messages
): UnitTargetGroup[] {
  const hedgesOf = new Map(units.map((u) => [u.name, u.hedges] as const));
  const groups = new Map<string, UnitTargetCompletion[]>();
  for (const c of completions) {
    const list = groups.get(c.targetColumn) ?? [];
    list.push(c);
    groups.set(c.targetColumn, list);
  }
  return [...groups].map(([column, list]) => {
    const result = list[0].indicator ? template.indicatorById.get(list[0].indicator) : undefined;
    const target = template.indicatorById.get(column);
    const table = result?.table ? template.tableById.get(result.table) : undefined;
    const pick = (vi: string | undefined, en: string | undefined) =>
      lang === "en" && en ? en : (vi ?? "");
    const resultLabel = pick(result?.label, result?.labelEn) || column;
    const tableLabel = table ? pick(table.title, table.titleEn) : "";
    const rows = list.map((c) =>
      rowView(
        {
          key: `${c.unit}\u0000${column}`,
          label: c.unit,
          detail: null,
          manual: false,
          completion: c,
          valueKind: valueKind(c.kind, target?.unit ?? "", result),
          hedge: resultHedge(template, hedgesOf.get(c.unit), c.indicator),
          lang,
        },
        m
      )
    );
    return {
      key: column,
      label: tableLabel ? `${tableLabel}: ${resultLabel}` : resultLabel,
      rows,
      summary: summarize(rows, m.targets.units.summary, m),
    };
  });
}

/** The tab's content for a report: its targets, then the per-unit targets grouped by target. */
export function buildTargetsView(
  template: Template,
  data: ReportData,
  lang: Lang,
  m: Messages
): TargetsView {
  const rows = targetRows(template, data, targetCompletions(template, data), lang, m);
  return {
    rows,
    summary: summarize(rows, m.targets.summary, m),
    units: unitGroups(template, data.units, unitTargetCompletions(template, data), lang, m),
  };
}
