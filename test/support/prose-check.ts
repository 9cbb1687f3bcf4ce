// The outside judge of a draft's prose (issue 9, Acceptance 1). It reads a draft as plain text,
// as the chairman who signs it would, and reports every place that reads like a machine list
// rather than Vietnamese administrative prose. It knows nothing of templates or narrative code:
// it sees headings, paragraphs, footnotes and appendix rows, nothing else, so it judges the
// narrative from outside. Each pattern is calibrated on the five seed documents (real reports
// written by hand, /work/shared/seeds): on their own text every pattern gives 0 hits (see
// test/prose/calibration.test.ts), and each fires on the defect the issue quotes.
import type { Block, ReportDocument, Run } from "../../src/core/document";
import { CAPITALISED_IN_SEEDS } from "./prose-allowed";

export type PatternId =
  | "unit-twice"
  | "label-sentence"
  | "repeated-word"
  | "label-capital"
  | "bare-number-line"
  | "zero-said"
  | "zero-of-zero"
  | "empty-heading"
  | "end-mark-alone"
  | "caps-unit-name"
  | "ratio-two-ways"
  | "hedge-stacked"
  | "garbled-join"
  | "partial-data-hedge"
  | "issuers-summed"
  | "unit-before-number"
  | "change-beside-share"
  | "total-rate-of-subset";

export interface ProseBlock {
  kind: "heading" | "paragraph" | "table-row";
  /** Heading depth, 1 = "I." (headings only). */
  level?: number;
  text: string;
}

/** A draft as the judge reads it: body blocks in order, then footnotes. */
export interface ProseDraft {
  name: string;
  blocks: ProseBlock[];
  footnotes: string[];
  /** Proper names of this draft (its units): capitalised wherever they stand. */
  names?: string[];
}

export interface ProseHit {
  pattern: PatternId;
  /** The offending text, trimmed to a few words around the defect. */
  snippet: string;
  /** "body" or "footnote N" or "table". */
  where: string;
  why: string;
}

export interface Pattern {
  id: PatternId;
  /** Why it is a defect, with the issue's own quote. */
  why: string;
  /** The issue's quoted defects (or their shape): each must give a hit of this pattern. */
  fires: string[];
}

// Vietnamese letters; \p{L} covers them, these helpers keep the regexes readable.
const L = "\\p{L}";
const NUM = "\\d[\\d.,]*";
const HEDGES = ["trên", "gần", "hơn", "khoảng", "ít nhất", "tối thiểu", "tối đa", "dưới"];

