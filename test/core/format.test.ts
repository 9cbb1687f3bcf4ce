import {
  formatInteger,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRatioPair,
  roundHalfAwayFromZero,
} from "../../src/core/format";

describe("roundHalfAwayFromZero", () => {
  it.each([
    [1.005, 2, 1.01], // stored as 1.00499999…: the naive Math.round gives 1.00
    [87.5, 0, 88],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [1.4999, 0, 1],
    [87.8648, 1, 87.9],
    [87.85, 1, 87.9],
    [0.0105 * 100, 1, 1.1], // 1.0499999999999998 after ×100
    [1.1 + 0.015, 2, 1.12],
    [1234.5, -1, 1230],
    [1250, -2, 1300],
    [0.004, 2, 0],
    [0.005, 2, 0.01],
    [123456789012345.6, 0, 123456789012346],
    [12, 3, 12],
  ])("%p at %p decimals → %p", (x, decimals, expected) => {
    expect(roundHalfAwayFromZero(x, decimals)).toBe(expected);
  });

  it("never returns −0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it("passes non-finite values through and rejects bad decimal counts", () => {
    expect(roundHalfAwayFromZero(Infinity, 2)).toBe(Infinity);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
    expect(() => roundHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
    expect(() => roundHalfAwayFromZero(1, 21)).toThrow(RangeError);
  });

  it("settles the seeds' inconsistent hand rounding one way", () => {
    // 572/651 = 87,86 % was written "87%" (cut), 78/89 = 87,64 % "88%" (rounded).
    expect(roundHalfAwayFromZero((572 / 651) * 100, 0)).toBe(88);
    expect(roundHalfAwayFromZero((78 / 89) * 100, 0)).toBe(88);
  });
});

