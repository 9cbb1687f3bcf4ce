// Consolidated sheets are named after their section ("ĐV 2. Chăm lo đời sống đoàn viên, CNVCLĐ"),
// shortened to Excel's 31 characters. Vietnamese writes a word's syllables apart, so a shortened
// name must end on a whole word ("đời sống"), never on half of one ("đoàn" of "đoàn viên").
import { builtInTemplates } from "../../../src/templates";
import { consolidatedTemplate, freshSheetName } from "../../../src/core/consolidate/template";
import { planWorkbook } from "../../../src/core/layout/planner";

/** Two-syllable words of the templates' headings that a cut must not split. */
const WORDS = [
  "đoàn viên",
  "tài chính",
  "tài sản",
  "đơn vị",
  "thiết thực",
  "công tác",
  "tổ chức",
  "ưu tú",
  "chất lượng",
  "tuyên truyền",
  "thực hiện",
  "kế hoạch",
  "giám sát",
  "lợi ích",
];

/** Headings of the templates' sections, as the consolidation names its units' sheets. */
const HEADINGS = [
  "ĐV 2. Chăm lo đời sống đoàn viên, CNVCLĐ",
  "ĐV 7. Công tác tài chính, tài sản công đoàn",
  "ĐV 8. Xây dựng cơ quan, đơn vị, doanh nghiệp đạt chuẩn văn hóa",
  "ĐV 3.4. Công tác nâng cao chất lượng hoạt động của tổ chức và đội ngũ cán bộ Công đoàn",
  "ĐV 1. Cụ thể hóa kế hoạch công tác dân vận, xây dựng mô hình “Dân vận khéo”",
  "ĐV 7. Giới thiệu đoàn viên ưu tú cho Đảng",
  "ĐV 4. Củng cố, xây dựng tổ chức công đoàn vững mạnh đáp ứng yêu cầu trong tình hình mới",
  "ĐV 1. Nâng cao hiệu quả thực hiện nhiệm vụ đại diện, bảo vệ quyền lợi hợp pháp",
  "ĐV 2. Chăm lo lợi ích thiết thực cho đoàn viên và người lao động",
  "ĐV 3. Đổi mới công tác tuyên truyền, vận động; nâng cao bản lĩnh chính trị",
  "ĐV 4. Xây dựng tổ chức công đoàn vững mạnh; tích cực tham gia xây dựng Đảng",
  "ĐV 6. Nâng cao chất lượng công tác nữ công, góp phần chăm lo",
  "ĐV 8. Ủng hộ Quỹ “Xã hội Công đoàn tỉnh”, hoạt động xã hội, từ thiện, nhân đạo",
];

const names = builtInTemplates().flatMap((t) =>
  planWorkbook(consolidatedTemplate(t)).sheets.map((s) => s.name)
);

describe("consolidated sheet names", () => {
  it("fit Excel's 31 characters and end on a whole word", () => {
    const units = names.filter((n) => n.startsWith("ĐV "));
    expect(units.length).toBeGreaterThan(20);
    for (const name of units) {
      expect({ name, fits: name.length <= 31 }).toEqual({ name, fits: true });
      // No name ends on a function word, an opening quote or a dangling comma.
      expect({ name, dangling: /(\s(và|của|cho|các|trong)|[“"(,;:])$/i.test(name) }).toEqual({
        name,
        dangling: false,
      });
      const quotes = [...name].filter((c) => c === "“").length;
      expect({ name, balanced: quotes === [...name].filter((c) => c === "”").length }).toEqual({
        name,
        balanced: true,
      });
    }
  });

  it("never ends on the first half of a two-syllable word", () => {
    for (const heading of HEADINGS) {
      const name = freshSheetName(heading, new Set());
      expect(heading.startsWith(name)).toBe(true);
      const last = name.split(" ").pop()!.toLowerCase();
      const next = heading
        .slice(name.length)
        .trim()
        .split(/[\s,;:]+/)[0]
        .toLowerCase();
      const split = WORDS.includes(`${last} ${next}`) ? `${last} ${next}` : null;
      expect({ heading, name, split }).toEqual({ heading, name, split: null });
    }
  });

  it("shortens the sections users see first as a person would", () => {
    expect(names).toEqual(
      expect.arrayContaining([
        "ĐV 2. Chăm lo đời sống",
        "ĐV 7. Công tác tài chính",
        "ĐV 8. Xây dựng cơ quan, đơn vị",
        "ĐV 7. Giới thiệu đoàn viên",
        "ĐV 1. Cụ thể hóa kế hoạch",
        "ĐV 6. Chương trình",
      ])
    );
  });

  it("keeps the suffix of a repeated name whole and the name short", () => {
    const taken = new Set<string>();
    const wanted = "ĐV 2. Chăm lo lợi ích thiết thực cho đoàn viên";
    expect(freshSheetName(wanted, taken)).toBe("ĐV 2. Chăm lo lợi ích");
    expect(freshSheetName(wanted, taken)).toBe("ĐV 2. Chăm lo lợi ích (2)");
    expect(freshSheetName("Ngắn", taken)).toBe("Ngắn");
    // A single word longer than a sheet name can hold is cut, and says so.
    const long = freshSheetName(`ĐV ${"A".repeat(40)}`, taken);
    expect(long).toHaveLength(31);
    expect(long.endsWith("…")).toBe(true);
  });
});
