// Reading one cell as the value its indicator expects. Numbers typed as text in the Vietnamese
// way ("1.591.896.000", "87%") are understood but flagged, because Excel cannot add them up.
import { isParseError, parseVietnameseNumber, formatNumber } from "../format";
import { excelSerialToIso, isValidIsoDate, toIsoDate } from "../period";
import type { IndicatorType } from "../model/schema";
import type { Finding } from "../findings";
import type { DataValue } from "./types";
import type { RawCell } from "./snapshot";

export interface Where {
  sheet: string;
  cell: string;
  indicator: string | null;
  label: string;
}

export interface TypedRead {
  value: DataValue;
  findings: Finding[];
}

const NUMERIC: ReadonlySet<IndicatorType> = new Set(["integer", "decimal", "money", "percent"]);

function f(
  where: Where,
  severity: Finding["severity"],
  rule: string,
  value: Finding["value"],
  message: string
): Finding {
  return {
    severity,
    sheet: where.sheet,
    cell: where.cell,
    indicator: where.indicator,
    rule,
    value,
    message,
  };
}

function at(where: Where): string {
  // Sheet and cell travel in the finding's own fields; the message names the figure.
  return `"${where.label}"`;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function readTyped(type: IndicatorType, raw: RawCell, where: Where): TypedRead {
  if (raw === null || (typeof raw === "string" && raw.trim() === ""))
    return { value: null, findings: [] };
  if (typeof raw === "object" && raw.stored !== undefined) return unreadable(where, raw.stored);
  // Office.js never gives a non-finite number; a file can (NaN, 1e309 read by another adapter).
  if (typeof raw === "number" && !Number.isFinite(raw)) return unreadable(where, String(raw));
  if (typeof raw === "object") {
    return {
      value: null,
      findings: [
        f(
          where,
          "error",
          "excel-error",
          raw.error,
          `${at(where)} có lỗi Excel ${raw.error}. Sửa công thức hoặc gõ lại số liệu.`
        ),
      ],
    };
  }
  if (typeof raw === "boolean") {
    return {
      value: null,
      findings: [
        f(
          where,
          "error",
          "type",
          raw,
          `${at(where)} chứa giá trị đúng/sai (${raw ? "TRUE" : "FALSE"}); hãy nhập ${describe(type)}.`
        ),
      ],
    };
  }

  if (NUMERIC.has(type)) {
    if (typeof raw === "number") return { value: raw, findings: [] };
    const parsed = parseVietnameseNumber(raw);
    if (isParseError(parsed)) {
      return {
        value: null,
        findings: [
          f(
            where,
            "error",
            "type",
            raw,
            `${at(where)} ghi "${raw}", không phải ${describe(type)}: ${parsed.error}. Gõ lại dạng số.`
          ),
        ],
      };
    }
    const shown =
      parsed.kind === "percent"
        ? `${formatNumber(parsed.value * 100, { decimals: "auto" })}%`
        : formatNumber(parsed.value, { decimals: "auto" });
    return {
      value: parsed.value,
      findings: [
        f(
          where,
          "warning",
          "number-as-text",
          raw,
          `${at(where)} chứa số gõ dưới dạng văn bản "${raw}". BáoCáo hiểu là ${shown}, nhưng Excel không cộng được ô này: xoá và gõ lại dạng số.`
        ),
      ],
    };
  }

  if (type === "date") {
    if (typeof raw === "number") {
      const iso = excelSerialToIso(raw);
      if (iso) return { value: iso, findings: [] };
      return {
        value: null,
        findings: [
          f(
            where,
            "error",
            "type",
            raw,
            `${at(where)} không phải ngày hợp lệ. Gõ lại dạng ngày/tháng/năm.`
          ),
        ],
      };
    }
    const text = raw.trim();
    const m = DMY.exec(text);
    const iso = m
      ? toIsoDate(Number(m[3]), Number(m[2]), Number(m[1]))
      : isValidIsoDate(text)
        ? text
        : null;
    if (iso && isValidIsoDate(iso)) {
      return {
        value: iso,
        findings: [
          f(
            where,
            "warning",
            "date-as-text",
            raw,
            `${at(where)} chứa ngày gõ dưới dạng văn bản "${raw}". Gõ lại để Excel nhận là ngày.`
          ),
        ],
      };
    }
    return {
      value: null,
      findings: [
        f(
          where,
          "error",
          "type",
          raw,
          `${at(where)} ghi "${raw}", không phải ngày. Gõ dạng ngày/tháng/năm, ví dụ 08/3/2024.`
        ),
      ],
    };
  }

  // text and document references
  return { value: typeof raw === "number" ? String(raw) : raw, findings: [] };
}

/** A value the file stores that no spreadsheet reads as a number or date: damage, or another
 * tool's mistake. Never guessed at (parseFloat would read "12abc" as 12). */
function unreadable(where: Where, stored: string): TypedRead {
  return {
    value: null,
    findings: [
      f(
        where,
        "error",
        "unreadable-value",
        stored,
        `${at(where)} lưu giá trị "${stored.slice(0, 40)}" mà Excel không đọc được thành số hay ngày (tệp có thể bị hỏng hoặc do công cụ khác ghi sai). Xoá ô rồi gõ lại số liệu trong Excel.`
      ),
    ],
  };
}

function describe(type: IndicatorType): string {
  switch (type) {
    case "integer":
      return "số nguyên";
    case "decimal":
      return "số";
    case "money":
      return "số tiền (đồng)";
    case "percent":
      return "tỷ lệ phần trăm";
    case "date":
      return "ngày";
    case "docref":
      return "số, ký hiệu văn bản";
    case "text":
      return "văn bản";
  }
}

/** Text of a header or free-text cell: numbers and dates are shown as text. */
export function readText(raw: RawCell): string | null {
  if (raw === null || typeof raw === "object" || typeof raw === "boolean") return null;
  const s = typeof raw === "number" ? String(raw) : raw;
  return s.trim() === "" ? null : s;
}