describe("formatNumber", () => {
  it.each([
    [1234567.5, undefined, "1.234.567,5"],
    [1234, undefined, "1.234"],
    [999, undefined, "999"],
    [291800, undefined, "291.800"],
    [109.033, undefined, "109,033"],
    [1.5, undefined, "1,5"],
    [12.3456, undefined, "12,346"],
    [1.0004, undefined, "1"],
    [-0.0004, undefined, "0"],
    [-1234.5, undefined, "-1.234,5"],
    [1.005, 2, "1,01"],
    [87.9, 2, "87,90"],
    [1234.5, 0, "1.235"],
    [1e13, undefined, "10.000.000.000.000"],
  ] as const)("%p (%p) → %p", (n, decimals, expected) => {
    expect(formatNumber(n, decimals === undefined ? {} : { decimals })).toBe(expected);
  });

  it("rejects what a report must never print", () => {
    expect(() => formatNumber(NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
    expect(() => formatNumber(1, { decimals: -1 })).toThrow(RangeError);
  });
});

describe("formatInteger", () => {
  it.each([
    [3, "03"], // "03 năm"
    [7, "07"], // "07 văn bản"
    [2, "02"], // "02 cuộc"
    [1, "01"],
    [9, "09"],
    [0, "0"],
    [10, "10"],
    [17, "17"],
    [-3, "-3"],
    [1832, "1.832"],
    [2.6, "03"],
  ])("%p → %p", (n, expected) => {
    expect(formatInteger(n)).toBe(expected);
  });

  it("zero-padding is a setting", () => {
    expect(formatInteger(3, { zeroPad: false })).toBe("3");
    expect(formatInteger(3, { zeroPad: true })).toBe("03");
    expect(`${formatInteger(3)} năm`).toBe("03 năm");
  });
});

describe("formatPercent", () => {
  it.each([
    [572 / 651, "auto", "87,9%"], // the seed wrote "87%"
    [2751 / 2300, "auto", "119,6%"],
    [2751 / 2300, 0, "120%"], // "2751/2300 sáng kiến đăng ký (đạt 120%)"
    [78 / 89, 0, "88%"],
    [1179 / 1179, "auto", "100%"],
    [759 / 793, 0, "96%"], // seed 000 writes "759 (95%)": truncated by hand
    [1.2, "auto", "120%"],
    [1.94, "auto", "194%"],
    [0.99996, "auto", "100%"],
    [0.8787, "auto", "87,9%"],
    [0.8787, 2, "87,87%"],
    [0.0105, 1, "1,1%"],
    [0, "auto", "0%"],
    [-0.0004, "auto", "0%"],
    [12.3, "auto", "1.230%"],
  ] as const)("%p at %p → %p", (ratio, decimals, expected) => {
    expect(formatPercent(ratio, { decimals })).toBe(expected);
  });

  it("defaults to auto and never puts a space before %", () => {
    expect(formatPercent(0.961)).toBe("96,1%");
    expect(formatPercent(0.5)).not.toMatch(/\s%/);
  });
});

describe("formatMoney", () => {
  it.each([
    [1591896000, {}, "1.591.896.000 đồng"],
    [650000000, { style: "full" }, "650.000.000 đồng"],
    [109033000000, { style: "compact" }, "109,033 tỷ đồng"],
    [13756000000, { style: "compact" }, "13,756 tỷ đồng"],
    [610000000, { style: "compact" }, "610 triệu đồng"],
    [469400000, { style: "compact" }, "469,4 triệu đồng"],
    [1591896000, { style: "compact" }, "1,592 tỷ đồng"],
    [1591896000, { style: "compact", decimals: 1 }, "1,6 tỷ đồng"],
    [1e9, { style: "compact", decimals: 2 }, "1,00 tỷ đồng"],
    [650000, { style: "compact" }, "650.000 đồng"],
    [0, { style: "compact" }, "0 đồng"],
    [-1.5e9, { style: "compact" }, "-1,5 tỷ đồng"],
    // Rounding that reaches the next unit moves to it.
    [999999999, { style: "compact" }, "1 tỷ đồng"],
    [999999.6, { style: "compact" }, "1 triệu đồng"],
    [600000000, { style: "compact", decimals: 0 }, "600 triệu đồng"],
    [600000, { style: "compact", decimals: 0 }, "600.000 đồng"],
    // Approximate, as writers round by hand (DOMAIN: "trên 610 triệu đồng", "gần 650.000.000 đồng").
    [612345000, { style: "approximate" }, "trên 612 triệu đồng"],
    [610000000, { style: "approximate" }, "610 triệu đồng"],
    [649800000, { style: "approximate" }, "gần 650 triệu đồng"],
    [1591896000, { style: "approximate" }, "trên 1,59 tỷ đồng"],
    [109033000000, { style: "approximate" }, "trên 109 tỷ đồng"],
    [999999999, { style: "approximate" }, "gần 1 tỷ đồng"],
    [24_780_000, { style: "approximate" }, "gần 24,8 triệu đồng"],
    [650000, { style: "approximate" }, "650.000 đồng"],
    [-612345000, { style: "approximate" }, "-612,345 triệu đồng"],
  ] as const)("%p %j → %p", (dong, opts, expected) => {
    expect(formatMoney(dong, opts)).toBe(expected);
  });
});

describe("formatRatioPair", () => {
  it.each([
    [572, 651, "572/651"],
    [1179, 1179, "1.179/1.179"],
    [2751, 2300, "2.751/2.300"],
    [17, 17, "17/17"],
  ])("%p/%p → %p", (part, whole, expected) => {
    expect(formatRatioPair(part, whole)).toBe(expected);
  });

  it("composes into the documents' sentences", () => {
    const sentence = `${formatRatioPair(572, 651)} doanh nghiệp tổ chức hội nghị người lao động đạt ${formatPercent(572 / 651)}`;
    expect(sentence).toBe("572/651 doanh nghiệp tổ chức hội nghị người lao động đạt 87,9%");
    expect(`${formatRatioPair(1179, 1179)} đơn vị đạt ${formatPercent(1)}`).toBe(
      "1.179/1.179 đơn vị đạt 100%"
    );
  });
});
