import { type NumberTextKind, isParseError, parseVietnameseNumber } from "../../src/core/format";

describe("parseVietnameseNumber: accepted", () => {
  it.each([
    ["1.591.896.000", 1591896000, "grouped"],
    ["1.591.896.000 đồng", 1591896000, "money-words"],
    ["109,033", 109.033, "decimal-comma"],
    ["109,033 tỷ đồng", 109033000000, "money-words"],
    ["87%", 0.87, "percent"],
    ["87,5 %", 0.875, "percent"],
    ["87,5\u00A0%", 0.875, "percent"],
    ["119,6%", 1.196, "percent"],
    ["1.230%", 12.3, "percent"],
    [" 2.811 ", 2811, "grouped"],
    ["\u00A02.811\u202F", 2811, "grouped"],
    ["1.234,5", 1234.5, "decimal-comma"],
    ["-12", -12, "plain"],
    ["\u221212", -12, "plain"], // Unicode minus
    ["\u2212 12,5", -12.5, "decimal-comma"],
    ["+12", 12, "plain"],
    ["03", 3, "plain"],
    ["-0", 0, "plain"],
    ["1234567", 1234567, "plain"],
    // The dot rule: thousands only before groups of exactly 3 digits.
    ["12.500", 12500, "grouped"],
    ["12.5", 12.5, "plain"],
    ["12.50", 12.5, "plain"],
    ["12.5000", 12.5, "plain"],
    ["0.500", 0.5, "plain"], // a first group "0" cannot be grouping
    ["1234.567", 1234.567, "plain"], // a first group of 4 digits cannot be grouping
    // Money words.
    ["1,5 tỷ", 1.5e9, "money-words"],
    ["1,5 tỉ", 1.5e9, "money-words"],
    ["610 triệu", 6.1e8, "money-words"],
    ["610 triệu đồng", 6.1e8, "money-words"],
    ["469,4 triệu đồng", 4.694e8, "money-words"],
    ["500 nghìn đồng", 5e5, "money-words"],
    ["75 ngàn", 75000, "money-words"],
    ["1,5 nghìn tỷ", 1.5e12, "money-words"],
    ["8.000.000đồng", 8e6, "money-words"],
    ["30.000.000đ", 3e7, "money-words"],
    ["30.000.000 VNĐ", 3e7, "money-words"],
    ["5 TỶ ĐỒNG", 5e9, "money-words"],
    ["768.500 triệu đồng", 7.685e11, "money-words"],
    // Space grouping as pasted from PDFs, strict groups of 3.
    ["1 591 896 000", 1591896000, "grouped"],
    ["1\u00A0234,5", 1234.5, "grouped"],
  ] as const)("%p → %p (%p)", (text, value, kind) => {
    expect(parseVietnameseNumber(text)).toEqual({ value, kind: kind as NumberTextKind });
  });

  it("reads decomposed (NFD) Vietnamese as typed on some keyboards", () => {
    expect(parseVietnameseNumber("1,5 tỷ".normalize("NFD"))).toEqual({
      value: 1.5e9,
      kind: "money-words",
    });
  });
});

describe("parseVietnameseNumber: rejected with a Vietnamese reason", () => {
  it.each([
    ["", /trống/],
    ["   ", /trống/],
    ["abc", /không phải là số/],
    ["-", /không phải là số/],
    ["%", /không phải là số/],
    ["1..2", /hai dấu phân cách liền nhau/],
    ["1,,2", /hai dấu phân cách liền nhau/],
    ["1.23.4", /đúng 3 chữ số/],
    ["12.34.567", /đúng 3 chữ số/],
    ["1.2345,6", /đúng 3 chữ số/],
    [".5", /bắt đầu hay kết thúc/],
    ["12.", /bắt đầu hay kết thúc/],
    ["1,234,567", /kiểu tiếng Anh.*1\.234\.567/],
    ["4,954,5 tỷ đồng", /nhiều dấu phẩy/], // a typo found in seed 001
    ["1,234.5", /dấu phẩy trước dấu chấm/],
    ["1.234,5.6", /dấu phẩy trước dấu chấm/],
    ["trên 610 triệu đồng", /chữ “trên” đứng trước số/],
    ["gần 650.000.000 đồng", /chữ “gần” đứng trước số/],
    ["30.000.000đ/xuất", /Không hiểu phần “đ\/xuất”/],
    ["12 abc", /Không hiểu phần “abc”/],
    ["12 constructor", /Không hiểu phần/],
    ["87% đồng", /Không hiểu phần/],
    ["1e5", /Không hiểu phần “e5”/],
    ["9".repeat(400), /quá lớn/],
  ])("%p", (text, reason) => {
    const result = parseVietnameseNumber(text);
    expect(isParseError(result)).toBe(true);
    expect(isParseError(result) && result.error).toMatch(reason);
  });
});
