// The settings of the Word draft the tab offers (those users decide; the official format's ranges
// keep their defaults), kept between sessions where the webview allows it.
import type { DocumentSettingsInput, SourceMode } from "../../../core/document/settings";
import type { MoneyStyle } from "../../../core/format/money";

const MONEY_STYLES: readonly MoneyStyle[] = ["auto", "full", "compact", "approximate"];
export const isMoneyStyle = (v: unknown): v is MoneyStyle =>
  typeof v === "string" && (MONEY_STYLES as readonly string[]).includes(v);

export interface ExportChoices {
  /**
   * "auto": as the seeds write (1.591.896.000 đồng, 89 triệu đồng, trên 610 triệu đồng); "full":
   * 1.591.896.000 đồng; "compact": 1,592 tỷ đồng; "approximate": trên 1,59 tỷ đồng.
   */
  money: MoneyStyle;
  /** 03 năm, 07 văn bản. */
  zeroPad: boolean;
  sources: SourceMode;
  /** Each unit's figures in footnotes. */
  footnotes: boolean;
}

export const DEFAULT_CHOICES: ExportChoices = {
  money: "auto",
  zeroPad: true,
  sources: "none",
  footnotes: true,
};

const STORAGE_KEY = "baocao.export";

export function settingsOf(c: ExportChoices): DocumentSettingsInput {
  return { money: c.money, zeroPad: c.zeroPad, sources: c.sources, footnotes: c.footnotes };
}

/** Stored choices, each checked: anything unknown falls back to its default. */
export function parseChoices(raw: unknown): ExportChoices {
  const o = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    money: isMoneyStyle(o.money) ? o.money : DEFAULT_CHOICES.money,
    zeroPad: typeof o.zeroPad === "boolean" ? o.zeroPad : DEFAULT_CHOICES.zeroPad,
    sources: o.sources === "appendix" || o.sources === "comments" ? o.sources : "none",
    footnotes: typeof o.footnotes === "boolean" ? o.footnotes : DEFAULT_CHOICES.footnotes,
  };
}

export function storedChoices(
  storage: Storage | undefined = globalThis.localStorage
): ExportChoices {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return v ? parseChoices(JSON.parse(v)) : DEFAULT_CHOICES;
  } catch {
    return DEFAULT_CHOICES;
  }
}

export function storeChoices(
  c: ExportChoices,
  storage: Storage | undefined = globalThis.localStorage
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(c));
  } catch {
    // Private mode or a locked-down webview: the choices last for this session only.
  }
}
