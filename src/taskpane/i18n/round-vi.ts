// Vietnamese text of "Tạo kỳ sau" and "Tải dữ liệu phẳng" (vi.round), on the "Mẫu báo cáo" tab.
// Wording follows `baocao next` and `baocao dump --format csv|xlsx`; round-en.ts is typed against it.
const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("vi-VN");

export const roundVi = {
  heading: "Kỳ sau và dữ liệu phẳng",
  next: {
    title: "Tạo kỳ sau",
    intro:
      "Tạo sổ tính của kỳ tiếp theo từ sổ đang mở, cùng mẫu và phiên bản: giữ đầu văn bản (cơ quan ban hành, người ký, nơi nhận), danh sách đơn vị và chỉ tiêu; để trống số văn bản, ngày, số liệu và nội dung. Nhiệm vụ kỳ này đề ra được ghi làm gợi ý ở trang mục kết quả.",
    hosted: "Sổ kỳ sau mở thành một sổ tính mới; sổ đang mở không bị sửa.",
    preview: "Sổ kỳ sau được tải xuống thành tệp .xlsx; sổ đang xem không đổi.",
    lastYear: "Sổ cùng kỳ năm trước (không bắt buộc)",
    lastYearHint:
      'Chọn sổ tính của cùng kỳ năm trước (ví dụ quý II năm trước cho quý II năm nay) để điền cột "Cùng kỳ năm trước".',
    choose: "Chọn tệp…",
    chooseLabel: "Chọn sổ tính .xlsx của cùng kỳ năm trước",
    remove: "Bỏ",
    removeLabel: (file: string) => `Bỏ tệp năm trước ${quote(file)}`,
    make: "Tạo kỳ sau",
    making: "Đang tạo kỳ sau…",
    opened: (period: string) =>
      `Đã mở sổ ${period} thành sổ tính mới trong Excel. Lưu sổ đó với tên mới.`,
    downloaded: (period: string, file: string) => `Đã tạo sổ ${period}: tệp ${quote(file)}.`,
    baselines: (n: number) => `Cột "Cùng kỳ năm trước": ${num(n)} số liệu lấy từ sổ năm trước.`,
    tasks: "Nhiệm vụ kỳ này đề ra được ghi làm gợi ý ở đầu trang mục kết quả.",
    toFill: "Còn phải điền: số văn bản, ngày ban hành, số liệu và nội dung của kỳ mới.",
    downloadAgain: "Tải xuống lại",
    refusedTitle: "Không tạo được kỳ sau",
  },
  flat: {
    title: "Tải dữ liệu phẳng",
    intro:
      'Mỗi số liệu một dòng (unit, parent, period, indicator, label, measure, value) để làm PivotTable hoặc Power Query. Sổ tổng hợp cho số của từng đơn vị và dòng "Tổng cộng". CSV dùng mã UTF-8 có BOM, Excel mở đúng tiếng Việt.',
    csv: "Tải CSV",
    xlsx: "Tải XLSX",
    working: "Đang chuẩn bị dữ liệu…",
    done: (n: number, file: string) => `Đã tải ${quote(file)}: ${num(n)} dòng số liệu.`,
    empty: "Sổ tính chưa có số liệu nào để tải.",
  },
  problemTitle: "Không dùng được sổ tính này",
  noWorkbook:
    'Chưa có sổ tính. Tạo sổ tính từ một mẫu ở trên, hoặc mở một tệp .xlsx ở phần "Sổ tính xem trước".',
  notBaoCao:
    "Sổ tính này không được tạo từ mẫu của BáoCáo, nên không biết số liệu nằm ở ô nào. Tạo sổ từ một mẫu ở trên.",
  errorTitle: "Không làm được việc vừa chọn",
};

export type RoundMessages = typeof roundVi;
