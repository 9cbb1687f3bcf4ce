// Figures named inside words: a template's sentence ("thu hút {tt_luot_tham_gia} lượt đoàn viên,
// CNVCLĐ tham gia") and a unit's own section text both name a figure by its code in braces, so
// the figure the draft prints is always the cell's value. Pure syntax here; what a token says is
// in sentences.ts.
//   {ma}            the figure (a section figure, or a table column's total)
//   {ma@dong}       one row of a fixed table ("{kt_co_thi_dua@tld}": the awards TLĐ gave)
//   {ma.ty_le}      the figure's share of its whole ("87,9%")
//   {ma.chi_tieu}   its result against its target ("đạt 194% chỉ tiêu")
//   {ma.so_sanh}    its comparison with the baseline ("tăng 12% so với cùng kỳ năm trước")
//   {ma_chi_tieu}   a target's level with its comparator ("trên 85%", "ít nhất 500")
//   {ma:day_du}     an amount in full, whatever the document's money style ("969.000.000 đồng");
//   {ma:trieu}      in triệu ("469,4 triệu đồng", "6.144 triệu đồng"); {ma:gon} in tỷ or triệu
//                   ("1,039 tỷ đồng"). Seed 001 writes amounts each way, one sentence to the next.
//   {don_vi}        the unit's name: a sentence naming it says each unit's own figures in the
//                   footnote of the section's sentence stating their totals ("{don_vi} thành lập
//                   {cdcs_thanh_lap} CĐCS, kết nạp {dv_ket_nap} đoàn viên"), as seed 001 words them
// In a template sentence, words in [square brackets] are left out when a figure in them is blank
// or zero, so one sentence serves whether or not every figure was reported.
import type { Template } from "../model/load";

export const TOKEN_PARTS = ["ty_le", "chi_tieu", "so_sanh"] as const;
export type TokenPart = (typeof TOKEN_PARTS)[number];

/** How a token asks its amount to be written (":day_du", ":trieu", ":gon"); money only. */
export const MONEY_TOKEN_STYLES = ["day_du", "trieu", "gon"] as const;
export type MoneyTokenStyle = (typeof MONEY_TOKEN_STYLES)[number];

export interface Token {
  kind: "token";
  /** As written, braces included. */
  raw: string;
  id: string;
  row: string | null;
  part: TokenPart | null;
  /** The amount's style after ":", as written (checked by tokenProblem); null: the document's. */
  style: string | null;
}

export interface TextSegment {
  kind: "text";
  text: string;
}

/**
 * Words in [...]: written only when their figures are. Groups nest one in another ("[; Bằng khen
 * cho[ {a} tập thể][, {b} cá nhân]]"): a group is kept when each figure directly in it is there and
 * it says at least one figure.
 */
export interface OptionalSegment {
  kind: "optional";
  parts: Segment[];
}

export type Segment = TextSegment | Token | OptionalSegment;

/** Anything in braces is meant as a token; a brace pair longer than a code is ordinary text. */
const CANDIDATE = /\{([^{}\n]{1,80})\}/g;
const GRAMMAR = /^([a-z][a-z0-9_]*)(?:@([a-z][a-z0-9_]*))?(?:\.([a-z_]+))?(?::([a-z_]+))?$/;

function parseToken(raw: string, inner: string): Token {
  const m = GRAMMAR.exec(inner.trim());
  if (!m) return { kind: "token", raw, id: inner.trim(), row: null, part: null, style: null };
  const part = (TOKEN_PARTS as readonly string[]).includes(m[3] ?? "") ? (m[3] as TokenPart) : null;
  // An unknown part (".abc") keeps it in the id so the check reports the token as written.
  const id = m[3] && !part ? `${m[1]}.${m[3]}` : m[1];
  return { kind: "token", raw, id, row: m[2] ?? null, part, style: m[4] ?? null };
}

function splitTokens(text: string): (Token | TextSegment)[] {
  const out: (Token | TextSegment)[] = [];
  let at = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    const start = m.index;
    if (start > at) out.push({ kind: "text", text: text.slice(at, start) });
    out.push(parseToken(m[0], m[1]));
    at = start + m[0].length;
  }
  if (at < text.length) out.push({ kind: "text", text: text.slice(at) });
  return out;
}

function hasToken(parts: Segment[]): boolean {
  return parts.some((p) => p.kind === "token" || (p.kind === "optional" && hasToken(p.parts)));
}

/** Brackets as written, for a group that holds no figure ("[...]" left for the writer). */
function literal(parts: Segment[]): Segment[] {
  return [{ kind: "text", text: "[" }, ...parts, { kind: "text", text: "]" }];
}

/**
 * A sentence's segments. With `optional`, "[...]" holding a token is an optional group; brackets
 * without a token, or unbalanced, are ordinary text.
 */
export function parseSegments(text: string, optional: boolean): Segment[] {
  if (!optional) return splitTokens(text);
  const stack: Segment[][] = [[]];
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "[" && c !== "]") continue;
    if (i > at) stack[stack.length - 1].push(...splitTokens(text.slice(at, i)));
    at = i + 1;
    if (c === "[") {
      stack.push([]);
    } else if (stack.length > 1) {
      const parts = stack.pop()!;
      const top = stack[stack.length - 1];
      if (hasToken(parts)) top.push({ kind: "optional", parts });
      else top.push(...literal(parts));
    } else {
      stack[0].push({ kind: "text", text: "]" });
    }
  }
  if (at < text.length) stack[stack.length - 1].push(...splitTokens(text.slice(at)));
  // Brackets left open are text.
  while (stack.length > 1) {
    const parts = stack.pop()!;
    stack[stack.length - 1].push({ kind: "text", text: "[" }, ...parts);
  }
  return stack[0];
}

