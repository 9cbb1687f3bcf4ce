// Seed coverage (issue 9, Acceptance 2): does the sample's draft state the seed's figures in the
// seed's wording? A seed's figure is a number with its immediate noun phrase ("với trên 55.680
// lượt đoàn viên, CNVCLĐ tham gia"); it counts when the sample workbook holds that figure (an
// input, or the total of a per-unit or fixed-table column); it is covered when one clause of the
// draft (body or footnotes) says the same figure at the same magnitude ("610 triệu đồng" is not
// "610.000.000 đồng"; "2042" and "2.042" are the same figure, the seeds' grouping being by hand),
// with the seed's hedge right before it, the seed's noun words right after it, and the word
// before it that carries the verb ("hỗ trợ cho 22 gia đình": "trợ").
import { isNumericType, type Template } from "../../src/core/model/load";
import type { IndicatorType } from "../../src/core/model/schema";
import type { ReportData } from "../../src/core/data/types";
import { draftFromPlainText, parseViNumber, type ProseDraft } from "./prose-check";

export type FigureKind = "count" | "money" | "percent" | "ratio";

export interface SeedFigure {
  /** The clause of the seed, for the report. */
  clause: string;
  /** As written: "55.680", "610 triệu", "572/651", "87%". */
  written: string;
  kind: FigureKind;
  /** The value (đồng for money, a fraction for a percent); a ratio's part. */
  value: number;
  /** A ratio's whole. */
  whole?: number;
  magnitude: "" | "triệu" | "tỷ" | "nghìn";
  hedge: string | null;
  /** The noun words right after the figure (at most 2). */
  noun: string[];
  /** Right after a caption's colon ("Kết quả: 55.680 …"). */
  afterColon: boolean;
  /** The nearest words before the figure that are not stop words (the verb's), at most 2. */
  verbs: string[];
}

const HEDGES = ["ít nhất", "trên", "gần", "hơn", "khoảng"];
const STOP = new Set(
  "cho với có được đã là và các của trong tại đến từ gồm như thì mà nhằm để những mới thêm cả tổng số này trên gần hơn khoảng ít nhất toàn tỉnh cụm kết quả năm hằng hàng nay tháng đầu cuối quý kỳ đồng tỷ triệu nghìn".split(
    " "
  )
);
/** Words after a number that make it a date, a duration, an ordinal or an anniversary. */
const NOT_A_FIGURE_AFTER = new Set(
  "năm tháng ngày lần kỳ quý giờ khóa giai tuần phút tuổi".split(" ")
);
/** Words before a number that make it a document's number, a year or an ordinal. */
const NOT_A_FIGURE_BEFORE = new Set(
  "năm ngày tháng số lần thứ khóa quý kỳ chương định quyết luận thị điều khoản tw phụ nữ đoạn".split(
    " "
  )
);
const HEDGE_WORDS = new Set(HEDGES.flatMap((h) => h.split(" ")));
const MAGNITUDE: Record<string, number> = { triệu: 1e6, tỷ: 1e9, nghìn: 1e3 };

function words(s: string): string[] {
  return s.match(/[\p{L}\d]+/gu) ?? [];
}

/**
 * The noun words after a figure: at most 2, up to a stop word or the next name ("149 triệu đồng
 * Cao Bằng", "32 cuộc tại 67 đơn vị").
 */
function nounOf(after: string[]): string[] {
  const out = after.slice(0, 1);
  const second = after[1];
  if (second && !STOP.has(second.toLocaleLowerCase("vi")) && !/^\p{Lu}\p{Ll}/u.test(second))
    out.push(second);
  return out;
}

/**
 * Clauses of a text: split at "." or ";" followed by a space (numbers keep their dots), the
 * paragraph's own numbering ("1. ", "2.1. ", "a) ", "- ") left out.
 */
export function clauses(text: string): string[] {
  return text
    .replace(/^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])\s+/u, "")
    .split(/(?<=[.;])\s+(?=\S)/u)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The figures of one clause, as the seeds write them. */
