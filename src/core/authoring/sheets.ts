// The sheets of the authoring workbook and their columns: one list of the template file (sections,
// tables, indicators, ...) per sheet, one item per row, one field per column. Each column says what
// to write, with an example, and what Excel may check as it is typed (a dropdown, a reference to
// another sheet's ids, a whole number within bounds). Building reads the same specs back, so a
// column named here is a field of the file and nothing else.
import {
  AGGREGATION_CHOICES,
  BASELINE_CHOICES,
  CHANGE_CHOICES,
  COMPARATOR_CHOICES,
  DOC_TYPE_CHOICES,
  HEADER_CHOICES,
  LEVEL_CHOICES,
  MISSING_CHOICES,
  PERIOD_CHOICES,
  ROLE_CHOICES,
  SCOPE_CHOICES,
  SEVERITY_CHOICES,
  TABLE_KIND_CHOICES,
  TYPE_CHOICES,
  type ChoiceList,
} from "./choices";

export type FieldKind =
  /** Free text, kept as written. */
  | "text"
  /** A code (mã): trimmed. */
  | "id"
  /** Several codes, separated by commas. */
  | "ids"
  | "number"
  | "whole"
  | "bool"
  /** One value of a dropdown list. */
  | "choice"
  /** Several values of a list, separated by commas (no Excel check: a dropdown picks one). */
  | "choices"
  /** Several lines of text in one cell (Alt+Enter between them). */
  | "lines";

export interface Field {
  /** The field's path in the template file item ("label", "ratioOf.part", "header.place"). */
  key: string;
  header: string;
  /** What to write: shown under the header, in the header's note and after a problem. */
  help: string;
  example?: string;
  kind: FieldKind;
  required?: boolean;
  choices?: ChoiceList;
  /** The sheet whose first column lists the ids this column may name (an Excel list check). */
  ref?: string;
  min?: number;
  max?: number;
  width?: number;
}

export const SHEET = {
  settings: "Thông tin chung",
  sections: "Mục",
  sentences: "Câu văn",
  tables: "Bảng",
  rows: "Dòng bảng",
  indicators: "Chỉ số",
  targets: "Chỉ tiêu",
  rules: "Quy tắc",
  units: "Đơn vị mặc định",
  history: "Lịch sử phiên bản",
  lists: "Danh sách",
} as const;

/** Row 1: headers; row 2: what to write; items from row 3. */
export const HEADER_ROW = 1;
export const GUIDE_ROW = 2;
export const FIRST_ROW = 3;

const ID_HELP = "chữ thường không dấu, số và dấu _, bắt đầu bằng chữ";

