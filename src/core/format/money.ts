/**
 * Amounts in đồng, the two ways the documents write them:
 * full "1.591.896.000 đồng" and compact "109,033 tỷ đồng", "610 triệu đồng".
 */
import { AUTO_MAX_DECIMALS, type Decimals, checkDecimals, checkFinite } from "./options";
import { formatNumber } from "./number";
import { roundHalfAwayFromZero } from "./round";

/** Vietnamese number words used with money: 1 tỷ = 10^9, 1 triệu = 10^6, 1 nghìn = 10^3. */
export const TY = 1e9;
export const TRIEU = 1e6;
export const NGHIN = 1e3;

export type MoneyStyle = "full" | "compact";

const CURRENCY = "đồng";

/** Compact units, largest first; the last is the plain amount written in full. */
const UNITS: ReadonlyArray<{ size: number; word: string }> = [
  { size: TY, word: "tỷ " },
  { size: TRIEU, word: "triệu " },
  { size: 1, word: "" },
];

/**
 * 'full' (default): every digit, grouped; decimals default 0 (đồng has no subunit).
 * 'compact': ≥ 1 tỷ → "109,033 tỷ đồng"; ≥ 1 triệu → "610 triệu đồng"; below, full
 * ("650.000 đồng"). In compact, decimals apply to the tỷ/triệu figure, default 'auto' (up to 3,
 * trailing zeros dropped); amounts below a million are whole đồng. When rounding reaches the next
 * unit, that unit is used: 999.999.999 đồng → "1 tỷ đồng", not "1.000 triệu đồng".
 */
export function formatMoney(
  dong: number,
  opts: { style?: MoneyStyle; decimals?: Decimals } = {}
): string {
  checkFinite(dong);
  const style = opts.style ?? "full";
  if (style === "full") {
    return `${formatNumber(dong, { decimals: opts.decimals ?? 0 })} ${CURRENCY}`;
  }
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
