// The footnote giving each unit's (or each row's) own figures behind a total, as seed 001 does:
// "LĐLĐ tỉnh: Lai Châu 96 công trình, ...; Cao Bằng 04 công trình, ...". A footnote on one bullet
// or figure clause lists that clause's figures only, compactly ("huyện Tam Đường 1.857 suất,
// 3.873.815.000 đồng; ..."); units with no figure for it are left out; past the cap set in the
// settings the rest are counted, not listed, so a 1,000-unit draft stays readable.
import type { Indicator } from "../model/load";
import type { Run, SourceRef } from "../document/model";
import type { Row } from "../rollup/totals";
import { text, type NarrativeContext } from "./context";
import {
  consumedBy,
  indicatorClause,
  midSentence,
  rowScope,
  speakable,
  type Scope,
} from "./clauses";
import { unitAfter } from "./figure";
import { wholeOf } from "./relations";
import { renderSentence } from "./sentences";
import { parseSegments, tokensOf, unitSentenceFor } from "./tokens";
import { buildItems, joinItems } from "./items";
import type { Relations } from "./relations";

export { sharedPrefix } from "./unit-names";

export interface FootnoteRow {
  /** The name as the footnote writes it (units: without the words all units share). */
  name: string;
  values: Row;
  source: (indicator: string) => SourceRef;
}

export interface FootnoteOptions {
  /**
   * "units": rows are units, said "Lai Châu 96 ..." under a head naming their shared words and
   * capped by the settings; "rows": a fixed table's rows, "Tổng LĐLĐ Việt Nam: ...".
   */
  kind: "units" | "rows";
  /** Figures with their units only ("1.857 suất, 3.873.815.000 đồng"): the clause says what. */
  compact?: boolean;
  /** The units' own figures are in the appendix: the cap's sentence points there. */
  inAppendix?: boolean;
  /**
   * The section's sentences naming the unit ("{don_vi} thành lập {cdcs_thanh_lap} CĐCS"): each
   * row says its figures in them, in the template's words; figures none of them names are listed.
   */
  sentences?: string[];
}

/** A row's figures in the unit sentences that name them; null when none says a figure. */
function sentenceRuns(
  ctx: NarrativeContext,
  rel: Relations,
  sentences: string[],
  name: string,
  scope: Scope
): { runs: Run[]; said: Set<string> } | null {
  const runs: Run[] = [];
  const said = new Set<string>();
  for (const source of sentences) {
    const r = renderSentence(ctx, rel, source, { optional: true, unit: { name, scope } });
    // A shorter sentence for a unit lacking some figures is not said after the full one.
    if (!r || r.said.every((k) => said.has(k))) continue;
    // The unit is named once: a second sentence goes on from the first ("..., kết nạp ...").
    let own = r.runs;
    if (runs.length > 0) {
      own = own.filter((x) => !(x.kind === "text" && x.bold && x.text === name));
      const [first, ...rest] = own;
      if (first?.kind === "text")
        own = [{ ...first, text: midSentence(first.text.trimStart()) }, ...rest];
      runs.push(text(", "));
    }
    runs.push(...own);
    for (const k of r.said) said.add(k);
  }
  return runs.length > 0 ? { runs, said } : null;
}

/** "kế hoạch" for "Thu kinh phí công đoàn: kế hoạch": the words the clause's heading leaves. */
function subLabel(ind: Indicator): string {
  if (ind.group) return ind.label;
  const at = ind.label.indexOf(": ");
  return at > 0 ? ind.label.slice(at + 2) : ind.label;
}

/**
 * A clause's figures for one row, without the clause's words: the footnote hangs on the clause
 * that names them ("1.857 suất, 3.873.815.000 đồng"). When two figures would carry the same
 * unit, each keeps the part of its label after the heading ("kế hoạch 2,8 tỷ đồng, thực hiện ...").
 */
function compactRuns(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  scope: Scope,
  labelled: boolean
) {
  const consumed = consumedBy(ctx, inds, scope);
  const runs: Run[] = [];
  let lastLabel: string | null = null;
  // Figures with words of their own, all different, are said with them ("939 cuộc kiểm tra,
  // 1.000 cuộc giám sát"), not labelled ("số cuộc kiểm tra 939, số cuộc giám sát ...").
  const phrases = inds.filter((i) => speakable(i) && !consumed.has(i.id)).map((i) => i.phrase);
  const byPhrase = labelled && phrases.every((p) => p) && new Set(phrases).size === phrases.length;
  for (const ind of inds) {
    if (!speakable(ind) || consumed.has(ind.id)) continue;
    if (byPhrase) {
      const said = indicatorClause(ctx, rel, ind, scope, { usePhrase: true });
      if (!said) continue;
      if (runs.length > 0) runs.push(text(", "));
      runs.push(...said.runs);
      continue;
    }
    // A label that is the figure's own words is said after it, as its phrase: "Cao Bằng 09 công
    // trình, sản phẩm, phần việc", not "Cao Bằng công trình, sản phẩm, phần việc 09".
    if (labelled && ind.phrase && sameWords(midSentence(subLabel(ind)), ind.phrase)) {
      const said = indicatorClause(ctx, rel, ind, scope, { usePhrase: true });
      if (!said) continue;
      if (runs.length > 0) runs.push(text(", "));
      runs.push(...said.runs);
      lastLabel = null;
      continue;
    }
    // A part of a whole in a column group is named by its group ("hội nghị CBCCVC 719/719 đơn
    // vị"), not by its column ("Đơn vị đã tổ chức 719/719").
    const byGroup =
      ind.group && (ind.partOf || ind.target) ? ind.group.replace(/:\s*/g, " ") : null;
    let label = labelled ? midSentence(byGroup ?? subLabel(ind)) : null;
    let unit = true;
    if (label) {
      const u = ind.unit.trim().toLocaleLowerCase("vi");
      const l = label.toLocaleLowerCase("vi");
      // "bằng khen tập thể" → "bằng khen 04 tập thể"; "số buổi trực tiếp" → "số buổi trực tiếp 03".
      if (u && l.endsWith(` ${u}`)) label = label.slice(0, -u.length).trim();
      else if (labelSaysUnit(label, ind.unit)) unit = false;
      // The same words as the figure before: said once ("bằng khen 04 tập thể, 13 cá nhân").
      if (label === lastLabel) label = null;
      else lastLabel = label;
    }
    const clause = indicatorClause(ctx, rel, ind, scope, {
      label,
      sep: " ",
      usePhrase: false,
      unit,
    });
    if (!clause) continue;
    if (runs.length > 0) runs.push(text(", "));
    runs.push(...clause.runs);
  }
  return runs;
}

