/**
 * Reads numbers typed as text the Vietnamese way, so the validator can both use the value and
 * warn "số được gõ dưới dạng văn bản" (kind tells how it was written).
 *
 * The dot rule (Vietnamese convention: "." groups thousands, "," marks decimals):
 * - "1.591.896.000", "12.500": a dot followed by groups of exactly 3 digits, with a first group
 *   of 1–3 digits not starting with 0, is a thousands separator → 1591896000, 12500.
 * - "12.5", "0.500", "1234.567": any other single dot cannot be grouping, so it is read as a
 *   decimal point (typed by someone used to English notation or a calculator) → 12.5, 0.5, 1234.567.
 *   Consequence to know: "12.500" is twelve thousand five hundred, never 12,5.
 * - "1.234,5": grouped integer part and decimal comma → 1234.5.
 * - Several dots not in groups of 3 ("1.23.4"), doubled separators ("1..2"), several commas
 *   ("1,234,567", English grouping) and comma before dot ("1,234.5", English) are rejected with
 *   a message saying what is wrong rather than guessed.
 * Also accepted: spaces (incl. non-breaking) around the number and as thousands separators in
 * strict groups of 3 ("1 591 896 000", as pasted from PDFs), "+", "-" and the Unicode minus "−",
 * a trailing "%" (value divided by 100, as Excel stores it), and money words
 * "nghìn/ngàn" 10^3, "triệu" 10^6, "tỷ/tỉ" 10^9 (combinable: "nghìn tỷ") with an optional
 * "đồng"/"đ"/"VNĐ" suffix.
 */

/** How the number was written. Every kind means the cell held text, not a number. */
export type NumberTextKind = "plain" | "grouped" | "decimal-comma" | "percent" | "money-words";

export interface ParsedNumber {
  value: number;
  kind: NumberTextKind;
}

export interface ParseError {
  error: string;
}

export type ParseNumberResult = ParsedNumber | ParseError;

export function isParseError(result: ParsedNumber | ParseError): result is ParseError {
  return "error" in result;
}

/** Multiplier words as powers of ten: "1,4 tỷ", "610 triệu". */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["nghìn", 3],
  ["ngàn", 3],
  ["triệu", 6],
  ["tỷ", 9],
  ["tỉ", 9],
]);
const CURRENCY_WORDS = new Set(["đồng", "đ", "vnđ", "vnd"]);
const MINUS_SIGNS = new Set(["-", "\u2212", "\u2013"]);

/** A number body split into integer and fraction digits. */
interface Body {
  integer: string;
  fraction: string;
  kind: "plain" | "grouped" | "decimal-comma";
}

export function parseVietnameseNumber(text: string): ParseNumberResult {
  // \s covers the non-breaking and thin spaces; zero-width spaces come from copy-paste.
  const cleaned = text
    .normalize("NFC")
    .replace(/\u200B/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (cleaned === "") {
    return { error: "Ô trống: không có số." };
  }
  let rest = cleaned;
  let negative = false;
  if (MINUS_SIGNS.has(rest[0]) || rest[0] === "+") {
    negative = rest[0] !== "+";
    rest = rest.slice(1).trimStart();
  }
  const bodyText =
    /^[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?(?![\d.,])/.exec(rest)?.[0] ?? /^[\d.,]+/.exec(rest)?.[0];
  if (!bodyText || !/\d/.test(bodyText)) {
    return { error: notANumber(cleaned) };
  }
  const body = parseBody(bodyText);
  if ("error" in body) {
    return body;
  }
  const suffix = parseSuffix(rest.slice(bodyText.length).trim());
  if ("error" in suffix) {
    return suffix;
  }
  // Build the value from decimal text so it is the double nearest to what was typed (as Excel).
  const sign = negative ? "-" : "";
  const value = Number(`${sign}${body.integer}.${body.fraction || "0"}e${suffix.exponent}`);
  if (!Number.isFinite(value)) {
    return { error: `Số “${cleaned}” quá lớn.` };
  }
  return { value: value === 0 ? 0 : value, kind: suffix.kind ?? body.kind };
}

function notANumber(cleaned: string): string {
  const word = /^[^\d\s]+/.exec(cleaned)?.[0];
  if (word && /\d/.test(cleaned)) {
    return `Có chữ “${word}” đứng trước số: ô số liệu chỉ nhận con số.`;
  }
  return `“${cleaned}” không phải là số.`;
}

function parseBody(text: string): Body | ParseError {
  if (/[.,]{2}/.test(text)) {
    return { error: `Có hai dấu phân cách liền nhau trong “${text}”.` };
  }
  if (/^[.,]|[.,]$/.test(text)) {
    return { error: `Số “${text}” không được bắt đầu hay kết thúc bằng dấu chấm, dấu phẩy.` };
  }
  if (text.includes(" ")) {
    const [integer, fraction = ""] = text.split(",");
    return { integer: integer.replace(/ /g, ""), fraction, kind: "grouped" };
  }
  if (/^\d+$/.test(text)) {
    return { integer: text, fraction: "", kind: "plain" };
  }
  const commas = text.split(",").length - 1;
  if (commas > 1) {
    return /^\d{1,3}(,\d{3})+$/.test(text)
      ? {
          error: `“${text}” dùng dấu phẩy phân cách hàng nghìn (kiểu tiếng Anh); hãy viết bằng dấu chấm: ${text.replace(/,/g, ".")}.`,
        }
      : { error: `“${text}” có nhiều dấu phẩy; dấu phẩy là dấu thập phân nên chỉ có một.` };
  }
  const [integerText, fraction = ""] = text.split(",");
  if (fraction.includes(".")) {
    return {
      error: `“${text}” có dấu phẩy trước dấu chấm (kiểu tiếng Anh); kiểu Việt Nam là 1.234,5.`,
    };
  }
  if (commas === 1 && !integerText.includes(".")) {
    return { integer: integerText, fraction, kind: "decimal-comma" };
  }
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(integerText)) {
    return {
      integer: integerText.replace(/\./g, ""),
      fraction,
      kind: commas === 1 ? "decimal-comma" : "grouped",
    };
  }
  if (commas === 1) {
    return { error: groupingError(text) };
  }
  const dots = integerText.split(".");
  if (dots.length === 2) {
    // A single dot that cannot be grouping is a decimal point: "12.5" → 12.5.
    return { integer: dots[0], fraction: dots[1], kind: "plain" };
  }
  return { error: groupingError(text) };
}

function groupingError(text: string): string {
  return `“${text}”: dấu chấm phân cách hàng nghìn phải đứng trước đúng 3 chữ số (ví dụ 1.234.567).`;
}

interface Suffix {
  exponent: number;
  kind?: NumberTextKind;
}

function parseSuffix(text: string): Suffix | ParseError {
  if (text === "") {
    return { exponent: 0 };
  }
  if (text === "%") {
    return { exponent: -2, kind: "percent" };
  }
  // The unit may follow the digits without a space ("8.000.000đồng"): the body stops at "đ".
  const words = text.toLowerCase().split(" ");
  let exponent = 0;
  let index = 0;
  while (index < words.length && MULTIPLIERS.has(words[index])) {
    exponent += MULTIPLIERS.get(words[index]) ?? 0;
    index += 1;
  }
  if (index < words.length && CURRENCY_WORDS.has(words[index])) {
    index += 1;
  }
  if (index !== words.length) {
    return { error: `Không hiểu phần “${text}” sau số (chỉ nhận %, nghìn, triệu, tỷ, đồng).` };
  }
  return { exponent, kind: "money-words" };
}