export const PATTERNS: Pattern[] = [
  {
    id: "unit-twice",
    why: 'A unit said before and after its number: a label glued to the figure ("số người 22 người", "số suất quà 2.042 suất", "Bằng khen tập thể 24 tập thể"). The seeds say the unit once: "hỗ trợ cho 22 gia đình đoàn viên", "phân bổ 2042 suất quà".',
    fires: [
      "- Hỗ trợ đoàn viên mắc bệnh hiểm nghèo, tai nạn lao động: số người 22 người, số tiền 77.000.000 đồng;",
      "- Chợ Tết Công đoàn: số suất quà 2.042 suất, số tiền 610.000.000 đồng;",
      "Tổng LĐLĐ Việt Nam tặng Bằng khen tập thể 24 tập thể, Bằng khen cá nhân 48 cá nhân.",
    ],
  },
  {
    id: "label-sentence",
    why: 'A label used as a sentence, "Label: figure": "Kết quả: 55.680 lượt đoàn viên, CNVCLĐ tham gia." where seed 002 writes "với trên 55.680 lượt đoàn viên, CNVCLĐ tham gia". A paragraph or list line must open with words that say something, not with a caption and a colon.',
    fires: [
      "Kết quả: 55.680 lượt đoàn viên, CNVCLĐ tham gia.",
      "- Dự án vay vốn Quỹ quốc gia giải quyết việc làm được duyệt: 01 dự án;",
    ],
  },
  {
    id: "repeated-word",
    why: 'The same word or phrase twice in a row ("Giám sát Giám sát tổ chức"): a group label followed by its first item\'s label.',
    fires: ["Giám sát Giám sát tổ chức 26/34 cuộc (76,5%)"],
  },
  {
    id: "label-capital",
    why: 'A capital in mid-sentence from a label ("…62.972 suất quà, Số tiền 32.423.000.000 đồng"). Proper nouns and abbreviations keep their capitals (Công đoàn, LĐLĐ, Đảng, Nhà nước, place names, "Mái ấm Công đoàn"); the allowed set is learned from the seeds (test/support/prose-allowed.ts).',
    fires: [
      "Tết Sum vầy 62.972 suất quà, Số tiền 32.423.000.000 đồng",
      "Lai Châu Kiểm tra chấp hành Điều lệ Cùng cấp 621/626 cuộc",
    ],
  },
  {
    id: "bare-number-line",
    why: 'A line that is a number with no subject ("- 76 doanh nghiệp;", "- 1.529 CĐCS.") while the sentence it belongs to is left with a gap. Seed 000 writes "kiểm tra 76 doanh nghiệp nợ lương, nợ BHXH".',
    fires: ["- 76 doanh nghiệp;", "- 1.529 CĐCS."],
  },
  {
    id: "zero-said",
    why: 'A zero or blank figure said aloud ("0 hội nghị", "Giấy khen 0 tập thể", "…… đoàn viên"): the seeds leave out what did not happen.',
    fires: [
      "Tổ chức phản biện Số hội nghị trực tiếp 0 hội nghị",
      "Giấy khen 0 tập thể, 16 cá nhân",
    ],
  },
  {
    id: "zero-of-zero",
    why: '"0/0" ("0/0 vụ việc"), or any count over a zero whole: a share of nothing, said as if it were a result.',
    fires: [
      "Số vụ việc được cơ quan chức năng trả lời 0/0 vụ việc",
      "Số đã giải quyết 3.423/0 đơn.",
    ],
  },
  {
    id: "empty-heading",
    why: "A heading with nothing under it: followed directly by a heading of the same or a higher level, or by the end of the body (quarterly items 11–12, mid-term IV, the annual plan's 8 empty targets).",
    fires: [],
  },
  {
    id: "end-mark-alone",
    why: '"./." closes the last sentence of the body; after a heading, alone on its line or after a table it reads as a stray mark (a lone "./." after the empty headings).',
    fires: [],
  },
  {
    id: "caps-unit-name",
    why: 'A unit name in capitals in body text ("CÔNG ĐOÀN VIÊN CHỨC TỈNH 3.268 lượt"): capitals belong to the header block and headings, the body writes "Công đoàn Viên chức tỉnh".',
    fires: ["CÔNG ĐOÀN VIÊN CHỨC TỈNH 3.268 lượt"],
  },
  {
    id: "ratio-two-ways",
    why: "One ratio rounded two ways in one document (194% in the text, 194,03% in the appendix for the same pair): the reader sees two figures for one fact.",
    fires: ["Lai Châu 260/134 đoàn viên (đạt 194% chỉ tiêu); 260/134 đoàn viên (đạt 194,03%)"],
  },
  {
    id: "hedge-stacked",
    why: 'A hedge word stacked on another ("trên trên 55.680", "gần trên 100"): two hedges, one from the sheet and one from the sentence.',
    fires: ["với trên trên 55.680 lượt đoàn viên"],
  },
  {
    id: "garbled-join",
    why: 'Two pieces of text joined without punctuation ("… Mái ấm Công đoàn, nhà lưu trú Trong đó: sửa chữa 06 nhà"): a sub-list opened in mid-sentence.',
    fires: [
      "hỗ trợ xây dựng, sửa chữa nhà Mái ấm Công đoàn, nhà lưu trú Trong đó: sửa chữa 06 nhà",
      "Lai Châu 01 nhà, Mái ấm Công đoàn, nhà lưu trú, Mái ấm Công đoàn, nhà lưu trú Số tiền hỗ trợ 969.000.000 đồng",
    ],
  },
  {
    id: "partial-data-hedge",
    why: "The cluster's total hidden behind a subset: \"214 sáng kiến cấp tỉnh, trong đó các tỉnh có đủ số liệu: 214/4.415 (4,8%)\" never states the cluster's 14.371 initiatives. A subset ratio is presented as the whole's.",
    fires: ["214 sáng kiến cấp tỉnh, trong đó các tỉnh có đủ số liệu: 214/4.415 sáng kiến (4,8%)"],
  },
  {
    id: "issuers-summed",
    why: 'Awards of different issuers summed into one figure ("Cờ thi đua 13 tập thể" = TLĐ\'s 03 + LĐLĐ\'s 10): a Cờ of the Tổng Liên đoàn and a Cờ of the LĐLĐ tỉnh are different things. Seed 002 says each with its issuer: "Quyết định tặng cờ cho 10 tập thể; … Tổng Liên đoàn Lao động Việt Nam tặng cờ cho 03 tập thể".',
    fires: [
      "Kết quả khen thưởng trong kỳ: Cờ thi đua 13 tập thể; Bằng khen 35 tập thể, 102 cá nhân. Trong đó: Tổng LĐLĐ Việt Nam: Cờ thi đua 03 tập thể, Bằng khen 04 tập thể, 06 cá nhân; LĐLĐ tỉnh: Cờ thi đua 10 tập thể, Bằng khen 31 tập thể, 96 cá nhân.",
    ],
  },
  {
    id: "unit-before-number",
    why: 'A label before a bare figure, the unit said before it and not after ("bằng khen tập thể 04, bằng khen cá nhân 13", "số cuộc kiểm tra 939,"): the same machine list as "Label: value" without its colon. The seeds put the unit after the figure: "Bằng khen cho 04 tập thể, 13 cá nhân".',
    fires: [
      "Lai Châu bằng khen tập thể 04, bằng khen cá nhân 13; Cao Bằng số cuộc kiểm tra 939, số cuộc giám sát 12.",
    ],
  },
  {
    id: "change-beside-share",
    why: 'A relative change said right after a share ("572/651 doanh nghiệp, đạt 87,9%, tăng 5,9% so với đầu nhiệm kỳ"; "1.179/1.179 đơn vị, đạt 100%, tăng 0,3%"): the reader takes 5,9% for the share\'s change, which it is not. Said by the difference ("tăng 32 doanh nghiệp so với đầu nhiệm kỳ") or in points, it reads one way.',
    fires: [
      "1.179/1.179 đơn vị tổ chức hội nghị cán bộ, công chức, viên chức, đạt 100%, tăng 0,3% so với đầu nhiệm kỳ.",
    ],
  },
  {
    id: "total-rate-of-subset",
    why: "A total row whose rate is not its own figures' ratio (\"Tổng cộng | 4.120 | 3.613 | 99,5%\": 99,5% is the rate of the provinces giving both figures): the reader divides the totals and finds another figure. A subset ratio is presented as the whole's.",
    fires: ["| Tổng cộng | 4.120 | 3.613 | 99,5% |  | 248 | 266 | 93,2%"],
  },
];

const WHY = new Map(PATTERNS.map((p) => [p.id, p.why]));

// ---------------------------------------------------------------------------------------------
// Helpers

/** "1.591.896.000" → 1591896000, "87,9" → 87.9 (Vietnamese separators). */
export function parseViNumber(s: string): number {
  return Number(s.replace(/\./g, "").replace(",", "."));
}

function snippetAt(text: string, start: number, end: number, pad = 30): string {
  const a = Math.max(0, text.lastIndexOf(" ", Math.max(0, start - pad)) + 1);
  let b = text.indexOf(" ", Math.min(text.length, end + pad));
  if (b < 0) b = text.length;
  return text.slice(start - pad <= 0 ? 0 : a, b).trim();
}

const isAbbreviation = (w: string) =>
  w.length >= 2 && w === w.toLocaleUpperCase("vi") && /\p{Lu}.*\p{Lu}/u.test(w);

const ROMAN = /^[IVXLC]+$/;

