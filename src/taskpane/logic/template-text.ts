// A template's texts in the pane's language (templates carry English titles as optional extras).
import { isPeriodError, parsePeriod, periodLabel, type PeriodKind } from "../../core/period";
import type { Template } from "../../core/model/load";
import { periodHint } from "../../core/model/title";
import type { Lang, Messages } from "../i18n";

export function templateTitle(t: Pick<Template, "title" | "titleEn">, lang: Lang): string {
  return lang === "en" && t.titleEn ? t.titleEn : t.title;
}

export function templateDescription(
  t: Pick<Template, "description" | "descriptionEn">,
  lang: Lang
): string {
  return lang === "en" && t.descriptionEn ? t.descriptionEn : t.description;
}

/** One example period code of each kind. */
export const EXAMPLE_CODES: Readonly<Record<PeriodKind, string>> = {
  quarter: "2024-Q1",
  half: "2024-H1",
  nineMonths: "2024-M9",
  year: "2024",
  multiYear: "2021-2024",
  midTerm: "2023-2028",
  term: "2023-2028",
  cutoff: "2025-05-31",
};

/** The periods a template accepts: the core's Vietnamese hint, or the same built from English labels. */
export function acceptedPeriods(kinds: readonly PeriodKind[], lang: Lang, m: Messages): string {
  if (lang === "vi") return periodHint(kinds);
  const codes = kinds.map((k) => {
    const p = parsePeriod(EXAMPLE_CODES[k], k);
    return isPeriodError(p) ? EXAMPLE_CODES[k] : `${p.text} (${periodLabel(p, { lang: "en" })})`;
  });
  return m.gallery.periodHint(codes.join("; "));
}

/** The seed document a template follows, without the internal "seed 002" prefix. */
export function seedText(source: string | undefined): string | null {
  if (!source) return null;
  const s = source
    .trim()
    .replace(/^seeds?\s+\d+\s*/i, "")
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  return s || null;
}

/** The name to show for a template found in a workbook (by id; an unknown id is shown as it is). */
export function existingTemplateName(
  templateId: string | null,
  find: (id: string) => Pick<Template, "title" | "titleEn"> | undefined,
  lang: Lang,
  m: Messages
): string {
  if (!templateId) return m.replace.unknownTemplate;
  const known = find(templateId);
  return known ? templateTitle(known, lang) : templateId;
}
