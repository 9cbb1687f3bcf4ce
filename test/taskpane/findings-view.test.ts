// What the "Kiểm tra" tab shows: groups, counts, status, problems and marks notes, in both languages.
import type { Finding } from "../../src/core/findings";
import { CATALOGS } from "../../src/taskpane/i18n";
import {
  clearReminder,
  GENERAL_KEY,
  OPEN_ALL_UP_TO,
  countFindings,
  countsText,
  groupFindings,
  initiallyOpen,
  isPreviousProblem,
  marksText,
  problemText,
  statusText,
} from "../../src/taskpane/logic/findings-view";
import type { WorkbookProblem } from "../../src/taskpane/session";

const { vi, en } = CATALOGS;

function f(severity: Finding["severity"], sheet: string | null, cell: string | null): Finding {
  return {
    severity,
    sheet,
    cell,
    indicator: null,
    rule: "x",
    value: null,
    message: `${sheet}!${cell}`,
  };
}

const FINDINGS: Finding[] = [
  f("error", null, null),
  f("error", "Thông tin chung", "B7"),
  f("error", "I. Kết quả", "C8"),
  f("warning", "I. Kết quả", "C16"),
  f("warning", "II. Hạn chế", "B5"),
  f("warning", null, null),
];

describe("groupFindings", () => {
  test("the general group first, then sheets in the check's order, with their counts", () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.key, g.sheet, g.errors, g.warnings, g.items.length])).toEqual([
      [GENERAL_KEY, null, 1, 1, 2],
      ["Thông tin chung", "Thông tin chung", 1, 0, 1],
      ["I. Kết quả", "I. Kết quả", 1, 1, 2],
      ["II. Hạn chế", "II. Hạn chế", 0, 1, 1],
    ]);
    // Items keep their index in the check's list (what "selected" refers to).
    expect(groups[2].items.map((i) => i.index)).toEqual([2, 3]);
  });

  test("errors only: warnings are not listed, groups keep their counts, empty groups go", () => {
    const groups = groupFindings(FINDINGS, { errorsOnly: true });
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings, g.items.length])).toEqual([
      [null, 1, 1, 1],
      ["Thông tin chung", 1, 0, 1],
      ["I. Kết quả", 1, 1, 1],
    ]);
  });

  test("no findings, no groups; a sheet named like the general key cannot exist", () => {
    expect(groupFindings([])).toEqual([]);
    expect(GENERAL_KEY).toMatch(/[:[\]]/);
  });

  test("groups after a check: all open when short, else the first with errors", () => {
    expect(initiallyOpen(groupFindings(FINDINGS))).toHaveLength(4);
    const many: Finding[] = [
      ...Array.from({ length: OPEN_ALL_UP_TO }, (_, i) => f("warning", "A", `B${i + 1}`)),
      f("error", "B", "C1"),
    ];
    expect(initiallyOpen(groupFindings(many))).toEqual(["B"]);
    expect(initiallyOpen([])).toEqual([]);
  });

  test("counts 30,000 findings in a blink", () => {
    const big = Array.from({ length: 30000 }, (_, i) =>
      f(i % 10 ? "error" : "warning", `Trang ${i % 15}`, `C${i}`)
    );
    const t0 = Date.now();
    const groups = groupFindings(big);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(groups).toHaveLength(15);
    expect(countFindings(big)).toEqual({ errors: 27000, warnings: 3000 });
  });
});