// ---------------------------------------------------------------------------------------------
// Text patterns (one paragraph, footnote or table row at a time)

type TextCheck = (
  text: string,
  ctx: { names: string[]; kind: ProseBlock["kind"] | "footnote" }
) => {
  snippet: string;
}[];

/** Words that join a phrase to its figure ("với 124.439 đoàn viên"): no label ends in them. */
const LINK_WORDS = new Set(
  "với cho của tại là có được đạt gồm trong và đã thành từ đến trên gần hơn khoảng".split(" ")
);

const unitTwice: TextCheck = (text) => {
  const out: { snippet: string }[] = [];
  // The number (its own separators only, not a following comma), then its unit (1–2 syllables).
  const re = new RegExp(`(\\d+(?:[.,]\\d+)*)\\s+(${L}+)(?:\\s+(${L}+))?`, "gu");
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const unit = m[2].toLocaleLowerCase("vi");
    if (!/^\p{Ll}/u.test(m[2]) || LINK_WORDS.has(unit)) continue;
    // Words of the same clause before the number (no punctuation, no other number), at most 4.
    const before = text.slice(0, start);
    const clause = /[^,;:.()[\]\d%/]*$/u.exec(before)?.[0] ?? "";
    const words = clause.trim().split(/\s+/).filter(Boolean).slice(-4);
    // Only words written in lower case say a unit: a name ("Công đoàn Viên chức tỉnh 2.236 đoàn
    // viên", "CÔNG ĐOÀN VIÊN CHỨC TỈNH …") does not; "Số" opens a label in either case.
    const lower = words.map((w) => {
      const l = w.toLocaleLowerCase("vi");
      return w === l || l === "số" ? l : "";
    });
    const second = m[3]?.toLocaleLowerCase("vi");
    // Where the unit was said before the number: the label's words from there on hold no link
    // word ("Số cuộc giám sát 4.341 cuộc" is a label; "quản lý đoàn viên với 124.439 đoàn viên"
    // is a sentence).
    let at = -1;
    for (let k = lower.length - 1; k >= 0 && at < 0; k--)
      if (second ? lower[k] === unit && lower[k + 1] === second : lower[k] === unit) at = k;
    if (at < 0 || lower.slice(at).some((w) => LINK_WORDS.has(w))) continue;
    // A one-syllable unit counts in a "số …" label ("số suất quà 2.042 suất", "số người 22 người").
    if (!second && !lower.slice(0, at).includes("số") && lower[at - 1] !== "số") continue;
    out.push({ snippet: snippetAt(text, start - clause.length, start + m[0].length, 0) });
  }
  return out;
};

/** What the seeds count: a label naming one of these before a bare figure is a label. */
const UNIT_NOUNS = [
  "tập thể",
  "cá nhân",
  "cuộc",
  "người",
  "đơn vị",
  "doanh nghiệp",
  "đoàn viên",
  "suất",
  "suất quà",
  "buổi",
  "lượt",
  "bản",
  "văn bản",
  "ý kiến",
  "dự thảo",
  "CĐCS",
  "nhà",
  "sáng kiến",
  "công trình",
  "mô hình",
  "lớp",
  "tin, bài",
  "cơ quan",
  "vụ",
  "đơn",
  "dự án",
  "thỏa thuận",
];

const NOT_A_COUNT_AFTER = new Set(
  "năm tháng ngày quý khóa thứ lần kỳ số định thị luận quyết chương điều đoạn tw giai".split(" ")
);

