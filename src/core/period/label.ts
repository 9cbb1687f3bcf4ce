/** Periods in words, as the documents write them ("quý I/2024", "6 tháng đầu năm 2024"). */
import { formatShortDate } from "./documentDate";
import type { Period } from "./types";

const ROMAN = ["I", "II", "III", "IV"] as const;

export type LabelLanguage = "vi" | "en";

/**
 * Vietnamese (default): "quý I/2024", "6 tháng đầu năm 2024", "6 tháng cuối năm 2024",
 * "9 tháng đầu năm 2024", "năm 2024", "giai đoạn 2021 - 2024", "nửa nhiệm kỳ 2023 - 2028",
 * "nửa nhiệm kỳ còn lại của nhiệm kỳ 2023 - 2028", "nhiệm kỳ 2023 - 2028", "tính đến ngày 31/5/2025"
 * (the forms of QĐ 1454/QĐ-TLĐ: "Số liệu tính đến ngày: 31/5, 30/11"). Lower case, to sit
 * inside a sentence; headings upper-case it ("QUÝ I/2024").
 * English: "Q1 2024", "first half of 2024", …, "2023–2028 term".
 */
export function periodLabel(p: Period, opts: { lang?: LabelLanguage } = {}): string {
  return (opts.lang ?? "vi") === "en" ? englishLabel(p) : vietnameseLabel(p);
}

function vietnameseLabel(p: Period): string {
  const range = `${p.startYear} - ${p.endYear}`;
  switch (p.kind) {
    case "quarter":
      return `quý ${ROMAN[(p.quarter ?? 1) - 1]}/${p.startYear}`;
    case "half":
      return `6 tháng ${p.half === 2 ? "cuối" : "đầu"} năm ${p.startYear}`;
    case "nineMonths":
      return `9 tháng đầu năm ${p.startYear}`;
    case "year":
      return `năm ${p.startYear}`;
    case "multiYear":
      return `giai đoạn ${range}`;
    case "midTerm":
      // "nửa nhiệm kỳ còn lại" is the seed 004 wording for what follows the mid-term review.
      return p.half === 2 ? `nửa nhiệm kỳ còn lại của nhiệm kỳ ${range}` : `nửa nhiệm kỳ ${range}`;
    case "term":
      return `nhiệm kỳ ${range}`;
    case "cutoff":
      return `tính đến ngày ${formatShortDate(p.end)}`;
  }
}

function englishLabel(p: Period): string {
  const range = `${p.startYear}\u2013${p.endYear}`;
  switch (p.kind) {
    case "quarter":
      return `Q${p.quarter ?? 1} ${p.startYear}`;
    case "half":
      return `${p.half === 2 ? "second" : "first"} half of ${p.startYear}`;
    case "nineMonths":
      return `first nine months of ${p.startYear}`;
    case "year":
      return `year ${p.startYear}`;
    case "multiYear":
      return `period ${range}`;
    case "midTerm":
      return `${p.half === 2 ? "second" : "first"} half of the ${range} term`;
    case "term":
      return `${range} term`;
    case "cutoff":
      return `as of ${p.half === 2 ? "30 November" : "31 May"} ${p.startYear}`;
  }
}
