// Input messages and error alerts of Excel's data validation, in Vietnamese.
// Excel caps a title at 32 characters and a message at 255, so both are clipped here.
import type { Indicator } from "../model/load";
import type { PlanValidation } from "./plan";

const TITLE_MAX = 32;
const MESSAGE_MAX = 255;

export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : t.slice(0, max - 1).trimEnd() + "…";
}

// One formatter for every message: constructing an Intl.NumberFormat (locale data, options) costs
// far more than formatting with one, and planning a workbook asks for a message per input range.
let numberFormat: Intl.NumberFormat | null = null;

function numberText(n: number): string {
  numberFormat ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
  return numberFormat.format(n);
}

type Rule = Omit<PlanValidation, "range" | "promptTitle" | "prompt" | "errorTitle" | "error">;

export interface InputValidation {
  rule: Rule;
  prompt: string;
  error: string;
}

/** Excel's serial numbers for the widest sensible report dates. */
export const DATE_MIN_SERIAL = 36526; // 01/01/2000
export const DATE_MAX_SERIAL = 73050; // 31/12/2099 (73051 would be 01/01/2100)

function bounds(ind: Indicator, defaultMin: number | null, defaultMax: number | null) {
  const min = ind.min ?? defaultMin;
  const max = ind.max ?? defaultMax;
  let operator: Rule["operator"] = "between";
  if (min !== null && max === null) operator = "greaterThanOrEqual";
  if (min === null && max !== null) operator = "lessThanOrEqual";
  return { min, max, operator };
}

function rangeText(min: number | null, max: number | null, fmt: (n: number) => string): string {
  if (min !== null && max !== null) return `từ ${fmt(min)} đến ${fmt(max)}`;
  if (min !== null) return `từ ${fmt(min)} trở lên`;
  if (max !== null) return `không quá ${fmt(max)}`;
  return "";
}

const BLANK_HINT = "Để trống nếu không có số liệu.";

export function validationFor(ind: Indicator): InputValidation | null {
  const unit = ind.unit ? ` (${ind.unit})` : "";
  const help = ind.help ? ` ${ind.help}` : "";
  switch (ind.type) {
    case "integer":
    case "money": {
      const { min, max, operator } = bounds(ind, 0, null);
      const r = rangeText(min, max, numberText);
      const what = ind.type === "money" ? "số tiền bằng đồng, số nguyên" : "số nguyên";
      return {
        rule: {
          kind: "whole",
          operator,
          formula1: min ?? max ?? 0,
          formula2: operator === "between" ? (max ?? undefined) : undefined,
        },
        prompt: `Nhập ${what}${unit} ${r}.${help} Gõ số, không gõ dấu chấm ngăn cách hàng nghìn.`,
        error: `"${ind.label}" chỉ nhận ${what} ${r}. Gõ lại dạng số, ví dụ 1250 (không gõ "1.250" hay chữ). ${BLANK_HINT}`,
      };
    }
    case "decimal": {
      const { min, max, operator } = bounds(ind, 0, null);
      const r = rangeText(min, max, numberText);
      return {
        rule: {
          kind: "decimal",
          operator,
          formula1: min ?? max ?? 0,
          formula2: operator === "between" ? (max ?? undefined) : undefined,
        },
        prompt: `Nhập số${unit} ${r}.${help}`,
        error: `"${ind.label}" chỉ nhận số ${r}. Gõ lại dạng số, dấu thập phân theo cài đặt của máy. ${BLANK_HINT}`,
      };
    }
    case "percent": {
      // Rates are stored as Excel stores them (0,875 for 87,5%); typing "87,5%" does that.
      const { min, max, operator } = bounds(ind, 0, 1);
      const pct = (n: number) => `${numberText(n * 100)}%`;
      const r = rangeText(min, max, pct);
      return {
        rule: {
          kind: "decimal",
          operator,
          formula1: min ?? max ?? 0,
          formula2: operator === "between" ? (max ?? undefined) : undefined,
        },
        prompt: `Nhập tỷ lệ ${r}, gõ kèm dấu % (ví dụ 87,5%).${help}`,
        error: `"${ind.label}" là tỷ lệ ${r}. Gõ kèm dấu %, ví dụ 87,5%. ${BLANK_HINT}`,
      };
    }
    case "date":
      return {
        rule: {
          kind: "date",
          operator: "between",
          formula1: DATE_MIN_SERIAL,
          formula2: DATE_MAX_SERIAL,
        },
        prompt: `Nhập ngày dạng ngày/tháng/năm, ví dụ 08/3/2024.${help}`,
        error: `"${ind.label}" chỉ nhận ngày (ngày/tháng/năm) từ năm 2000 đến 2099. Gõ lại, ví dụ 08/3/2024.`,
      };
    case "docref":
      return {
        rule: { kind: "textLength", operator: "between", formula1: 3, formula2: 120 },
        prompt: `Nhập số, ký hiệu văn bản, ví dụ 62/BC-LĐLĐ.${help}`,
        error: `"${ind.label}" là số, ký hiệu văn bản (3–120 ký tự), ví dụ 62/BC-LĐLĐ.`,
      };
    case "text":
      return null;
  }
}

export function toPlanValidation(
  range: PlanValidation["range"],
  title: string,
  v: InputValidation
): PlanValidation {
  return {
    range,
    ...v.rule,
    promptTitle: clip(title, TITLE_MAX),
    prompt: clip(v.prompt, MESSAGE_MAX),
    errorTitle: clip("Số liệu không hợp lệ", TITLE_MAX),
    error: clip(v.error, MESSAGE_MAX),
  };
}

export function listValidation(
  range: PlanValidation["range"],
  title: string,
  items: string[],
  prompt: string,
  error: string
): PlanValidation {
  return {
    range,
    kind: "list",
    operator: "between",
    formula1: items,
    promptTitle: clip(title, TITLE_MAX),
    prompt: clip(prompt, MESSAGE_MAX),
    errorTitle: clip("Giá trị không có trong danh sách", TITLE_MAX),
    error: clip(error, MESSAGE_MAX),
  };
}
