// A section of the draft: its heading, the user's own text word for word, then its figures in
// sentences (section figures, then each table's totals with each unit's figures in a footnote),
// then its sub-sections.
import type { Indicator, Section, Table } from "../model/load";
import { formatSectionNumber } from "../model/numbering";
import { expandPlaceholders } from "../model/title";
import type { Block, ParagraphBlock, Run } from "../document/model";
import { tableRows } from "../rollup/totals";
import { text, type NarrativeContext } from "./context";
import { consumedBy, indicatorClause, reportScope, speakable } from "./clauses";
import { rowsFootnote, type FootnoteRow } from "./footnotes";
import { buildItems, joinItems } from "./items";
import { wholeOf, type Relations } from "./relations";
import { endSentence, renderSentence } from "./sentences";
import { isUnitSentence, parseSegments, sentenceKey, tokensOf } from "./tokens";

export function paragraph(runs: Run[], style: "body" | "plain" = "body"): ParagraphBlock {
  return { kind: "paragraph", runs, style };
}

/**
 * The user's text: one paragraph per line, word for word; blank lines are dropped. With `render`,
 * a line's "{ma}" tokens become the cells' figures (see tokens.ts).
 */
export function userParagraphs(
  raw: string | undefined,
  render?: (line: string) => Run[]
): ParagraphBlock[] {
  if (!raw) return [];
  return raw
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => paragraph(render ? render(line) : [text(line)]));
}

/** A line of the user's text with its tokens made figures; what it states is added to `said`. */
export function userLine(
  ctx: NarrativeContext,
  rel: Relations,
  line: string,
  said: Set<string>
): Run[] {
  if (!line.includes("{")) return [text(line)];
  const r = renderSentence(ctx, rel, line, { optional: false });
  if (!r) return [text(line)];
  for (const k of r.said) said.add(k);
  return r.runs;
}

/**
 * Footnotes ("short"): each footnote unit (top-level subtrees when units sit under units), named
 * with the shared leading words dropped. Tables ("full"): every unit's own row, by its full name.
 */
function unitRowsFor(ctx: NarrativeContext, names: "short" | "full" = "short"): FootnoteRow[] {
  if (names === "full") {
    return ctx.data.units.map((u) => ({
      name: u.name,
      values: u.values,
      source: (indicator: string) => ({ indicator, unit: u.name }),
    }));
  }
  const short = ctx.unitNames().names;
  return ctx.footnoteUnits().map((u, i) => ({
    name: short[i],
    values: u.values,
    source: (indicator: string) =>
      u.subtree ? { indicator, unit: u.name, subtree: true } : { indicator, unit: u.name },
  }));
}

/**
 * The footnote giving each unit's (or row's) own figures behind a sentence's totals: table
 * columns by their table's rows, section figures by the units (consolidated workbooks, or units
 * that gave a section figure). One footnote per sentence, as seed 001 hangs one on each clause.
 */
function sentenceNote(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  unitSentences: string[] = []
): Run | null {
  if (!ctx.settings.footnotes || inds.length === 0) return null;
  // The unit sentences naming one of these figures say each unit's own.
  const ids = new Set(inds.map((i) => i.id));
  const sentences = unitSentences.filter((u) =>
    tokensOf(parseSegments(u, true)).some((t) => ids.has(t.id))
  );
  const parts: Run[][] = [];
  const own = inds.filter((i) => !i.table);
  if (own.length > 0 && ctx.data.units.length > 0) {
    const note = rowsFootnote(ctx, rel, own, unitRowsFor(ctx), {
      kind: "units",
      compact: true,
      inAppendix: ctx.consolidated && ctx.settings.appendixPerUnitTables,
      sentences,
    });
    if (note) parts.push(note);
  }
  const tables = [...new Set(inds.filter((i) => i.table).map((i) => i.table!))];
  for (const id of tables) {
    const table = ctx.template.tableById.get(id);
    if (!table || table.kind === "list") continue;
    const cols = inds.filter((i) => i.table === id);
    const note = rowsFootnote(ctx, rel, cols, footnoteRows(ctx, table), {
      kind: table.kind === "perUnit" ? "units" : "rows",
      compact: true,
      inAppendix:
        table.appendix || (table.kind === "perUnit" && ctx.settings.appendixPerUnitTables),
      sentences: table.kind === "perUnit" ? sentences : [],
    });
    if (note) parts.push(note);
  }
  if (parts.length === 0) return null;
  return ctx.footnote(parts.flatMap((p, i) => (i > 0 ? [text(" "), ...p] : p)));
}

