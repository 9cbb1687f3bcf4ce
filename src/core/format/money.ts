/**
 * Amounts in đồng, the ways the documents write them: full "1.591.896.000 đồng", compact
 * "109,033 tỷ đồng", "610 triệu đồng", and approximate "trên 1,59 tỷ đồng", "gần 650 triệu đồng".
 */
import { AUTO_MAX_DECIMALS, type Decimals, checkDecimals, checkFinite } from "./options";
import { formatNumber } from "./number";
import { roundHalfAwayFromZero } from "./round";
import { hedged, isLowerBound, type Hedge } from "./hedge";

/** Vietnamese number words used with money: 1 tỷ = 10^9, 1 triệu = 10^6, 1 nghìn = 10^3. */
export const TY = 1e9;
export const TRIEU = 1e6;
export const NGHIN = 1e3;

export type MoneyStyle = "auto" | "full" | "compact" | "approximate";

const CURRENCY = "đồng";

/** Compact units, largest first; the last is the plain amount written in full. */
const UNITS: ReadonlyArray<{ size: number; word: string }> = [
  { size: TY, word: "tỷ " },
  { size: TRIEU, word: "triệu " },
  { size: 1, word: "" },
];

/**
 * 'auto': as the seeds write amounts — an exact amount in full ("1.591.896.000 đồng") unless it is
 * a whole number of triệu ("89 triệu đồng", "109,033 tỷ đồng"); a hedged one approximately
 * ("trên 610 triệu đồng").
 * 'full' (default of formatMoney): every digit, grouped; decimals default 0 (đồng has no subunit).
 * 'compact': ≥ 1 tỷ → "109,033 tỷ đồng"; ≥ 1 triệu → "610 triệu đồng"; below, full
 * ("650.000 đồng"). In compact, decimals apply to the tỷ/triệu figure, default 'auto' (up to 3,
 * trailing zeros dropped); amounts below a million are whole đồng. When rounding reaches the next
 * unit, that unit is used: 999.999.999 đồng → "1 tỷ đồng", not "1.000 triệu đồng".
 */
export function formatMoney(
  dong: number,
  opts: { style?: MoneyStyle; decimals?: Decimals; hedge?: Hedge | null } = {}
): string {
  checkFinite(dong);
  const asked = opts.style ?? "full";
  const style: Exclude<MoneyStyle, "auto"> =
    asked !== "auto"
      ? asked
      : opts.hedge
        ? "approximate"
        : Math.abs(dong) >= TRIEU && dong % TRIEU === 0
          ? "compact"
          : "full";
  // The writer's own hedge ("trên 610 triệu đồng" typed as trên 610.250.000) says more than the
  // approximate style's guess: it replaces the style's word, never adds to it ("trên trên").
  if (opts.hedge) {
    if (style === "approximate") return approximateMoney(dong, opts.hedge);
    return hedged(formatMoney(dong, { style, decimals: opts.decimals }), opts.hedge);
  }
  if (style === "full") {
    return `${formatNumber(dong, { decimals: opts.decimals ?? 0 })} ${CURRENCY}`;
  }
  if (style === "approximate") return approximateMoney(dong);
  const wanted = opts.decimals ?? "auto";
  const found = UNITS.findIndex((unit) => Math.abs(dong) >= unit.size);
  let index = found === -1 ? UNITS.length - 1 : found;
  // Step up while the rounded figure would be worth a whole larger unit.
  for (;;) {
    const unit = UNITS[index];
    const decimals = unit.size === 1 ? 0 : wanted;
    const places = decimals === "auto" ? AUTO_MAX_DECIMALS : checkDecimals(decimals);
    // Division of exact amounts is correctly rounded; the rounding then removes any artefact.
    const inUnit = roundHalfAwayFromZero(dong / unit.size, places);
    const larger = UNITS[index - 1];
    if (larger && Math.abs(inUnit) * unit.size >= larger.size) {
      index -= 1;
      continue;
    }
    return `${formatNumber(inUnit, { decimals })} ${unit.word}${CURRENCY}`;
  }
}

/** Significant digits an approximate amount keeps: "1,59 tỷ", "650 triệu", "24,8 triệu". */
const APPROX_DIGITS = 3;

/**
 * "trên 1,59 tỷ đồng" (the amount is a little more), "gần 650 triệu đồng" (a little less), or
 * "610 triệu đồng" when three significant digits say it exactly, as report writers round by
 * hand. Amounts under a million are written in full: "trên 600 nghìn" is not how they write.
 */
function approximateMoney(dong: number, hedge?: Hedge): string {
  if (Math.abs(dong) < TRIEU) return hedged(formatMoney(dong, { style: "full" }), hedge);
  // "trên -612 triệu" reads as nonsense: a deficit is given exactly, in the compact form.
  if (dong < 0) return hedged(formatMoney(dong, { style: "compact" }), hedge);
  const magnitude = Math.floor(Math.log10(Math.abs(dong)));
  const step = 10 ** (magnitude - APPROX_DIGITS + 1);
  // With the writer's hedge the figure is rounded the way the word keeps true: down under "trên",
  // "hơn", "ít nhất" (trên 610.250.000 → trên 610 triệu), up under "gần", nearest under "khoảng".
  const inSteps = dong / step;
  const steps =
    !hedge || hedge === "about"
      ? roundHalfAwayFromZero(inSteps, 0)
      : isLowerBound(hedge)
        ? Math.floor(inSteps + 1e-9)
        : Math.ceil(inSteps - 1e-9);
  const rounded = steps * step;
  const compact = formatMoney(rounded, { style: "compact" });
  if (hedge) return hedged(compact, hedge);
  if (Math.abs(rounded - dong) < 0.5) return compact;
  return `${Math.abs(dong) > Math.abs(rounded) ? "trên" : "gần"} ${compact}`;
}
