// Figures written in a section's text against the sheet (issue 9, item 7): the text says
// "kết nạp mới được 3.730 đoàn viên" while the units' rows sum to 3.735, or "1.002/1.002 đơn vị,
// đạt 98%". A number is matched to an indicator only when the words around it identify exactly
// one: the indicator's phrase or unit right after the number, and its label's words before it.
// Numbers that identify nothing, one unit's own figure, a target, a comparison or a hedged figure
// the sheet bears out are left alone: a false alarm on every report would teach users to ignore
// the check.
import { isNumericType, type Indicator, type Section } from "../model/load";
import { formatNumber, formatPercent, formatRatioPair } from "../format";
import { MULTIPLIERS } from "../format/parse";
import { reportedValue } from "../rollup/totals";
import type { ValidationContext, Place } from "./context";

/** A number as the text writes it, with the words around it. */
export interface StatedFigure {
  /** The figure as written ("3.730", "87,9%", "109,033 tỷ"). */
  written: string;
  /** Its value: a count, an amount in đồng, or a rate as a fraction (0.879). */
  value: number;
  /** The smallest step the text can state at its precision (1 for "3.730", 0.001 for "87,9%"). */
  step: number;
  percent: boolean;
  /** "trên", "gần", ... when the text hedges the figure. */
  hedge: StatedBound | null;
  /** Normalised text of the clause before the number (from the previous number on). */
  before: string;
  /** Normalised text after the number (and after "triệu"/"tỷ" for amounts), to the clause's end. */
  after: string;
  /** The figure with its multiplier and first words, as the text says it ("1,4 tỷ đồng"). */
  said: string;
}

/**
 * How a sentence bounds the figure it states. Wider than the workbook's hedges
 * (core/format/hedge.ts): free text also says "tối thiểu", "xấp xỉ", "ước tính".
 */
export type StatedBound = "above" | "atLeast" | "near" | "about";

const HEDGES: ReadonlyArray<[RegExp, StatedBound]> = [
  [/(?:^|\s)(ít nhất|tối thiểu|không dưới)$/, "atLeast"],
  [/(?:^|\s)(trên|hơn|vượt)$/, "above"],
  [/(?:^|\s)(gần như|gần|xấp xỉ)$/, "near"],
  [/(?:^|\s)(khoảng chừng|khoảng|chừng|ước tính|ước)$/, "about"],
];

/** Words before a number that say it is not the figure itself but a target or a comparison. */
const OTHER_FIGURE =
  /(?:chỉ tiêu|kế hoạch|cùng kỳ|năm trước|năm ngoái|kỳ trước|đầu nhiệm kỳ|so với|phấn đấu|được giao|(?:^|\s)(?:tăng|giảm)(?: thêm| được)?$)/;

