/**
 * Cell value semantics: how Excel turns written input into stored content, and how stored
 * numbers are displayed for Range.text. Display follows en-US conventions (see README).
 */
import type { CellValue } from "./state";

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export interface ParsedInput {
  v: CellValue;
  f: string | null;
  /** Number format Excel applies implicitly (typing "12%" formats the cell as a percent). */
  impliedFormat?: string;
}

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** Days between Excel's epoch (1899-12-30, accounting for the 1900 leap-year bug) and a date. */
export function dateToSerial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d)
    return null;
  const serial = Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
  return serial < 61 ? serial - 1 : serial;
}

export function serialToDate(serial: number): { y: number; m: number; d: number } {
  const whole = Math.floor(serial);
  const adjusted = whole < 61 ? whole + 1 : whole;
  const dt = new Date(Date.UTC(1899, 11, 30) + adjusted * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function parseNumberText(s: string): number | null {
  if (!NUMBER_RE.test(s) || !/\d/.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * Interprets a value written through Range.values/formulas the way typing it into a cell would
 * (en-US): "=..." becomes a formula, "'x" stays text, "1,234" and "12%" become numbers, "TRUE"
 * a boolean, "3/15/2024" or "2024-03-15" a date serial. Text-formatted cells ("@") keep strings.
 */
export function parseInput(raw: CellValue, numberFormat: string): ParsedInput {
  if (typeof raw !== "string") return { v: raw, f: null };
  if (raw === "") return { v: "", f: null };
  if (numberFormat === "@") return { v: raw, f: null };
  if (raw.startsWith("=") && raw.length > 1) return { v: "", f: raw };
  if (raw.startsWith("'")) return { v: raw.slice(1), f: null };
  const s = raw.trim();
  const upper = s.toUpperCase();
  if (upper === "TRUE") return { v: true, f: null };
  if (upper === "FALSE") return { v: false, f: null };
  if (ERROR_VALUES.includes(upper)) return { v: upper, f: null };
  const n = parseNumberText(s);
  if (n !== null) {
    return s.includes(",") && numberFormat === "General"
      ? { v: n, f: null, impliedFormat: "#,##0" }
      : { v: n, f: null };
  }
  if (s.endsWith("%")) {
    const p = parseNumberText(s.slice(0, -1).trim());
    if (p !== null) return { v: p / 100, f: null, impliedFormat: s.includes(".") ? "0.00%" : "0%" };
  }
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const serial = dateToSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    if (serial !== null) return { v: serial, f: null, impliedFormat: "m/d/yyyy" };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const serial = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== null) return { v: serial, f: null, impliedFormat: "yyyy-mm-dd" };
  }
  return { v: raw, f: null };
}

export function valueType(v: CellValue): string {
  if (v === "") return "Empty";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return ERROR_VALUES.includes(v) ? "Error" : "String";
}

/** Excel's General format: up to 11 significant characters, switching to scientific notation. */
function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const s = n.toExponential(5);
    const [mant, exp] = s.split("e");
    const trimmed = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const e = Number(exp);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  let s = n.toFixed(decimals);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s === "-0" ? "0" : s;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatFixed(n: number, decimals: number, thousands: boolean): string {
  const s = Math.abs(n).toFixed(decimals);
  const [i, d] = s.split(".");
  const body = (thousands ? groupThousands(i) : i) + (d !== undefined ? `.${d}` : "");
  return n < 0 && Number(s) !== 0 ? `-${body}` : body;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatDate(serial: number, fmt: string): string {
  const { y, m, d } = serialToDate(serial);
  return fmt.replace(/yyyy|yy|mm|m|dd|d/gi, (token) => {
    switch (token.toLowerCase()) {
      case "yyyy":
        return String(y);
      case "yy":
        return pad2(y % 100);
      case "mm":
        return pad2(m);
      case "m":
        return String(m);
      case "dd":
        return pad2(d);
      default:
        return String(d);
    }
  });
}

/** Picks the section of "pos;neg;zero;text" that applies, as Excel does. */
function section(fmt: string, n: number): { fmt: string; negativeHandled: boolean } {
  const parts = fmt.split(";");
  if (parts.length === 1) return { fmt, negativeHandled: false };
  if (n < 0) return { fmt: parts[1], negativeHandled: true };
  if (n === 0 && parts.length > 2) return { fmt: parts[2], negativeHandled: false };
  return { fmt: parts[0], negativeHandled: false };
}

/**
 * Range.text for one cell. Supports General, "@", 0 / 0.0..., #,##0 / #,##0.00..., percentages
 * and day/month/year date formats; anything else falls back to General.
 */
export function formatValue(v: CellValue, numberFormat: string): string {
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (numberFormat === "General" || numberFormat === "@" || numberFormat === "")
    return formatGeneral(v);
  const sec = section(numberFormat, v);
  let fmt = sec.fmt.replace(/\[[^\]]*\]/g, "").replace(/"([^"]*)"/g, "$1");
  const n = sec.negativeHandled ? Math.abs(v) : v;
  let prefix = "";
  let suffix = "";
  const wrapped = /^\((.*)\)$/.exec(fmt);
  if (wrapped) {
    fmt = wrapped[1];
    prefix = "(";
    suffix = ")";
  }
  if (/[dy]/i.test(fmt) && /^[dmy/\-. ]+$/i.test(fmt)) {
    return prefix + formatDate(n, fmt) + suffix;
  }
  const num = /^([^#0]*)([#,0]*0|#,##0|#)(\.(0+))?(%?)(.*)$/.exec(fmt);
  if (!num) return formatGeneral(v);
  const [, lead, intPattern, , decimals, percent, trail] = num;
  const scaled = percent ? n * 100 : n;
  const body = formatFixed(scaled, decimals ? decimals.length : 0, intPattern.includes(","));
  return `${prefix}${lead}${body}${percent}${trail}${suffix}`;
}
