// A sentence with its figures: the template's sentence (or the unit's rewording of it, or the
// unit's own text) with each token replaced by the figure read from its cell. A token whose figure
// is blank or zero is never said: its [optional words] go with it, and a sentence missing a figure
// outside brackets is left out (its other figures then get a generated sentence). The result and
// comparison of a figure are said right after it unless the sentence places them itself.
import type { Indicator } from "../model/load";
import type { Run, SourceRef } from "../document/model";
import { rowRatio, tableRows } from "../rollup/totals";
import { formatInteger, formatNumber } from "../format";
import { HEDGE_LIST } from "../format/hedge";
import { text, type NarrativeContext } from "./context";
import {
  COMPARATOR_WORDS,
  comparisonRuns,
  midSentence,
  rateRun,
  reportScope,
  targetRuns,
  type Scope,
} from "./clauses";
import { wholeOf, type Relations } from "./relations";
import { percentDecimals } from "./figure";
import {
  isUnitToken,
  ON_TIME_TOKEN,
  MONEY_TOKEN_STYLES,
  parseSegments,
  tokenProblem,
  tokensOf,
  type MoneyTokenStyle,
  type Segment,
  type Token,
} from "./tokens";

interface Resolved {
  runs: Run[];
  /** Blank or zero (or a token naming nothing): the words around it are not written. */
  missing: boolean;
  /** The figure's indicator, for its footnote and for what the sentence has said. */
  indicator: Indicator | null;
  /** What the token states, for "said" ("kt_co_thi_dua", "kt_co_thi_dua@tld"). */
  said: string | null;
  /**
   * Result against target and comparison, said after the figure unless placed by the sentence;
   * keyed so a target said with the part and again with its rate is said once.
   */
  extras: { key: string; runs: Run[] }[];
}

const MISSING: Resolved = { runs: [], missing: true, indicator: null, said: null, extras: [] };

/** ", đạt 87,9%" → "đạt 87,9%": a part said where the sentence puts it. */
function stripLead(runs: Run[]): Run[] {
  const [first, ...rest] = runs;
  if (first?.kind !== "text") return runs;
  const t = first.text.replace(/^[,;]?\s*/, "");
  return t ? [{ ...first, text: t }, ...rest] : rest;
}

function isZero(ind: Indicator, v: number): boolean {
  return v === 0 && !ind.sayZero;
}

function targetToken(ctx: NarrativeContext, rel: Relations, id: string): Resolved {
  const c = rel.targetById.get(id);
  // A target of 0 is no target ("ít nhất 0 đoàn viên"): the sentence is left out.
  if (!c || c.targetValue === null || c.targetValue === 0) return MISSING;
  const source: SourceRef = { indicator: c.indicator ?? id, target: id };
  const ind = c.indicator ? ctx.template.indicatorById.get(c.indicator) : undefined;
  let figure: Run;
  let words = COMPARATOR_WORDS[c.comparator];
  if (c.kind === "rate") {
    figure = rateRun(ctx, c.targetValue, source);
    // "100%" is the whole: "ít nhất 100%" is said by no one.
    if (c.targetValue >= 1 && c.comparator === "gte") words = "";
  } else {
    figure = ctx.figureRun(
      ind ? ctx.figure(ind, c.targetValue, source).text : formatInteger(c.targetValue),
      source
    );
  }
  // Plans write an "at least" rate as seed 003 does: "90% trở lên".
  if (c.kind === "rate" && c.comparator === "gte" && c.targetValue < 1) {
    return {
      runs: [figure, text(" trở lên")],
      missing: false,
      indicator: null,
      said: id,
      extras: [],
    };
  }
  return {
    runs: words ? [text(words), figure] : [figure],
    missing: false,
    indicator: null,
    said: id,
    extras: [],
  };
}

/**
 * Whether the figure is a share's whole or rate made of only some rows (units that gave the part
 * but not the whole): said as the total's, it would present a subset's figure as the whole's.
 */
function partial(rel: Relations, id: string): boolean {
  for (const r of rel.ratioOf.values()) {
    if (r.unpairedRows > 0 && (r.indicator === id || r.whole === id)) return true;
  }
  return false;
}

