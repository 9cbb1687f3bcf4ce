import {
  colToLetters,
  definedNameProblem,
  formatArea,
  lettersToCol,
  parseReference,
  quoteSheetName,
  sheetNameProblem,
} from "./address";

test("column letters round-trip up to XFD", () => {
  for (const [letters, col] of [
    ["A", 0],
    ["Z", 25],
    ["AA", 26],
    ["AZ", 51],
    ["XFD", 16383],
  ] as const) {
    expect(lettersToCol(letters)).toBe(col);
    expect(colToLetters(col)).toBe(letters);
  }
  expect(lettersToCol("XFE")).toBe(-1);
});

test("references parse with quoted names, doubled apostrophes, absolute parts and whole rows/columns", () => {
  expect(parseReference("='Bà Rịa''s'!$B$5:C9")).toEqual({
    sheet: "Bà Rịa's",
    area: { r0: 4, c0: 1, r1: 8, c1: 2 },
    abs: { r0: true, c0: true, r1: false, c1: false },
  });
  expect(parseReference("Sheet1!C:C")?.area).toEqual({ r0: 0, c0: 2, r1: 1048575, c1: 2 });
  expect(parseReference("5:7")?.area).toEqual({ r0: 4, c0: 0, r1: 6, c1: 16383 });
  expect(parseReference("A1:5")).toBeNull();
  expect(parseReference("C")).toBeNull();
});

test("areas format the way Excel prints them", () => {
  expect(formatArea({ r0: 4, c0: 1, r1: 8, c1: 2 })).toBe("B5:C9");
  expect(formatArea({ r0: 4, c0: 2, r1: 10, c1: 2 }, true)).toBe("$C$5:$C$11");
  expect(formatArea({ r0: 0, c0: 2, r1: 1048575, c1: 3 })).toBe("C:D");
});

test("sheet names are quoted only when Excel would", () => {
  expect(quoteSheetName("Sheet1")).toBe("Sheet1");
  expect(quoteSheetName("TổngHợp")).toBe("TổngHợp");
  expect(quoteSheetName("Tổng_hợp.2024")).toBe("Tổng_hợp.2024");
  expect(quoteSheetName("Đơn vị")).toBe("'Đơn vị'");
  expect(quoteSheetName("Bà Rịa's")).toBe("'Bà Rịa''s'");
  expect(quoteSheetName("2024")).toBe("'2024'");
  expect(quoteSheetName("ABC1")).toBe("'ABC1'");
  expect(quoteSheetName("R1C1")).toBe("'R1C1'");
  expect(quoteSheetName("Quý-1")).toBe("'Quý-1'");
});

test("sheet and defined-name rules", () => {
  expect(sheetNameProblem("Báo cáo tháng 12")).toBeNull();
  expect(sheetNameProblem("x".repeat(32))).not.toBeNull();
  expect(sheetNameProblem("History")).not.toBeNull();
  expect(definedNameProblem("Tỷ_lệ")).toBeNull();
  expect(definedNameProblem("_xlnm")).toBeNull();
  expect(definedNameProblem("Tỷ lệ")).not.toBeNull();
  expect(definedNameProblem("XFD1")).not.toBeNull();
});
