// Vietnamese text of the "Tổng hợp" tab (vi.consolidate). Kept in its own file so the tab's
// wording is in one place; consolidate-en.ts is typed against it. Wording follows the CLI
// (`baocao consolidate`) and the "Nguồn tổng hợp" sheet, so the user reads the same words in both.
const quote = (s: string) => `"${s}"`;
const num = (n: number) => n.toLocaleString("vi-VN");

export const consolidateVi = {
  heading: "Tổng hợp báo cáo của các đơn vị",
  introHosted:
    'Chọn sổ tính .xlsx của các đơn vị (cùng mẫu, cùng kỳ). BáoCáo kiểm tra từng tệp, chuyển sổ của phiên bản mẫu cũ sang phiên bản đang dùng, loại tệp khác mẫu, khác kỳ, trùng đơn vị hoặc có lỗi, rồi chèn bản tổng hợp vào sổ tính đang mở: mỗi đơn vị một dòng, dòng tổng, tỷ lệ và trang "Nguồn tổng hợp".',
  introPreview:
    'Chọn sổ tính .xlsx của các đơn vị (cùng mẫu, cùng kỳ). BáoCáo kiểm tra từng tệp, chuyển sổ của phiên bản mẫu cũ sang phiên bản đang dùng, loại tệp khác mẫu, khác kỳ, trùng đơn vị hoặc có lỗi, rồi tạo sổ tổng hợp để xem ở dưới và tải xuống: mỗi đơn vị một dòng, dòng tổng, tỷ lệ và trang "Nguồn tổng hợp".',
  files: {
    label: "Tệp của các đơn vị",
    drop: "Kéo thả các tệp .xlsx vào đây hoặc",
    choose: "Chọn tệp…",
    chooseLabel: "Chọn sổ tính .xlsx của các đơn vị (chọn được nhiều tệp)",
    dropLabel: "Vùng thả tệp của các đơn vị",
    count: (n: number) => (n === 0 ? "Chưa chọn tệp nào." : `Đã chọn ${num(n)} tệp.`),
    listLabel: "Các tệp đã chọn",
    size: (kb: string) => `${kb} KB`,
    remove: "Bỏ tệp",
    removeLabel: (name: string) => `Bỏ tệp ${quote(name)} khỏi danh sách`,
    clear: "Bỏ hết",
    notXlsx: (names: string) =>
      `Không thêm ${names}: không phải sổ tính .xlsx. Mở tệp bằng Excel, lưu dưới dạng "Sổ làm việc Excel (.xlsx)" rồi chọn lại.`,
    lockFiles: (names: string) =>
      `Bỏ qua ${names}: đó là tệp tạm Excel tạo khi một sổ tính đang mở, không phải sổ của đơn vị.`,
    repeated: (n: number) => `${num(n)} tệp đã có trong danh sách nên không thêm lần nữa.`,
  },
  options: {
    heading: "Tuỳ chọn",
    template: "Mẫu báo cáo",
    templateAuto: "Tự động: mẫu mà nhiều tệp dùng nhất",
    period: "Kỳ báo cáo",
    periodHint: "Để trống: kỳ mà nhiều tệp ghi nhất. Hoặc ghi mã kỳ, ví dụ 2023-H1, 2024-Q1, 2024.",
    periodPlaceholder: "Tự động",
    periodRead: (label: string) => `Tổng hợp ${label}.`,
    insist: "Vẫn dùng tệp có lỗi",
    insistHint:
      'Tệp có lỗi khi kiểm tra vẫn được tổng hợp, ghi "Dùng dù có lỗi" kèm các lỗi trên trang "Nguồn tổng hợp".',
    units: "Đơn vị phải nộp",
    unitsHint: "Mỗi dòng một đơn vị, để biết đơn vị nào chưa nộp.",
    unitsHintAuto: "Để trống: dùng danh sách đơn vị của mẫu, nếu mẫu có.",
    unitsCount: (n: number) => `${num(n)} đơn vị.`,
    unitsFromTemplate: "Lấy danh sách của mẫu",
    issuer: "Đơn vị tổng hợp",
    issuerHint:
      "Cơ quan ban hành bản tổng hợp, viết hoa như trên văn bản, ví dụ: CỤM THI ĐUA CÁC TỈNH BIÊN GIỚI PHÍA BẮC. Có thể để trống và điền sau trong sổ tính.",
    deadline: "Hạn nộp",
    deadlineHint:
      "Để xét từng đơn vị nộp đúng hạn, muộn bao nhiêu ngày hay chưa nộp (theo ngày ghi trên báo cáo). Để trống: theo quy định của mẫu, nếu có.",
  },
  problems: {
    title: "Hãy sửa trước khi tổng hợp",
    noFiles: 'Chưa chọn tệp nào: kéo thả hoặc bấm "Chọn tệp…" để thêm sổ tính của các đơn vị.',
    period: (text: string) =>
      `Ô "Kỳ báo cáo": ${quote(text)} không phải mã kỳ (ví dụ: 2024-Q1, 2024-H1, 2024-M9, 2024, 2021-2024). Sửa lại hoặc để trống.`,
    periodKind: (text: string, template: string, allowed: string) =>
      `Ô "Kỳ báo cáo": mẫu ${quote(template)} không lập cho kỳ ${quote(text)}. Kỳ của mẫu: ${allowed}.`,
    units: 'Ô "Đơn vị phải nộp" có dòng cần sửa (xem thông báo dưới ô).',
    deadline: (text: string) =>
      `Ô "Hạn nộp": ${quote(text)} không phải ngày. Chọn ngày trong lịch hoặc để trống.`,
  },
  run: "Tổng hợp",
  stop: "Dừng",
  stopLabel: "Dừng tổng hợp; chưa ghi gì",
  progress: {
    label: "Tiến độ tổng hợp",
    reading: (index: number, total: number, file: string) =>
      `Đang đọc ${num(index)}/${num(total)}: ${file}`,
    writingHosted: "Đang ghi bản tổng hợp vào sổ tính…",
    writingPreview: "Đang tạo sổ tổng hợp…",
    starting: "Đang chuẩn bị đọc tệp…",
  },
  cancelledHosted: "Đã dừng: chưa ghi gì vào sổ tính.",
  cancelledPreview: "Đã dừng: chưa tạo sổ tổng hợp; sổ đang xem giữ nguyên.",
  notReplaced: "Đã hủy: sổ tính giữ nguyên, bản tổng hợp chưa được chèn.",
  nothingTitle: "Không có tệp nào dùng được: không ghi gì",
  errorTitle: "Không tổng hợp được",
  result: {
    titleHosted: "Đã chèn bản tổng hợp vào sổ tính",
    titlePreview: "Đã tạo sổ tổng hợp",
    titleNewWorkbook: "Đã mở bản tổng hợp trong một sổ tính mới",
    newWorkbookNote:
      "Sổ mới chưa được lưu: lưu nó (Ctrl+S) với tên bạn chọn. Sổ tính đang mở ở đây không thay đổi.",
    summary: (total: number, used: number, leftOut: number) =>
      `Đã đọc ${num(total)} tệp: dùng ${num(used)}, loại ${num(leftOut)}.`,
    forced: (n: number) => `${num(n)} tệp có lỗi vẫn được dùng theo yêu cầu.`,
    superseded: (n: number) =>
      `${num(n)} tệp được thay bằng tệp mới hơn của cùng đơn vị (hoặc là bản trùng); không mất số liệu.`,
    template: (title: string, period: string) => `Mẫu ${quote(title)}, ${period}.`,
    /** Where in the pane the user makes the choice the consolidation stopped at. */
    stopHints: {
      templateTie: "Chọn mẫu cần tổng hợp ở ô “Mẫu báo cáo” phía trên rồi tổng hợp lại.",
      periodTie: "Ghi kỳ cần tổng hợp ở ô “Kỳ báo cáo” phía trên rồi tổng hợp lại.",
      unknownTemplate: "Thêm mẫu này vào thư viện mẫu (Mẫu của đơn vị) hoặc chọn mẫu khác.",
    },
    file: (name: string) => `Tệp tải xuống: ${name}.`,
    download: "Tải xuống sổ tổng hợp",
    openTargets: "Xem chỉ tiêu của bản tổng hợp",
    messages: "Lưu ý khi tổng hợp",
  },
  completeness: {
    heading: "Tình hình nộp báo cáo",
    summary: (expected: number, received: number) =>
      `Phải nộp ${num(expected)} đơn vị, đã nhận ${num(received)}/${num(expected)}.`,
    missing: (n: number) => `Chưa nộp (${num(n)}):`,
    allIn: "Tất cả đơn vị phải nộp đã nộp.",
    noList: (n: number) =>
      `Đã nhận số liệu của ${num(n)} đơn vị; không có danh sách đơn vị phải nộp nên không xác định được đơn vị chưa nộp.`,
    extra: (n: number) => `Nộp ngoài danh sách (${num(n)}):`,
    onTime: (on: number, total: number, deadline: string) =>
      `${num(on)}/${num(total)} đơn vị báo cáo đúng hạn (hạn nộp ${deadline}).`,
    timelinessLabel: "Đúng hạn từng đơn vị",
    state: {
      onTime: "Đúng hạn",
      late: (days: number) => `Muộn ${num(days)} ngày`,
      missing: "Chưa nộp",
      undated: "Không rõ ngày",
    },
    reportDate: (date: string) => `ngày ${date}`,
  },
  sources: {
    heading: "Các tệp đã đọc",
    status: {
      used: "Đã dùng",
      leftOut: "Bị loại",
      forced: "Dùng dù có lỗi",
      superseded: "Đã thay bằng tệp khác",
      duplicate: "Bản trùng",
    },
    unit: (unit: string) => `Đơn vị: ${unit}`,
    noUnit: "Chưa rõ đơn vị",
    counts: (errors: number, warnings: number) => `${num(errors)} lỗi, ${num(warnings)} lưu ý`,
    languageNote: 'Lý do ghi như trên trang "Nguồn tổng hợp".',
    review: { received: "Đã nhận", needsFix: "Cần sửa", approved: "Đã duyệt" },
    approvedAt: (time: string) => `Duyệt lúc ${time}`,
    replacedBy: (file: string) => `Thay bằng ${quote(file)}`,
    prefer: "Dùng tệp này",
    preferLabel: (file: string) =>
      `Dùng tệp ${quote(file)} cho đơn vị của nó thay cho tệp mới hơn; tổng hợp lại`,
    approve: "Duyệt",
    approveLabel: (file: string) => `Duyệt tệp ${quote(file)}; tổng hợp lại để ghi thời điểm duyệt`,
    returnNote: "Trả lại",
    returnLabel: (file: string) => `Lập phiếu trả lại cho tệp ${quote(file)}`,
  },
  returnNote: {
    heading: (unit: string) => `Phiếu trả lại: ${unit}`,
    hint: "Sao chép nội dung để gửi qua thư điện tử hoặc tin nhắn, hoặc tải phiếu Word theo thể thức văn bản.",
    textLabel: "Nội dung phiếu trả lại",
    copy: "Sao chép",
    copied: "Đã sao chép nội dung phiếu.",
    copyFailed: "Trình duyệt không cho sao chép: chọn nội dung trong ô rồi bấm Ctrl+C.",
    download: "Tải phiếu (.docx)",
    downloadTitle: "Không tải được phiếu trả lại",
    close: "Đóng",
  },
  sheets: {
    heading: "Các trang của bản tổng hợp",
    hintHosted: "Bấm tên trang để mở trang đó trong Excel.",
    hintPreview: "Bấm tên trang để xem trang đó ở dưới.",
    open: (sheet: string) => `Mở trang ${quote(sheet)}`,
    selectTitle: "Không mở được trang",
  },
  debug: (progress: number, syncs: number) =>
    `Gỡ lỗi: thanh tiến độ cập nhật ${progress} lần; ghi sổ tính ${syncs} lần đồng bộ (context.sync).`,
};

export type ConsolidateMessages = typeof consolidateVi;