/** The text a unit's workbook gives for a template sentence ("" leaves it out), else the template's. */
function sentenceText(ctx: NarrativeContext, s: Section, id: string, fallback: string): string {
  const edited = ctx.data.sentences?.[sentenceKey(s.id, id)];
  return edited ?? fallback;
}

/**
 * The section's template sentences with their figures, in one paragraph. A sentence whose figures
 * the user's text already states is not repeated.
 */
function templateSentences(
  ctx: NarrativeContext,
  rel: Relations,
  s: Section,
  said: Set<string>
): ParagraphBlock[] {
  const runs: Run[] = [];
  const sources = s.sentences.map((x) => sentenceText(ctx, s, x.id, x.text));
  // Sentences naming the unit ({don_vi}) are said in footnotes, once per unit, not in the body.
  const unitSentences = sources.filter(isUnitSentence);
  for (const source of sources) {
    if (source.trim() === "" || isUnitSentence(source)) continue;
    const r = renderSentence(ctx, rel, source, { optional: true });
    if (!r || (r.said.length > 0 && r.said.every((k) => said.has(k)))) continue;
    for (const k of r.said) said.add(k);
    if (runs.length > 0) runs.push(text(" "));
    runs.push(...endSentence(r.runs, sentenceNote(ctx, rel, r.indicators, unitSentences)));
  }
  return runs.length > 0 ? [paragraph(runs)] : [];
}

/** Figures a sentence has stated, with the wholes and rates their clauses state alongside. */
function covered(ctx: NarrativeContext, said: Set<string>): Set<string> {
  const out = new Set(said);
  for (const id of said) {
    const ind = ctx.template.indicatorById.get(id);
    if (!ind) continue;
    const w = wholeOf(ctx.template, ind);
    if (w) {
      out.add(w.whole.id);
      if (w.rate) out.add(w.rate.id);
    }
    if (ind.computed && ind.ratioOf) out.add(ind.ratioOf.part);
  }
  return out;
}

/** "Số cuộc kiểm tra", "LĐLĐ tỉnh hỗ trợ quà Tết, số tiền": a label as a sentence's subject. */
function subjectOf(ind: Indicator): string {
  return ind.label.replace(/:\s*/g, ", ");
}

/**
 * Figures no sentence has stated: one generated sentence, never a list of "nhãn: số". Figures
 * with words of their own are said after "Trong kỳ có" ("Trong kỳ có 05 cuộc kiểm tra, 03 cuộc
 * giám sát"); the others by their label ("Thu kinh phí công đoàn, thực hiện là 2.800.000 đồng").
 */
function figureParagraphs(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  said: Set<string>
): ParagraphBlock[] {
  const scope = reportScope(ctx);
  const done = covered(ctx, said);
  const left = inds.filter((i) => !done.has(i.id) && speakable(i));
  if (left.length === 0) return [];
  const consumed = consumedBy(ctx, left, scope);
  const computedGroups = new Set(left.filter((i) => i.computed && i.group).map((i) => i.group));
  const phraseCount = new Map<string, number>();
  for (const i of left)
    if (i.phrase) phraseCount.set(i.phrase, (phraseCount.get(i.phrase) ?? 0) + 1);
  const phrased: Run[][] = [];
  const labelled: Run[][] = [];
  for (const ind of left) {
    if (consumed.has(ind.id)) continue;
    if (ind.type === "percent" && !ind.computed && ind.group && computedGroups.has(ind.group)) {
      continue;
    }
    const ambiguous = (phraseCount.get(ind.phrase ?? "") ?? 0) > 1;
    const clause =
      ind.phrase && !ambiguous
        ? indicatorClause(ctx, rel, ind, scope)
        : indicatorClause(ctx, rel, ind, scope, {
            label: subjectOf(ind),
            sep: " là ",
            usePhrase: false,
          });
    if (!clause) continue;
    const note = sentenceNote(ctx, rel, [ind]);
    const runs = note ? [...clause.runs, note] : clause.runs;
    (clause.phrased ? phrased : labelled).push(runs);
  }
  const out: Run[] = [];
  if (phrased.length > 0) {
    const lead = ctx.template.docType === "KH" ? "Hiện có " : "Trong kỳ có ";
    out.push(text(lead), ...phrased.flatMap((r, i) => (i > 0 ? [text(", "), ...r] : r)), text("."));
  }
  for (const r of labelled) {
    if (out.length > 0) out.push(text(" "));
    out.push(...r, text("."));
  }
  return out.length > 0 ? [paragraph(out)] : [];
}

