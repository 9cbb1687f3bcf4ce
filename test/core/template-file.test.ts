// Template files: what `baocao templates --json` prints loads back into the same template, and a
// wrong file is refused with every problem at its JSON path, in Vietnamese, with what to write.
import * as fs from "node:fs";
import * as path from "node:path";
import { builtInTemplates } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { templateContract } from "../../src/core/model/contract";
import { TemplateError } from "../../src/core/model/load";
import { formatSectionNumber } from "../../src/core/model/numbering";
import {
  loadTemplateFile,
  templateToFile,
  type TemplateFileInput,
} from "../../src/core/model/template-file";
import { planWorkbook } from "../../src/core/layout/planner";
import { readWorkbook } from "../../src/core/data/read";
import { planToSnapshot } from "../support/plan-snapshot";

const fixture = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const handWritten = (): TemplateFileInput =>
  JSON.parse(fs.readFileSync(fixture, "utf8")) as TemplateFileInput;

/** The template's own structure, with section numbers as printed ("I" and "I." are one number). */
function structure(t: ReturnType<typeof loadTemplateFile>): unknown {
  const text = JSON.stringify(t, (key, value: unknown) => {
    if (value && typeof value === "object" && "level" in value && "number" in value) {
      const s = value as { number: string; level: Parameters<typeof formatSectionNumber>[1] };
      return { ...s, number: formatSectionNumber(s.number, s.level) };
    }
    return value;
  });
  return JSON.parse(text) as unknown;
}

describe("template files: print → load → print", () => {
  it.each(builtInTemplates().map((t) => [t.id, t] as const))(
    "%s is a fixed point, and loads into the built-in template (same workbook, same reading)",
    (_id, builtIn) => {
      const printed = templateToFile(builtIn);
      const loaded = loadTemplateFile(printed);
      expect(templateToFile(loaded)).toEqual(printed);
      expect(structure(loaded)).toEqual(structure(builtIn));
      // What new/fill write from it is what they write from the built-in.
      const sample = loadSample(builtIn.id);
      const written = planToSnapshot(planWorkbook(builtIn, sample));
      expect(planToSnapshot(planWorkbook(loaded, sample))).toEqual(written);
      // And dump reads a built-in workbook the same through the file's template.
      expect(readWorkbook(loaded, written)).toEqual(readWorkbook(builtIn, written));
    }
  );

  it("accepts the printed JSON exactly as `templates --json` prints it", () => {
    const [first] = builtInTemplates();
    const printed = JSON.parse(JSON.stringify([templateContract(first)])) as unknown[];
    expect(loadTemplateFile(printed[0]).id).toBe(first.id);
  });

  it("loads a hand-written file where derived fields are left out", () => {
    const t = loadTemplateFile(handWritten());
    expect(t.indicators.map((i) => [i.id, i.perUnit, i.partOf])).toEqual([
      ["ma_de_nghi", true, null],
      ["ma_da_ho_tro", true, "ma_de_nghi"],
      ["ma_tien", true, null],
    ]);
    const printed = templateToFile(t);
    expect(templateToFile(loadTemplateFile(printed))).toEqual(printed);
  });
});

