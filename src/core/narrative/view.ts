// Which template the draft is written from. A consolidated workbook (baocao consolidate) is laid
// out with a generated template whose per-unit tables hold each unit's figures; those tables are
// an artefact of consolidation. The draft reads like a unit report of the consolidating body: it
// is written from the ORIGINAL template (same sentences, bullets and footnotes), with the totals
// the consolidated data already carries under the same ids (values, fixed tables, baselines),
// while every figure's source still points at the workbook's cells (the generated tables' total
// and unit rows), which the layout template locates.
import type { Template } from "../model/load";
import type { Baseline } from "../model/schema";
import { consolidationMap, isConsolidatedTemplate, type ConsolidationMap } from "../consolidate";

export interface NarrativeView {
  /** The template whose sections and sentences the draft follows. */
  template: Template;
  /** The template the workbook is laid out with: sources are located and described with it. */
  layout: Template;
  /** Set for a consolidated workbook. */
  consolidation: ConsolidationMap | null;
}

/** The template a consolidated one was made from (consolidatedTemplate records it). */
export function originalTemplate(consolidated: Template): Template | null {
  return consolidated.consolidatedFrom ?? null;
}

export function narrativeView(layout: Template): NarrativeView {
  if (!isConsolidatedTemplate(layout)) return { template: layout, layout, consolidation: null };
  const original = originalTemplate(layout);
  // Without the original (a copy that lost it) the generated tables are narrated as tables: less
  // readable, never wrong.
  if (!original) return { template: layout, layout, consolidation: null };
  return { template: original, layout, consolidation: consolidationMap(layout) };
}

/** The generated column holding an indicator's baseline per unit, when the workbook has one. */
export function baselineColumn(view: NarrativeView, indicator: string, b: Baseline): string | null {
  return view.consolidation?.baselineColumnOf.get(indicator)?.[b] ?? null;
}
