// Loading a template checks its shape and its cross-references, and says where each problem is.
import { TemplateError } from "../../src/core/model/load";
import { loadTemplate } from "../../src/core/model/load-checked";
import type { TemplateInput } from "../../src/core/model/schema";
import { builtInTemplateFile } from "../../src/templates";
import { loadTemplateFile } from "../../src/core/model/template-file";

function base(): TemplateInput {
  return {
    id: "thu-nghiem",
    version: "1.0.0",
    title: "Mẫu thử",
    docType: "BC",
    periodKinds: ["year"],
    titlePattern: "Báo cáo {period}",
    sections: [
      {
        id: "ket_qua",
        number: "I",
        level: "roman",
        heading: "Kết quả",
        sheetName: "I. Kết quả",
        indicators: [
          { id: "don_nhan", label: "Đơn nhận", unit: "đơn", type: "integer" },
          {
            id: "don_giai_quyet",
            label: "Đơn đã giải quyết",
            unit: "đơn",
            type: "integer",
            partOf: "don_nhan",
          },
        ],
      },
    ],
  };
}

function errorsOf(t: unknown): string[] {
  try {
    loadTemplate(t);
  } catch (e) {
    if (e instanceof TemplateError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

describe("loading templates", () => {
  it("accepts a well-formed template and derives flat views", () => {
    const t = loadTemplate(base());
    expect(t.indicators.map((i) => [i.id, i.section, i.aggregation, i.perUnit])).toEqual([
      ["don_nhan", "ket_qua", "sum", false],
      ["don_giai_quyet", "ket_qua", "sum", false],
    ]);
    expect(t.sheetSections.map((s) => s.id)).toEqual(["ket_qua"]);
  });

  it("loads the built-in exemplar", () => {
    expect(() => loadTemplateFile(builtInTemplateFile("quarterly-activity"))).not.toThrow();
  });

  it("names the field of a shape error, with the ids along the path", () => {
    const t = base();
    (t.sections[0].indicators![1] as { type: string }).type = "so_nguyen";
    const errors = errorsOf(t);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^sections\[0\]\(ket_qua\)\.indicators\[1\]\(don_giai_quyet\)\.type: /
    );
  });

  it("rejects ids that cannot become Excel names", () => {
    const t = base();
    t.sections[0].indicators![0].id = "Đơn nhận";
    expect(errorsOf(t).join("\n")).toContain("mã phải là chữ thường không dấu");
  });

  it("reports relations that do not resolve, and duplicates", () => {
    const t = base();
    t.sections[0].indicators![1].partOf = "khong_co";
    t.sections[0].indicators!.push({ id: "don_nhan", label: "Trùng", type: "integer" });
    const errors = errorsOf(t).join("\n");
    expect(errors).toContain('partOf trỏ tới "khong_co" không tồn tại');
    expect(errors).toContain("indicators(don_nhan): mã chỉ số/chỉ tiêu bị trùng");
  });

  it("parses rules with the safe expression language and checks the ids they use", () => {
    const t = base();
    t.rules = [
      { id: "r1", assert: "don_giai_quyet <= don_nhan +", message: "x" },
      { id: "r2", assert: "don_giai_quyet <= so_khac", message: "y" },
      { id: "r3", assert: "constructor.name", message: "z" },
    ];
    const errors = errorsOf(t).join("\n");
    expect(errors).toContain("rules[0](r1): biểu thức lỗi: không mong đợi cuối biểu thức");
    expect(errors).toContain('rules(r2): biểu thức dùng "so_khac" không phải mã chỉ số');
    expect(errors).toContain('ký tự không được phép "."');
  });

  it("checks sheet names against Excel's rules and each other", () => {
    const t = base();
    t.sections[0].sheetName = "Kết quả: quý I/2024";
    expect(errorsOf(t).join("\n")).toContain("không được chứa");
    const u = base();
    u.sections.push({
      id: "khac",
      number: "II",
      level: "roman",
      heading: "Khác",
      sheetName: "i. kết quả",
    });
    expect(errorsOf(u).join("\n")).toContain("tên trang tính bị trùng");
    const v = base();
    v.sections[0].sheetName = "Đơn vị";
    expect(errorsOf(v).join("\n")).toContain("tên trang tính bị trùng");
  });

  it("requires a computed indicator to be a rate of two figures of the same table", () => {
    const t = base();
    t.sections[0].indicators!.push({
      id: "ty_le",
      label: "Tỷ lệ",
      type: "integer",
      computed: true,
    });
    expect(errorsOf(t).join("\n")).toContain(
      "chỉ số tính sẵn (computed) phải là tỷ lệ percent có ratioOf"
    );
  });

  it("needs units for per-unit tables and rows for fixed tables", () => {
    const t = base();
    t.sections[0].tables = [
      {
        id: "bang",
        title: "Bảng",
        sheetName: "Bảng",
        kind: "perUnit",
        columns: [{ id: "x", label: "X", type: "integer" }],
      },
      {
        id: "co_dinh",
        title: "Cố định",
        sheetName: "Cố định",
        kind: "fixed",
        columns: [{ id: "y", label: "Y", type: "integer" }],
      },
    ];
    const errors = errorsOf(t).join("\n");
    expect(errors).toContain("tables(bang): bảng theo đơn vị cần phần units của mẫu");
    expect(errors).toContain("tables(co_dinh): bảng dòng cố định cần có rows");
  });

  it("says which template failed in its message", () => {
    const t = base();
    t.version = "1.0";
    expect(() => loadTemplate(t)).toThrow(
      /Mẫu "thu-nghiem" không hợp lệ:\n {2}- version: phiên bản phải có dạng x\.y\.z/
    );
  });
});
