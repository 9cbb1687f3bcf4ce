// The summary line (trích yếu) from the template's pattern and the report period.
import { nextPeriod, parsePeriod, periodLabel, type Period } from "../period";
import type { PeriodKindName } from "./schema";
import type { Template } from "./load";

function asPeriod(text: string | undefined, kinds: readonly PeriodKindName[]): Period | null {
  if (!text) return null;
  for (const kind of kinds) {
    const p = parsePeriod(text, kind);
    if (!("error" in p)) return p;
  }
  return null;
}

/** Parses a period code for this template, trying each period kind it allows. */
export function templatePeriod(
  template: Pick<Template, "periodKinds">,
  text: string | undefined
): Period | null {
  return asPeriod(text, template.periodKinds);
}

/**
 * What a review of the period is called: "tổng kết" closes a year, a term or a multi-year stage;
 * "sơ kết" reviews part of one (quarter, 6 or 9 months, mid-term). Seed 001's 6-month cluster
 * report says "Sơ kết"; its year report says "Tổng kết".
 */
function reviewWord(p: Period | null, lang: "vi" | "en"): string {
  const closing = p !== null && (p.kind === "year" || p.kind === "term" || p.kind === "multiYear");
  if (lang === "en") return closing ? "final review" : "interim review";
  return closing ? "tổng kết" : "sơ kết";
}

const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

/**
 * Replaces {period}, {nextPeriod}, {year} and {review}/{Review} ("sơ kết" or "tổng kết" by the
 * period's kind) in template text (titles, headings).
 */
export function expandPlaceholders(
  template: Pick<Template, "periodKinds">,
  text: string,
  periodText?: string,
  lang: "vi" | "en" = "vi"
): string {
  if (!text.includes("{")) return text;
  const p = asPeriod(periodText, template.periodKinds);
  const next = p ? nextPeriod(p) : null;
  return text
    .replace(
      /\{period\}/g,
      p ? periodLabel(p, { lang }) : lang === "vi" ? "trong kỳ" : "the period"
    )
    .replace(
      /\{nextPeriod\}/g,
      next ? periodLabel(next, { lang }) : lang === "vi" ? "kỳ tới" : "next period"
    )
    .replace(/\{year\}/g, p ? String(p.endYear) : "……")
    .replace(/\{review\}/g, reviewWord(p, lang))
    .replace(/\{Review\}/g, capitalised(reviewWord(p, lang)));
}

export function expandTitle(
  template: Pick<Template, "titlePattern" | "periodKinds">,
  periodText?: string
): string {
  return expandPlaceholders(template, template.titlePattern, periodText);
}

const HINTS: Record<PeriodKindName, string> = {
  quarter: "2024-Q1 (quý I/2024)",
  half: "2024-H1 (6 tháng đầu năm), 2024-H2",
  nineMonths: "2024-M9 (9 tháng đầu năm)",
  year: "2024 (năm 2024)",
  multiYear: "2021-2024 (giai đoạn)",
  midTerm: "2023-2028 (nửa nhiệm kỳ 2023 - 2028)",
  term: "2023-2028 (nhiệm kỳ)",
  cutoff: "2025-05-31 (tính đến ngày 31/5/2025), 2025-11-30",
};

export function periodHint(kinds: readonly PeriodKindName[]): string {
  return `Ghi mã kỳ: ${kinds.map((k) => HINTS[k]).join("; ")}.`;
}
