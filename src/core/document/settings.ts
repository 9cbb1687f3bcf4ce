// Settings of the Word draft. Every range Quyết định 933/QĐ-TLĐ (after Nghị định 30/2020/NĐ-CP,
// Phụ lục I) allows is a setting whose default is the usual choice and whose value is checked
// against the range, so a draft can never leave the official format by a typo in settings.json.
import { z } from "zod";

/** A number inside the official range, with the message naming the range. */
function ranged(min: number, max: number, unit: string, dflt: number) {
  return z
    .number()
    .min(min, `phải từ ${min} đến ${max} ${unit} (thể thức văn bản)`)
    .max(max, `phải từ ${min} đến ${max} ${unit} (thể thức văn bản)`)
    .default(dflt);
}

export const SOURCE_MODES = ["none", "appendix", "comments"] as const;
export type SourceMode = (typeof SOURCE_MODES)[number];

export const documentSettingsSchema = z
  .object({
    /** Page margins in millimetres. */
    margins: z
      .object({
        top: ranged(20, 25, "mm", 20),
        bottom: ranged(20, 25, "mm", 20),
        left: ranged(30, 35, "mm", 30),
        right: ranged(15, 20, "mm", 15),
      })
      .strict()
      .default({ top: 20, bottom: 20, left: 30, right: 15 }),
    /** The official font; another Unicode serif may be set where Times New Roman is missing. */
    font: z.string().trim().min(1).default("Times New Roman"),
    /** Body text, pt. */
    bodySize: ranged(13, 14, "pt", 14),
    /** Parent body and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", pt. */
    headerSize: ranged(12, 13, "pt", 13),
    /** "Độc lập - Tự do - Hạnh phúc", pt. */
    mottoSize: ranged(13, 14, "pt", 14),
    /** Page numbers in the top margin, pt. */
    pageNumberSize: ranged(13, 14, "pt", 14),
    /** First-line indent of body paragraphs, cm. */
    firstLineIndent: ranged(1, 1.27, "cm", 1.27),
    /** Space between paragraphs, pt ("ít nhất 6pt"). */
    paragraphSpacing: ranged(6, 12, "pt", 6),
    /** Line spacing, in lines (single to 1,5). */
    lineSpacing: ranged(1, 1.5, "dòng", 1),
    /**
     * Amounts as the seeds write them ("auto": in full unless a whole number of triệu, hedged
     * ones approximately), in full ("1.591.896.000 đồng"), compact ("109,033 tỷ đồng") or
     * approximate ("trên 1,59 tỷ đồng", "gần 650 triệu đồng"); tables always give the full amount.
     */
    money: z.enum(["auto", "full", "compact", "approximate"]).default("auto"),
    /** Zero-pad counts 1–9 ("03 năm", "07 văn bản"). */
    zeroPad: z.boolean().default(true),
    /** Decimals of rates: "auto" shows one decimal only when needed (87,9%, 100%). */
    ratioDecimals: z.union([z.literal("auto"), z.number().int().min(0).max(3)]).default("auto"),
    /** Where each figure's source (sheet and cell) is listed. */
    sources: z.enum(SOURCE_MODES).default("none"),
    /** Each unit's figures in footnotes (as seed 001); off: the text gives totals only. */
    footnotes: z.boolean().default(true),
    /**
     * At most this many units are named in one footnote; the rest are counted ("và 280 đơn vị
     * khác (xem Phụ lục)"), so a consolidation of 1,000 units still gives a usable draft.
     */
    footnoteUnitLimit: z
      .number()
      .int("phải là số nguyên")
      .min(1, "phải từ 1 trở lên")
      .max(10000, "không quá 10.000")
      .default(20),
    /** Per-unit tables printed in the appendix (BIỂU TỔNG HỢP) besides those the template marks. */
    appendixPerUnitTables: z.boolean().default(true),
    /**
     * In a consolidated workbook's appendix, each unit's comparison values (cùng kỳ năm trước,
     * đầu nhiệm kỳ) beside its figures; off: the text's comparisons are enough.
     */
    appendixBaselines: z.boolean().default(false),
    /**
     * A section with neither figures nor text: left out ("omit"), its heading alone ("heading"), or its heading and a
     * highlighted "[...]" to fill in ("placeholder"). The template's prompt is never written as if
     * the user had written it.
     */
    emptySection: z.enum(["omit", "heading", "placeholder"]).default("omit"),
  })
  .strict();

export type DocumentSettings = z.output<typeof documentSettingsSchema>;
export type DocumentSettingsInput = z.input<typeof documentSettingsSchema>;

export const DEFAULT_SETTINGS: DocumentSettings = documentSettingsSchema.parse({});

export interface SettingsIssue {
  path: string;
  message: string;
}

/** Parses settings (from settings.json or the pane); problems name the setting and its range. */
export function parseDocumentSettings(
  raw: unknown
): { ok: true; settings: DocumentSettings } | { ok: false; issues: SettingsIssue[] } {
  const r = documentSettingsSchema.safeParse(raw ?? {});
  if (r.success) return { ok: true, settings: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  };
}