export const SETTINGS_FIELDS: Field[] = [
  {
    key: "id",
    header: "Mã mẫu",
    kind: "id",
    required: true,
    help: "chữ thường không dấu, số và dấu -; là mã để chọn mẫu khi tạo sổ tính",
    example: "mai-am-cong-doan",
  },
  {
    key: "version",
    header: "Phiên bản",
    kind: "id",
    required: true,
    help: "dạng x.y.z; tăng số giữa khi thêm chỉ số, số đầu khi sổ cũ không dùng được nữa",
    example: "1.0.0",
  },
  {
    key: "title",
    header: "Tên mẫu",
    kind: "text",
    required: true,
    help: "tên hiện trong danh sách mẫu",
    example: "Báo cáo kết quả hỗ trợ nhà Mái ấm Công đoàn",
  },
  { key: "titleEn", header: "Tên mẫu (tiếng Anh)", kind: "text", help: "có thể để trống" },
  { key: "description", header: "Mô tả", kind: "text", help: "mẫu dùng cho báo cáo gì" },
  { key: "descriptionEn", header: "Mô tả (tiếng Anh)", kind: "text", help: "có thể để trống" },
  {
    key: "source",
    header: "Văn bản gốc",
    kind: "text",
    help: "văn bản mà mẫu theo (số, ngày); có thể để trống",
  },
  {
    key: "docType",
    header: "Loại văn bản",
    kind: "choice",
    choices: DOC_TYPE_CHOICES,
    required: true,
    help: "chọn trong danh sách: BC báo cáo, KH kế hoạch, CTr chương trình, …",
    example: "BC",
  },
  {
    key: "periodKinds",
    header: "Kỳ báo cáo",
    kind: "choices",
    choices: PERIOD_CHOICES,
    required: true,
    help: "một hay nhiều kỳ, cách nhau dấu phẩy: quý, 6 tháng, 9 tháng, năm, nhiều năm, giữa nhiệm kỳ, nhiệm kỳ",
    example: "quý, 6 tháng, năm",
  },
  {
    key: "titlePattern",
    header: "Trích yếu",
    kind: "text",
    required: true,
    help: "{period} thay bằng tên kỳ, {nextPeriod} bằng kỳ sau, {review}/{Review} bằng sơ kết/tổng kết",
    example: "Kết quả hoạt động công đoàn {period}",
  },
  {
    key: "requiredHeader",
    header: "Ô đầu văn bản bắt buộc",
    kind: "choices",
    choices: HEADER_CHOICES,
    help: "các ô phải điền, cách nhau dấu phẩy; để trống: cơ quan ban hành, số văn bản, địa danh, ngày, kỳ, chức vụ người ký, người ký",
    example: "cơ quan ban hành, số văn bản, ngày, kỳ",
  },
  {
    key: "baselines",
    header: "Mốc so sánh",
    kind: "choices",
    choices: BASELINE_CHOICES,
    help: "cùng kỳ năm trước, đầu nhiệm kỳ (cách nhau dấu phẩy); để trống nếu không so sánh",
  },
  {
    key: "preamble.required",
    header: "Đoạn mở đầu bắt buộc",
    kind: "bool",
    help: "có/không; để trống ô này và ô gợi ý nếu văn bản không có đoạn mở đầu",
  },
  {
    key: "preamble.prompt",
    header: "Gợi ý đoạn mở đầu",
    kind: "text",
    help: "câu hướng dẫn người viết đoạn mở đầu",
  },
  {
    key: "carryTasks.from",
    header: "Nhiệm vụ kỳ sau: lấy từ mục",
    kind: "id",
    ref: SHEET.sections,
    help: "mã mục ghi nhiệm vụ kỳ tới; để trống nếu không chuyển nhiệm vụ sang kỳ sau",
  },
  {
    key: "carryTasks.to",
    header: "Nhiệm vụ kỳ sau: hiện ở mục",
    kind: "ids",
    help: "mã các mục của kỳ sau báo cáo về các nhiệm vụ đó, cách nhau dấu phẩy",
  },
  {
    key: "header.parentBody",
    header: "Cơ quan cấp trên",
    kind: "text",
    help: "dòng trên tên cơ quan ban hành",
    example: "LĐLĐ TỈNH LAI CHÂU",
  },
  {
    key: "header.issuingBody",
    header: "Cơ quan ban hành",
    kind: "text",
    help: "tên cơ quan ban hành mặc định",
  },
  {
    key: "header.place",
    header: "Địa danh",
    kind: "text",
    help: "địa danh mặc định",
    example: "Lai Châu",
  },
  {
    key: "header.signerAuthority",
    header: "Quyền hạn ký",
    kind: "text",
    help: "vd. TM. BAN THƯỜNG VỤ",
  },
  { key: "header.signerTitle", header: "Chức vụ người ký", kind: "text", help: "vd. CHỦ TỊCH" },
  {
    key: "header.recipients",
    header: "Nơi nhận",
    kind: "lines",
    help: "mỗi nơi nhận một dòng (Alt+Enter để xuống dòng)",
  },
  {
    key: "header.symbol",
    header: "Ký hiệu cơ quan",
    kind: "text",
    help: "phần sau loại văn bản trong số: 62/BC-{ký hiệu}",
    example: "LĐLĐ",
  },
  {
    key: "units.label",
    header: "Tên gọi đơn vị",
    kind: "text",
    help: "tiêu đề cột đơn vị; để trống cả phần đơn vị nếu mẫu không có bảng theo đơn vị",
    example: "Đơn vị",
  },
  {
    key: "units.blankRows",
    header: "Số dòng đơn vị để trống",
    kind: "whole",
    min: 1,
    max: 2000,
    help: "số dòng trống cho đơn vị khi chưa có danh sách (1–2000)",
    example: "10",
  },
  {
    key: "units.dueDays",
    header: "Hạn nộp (ngày sau kỳ)",
    kind: "whole",
    min: 0,
    max: 366,
    help: "đơn vị nộp báo cáo sau khi hết kỳ bao nhiêu ngày (0–366); có thể để trống",
  },
  {
    key: "appendix.title",
    header: "Tiêu đề phụ lục",
    kind: "text",
    help: "vd. BIỂU TỔNG HỢP; để trống nếu không có phụ lục",
  },
  { key: "appendix.subtitle", header: "Phụ đề phụ lục", kind: "text", help: "có thể để trống" },
];

