// Authoring mistakes in the Excel workbook, each reported at its sheet, row and column, saying
// what to write instead. The workbook is the one `template export` writes for a built-in template,
// with one mistake made in it as an author would make it.
import { authoringBook, buildTemplateFile, type AuthoringSheet } from "../../src/core/authoring";
import { findTemplate } from "../../src/templates";
import type { ReadCell } from "../../src/core/authoring/cells";

type Book = AuthoringSheet[];

function fresh(): Book {
  // A deep copy: each case edits its own workbook.
  return authoringBook(findTemplate("quarterly-activity")!).sheets.map((s) => ({
    name: s.name,
    cells: s.cells.map((r) => [...r]),
  }));
}

const sheet = (b: Book, name: string) => b.find((s) => s.name === name)!;
const letter = (c: number) => String.fromCharCode(65 + c);
function col(b: Book, name: string, header: string): number {
  const c = sheet(b, name).cells[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} on ${name}`);
  return c;
}
/** The 1-based row whose column `header` (default: the first) holds `value`. */
function row(b: Book, name: string, value: string, header?: string): number {
  const c = header ? col(b, name, header) : 0;
  const r = sheet(b, name).cells.findIndex((x, i) => i >= 2 && x[c] === value);
  if (r < 0) throw new Error(`no row ${value} on ${name}`);
  return r + 1;
}
/** Sets the cell of the row holding `id` under `header`; returns its address. */
function put(
  b: Book,
  name: string,
  id: string,
  header: string,
  value: ReadCell,
  idHeader?: string
) {
  const r = row(b, name, id, idHeader);
  const c = col(b, name, header);
  sheet(b, name).cells[r - 1][c] = value;
  return `${name}!${letter(c)}${r}`;
}
/** Sets a value on the settings sheet (column B of the row named `field`). */
function setting(b: Book, field: string, value: ReadCell) {
  const r = row(b, "Thông tin chung", field);
  sheet(b, "Thông tin chung").cells[r - 1][1] = value;
  return `Thông tin chung!B${r}`;
}

type Case = [name: string, make: (b: Book) => string, says: RegExp];

const CASES: Case[] = [
  [
    "an unknown section",
    (b) => put(b, "Chỉ số", "tt_so_buoi", "Mã mục", "tuyen_truyen_moi"),
    /không có mục "tuyen_truyen_moi"; viết mã một mục trong trang “Mục”/,
  ],
  [
    "partOf to a missing indicator",
    (b) => put(b, "Chỉ số", "dv_cap_nhat_phan_mem", "Là phần của", "dv_tong"),
    /“Là phần của” trỏ tới "dv_tong" không tồn tại; viết mã một chỉ số kiểu số đã khai báo/,
  ],
  [
    "partOf to a non-numeric indicator",
    (b) => {
      put(b, "Chỉ số", "tt_so_buoi", "Kiểu", "chữ");
      put(b, "Chỉ số", "tt_so_buoi", "Đơn vị tính", null);
      return put(b, "Chỉ số", "tt_luot_tham_gia", "Là phần của", "tt_so_buoi");
    },
    /không phải số \(kiểu “chữ”\); trỏ vào một chỉ số kiểu “số nguyên”/,
  ],
  [
    "a partOf cycle",
    (b) => {
      put(b, "Chỉ số", "tt_luot_tham_gia", "Là phần của", "tt_so_buoi");
      // Reported once, at the first member of the cycle.
      return put(b, "Chỉ số", "tt_so_buoi", "Là phần của", "tt_luot_tham_gia");
    },
    /vòng tt_so_buoi → tt_luot_tham_gia → tt_so_buoi.*; bỏ “Là phần của” ở một chỉ số trong vòng/,
  ],
  [
    "a section parent cycle",
    (b) => {
      put(b, "Mục", "tuyen_truyen", "Mục cha", "cham_lo");
      return put(b, "Mục", "cham_lo", "Mục cha", "tuyen_truyen");
    },
    /vòng.*phải có “Mục cha” để trống hoặc một mục ngoài vòng/,
  ],
  [
    "a duplicate id",
    (b) => put(b, "Chỉ số", "tt_luot_tham_gia", "Mã chỉ số", "tt_so_buoi"),
    /mã "tt_so_buoi" đã dùng ở Chỉ số!A3; đặt một mã khác chưa dùng/,
  ],
  [
    "a rule that does not parse",
    (b) => put(b, "Quy tắc", "qua_tet_co_nguoi", "Phải đúng", "qua_tet_ldld_nguoi >"),
    /biểu thức lỗi.*; viết biểu thức bằng mã chỉ số/,
  ],
  [
    "a sheet name longer than Excel takes",
    (b) =>
      put(b, "Mục", "ket_qua", "Tên trang tính", "I. Kết quả thực hiện nhiệm vụ trọng tâm quý"),
    /tối đa 31 ký tự.*rút ngắn tên/,
  ],
  [
    "a sheet name with a character Excel refuses",
    (b) => put(b, "Mục", "han_che", "Tên trang tính", "II. Hạn chế/tồn tại"),
    /không được chứa.*thay bằng dấu -/,
  ],
  [
    "a computed percent without its counts",
    (b) => {
      put(b, "Chỉ số", "ty_le_don_thu", "Tỷ lệ: tử số", null);
      put(b, "Chỉ số", "ty_le_don_thu", "Tỷ lệ: mẫu số", null);
      // Reported where the author said it is computed.
      return put(b, "Chỉ số", "ty_le_don_thu", "Tự tính", "có");
    },
    /thêm “Tỷ lệ: tử số” và “Tỷ lệ: mẫu số” \(mã hai chỉ số đếm\), hoặc bỏ “Tự tính”/,
  ],
  [
    "a type typed by hand that is not in the dropdown",
    (b) => put(b, "Chỉ số", "tt_tin_bai", "Kiểu", "số nguyen"),
    /“số nguyen” không có trong danh sách Kiểu; chọn một trong: “số nguyên”/,
  ],
  [
    "a target on a missing indicator",
    (b) => put(b, "Chỉ tiêu", "tg_dv_ket_nap", "So với chỉ số", "dv_ket_nap_moi"),
    /không có chỉ số "dv_ket_nap_moi"; ghi mã một chỉ số ở trang “Chỉ số”/,
  ],
  [
    "a required cell left blank",
    (b) => put(b, "Chỉ số", "tt_tin_bai", "Tên chỉ số", null),
    /ô này bắt buộc, đang để trống; ghi tên hiện bên ô nhập/,
  ],
  [
    "a word in a number column",
    (b) => put(b, "Chỉ tiêu", "tg_dv_ket_nap", "Giá trị", "hai mươi"),
    /“hai mươi” không phải là số; ghi một số/,
  ],
  [
    "a sentence naming a missing indicator",
    (b) =>
      put(b, "Câu văn", "buoi", "Câu văn", "Tổ chức {tt_so_buoi_x} buổi tuyên truyền", "Mã câu"),
    /không có chỉ số hay chỉ tiêu mã "tt_so_buoi_x".*; số liệu viết bằng mã chỉ số trong \{…\}/,
  ],
  [
    "a sentence of a section that does not exist",
    (b) => put(b, "Câu văn", "luot", "Mã mục", "tuyen_truyen_2", "Mã câu"),
    /không có mục “tuyen_truyen_2”; ghi mã một mục ở trang “Mục”/,
  ],
  [
    "an id with capitals and accents",
    (b) => put(b, "Chỉ số", "tt_tin_bai", "Mã chỉ số", "Tin_bài"),
    /mã phải là chữ thường không dấu/,
  ],
  [
    "a version that is not x.y.z",
    (b) => setting(b, "Phiên bản", "1.0"),
    /phiên bản phải có dạng x\.y\.z/,
  ],
  [
    "a yes/no column with another word",
    (b) => put(b, "Chỉ số", "tt_tin_bai", "Bắt buộc", "đúng"),
    /“đúng” không phải có\/không; chọn “có” hoặc “không”/,
  ],
  [
    "a period kind that is not in the list",
    (b) => setting(b, "Kỳ báo cáo", "quý, tháng"),
    /“tháng” không có trong danh sách Kỳ báo cáo; ghi các giá trị cách nhau dấu phẩy/,
  ],
  [
    "a whole number out of bounds",
    (b) => put(b, "Bảng", "khen_thuong", "Số dòng tối đa", 900),
    /500.*; cho bảng danh sách \(1–500\)/,
  ],
  [
    "a fixed table whose rows were deleted",
    (b) => {
      const rows = sheet(b, "Dòng bảng");
      rows.cells = rows.cells.slice(0, 2);
      return `Bảng!${letter(col(b, "Bảng", "Loại bảng"))}${row(b, "Bảng", "khen_thuong")}`;
    },
    /bảng dòng cố định cần có dòng: ghi các dòng của bảng ở trang “Dòng bảng”/,
  ],
  [
    "a row of a table that does not exist",
    (b) => {
      const rows = sheet(b, "Dòng bảng");
      rows.cells[2][0] = "khen_thuong_2";
      return "Dòng bảng!A3";
    },
    /không có bảng “khen_thuong_2”; ghi mã một bảng ở trang “Bảng”/,
  ],
  [
    "a version change without its kind",
    (b) => {
      const history = sheet(b, "Lịch sử phiên bản");
      history.cells.push(["1.0.0", "Bản đầu", null, "tt_tin_bai"]);
      return `Lịch sử phiên bản!C${history.cells.length}`;
    },
    /chưa chọn loại thay đổi; chọn một trong: “thêm”, “bỏ”, “đổi mã”, “tách”, “chuyển chỗ”/,
  ],
  [
    "a split into one indicator",
    (b) => {
      const history = sheet(b, "Lịch sử phiên bản");
      history.cells.push(["1.0.0", "Bản đầu", "tách", "tt_tin_bai", "tt_tin"]);
      return `Lịch sử phiên bản!E${history.cells.length}`;
    },
    />=2.*; .*tách: các mã mới cách nhau dấu phẩy/,
  ],
  [
    "the sections sheet deleted",
    (b) => {
      b.splice(b.indexOf(sheet(b, "Mục")), 1);
      return "Mục!A1";
    },
    /thiếu trang “Mục”; thêm lại trang này/,
  ],
  [
    "every section row deleted",
    (b) => {
      const s = sheet(b, "Mục");
      s.cells = s.cells.slice(0, 2);
      return "Mục!A3";
    },
    /chưa có mục nào; ghi mỗi mục một dòng từ dòng 3/,
  ],
  [
    "a header column renamed",
    (b) => {
      const c = col(b, "Chỉ số", "Kiểu");
      sheet(b, "Chỉ số").cells[0][c] = "Loại";
      return `Chỉ số!${letter(sheet(b, "Chỉ số").cells[0].length)}1`;
    },
    /thiếu cột “Kiểu”; thêm cột có tiêu đề đúng “Kiểu” ở dòng 1/,
  ],
];

describe("authoring mistakes are reported at their cell, with what to write", () => {
  it("the unedited workbook builds", () => {
    expect(buildTemplateFile(fresh()).ok).toBe(true);
  });
  it("a deleted guidance row loses no item", () => {
    const b = fresh();
    for (const s of b) if (s.name !== "Danh sách") s.cells.splice(1, 1);
    const built = buildTemplateFile(b);
    if (!built.ok) throw new Error(built.problems.map((p) => `${p.cell}: ${p.message}`).join("\n"));
    expect(built.template.indicators.length).toBe(
      findTemplate("quarterly-activity")!.indicators.length
    );
    expect(built.template.allSections[0].id).toBe("ket_qua");
  });
  it.each(CASES)("%s", (_name, make, says) => {
    const b = fresh();
    const cell = make(b);
    const result = buildTemplateFile(b);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const here = result.problems.filter((p) => p.cell === cell || p.cell.startsWith(cell + "?"));
    if (here.length === 0)
      throw new Error(
        `nothing at ${cell}; got:\n` +
          result.problems.map((p) => `${p.cell}: ${p.message}`).join("\n")
      );
    expect(here.map((p) => p.message).join("\n")).toMatch(says);
    // Sheet, row and column agree with the address.
    const p = here[0];
    expect(p.cell).toBe(`${p.sheet}!${p.column}${p.row}`);
  });
});