/**
 * A token of a unit's sentence, read from the unit's own row: the figure alone, its share of the
 * row's whole ("{ma.ty_le}") or its result against the row's chỉ tiêu ("{ma.chi_tieu}"). Targets,
 * comparisons and fixed-table rows are the report's: they are not said of one unit.
 */
function unitToken(ctx: NarrativeContext, t: Token, unit: UnitScope): Resolved {
  if (isUnitToken(t)) {
    return {
      runs: [text(unit.name, { bold: true })],
      missing: false,
      indicator: null,
      said: null,
      extras: [],
    };
  }
  const ind = ctx.template.indicatorById.get(t.id);
  if (!ind || t.row || t.part === "so_sanh") return MISSING;
  const scope = unit.scope;
  const rowRate = (i: Indicator): { ratio: number; rate: Indicator | null } | null => {
    if (i.computed && i.ratioOf) {
      const typed = scope.get(i.id);
      const r = typed ?? rowRatio(rowOf(scope, i.ratioOf), i.ratioOf.part, i.ratioOf.whole);
      return r === null ? null : { ratio: r, rate: i };
    }
    const w = wholeOf(ctx.template, i);
    if (!w) return null;
    const typed = w.rate ? scope.get(w.rate.id) : null;
    const r = typed ?? rowRatio(rowOf(scope, { part: i.id, whole: w.whole.id }), i.id, w.whole.id);
    return r === null ? null : { ratio: r, rate: w.rate };
  };
  if (t.part === "ty_le" || t.part === "chi_tieu") {
    const w = wholeOf(ctx.template, ind);
    // "đạt 194% chỉ tiêu" is said against a chỉ tiêu, "đạt 87,9%" of any whole.
    if (!w || (t.part === "chi_tieu" && !w.isTarget) || scope.get(ind.id) === null) return MISSING;
    const r = rowRate(ind);
    if (!r || r.ratio === 0) return MISSING;
    const source = r.rate
      ? scope.source(r.rate.id)
      : { ...scope.source(ind.id), rateOf: w.whole.id };
    const rate = rateRun(ctx, r.ratio, source, percentDecimals(r.rate, ctx.settings));
    const runs = t.part === "chi_tieu" ? [text("đạt "), rate, text(" chỉ tiêu")] : [rate];
    return { runs, missing: false, indicator: null, said: null, extras: [] };
  }
  // A chỉ tiêu column is said where the sentence places it ("{ma}/{ma_chi_tieu}").
  if (t.part !== null) return MISSING;
  // A rate the unit typed beside the one its counts give ("tỷ lệ tỉnh báo cáo") is said only
  // when the counts give none: never "đạt 77,5% đạt 95,8%".
  if (ind.type === "percent" && !ind.computed && ind.group) {
    const table = ind.table ? ctx.template.tableById.get(ind.table) : undefined;
    const computed = table?.columns.find((c) => c.computed && c.ratioOf && c.group === ind.group);
    if (computed && rowRate(computed) !== null) return MISSING;
  }
  let value = scope.get(ind.id);
  if (value === null && ind.computed && ind.ratioOf) value = rowRate(ind)?.ratio ?? null;
  if (value === null || isZero(ind, value)) return MISSING;
  const source = scope.source(ind.id);
  const figure = tokenFigure(ctx, t, ind, value, source);
  return { runs: [figure], missing: false, indicator: ind, said: ind.id, extras: [] };
}

/** The amount's style the token asks for (":trieu"); tokenProblem has checked the word. */
function moneyStyle(t: Token): MoneyTokenStyle | null {
  return (MONEY_TOKEN_STYLES as readonly string[]).includes(t.style ?? "")
    ? (t.style as MoneyTokenStyle)
    : null;
}

/** A token's figure as its type is written: a rate, a decimal, a count or an amount (its style). */
function tokenFigure(
  ctx: NarrativeContext,
  t: Token,
  ind: Indicator,
  value: number,
  source: SourceRef
): Run {
  return ind.type === "percent"
    ? rateRun(ctx, value, source, percentDecimals(ind, ctx.settings))
    : ind.type === "decimal"
      ? ctx.figureRun(formatNumber(value, { decimals: ind.decimals ?? "auto" }), source)
      : ctx.figure(ind, value, source, false, moneyStyle(t));
}