export const SECTION_FIELDS: Field[] = [
  {
    key: "id",
    header: "Mã mục",
    kind: "id",
    required: true,
    help: ID_HELP,
    example: "ket_qua",
    width: 20,
  },
  {
    key: "parent",
    header: "Mục cha",
    kind: "id",
    ref: SHEET.sections,
    help: "mã mục chứa mục này; để trống nếu là mục cấp cao nhất",
    width: 18,
  },
  {
    key: "number",
    header: "Số thứ tự",
    kind: "id",
    help: "số hiện trước tiêu đề; để trống nếu mục không đánh số",
    example: "I",
    width: 10,
  },
  {
    key: "level",
    header: "Cấp",
    kind: "choice",
    choices: LEVEL_CHOICES,
    required: true,
    help: "chọn trong danh sách",
    example: "La Mã (I, II)",
    width: 18,
  },
  {
    key: "heading",
    header: "Tiêu đề",
    kind: "text",
    required: true,
    help: "tiêu đề mục",
    example: "Kết quả hỗ trợ nhà ở",
    width: 40,
  },
  {
    key: "headingEn",
    header: "Tiêu đề (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 24,
  },
  {
    key: "sheet",
    header: "Tên trang tính",
    kind: "text",
    help: "mục cấp cao nhất cần tên trang; tối đa 31 ký tự, không có [ ] : * ? / \\",
    example: "I. Kết quả",
    width: 22,
  },
  {
    key: "prompt",
    header: "Gợi ý viết",
    kind: "text",
    help: "câu hướng dẫn người viết mục này",
    width: 40,
  },
  {
    key: "promptEn",
    header: "Gợi ý viết (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 24,
  },
  {
    key: "text.has",
    header: "Có phần viết",
    kind: "bool",
    help: "có: mục có ô để viết lời; không: chỉ có số liệu",
    example: "có",
    width: 12,
  },
  {
    key: "text.required",
    header: "Phần viết bắt buộc",
    kind: "bool",
    help: "có/không (chỉ khi có phần viết)",
    width: 12,
  },
  { key: "text.label", header: "Nhãn phần viết", kind: "text", help: "có thể để trống", width: 20 },
  {
    key: "text.example",
    header: "Ví dụ phần viết",
    kind: "text",
    help: "có thể để trống",
    width: 30,
  },
];

export const SENTENCE_FIELDS: Field[] = [
  {
    key: "section",
    header: "Mã mục",
    kind: "id",
    required: true,
    ref: SHEET.sections,
    help: "mục có câu văn này",
    width: 20,
  },
  {
    key: "id",
    header: "Mã câu",
    kind: "id",
    required: true,
    help: ID_HELP,
    example: "ho_tro",
    width: 20,
  },
  {
    key: "text",
    header: "Câu văn",
    kind: "text",
    required: true,
    help: "số liệu viết bằng mã chỉ số trong {…}; phần trong […] bỏ đi khi số trong đó trống hoặc bằng 0",
    example: "đã hỗ trợ {ma_da_ho_tro} nhà[, tổng số tiền {ma_tien}]",
    width: 60,
  },
  {
    key: "textEn",
    header: "Câu văn (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 30,
  },
];

