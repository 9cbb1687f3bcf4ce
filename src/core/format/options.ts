/**
 * How many decimals a figure shows. A number fixes the count (trailing zeros kept: "87,90");
 * 'auto' shows what the value needs, up to a limit that depends on the formatter.
 */
export type Decimals = number | "auto";

/** Upper bound of decimals for 'auto' in plain numbers and money: documents never show more. */
export const AUTO_MAX_DECIMALS = 3;

/** Checks an explicit decimal count; a bad one is a programming error, not a user error. */
export function checkDecimals(decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new RangeError(`decimals must be 'auto' or an integer from 0 to 20, got ${decimals}`);
  }
  return decimals;
}

/** A report must never print "NaN" or "∞": non-finite figures are rejected where they enter. */
export function checkFinite(n: number): number {
  if (!Number.isFinite(n)) {
    throw new RangeError(`cannot format a non-finite number: ${n}`);
  }
  return n;
}
