// Vietnamese user text of the task pane (the default language). Every string the pane shows lives
// here and in en.ts; en.ts is typed against this catalog, so a key added here must be added there.
// Terms follow ../shared/DOMAIN.md (trích yếu, cơ quan ban hành, kỳ báo cáo, đơn vị, sổ tính, trang).
import type { PeriodKind } from "../../core/period";
import { consolidateVi } from "./consolidate-vi";
import { roundVi } from "./round-vi";

const quote = (s: string) => `"${s}"`;
const list = (items: readonly string[]) => items.map(quote).join(", ");
const num = (n: number) => n.toLocaleString("vi-VN");

export const vi = {
  app: {
    name: "BáoCáo",
    logoAlt: "Biểu tượng BáoCáo",
    starting: "Đang khởi động BáoCáo…",
    startFailed: "BáoCáo không khởi động được",
    modeHosted: "Đang làm việc trong Excel",
    modePreview: "Chế độ xem trước (không có Excel)",
    modeHostedTitle: "BáoCáo đang ghi và đọc sổ tính đang mở trong Excel.",
    modePreviewTitle:
      "Không có Excel: sổ tính được tạo trong trình duyệt, xem trong ngăn này và tải xuống để mở bằng Excel.",
    previewBannerTitle: "Chế độ xem trước: chỉ xem và kiểm tra",
    previewBanner:
      'Ở đây bạn xem và kiểm tra sổ tính, tạo sổ từ mẫu, tổng hợp, xuất Word. Nhập hoặc sửa số liệu thì làm trong Excel: bấm "Tải xuống", mở tệp bằng Excel; sửa xong, mở lại tệp ở đây để kiểm tra.',
    switchLanguage: "Switch to English",
    switchLanguageShort: "EN",
    tabsLabel: "Chức năng của BáoCáo",
    apiTooOldTitle: "Cần Office 2019 trở lên",
    apiTooOldBody:
      "Phiên bản Excel này chưa hỗ trợ ExcelApi 1.7 nên BáoCáo không ghi được vào sổ tính. Hãy dùng Excel 2019, Excel 2021, Microsoft 365 hoặc Excel trên web.",
  },
  tabs: {
    templates: "Mẫu báo cáo",
    checks: "Kiểm tra",
    consolidate: "Tổng hợp",
    targets: "Chỉ tiêu",
    export: "Xuất Word",
  },
  gallery: {
    heading: "Chọn mẫu báo cáo",
    intro:
      "Mỗi mẫu tạo một sổ tính có sẵn trang nhập số liệu, công thức tính tổng, tỷ lệ và thông báo nhập liệu.",
    periods: "Kỳ báo cáo",
    seed: "Theo văn bản",
    choose: "Dùng mẫu này",
    chooseLabel: (title: string) => `Dùng mẫu ${quote(title)}`,
    empty: "Chưa có mẫu báo cáo nào.",
    loadError: "Không nạp được danh sách mẫu",
    periodHint: (codes: string) => `Ghi mã kỳ: ${codes}.`,
  },
  form: {
    back: "Quay lại danh sách mẫu",
    heading: (title: string) => `Mẫu: ${title}`,
    formLabel: "Thông tin để tạo sổ tính",
    issuingBody: "Cơ quan ban hành",
    issuingBodyHint:
      "Viết hoa như trên văn bản, ví dụ: LĐLĐ TỈNH LAI CHÂU. Có thể để trống và điền sau trong sổ tính.",
    issuingBodyPlaceholder: "LĐLĐ TỈNH …",
    sample: "Điền dữ liệu mẫu (để dùng thử)",
    sampleNote: (period: string) =>
      `Dữ liệu mẫu lấy từ văn bản gốc (${period}): kỳ báo cáo, cơ quan ban hành và số liệu theo dữ liệu mẫu.`,
    insert: "Chèn mẫu vào sổ tính",
    create: "Tạo sổ tính",
    inserting: "Đang chèn mẫu vào sổ tính…",
    creating: "Đang tạo sổ tính…",
    fixErrors: "Hãy sửa các ô báo lỗi ở trên trước khi tạo.",
    remove: "Gỡ mẫu khỏi sổ tính",
    removing: "Đang gỡ mẫu…",
  },
  period: {
    legend: "Kỳ báo cáo",
    kind: "Loại kỳ",
    kinds: {
      quarter: "Quý",
      half: "6 tháng",
      nineMonths: "9 tháng",
      year: "Năm",
      multiYear: "Giai đoạn",
      midTerm: "Nửa nhiệm kỳ",
      term: "Nhiệm kỳ",
      cutoff: "Mốc số liệu",
    } satisfies Record<PeriodKind, string>,
    year: "Năm",
    quarter: "Quý",
    quarterOption: (roman: string) => `Quý ${roman}`,
    half: "Nửa năm",
    halfFirst: "6 tháng đầu năm",
    halfSecond: "6 tháng cuối năm",
    cutoff: "Số liệu tính đến ngày",
    startYear: "Từ năm",
    endYear: "Đến năm",
    code: "Mã kỳ",
    label: "Ghi trong văn bản",
    title: "Trích yếu",
    yearRange: (min: number, max: number) => `Năm phải là số từ ${min} đến ${max}.`,
    rangeOrder: "Năm kết thúc phải sau năm bắt đầu.",
  },
  units: {
    label: "Danh sách đơn vị",
    hint: (max: string) =>
      `Mỗi dòng một đơn vị, tối đa ${max} đơn vị. Mỗi bảng theo đơn vị sẽ có một dòng cho mỗi đơn vị.`,
    count: (n: string) => `Đã nhập ${n} đơn vị.`,
    none: "Chưa có đơn vị nào: sổ tính sẽ có dòng trống để điền sau.",
    noneDefaults: "Danh sách trống: mẫu sẽ dùng danh sách đơn vị mặc định của nó.",
    duplicate: (name: string, first: number, line: number) =>
      `Đơn vị ${quote(name)} bị trùng (dòng ${first} và dòng ${line}).`,
    tooMany: (n: string, max: string) =>
      `Có ${n} đơn vị, nhiều hơn mức tối đa ${max}: hãy bớt đơn vị.`,
    tooLong: (line: number, max: number) => `Tên đơn vị ở dòng ${line} dài quá ${max} ký tự.`,
  },
  result: {
    insertedTitle: "Đã chèn mẫu vào sổ tính",
    createdTitle: "Đã tạo sổ tính",
    sheets: (n: number, names: readonly string[]) => `Đã tạo ${n} trang: ${list(names)}.`,
    sheetsMore: (n: number, names: readonly string[], more: number) =>
      `Đã tạo ${n} trang: ${list(names)} và ${more} trang khác.`,
    renamed: (wanted: string, actual: string) =>
      `Trang ${quote(wanted)} đã có nên mẫu dùng tên ${quote(actual)}.`,
    replaced: (n: number) => `Mẫu cũ đã được thay: ${n} trang cũ đã bị xóa.`,
    skipped: {
      dataValidation:
        "Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (cần ExcelApi 1.8): các ô vẫn được tô màu nhưng không có thông báo nhập liệu.",
      pageLayout:
        "Excel này chưa hỗ trợ thiết lập trang in (cần ExcelApi 1.9): hãy tự chọn hướng giấy và dòng tiêu đề khi in.",
      other: (feature: string) =>
        `Excel này chưa hỗ trợ một số tính năng (${feature}); mẫu vẫn dùng được.`,
    },
    cancelled: "Đã hủy: sổ tính giữ nguyên.",
    nextHosted: "Điền số liệu vào các ô màu trong các trang vừa tạo.",
    nextPreview: 'Xem sổ tính ở dưới, rồi bấm "Tải xuống" để mở bằng Excel.',
    debugSyncs: (n: number) => `Gỡ lỗi: ${n} lần đồng bộ với Excel (context.sync).`,
  },
  replace: {
    title: "Sổ tính đã có mẫu BáoCáo",
    body: (template: string) =>
      `Sổ tính này đã có mẫu ${template}. Thay bằng mẫu mới sẽ xóa các trang của mẫu cũ cùng toàn bộ số liệu trong đó:`,
    unknownTemplate: "không rõ tên",
    keepOthers:
      "Các trang khác của bạn không bị ảnh hưởng. Nếu cần giữ số liệu cũ, hãy lưu một bản sao trước.",
    confirm: "Thay mẫu, xóa trang cũ",
    cancel: "Giữ nguyên",
    newWorkbook: "Mở sổ mới",
    newWorkbookHint:
      'Hoặc bấm "Mở sổ mới": bản tổng hợp mở trong một sổ tính mới, sổ đang mở giữ nguyên.',
  },
  remove: {
    title: "Gỡ mẫu khỏi sổ tính?",
    body: (template: string) => `Các trang sau của mẫu ${template} và số liệu trong đó sẽ bị xóa:`,
    names: "Các ô được đặt tên của mẫu cũng được gỡ; các trang khác của bạn giữ nguyên.",
    confirm: "Gỡ mẫu",
    cancel: "Hủy",
    none: "Sổ tính này chưa có mẫu BáoCáo nào để gỡ.",
    done: (n: number) => `Đã gỡ mẫu: ${n} trang đã bị xóa.`,
    cancelled: "Đã hủy: không gỡ mẫu.",
  },
  errors: {
    insertTitle: "Không chèn được mẫu",
    createTitle: "Không tạo được sổ tính",
    removeTitle: "Không gỡ được mẫu",
    openTitle: "Không mở được tệp",
    downloadTitle: "Không tải xuống được",
    cellEditMode:
      "Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.",
    protected:
      "Sổ tính hoặc trang đang được bảo vệ, hoặc tệp chỉ đọc. Bỏ bảo vệ (Xem lại > Bỏ bảo vệ) hoặc lưu một bản sao rồi thử lại.",
    tooLarge: "Dữ liệu quá lớn cho một lần ghi. Hãy bớt số đơn vị rồi thử lại.",
    retry:
      "Hãy thử lại. Nếu vẫn lỗi, đóng rồi mở lại ngăn BáoCáo hoặc lưu sổ tính và mở lại Excel.",
    detail: (message: string) => `Chi tiết: ${message}`,
    loadChunk: "Không tải được phần xử lý tệp Excel của BáoCáo. Kiểm tra kết nối rồi tải lại ngăn.",
    checkTitle: "Không kiểm tra được",
    clearMarksTitle: "Không xoá được đánh dấu",
    selectCellTitle: "Không chọn được ô",
    previousTitle: "Không đọc được tệp kỳ trước",
    dismiss: "Đóng thông báo",
  },
  preview: {
    heading: "Sổ tính xem trước",
    open: "Mở tệp .xlsx",
    openLabel: "Mở một tệp Excel (.xlsx) để xem",
    opening: "Đang mở tệp…",
    download: "Tải xuống",
    downloadLabel: (file: string) => `Tải xuống ${file}`,
    none: "Chưa có sổ tính. Tạo sổ tính từ một mẫu ở trên, hoặc mở một tệp .xlsx để xem.",
    opened: (file: string, sheets: number) => `Đã mở ${quote(file)}: ${sheets} trang tính.`,
    openedTemplate: (title: string) => `Sổ tính theo mẫu ${quote(title)}.`,
    current: (file: string) => `Đang xem: ${file}`,
  },
  viewer: {
    sheet: "Trang tính",
    hidden: (name: string) => `${name} (ẩn)`,
    caption: (sheet: string) => `Nội dung trang ${quote(sheet)} (chỉ xem)`,
    rows: (from: number, to: number, total: number) => `Dòng ${from}–${to} trong ${total} dòng.`,
    empty: "Trang này trống.",
    regionLabel: "Bảng xem nội dung trang tính, cuộn ngang để xem thêm cột",
    selected: (sheet: string, address: string) => `Ô đang chọn: ${sheet}!${address}`,
    withMarks: (sheet: string, counts: string) => `${sheet} (${counts})`,
    legend: "Đánh dấu của Kiểm tra, chỉ trong bảng xem:",
    legendError: "lỗi",
    legendWarning: "lưu ý",
  },
  checks: {
    heading: "Kiểm tra số liệu",
    introHosted:
      "Đọc mọi trang nhập liệu của sổ tính đang mở, liệt kê các ô cần sửa, tô màu và ghi chú vào chúng. Kiểm tra không thay đổi số liệu hay định dạng của bạn.",
    introPreview:
      "Kiểm tra sổ tính đang xem ở dưới: liệt kê các ô cần sửa và tô màu chúng trong bảng xem. Tệp tải xuống không bị thay đổi.",
    run: "Kiểm tra",
    running: "Đang kiểm tra…",
    clear: "Xoá đánh dấu",
    clearing: "Đang xoá đánh dấu…",
    clearedHosted: "Đã xoá mọi đánh dấu: sổ tính trở lại như trước khi kiểm tra.",
    clearedPreview: "Đã xoá mọi đánh dấu trong bảng xem.",
    previous: {
      label: "So sánh với kỳ trước",
      hint: "Không bắt buộc. Chọn tệp .xlsx của kỳ trước (cùng mẫu) để được cảnh báo số liệu tăng, giảm bất thường.",
      choose: "Chọn tệp kỳ trước…",
      chooseLabel: "Chọn tệp Excel (.xlsx) của kỳ trước để so sánh",
      reading: "Đang đọc tệp kỳ trước…",
      chosen: (period: string) => `Kỳ trước: ${period}`,
      unknownPeriod: "không rõ kỳ báo cáo",
      file: (file: string) => `Tệp ${quote(file)}`,
      remove: "Bỏ so sánh",
      removeLabel: (file: string) => `Bỏ so sánh với tệp ${quote(file)}`,
    },
    status: {
      ready: "Sẵn sàng gửi: không có lỗi",
      notReady: (errors: number) => `Chưa sẵn sàng: ${num(errors)} lỗi phải sửa`,
      warnings: (n: number) => `Có ${num(n)} điểm cần lưu ý (không chặn việc gửi).`,
      noWarnings: "Không có điểm nào cần lưu ý.",
      template: (title: string, version: string) => `Mẫu ${quote(title)}, phiên bản ${version}.`,
      compared: (period: string) => `Đã so sánh với kỳ trước: ${period}.`,
    },
    counts: {
      errors: (n: number) => `${num(n)} lỗi`,
      warnings: (n: number) => `${num(n)} lưu ý`,
      label: "Số lỗi và điểm cần lưu ý",
    },
    marks: {
      hosted: (n: number) => `Đã tô màu ${num(n)} ô trong sổ tính (đỏ: lỗi, cam: lưu ý).`,
      notesComments: "Mỗi ô được tô có một ghi chú (comment) nói vấn đề ở ô đó.",
      notesSheet: (sheet: string) =>
        `Phiên bản Excel này chưa cho phần bổ trợ thêm ghi chú (comment): các vấn đề được liệt kê ở trang ${quote(sheet)}.`,
      reminderTitle: "Xoá đánh dấu trước khi gửi",
      reminderComments:
        'Bấm "Xoá đánh dấu" trước khi gửi sổ tính: màu và ghi chú của kiểm tra sẽ được gỡ, số liệu giữ nguyên.',
      reminderSheet: (sheet: string) =>
        `Bấm "Xoá đánh dấu" trước khi gửi sổ tính: màu đánh dấu và trang ${quote(sheet)} sẽ được gỡ, số liệu giữ nguyên.`,
      preview: (n: number) =>
        `Đã tô màu ${num(n)} ô trong bảng xem bên dưới (đỏ: lỗi, cam: lưu ý). Tệp không bị thay đổi.`,
      capped: (n: number, max: number) =>
        `Chỉ tô màu ${num(max)} ô đầu tiên (lỗi trước): ${num(n)} ô khác không được tô nhưng vẫn có trong danh sách.`,
    },
    list: {
      heading: "Kết quả theo trang",
      errorsOnly: "Chỉ hiện lỗi",
      general: "Chung",
      error: "Lỗi",
      warning: "Lưu ý",
      hintHosted: "Bấm vào một mục để chọn ô đó trong Excel.",
      hintPreview: "Bấm vào một mục để xem ô đó trong bảng xem.",
      cell: (cell: string) => `Ô ${cell}`,
      showMore: (n: number) => `Hiện thêm ${num(n)} mục`,
      none: "Không tìm thấy vấn đề nào.",
      noErrors: 'Không có lỗi nào. Bỏ chọn "Chỉ hiện lỗi" để xem các điểm cần lưu ý.',
      languageNote: "Nội dung các mục được viết bằng tiếng Việt.",
    },
    problemTitle: "Không kiểm tra được sổ tính này",
    previousProblemTitle: "Không dùng được tệp kỳ trước",
    problems: {
      noWorkbook:
        'Chưa có sổ tính để kiểm tra. Tạo sổ tính từ một mẫu ở thẻ "Mẫu báo cáo", hoặc mở một tệp .xlsx ở phần "Sổ tính xem trước".',
      notBaoCao:
        'Sổ tính này không được tạo từ mẫu của BáoCáo, nên không biết ô nào cần kiểm tra. Hãy dùng một mẫu ở thẻ "Mẫu báo cáo".',
      unknownTemplate: (template: string) =>
        `Sổ tính dùng mẫu ${quote(template)} mà phiên bản BáoCáo này không có. Hãy cập nhật BáoCáo, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      editedDefinition: (template: string, cell: string) =>
        `Định nghĩa mẫu ${quote(template)} lưu trong sổ tính (trang ẩn, ô ${cell}) đã bị sửa tay nên không dùng được. Xin lại sổ tính từ nơi gửi, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      incompatible: (template: string, version: string, supported: string) =>
        `Sổ tính dùng mẫu ${quote(template)} phiên bản ${version}, không tương thích với phiên bản ${supported}. Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang.`,
      previousNotBaoCao: (file: string) =>
        `Tệp ${quote(file)} không được tạo từ mẫu của BáoCáo nên không dùng làm kỳ trước được.`,
      previousUnknownTemplate: (file: string, template: string) =>
        `Tệp ${quote(file)} dùng mẫu ${quote(template)} mà phiên bản BáoCáo này không có nên không dùng làm kỳ trước được.`,
      previousEditedDefinition: (file: string, template: string) =>
        `Tệp ${quote(file)} mang định nghĩa mẫu ${quote(template)} đã bị sửa tay nên không dùng làm kỳ trước được.`,
      previousIncompatible: (file: string, template: string, version: string, supported: string) =>
        `Tệp ${quote(file)} dùng mẫu ${quote(template)} phiên bản ${version}, không tương thích với phiên bản ${supported}, nên không dùng làm kỳ trước được.`,
      otherTemplate: (file: string, template: string, expected: string) =>
        `Tệp kỳ trước ${quote(file)} dùng mẫu ${quote(template)}, khác mẫu ${quote(expected)} của sổ tính nên không so sánh được. Hãy chọn tệp kỳ trước của cùng mẫu, hoặc bỏ so sánh.`,
    },
    debugSyncs: (read: number, marks: number) =>
      `Gỡ lỗi: đọc sổ tính ${read} lần đồng bộ, đánh dấu ${marks} lần (context.sync).`,
    debugClear: (n: number) => `Gỡ lỗi: xoá đánh dấu ${n} lần đồng bộ (context.sync).`,
  },
  targets: {
    heading: "Thực hiện chỉ tiêu",
    introHosted:
      'Đọc trang "Chỉ tiêu" và số liệu của sổ tính đang mở, cho biết mỗi chỉ tiêu đạt bao nhiêu phần trăm. Chỉ đọc, không sửa sổ tính.',
    introPreview:
      'Đọc trang "Chỉ tiêu" và số liệu của sổ tính đang xem, cho biết mỗi chỉ tiêu đạt bao nhiêu phần trăm.',
    read: "Đọc chỉ tiêu",
    refresh: "Đọc lại",
    reading: "Đang đọc chỉ tiêu…",
    summary: (achieved: number, total: number) =>
      `Đạt/vượt ${num(achieved)}/${num(total)} chỉ tiêu`,
    summaryDetail: (c: { notMet: number; noData: number; noLevel: number; manual: number }) =>
      [
        c.notMet > 0 ? `${num(c.notMet)} chưa đạt` : "",
        c.noData > 0 ? `${num(c.noData)} chưa có số liệu` : "",
        c.noLevel > 0 ? `${num(c.noLevel)} chưa có mức chỉ tiêu` : "",
        c.manual > 0 ? `${num(c.manual)} đánh giá trong nội dung` : "",
      ]
        .filter(Boolean)
        .join(" · "),
    template: (title: string) => `Mẫu ${quote(title)}.`,
    listLabel: "Danh sách chỉ tiêu và tỷ lệ thực hiện",
    comparators: {
      eq: "bằng",
      gte: "ít nhất",
      gt: "trên",
      lte: "không quá",
      lt: "dưới",
    },
    target: (comparator: string, value: string) => `Chỉ tiêu: ${comparator} ${value}`,
    figures: (result: string, target: string) => `${result} / ${target}`,
    figuresLabel: "kết quả / chỉ tiêu",
    noTargetValue: "chưa có mức chỉ tiêu",
    status: {
      exceeded: "Vượt",
      met: "Đạt",
      notMet: "Chưa đạt",
      noData: "Chưa có số liệu",
      noLevel: "Chưa có mức chỉ tiêu",
      manual: "Đánh giá trong nội dung",
    },
    meterLabel: (label: string, percent: string) => `${label}: đạt ${percent} chỉ tiêu`,
    overflow: "vượt 100%",
    units: {
      heading: "Chỉ tiêu giao cho từng đơn vị",
      summary: (achieved: number, total: number) =>
        `Đạt/vượt ${num(achieved)}/${num(total)} đơn vị`,
    },
    chart: {
      draw: "Vẽ biểu đồ trong Excel",
      redraw: "Vẽ lại biểu đồ",
      drawing: "Đang vẽ biểu đồ…",
      remove: "Xoá biểu đồ",
      removing: "Đang xoá biểu đồ…",
      drawn: (sheet: string) =>
        `Đã vẽ biểu đồ "Tỷ lệ thực hiện chỉ tiêu" bên phải bảng trên trang ${quote(sheet)}. Bấm "Xoá biểu đồ" để bỏ; số liệu của bạn không bị thay đổi.`,
      removed: "Đã xoá biểu đồ: trang Chỉ tiêu trở lại như trước.",
      needsExcel:
        "Biểu đồ được vẽ trong Excel: hãy mở sổ tính này trong Excel (Excel 2019 trở lên hoặc Excel trên web) và dùng BáoCáo ở đó.",
      drawTitle: "Không vẽ được biểu đồ",
      removeTitle: "Không xoá được biểu đồ",
      problems: {
        noTargets:
          'Không tìm thấy các ô chỉ tiêu trên trang "Chỉ tiêu": có thể các ô đó đã bị xoá hoặc trang đã bị sửa cấu trúc. Hãy tạo lại trang từ mẫu ở thẻ "Mẫu báo cáo".',
        notOnSheet:
          'Các ô chỉ tiêu của mẫu không còn nằm trên trang "Chỉ tiêu". Hãy tạo lại trang từ mẫu ở thẻ "Mẫu báo cáo".',
        sheetMissing: (sheet: string) =>
          `Không còn trang ${quote(sheet)} trong sổ tính. Bấm "Đọc lại" rồi thử lại.`,
      },
      debugSyncs: (n: number) => `Gỡ lỗi: ${n} lần đồng bộ (context.sync).`,
    },
    readTitle: "Không đọc được chỉ tiêu",
    problemTitle: "Không có chỉ tiêu để hiển thị",
    problems: {
      noWorkbook:
        'Chưa có sổ tính. Tạo sổ tính từ một mẫu ở thẻ "Mẫu báo cáo", hoặc mở một tệp .xlsx ở phần "Sổ tính xem trước".',
      notBaoCao:
        'Sổ tính này không được tạo từ mẫu của BáoCáo, nên không biết chỉ tiêu nằm ở đâu. Hãy dùng một mẫu ở thẻ "Mẫu báo cáo".',
      unknownTemplate: (template: string) =>
        `Sổ tính dùng mẫu ${quote(template)} mà phiên bản BáoCáo này không có. Hãy cập nhật BáoCáo, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      editedDefinition: (template: string, cell: string) =>
        `Định nghĩa mẫu ${quote(template)} lưu trong sổ tính (trang ẩn, ô ${cell}) đã bị sửa tay nên không dùng được. Xin lại sổ tính từ nơi gửi, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      incompatible: (template: string, version: string, supported: string) =>
        `Sổ tính dùng mẫu ${quote(template)} phiên bản ${version}, không tương thích với phiên bản ${supported}. Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang.`,
      noTargets: (template: string, withTargets: string) =>
        `Mẫu ${quote(template)} không có chỉ tiêu nào để theo dõi. Các mẫu có chỉ tiêu: ${withTargets}.`,
    },
  },
  export: {
    heading: "Xuất dự thảo Word",
    introHosted:
      "Soạn dự thảo văn bản Word theo thể thức văn bản công đoàn từ số liệu và nội dung của sổ tính đang mở. Sổ tính không bị thay đổi.",
    introPreview:
      "Soạn dự thảo văn bản Word theo thể thức văn bản công đoàn từ sổ tính đang xem ở dưới.",
    tokens:
      'Số liệu trong câu: mỗi mục có các ô "Câu trong báo cáo" (sửa được) ghi câu viết số liệu, vd. "thu hút {tt_luot_tham_gia} lượt đoàn viên, CNVCLĐ tham gia". Trong phần chữ tự viết, gõ {mã chỉ số} (cột "Mã chỉ số") để đặt đúng số của ô đó vào câu; phần trong [ ] được bỏ khi số liệu trống hoặc bằng 0. Câu có {don_vi} là câu của từng đơn vị: in ở chú thích, mỗi đơn vị một vế với số liệu của mình; đơn vị cần lời riêng thì thêm một dòng trong ô "Tên đơn vị: câu". Số tiền viết theo câu: {mã:day_du} đủ chữ số, {mã:trieu} theo triệu, {mã:gon} theo tỷ/triệu.',
    reread: "Đọc lại sổ tính",
    reading: "Đang đọc sổ tính…",
    summaryLabel: "Nội dung sẽ xuất",
    template: (title: string) => `Mẫu: ${quote(title)}`,
    consolidated: "Sổ tính tổng hợp: số liệu của từng đơn vị được ghi ở chú thích cuối trang.",
    period: (label: string) => `Kỳ báo cáo: ${label}`,
    noPeriod: 'Kỳ báo cáo: chưa ghi (điền ở trang "Thông tin chung").',
    sections: (n: number, total: number) => `${num(n)}/${num(total)} mục có số liệu`,
    noFigures:
      "Chưa có mục nào có số liệu: dự thảo chỉ có các đề mục và phần chữ đã viết trong sổ tính.",
    noErrors: "Không có lỗi: bản nháp dùng được ngay.",
    errors: (n: number) =>
      `Sổ tính còn ${num(n)} lỗi. Vẫn xuất được bản nháp, nhưng hãy sửa ở thẻ "Kiểm tra" trước khi gửi.`,
    warnings: (n: number) => `${num(n)} điểm cần lưu ý.`,
    settings: {
      legend: "Cách viết số liệu",
      money: "Số tiền",
      moneyAuto:
        "Như văn bản thường viết (1.591.896.000 đồng; 89 triệu đồng; có từ ước lượng: trên 610 triệu đồng)",
      moneyFull: "Đầy đủ (1.591.896.000 đồng)",
      moneyCompact: "Rút gọn (1,592 tỷ đồng)",
      moneyApproximate: "Làm tròn như khi viết tay (trên 1,59 tỷ đồng, gần 650 triệu đồng)",
      zeroPad: "Thêm số 0 trước số đếm từ 1 đến 9 (03 năm, 07 văn bản)",
      footnotes: "Số liệu từng đơn vị ở chú thích cuối trang",
      sources: "Ghi nguồn số liệu (trang, ô của sổ tính)",
      sourcesNone: "Không ghi",
      sourcesAppendix: 'Phụ lục "Nguồn số liệu" cuối văn bản',
      sourcesComments: "Ghi chú (comment) cạnh từng số trong Word",
    },
    run: "Xuất Word",
    running: "Đang soạn dự thảo Word…",
    done: (file: string, size: string) => `Đã tạo ${quote(file)} (${size}).`,
    doneHint:
      "Tệp nằm trong thư mục Tải xuống (Downloads) của máy. Mở bằng Word để hoàn thiện rồi trình ký.",
    doneDraft:
      'Sổ tính còn lỗi: đây là bản nháp, hãy sửa các lỗi ở thẻ "Kiểm tra" rồi xuất lại trước khi gửi.',
    downloadAgain: "Tải xuống lại",
    notArrived: "Không thấy tệp tải xuống?",
    fallback: {
      title: "Cách khác để lấy bản nháp",
      mac: "Excel trên máy Mac không cho phần bổ trợ tải tệp xuống. Bản nháp đã soạn xong: sao chép rồi dán vào một văn bản Word mới, hoặc mở BáoCáo trong trình duyệt để tải tệp .docx.",
      other:
        "Nếu Excel hoặc trình duyệt chặn việc tải xuống, sao chép bản nháp rồi dán vào một văn bản Word mới.",
      copy: "Sao chép bản nháp",
      copied:
        "Đã sao chép. Mở Word, tạo văn bản mới rồi dán (⌘V hoặc Ctrl+V): đề mục, đoạn văn và bảng được giữ; chú thích được đánh số ở cuối văn bản.",
      copyFailed:
        "Excel không cho sao chép tự động. Hãy mở BáoCáo trong trình duyệt (nút bên cạnh) để tải tệp .docx.",
      openBrowser: "Mở trong trình duyệt",
      openBrowserHint:
        'Lưu sổ tính trước (Ctrl+S hoặc ⌘S). Trong trình duyệt, bấm "Mở tệp .xlsx" để mở sổ tính đã lưu, rồi xuất Word ở thẻ này: tệp .docx được tải xuống như bình thường.',
      openBrowserManual: (url: string) =>
        `Hoặc mở trình duyệt tại ${url}, mở sổ tính đã lưu và xuất Word ở đó.`,
    },
    exportTitle: "Không xuất được Word",
    problemTitle: "Không xuất được sổ tính này",
    problems: {
      noWorkbook:
        'Chưa có sổ tính. Tạo sổ tính từ một mẫu ở thẻ "Mẫu báo cáo", hoặc mở một tệp .xlsx ở phần "Sổ tính xem trước".',
      notBaoCao:
        'Sổ tính này không được tạo từ mẫu của BáoCáo, nên không biết số liệu nằm ở đâu. Hãy dùng một mẫu ở thẻ "Mẫu báo cáo".',
      unknownTemplate: (template: string) =>
        `Sổ tính dùng mẫu ${quote(template)} mà phiên bản BáoCáo này không có. Hãy cập nhật BáoCáo, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      editedDefinition: (template: string, cell: string) =>
        `Định nghĩa mẫu ${quote(template)} lưu trong sổ tính (trang ẩn, ô ${cell}) đã bị sửa tay nên không dùng được. Xin lại sổ tính từ nơi gửi, hoặc thêm mẫu này ở mục “Mẫu của đơn vị” của thẻ "Mẫu báo cáo".`,
      incompatible: (template: string, version: string, supported: string) =>
        `Sổ tính dùng mẫu ${quote(template)} phiên bản ${version}, không tương thích với phiên bản ${supported}. Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang.`,
    },
    debugThread: (worker: boolean, ms: number) =>
      `Gỡ lỗi: soạn trong ${worker ? "Web Worker" : "luồng chính"}, ${num(ms)} ms.`,
  },
  consolidate: consolidateVi,
  round: roundVi,
};

export type Messages = typeof vi;