export const TABLE_FIELDS: Field[] = [
  {
    key: "id",
    header: "Mã bảng",
    kind: "id",
    required: true,
    help: ID_HELP,
    example: "mai_am",
    width: 18,
  },
  {
    key: "section",
    header: "Mã mục",
    kind: "id",
    required: true,
    ref: SHEET.sections,
    help: "mục chứa bảng",
    width: 18,
  },
  {
    key: "title",
    header: "Tên bảng",
    kind: "text",
    required: true,
    help: "tên hiện trên bảng",
    width: 36,
  },
  {
    key: "titleEn",
    header: "Tên bảng (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 20,
  },
  {
    key: "sheet",
    header: "Tên trang tính",
    kind: "text",
    required: true,
    help: "tối đa 31 ký tự, không có [ ] : * ? / \\",
    example: "Bảng Mái ấm",
    width: 22,
  },
  {
    key: "kind",
    header: "Loại bảng",
    kind: "choice",
    choices: TABLE_KIND_CHOICES,
    required: true,
    help: "theo đơn vị: mỗi đơn vị một dòng; dòng cố định: các dòng ghi ở trang Dòng bảng; danh sách: người dùng thêm dòng",
    example: "theo đơn vị",
    width: 16,
  },
  {
    key: "rowHeader",
    header: "Tiêu đề cột đầu",
    kind: "text",
    help: "vd. Đơn vị, Cấp, TT",
    example: "Đơn vị",
    width: 14,
  },
  {
    key: "maxRows",
    header: "Số dòng tối đa",
    kind: "whole",
    min: 1,
    max: 500,
    help: "cho bảng danh sách (1–500)",
    example: "20",
    width: 12,
  },
  {
    key: "total",
    header: "Dòng tổng",
    kind: "bool",
    help: "có/không (bảng danh sách: không)",
    width: 10,
  },
  {
    key: "appendix",
    header: "In ở phụ lục",
    kind: "bool",
    help: "có: bảng in vào phụ lục của dự thảo Word",
    width: 10,
  },
  { key: "note", header: "Ghi chú", kind: "text", help: "dòng ghi chú dưới bảng", width: 24 },
  {
    key: "landscape",
    header: "Trang ngang",
    kind: "bool",
    help: "có: in bảng trên trang ngang",
    width: 10,
  },
];

export const ROW_FIELDS: Field[] = [
  {
    key: "table",
    header: "Mã bảng",
    kind: "id",
    required: true,
    ref: SHEET.tables,
    help: "bảng dòng cố định có dòng này",
    width: 18,
  },
  { key: "id", header: "Mã dòng", kind: "id", required: true, help: ID_HELP, width: 18 },
  {
    key: "label",
    header: "Tên dòng",
    kind: "text",
    required: true,
    help: "chữ ở cột đầu của dòng",
    width: 36,
  },
  {
    key: "labelEn",
    header: "Tên dòng (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 20,
  },
];

