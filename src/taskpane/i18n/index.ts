// The pane's languages: Vietnamese (default) and English.
import { en } from "./en";
import { vi, type Messages } from "./vi";

export type Lang = "vi" | "en";
export type { Messages };

export const CATALOGS: Readonly<Record<Lang, Messages>> = { vi, en };

/** en-* → English; anything else (vi-VN, unknown, missing) → Vietnamese, the users' language. */
export function languageFromTag(tag: string | null | undefined): Lang {
  return typeof tag === "string" && /^en(?:[-_]|$)/i.test(tag.trim()) ? "en" : "vi";
}

/** The locale used for numbers and sorting. Vietnamese conventions stay in English too: the data is Vietnamese. */
export function localeOf(lang: Lang): string {
  return lang === "en" ? "en-GB" : "vi-VN";
}

const STORAGE_KEY = "baocao.lang";

/** The language the user picked with the header switch earlier, if the webview keeps localStorage. */
export function storedLanguage(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === "vi" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

export function storeLanguage(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a locked-down webview: the choice lasts for this session only.
  }
}
