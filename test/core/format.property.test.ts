import fc from "fast-check";
import {
  formatNumber,
  formatPercent,
  parseVietnameseNumber,
  roundHalfAwayFromZero,
} from "../../src/core/format";

const vi3 = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 });

/** Numbers with at most 3 decimals, built from decimal text like a typed value. */
const threeDecimals = fc
  .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 999 }))
  .map(([whole, thousandths]) =>
    Number(`${whole < 0 ? "-" : ""}${Math.abs(whole)}.${String(thousandths).padStart(3, "0")}`)
  );

describe("Intl vi-VN output read back", () => {
  it("groups with '.' and marks decimals with ',' (no non-breaking space)", () => {
    expect(vi3.format(1234567.5)).toBe("1.234.567,5");
  });

  it("integers up to 1e13 round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        const parsed = parseVietnameseNumber(vi3.format(n));
        expect(parsed).toEqual({ value: n === 0 ? 0 : n, kind: expect.any(String) });
      }),
      { numRuns: 2000 }
    );
  });

  it("numbers with up to 3 decimals round-trip", () => {
    fc.assert(
      fc.property(threeDecimals, (n) => {
        const parsed = parseVietnameseNumber(vi3.format(n));
        expect("value" in parsed && parsed.value).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 2000 }
    );
  });

  it("grouped numbers are reported as grouped or decimal-comma, never plain", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 1e13 }), fc.boolean(), (n, withDecimal) => {
        const text = vi3.format(withDecimal ? n + 0.5 : n);
        const parsed = parseVietnameseNumber(text);
        expect("kind" in parsed && parsed.kind).toBe(withDecimal ? "decimal-comma" : "grouped");
      })
    );
  });

  it("percents written by Intl round-trip to the stored ratio", () => {
    const percent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 2 });
    fc.assert(
      fc.property(fc.integer({ min: -1e7, max: 1e7 }), (basisPoints) => {
        const ratio = Number(`${basisPoints}e-4`); // up to 2 decimals in percent
        const parsed = parseVietnameseNumber(percent.format(ratio));
        expect(parsed).toEqual({ value: ratio === 0 ? 0 : ratio, kind: "percent" });
      }),
      { numRuns: 2000 }
    );
  });

  it("our own formatNumber and formatPercent output round-trips too", () => {
    fc.assert(
      fc.property(threeDecimals, (n) => {
        const parsed = parseVietnameseNumber(formatNumber(n));
        expect("value" in parsed && parsed.value).toBe(n === 0 ? 0 : n);
      })
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (tenths) => {
        const ratio = Number(`${tenths}e-3`); // one decimal in percent
        const parsed = parseVietnameseNumber(formatPercent(ratio));
        expect("value" in parsed && parsed.value).toBe(ratio === 0 ? 0 : ratio);
      })
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."0123456789.,% -−\u00A0tỷriệuđồng".split("")) }),
        (text) => {
          const parsed = parseVietnameseNumber(text);
          expect("error" in parsed || Number.isFinite(parsed.value)).toBe(true);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

describe("roundHalfAwayFromZero properties", () => {
  const values = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  const decimals = fc.integer({ min: 0, max: 4 });

  it("is symmetric: r(−x) = −r(x)", () => {
    fc.assert(
      fc.property(values, decimals, (x, d) => {
        expect(roundHalfAwayFromZero(-x, d) === -roundHalfAwayFromZero(x, d)).toBe(true);
      })
    );
  });

  it("stays within half a unit of the last kept decimal", () => {
    fc.assert(
      fc.property(values, decimals, (x, d) => {
        const halfUnit = 0.5 * 10 ** -d;
        // Tolerance for the 15-significant-digit reading of x.
        const slack = Math.abs(x) * 1e-14 + 1e-15;
        expect(Math.abs(roundHalfAwayFromZero(x, d) - x)).toBeLessThanOrEqual(halfUnit + slack);
      })
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(values, decimals, (x, d) => {
        const once = roundHalfAwayFromZero(x, d);
        expect(roundHalfAwayFromZero(once, d)).toBe(once);
      })
    );
  });

  it("leaves at most d decimals", () => {
    fc.assert(
      fc.property(values, decimals, (x, d) => {
        const text = String(roundHalfAwayFromZero(x, d));
        const fraction = text.includes("e") ? "" : (text.split(".")[1] ?? "");
        expect(fraction.length).toBeLessThanOrEqual(d);
      })
    );
  });

  it("rounds exact halves away from zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (k, d) => {
        // |k| + ½ units at d decimals, from decimal text (12.345 at 2 decimals) → |k| + 1 units.
        const sign = k < 0 ? "-" : "";
        const half = Number(`${sign}${Math.abs(k)}.5e-${d}`);
        const away = Number(`${sign}${Math.abs(k) + 1}e-${d}`);
        expect(roundHalfAwayFromZero(half, d)).toBe(away);
      })
    );
  });
});
