// The row-height estimate that decides which table rows are kept whole on one page: it must
// never call a row that fills a page short (LibreOffice clips such a row when it may not break).
import { linesOf, rowHeightTw } from "../../../src/adapters/docx/row-height";
import type { TableCell } from "../../../src/core/document";

const cell = (text: string, colSpan?: number): TableCell => ({
  runs: [{ kind: "text", text }],
  colSpan,
});

/** Text height of a landscape A4 page with 20 mm margins, in twips. */
const LANDSCAPE_TEXT_HEIGHT = 11906 - 2 * 1134;

describe("row height", () => {
  it("counts wrapped and hard lines", () => {
    expect(linesOf("", 2000, 12)).toBe(1);
    expect(linesOf("một hai ba", 2000, 12)).toBe(1);
    expect(linesOf("một\nhai\nba", 2000, 12)).toBe(3);
    // About 15 characters fit in 2000 twips at 12 pt: 60 characters take 4 lines or more.
    expect(linesOf("chữ ".repeat(15), 2000, 12)).toBeGreaterThanOrEqual(4);
  });

  it("is the tallest cell's, with spans given their summed width", () => {
    const widths = [600, 2000, 2000];
    const short = rowHeightTw([cell("1"), cell("Tam Đường"), cell("12")], widths, 12);
    const tall = rowHeightTw([cell("1"), cell("chữ ".repeat(200)), cell("12")], widths, 12);
    const spanned = rowHeightTw([cell("1"), cell("chữ ".repeat(200), 2)], widths, 12);
    expect(short).toBeLessThan(500);
    expect(tall).toBeGreaterThan(spanned);
    expect(spanned).toBeGreaterThan(short);
  });

  it("calls the implementation review's long supervision row taller than half a page", () => {
    // The row LibreOffice clipped: a narrow column of several long notes.
    const notes =
      "- Việc thực hiện chế độ, chính sách đối với CNVCLĐ\n- Việc chi trả hỗ trợ cho người lao động " +
      "theo Nghị quyết số 68/NQ-CP của Chính phủ, Quyết định số 23/2021/QĐ-TTg, Nghị quyết " +
      "116/NQ-CP ngày 24/9/2021 của Thủ tướng Chính phủ và các gói hỗ trợ khác\n- Việc thực hiện " +
      "chính sách hỗ trợ tiền thuê nhà cho người lao động theo Quyết định số 08/2022/QĐ-TTg ngày " +
      "28/3/2022 của Thủ tướng Chính phủ";
    const h = rowHeightTw([cell("3"), cell("Công đoàn cơ sở"), cell(notes)], [560, 1200, 1400], 12);
    expect(h).toBeGreaterThan(LANDSCAPE_TEXT_HEIGHT / 2);
  });
});
