// The footnote giving each unit's (or each row's) own figures behind a total, as seed 001 does:
// "LĐLĐ tỉnh: Lai Châu 96 công trình, ...; Cao Bằng 04 công trình, ...".
import type { Indicator } from "../model/load";
import type { Run, SourceRef } from "../document/model";
import type { Row } from "../rollup/totals";
import { text, type NarrativeContext } from "./context";
import { rowScope } from "./clauses";
import { buildItems, joinItems } from "./items";
import type { Relations } from "./relations";

export interface FootnoteRow {
  name: string;
  values: Row;
  source: (indicator: string) => SourceRef;
}

/**
 * The words every name begins with ("LĐLĐ tỉnh"), said once at the head of the footnote; empty
 * when the names do not share one or a name would be left with nothing after it.
 */
export function sharedPrefix(names: string[]): string {
  if (names.length < 2) return "";
  const split = names.map((n) => n.trim().split(/\s+/));
  const shortest = Math.min(...split.map((w) => w.length));
  let k = 0;
  while (k < shortest - 1 && split.every((w) => w[k] === split[0][k])) k++;
  return split[0].slice(0, k).join(" ");
}

/** The footnote's runs, or null when no row has a figure for these indicators. */
export function rowsFootnote(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  rows: FootnoteRow[],
  opts: { sharePrefix: boolean }
): Run[] | null {
  const said: { name: string; runs: Run[] }[] = [];
  for (const r of rows) {
    const scope = rowScope(r.values, r.source);
    const items = buildItems(ctx, rel, inds, scope, " ");
    if (items.length > 0) said.push({ name: r.name.trim(), runs: joinItems(items, ", ") });
  }
  if (said.length === 0) return null;
  const prefix = opts.sharePrefix ? sharedPrefix(said.map((s) => s.name)) : "";
  const out: Run[] = [];
  // Seed 001 says the shared words once ("LĐLĐ tỉnh: Lai Châu 96 ..."); other rows are named in full.
  out.push(text(prefix ? `${prefix}: ` : "Trong đó: ", { bold: Boolean(prefix) }));
  said.forEach((s, i) => {
    if (i > 0) out.push(text("; "));
    const name = prefix ? s.name.slice(prefix.length).trim() : s.name;
    out.push(text(name, { bold: true }), text(prefix ? " " : ": "), ...s.runs);
  });
  out.push(text("."));
  return out;
}
