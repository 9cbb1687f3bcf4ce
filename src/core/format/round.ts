/**
 * The one rounding rule of BáoCáo: half away from zero (87,5 → 88; −2,5 → −3).
 *
 * Why one rule: the seed reports round by hand and inconsistently — 572/651 = 87,87 % is written
 * "87%" (truncated) while 78/89 = 87,64 % is written "88%" (rounded). A generated report must
 * give the same figure every time, so every formatter goes through this function and the user
 * only chooses how many decimals. Half away from zero is what people learn at school and what
 * Excel's ROUND() does, so a figure in the Word draft matches the workbook.
 *
 * Why not `Math.round(x * 100) / 100`: binary artefacts. 1.005 is stored as 1.00499999999999989…,
 * so the naive version gives 1.00. We first read the number as its 15 significant decimal digits
 * (the precision Excel itself shows), which removes such artefacts, then round that decimal
 * string exactly, digit by digit. The price, shared with Excel: a value whose 16th–17th digits
 * matter at the rounding position can round differently from its exact binary value.
 */

/** Significant digits trusted in a double, as in Excel. */
const SIGNIFICANT_DIGITS = 15;

/**
 * Rounds `x` to `decimals` decimal places, ties away from zero.
 * `decimals` may be negative to round to tens, hundreds… (−3 → nearest thousand).
 * Never returns −0. Non-finite input is returned unchanged.
 */
export function roundHalfAwayFromZero(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < -20 || decimals > 20) {
    throw new RangeError(`decimals must be an integer between -20 and 20, got ${decimals}`);
  }
  if (!Number.isFinite(x) || x === 0) {
    return x === 0 ? 0 : x;
  }
  // A whole number below 10^15 is exact in its 15 significant digits, so rounding it to whole
  // units or finer gives it back: skip the digit strings (most figures are counts and money).
  if (decimals >= 0 && Number.isInteger(x) && Math.abs(x) < 1e15) {
    return x;
  }
  const magnitude = Math.abs(x);
  // Read as 15 significant digits; if the rounding position lies beyond them (huge numbers, many
  // decimals) fall back to the shortest exact representation so nothing real is thrown away.
  let decimal = decimalDigits(magnitude.toExponential(SIGNIFICANT_DIGITS - 1));
  let keep = decimal.exponent + 1 + decimals; // digits left of the rounding position
  if (keep >= decimal.digits.length) {
    decimal = decimalDigits(magnitude.toExponential());
    keep = decimal.exponent + 1 + decimals;
    if (keep >= decimal.digits.length) {
      return x; // Already at or below the requested precision.
    }
  }
  if (keep < 0) {
    return 0; // Below a tenth of the last kept unit: rounds to zero.
  }
  const roundUp = decimal.digits.charCodeAt(keep) >= "5".charCodeAt(0);
  const kept = BigInt("0" + decimal.digits.slice(0, keep)) + BigInt(roundUp ? 1 : 0);
  // kept × 10^(−decimals), parsed from decimal text so the result is the double nearest to it.
  const rounded = Number(`${kept}e${-decimals}`);
  if (rounded === 0) {
    return 0;
  }
  return x < 0 ? -rounded : rounded;
}

/** Splits "d.ddde±x" into its digit string and decimal exponent. */
function decimalDigits(exponential: string): { digits: string; exponent: number } {
  const [mantissa, exponent] = exponential.split("e");
  return { digits: mantissa.replace(".", ""), exponent: Number(exponent) };
}