describe("texts", () => {
  test("status as `baocao validate` words it", () => {
    expect(statusText({ ready: true, errors: 0, warnings: 0 }, vi)).toEqual({
      ready: true,
      title: "Sẵn sàng gửi: không có lỗi",
      detail: "Không có điểm nào cần lưu ý.",
    });
    expect(statusText({ ready: false, errors: 27900, warnings: 2100 }, vi)).toEqual({
      ready: false,
      title: "Chưa sẵn sàng: 27.900 lỗi phải sửa",
      detail: "Có 2.100 điểm cần lưu ý (không chặn việc gửi).",
    });
    expect(statusText({ ready: false, errors: 1, warnings: 1 }, en)).toMatchObject({
      title: "Not ready: 1 error to fix",
      detail: "1 point to review (they do not block sending).",
    });
    expect(statusText({ ready: false, errors: 2, warnings: 0 }, en).title).toBe(
      "Not ready: 2 errors to fix"
    );
  });

  test("counts leave zeros out, but never say nothing", () => {
    expect(countsText(2, 1, vi)).toBe("2 lỗi · 1 lưu ý");
    expect(countsText(0, 3, vi)).toBe("3 lưu ý");
    expect(countsText(1, 0, vi)).toBe("1 lỗi");
    expect(countsText(0, 0, vi)).toBe("0 lỗi");
    expect(countsText(1, 1200, en)).toBe("1 error · 1,200 to review");
  });

  test("marks say where their notes are, and remind to clear them before sending", () => {
    const comments = { marked: 3, notMarked: 0, notes: "comments" as const, notesSheet: null };
    expect(marksText(comments, true, 500, vi)[1]).toBe(
      "Mỗi ô được tô có một ghi chú (comment) nói vấn đề ở ô đó."
    );
    const sheet = { ...comments, notes: "sheet" as const, notesSheet: "Kết quả kiểm tra" };
    expect(marksText(sheet, true, 500, en)[1]).toBe(
      'This version of Excel does not let add-ins add comments: the findings are listed on the sheet "Kết quả kiểm tra".'
    );
    expect(clearReminder(comments, true, vi)).toEqual({
      title: "Xoá đánh dấu trước khi gửi",
      body: 'Bấm "Xoá đánh dấu" trước khi gửi sổ tính: màu và ghi chú của kiểm tra sẽ được gỡ, số liệu giữ nguyên.',
    });
    expect(clearReminder(sheet, true, vi)?.body).toContain('trang "Kết quả kiểm tra" sẽ được gỡ');
    // Nothing in the workbook to clear: no reminder (preview marks live in the viewer only).
    expect(clearReminder({ ...comments, marked: 0 }, true, vi)).toBeNull();
    expect(clearReminder({ marked: 3, notMarked: 0 }, false, vi)).toBeNull();
  });

  test("marks: where they are, and how many the cap left out", () => {
    expect(marksText({ marked: 3, notMarked: 0 }, true, 500, vi)).toEqual([
      "Đã tô màu 3 ô trong sổ tính (đỏ: lỗi, cam: lưu ý).",
    ]);
    expect(marksText({ marked: 500, notMarked: 29500 }, true, 500, vi)[1]).toBe(
      "Chỉ tô màu 500 ô đầu tiên (lỗi trước): 29.500 ô khác không được tô nhưng vẫn có trong danh sách."
    );
    expect(marksText({ marked: 2, notMarked: 0 }, false, 500, vi)[0]).toContain(
      "trong bảng xem bên dưới"
    );
    expect(marksText({ marked: 1, notMarked: 0 }, false, 500, en)[0]).toMatch(
      /^1 cell is coloured/
    );
    expect(marksText({ marked: 0, notMarked: 0 }, true, 500, vi)).toEqual([]);
  });

  test("every problem has its words, naming templates by their titles", () => {
    const titleOf = (id: string) => (id === "quarterly-activity" ? "Báo cáo quý" : id);
    const cases: [WorkbookProblem, string, boolean][] = [
      [{ kind: "noWorkbook" }, "Chưa có sổ tính để kiểm tra.", false],
      [{ kind: "notBaoCao" }, "Sổ tính này không được tạo từ mẫu của BáoCáo, nên", false],
      [
        { kind: "unknownTemplate", templateId: "bao-cao-tuan" },
        'mẫu "bao-cao-tuan" mà phiên bản BáoCáo này không có',
        false,
      ],
      [
        {
          kind: "incompatible",
          templateId: "quarterly-activity",
          version: "2.0.0",
          supported: "1.0.0",
        },
        'mẫu "Báo cáo quý" phiên bản 2.0.0, không tương thích với phiên bản 1.0.0',
        false,
      ],
      [
        { kind: "notBaoCao", file: "a.xlsx" },
        'Tệp "a.xlsx" không được tạo từ mẫu của BáoCáo',
        true,
      ],
      [
        { kind: "unknownTemplate", templateId: "x", file: "a.xlsx" },
        'Tệp "a.xlsx" dùng mẫu "x"',
        true,
      ],
      [
        {
          kind: "incompatible",
          templateId: "x",
          version: "2.0.0",
          supported: "1.0.0",
          file: "a.xlsx",
        },
        "không dùng làm kỳ trước được",
        true,
      ],
      [
        { kind: "editedDefinition", templateId: "mai-am", cell: "B40" },
        "(trang ẩn, ô B40) đã bị sửa tay",
        false,
      ],
      [
        { kind: "editedDefinition", templateId: "mai-am", cell: "B40", file: "a.xlsx" },
        "đã bị sửa tay nên không dùng làm kỳ trước được",
        true,
      ],
      [
        {
          kind: "otherTemplate",
          file: "a.xlsx",
          templateId: "annual-plan",
          expected: "quarterly-activity",
        },
        'Tệp kỳ trước "a.xlsx" dùng mẫu "annual-plan", khác mẫu "Báo cáo quý" của sổ tính',
        true,
      ],
    ];
    for (const [problem, text, previous] of cases) {
      expect(problemText(problem, vi, titleOf)).toContain(text);
      expect(problemText(problem, en, titleOf).length).toBeGreaterThan(20);
      expect({ problem, previous: isPreviousProblem(problem) }).toEqual({ problem, previous });
    }
  });
});
