// Clauses gathered into the items a sentence lists. Figures that share a heading are one item:
// "LĐLĐ tỉnh hỗ trợ quà Tết: số đoàn viên, NLĐ 2.811 người, số tiền 1.591.896.000 đồng",
// "Bằng khen 35 tập thể, 102 cá nhân" — the heading is the part of the label before ":" for
// section figures, the column group for table columns.
import type { Indicator } from "../model/load";
import type { Run } from "../document/model";
import { text, type NarrativeContext } from "./context";
import { consumedBy, indicatorClause, midSentence, speakable, type Scope } from "./clauses";
import type { Relations } from "./relations";

export interface Item {
  runs: Run[];
  phrased: boolean;
  indicators: Indicator[];
}

function headingOf(
  ind: Indicator,
  ambiguous: boolean
): { head: string; sub: string | null } | null {
  if (ind.phrase && !ambiguous) return null;
  if (ind.group) {
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const sub = same(ind.label, ind.group) || same(ind.label, ind.unit) ? null : ind.label;
    return { head: ind.group, sub };
  }
  const at = ind.label.indexOf(": ");
  if (at <= 0) return null;
  return { head: ind.label.slice(0, at), sub: ind.label.slice(at + 2) };
}

/**
 * The items for a list of indicators read in one scope, in template order. `headSep` follows a
 * group's heading (": " in list lines, " " inside a sentence).
 */
export function buildItems(
  ctx: NarrativeContext,
  rel: Relations,
  inds: Indicator[],
  scope: Scope,
  headSep: string
): Item[] {
  const consumed = consumedBy(ctx, inds, scope);
  // Two figures with the same words ("39 cơ quan, đơn vị; 50 cơ quan, đơn vị") would be
  // indistinguishable: such figures are written with their labels instead.
  const phraseCount = new Map<string, number>();
  for (const ind of inds) {
    if (ind.phrase && speakable(ind) && !consumed.has(ind.id) && scope.get(ind.id) !== null) {
      phraseCount.set(ind.phrase, (phraseCount.get(ind.phrase) ?? 0) + 1);
    }
  }
  // A typed rate beside the rate computed from its parts repeats it (and its total would be an
  // average of rates): the computed one is stated.
  const computedGroups = new Set(inds.filter((i) => i.computed && i.group).map((i) => i.group));
  const items: Item[] = [];
  let group: { head: string; item: Item } | null = null;
  for (const ind of inds) {
    if (!speakable(ind) || consumed.has(ind.id)) continue;
    if (ind.type === "percent" && !ind.computed && ind.group && computedGroups.has(ind.group)) {
      continue;
    }
    const ambiguous = (phraseCount.get(ind.phrase ?? "") ?? 0) > 1;
    const h = headingOf(ind, ambiguous);
    const clause = h
      ? indicatorClause(ctx, rel, ind, scope, {
          label: h.sub === null ? null : midSentence(h.sub),
          sep: " ",
        })
      : indicatorClause(ctx, rel, ind, scope, { usePhrase: !ambiguous });
    if (!clause) continue;
    if (h && group && group.head === h.head) {
      group.item.runs.push(text(", "), ...clause.runs);
      group.item.indicators.push(ind);
      continue;
    }
    const item: Item = {
      runs: h ? [text(`${h.head}${headSep}`), ...clause.runs] : clause.runs,
      phrased: clause.phrased,
      indicators: [ind],
    };
    items.push(item);
    group = h ? { head: h.head, item } : null;
  }
  return items;
}

/** Items joined into one run list: "a; b; c". */
export function joinItems(items: Item[], sep = "; "): Run[] {
  const out: Run[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push(text(sep));
    out.push(...it.runs);
  });
  return out;
}