/** The rows behind a table's totals: short unit names for its footnote, full ones for tables. */
export function footnoteRows(
  ctx: NarrativeContext,
  table: Table,
  names: "short" | "full" = "short"
): FootnoteRow[] {
  if (table.kind === "perUnit") return unitRowsFor(ctx, names);
  if (table.kind === "fixed") {
    const rows = tableRows(table, ctx.data);
    return (table.rows ?? []).map((r, i) => ({
      name: r.label,
      values: rows[i] ?? {},
      source: (indicator: string) => ({ indicator, row: r.id }),
    }));
  }
  return [];
}

/** A table's totals in one sentence, each row's figures in a footnote. */
function tableParagraphs(
  ctx: NarrativeContext,
  rel: Relations,
  table: Table,
  said: Set<string>
): ParagraphBlock[] {
  if (table.kind === "list" || !table.total) return [];
  // A column is stated when its total is, or (a fixed table) when each row giving it a figure is.
  const rowIds = table.kind === "fixed" ? (table.rows ?? []).map((r) => r.id) : [];
  const values = table.kind === "fixed" ? tableRows(table, ctx.data) : [];
  const stated = (c: Indicator) =>
    said.has(c.id) ||
    (rowIds.length > 0 &&
      rowIds.some((r) => said.has(`${c.id}@${r}`)) &&
      rowIds.every((r, i) => {
        const v = values[i]?.[c.id];
        return said.has(`${c.id}@${r}`) || typeof v !== "number" || v === 0;
      }));
  const done = covered(ctx, new Set(table.columns.filter(stated).map((c) => c.id)));
  const columns = table.columns.filter((c) => !done.has(c.id));
  const items = buildItems(ctx, rel, columns, reportScope(ctx), " ");
  if (items.length === 0) return [];
  const runs: Run[] = [text(`${table.title}: `), ...joinItems(items)];
  if (ctx.settings.footnotes) {
    const note = rowsFootnote(ctx, rel, columns, footnoteRows(ctx, table), {
      kind: table.kind === "perUnit" ? "units" : "rows",
      inAppendix:
        table.appendix || (table.kind === "perUnit" && ctx.settings.appendixPerUnitTables),
    });
    if (note) runs.push(ctx.footnote(note));
  }
  runs.push(text("."));
  return [paragraph(runs)];
}

export interface SectionOptions {
  /** Tables drawn in the body (list tables outside the appendix). */
  inlineTable(table: Table): Block | null;
}

export function sectionBlocks(
  ctx: NarrativeContext,
  rel: Relations,
  s: Section,
  opts: SectionOptions
): Block[] {
  const t = ctx.template;
  const heading = expandPlaceholders(t, s.heading, ctx.data.header.period);
  const said = new Set<string>();
  const own: Block[] = [];
  const userText = () =>
    s.text ? userParagraphs(ctx.data.texts[s.id], (line) => userLine(ctx, rel, line, said)) : [];
  // A consolidated draft leads with the totals; the units' own texts (marked by unit) follow as
  // material to edit. A unit's draft keeps its own words first, as the seeds do.
  if (ctx.consolidated) own.push(...templateSentences(ctx, rel, s, said), ...userText());
  else own.push(...userText(), ...templateSentences(ctx, rel, s, said));
  own.push(...figureParagraphs(ctx, rel, s.indicators, said));
  for (const table of s.tables) {
    own.push(...tableParagraphs(ctx, rel, table, said));
    const drawn = opts.inlineTable(table);
    if (drawn) own.push(drawn);
  }
  const children = s.children.flatMap((c) => sectionBlocks(ctx, rel, c, opts));
  const empty = own.length === 0 && children.length === 0;
  // A heading with nothing under it is left out (the writer adds it back if there is news);
  // the settings can keep it, alone or with a highlighted gap to fill.
  if (empty && ctx.settings.emptySection === "omit") return [];
  if (empty && ctx.settings.emptySection === "placeholder") {
    own.push(paragraph([{ kind: "text", text: "[...]", highlight: true }]));
  }
  return [
    {
      kind: "heading",
      level: s.depth + 1,
      number: formatSectionNumber(s.number, s.level),
      text: s.level === "roman" || s.level === "part" ? heading.toLocaleUpperCase("vi") : heading,
      align: s.level === "part" ? "center" : "left",
      italic: s.level === "letter",
      sectionId: s.id,
    },
    ...own,
    ...children,
  ];
}