const unitBeforeNumber: TextCheck = (text, ctx) => {
  if (ctx.kind === "table-row") return [];
  const out: { snippet: string }[] = [];
  // A count with nothing after it but punctuation or the end.
  for (const m of text.matchAll(/(?<![\d.,/])(\d+(?:\.\d{3})*)(?=\s*(?:[,;.)]|$))(?![.,]\d)/gu)) {
    const clause = /[^,;:.()[\]\d%/]*$/u.exec(text.slice(0, m.index))?.[0] ?? "";
    const lower = ` ${clause.trim().toLocaleLowerCase("vi")} `;
    // A year, a document's number, an ordinal: "năm 2024", "Quyết định 217", "khóa 13".
    if (NOT_A_COUNT_AFTER.has(/(\p{L}+)\s*$/u.exec(clause)?.[1].toLocaleLowerCase("vi") ?? ""))
      continue;
    const unit = UNIT_NOUNS.map((u) => ({
      u,
      at: lower.lastIndexOf(` ${u.toLocaleLowerCase("vi")} `),
    }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => b.at - a.at)[0];
    if (!unit) continue;
    const rest = lower
      .slice(unit.at + unit.u.length + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    // The unit's label runs up to the figure: at most three words between them.
    if (rest.length > 3) continue;
    out.push({ snippet: snippetAt(text, m.index - clause.length, m.index + m[0].length, 0) });
  }
  return out;
};

const labelSentence: TextCheck = (text, ctx) => {
  if (ctx.kind === "table-row") return [];
  // A paragraph (or list line) opening with a caption and a colon followed by a figure.
  const body = text.replace(/^[-+•]\s*/, "");
  const m = /^([^:.;!?“”"]{1,160}):\s*(?:[-–]\s*)?(\d)/u.exec(body);
  if (!m) return [];
  // Footnotes open with the unit's name ("LĐLĐ tỉnh: Lai Châu 10 CĐCS ..."), as seed 001's do.
  if (ctx.kind === "footnote") return [];
  return [{ snippet: snippetAt(body, 0, m[0].length, 20) }];
};

const FUNCTION_WORDS = new Set([
  "của",
  "các",
  "và",
  "cho",
  "với",
  "tại",
  "trong",
  "được",
  "đã",
  "là",
  "số",
]);

const repeatedWord: TextCheck = (text) => {
  const out: { snippet: string }[] = [];
  const words = [...text.matchAll(new RegExp(`${L}+`, "gu"))];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 4 && i + 2 * n <= words.length; n++) {
      const a = words.slice(i, i + n);
      const b = words.slice(i + n, i + 2 * n);
      const same = a.every(
        (w, k) => w[0].toLocaleLowerCase("vi") === b[k][0].toLocaleLowerCase("vi")
      );
      if (!same) continue;
      // Only words separated by spaces count: "Lai Châu, Lai Châu" or "03/03" are lists.
      const span = text.slice(a[0].index, b[n - 1].index + b[n - 1][0].length);
      const gap = text.slice(a[n - 1].index + a[n - 1][0].length, b[0].index);
      if (!/^\s+$/.test(gap) || /[^\p{L}\s]/u.test(span)) continue;
      // One syllable said twice is often Vietnamese ("hành vi vi phạm", "đời đời"): it counts
      // only for a label glued on ("Giám Giám") or a function word ("của của").
      if (
        n === 1 &&
        !/^\p{Lu}/u.test(b[0][0]) &&
        !FUNCTION_WORDS.has(b[0][0].toLocaleLowerCase("vi"))
      )
        continue;
      out.push({ snippet: snippetAt(text, a[0].index, b[n - 1].index + b[n - 1][0].length, 15) });
      i += 2 * n - 1;
      break;
    }
  }
  return out;
};

/**
 * Capitalised words standing mid-sentence: after a word that starts in lower case, a figure, a
 * comma or a semicolon; not abbreviations (LĐLĐ), Roman numerals, nor words inside quotes (the
 * names of movements, "Lao động giỏi, Lao động sáng tạo"). With the word after, for the allowed set.
 */
export function midSentenceCapitals(text: string): { index: number; word: string; pair: string }[] {
  const re = new RegExp(
    `(?<=(?:(?<![\\p{L}\\d])[\\p{Ll}\\d](?:[\\p{L}\\d.,%/]*[\\p{L}\\d%,])?\\s+|[,;]\\s*))(\\p{Lu}${L}*)(?:\\s+(${L}+))?`,
    "gu"
  );
  const out: { index: number; word: string; pair: string }[] = [];
  for (const m of text.matchAll(re)) {
    const w = m[1];
    if (isAbbreviation(w) || ROMAN.test(w)) continue;
    const before = text.slice(0, m.index);
    const straight = (before.match(/"/g) ?? []).length;
    if (/“[^”]*$/.test(before) || straight % 2 === 1) continue;
    const pair = m[2] ? `${w} ${m[2]}` : w;
    // After ";" the seeds open a new clause with a capital ("…; Tập trung triển khai chủ đề…",
    // "…; Đề nghị Tổng Liên đoàn…"): only a label there (words then ":" or a figure) is a defect.
    const semicolon = /;\s*$/.test(before);
    const clause = /^[^;.!?]*/.exec(text.slice(m.index))?.[0] ?? "";
    const labelLike = /^(?:\S+\s+){0,4}?\S*(?::|\s\d)/u.test(clause);
    if (semicolon && !labelLike) continue;
    out.push({ index: m.index, word: w, pair });
  }
  return out;
}

/** The draft's references to its own parts, capitalised as the seeds capitalise "Biểu", "Phụ lục". */
const DRAFT_REFERENCES = new Set(["Phụ lục", "Biểu tổng"]);

const labelCapital: TextCheck = (text, ctx) => {
  const out: { snippet: string }[] = [];
  // Where the draft's unit names stand ("LĐLĐ huyện Sìn Hồ"): their capitals are a name's.
  const named: [number, number][] = [];
  for (const n of ctx.names)
    for (let at = text.indexOf(n); n && at >= 0; at = text.indexOf(n, at + 1))
      named.push([at, at + n.length]);
  for (const c of midSentenceCapitals(text)) {
    if (named.some(([a, b]) => c.index >= a && c.index < b)) continue;
    if (CAPITALISED_IN_SEEDS.has(c.pair) || CAPITALISED_IN_SEEDS.has(c.word)) continue;
    if (DRAFT_REFERENCES.has(c.pair)) continue;
    out.push({ snippet: snippetAt(text, c.index, c.index + c.pair.length, 20) });
  }
  return out;
};

const bareNumberLine: TextCheck = (text, ctx) => {
  if (ctx.kind === "table-row") return [];
  // A list line that opens with its figure: "- 76 doanh nghiệp;".
  const m = /^[-+•]\s*(?:trên |gần |hơn |khoảng |ít nhất )?\d/u.exec(text);
  if (m) return [{ snippet: text.length > 80 ? `${text.slice(0, 77)}…` : text }];
  // A paragraph that is only a figure and its unit.
  if (new RegExp(`^${NUM}(\\s+${L}+){0,4}[.;]?$`, "u").test(text.trim()))
    return [{ snippet: text }];
  return [];
};

const zeroSaid: TextCheck = (text) => {
  const out: { snippet: string }[] = [];
  const re = new RegExp(`(?<![\\p{L}\\d.,/])0(?![\\d.,/%])\\s+(\\p{Ll}${L}*)`, "gu");
  for (const m of text.matchAll(re)) {
    // Inside a quoted name ("Siêu thị 0 đồng") the zero is part of the name.
    const before = text.slice(0, m.index);
    if (/[“"][^”"]*$/.test(before)) continue;
    out.push({ snippet: snippetAt(text, m.index, m.index + m[0].length, 25) });
  }
  for (const m of text.matchAll(/……\s+\p{Ll}+/gu)) {
    // "ngày …… của ……": a date not yet filled in (the appendix's "Kèm theo" line), no figure.
    if (/ngày\s*$/u.test(text.slice(0, m.index))) continue;
    out.push({ snippet: snippetAt(text, m.index, m.index + m[0].length, 25) });
  }
  return out;
};

const zeroOfZero: TextCheck = (text) =>
  // "0/0", and any share of a zero whole ("3.423/0 đơn").
  [...text.matchAll(/(?<![\d.,])\d[\d.]*\s*\/\s*0(?![\d.,])/g)].map((m) => ({
    snippet: snippetAt(text, m.index, m.index + m[0].length, 25),
  }));

const capsUnitName: TextCheck = (text, ctx) => {
  // Appendix rows too: a unit's row is named as the text names it, not shouted.
  if (ctx.kind !== "paragraph" && ctx.kind !== "footnote" && ctx.kind !== "table-row") return [];
  const out: { snippet: string }[] = [];
  // Two or more words in capitals, each with a vowel (abbreviations like LĐLĐ, CĐCS have
  // none, or stand alone), not Roman numerals: words of a name written in capitals.
  const word = "(?:\\p{Lu}{2,})";
  for (const m of text.matchAll(new RegExp(`${word}(?:\\s+${word})+`, "gu"))) {
    const words = m[0].split(/\s+/);
    const spelled = words.filter(
      (w) =>
        /[AĂÂEÊIOÔƠUƯYÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]/u.test(w) &&
        !ROMAN.test(w) &&
        !KNOWN_ABBREVIATIONS.has(w)
    );
    if (spelled.length >= 2)
      out.push({ snippet: snippetAt(text, m.index, m.index + m[0].length, 15) });
  }
  return out;
};

/** Abbreviations with a vowel, so they look like words in capitals (from the seeds and DOMAIN.md). */
const KNOWN_ABBREVIATIONS = new Set([
  "UBND",
  "UBKT",
  "UBMTTQ",
  "TULĐTT",
  "ATVSLĐ",
  "ATLĐ",
  "HĐND",
  "MTTQ",
  "BHXH",
  "BHYT",
  "BHTN",
  "NLĐ",
  "NLD",
  "CNLĐ",
  "CNVC",
  "CNVCLĐ",
  "CCVCLĐ",
  "CBCCVC",
  "CBCC",
  "HCSN",
  "CNH",
  "HĐH",
  "VT",
  "TT",
  "KH",
  "NQ",
  "ĐH",
  "CSPL",
  "QHLD",
  "QHLĐ",
  "TW",
  "CV",
  "BDVTU",
  "TU",
  "KCN",
  "NASACO",
  "CSVN",
  "SKH",
  "CN",
  "TB",
  "TG",
  "NC",
  "VP",
  "TLD",
  "ĐVCNVCLĐ",
  "ĐHCĐ",
  "NSDLĐ",
  "TTG",
  "TTg",
  "CD",
  "FM",
  "MHz",
  "THPT",
  "TNHH",
  "KCD",
  "RV",
  "KD",
  "UBMT",
  "CĐN",
  "CĐVC",
  "BTV",
  "BCH",
]);

const hedgeStacked: TextCheck = (text) => {
  const h = HEDGES.join("|");
  const re = new RegExp(`(?<!${L})(${h})\\s+(${h})\\s+\\d`, "giu");
  return [...text.matchAll(re)].map((m) => ({
    snippet: snippetAt(text, m.index, m.index + m[0].length, 15),
  }));
};

const garbledJoin: TextCheck = (text) => {
  const out: { snippet: string }[] = [];
  // "Trong đó:" opening a sub-list after a word, with no full stop or colon before it.
  for (const m of text.matchAll(/(?<=[\p{L}\d)]\s+)(Trong đó|Trong số đó|Cụ thể|Bao gồm)\s*:/gu))
    out.push({ snippet: snippetAt(text, m.index, m.index + m[0].length, 30) });
  // A phrase of three or more words said twice within a clause list ("Mái ấm Công đoàn, nhà lưu
  // trú, Mái ấm Công đoàn, nhà lưu trú"): two labels of one thing joined.
  const m2 = /(?<!\p{L})((?:\p{L}+,?\s+){2,6}\p{L}+),\s+\1(?!\p{L})/u.exec(text);
  if (m2) out.push({ snippet: snippetAt(text, m2.index, m2.index + m2[0].length, 10) });
  return out;
};

const partialDataHedge: TextCheck = (text) =>
  [...text.matchAll(/trong đó các (?:tỉnh|đơn vị) có (?:đủ số liệu|chỉ tiêu)\s*:/gu)].map((m) => ({
    snippet: snippetAt(text, m.index, m.index + m[0].length, 40),
  }));

const changeBesideShare: TextCheck = (text) =>
  [
    ...text.matchAll(
      /(?:đạt\s+|\()\d+(?:,\d+)?%\)?,?\s+(?:đều\s+)?(?:tăng|giảm)\s+\d+(?:,\d+)?%\s+so với/gu
    ),
  ].map((m) => ({ snippet: snippetAt(text, m.index, m.index + m[0].length, 20) }));

const totalRateOfSubset: TextCheck = (text) => {
  const cells = text.split("|").map((c) => c.trim());
  if (!cells.includes("Tổng cộng")) return [];
  const num = (c: string) => (/^\d[\d.]*$/.test(c) ? parseViNumber(c) : null);
  const out: { snippet: string }[] = [];
  for (let i = 0; i + 2 < cells.length; i++) {
    const a = num(cells[i]);
    const b = num(cells[i + 1]);
    const m = /^(\d+(?:,(\d+))?)%$/.exec(cells[i + 2]);
    if (a === null || b === null || !m || a === 0 || b === 0) continue;
    const p = parseViNumber(m[1]);
    const tolerance = 0.5 * 10 ** -(m[2]?.length ?? 0) + 1e-9;
    // Part then whole, or whole then part ("Số đơn nhận | Số đã giải quyết | Tỷ lệ").
    if (Math.abs((a / b) * 100 - p) > tolerance && Math.abs((b / a) * 100 - p) > tolerance)
      out.push({ snippet: cells.slice(Math.max(0, i - 1), i + 3).join(" | ") });
  }
  return out;
};

const TEXT_CHECKS: [PatternId, TextCheck][] = [
  ["total-rate-of-subset", totalRateOfSubset],
  ["change-beside-share", changeBesideShare],
  ["unit-twice", unitTwice],
  ["unit-before-number", unitBeforeNumber],
  ["label-sentence", labelSentence],
  ["repeated-word", repeatedWord],
  ["label-capital", labelCapital],
  ["bare-number-line", bareNumberLine],
  ["zero-said", zeroSaid],
  ["zero-of-zero", zeroOfZero],
  ["caps-unit-name", capsUnitName],
  ["hedge-stacked", hedgeStacked],
  ["garbled-join", garbledJoin],
  ["partial-data-hedge", partialDataHedge],
];

// ---------------------------------------------------------------------------------------------
// Document patterns

function emptyHeadings(d: ProseDraft): ProseHit[] {
  const out: ProseHit[] = [];
  d.blocks.forEach((b, i) => {
    if (b.kind !== "heading") return;
    const next = d.blocks.slice(i + 1).find((x) => x.kind !== "paragraph" || x.text.trim() !== "");
    const empty =
      !next ||
      (next.kind === "heading" && (next.level ?? 1) <= (b.level ?? 1)) ||
      (next.kind === "paragraph" && /^\.\/\.$/.test(next.text.trim()));
    if (empty)
      out.push({
        pattern: "empty-heading",
        snippet: b.text,
        where: "body",
        why: WHY.get("empty-heading")!,
      });
  });
  return out;
}

function endMarkAlone(d: ProseDraft): ProseHit[] {
  const out: ProseHit[] = [];
  d.blocks.forEach((b, i) => {
    if (!b.text.includes("./.")) return;
    const before = b.text.slice(0, b.text.indexOf("./.")).trim();
    const prev = d.blocks[i - 1];
    // "./." alone on its line (after a heading, a table or nothing), or in a heading or table row.
    if (before === "" || b.kind !== "paragraph")
      out.push({
        pattern: "end-mark-alone",
        snippet: `${prev ? `${prev.text.slice(0, 60)} ⏎ ` : ""}${b.text.slice(0, 60)}`,
        where: "body",
        why: WHY.get("end-mark-alone")!,
      });
  });
  return out;
}

interface RatioSeen {
  pct: string;
  where: string;
}

/** "a/b … X%": the share written next to a pair; and table rows holding a, b and a share. */
function ratiosTwoWays(d: ProseDraft): ProseHit[] {
  const seen = new Map<string, RatioSeen[]>();
  const add = (a: number, b: number, pct: string, where: string) => {
    if (!(b > 0)) return;
    const key = `${a}/${b}`;
    const list = seen.get(key) ?? [];
    list.push({ pct, where });
    seen.set(key, list);
  };
  const texts: { text: string; where: string; row: boolean }[] = [
    ...d.blocks.map((b) => ({
      text: b.text,
      where: b.kind === "table-row" ? "table" : "body",
      row: b.kind === "table-row",
    })),
    ...d.footnotes.map((t, i) => ({ text: t, where: `footnote ${i + 1}`, row: false })),
  ];
  const pairRe = /(\d[\d.]*)\s*\/\s*(\d[\d.]*)([^;%/]{0,60}?)(\d+(?:,\d+)?)\s*%/g;
  const pairs: [number, number][] = [];
  for (const t of texts) {
    if (t.row) continue;
    for (const m of t.text.matchAll(pairRe)) {
      if (/\d\s*\/\s*\d/.test(m[3])) continue;
      const a = parseViNumber(m[1]);
      const b = parseViNumber(m[2]);
      const p = parseViNumber(m[4]);
      // Only a share that is this pair's (rounded some way): "đạt 100% chỉ tiêu" of another pair is not.
      if (!(b > 0) || Math.abs((a / b) * 100 - p) > 1) continue;
      add(a, b, m[4], t.where);
      pairs.push([a, b]);
    }
  }
  for (const t of texts) {
    if (!t.row) continue;
    // A table writes a pair's share in the column after the pair's ("2 | 8 | 25%"): a percent in
    // another column is another indicator's (a typed "0%" two cells away is not 7/3.212's share).
    const cells = t.text.split(" | ").map((c) => c.trim());
    const num = (c: string | undefined) =>
      c !== undefined && /^\d[\d.]*$/.test(c) ? parseViNumber(c) : null;
    for (const [a, b] of pairs) {
      // A zero share matches any "0%" of the row: too weak to tie to this pair (and a zero said
      // aloud is zero-said's).
      if (a === 0) continue;
      for (let i = 0; i + 2 < cells.length; i++) {
        if (num(cells[i]) !== a || num(cells[i + 1]) !== b) continue;
        const m = /^(\d+(?:,\d+)?)\s*%$/.exec(cells[i + 2]);
        if (!m) continue;
        const p = m[1];
        const dec = (p.split(",")[1] ?? "").length;
        const exact = (a / b) * 100;
        if (Math.abs(exact - parseViNumber(p)) <= 0.5 * 10 ** -dec + 1e-9) add(a, b, p, "table");
      }
    }
  }
  const out: ProseHit[] = [];
  for (const [key, list] of seen) {
    const distinct = [...new Set(list.map((s) => s.pct))];
    if (distinct.length > 1)
      out.push({
        pattern: "ratio-two-ways",
        snippet: `${key}: ${list.map((s) => `${s.pct}% (${s.where})`).join(", ")}`,
        where: list.map((s) => s.where).join(", "),
        why: WHY.get("ratio-two-ways")!,
      });
  }
  return out;
}

/** Who gives an award, as the seeds name them; null when the clause names no issuer. */
const ISSUERS: [RegExp, string][] = [
  [/Tổng LĐLĐ Việt Nam|Tổng Liên đoàn(?: Lao động Việt Nam)?|\bTLĐ\b|\bTLD\b/u, "TLĐ"],
  [/UBND tỉnh|Ủy ban nhân dân tỉnh/u, "UBND"],
  [/LĐLĐ (?:các )?tỉnh|Liên đoàn Lao động (?:các )?tỉnh/u, "LĐLĐ"],
];

interface AwardMention {
  award: string;
  unit: string;
  value: number;
  issuer: string | null;
  text: string;
}

/**
 * "Cờ thi đua 13 tập thể", "Bằng khen 35 tập thể, 102 cá nhân": awards with their counts, each with
 * the issuer named last before it in its clause (text after the last ";" or ":"-less sentence end).
 */
function awardMentions(text: string): AwardMention[] {
  const out: AwardMention[] = [];
  const re =
    /(Cờ thi đua|Cờ|Bằng khen|Giấy khen)([^\d;.]{0,40}?)(\d[\d.]*)\s+(tập thể|cá nhân)((?:,?\s+(?:và\s+)?\d[\d.]*\s+(?:tập thể|cá nhân))*)/giu;
  for (const m of text.matchAll(re)) {
    const award = m[1].toLocaleLowerCase("vi").startsWith("cờ")
      ? "cờ"
      : m[1].toLocaleLowerCase("vi");
    // The clause up to the number: "LĐLĐ tỉnh: Cờ thi đua 10", "Cờ thi đua của LĐLĐ tỉnh 11".
    const clause = (/[^;.]*$/u.exec(text.slice(0, m.index))?.[0] ?? "") + m[1] + m[2];
    // The issuer stands in the words right before the award in its clause ("LĐLĐ tỉnh: Cờ …").
    let issuer: string | null = null;
    let at = -1;
    for (const [re2, name] of ISSUERS)
      for (const x of clause.matchAll(new RegExp(re2.source, "gu")))
        if (x.index > at) {
          at = x.index;
          issuer = name;
        }
    out.push({
      award,
      unit: m[4].toLocaleLowerCase("vi"),
      value: parseViNumber(m[3]),
      issuer,
      text: m[0],
    });
    for (const more of (m[5] ?? "").matchAll(/(\d[\d.]*)\s+(tập thể|cá nhân)/gu))
      out.push({ award, unit: more[2], value: parseViNumber(more[1]), issuer, text: m[0] });
  }
  return out;
}

/**
 * A count with no issuer equal to the sum of one count per issuer (two or more issuers) given in
 * another paragraph or footnote ("Trong đó: Tổng LĐLĐ Việt Nam: Cờ thi đua 03 tập thể …; LĐLĐ
 * tỉnh: Cờ thi đua 10 tập thể"). A per-province list (several counts per issuer) is no such split.
 */
function issuersSummed(d: ProseDraft): ProseHit[] {
  // "… Trong đó: …" opens the split within a paragraph: its own segment.
  const texts = [
    ...d.blocks.filter((b) => b.kind === "paragraph").map((b) => b.text),
    ...d.footnotes,
  ].flatMap((t) => t.split(/(?=Trong đó\s*:)/u));
  const mentions = texts.map(awardMentions);
  const out: ProseHit[] = [];
  mentions.forEach((list, i) => {
    for (const m of list.filter((x) => x.issuer === null && x.value > 0))
      for (const [j, other] of mentions.entries()) {
        if (j === i) continue;
        const byIssuer = new Map<string, number[]>();
        for (const p of other)
          if (p.issuer && p.award === m.award && p.unit === m.unit)
            byIssuer.set(p.issuer, [...(byIssuer.get(p.issuer) ?? []), p.value]);
        const split = [...byIssuer.values()];
        if (split.length < 2 || split.some((v) => v.length !== 1)) continue;
        if (split.reduce((a, [v]) => a + v, 0) !== m.value) continue;
        out.push({
          pattern: "issuers-summed",
          snippet: `${m.text} (${m.value} ${m.unit} = ${[...byIssuer.keys()].join(" + ")})`,
          where: "body",
          why: WHY.get("issuers-summed")!,
        });
        break;
      }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// The judge

/** Every defect of the draft, one hit per defect. */
export function checkProse(d: ProseDraft): ProseHit[] {
  const hits: ProseHit[] = [];
  const names = d.names ?? [];
  const scan = (text: string, kind: ProseBlock["kind"] | "footnote", where: string) => {
    if (kind === "heading") return;
    for (const [id, check] of TEXT_CHECKS)
      for (const h of check(text, { names, kind }))
        hits.push({ pattern: id, snippet: h.snippet, where, why: WHY.get(id)! });
  };
  for (const b of d.blocks) scan(b.text, b.kind, b.kind === "table-row" ? "table" : "body");
  d.footnotes.forEach((f, i) => scan(f, "footnote", `footnote ${i + 1}`));
  hits.push(...emptyHeadings(d), ...endMarkAlone(d), ...ratiosTwoWays(d), ...issuersSummed(d));
  return hits;
}

/** Hits counted per pattern, every pattern listed (0 included). */
export function countByPattern(hits: readonly ProseHit[]): Record<PatternId, number> {
  const out = Object.fromEntries(PATTERNS.map((p) => [p.id, 0])) as Record<PatternId, number>;
  for (const h of hits) out[h.pattern]++;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Readers: the document model, and plain text (the seeds, LibreOffice's text of a .docx)

const runsPlain = (runs: readonly Run[]) =>
  runs.map((r) => (r.kind === "footnote" ? "" : r.text)).join("");

/** The draft as the judge reads it, from the document model (body, footnotes, appendix). */
export function draftFromDocument(
  doc: ReportDocument,
  name: string,
  names: string[] = []
): ProseDraft {
  const blocks: ProseBlock[] = [];
  const ofBlock = (b: Block) => {
    if (b.kind === "heading")
      blocks.push({ kind: "heading", level: b.level, text: `${b.number} ${b.text}`.trim() });
    else if (b.kind === "paragraph") blocks.push({ kind: "paragraph", text: runsPlain(b.runs) });
    else
      // Header rows too: a column's label is read like any other words ("Cờ thi đua cờ thi đua").
      for (const row of [...b.header, ...b.body])
        blocks.push({ kind: "table-row", text: row.map((c) => runsPlain(c.runs)).join(" | ") });
  };
  doc.body.forEach(ofBlock);
  // The appendix's "(Kèm theo Báo cáo số … của …)" is a sentence the reader reads like the body's.
  if (doc.appendix) blocks.push({ kind: "paragraph", text: doc.appendix.subtitle });
  doc.appendix?.tables.forEach(ofBlock);
  return { name, blocks, footnotes: doc.footnotes.map((f) => runsPlain(f.runs)), names };
}

const SUPERSCRIPT = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

/** A heading line of a plain-text report: "I. …", "1. Thuận lợi", "2.1. …", "a) …", "PHẦN …". */
function headingLevel(line: string): number | null {
  if (/^PHẦN THỨ/u.test(line)) return 0;
  // "II. KẾT QUẢ THỰC HIỆN … (Có số liệu cụ thể …)": a Roman numeral and words in capitals.
  if (/^[IVX]+\.\s+\p{Lu}{2,}[\s,]/u.test(line)) return 1;
  // Numbered lines count as headings only when short and not ending a sentence.
  if (line.length > 160 || /[.;:…,]$/.test(line)) return null;
  if (/^\d+\.\d+\.\s+/.test(line)) return 3;
  if (/^\d+\.\s+\p{Lu}/u.test(line)) return 2;
  if (/^[a-zđ]\)\s+/u.test(line)) return 4;
  return null;
}

/**
 * A report's plain text (a seed, or LibreOffice's text of a .docx) read as a draft: the body from
 * the line after the summary (trích yếu) to "Nơi nhận:"; seed footnotes (lines opening with a
 * superscript or "17. **LĐLĐ") apart. Markdown marks of the seeds (**, *, ^x) are dropped.
 */
export function draftFromPlainText(raw: string, name: string, names: string[] = []): ProseDraft {
  const lines = raw.split(/\r?\n/).map((l) =>
    l
      .replace(/\*\*|(?<!\S)\*|\*(?!\S)|\^\p{L}/gu, "")
      .replace(/\s+/g, " ")
      .trim()
  );
  const title = lines.findIndex((l) => /^(BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN)$/u.test(l));
  let i = title >= 0 ? title + 1 : 0;
  while (i < lines.length && lines[i] === "") i++;
  i++; // the summary line, which may run on in capitals (seed 004: "SƠ KẾT … / ĐẠI HỘI ……")
  while (
    i < lines.length &&
    lines[i] !== "" &&
    lines[i] === lines[i].toLocaleUpperCase("vi") &&
    headingLevel(lines[i]) === null
  )
    i++;
  const blocks: ProseBlock[] = [];
  const footnotes: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^Nơi nhận:?$/u.test(line)) break;
    if (line === "") continue;
    if (
      /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(line) ||
      (/^\d+\.\s+(LĐLĐ|\*\*)/u.test(lines[i]) && /^\d+\.\s+LĐLĐ tỉnh/u.test(line))
    ) {
      footnotes.push(
        line
          .replace(SUPERSCRIPT, "")
          .replace(/^\d+\.\s+/, "")
          .trim()
      );
      continue;
    }
    const text = line.replace(SUPERSCRIPT, "");
    const level = headingLevel(text);
    // Seed 004 runs a heading's text on from its title: "III. KẾT QUẢ … CHƯƠNG TRÌNH. Đánh giá …".
    const runOn = level === 1 ? /^(.*?\p{Lu}{2,}\.)\s+(\p{Lu}\p{Ll}.*)$/u.exec(text) : null;
    if (runOn) {
      blocks.push({ kind: "heading", level: 1, text: runOn[1] });
      blocks.push({ kind: "paragraph", text: runOn[2] });
    } else
      blocks.push(level !== null ? { kind: "heading", level, text } : { kind: "paragraph", text });
  }
  return { name, blocks, footnotes, names };
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, e: string) =>
      e.startsWith("#x") || e.startsWith("#X")
        ? String.fromCodePoint(parseInt(e.slice(2), 16))
        : e.startsWith("#")
          ? String.fromCodePoint(parseInt(e.slice(1), 10))
          : (ENTITIES[e] ?? `&${e};`)
    )
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * LibreOffice's XHTML of a .docx (soffice --convert-to "html:XHTML Writer File:UTF8") read as a
 * draft: what a user of LibreOffice reads. Footnotes are the title of their mark's span
 * ("Footnote: …"); h1–h6 are headings; table rows are rows. The header table and the title before
 * the body, and the signature block after "Nơi nhận:", are layout, not prose: left out, except the
 * appendix's table rows. Lines wholly in capitals (title, signature, appendix titles) are left out.
 */
export function draftFromLibreOfficeHtml(
  html: string,
  name: string,
  names: string[] = []
): ProseDraft {
  const footnotes: string[] = [];
  const body = (/<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html).replace(
    /<span[^>]*title="Footnote: ([^"]*)"[^>]*>[\s\S]*?<\/span>/g,
    (_, note: string) => {
      footnotes.push(htmlText(note));
      return "";
    }
  );
  const blocks: ProseBlock[] = [];
  // before: the header block up to the title; summary: the line after it; body; closing: after
  // "Nơi nhận:", where only the appendix's rows are read.
  let state: "before" | "summary" | "body" | "closing" = "before";
  const re =
    /<tr\b[\s\S]*?<\/tr>|<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>|<(p|div)\b[^>]*>([\s\S]*?)<\/\3>/g;
  for (const m of body.matchAll(re)) {
    if (m[0].startsWith("<tr")) {
      if (state === "before" || state === "summary") continue;
      const cells = [...m[0].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => htmlText(c[1]));
      // The signature block is a table: "Nơi nhận:" and the recipients beside the signer.
      if (cells.some((c) => c.startsWith("Nơi nhận"))) state = "closing";
      else blocks.push({ kind: "table-row", text: cells.join(" | ") });
    } else if (m[1]) {
      if (state === "body")
        blocks.push({ kind: "heading", level: Number(m[1]), text: htmlText(m[2]) });
    } else if (!m[4].includes("footnodeNumber")) {
      // (LibreOffice also lists the footnotes' text at the end, marked "footnodeNumber": read
      // once, from their marks.)
      const text = htmlText(m[4]);
      if (state === "before") {
        if (/^(BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|HƯỚNG DẪN)$/u.test(text)) state = "summary";
      } else if (state === "summary") {
        if (text !== "") state = "body";
      } else if (/^Nơi nhận:?$/u.test(text)) state = "closing";
      else if (state === "body" && text !== "") blocks.push({ kind: "paragraph", text });
    }
  }
  return { name, blocks, footnotes, names };
}