/** The part and whole of a row, as rowRatio reads them. */
function rowOf(scope: Scope, r: { part: string; whole: string }): Record<string, number | null> {
  return { [r.part]: scope.get(r.part), [r.whole]: scope.get(r.whole) };
}

/** "5/9": expected units on time, from the consolidation's deadline check (sources sheet). */
function onTimeToken(ctx: NarrativeContext): Resolved {
  const rows = ctx.data.consolidation?.deadline ? ctx.data.consolidation.timeliness : undefined;
  if (!rows || rows.length === 0) return MISSING;
  const on = rows.filter((r) => r.state === "onTime").length;
  const count = (n: number) => formatInteger(n, { zeroPad: false });
  // A fraction, not a count before its noun: "5/9", never "05/09".
  return {
    runs: [{ kind: "text", text: `${count(on)}/${count(rows.length)}` }],
    missing: false,
    indicator: null,
    said: null,
    extras: [],
  };
}

function resolveToken(
  ctx: NarrativeContext,
  rel: Relations,
  t: Token,
  unit: UnitScope | null
): Resolved {
  if (unit) return unitToken(ctx, t, unit);
  if (isUnitToken(t)) return MISSING;
  if (tokenProblem(ctx.template, t) !== null) return MISSING;
  if (t.id === ON_TIME_TOKEN && !ctx.template.indicatorById.has(t.id)) return onTimeToken(ctx);
  if (ctx.template.targetById.has(t.id)) return targetToken(ctx, rel, t.id);
  const ind = ctx.template.indicatorById.get(t.id)!;
  const scope = reportScope(ctx);
  if (t.row) {
    const table = ctx.template.tableById.get(ind.table ?? "")!;
    const index = (table.rows ?? []).findIndex((r) => r.id === t.row);
    const raw = tableRows(table, ctx.data)[index]?.[ind.id];
    if (typeof raw !== "number" || !Number.isFinite(raw) || isZero(ind, raw)) return MISSING;
    const source: SourceRef = { indicator: ind.id, row: t.row };
    // One row's figure (one issuer's awards): no footnote of units or rows hangs on it.
    return {
      runs: [ctx.figure(ind, raw, source, false, moneyStyle(t))],
      missing: false,
      indicator: null,
      said: `${ind.id}@${t.row}`,
      extras: [],
    };
  }
  if (t.part === "chi_tieu" || t.part === "so_sanh") {
    const w = wholeOf(ctx.template, ind);
    const runs =
      t.part === "chi_tieu"
        ? [...targetRuns(ctx, rel, ind), ...(w?.rate ? targetRuns(ctx, rel, w.rate) : [])]
        : comparisonRuns(ctx, rel, ind);
    if (runs.length === 0) return MISSING;
    return { runs: stripLead(runs), missing: false, indicator: null, said: null, extras: [] };
  }
  if (t.part === "ty_le") {
    const w = wholeOf(ctx.template, ind);
    if (!w || partial(rel, w.rate?.id ?? ind.id)) return MISSING;
    const ratio = rel.ratioOf.get(w.rate?.id ?? ind.id)?.ratio ?? null;
    if (ratio === null || isZero(ind, ratio)) return MISSING;
    const source = w.rate
      ? scope.source(w.rate.id)
      : { ...scope.source(ind.id), rateOf: w.whole.id };
    return {
      runs: [rateRun(ctx, ratio, source)],
      missing: false,
      indicator: null,
      said: w.rate?.id ?? null,
      extras: [],
    };
  }
  // A whole or rate of some rows only is left out of the sentence (its [words] with it).
  const w0 = ind.computed ? null : wholeOf(ctx.template, ind);
  const isRateOrTarget = (ind.computed && ind.ratioOf) || ind.role === "target";
  if (w0 === null && isRateOrTarget && partial(rel, ind.id)) return MISSING;
  // A rate is said as the rate relations computed it, so text and tables round it one way.
  const value =
    ind.computed && ind.ratioOf
      ? (rel.ratioOf.get(ind.id)?.ratio ?? scope.get(ind.id))
      : scope.get(ind.id);
  if (value === null || isZero(ind, value)) return MISSING;
  const source = scope.source(ind.id);
  const figure = tokenFigure(ctx, t, ind, value, source);
  const w = ind.computed ? null : wholeOf(ctx.template, ind);
  const extras = [
    { key: `target:${ind.id}`, runs: targetRuns(ctx, rel, ind) },
    {
      key: `target:${w?.rate?.id ?? ""}`,
      runs: w?.rate && scope.get(w.whole.id) !== null ? targetRuns(ctx, rel, w.rate) : [],
    },
    { key: `compare:${ind.id}`, runs: comparisonRuns(ctx, rel, ind) },
  ].filter((e) => e.runs.length > 0);
  return { runs: [figure], missing: false, indicator: ind, said: ind.id, extras };
}