export const INDICATOR_FIELDS: Field[] = [
  {
    key: "id",
    header: "Mã chỉ số",
    kind: "id",
    required: true,
    help: ID_HELP,
    example: "ma_da_ho_tro",
    width: 22,
  },
  {
    key: "section",
    header: "Mã mục",
    kind: "id",
    required: true,
    ref: SHEET.sections,
    help: "mục chứa chỉ số (cột của bảng: mục của bảng)",
    width: 18,
  },
  {
    key: "table",
    header: "Mã bảng",
    kind: "id",
    ref: SHEET.tables,
    help: "để trống nếu chỉ số không là cột của bảng",
    width: 16,
  },
  {
    key: "label",
    header: "Tên chỉ số",
    kind: "text",
    required: true,
    help: "tên hiện bên ô nhập",
    example: "Số nhà đã hỗ trợ",
    width: 36,
  },
  { key: "labelEn", header: "Tên (tiếng Anh)", kind: "text", help: "có thể để trống", width: 18 },
  {
    key: "shortLabel",
    header: "Tên ngắn",
    kind: "text",
    help: "cho tiêu đề cột hẹp; có thể để trống",
    width: 16,
  },
  {
    key: "type",
    header: "Kiểu",
    kind: "choice",
    choices: TYPE_CHOICES,
    required: true,
    help: "chọn trong danh sách",
    example: "số nguyên",
    width: 16,
  },
  {
    key: "unit",
    header: "Đơn vị tính",
    kind: "text",
    help: "vd. người, nhà, đồng",
    example: "nhà",
    width: 12,
  },
  { key: "required", header: "Bắt buộc", kind: "bool", help: "có: phải điền", width: 10 },
  {
    key: "min",
    header: "Nhỏ nhất",
    kind: "number",
    help: "số; để trống nếu không giới hạn",
    width: 10,
  },
  {
    key: "max",
    header: "Lớn nhất",
    kind: "number",
    help: "số; để trống nếu không giới hạn (tỷ lệ: 100)",
    width: 10,
  },
  {
    key: "aggregation",
    header: "Cách tổng hợp",
    kind: "choice",
    choices: AGGREGATION_CHOICES,
    help: "khi tổng hợp nhiều đơn vị; để trống: số cộng lại, chữ không tổng hợp",
    width: 16,
  },
  {
    key: "partOf",
    header: "Là phần của",
    kind: "id",
    ref: SHEET.indicators,
    help: "mã chỉ số tổng chứa số này (số này không được lớn hơn); để trống nếu không có",
    example: "ma_de_nghi",
    width: 18,
  },
  {
    key: "target",
    header: "Chỉ tiêu",
    kind: "id",
    help: "mã chỉ tiêu (trang Chỉ tiêu) hay chỉ số giữ chỉ tiêu của số này; có thể để trống",
    width: 16,
  },
  {
    key: "ratioOf.part",
    header: "Tỷ lệ: tử số",
    kind: "id",
    ref: SHEET.indicators,
    help: "với kiểu tỷ lệ %: mã chỉ số phần",
    width: 16,
  },
  {
    key: "ratioOf.whole",
    header: "Tỷ lệ: mẫu số",
    kind: "id",
    ref: SHEET.indicators,
    help: "với kiểu tỷ lệ %: mã chỉ số tổng",
    width: 16,
  },
  {
    key: "computed",
    header: "Tự tính",
    kind: "bool",
    help: "có: tỷ lệ tính bằng công thức, không nhập",
    width: 10,
  },
  {
    key: "role",
    header: "Vai trò",
    kind: "choice",
    choices: ROLE_CHOICES,
    help: "số liệu, hoặc chỉ tiêu (cột chỉ tiêu của từng đơn vị); để trống: số liệu",
    width: 12,
  },
  {
    key: "decimals",
    header: "Số chữ số thập phân",
    kind: "whole",
    min: 0,
    max: 4,
    help: "0–4; để trống theo kiểu",
    width: 10,
  },
  {
    key: "phrase",
    header: "Cụm từ sau số",
    kind: "text",
    help: "chữ dự thảo viết sau số liệu",
    example: "nhà đã được hỗ trợ",
    width: 24,
  },
  {
    key: "sayZero",
    header: "Nói khi bằng 0",
    kind: "bool",
    help: "có: số 0 cũng được nói (vd. không xảy ra ngừng việc)",
    width: 10,
  },
  {
    key: "group",
    header: "Nhóm cột",
    kind: "text",
    help: "tiêu đề chung của nhóm cột (chỉ cột của bảng)",
    width: 16,
  },
  {
    key: "width",
    header: "Độ rộng cột",
    kind: "number",
    min: 0,
    max: 100,
    help: "độ rộng cột trong bảng (chỉ cột của bảng)",
    width: 10,
  },
  {
    key: "help",
    header: "Hướng dẫn nhập",
    kind: "text",
    help: "hiện khi người nhập chọn ô",
    width: 30,
  },
  {
    key: "helpEn",
    header: "Hướng dẫn (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 18,
  },
];

