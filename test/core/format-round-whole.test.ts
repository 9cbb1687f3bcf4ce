// Whole numbers take a short cut through roundHalfAwayFromZero (counts and money are most of the
// figures a check formats): the result must be what rounding the exact integer gives.
import fc from "fast-check";
import { roundHalfAwayFromZero } from "../../src/core/format/round";

/** Half away from zero on the exact integer, to 10^-decimals (decimals ≤ 0). */
function reference(x: number, decimals: number): number {
  if (decimals >= 0) return x;
  const unit = 10n ** BigInt(-decimals);
  const abs = BigInt(Math.abs(x));
  const rounded = ((abs + unit / 2n) / unit) * unit;
  const r = Number(rounded);
  return x < 0 && r !== 0 ? -r : r;
}

it("gives whole numbers back at whole or finer precision, and rounds them to tens and above", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }),
      fc.integer({ min: -6, max: 6 }),
      (x, decimals) => {
        expect(roundHalfAwayFromZero(x, decimals)).toBe(reference(x, decimals));
      }
    ),
    { numRuns: 2000 }
  );
  expect(roundHalfAwayFromZero(1235, -1)).toBe(1240);
  expect(roundHalfAwayFromZero(-1235, -1)).toBe(-1240);
  expect(Object.is(roundHalfAwayFromZero(-4, -1), 0)).toBe(true);
});