/** A unit's row, for a sentence naming the unit ({don_vi}). */
export interface UnitScope {
  name: string;
  scope: Scope;
}

export interface SaidSentence {
  runs: Run[];
  /** What the sentence states: indicator ids, "<column>@<row>", target ids. */
  said: string[];
  /** The figures it states, for the footnote with each unit's own. */
  indicators: Indicator[];
}

/** "số tiền" for "Chợ Tết Công đoàn: số tiền": the words naming a figure inside its clause. */
function subjectOf(ind: Indicator): string {
  const at = ind.label.indexOf(": ");
  const words = at > 0 ? ind.label.slice(at + 2) : ind.label;
  return midSentence(words);
}

/** Spaces and commas as a writer leaves them once optional words are gone. */
function tidy(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (
      r.kind === "text" &&
      prev?.kind === "text" &&
      !prev.bold &&
      !r.bold &&
      !prev.italic &&
      !r.italic
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else out.push({ ...r });
  }
  for (let i = 0; i < out.length; i++) {
    const r = out[i];
    if (r.kind !== "text") continue;
    let t = r.text
      .replace(/\s+/g, " ")
      .replace(/\s+([,.;:)])/g, "$1")
      .replace(/([,;])\1+/g, "$1");
    t = t.replace(/\(\s+/g, "(").replace(/,\s*;/g, ";").replace(/;\s*,/g, ";");
    if (i === 0) t = t.replace(/^[\s,;]+/, "");
    if (i === out.length - 1) t = t.replace(/[\s,;]+$/, "");
    r.text = t;
  }
  dropDoubledHedges(out);
  return out.filter((r) => r.kind !== "text" || r.text !== "");
}

const HEDGE_ALTERNATIVES = HEDGE_LIST.map((w) => w.replace(/ /g, "\\s+")).join("|");
const ENDS_WITH_HEDGE = new RegExp(`(^|[\\s(“"])(${HEDGE_ALTERNATIVES})\\s+$`, "iu");
const STARTS_WITH_HEDGE = new RegExp(`^(${HEDGE_ALTERNATIVES})\\s+`, "iu");

/**
 * "với trên {tt_luot}" where the cell is itself marked "trên": the sentence's own word wins and
 * the figure is written bare, never "trên trên 55.680" (nor "trên gần ...").
 */
function dropDoubledHedges(runs: Run[]): void {
  for (let i = 1; i < runs.length; i++) {
    const prev = runs[i - 1];
    const r = runs[i];
    if (r.kind !== "figure" || prev.kind !== "text" || !ENDS_WITH_HEDGE.test(prev.text)) continue;
    r.text = r.text.replace(STARTS_WITH_HEDGE, "");
  }
}

/** Upper-cases the sentence's first letter (a dropped opening group can leave "bằng khen ..."). */
function capitalise(runs: Run[]): void {
  const first = runs[0];
  if (first?.kind === "text" && first.text) {
    first.text = first.text.charAt(0).toLocaleUpperCase("vi") + first.text.slice(1);
  }
}

/**
 * The sentence with its figures, or null when a figure it needs is blank or zero (or it says no
 * figure at all). `optional`: "[...]" groups are optional (template sentences); a unit's own text
 * is taken word for word, and a blank figure in it is left as a highlighted gap to fill.
 */
