// How one figure is written in the draft, by the indicator's type and the document settings:
// "1.591.896.000 đồng" (or "1,59 tỷ đồng"), "03", "87,9%".
import {
  TRIEU,
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  type Decimals,
} from "../format";
import type { MoneyTokenStyle } from "./tokens";
import { hedged, type Hedge } from "../format/hedge";
import type { Indicator } from "../model/load";
import type { DocumentSettings } from "../document/settings";

export type FigureStyle = Pick<DocumentSettings, "money" | "zeroPad" | "ratioDecimals">;

/**
 * The figure as text. Money carries "đồng" (its unit is part of how amounts are written);
 * other units are added by the sentence. In tables (`inTable`) amounts are plain grouped numbers
 * under a "(đồng)" header, and counts are not zero-padded, so columns line up.
 * A hedge is written before the figure ("trên 55.680"); with the approximate money style it
 * replaces the style's own "trên"/"gần" (see formatMoney).
 */
export function figureText(
  ind: Pick<Indicator, "type" | "decimals" | "ratioOf">,
  value: number,
  style: FigureStyle,
  inTable = false,
  hedge: Hedge | null = null
): string {
  if (ind.type === "money" && !inTable) return formatMoney(value, { style: style.money, hedge });
  return hedged(bareFigureText(ind, value, style, inTable), hedge);
}

function bareFigureText(
  ind: Pick<Indicator, "type" | "decimals" | "ratioOf">,
  value: number,
  style: FigureStyle,
  inTable: boolean
): string {
  switch (ind.type) {
    case "integer":
      return inTable
        ? formatNumber(value, { decimals: 0 })
        : formatInteger(value, { zeroPad: style.zeroPad });
    case "money":
      return inTable
        ? formatNumber(value, { decimals: 0 })
        : formatMoney(value, { style: style.money });
    case "percent":
      return formatPercent(value, { decimals: percentDecimals(ind, style) });
    default:
      return formatNumber(value, { decimals: ind.decimals ?? "auto" });
  }
}

/**
 * The decimals a percent is written with in the draft. A rate of two cells (ratioOf) follows the
 * draft's one setting, whatever the rate column's own decimals (those format its workbook cell):
 * a pair such as 2/8 is then written alike in the body, the footnotes and the appendix, "25%"
 * everywhere and never "25,0%" beside it (DOMAIN: "round one documented way and let the user
 * choose decimals"). A percent typed in a cell is no pair; it keeps its indicator's decimals.
 */
export function percentDecimals(
  ind: Pick<Indicator, "decimals" | "ratioOf"> | null,
  style: Pick<FigureStyle, "ratioDecimals">
): Decimals {
  if (ind === null || ind.ratioOf) return style.ratioDecimals;
  return ind.decimals ?? style.ratioDecimals;
}

/**
 * An amount as a sentence's token asks for it (tokens.ts): ":day_du" every digit, ":gon" in tỷ or
 * triệu, ":trieu" always in triệu ("469,4 triệu đồng", "6.144 triệu đồng", as seed 001 writes
 * both). The writer's hedge goes before it.
 */
export function moneyTokenText(
  dong: number,
  style: MoneyTokenStyle,
  hedge: Hedge | null = null
): string {
  switch (style) {
    case "day_du":
      return formatMoney(dong, { style: "full", hedge });
    case "gon":
      return formatMoney(dong, { style: "compact", hedge });
    case "trieu":
      return hedged(`${formatNumber(dong / TRIEU, { decimals: "auto" })} triệu đồng`, hedge);
  }
}

/** A rate as written after "đạt": one rounding rule, the user's decimals. */
export function rateText(ratio: number, style: FigureStyle): string {
  return formatPercent(ratio, { decimals: style.ratioDecimals });
}

/**
 * The words written after the figure for its unit: "người", "lượt"; nothing for "%" and for
 * money, whose "đồng" is already in the figure; "/người" for "đồng/người".
 */
export function unitAfter(ind: Pick<Indicator, "type" | "unit">): string {
  const unit = ind.unit.trim();
  if (ind.type === "percent" || unit === "%" || unit === "") return "";
  if (ind.type === "money") return unit.startsWith("đồng") ? unit.slice("đồng".length) : "";
  return ` ${unit}`;
}