type Edit = (f: TemplateFileInput & Record<string, unknown>) => void;
const MISTAKES: [string, Edit, string, RegExp][] = [
  [
    "an unknown section",
    (f) => (f.indicators![2].section = "ket_qua_khac"),
    "indicators[2](ma_tien).section",
    /không có mục "ket_qua_khac"; viết mã một mục trong "sections": "ket_qua"/,
  ],
  [
    "a parent section that does not exist",
    (f) => (f.sections[0].parent = "phan_mot"),
    "sections[0](ket_qua).parent",
    /không có mục "phan_mot".*hoặc null/,
  ],
  [
    "partOf to a missing indicator",
    (f) => (f.indicators![1].partOf = "ma_khong_co"),
    "indicators[1](ma_da_ho_tro).partOf",
    /không tồn tại; viết mã một chỉ số kiểu số/,
  ],
  [
    "partOf to a non-numeric indicator",
    (f) => {
      f.indicators!.push({
        id: "ma_ghi_chu",
        label: "Ghi chú",
        type: "text",
        section: "ket_qua",
        table: "mai_am",
      });
      f.indicators![1].partOf = "ma_ghi_chu";
    },
    "indicators[1](ma_da_ho_tro).partOf",
    /không phải số \(kiểu text\); trỏ vào một chỉ số kiểu integer/,
  ],
  [
    "a partOf cycle",
    (f) => (f.indicators![0].partOf = "ma_da_ho_tro"),
    "indicators[0](ma_de_nghi).partOf",
    /vòng ma_de_nghi → ma_da_ho_tro → ma_de_nghi.*bỏ partOf/,
  ],
  [
    "a cycle of parent sections",
    (f) => {
      f.sections.push(
        { id: "muc_a", number: "1", level: "arabic", heading: "A", parent: "muc_b" },
        { id: "muc_b", number: "2", level: "arabic", heading: "B", parent: "muc_a" }
      );
    },
    "sections[1](muc_a).parent",
    /vòng.*parent là null hoặc một mục ngoài vòng/,
  ],
  [
    "a duplicate indicator id",
    (f) => (f.indicators![2].id = "ma_de_nghi"),
    "indicators[2](ma_de_nghi).id",
    /đã dùng ở indicators\[0\]; đặt một mã khác/,
  ],
  [
    "a target with an indicator's id",
    (f) => (f.targets![0].id = "ma_tien"),
    "indicators[2](ma_tien)",
    /bị trùng.*đổi một trong hai mã/,
  ],
  [
    "a rule that does not parse",
    (f) => (f.rules![0].assert = "ma_tien >"),
    "rules[0](co_nha_co_tien)",
    /biểu thức lỗi: .*; viết biểu thức bằng mã chỉ số/,
  ],
  [
    "a rule naming an unknown indicator",
    (f) => (f.rules![0].assert = "ma_tien_ho_tro > 0"),
    "rules[0](co_nha_co_tien)",
    /"ma_tien_ho_tro" không phải mã chỉ số; dùng mã một chỉ số/,
  ],
  [
    "a sheet name longer than Excel allows",
    (f) => (f.tables![0].sheet = "Bảng kết quả hỗ trợ nhà Mái ấm Công đoàn"),
    "tables[0](mai_am).sheet",
    /tối đa 31 ký tự.*rút ngắn/,
  ],
  [
    "a sheet name with characters Excel refuses",
    (f) => (f.sections[0].sheet = "Kết quả 2024/2025"),
    "sections[0](ket_qua).sheet",
    /không được chứa \[ \] : \* \? \/ \\.*thay bằng dấu -/,
  ],
  [
    "a sheet name used twice",
    (f) => (f.tables![0].sheet = "i. kết quả"),
    "tables[0](mai_am).sheet",
    /tên trang tính bị trùng/,
  ],
  [
    "a computed percent without its counts",
    (f) =>
      f.indicators!.push({
        id: "ma_ty_le",
        label: "Tỷ lệ đã hỗ trợ",
        type: "percent",
        computed: true,
        section: "ket_qua",
        table: "mai_am",
      }),
    "indicators[3](ma_ty_le).computed",
    /thêm "ratioOf": \{"part"/,
  ],
  [
    "a percent whose whole does not exist",
    (f) =>
      f.indicators!.push({
        id: "ma_ty_le",
        label: "Tỷ lệ đã hỗ trợ",
        type: "percent",
        computed: true,
        ratioOf: { part: "ma_da_ho_tro", whole: "ma_tong" },
        section: "ket_qua",
        table: "mai_am",
      }),
    "indicators[3](ma_ty_le).ratioOf.whole",
    /"ma_tong" không tồn tại/,
  ],
  [
    "an indicator in a table that does not exist",
    (f) => (f.indicators![2].table = "bang_tien"),
    "indicators[2](ma_tien).table",
    /không có bảng "bang_tien"; viết mã một bảng trong "tables" \("mai_am"\)/,
  ],
  ["a per-unit table without units", (f) => delete f.units, "tables[0](mai_am)", /cần phần units/],
  [
    "a wrong definedName",
    (f) => (f.indicators![0].definedName = "BC_de_nghi"),
    "indicators[0](ma_de_nghi).definedName",
    /là "BC_ma_de_nghi".*sửa hoặc bỏ definedName/,
  ],
  [
    "a wrong perUnit",
    (f) => (f.indicators![0].perUnit = false),
    "indicators[0](ma_de_nghi).perUnit",
    /perUnit là true/,
  ],
  [
    "a misspelt field",
    (f) => ((f.indicators![0] as Record<string, unknown>).lable = "x"),
    "indicators[0](ma_de_nghi)",
    /"lable"; xoá khóa này hoặc sửa lỗi chính tả/,
  ],
  [
    "an unknown type",
    (f) => ((f.indicators![0] as Record<string, unknown>).type = "so_nguyen"),
    "indicators[0](ma_de_nghi).type",
    /mong đợi một trong các giá trị "integer"/,
  ],
];

describe("template files: located, Vietnamese errors", () => {
  it.each(MISTAKES)("%s", (_what, edit, where, message) => {
    const file = handWritten() as TemplateFileInput & Record<string, unknown>;
    edit(file);
    let error: unknown;
    try {
      loadTemplateFile(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    const issues = (error as TemplateError).issues;
    expect(issues).toContainEqual({ path: where, message: expect.stringMatching(message) });
  });

  it("covers at least twelve mistakes", () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(12);
  });
});