export const TARGET_FIELDS: Field[] = [
  {
    key: "id",
    header: "Mã chỉ tiêu",
    kind: "id",
    required: true,
    help: ID_HELP,
    example: "ct_mai_am",
    width: 18,
  },
  {
    key: "label",
    header: "Tên chỉ tiêu",
    kind: "text",
    required: true,
    help: "tên chỉ tiêu",
    width: 36,
  },
  { key: "labelEn", header: "Tên (tiếng Anh)", kind: "text", help: "có thể để trống", width: 18 },
  {
    key: "indicator",
    header: "So với chỉ số",
    kind: "id",
    ref: SHEET.indicators,
    help: "mã chỉ số có kết quả so với chỉ tiêu; để trống nếu đánh giá bằng tay",
    width: 18,
  },
  {
    key: "comparator",
    header: "So sánh",
    kind: "choice",
    choices: COMPARATOR_CHOICES,
    required: true,
    help: "kết quả phải = , >=, >, <=, < chỉ tiêu",
    example: ">=",
    width: 10,
  },
  {
    key: "value",
    header: "Giá trị",
    kind: "number",
    help: "số của chỉ tiêu; để trống nếu chưa có",
    example: "20",
    width: 10,
  },
  { key: "unit", header: "Đơn vị tính", kind: "text", help: "vd. nhà, %", width: 10 },
  {
    key: "text",
    header: "Lời của kế hoạch",
    kind: "text",
    help: "câu chỉ tiêu như trong kế hoạch",
    width: 36,
  },
  {
    key: "section",
    header: "Mã mục",
    kind: "id",
    ref: SHEET.sections,
    help: "mục nói về chỉ tiêu này; có thể để trống",
    width: 16,
  },
];

export const RULE_FIELDS: Field[] = [
  { key: "id", header: "Mã quy tắc", kind: "id", required: true, help: ID_HELP, width: 18 },
  {
    key: "when",
    header: "Khi",
    kind: "text",
    help: "điều kiện để áp dụng; để trống: luôn áp dụng",
    example: "ma_de_nghi > 0",
    width: 24,
  },
  {
    key: "assert",
    header: "Phải đúng",
    kind: "text",
    required: true,
    help: "biểu thức bằng mã chỉ số, vd. ma_da_ho_tro <= ma_de_nghi",
    example: "ma_da_ho_tro <= ma_de_nghi",
    width: 36,
  },
  {
    key: "severity",
    header: "Mức",
    kind: "choice",
    choices: SEVERITY_CHOICES,
    help: "lỗi hay cảnh báo; để trống: lỗi",
    width: 10,
  },
  {
    key: "scope",
    header: "Phạm vi",
    kind: "choice",
    choices: SCOPE_CHOICES,
    help: "toàn báo cáo hay từng đơn vị; để trống: toàn báo cáo",
    width: 14,
  },
  {
    key: "missing",
    header: "Khi thiếu số",
    kind: "choice",
    choices: MISSING_CHOICES,
    help: "bỏ qua quy tắc hay coi ô trống là 0",
    width: 12,
  },
  {
    key: "message",
    header: "Thông báo",
    kind: "text",
    required: true,
    help: "câu báo cho người nhập khi quy tắc sai",
    width: 40,
  },
  {
    key: "messageEn",
    header: "Thông báo (tiếng Anh)",
    kind: "text",
    help: "có thể để trống",
    width: 20,
  },
];

export const UNIT_FIELDS: Field[] = [
  {
    key: "name",
    header: "Tên đơn vị",
    kind: "text",
    required: true,
    help: "mỗi đơn vị một dòng, theo thứ tự in",
    example: "LĐLĐ huyện Tam Đường",
    width: 36,
  },
  {
    key: "parent",
    header: "Đơn vị cấp trên",
    kind: "text",
    help: "tên đơn vị cấp trên trong danh sách này; để trống nếu không có",
    width: 30,
  },
];