export function figuresIn(clause: string): SeedFigure[] {
  const out: SeedFigure[] = [];
  const re =
    /(?<![\p{L}\d/\-.,^])(\d[\d.,]*\d|\d)(?:\s?\/\s?(\d[\d.,]*\d|\d))?(\s?%)?(?![\d/\-\p{L}])/gu;
  for (const m of clause.matchAll(re)) {
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index + m[0].length);
    if (/[-–/]\s?$/.test(before) || /^\s?[-–/]\s?\d/.test(after)) continue; // dates, spans
    const prevWords = words(before);
    const prev = prevWords[prevWords.length - 1]?.toLocaleLowerCase("vi") ?? "";
    const afterWords = words(after.split(/[,;:.()“”"]/)[0] ?? "");
    const next = afterWords[0]?.toLocaleLowerCase("vi") ?? "";
    if (NOT_A_FIGURE_BEFORE.has(prev) || NOT_A_FIGURE_AFTER.has(next)) continue;
    const first = parseViNumber(m[1]);
    if (m[2] === undefined && !m[3] && first >= 1900 && first <= 2100 && /^\s?-/.test(after))
      continue; // "2023 - 2028"
    let kind: FigureKind = "count";
    let value = first;
    let whole: number | undefined;
    let magnitude: SeedFigure["magnitude"] = "";
    let noun = nounOf(afterWords);
    if (m[2] !== undefined) {
      if (m[3]) continue;
      kind = "ratio";
      whole = parseViNumber(m[2]);
      if (!(whole > 0) || first > whole * 5) continue; // not a share ("8/3", dates)
      if (!/^\p{Ll}/u.test(afterWords[0] ?? "") || ["và", "của"].includes(next)) continue;
    } else if (m[3]) {
      kind = "percent";
      value = first / 100;
    } else if (MAGNITUDE[next]) {
      magnitude = next as SeedFigure["magnitude"];
      value = first * MAGNITUDE[next];
      noun = nounOf(afterWords.slice(1));
      if ((noun[0] ?? "").startsWith("đ")) kind = "money";
    } else if (next === "đồng" || next === "đ") kind = "money";
    const lowerBefore = before.toLocaleLowerCase("vi").trimEnd();
    const hedge = HEDGES.find((h) => lowerBefore.endsWith(` ${h}`) || lowerBefore === h) ?? null;
    // The verb's words: in the same phrase (after the last comma or figure), else, in a list
    // ("Bằng khen cho 31 tập thể, 96 cá nhân"), the previous figure's.
    const phrase = /[^,;:()\d]*$/u.exec(before)?.[0] ?? "";
    // Names ("Lai Châu 96 công trình") and abbreviations are not the verb's words.
    let verbs = words(phrase)
      .slice(-4)
      .reverse()
      .filter((w) => /^\p{Ll}/u.test(w))
      .filter((w) => !STOP.has(w) && !HEDGE_WORDS.has(w))
      .slice(0, 2);
    // Only a figure with no word of its own before it continues the list; one after words that
    // are all names or stop words ("Lạng Sơn: Có 340 công trình") starts its own statement.
    if (verbs.length === 0 && out.length > 0 && words(phrase).length === 0)
      verbs = out[out.length - 1].verbs;
    out.push({
      clause,
      written: m[0].trim() + (magnitude ? ` ${magnitude}` : ""),
      kind,
      value,
      whole,
      magnitude,
      hedge,
      noun,
      verbs,
      afterColon: /:\s*(?:trên |gần |hơn |khoảng |ít nhất )?$/u.test(before),
    });
  }
  return out;
}

export function seedFigures(seedText: string): SeedFigure[] {
  const d = draftFromPlainText(seedText, "seed");
  const texts = [
    ...d.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text),
    ...d.footnotes,
  ];
  // A figure is a number with its noun phrase (or a rate): a bare number is not one.
  return texts
    .flatMap((t) => clauses(t).flatMap(figuresIn))
    .filter((f) => f.kind === "percent" || f.noun.length > 0);
}

interface WorkbookFigure {
  value: number;
  type: IndicatorType;
  /** Words of the indicator's unit and labels, lower case: what the figure counts. */
  words: Set<string>;
}

/** Every numeric figure the sample workbook holds: inputs, and each column's total over its rows. */
export function workbookFigures(t: Template, data: ReportData): WorkbookFigure[] {
  const out: WorkbookFigure[] = [];
  const add = (id: string, v: unknown) => {
    const ind = t.indicatorById.get(id);
    if (!ind || !isNumericType(ind.type) || typeof v !== "number") return;
    const said = `${ind.unit} ${ind.label} ${ind.shortLabel ?? ""}`.toLocaleLowerCase("vi");
    out.push({ value: v, type: ind.type, words: new Set(words(said)) });
  };
  const rows = (list: Record<string, unknown>[]) => {
    const sums = new Map<string, number>();
    for (const r of list)
      for (const [k, v] of Object.entries(r)) {
        add(k, v);
        if (typeof v === "number") sums.set(k, (sums.get(k) ?? 0) + v);
      }
    for (const [k, v] of sums) if (t.indicatorById.get(k)?.type !== "percent") add(k, v);
  };
  for (const [k, v] of Object.entries(data.values)) add(k, v);
  for (const list of Object.values(data.tables)) rows(list);
  rows(data.units.map((u) => u.values));
  // Targets are keyed by target; their type is that of the indicator they measure.
  for (const [k, tg] of Object.entries(data.targets ?? {})) {
    const ind = t.targetById.get(k)?.indicator;
    if (ind) add(ind, tg.value);
  }
  for (const b of Object.values(data.baselines ?? {}))
    if (b) for (const [k, v] of Object.entries(b)) add(k, v);
  return out;
}

/** The workbook holds this figure (a share: both its counts). */
export function inWorkbook(f: SeedFigure, figures: readonly WorkbookFigure[]): boolean {
  // The same value, of an indicator that counts what the seed counts (its unit or label has the
  // seed's noun): a bare "02" would otherwise match any 2 of the workbook.
  const noun = f.noun[0]?.toLocaleLowerCase("vi");
  const has = (v: number, types: IndicatorType[]) =>
    figures.some(
      (w) =>
        types.includes(w.type) &&
        Math.abs(w.value - v) < 1e-6 * Math.max(1, v) &&
        (w.type === "money" || !noun || w.words.has(noun))
    );
  switch (f.kind) {
    case "percent":
      return figures.some((w) => w.type === "percent" && Math.abs(w.value - f.value) < 0.0005);
    case "money":
      return has(f.value, ["money"]);
    case "ratio":
      return has(f.value, ["integer", "decimal"]) && has(f.whole!, ["integer", "decimal"]);
    default:
      return has(f.value, f.magnitude ? ["money", "integer", "decimal"] : ["integer", "decimal"]);
  }
}

/** One clause of the draft says the figure in the seed's wording (see the header). */
const draftFigures = new Map<string, SeedFigure[]>();

export function statedInDraft(f: SeedFigure, draftClauses: readonly string[]): boolean {
  const figuresOf = (c: string) => {
    let list = draftFigures.get(c);
    if (!list) draftFigures.set(c, (list = figuresIn(c)));
    return list;
  };
  return draftClauses.some((c) =>
    figuresOf(c).some((g) => {
      if (g.kind !== f.kind && !(f.kind !== "ratio" && g.kind !== "ratio" && g.kind !== "percent"))
        return false;
      if (g.magnitude !== f.magnitude || Math.abs(g.value - f.value) > 1e-9 * Math.max(1, f.value))
        return false;
      if (f.kind === "ratio" && g.whole !== f.whole) return false;
      if (f.hedge && g.hedge !== f.hedge) return false;
      // A caption's figure is not a sentence, unless the seed writes it so too.
      if (g.afterColon && !f.afterColon) return false;
      const lowerNoun = g.noun.map((w) => w.toLocaleLowerCase("vi"));
      if (f.noun.some((w, i) => lowerNoun[i] !== w.toLocaleLowerCase("vi"))) return false;
      const cw = new Set(words(c).map((w) => w.toLocaleLowerCase("vi")));
      return f.verbs.every((w) => cw.has(w));
    })
  );
}

export function draftClauses(d: ProseDraft): string[] {
  return [
    ...d.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text),
    ...d.footnotes,
  ].flatMap(clauses);
}

export interface SeedCoverage {
  seed: string;
  template: string;
  /** Seed figures the workbook holds. */
  figures: SeedFigure[];
  covered: SeedFigure[];
  missing: SeedFigure[];
  /** covered / figures. */
  ratio: number;
}

export function seedCoverage(
  seed: string,
  seedText: string,
  t: Template,
  data: ReportData,
  draft: ProseDraft
): SeedCoverage {
  const wb = workbookFigures(t, data);
  const figures = seedFigures(seedText).filter((f) => inWorkbook(f, wb));
  const dc = draftClauses(draft);
  const covered = figures.filter((f) => statedInDraft(f, dc));
  const missing = figures.filter((f) => !covered.includes(f));
  return {
    seed,
    template: t.id,
    figures,
    covered,
    missing,
    ratio: figures.length === 0 ? 0 : covered.length / figures.length,
  };
}
