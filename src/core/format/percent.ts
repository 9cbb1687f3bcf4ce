/**
 * Percentages as the documents write them: "87,9%", "100%", "120%" — no space before "%".
 * Input is a ratio (0.879 for 87,9 %), as Excel stores a percent cell.
 */
import { type Decimals, checkDecimals, checkFinite } from "./options";
import { formatNumber } from "./number";
import { roundHalfAwayFromZero } from "./round";

/**
 * decimals 'auto' (default): one decimal, dropped when it is zero after rounding
 * (0.8787 → "87,9%", 0.99996 → "100%", 1.2 → "120%"). A number fixes the count
 * (0.8787 at 0 → "88%", at 2 → "87,87%"). Rounds half away from zero.
 */
export function formatPercent(ratio: number, opts: { decimals?: Decimals } = {}): string {
  // ×100 may leave artefacts (0.0105 × 100 = 1.0499999999999998); the rounding reads the value
  // at 15 significant digits, which removes them.
  const percent = checkFinite(ratio) * 100;
  const decimals = opts.decimals ?? "auto";
  if (decimals === "auto") {
    const oneDecimal = roundHalfAwayFromZero(percent, 1);
    const shown = Number.isInteger(oneDecimal) ? 0 : 1;
    return `${formatNumber(oneDecimal, { decimals: shown })}%`;
  }
  checkDecimals(decimals);
  return `${formatNumber(percent, { decimals })}%`;
}
