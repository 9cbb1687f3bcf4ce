// The dropdown lists of the authoring workbook: each code of the template file with the Vietnamese
// words an author picks. Building accepts either (a file exported by an older BáoCáo, or an author
// who knows the code), so only a value that is neither is refused.
import {
  AGGREGATIONS,
  BASELINES,
  COMPARATORS,
  DOC_TYPES,
  HEADER_FIELDS,
  PERIOD_KINDS,
  SECTION_LEVELS,
  type Aggregation,
  type Baseline,
  type Comparator,
  type HeaderField,
  type IndicatorType,
  type PeriodKindName,
  type SectionLevel,
} from "../model/schema";
import { INDICATOR_TYPES } from "../model/schema";

export interface Choice {
  code: string;
  label: string;
}

export interface ChoiceList {
  /** Names the list in messages and on the hidden list sheet. */
  name: string;
  choices: Choice[];
}

function list<C extends string>(name: string, labels: Record<C, string>, order: readonly C[]) {
  return { name, choices: order.map((code) => ({ code, label: labels[code] })) };
}

export const TYPE_CHOICES = list<IndicatorType>(
  "Kiểu",
  {
    integer: "số nguyên",
    decimal: "số thập phân",
    money: "tiền",
    percent: "tỷ lệ %",
    text: "chữ",
    date: "ngày",
    docref: "số/ký hiệu văn bản",
  },
  INDICATOR_TYPES
);

export const AGGREGATION_CHOICES = list<Aggregation>(
  "Cách tổng hợp",
  {
    sum: "cộng",
    average: "trung bình",
    max: "lớn nhất",
    last: "lấy số kỳ cuối",
    none: "không tổng hợp",
  },
  AGGREGATIONS
);

export const COMPARATOR_CHOICES = list<Comparator>(
  "So sánh",
  { eq: "=", gte: ">=", gt: ">", lte: "<=", lt: "<" },
  COMPARATORS
);

export const PERIOD_CHOICES = list<PeriodKindName>(
  "Kỳ báo cáo",
  {
    quarter: "quý",
    half: "6 tháng",
    nineMonths: "9 tháng",
    year: "năm",
    multiYear: "nhiều năm",
    midTerm: "giữa nhiệm kỳ",
    term: "nhiệm kỳ",
    cutoff: "mốc số liệu",
  },
  PERIOD_KINDS
);

export const DOC_TYPE_CHOICES: ChoiceList = {
  name: "Loại văn bản",
  choices: DOC_TYPES.map((code) => ({ code, label: code })),
};

export const LEVEL_CHOICES = list<SectionLevel>(
  "Cấp mục",
  {
    part: "phần (PHẦN I)",
    roman: "La Mã (I, II)",
    arabic: "số (1, 2)",
    decimal: "số thập phân (1.1)",
    letter: "chữ (a, b)",
  },
  SECTION_LEVELS
);

export const BASELINE_CHOICES = list<Baseline>(
  "Mốc so sánh",
  { lastYear: "cùng kỳ năm trước", startOfTerm: "đầu nhiệm kỳ" },
  BASELINES
);

export const HEADER_CHOICES = list<HeaderField>(
  "Ô đầu văn bản",
  {
    parentBody: "cơ quan cấp trên",
    issuingBody: "cơ quan ban hành",
    number: "số văn bản",
    place: "địa danh",
    date: "ngày",
    period: "kỳ",
    title: "trích yếu",
    signerAuthority: "quyền hạn ký",
    signerTitle: "chức vụ người ký",
    signerName: "người ký",
    recipients: "nơi nhận",
  },
  HEADER_FIELDS
);

export const TABLE_KIND_CHOICES = list<"perUnit" | "fixed" | "list">(
  "Loại bảng",
  { perUnit: "theo đơn vị", fixed: "dòng cố định", list: "danh sách" },
  ["perUnit", "fixed", "list"]
);

export const ROLE_CHOICES = list<"value" | "target">(
  "Vai trò",
  { value: "số liệu", target: "chỉ tiêu" },
  ["value", "target"]
);

export const SEVERITY_CHOICES = list<"error" | "warning">(
  "Mức",
  { error: "lỗi", warning: "cảnh báo" },
  ["error", "warning"]
);

export const SCOPE_CHOICES = list<"values" | "perUnit">(
  "Phạm vi",
  { values: "toàn báo cáo", perUnit: "từng đơn vị" },
  ["values", "perUnit"]
);

export const MISSING_CHOICES = list<"skip" | "zero">(
  "Khi thiếu số",
  { skip: "bỏ qua", zero: "coi là 0" },
  ["skip", "zero"]
);

export const CHANGE_CHOICES = list<"added" | "removed" | "renamed" | "split" | "moved">(
  "Thay đổi",
  { added: "thêm", removed: "bỏ", renamed: "đổi mã", split: "tách", moved: "chuyển chỗ" },
  ["added", "removed", "renamed", "split", "moved"]
);

export const YES_NO: ChoiceList = {
  name: "Có/không",
  choices: [
    { code: "true", label: "có" },
    { code: "false", label: "không" },
  ],
};

export const ALL_CHOICE_LISTS: ChoiceList[] = [
  TYPE_CHOICES,
  AGGREGATION_CHOICES,
  COMPARATOR_CHOICES,
  PERIOD_CHOICES,
  DOC_TYPE_CHOICES,
  LEVEL_CHOICES,
  BASELINE_CHOICES,
  HEADER_CHOICES,
  TABLE_KIND_CHOICES,
  ROLE_CHOICES,
  SEVERITY_CHOICES,
  SCOPE_CHOICES,
  MISSING_CHOICES,
  CHANGE_CHOICES,
  YES_NO,
];

const fold = (s: string) => s.normalize("NFC").trim().toLowerCase();

/** The code a cell names, by its label or its code; undefined when it names neither. */
export function choiceCode(list: ChoiceList, text: string): string | undefined {
  const key = fold(text);
  const hit = list.choices.find((c) => fold(c.label) === key || fold(c.code) === key);
  return hit?.code;
}

export function choiceLabel(list: ChoiceList, code: string): string {
  return list.choices.find((c) => c.code === code)?.label ?? code;
}

export function choiceLabels(list: ChoiceList): string {
  return list.choices.map((c) => `“${c.label}”`).join(", ");
}
