import { fitColumnWidths } from "../../../src/adapters/docx/render";

describe("fitColumnWidths", () => {
  test("keeps proportions when every column is wide enough", () => {
    expect(fitColumnWidths([1, 1, 2], 4000)).toEqual([1000, 1000, 2000]);
  });

  test("widens a squeezed TT column to about 1 cm, taking the width from the others", () => {
    const widths = fitColumnWidths([5, 22, 30, 30, 30, 30, 30, 11, 11, 11], 14000);
    expect(widths[0]).toBe(560);
    expect(widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(14000);
    expect(widths.reduce((a, w) => a + w, 0)).toBeGreaterThan(14000 - widths.length);
    // Wider columns stay wider.
    expect(widths[2]).toBeGreaterThan(widths[7]);
  });

  test("never asks for more than the page when there are very many columns", () => {
    const widths = fitColumnWidths(Array<number>(40).fill(1), 9000);
    expect(widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(9000);
  });
});
