/**
 * Vietnamese plain numbers: "." groups thousands, "," marks decimals ("1.234.567,5").
 * Grouping comes from Intl (vi-VN groups from 4 digits: "1.234"); rounding is ours, so Intl only
 * ever prints a value that already has the wanted number of decimals.
 */
import { AUTO_MAX_DECIMALS, type Decimals, checkDecimals, checkFinite } from "./options";
import { roundHalfAwayFromZero } from "./round";

const LOCALE = "vi-VN";

/** Intl formatters are costly to build; keep one per decimal setting. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(LOCALE, {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * Formats a number the Vietnamese way. decimals: a fixed count ("87,90" for 2), or 'auto'
 * (default): up to 3 decimals, trailing zeros dropped ("109,033", "1,5", "12").
 * Rounds half away from zero. Throws RangeError on NaN/Infinity.
 */
export function formatNumber(n: number, opts: { decimals?: Decimals } = {}): string {
  checkFinite(n);
  const decimals = opts.decimals ?? "auto";
  if (decimals === "auto") {
    return formatter(0, AUTO_MAX_DECIMALS).format(roundHalfAwayFromZero(n, AUTO_MAX_DECIMALS));
  }
  checkDecimals(decimals);
  return formatter(decimals, decimals).format(roundHalfAwayFromZero(n, decimals));
}

/**
 * Formats a count. Zero-padding ("03 năm", "07 văn bản") is a setting, on by default, and applies
 * only to 1–9: never to 0, to 10 and above, or to negatives. Non-integers are rounded first.
 */
export function formatInteger(n: number, opts: { zeroPad?: boolean } = {}): string {
  const value = roundHalfAwayFromZero(checkFinite(n), 0);
  const zeroPad = opts.zeroPad ?? true;
  if (zeroPad && value >= 1 && value <= 9) {
    return `0${value}`;
  }
  return formatter(0, 0).format(value);
}

/**
 * "part/whole" as the documents write it: "572/651", "1.179/1.179". Each side is grouped;
 * counts are not zero-padded here ("5/7", not "05/07").
 */
export function formatRatioPair(part: number, whole: number): string {
  return `${formatNumber(part)}/${formatNumber(whole)}`;
}
