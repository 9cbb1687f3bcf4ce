// A section of the draft: its heading, the user's own text word for word, then its figures in
// sentences (section figures, then each table's totals with each unit's figures in a footnote),
// then its sub-sections.
import type { Section, Table } from "../model/load";
import { formatSectionNumber } from "../model/numbering";
import { expandPlaceholders } from "../model/title";
import type { Block, ParagraphBlock, Run } from "../document/model";
import { tableRows } from "../rollup/totals";
import { text, type NarrativeContext } from "./context";
import { reportScope } from "./clauses";
import { rowsFootnote, type FootnoteRow } from "./footnotes";
import { buildItems, joinItems, type Item } from "./items";
import type { Relations } from "./relations";

export function paragraph(runs: Run[], style: "body" | "plain" = "body"): ParagraphBlock {
  return { kind: "paragraph", runs, style };
}

/** The user's text: one paragraph per line, word for word; blank lines are dropped. */
export function userParagraphs(raw: string | undefined): ParagraphBlock[] {
  if (!raw) return [];
  return raw
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => paragraph([text(line)]));
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
 * A section figure's footnote with each unit's own figure (consolidated workbooks, or a cluster
 * report whose units gave a section figure): one per bullet or clause, its figures only.
 */
function withUnitFootnote(ctx: NarrativeContext, rel: Relations, item: Item): Run[] {
  if (!ctx.settings.footnotes || ctx.data.units.length === 0) return item.runs;
  const inds = item.indicators.filter((i) => !i.table);
  const note = rowsFootnote(ctx, rel, inds, unitRowsFor(ctx), {
    kind: "units",
    compact: true,
    inAppendix: ctx.consolidated && ctx.settings.appendixPerUnitTables,
  });
  return note ? [...item.runs, ctx.footnote(note)] : item.runs;
}

/** Section figures: one sentence when every figure has its phrase, else one line per item. */
function figureParagraphs(ctx: NarrativeContext, rel: Relations, s: Section): ParagraphBlock[] {
  const items = buildItems(ctx, rel, s.indicators, reportScope(ctx), ": ");
  if (items.length === 0) return [];
  if (items.every((i) => i.phrased)) {
    const runs: Run[] = [text("Kết quả: ")];
    items.forEach((it, i) => {
      if (i > 0) runs.push(text("; "));
      runs.push(...withUnitFootnote(ctx, rel, it));
    });
    runs.push(text("."));
    return [paragraph(runs)];
  }
  return items.map((it, i) =>
    paragraph([
      text("- "),
      ...withUnitFootnote(ctx, rel, it),
      text(i === items.length - 1 ? "." : ";"),
    ])
  );
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
function tableParagraphs(ctx: NarrativeContext, rel: Relations, table: Table): ParagraphBlock[] {
  if (table.kind === "list" || !table.total) return [];
  const items = buildItems(ctx, rel, table.columns, reportScope(ctx), " ");
  if (items.length === 0) return [];
  const runs: Run[] = [text(`${table.title}: `), ...joinItems(items)];
  if (ctx.settings.footnotes) {
    const note = rowsFootnote(ctx, rel, table.columns, footnoteRows(ctx, table), {
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
  const blocks: Block[] = [
    {
      kind: "heading",
      level: s.depth + 1,
      number: formatSectionNumber(s.number, s.level),
      text: s.level === "roman" || s.level === "part" ? heading.toLocaleUpperCase("vi") : heading,
      align: s.level === "part" ? "center" : "left",
      italic: s.level === "letter",
      sectionId: s.id,
    },
  ];
  const own: Block[] = [
    ...(s.text ? userParagraphs(ctx.data.texts[s.id]) : []),
    ...figureParagraphs(ctx, rel, s),
  ];
  for (const table of s.tables) {
    own.push(...tableParagraphs(ctx, rel, table));
    const drawn = opts.inlineTable(table);
    if (drawn) own.push(drawn);
  }
  const children = s.children.flatMap((c) => sectionBlocks(ctx, rel, c, opts));
  if (own.length === 0 && s.children.length === 0 && ctx.settings.emptySection === "placeholder") {
    own.push(paragraph([{ kind: "text", text: "[...]", highlight: true }]));
  }
  blocks.push(...own, ...children);
  return blocks;
}