export function tokensOf(segments: Segment[]): Token[] {
  return segments.flatMap((s) =>
    s.kind === "token" ? [s] : s.kind === "optional" ? tokensOf(s.parts) : []
  );
}

/** The token naming the unit in a per-unit sentence. */
export const UNIT_TOKEN = "don_vi";

export function isUnitToken(t: Token): boolean {
  return t.id === UNIT_TOKEN && t.row === null && t.part === null && t.style === null;
}

/** A sentence naming the unit: said once per unit, in the footnote under the totals' sentence. */
export function isUnitSentence(text: string): boolean {
  return tokensOf(parseSegments(text, true)).some(isUnitToken);
}

/**
 * A unit sentence with its units' own wordings. The cell's first line is every unit's sentence;
 * a later line "Hà Giang: tặng {tet_suat} suất quà" is that unit's own (seed 001 words some
 * provinces apart: "Hà Giang tặng", the others "trao"). The name is the unit's as the footnote
 * writes it or in full; a line without a name goes on with the shared sentence.
 */
export interface UnitSentence {
  text: string;
  own: { unit: string; text: string }[];
}

const OWN_LINE = /^([^:{}[\]]{1,120}):\s*(\S.*)$/;

export function splitUnitSentence(source: string): UnitSentence {
  const lines = source.split(/\r\n|\r|\n/).map((l) => l.trim());
  const shared: string[] = [];
  const own: { unit: string; text: string }[] = [];
  for (const line of lines) {
    if (line === "") continue;
    const m = shared.length > 0 ? OWN_LINE.exec(line) : null;
    if (m) own.push({ unit: m[1].trim(), text: m[2] });
    else shared.push(line);
  }
  return { text: shared.join(" "), own };
}

/** Whether a unit's own line names this unit: case, spacing and Unicode form aside. */
export function sameUnitName(a: string, b: string): boolean {
  const norm = (x: string) =>
    x.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return norm(a) === norm(b);
}

/**
 * The sentence a unit's clause is said in: its own line when the cell has one for it (by any of
 * its names), else the shared sentence. A line not naming the unit says it first ("{don_vi} ").
 */
export function unitSentenceFor(source: string, names: string[]): string {
  const s = splitUnitSentence(source);
  const own = s.own.find((o) => names.some((n) => sameUnitName(n, o.unit)));
  if (!own) return s.text;
  return tokensOf(parseSegments(own.text, true)).some(isUnitToken)
    ? own.text
    : `{${UNIT_TOKEN}} ${own.text}`;
}

/** Why a token names nothing the template has, in Vietnamese; null when it is known. */
/**
 * "{don_vi_dung_han}": in a consolidated report with a deadline, "5/9" — the units that reported
 * on time out of those expected — so a template can say "[{don_vi_dung_han} đơn vị báo cáo đúng
 * hạn]"; without a deadline it is blank and its [words] are left out. An indicator of that id wins.
 */
export const ON_TIME_TOKEN = "don_vi_dung_han";

export function tokenProblem(template: Template, t: Token): string | null {
  if (isUnitToken(t) && !template.indicatorById.has(UNIT_TOKEN)) return null;
  if (t.id === ON_TIME_TOKEN && !template.indicatorById.has(t.id))
    return t.row || t.part ? `${t.raw}: {${ON_TIME_TOKEN}} không kèm @dòng hay .phần` : null;
  const target = template.targetById.get(t.id);
  if (target) {
    return t.row || t.part || t.style
      ? `${t.raw}: chỉ tiêu "${t.id}" chỉ viết {${t.id}}, không kèm @dòng, .phần hay :cách viết`
      : null;
  }
  const ind = template.indicatorById.get(t.id);
  if (!ind) {
    return `${t.raw}: không có chỉ số hay chỉ tiêu mã "${t.id}" (xem cột "Mã chỉ số" trên trang tính)`;
  }
  if (
    ind.type !== "integer" &&
    ind.type !== "decimal" &&
    ind.type !== "money" &&
    ind.type !== "percent"
  ) {
    return `${t.raw}: "${t.id}" không phải số liệu nên không đặt vào câu được`;
  }
  if (t.style !== null) {
    if (ind.type !== "money" || t.part !== null) {
      return `${t.raw}: cách viết ":${t.style}" chỉ dùng cho số tiền (viết {${t.id}} không kèm ":${t.style}")`;
    }
    if (!(MONEY_TOKEN_STYLES as readonly string[]).includes(t.style)) {
      return `${t.raw}: không có cách viết số tiền ":${t.style}" (dùng :day_du, :trieu hoặc :gon)`;
    }
  }
  if (t.row) {
    const table = ind.table ? template.tableById.get(ind.table) : undefined;
    if (!table || table.kind !== "fixed") {
      return `${t.raw}: "@${t.row}" chỉ dùng cho cột của bảng dòng cố định`;
    }
    if (!(table.rows ?? []).some((r) => r.id === t.row)) {
      const rows = (table.rows ?? []).map((r) => r.id).join(", ");
      return `${t.raw}: bảng "${table.title}" không có dòng "${t.row}" (các dòng: ${rows})`;
    }
  } else if (ind.table && template.tableById.get(ind.table)?.kind === "list") {
    return `${t.raw}: cột của bảng danh sách không có dòng tổng để đặt vào câu`;
  }
  return null;
}

/** Every problem of a text's tokens; empty when each names a figure of the template. */
export function tokenProblems(template: Template, text: string, optional: boolean): string[] {
  return tokensOf(parseSegments(text, optional))
    .map((t) => tokenProblem(template, t))
    .filter((p): p is string => p !== null);
}

/** The key of an edited sentence in the report data: "<section>.<sentence>". */
export function sentenceKey(section: string, sentence: string): string {
  return `${section}.${sentence}`;
}
