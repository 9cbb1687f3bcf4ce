// What every sentence builder needs: the template and data, the totals, the settings, where each
// figure's cell is, and the footnotes written so far (numbered in document order).
import type { Indicator, Template } from "../model/load";
import type { DataValue, ReportData } from "../data/types";
import { allTotals } from "../rollup/totals";
import type { CellLocation, FigureRun, Run, SourceRef } from "../document/model";
import type { DocumentSettings } from "../document/settings";
import { describeSource } from "../document/sources";
import { figureText } from "./figure";

export type Locate = (ref: SourceRef) => CellLocation | null;

export interface Footnote {
  id: number;
  runs: Run[];
}

export class NarrativeContext {
  readonly totals: Map<string, number | null>;
  readonly footnotes: Footnote[] = [];

  constructor(
    readonly template: Template,
    readonly data: ReportData,
    readonly settings: DocumentSettings,
    private readonly locateFn: Locate | undefined
  ) {
    this.totals = allTotals(template, data);
  }

  indicator(id: string): Indicator | undefined {
    return this.template.indicatorById.get(id);
  }

  /** A figure run for a value read from the cell `source` points at. */
  figure(ind: Indicator, value: number, source: SourceRef, inTable = false): FigureRun {
    return this.figureRun(figureText(ind, value, this.settings, inTable), source);
  }

  /** A run showing `text`, a figure read from (or computed from) the cell `source` points at. */
  figureRun(text: string, source: SourceRef): FigureRun {
    return {
      kind: "figure",
      text,
      source,
      what: describeSource(this.template, source),
      location: this.locate(source),
    };
  }

  locate(source: SourceRef): CellLocation | null {
    return this.locateFn ? this.locateFn(source) : null;
  }

  /** Adds a footnote and returns its mark; footnotes are numbered 1, 2, ... in order. */
  footnote(runs: Run[]): Run {
    const id = this.footnotes.length + 1;
    this.footnotes.push({ id, runs });
    return { kind: "footnote", id };
  }
}

export function numeric(v: DataValue | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function text(t: string, opts: { bold?: boolean; italic?: boolean } = {}): Run {
  return { kind: "text", text: t, ...opts };
}
