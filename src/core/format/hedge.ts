/**
 * Hedges: the word a report writes before a figure it does not state exactly — "trên 55.680
 * lượt", "gần 650 triệu đồng", "hơn 1.200 người", "khoảng 30%", "ít nhất 500 đoàn viên". A figure
 * carries at most one; blank means the figure is exact. data.json stores the stable ids below;
 * the workbook shows (and reads back) the Vietnamese words.
 */

export const HEDGES = ["over", "nearly", "moreThan", "about", "atLeast"] as const;
export type Hedge = (typeof HEDGES)[number];

/** As the documents write them, in the order the workbook's dropdown lists them. */
export const HEDGE_WORDS: Record<Hedge, string> = {
  over: "trên",
  nearly: "gần",
  moreThan: "hơn",
  about: "khoảng",
  atLeast: "ít nhất",
};

/** The same words for an English reader (the pane's English locale). */
export const HEDGE_WORDS_EN: Record<Hedge, string> = {
  over: "over",
  nearly: "nearly",
  moreThan: "more than",
  about: "about",
  atLeast: "at least",
};

export type HedgeLanguage = "vi" | "en";

export function hedgeWord(hedge: Hedge, lang: HedgeLanguage = "vi"): string {
  return (lang === "en" ? HEDGE_WORDS_EN : HEDGE_WORDS)[hedge];
}

/** The dropdown's items, in HEDGES order. */
export const HEDGE_LIST: readonly string[] = HEDGES.map((h) => HEDGE_WORDS[h]);

/** "trên, gần, hơn, khoảng, ít nhất": the allowed words, for messages. */
export const HEDGE_LIST_TEXT = HEDGE_LIST.join(", ");

const BY_WORD = new Map<string, Hedge>(
  HEDGES.map((h) => [HEDGE_WORDS[h].normalize("NFC"), h] as const)
);

/**
 * The hedge a cell holds: null for a blank cell (exact), "unknown" for any other text. Case and
 * surrounding or repeated spaces do not matter ("Trên", " ít  nhất "), nor Unicode composition
 * (text pasted from Word may be decomposed); a word without its diacritics ("tren") is unknown,
 * because "hon" or "gan" could as well be a typo for something else.
 */
export function parseHedge(
  raw: string | number | boolean | null | undefined
): Hedge | null | "unknown" {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== "string") return "unknown";
  const word = raw.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
  if (word === "") return null;
  return BY_WORD.get(word) ?? "unknown";
}

/** The true figure is at least the one stated ("trên", "hơn", "ít nhất"). */
export function isLowerBound(h: Hedge): boolean {
  return h === "over" || h === "moreThan" || h === "atLeast";
}

/** "trên 55.680": the hedge's word before a figure's text; the text alone when exact. */
export function hedged(text: string, hedge: Hedge | null | undefined, lang: HedgeLanguage = "vi") {
  return hedge ? `${hedgeWord(hedge, lang)} ${text}` : text;
}