export function renderSentence(
  ctx: NarrativeContext,
  rel: Relations,
  source: string,
  opts: { optional: boolean; unit?: UnitScope }
): SaidSentence | null {
  const segments: Segment[] = parseSegments(source, opts.optional);
  const placed = new Set(
    tokensOf(segments)
      .filter((p) => p.part === "chi_tieu" || p.part === "so_sanh")
      .map((p) => p.id)
  );
  // "{part}/{whole}" where some rows give the part without the whole: the whole's total is not
  // the part's whole, so the pair is not said ("1.136 công trình, trong đó ..." still is).
  const unpairedWholes = new Set<Token>();
  const flat: (Token | { kind: "text"; text: string })[] = [];
  const flatten = (parts: Segment[]) => {
    for (const p of parts) {
      if (p.kind === "optional") flatten(p.parts);
      else flat.push(p);
    }
  };
  flatten(segments);
  flat.forEach((p, i) => {
    if (p.kind !== "token" || p.row || p.part) return;
    const slash = flat[i - 1];
    const part = flat[i - 2];
    if (slash?.kind !== "text" || slash.text.trim() !== "/" || part?.kind !== "token") return;
    const ind = ctx.template.indicatorById.get(part.id);
    const w = ind && !ind.computed ? wholeOf(ctx.template, ind) : null;
    if (w && w.whole.id === p.id && partial(rel, w.rate?.id ?? ind!.id)) unpairedWholes.add(p);
  });
  const resolved = new Map<Token, Resolved>();
  for (const t of tokensOf(segments)) {
    resolved.set(
      t,
      unpairedWholes.has(t) && !opts.unit ? MISSING : resolveToken(ctx, rel, t, opts.unit ?? null)
    );
  }
  // "{part}/{whole} ..., đạt {rate}": the result and comparison are the part's; the whole's and
  // the rate's own would say the same thing three times.
  const quiet = new Set<string>();
  for (const t of tokensOf(segments)) {
    const ind = ctx.template.indicatorById.get(t.id);
    if (!ind || t.row) continue;
    const w = ind.computed ? null : wholeOf(ctx.template, ind);
    if (w) {
      quiet.add(w.whole.id);
      if (w.rate) quiet.add(w.rate.id);
    }
  }

  interface Out {
    runs: Run[];
    said: string[];
    inds: Indicator[];
    /** Tokens written. */
    n: number;
  }
  // Result and comparison of the figures said so far in the clause, written where the clause
  // ends: before a ";", before a group opening a new clause ("[, thành lập ...]"), or at the end.
  let pending: { key: string; runs: Run[]; subject: string }[] = [];
  /** Figures said in the clause so far: with two or more, each comparison names its figure. */
  let clauseFigures = 0;
  const stated = new Set<string>();
  const flush = (o: Out) => {
    const named = clauseFigures > 1;
    // Every figure of the clause changed alike ("số người tăng 11,1% ..., số tiền tăng 11,1% ..."):
    // said once, as a writer would: ", đều tăng 11,1% so với cùng kỳ năm trước".
    const compares = pending.filter((e) => e.key.startsWith("compare:") && e.runs.length > 0);
    const said = (e: { runs: Run[] }) => e.runs.map((r) => ("text" in r ? r.text : "")).join("");
    if (
      named &&
      compares.length === clauseFigures &&
      compares.every((e) => said(e) === said(compares[0])) &&
      compares[0].runs[0]?.kind === "text" &&
      /^, (tăng|giảm) /.test(compares[0].runs[0].text)
    ) {
      const [first, ...rest] = compares[0].runs;
      const others = pending.filter((e) => !compares.includes(e));
      for (const e of others) o.runs.push(...e.runs);
      o.runs.push({ ...first, text: first.text.replace(/^, /, ", đều ") }, ...rest);
      pending = [];
      clauseFigures = 0;
      return;
    }
    for (const e of pending) {
      const [first, ...rest] = e.runs;
      if (named && e.key.startsWith("compare:") && first?.kind === "text") {
        // ", tăng 12% so với ..." → ", số tiền tăng 12% so với ...".
        o.runs.push({ ...first, text: first.text.replace(/^, /, `, ${e.subject} `) }, ...rest);
      } else o.runs.push(...e.runs);
    }
    pending = [];
    clauseFigures = 0;
  };
  const addText = (o: Out, t: string) => {
    const at = pending.length > 0 ? t.indexOf(";") : -1;
    if (at < 0) {
      o.runs.push(text(t));
      return;
    }
    o.runs.push(text(t.slice(0, at)));
    flush(o);
    o.runs.push(text(t.slice(at)));
  };
  const joinsOn = (parts: Segment[]) => {
    const first = parts[0];
    return first?.kind === "text" && /^\s*(?:[,;]|và\s)/.test(first.text);
  };
  const opensClause = (parts: Segment[]) => {
    const first = parts[0];
    return first?.kind === "text" && /^\s*[,;]/.test(first.text);
  };

  /** The container's runs, or null when a figure directly in it is missing (optional groups). */
  const render = (parts: Segment[]): Out | null => {
    const o: Out = { runs: [], said: [], inds: [], n: 0 };
    // A group's leading "," or ";" (or "và") joins it to what came before; at the start, or after
    // a group that was left out, there is nothing to join it to.
    let loose = true;
    for (const p of parts) {
      if (p.kind === "text") {
        addText(o, p.text);
        if (p.text.trim() !== "") loose = false;
        continue;
      }
      if (p.kind === "token") {
        const r = resolved.get(p)!;
        if (r.missing) {
          if (opts.optional) return null;
          o.runs.push({ kind: "text", text: "……", highlight: true });
          loose = false;
          continue;
        }
        o.runs.push(...r.runs);
        o.n++;
        if (r.said) o.said.push(r.said);
        if (r.indicator) {
          o.inds.push(r.indicator);
          // A unit's own words are kept as written: results are added to template sentences only.
          // A whole or rate said with its part is the part's clause, not a figure of its own.
          if (!quiet.has(r.indicator.id)) clauseFigures++;
          if (opts.optional && !placed.has(r.indicator.id) && !quiet.has(r.indicator.id)) {
            for (const e of r.extras) {
              if (stated.has(e.key)) continue;
              stated.add(e.key);
              pending = [...pending, { ...e, subject: subjectOf(r.indicator) }];
            }
          }
        }
        loose = false;
        continue;
      }
      const before = pending;
      const figuresBefore = clauseFigures;
      const statedBefore = new Set(stated);
      const clause = opensClause(p.parts);
      if (clause) {
        pending = [];
        clauseFigures = 0;
      }
      const inner = render(p.parts);
      if (!inner || inner.n === 0) {
        pending = before;
        clauseFigures = figuresBefore;
        stated.clear();
        for (const k of statedBefore) stated.add(k);
        // A group left out that was the words' object ("tặng[ Cờ thi đua …][; Bằng khen …]")
        // leaves the next group nothing to join; one that was itself joined on (", đã hoàn
        // thiện …") leaves the words before it as they were: "340 công trình, trong đó …".
        if (!joinsOn(p.parts)) loose = true;
        continue;
      }
      if (clause) {
        const after = { pending, clauseFigures };
        pending = before;
        clauseFigures = figuresBefore;
        flush(o);
        pending = after.pending;
        clauseFigures = after.clauseFigures;
      }
      const first = inner.runs[0];
      if (loose && first?.kind === "text") {
        inner.runs[0] = { ...first, text: first.text.replace(/^\s*(?:[,;]|và(?=\s))\s*/, " ") };
      }
      o.runs.push(...inner.runs);
      o.said.push(...inner.said);
      o.inds.push(...inner.inds);
      o.n += inner.n;
      loose = false;
    }
    return o;
  };

  const o = render(segments);
  if (!o) return null;
  flush(o);
  if (opts.optional && o.n === 0) return null;
  const runs = tidy(o.runs);
  if (opts.optional) capitalise(runs);
  return { runs, said: o.said, indicators: o.inds };
}

/** Ends a sentence with a full stop unless it ends with its own mark. */
export function endSentence(runs: Run[], note: Run | null): Run[] {
  const last = runs[runs.length - 1];
  const out = [...runs];
  let mark = ".";
  if (last?.kind === "text") {
    const m = /([.!?…:;]+)$/.exec(last.text);
    if (m) {
      mark = m[1] === ";" || m[1] === ":" ? "." : m[1];
      out[out.length - 1] = { ...last, text: last.text.slice(0, -m[1].length) };
    }
  }
  if (note) out.push(note);
  out.push(text(mark));
  return out;
}
