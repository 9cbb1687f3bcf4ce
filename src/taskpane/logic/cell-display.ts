// How the preview's sheet viewer shows a cell: dates dd/mm/yyyy, numbers and percentages the
// Vietnamese way (1.591.896.000 · 87,5%), as Excel would with the cell's number format.
import { excelSerialToIso } from "../../core/period";
import type { RawCell } from "../../core/data/snapshot";

export type CellKind = "date" | "percent" | "number" | "text";

/** The kind of an Excel number format: "dd/mm/yyyy" → date, "0.0%" → percent, "#,##0" → number. */
export function kindOfNumberFormat(numFmt: string | null | undefined): CellKind {
  if (!numFmt || numFmt === "General") return "number";
  if (numFmt === "@") return "text";
  // Drop quoted literals, escaped characters and [colour]/[condition] sections before looking for tokens.
  const bare = numFmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/%/.test(bare)) return "percent";
  if (/[dmy]/i.test(bare.replace(/E[+-]/gi, ""))) return "date";
  return "number";
}

/** Decimals a format asks for ("0.0%" → 1, "#,##0.00" → 2); null for General. */
export function decimalsOf(numFmt: string | null | undefined): number | null {
  if (!numFmt || numFmt === "General") return null;
  const m = /\.([0#?]+)/.exec(numFmt.split(";")[0]);
  return m ? m[1].length : 0;
}

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function formatDate(serial: number): string | null {
  const iso = excelSerialToIso(Math.floor(serial));
  if (!iso) return null;
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The text the viewer shows for a cell. `locale` is vi-VN unless the user switched the pane to English. */
export function displayCell(value: RawCell, numFmt?: string | null, locale = "vi-VN"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  if (!Number.isFinite(value)) return String(value);
  const kind = kindOfNumberFormat(numFmt);
  const decimals = decimalsOf(numFmt);
  if (kind === "date") return formatDate(value) ?? String(value);
  if (kind === "percent") {
    const d = decimals ?? 1;
    const signDisplay = numFmt?.startsWith("+") ? "exceptZero" : "auto";
    return numberFormat(locale, {
      style: "percent",
      minimumFractionDigits: d,
      maximumFractionDigits: d,
      signDisplay,
    })
      .format(value)
      .replace(/\s+%/, "%"); // "87,5 %" → "87,5%": no space before % in the documents
  }
  // General shows no thousands separators (a year stays "2024"); "#,##0" formats group ("1.591.896.000").
  const grouping = numFmt ? /[#0],[#0]/.test(numFmt) : false;
  const options: Intl.NumberFormatOptions =
    decimals === null
      ? { maximumFractionDigits: 10, useGrouping: false }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping };
  return numberFormat(locale, options).format(value);
}