/** Lower case, NFC, footnote marks and brackets out, one space between words. */
export function normalise(s: string): string {
  return s
    .normalize("NFC")
    .toLocaleLowerCase("vi")
    .replace(/\[\d+\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "")
    .replace(/[“”"'‘’()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// A number in Vietnamese format: "3.730", "55.680", "87,9", "12"; not part of a date, a ratio
// "a/b", a document number "305/KH-TLĐ", a code or a word.
const NUMBER =
  /(?<![\p{L}\d/.,-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d/]|[.,]\d|\p{L})(\s*%)?/gu;

/**
 * Whether a position of the text is inside quotation marks, for positions asked in increasing
 * order: the marks before it are counted once as the scan moves on, not again for every number.
 */
function quoteTracker(text: string): (at: number) => boolean {
  let pos = 0;
  let open = 0;
  let straight = 0;
  return (at) => {
    for (; pos < at; pos++) {
      const ch = text[pos];
      if (ch === "“") open++;
      else if (ch === "”") open--;
      else if (ch === '"') straight ^= 1;
    }
    return open > 0 || straight === 1;
  };
}

/** How many words on each side of a number may name it. */
const NEAR_WORDS = 10;

/** Every number of a text with its context, in order. */
export function statedFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  const clean = text.replace(/\[\d+\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "");
  let prevEnd = 0;
  const insideQuotes = quoteTracker(clean);
  for (const m of clean.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // A number inside quotation marks is part of a name ("Siêu thị 0 đồng"), not a figure.
    if (insideQuotes(start)) continue;
    const intPart = Number(m[1].replace(/\./g, ""));
    const decimals = m[2] ?? "";
    let value = intPart + (decimals ? Number(`0.${decimals}`) : 0);
    let step = decimals ? Math.pow(10, -decimals.length) : 1;
    const percent = Boolean(m[3]);
    // The clause before: from the last sentence end or number before this one.
    const head = clean.slice(prevEnd, start);
    const clauseStart = Math.max(
      head.lastIndexOf(". "),
      head.lastIndexOf(";"),
      head.lastIndexOf("\n")
    );
    // Only the words next to the number name it: a long clause mentions many things.
    const before = normalise(head.slice(clauseStart + 1))
      .split(" ")
      .slice(-NEAR_WORDS)
      .join(" ");
    prevEnd = end;
    let rest = clean.slice(end);
    const stop = rest.search(/[.;!?\n](?:\s|$)|[;\n]/);
    rest = normalise(stop >= 0 ? rest.slice(0, stop) : rest)
      .split(" ")
      .slice(0, NEAR_WORDS + 2)
      .join(" ");
    const restWords = rest.split(" ").filter(Boolean);
    if (percent) {
      value /= 100;
      step /= 100;
    } else {
      for (const [word, exponent] of MULTIPLIERS) {
        if (rest === word || rest.startsWith(`${word} `)) {
          value *= 10 ** exponent;
          step *= 10 ** exponent;
          rest = rest.slice(word.length).trim();
          break;
        }
      }
    }
    const hedged = HEDGES.map(([re, h]) => [re.exec(before), h] as const).find(([m]) => m);
    const hedge = hedged?.[1] ?? null;
    const shownWords = percent ? 0 : restWords.length - rest.split(" ").filter(Boolean).length + 2;
    out.push({
      written: m[0].trim(),
      value,
      step,
      percent,
      hedge,
      before,
      after: rest,
      said: [...(hedged?.[0] ? [hedged[0][1]] : []), m[0].trim(), ...restWords.slice(0, shownWords)]
        .join(" ")
        .replace(/[,:]$/, ""),
    });
  }
  return out;
}

/**
 * Word pairs too common in labels to name anything: "Số tiền" or "Tổng số" appear beside many
 * figures of one section.
 */
const GENERIC_PAIRS = new Set([
  "số tiền",
  "tổng số",
  "trong đó",
  "số lượng",
  "tỷ lệ",
  "tỉ lệ",
  "số người",
  "số lượt",
  "tổng giá",
  "giá trị",
  "đạt so",
  "so với",
  "với chỉ",
  "chỉ tiêu",
  "kinh phí",
  "số đơn",
  "đơn vị",
  "công đoàn",
]);

/** Two-syllable word pairs of a label ("kết nạp mới" → "kết nạp", "nạp mới"). */
function pairs(s: string): string[] {
  const words = normalise(s)
    .replace(/[,:;.\-–]/g, " ")
    .split(" ")
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out.filter((p) => !GENERIC_PAIRS.has(p));
}

// Phrases and units come from the templates, a bounded set; each number of a text is tried
// against every candidate indicator's, so each is normalised once.
const normalisedPhrases = new Map<string, string>();

function normalisedPhrase(phrase: string): string {
  let p = normalisedPhrases.get(phrase);
  if (p === undefined) {
    p = normalise(phrase);
    normalisedPhrases.set(phrase, p);
  }
  return p;
}

/** How many words of `phrase` open `after` (0 when it does not open it whole). */
function opens(after: string, phrase: string | undefined): number {
  const p = phrase ? normalisedPhrase(phrase) : "";
  if (!p) return 0;
  if (after !== p && !after.startsWith(`${p} `) && !after.startsWith(`${p},`)) return 0;
  // Vietnamese words are written as separate syllables: "đồng" (the currency) is not the
  // start of "đồng chí" or "đồng thời".
  const next = after.slice(p.length).trim().split(" ")[0] ?? "";
  if (COMPOUNDS.has(`${p.split(" ").slice(-1)[0]} ${next}`)) return 0;
  return p.split(" ").length;
}

/** Words that begin with a unit's syllable but are other words. */
const COMPOUNDS = new Set([
  "đồng chí",
  "đồng thời",
  "đồng bào",
  "đồng ý",
  "đồng hành",
  "đồng loạt",
  "đồng bộ",
  "đồng nghiệp",
  "nhà nước",
  "người dân",
  "buổi sáng",
  "buổi chiều",
  "lượt đi",
  "cuộc sống",
  "cuộc vận",
]);

interface Match {
  ind: Indicator;
  /** Words of the indicator's phrase or unit that follow the number. */
  after: number;
  /** Word pairs of its label (and column group) in the clause around the number. */
  label: number;
}

/** What may follow a rate of the sheet: nothing, or "chỉ tiêu", "so với …", "kế hoạch". */
const RATE_AFTER = /^(?:$|[,)]|chỉ tiêu|so với|kế hoạch|tổng số|trở lên|số )/;

/** The words around a figure and before it, as matchOf compares them with label pairs. */
interface Surroundings {
  around: string;
  before: string;
}

function surroundings(f: StatedFigure): Surroundings {
  // Whole words only, punctuation read as spaces as in the label's pairs.
  const words = (s: string) => ` ${s.replace(/[,:;.\-–]/g, " ").replace(/\s+/g, " ")} `;
  return { around: words(`${f.before} ${f.after}`), before: words(f.before) };
}

function matchOf(
  ind: Indicator,
  f: StatedFigure,
  labelPairs: string[],
  { around, before }: Surroundings
): Match | null {
  const label = labelPairs.filter((p) => around.includes(` ${p} `)).length;
  if (f.percent) {
    // "100% các đơn vị", "100% LĐLĐ các tỉnh": a share said of a noun, not a rate of the sheet.
    if (ind.type !== "percent" || !RATE_AFTER.test(f.after)) return null;
    // A rate is named by its label before the number ("tỷ lệ đoàn viên cập nhật đạt 87,9%").
    const own = labelPairs.filter((p) => before.includes(` ${p} `)).length;
    return own > 0 ? { ind, after: 0, label: own } : null;
  }
  if (ind.type === "percent") return null;
  const after = Math.max(opens(f.after, ind.phrase), opens(f.after, ind.unit));
  if (after === 0) return null;
  return { ind, after, label };
}

/** The one indicator the figure's words name, or null when none or several fit equally. */
export function identify(
  f: StatedFigure,
  candidates: readonly Indicator[],
  labelPairsOf: (ind: Indicator) => string[]
): Indicator | null {
  const near = surroundings(f);
  const matches = candidates
    .map((ind) => matchOf(ind, f, labelPairsOf(ind), near))
    .filter((m): m is Match => m !== null)
    .sort((a, b) => b.after - a.after || b.label - a.label);
  if (matches.length === 0) return null;
  const [best, second] = matches;
  if (second && second.after === best.after && second.label === best.label) return null;
  // A bare unit ("đoàn viên") names an indicator only with its label's words near it; a phrase of
  // three words or more ("lượt đoàn viên, CNVCLĐ tham gia") names it on its own.
  if (best.label === 0 && best.after < 3) return null;
  return best.ind;
}

/** Whether a stated figure agrees with the sheet's value `v`, at the precision it is written. */
export function agrees(f: StatedFigure, v: number): boolean {
  const tol = f.step * (1 - 1e-9);
  switch (f.hedge) {
    case "above":
    case "atLeast":
      return v > f.value - tol;
    case "near":
      return v <= f.value + tol && v >= f.value * 0.8;
    case "about":
      return Math.abs(v - f.value) <= Math.max(tol, f.value * 0.1);
    default:
      // "87%" for 87,87% (truncated) or 87,6% written "88%" (rounded): the seeds do both.
      return Math.abs(v - f.value) < f.step || Math.abs(v - f.value) < 1e-9;
  }
}

function shown(ind: Indicator, v: number): string {
  if (ind.type === "percent") return formatPercent(v, { decimals: "auto" });
  if (ind.type === "money") return `${formatNumber(v, { decimals: "auto" })} đồng`;
  return `${formatNumber(v, { decimals: "auto" })}${ind.unit ? ` ${ind.unit}` : ""}`;
}

function subtree(s: Section): Set<string> {
  const ids = new Set<string>([s.id]);
  for (const c of s.children) for (const id of subtree(c)) ids.add(id);
  return ids;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Short unit names as texts write them: "LĐLĐ tỉnh Lai Châu" → "lai châu". */
function unitNames(ctx: ValidationContext): string[] {
  return ctx.data.units.map((u) => shortName(u.name)).filter((n) => n.length > 2);
}

// Unit names repeat from check to check (the pane checks one workbook again and again, a
// consolidation screens files of the same units): each is normalised once. Bounded, as names
// come from the user's files.
const shortNames = new Map<string, string>();

function shortName(name: string): string {
  let n = shortNames.get(name);
  if (n === undefined) {
    if (shortNames.size >= 50_000) shortNames.clear();
    n = normalise(name).split(" ").slice(-2).join(" ");
    shortNames.set(name, n);
  }
  return n;
}

/**
 * Whether a text contains one of the names, as `names.some((n) => text.includes(n))` says, for
 * texts asked many times: names (over 2 characters each) are looked up by their first two
 * characters at each position of the text, not each searched for in the whole text.
 */
export function containsAny(names: readonly string[]): (text: string) => boolean {
  const byStart = new Map<string, string[]>();
  for (const n of names) {
    const k = n.slice(0, 2);
    const list = byStart.get(k);
    if (list) list.push(n);
    else byStart.set(k, [n]);
  }
  return (text) => {
    for (let i = 0; i + 1 < text.length; i++) {
      const list = byStart.get(text.slice(i, i + 2));
      if (list && list.some((n) => text.startsWith(n, i))) return true;
    }
    return false;
  };
}

/** A number of a section's text that names one indicator, and the sheet's value for it. */
export interface TextFigure {
  section: Section;
  /** The section's text cell. */
  place: Place;
  figure: StatedFigure;
  indicator: Indicator;
  /** The sheet's value (a rate from its counts when the sheet has them); null when blank. */
  value: number | null;
  /** The figure is one unit's or one row's own, not the total. */
  rowFigure: boolean;
}

// An indicator's label pairs depend on the template alone: worked out once, not at every check.
const labelPairs = new WeakMap<Indicator, string[]>();

/** Every number of every section text that names exactly one indicator of its section. */
export function textFigures(ctx: ValidationContext): TextFigure[] {
  const t = ctx.template;
  const totals = ctx.totals;
  const value = (ind: Indicator): number | null => {
    // A rate is checked against its counts when the sheet has them (a typed rate cell may be wrong
    // too: checkTypedRates says so at that cell).
    if (ind.type === "percent" && ind.ratioOf) {
      const part = reportedValue(t, ctx.data, ind.ratioOf.part, totals);
      const whole = reportedValue(t, ctx.data, ind.ratioOf.whole, totals);
      if (part !== null && whole !== null && whole > 0) return part / whole;
    }
    return reportedValue(t, ctx.data, ind.id, totals);
  };
  /** Whether one unit's or one row's own figure of `ind` is what the text says. */
  const rowAgrees = (ind: Indicator, figure: StatedFigure): boolean => {
    if (!ind.table) return false;
    const table = t.tableById.get(ind.table);
    const rows = table?.kind === "perUnit" ? null : (ctx.data.tables[ind.table] ?? []);
    // A computed rate's rows are their own counts' ratios.
    const { ratioOf } = ind;
    const of = (r: Record<string, unknown>): number | null =>
      ind.computed && ratioOf
        ? ((p, w) => (p !== null && w !== null && w > 0 ? p / w : null))(
            num(r[ratioOf.part]),
            num(r[ratioOf.whole])
          )
        : num(r[ind.id]);
    const said = (r: Record<string, unknown>) => {
      const v = of(r);
      return v !== null && agrees(figure, v);
    };
    return rows ? rows.some(said) : ctx.data.units.some((u) => said(u.values));
  };
  const labelPairsOf = (ind: Indicator): string[] => {
    let p = labelPairs.get(ind);
    if (!p) {
      const unit = new Set(pairs(`${ind.unit} ${ind.phrase ?? ""}`));
      p = [...new Set([...pairs(ind.label), ...pairs(ind.group ?? "")])].filter(
        (x) => !unit.has(x)
      );
      labelPairs.set(ind, p);
    }
    return p;
  };
  const namesUnit = containsAny(unitNames(ctx));
  const out: TextFigure[] = [];
  for (const section of t.allSections) {
    const text = ctx.data.texts[section.id];
    if (typeof text !== "string" || text.trim() === "") continue;
    const place = ctx.place({ kind: "text", section: section.id });
    if (!place) continue;
    const scope = subtree(section);
    const candidates = t.indicators.filter(
      (i) =>
        scope.has(i.section) &&
        isNumericType(i.type) &&
        i.role !== "target" &&
        t.tableById.get(i.table ?? "")?.kind !== "list"
    );
    for (const figure of statedFigures(text)) {
      if (OTHER_FIGURE.test(figure.before)) continue;
      if (namesUnit(figure.before)) continue;
      const indicator = identify(figure, candidates, labelPairsOf);
      if (!indicator) continue;
      const v = value(indicator);
      const rowFigure = rowAgrees(indicator, figure);
      out.push({ section, place, figure, indicator, value: v, rowFigure });
    }
  }
  return out;
}

export function checkTextFigures(ctx: ValidationContext): void {
  for (const section of ctx.template.allSections) {
    const text = ctx.data.texts[section.id];
    const place = ctx.place({ kind: "text", section: section.id });
    if (typeof text === "string" && place) checkTextRates(ctx, section, place, text);
  }
  for (const { section, place, figure: f, indicator: ind, value: v, rowFigure } of textFigures(
    ctx
  )) {
    // One unit's (or one row's) own figure, said in a unit's sentence: not the total.
    if (v === null || agrees(f, v) || rowFigure) continue;
    const cell = ctx.placeOf(ind);
    const at = cell ? ` (trang "${cell.sheet}", ô ${cell.cell})` : "";
    ctx.add(
      "warning",
      "text-figure",
      place,
      ind.id,
      f.written,
      `phần "${section.heading}" ghi "${f.said}" nhưng "${ind.label}" trên sổ tính là ${shown(ind, v)}${at}. Sửa số trong nội dung cho khớp với ô đó, hoặc sửa số liệu nếu nội dung đúng.`
    );
  }
}

// "1.002/1.002 đơn vị ... đạt 98%": a rate written beside its own counts, in one clause.
const RATE_BESIDE_COUNTS =
  /(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d+)\s*\/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/]|[.,]\d)([^.;\n/%]{0,120}?)\(?(?:đạt|bằng|chiếm|=)?\s*(\d+(?:,\d+)?)\s*%/gu;

/** A rate the text writes beside the two counts it is made of must be their ratio. */
function checkTextRates(ctx: ValidationContext, section: Section, place: Place, text: string) {
  const clean = text.replace(/\[\d+\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g, "");
  for (const m of clean.matchAll(RATE_BESIDE_COUNTS)) {
    const part = Number(m[1].replace(/\./g, ""));
    const whole = Number(m[2].replace(/\./g, ""));
    // Words between the counts and the rate that bring in another figure: not this ratio's rate.
    if (whole === 0 || /\d/.test(m[3]) || OTHER_FIGURE.test(normalise(m[3]))) continue;
    const decimals = m[4].split(",")[1] ?? "";
    const written = Number(m[4].replace(",", ".")) / 100;
    const f: StatedFigure = {
      written: `${m[4]}%`,
      value: written,
      step: Math.pow(10, -decimals.length) / 100,
      percent: true,
      hedge: null,
      before: "",
      after: "",
      said: `${m[4]}%`,
    };
    const actual = part / whole;
    if (agrees(f, actual)) continue;
    ctx.add(
      "warning",
      "text-rate",
      place,
      null,
      f.written,
      `phần "${section.heading}" ghi "${formatRatioPair(part, whole)} … ${m[4]}%" nhưng ${formatRatioPair(part, whole)} = ${formatPercent(actual, { decimals: "auto" })}. Sửa tỷ lệ trong nội dung cho khớp với hai số đó.`
    );
  }
}
