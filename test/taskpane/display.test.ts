import { displayCell, kindOfNumberFormat } from "../../src/taskpane/logic/cell-display";
import { sheetView } from "../../src/taskpane/logic/sheet-view";
import { openedFileName, workbookFileName } from "../../src/taskpane/logic/file-name";
import type { SheetSnapshot } from "../../src/core/data/snapshot";

test("number formats are read as Excel does", () => {
  expect(kindOfNumberFormat("dd/mm/yyyy")).toBe("date");
  expect(kindOfNumberFormat("d/m/yy;@")).toBe("date");
  expect(kindOfNumberFormat("[$-42A]dd mmmm yyyy")).toBe("date");
  expect(kindOfNumberFormat("0.0%")).toBe("percent");
  expect(kindOfNumberFormat("+0.0%;-0.0%;0.0%")).toBe("percent");
  expect(kindOfNumberFormat("#,##0")).toBe("number");
  expect(kindOfNumberFormat('#,##0 "đồng"')).toBe("number");
  expect(kindOfNumberFormat("0.00E+00")).toBe("number");
  expect(kindOfNumberFormat("General")).toBe("number");
  expect(kindOfNumberFormat("@")).toBe("text");
  expect(kindOfNumberFormat(null)).toBe("number");
});

test("cells are shown the Vietnamese way: dd/mm/yyyy, 1.591.896.000, 87,5%", () => {
  expect(displayCell(45359, "dd/mm/yyyy")).toBe("08/03/2024");
  expect(displayCell(1591896000, "#,##0")).toBe("1.591.896.000");
  expect(displayCell(109.033, "#,##0.000")).toBe("109,033");
  expect(displayCell(0.875, "0.0%")).toBe("87,5%");
  expect(displayCell(0.8787, "0%")).toBe("88%");
  expect(displayCell(0.12, "+0.0%;-0.0%;0.0%")).toBe("+12,0%");
  expect(displayCell(2024, "General")).toBe("2024");
  expect(displayCell(0.875, null)).toBe("0,875");
  expect(displayCell("quý I/2024", null)).toBe("quý I/2024");
  expect(displayCell(null)).toBe("");
  expect(displayCell(true)).toBe("TRUE");
  expect(displayCell({ error: "#DIV/0!" })).toBe("#DIV/0!");
  expect(displayCell(1591896000, "#,##0", "en-GB")).toBe("1,591,896,000");
});

function sheet(partial: Partial<SheetSnapshot>): SheetSnapshot {
  return { name: "S", visible: true, top: 1, left: 1, values: [], ...partial };
}

test("the viewer shows rows from 1 with Excel's row numbers and column letters, merges as spans", () => {
  const v = sheetView(
    sheet({
      top: 1,
      left: 1,
      values: [
        ["THÔNG TIN CHUNG", null, null],
        ["Kỳ báo cáo", "2024-Q1", 45359],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
    }),
    { numFmts: [[], [null, null, "dd/mm/yyyy"]] }
  );
  expect(v.columns.map((c) => c.letters)).toEqual(["A", "B", "C"]);
  expect(v.rows.map((r) => r.row)).toEqual([1, 2]);
  expect(v.rows[0].cells).toEqual([
    { col: 1, address: "A1", text: "THÔNG TIN CHUNG", numeric: false, colSpan: 3, rowSpan: 1 },
  ]);
  expect(v.rows[1].cells.map((c) => c.text)).toEqual(["Kỳ báo cáo", "2024-Q1", "08/03/2024"]);
  expect([v.from, v.to, v.total]).toEqual([1, 2, 2]);
});

test("about 200 rows are shown, moved to keep a selected row far down in view", () => {
  const values = Array.from({ length: 500 }, (_, i) => [i + 1]);
  const s = sheet({ values });
  expect([sheetView(s).from, sheetView(s).to, sheetView(s).total]).toEqual([1, 200, 500]);
  const around = sheetView(s, { focusRow: 450 });
  expect(around.from).toBe(350);
  expect(around.to).toBe(500);
  expect(around.rows.find((r) => r.row === 450)?.cells[0].text).toBe("450");
  expect(sheetView(s, { focusRow: 150 }).from).toBe(1);
});

test("an empty sheet has no rows", () => {
  expect(sheetView(sheet({ values: [] })).rows).toEqual([]);
});

test("download names: template id and period, ASCII only", () => {
  expect(workbookFileName("quarterly-activity", "2024-Q1")).toBe(
    "bao-cao-quarterly-activity-2024-Q1.xlsx"
  );
  expect(workbookFileName("annual-plan", "2022")).toBe("bao-cao-annual-plan-2022.xlsx");
  expect(workbookFileName("implementation-review", null)).toBe(
    "bao-cao-implementation-review.xlsx"
  );
  expect(workbookFileName("mẫu đặc biệt", "2023-2028")).toBe("bao-cao-mau-dac-biet-2023-2028.xlsx");
  expect(openedFileName("Báo cáo quý I.xlsx")).toBe("Báo cáo quý I.xlsx");
  expect(openedFileName("so-lieu.XLSX")).toBe("so-lieu.xlsx");
});
