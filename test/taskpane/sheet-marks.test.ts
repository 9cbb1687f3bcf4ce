// The preview's marks: findings drawn over the viewer's cells, clipped to what the viewer shows.
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import type { Finding } from "../../src/core/findings";
import {
  localRange,
  markAt,
  markGrid,
  marksBySheet,
  previewMarks,
} from "../../src/taskpane/logic/sheet-marks";

const snapshot: WorkbookSnapshot = {
  sheets: [
    { name: "Thông tin chung", visible: true, top: 1, left: 1, values: [] },
    { name: "I. Kết quả", visible: true, top: 1, left: 1, values: [] },
  ],
  names: [],
};

function f(severity: Finding["severity"], sheet: string | null, cell: string | null): Finding {
  return { severity, sheet, cell, indicator: null, rule: "x", value: null, message: "x" };
}

test("localRange reads plain, absolute and qualified addresses", () => {
  expect(localRange("C8")).toEqual({ top: 8, left: 3, bottom: 8, right: 3 });
  expect(localRange("'I. Kết quả'!$C$8:D9")).toEqual({ top: 8, left: 3, bottom: 9, right: 4 });
  expect(localRange("không phải ô")).toBeNull();
});

test("previewMarks: one per finding with a cell on a sheet of the workbook", () => {
  const marks = previewMarks(
    [
      f("error", null, null),
      f("error", "thông tin chung", "B7"),
      f("warning", "I. Kết quả", "A1:C1"),
      f("error", "Không có", "A1"),
      f("error", "I. Kết quả", null),
    ],
    snapshot
  );
  expect(marks).toEqual([
    {
      sheet: "Thông tin chung",
      range: { top: 7, left: 2, bottom: 7, right: 2 },
      severity: "error",
    },
    { sheet: "I. Kết quả", range: { top: 1, left: 1, bottom: 1, right: 3 }, severity: "warning" },
  ]);
  expect(marksBySheet(marks)).toEqual(
    new Map([
      ["Thông tin chung", { errors: 1, warnings: 0 }],
      ["I. Kết quả", { errors: 0, warnings: 1 }],
    ])
  );
  expect(marksBySheet(null).size).toBe(0);
});

test("markGrid keeps the window's cells only; errors win over warnings; spans see their cells", () => {
  const marks = previewMarks(
    [
      f("warning", "I. Kết quả", "B2:D3"),
      f("error", "I. Kết quả", "C3"),
      // A whole column costs no more than the window.
      f("warning", "I. Kết quả", "F1:F1048576"),
      f("error", "Thông tin chung", "B2"),
    ],
    snapshot
  );
  const grid = markGrid(marks, "I. Kết quả", { top: 1, left: 1, bottom: 200, right: 40 });
  expect(grid.size).toBe(6 + 200);
  expect(markAt(grid, 2, 2)).toBe("warning");
  expect(markAt(grid, 3, 3)).toBe("error");
  expect(markAt(grid, 2, 1)).toBeNull();
  // A merged cell B2:C3 shows the worst of its cells.
  expect(markAt(grid, 2, 2, 2, 2)).toBe("error");
  expect(markAt(grid, 1, 1, 1, 2)).toBeNull();
  // Outside the window nothing is expanded.
  expect(
    markAt(markGrid(marks, "I. Kết quả", { top: 10, left: 1, bottom: 20, right: 5 }), 3, 3)
  ).toBeNull();
  expect(markGrid(null, "I. Kết quả", { top: 1, left: 1, bottom: 10, right: 10 }).size).toBe(0);
});