export const HISTORY_FIELDS: Field[] = [
  {
    key: "version",
    header: "Phiên bản",
    kind: "id",
    required: true,
    help: "phiên bản cũ, dạng x.y.z; các dòng cùng phiên bản là các thay đổi của nó",
    example: "1.0.0",
    width: 12,
  },
  {
    key: "note",
    header: "Ghi chú",
    kind: "text",
    help: "thay đổi gì, bằng lời (ở dòng đầu của phiên bản)",
    width: 36,
  },
  {
    key: "kind",
    header: "Thay đổi",
    kind: "choice",
    choices: CHANGE_CHOICES,
    help: "thêm, bỏ, đổi mã, tách, chuyển chỗ; để trống nếu phiên bản không đổi chỉ số",
    width: 12,
  },
  { key: "id", header: "Mã", kind: "id", help: "mã chỉ số (đổi mã, tách: mã cũ)", width: 18 },
  {
    key: "to",
    header: "Mã mới",
    kind: "ids",
    help: "đổi mã: mã mới; tách: các mã mới cách nhau dấu phẩy; chuyển chỗ: mã mục hay bảng mới",
    width: 24,
  },
  {
    key: "carryTo",
    header: "Chuyển số cũ sang",
    kind: "id",
    help: "tách: mã mới nhận nguyên số cũ; có thể để trống",
    width: 18,
  },
];

export interface SheetSpec {
  name: string;
  /** The template file's key for the list, or "settings" for the one-item sheet. */
  list:
    | "settings"
    | "sections"
    | "sentences"
    | "tables"
    | "rows"
    | "indicators"
    | "targets"
    | "rules"
    | "units"
    | "history";
  fields: Field[];
  /** What the sheet is for, written in the guidance row's first cell note. */
  about: string;
}

export const SHEETS: SheetSpec[] = [
  {
    name: SHEET.settings,
    list: "settings",
    fields: SETTINGS_FIELDS,
    about: "Thông tin chung của mẫu: mỗi dòng một mục, ghi giá trị ở cột B.",
  },
  {
    name: SHEET.sections,
    list: "sections",
    fields: SECTION_FIELDS,
    about: "Các mục của báo cáo, theo thứ tự in; mục con ghi mã mục cha.",
  },
  {
    name: SHEET.sentences,
    list: "sentences",
    fields: SENTENCE_FIELDS,
    about: "Câu văn dự thảo của từng mục, theo thứ tự.",
  },
  {
    name: SHEET.tables,
    list: "tables",
    fields: TABLE_FIELDS,
    about: "Các bảng; cột của bảng là các chỉ số ghi mã bảng ở trang Chỉ số.",
  },
  {
    name: SHEET.rows,
    list: "rows",
    fields: ROW_FIELDS,
    about: "Các dòng của bảng dòng cố định, theo thứ tự.",
  },
  {
    name: SHEET.indicators,
    list: "indicators",
    fields: INDICATOR_FIELDS,
    about: "Các chỉ số (ô số liệu), theo thứ tự trên trang; cột của bảng theo thứ tự cột.",
  },
  {
    name: SHEET.targets,
    list: "targets",
    fields: TARGET_FIELDS,
    about: "Các chỉ tiêu so với kết quả.",
  },
  { name: SHEET.rules, list: "rules", fields: RULE_FIELDS, about: "Quy tắc kiểm tra số liệu." },
  {
    name: SHEET.units,
    list: "units",
    fields: UNIT_FIELDS,
    about: "Danh sách đơn vị có sẵn trong sổ mới.",
  },
  {
    name: SHEET.history,
    list: "history",
    fields: HISTORY_FIELDS,
    about: "Các phiên bản cũ, cũ nhất trước, mỗi thay đổi một dòng.",
  },
];