/** A whole or rate whose part a unit sentence names: said with it, not again in the list. */
function covers(ctx: NarrativeContext, named: Set<string>, ind: Indicator): boolean {
  for (const id of named) {
    const part = ctx.template.indicatorById.get(id);
    const w = part && !part.computed ? wholeOf(ctx.template, part) : null;
    if (w && (w.whole.id === ind.id || w.rate?.id === ind.id)) return true;
  }
  return Boolean(ind.computed && ind.ratioOf && named.has(ind.ratioOf.part));
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
  return norm(a) === norm(b);
}

function labelSaysUnit(label: string, unit: string): boolean {
  const u = unit.trim().toLocaleLowerCase("vi");
  return u !== "" && label.toLocaleLowerCase("vi").includes(u);
}

/** Whether every figure of the clause has words of its own after it ("suất", "đồng", "người"). */
function distinctUnits(inds: Indicator[]): boolean {
  // A rate is said after its part ("21/30 đơn, đạt 70%"): it needs no words of its own.
  // The whole is said with its part ("21/30 đơn"), so it is no figure of its own here.
  const wholes = new Set(inds.map((i) => i.partOf).filter((w): w is string => w !== null));
  const spoken = inds.filter((i) => speakable(i) && i.type !== "percent" && !wholes.has(i.id));
  const words = spoken.map((i) => (i.type === "money" ? "đồng" : unitAfter(i).trim()));
  return words.every((w) => w !== "") && new Set(words).size === words.length;
}

/** The footnote's runs, or null when no row has a figure for these indicators. */
export function rowsFootnote(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  rows: FootnoteRow[],
  opts: FootnoteOptions
): Run[] | null {
  // Words are told apart among the figures some row gives ("04 CĐCS", not "CĐCS giải thể 04").
  const given = inds.filter((i) =>
    rows.some((r) => typeof r.values[i.id] === "number" && r.values[i.id] !== 0)
  );
  const labelled = !distinctUnits(given);
  const said: { name: string | null; runs: Run[] }[] = [];
  for (const r of rows) {
    const scope = rowScope(r.values, r.source);
    // The row's own wording of a sentence where the cell gives one ("Hà Giang: tặng ...").
    const full = r.source("").unit;
    const sentences = (opts.sentences ?? []).map((t) =>
      unitSentenceFor(t, full ? [r.name, full] : [r.name])
    );
    // Figures a unit sentence names are said there (with the wholes and rates their clauses state).
    const named = new Set(
      sentences.flatMap((t) => tokensOf(parseSegments(t, true)).map((k) => k.id))
    );
    const inSentence =
      sentences.length > 0 ? sentenceRuns(ctx, rel, sentences, r.name, scope) : null;
    const rest = inSentence ? inds.filter((i) => !named.has(i.id) && !covers(ctx, named, i)) : inds;
    const runs = opts.compact
      ? compactRuns(ctx, rel, rest, scope, labelled)
      : joinItems(buildItems(ctx, rel, rest, scope, " "), ", ");
    if (inSentence) {
      said.push({
        name: null,
        runs: runs.length > 0 ? [...inSentence.runs, text(", "), ...runs] : inSentence.runs,
      });
    } else if (runs.length > 0) said.push({ name: r.name, runs });
  }
  if (said.length === 0) return null;
  const units = opts.kind === "units";
  const limit = units ? ctx.settings.footnoteUnitLimit : Infinity;
  const listed = said.slice(0, limit);
  const out: Run[] = [];
  // Seed 001 says the shared words once ("LĐLĐ tỉnh: Lai Châu 96 ..."); other rows are named in full.
  const head = units ? ctx.unitNames().head : "Trong đó:";
  out.push(text(`${head} `, { bold: head !== "Trong đó:" }));
  listed.forEach((s, i) => {
    if (i > 0) out.push(text("; "));
    if (s.name !== null) out.push(text(s.name, { bold: true }), text(units ? " " : ": "));
    out.push(...s.runs);
  });
  const rest = said.length - listed.length;
  if (rest > 0) {
    const where = opts.inAppendix ? " (xem Phụ lục)" : "";
    out.push(text(`; và ${rest} ${ctx.unitWord()} khác${where}`));
  }
  out.push(text("."));
  return out;
}
