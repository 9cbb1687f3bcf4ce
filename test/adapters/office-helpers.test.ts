import { rectangles } from "../../src/adapters/office/rectangles";
import { parseAreas } from "../../src/adapters/office/read";
import { freeName } from "../../src/adapters/office/insert";
import { chunk, op } from "../../src/adapters/office/batch";
import { columnWidthPoints } from "../../src/adapters/office/write-plan";

describe("rectangles of equal formatting", () => {
  it("merges row runs downwards into maximal rectangles and skips unformatted cells", () => {
    const cells = [
      { row: 1, col: 1, key: "a" },
      { row: 1, col: 2, key: "a" },
      { row: 2, col: 1, key: "a" },
      { row: 2, col: 2, key: "a" },
      { row: 2, col: 3, key: "b" },
      { row: 3, col: 1, key: null },
      { row: 4, col: 1, key: "a" },
    ];
    const r = rectangles(cells);
    expect(r.get("a")).toEqual([
      { top: 1, bottom: 2, left: 1, right: 2 },
      { top: 4, bottom: 4, left: 1, right: 1 },
    ]);
    expect(r.get("b")).toEqual([{ top: 2, bottom: 2, left: 3, right: 3 }]);
    expect(r.has("null")).toBe(false);
  });
});

describe("merged areas address", () => {
  it("splits on commas outside quoted sheet names", () => {
    expect(parseAreas("'Thi đua, khen thưởng'!A1:C1, 'Thi đua, khen thưởng'!B4:B9")).toEqual([
      { top: 1, bottom: 1, left: 1, right: 3 },
      { top: 4, bottom: 9, left: 2, right: 2 },
    ]);
  });
});

describe("sheet names next to the user's", () => {
  it("adds (2), (3)… within Excel's 31 characters, case-insensitively", () => {
    expect(freeName("Đơn vị", new Set(["đơn vị"]))).toBe("Đơn vị (2)");
    expect(freeName("Đơn vị", new Set(["đơn vị", "đơn vị (2)"]))).toBe("Đơn vị (3)");
    const long = "Phát triển đoàn viên, CĐCS 6 th";
    expect(long.length).toBe(31);
    const renamed = freeName(long, new Set([long.toLocaleLowerCase("vi")]));
    expect(renamed.length).toBeLessThanOrEqual(31);
    expect(renamed.endsWith(" (2)")).toBe(true);
  });
});

describe("request batches", () => {
  it("splits ops so no chunk passes the limit (unless one op alone does)", () => {
    const ops = Array.from({ length: 10 }, (_, i) => op("x".repeat(100 * i), () => undefined));
    const chunks = chunk(ops, 1000);
    for (const c of chunks) {
      const size = c.reduce((n, o) => n + o.bytes, 0);
      expect(c.length === 1 || size <= 1000).toBe(true);
    }
    expect(chunks.flat()).toEqual(ops);
  });

  it("converts Excel's character widths to points (8.43 characters = 48 points)", () => {
    expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
  });
});
