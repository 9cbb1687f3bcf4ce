// What every sentence builder needs: the template and data, the totals, the settings, where each
// figure's cell is, and the footnotes written so far (numbered in document order).
import type { Indicator, Template } from "../model/load";
import type { Baseline } from "../model/schema";
import type { DataValue, ReportData, UnitEntry } from "../data/types";
import { allTotals } from "../rollup/totals";
import type { CellLocation, FigureRun, Run, SourceRef } from "../document/model";
import type { DocumentSettings } from "../document/settings";
import { describeSource } from "../document/sources";
import { figureText, moneyTokenText } from "./figure";
import type { MoneyTokenStyle } from "./tokens";
import { baselineColumn, narrativeView, type NarrativeView } from "./view";
import { shortUnitNames, type ShortNames } from "./unit-names";
import { buildHierarchy, rollupHierarchy, unitKey } from "../rollup/hierarchy";
import { hasHierarchy } from "../layout/hierarchy-units";
import { hedged, type Hedge } from "../format/hedge";
import { allHedgeTotals, combineHedges, rateHedge } from "../rollup/hedge";

/** A unit as footnotes list it: its own figures, or its subtree's totals (itself + units below). */
export interface FootnoteUnit {
  name: string;
  values: Record<string, DataValue>;
  subtree: boolean;
}

export type Locate = (ref: SourceRef) => CellLocation | null;

export interface Footnote {
  id: number;
  runs: Run[];
}

export class NarrativeContext {
  /** The template the sentences follow (the original one for a consolidated workbook). */
  readonly template: Template;
  /** The workbook's own template: sources are references into it. */
  readonly layout: Template;
  readonly view: NarrativeView;
  /** Totals of every table of the workbook (the layout's, a superset of the template's). */
  readonly totals: Map<string, number | null>;
  readonly footnotes: Footnote[] = [];

  constructor(
    layout: Template,
    readonly data: ReportData,
    readonly settings: DocumentSettings,
    private readonly locateFn: Locate | undefined
  ) {
    this.view = narrativeView(layout);
    this.template = this.view.template;
    this.layout = layout;
    this.totals = allTotals(layout, data);
  }

  private shortNames: ShortNames | null = null;

  private footUnits: FootnoteUnit[] | null = null;

  /**
   * The units footnotes list: every unit, or — when units sit under units (a province over its
   * districts' consolidations) — each top-level unit with its subtree's totals, so a province's
   * draft names its 17 districts rather than 1.800 grassroots unions. Rates in a subtree are
   * recomputed from its parts and wholes (rollupHierarchy), never summed.
   */
  footnoteUnits(): FootnoteUnit[] {
    if (this.footUnits) return this.footUnits;
    const units = this.data.units;
    if (!hasHierarchy(units)) {
      this.footUnits = units.map((u) => ({ name: u.name, values: u.values, subtree: false }));
      return this.footUnits;
    }
    const rootName = this.data.header.issuingBody?.trim() || undefined;
    const own = new Map(units.map((u) => [unitKey(u.name), u] as const));
    const subtrees = new Map(
      rollupHierarchy(this.layout, units, { rootName })
        .filter((s) => s.depth >= 0)
        .map((s) => [unitKey(s.unit), s] as const)
    );
    this.footUnits = buildHierarchy(units, rootName).roots.map((name) => {
      const s = subtrees.get(unitKey(name));
      if (!s) return { name, values: own.get(unitKey(name))?.values ?? {}, subtree: false };
      const values: Record<string, DataValue> = {};
      for (const [k, v] of s.values) if (typeof v === "number") values[k] = v;
      return { name, values, subtree: true };
    });
    return this.footUnits;
  }

  /** The footnote units' names shortened once for the whole draft, so every footnote names a unit alike. */
  unitNames(): ShortNames {
    this.shortNames ??= shortUnitNames(this.footnoteUnits().map((u) => u.name));
    return this.shortNames;
  }

  /** "tỉnh", "đơn vị": what a unit is called, for "và 12 đơn vị khác". */
  unitWord(): string {
    return (this.layout.units?.label ?? "Đơn vị").trim().toLocaleLowerCase("vi");
  }

  get consolidated(): boolean {
    return this.view.consolidation !== null;
  }

  /** A report-level figure: a table column's total row, else its own cell (in the workbook). */
  reportSource(indicator: string): SourceRef {
    return this.layout.indicatorById.get(indicator)?.table
      ? { indicator, total: true }
      : { indicator };
  }

  /**
   * A comparison value: its cell on the section sheet, or in a consolidated workbook the total
   * row of the generated column that holds each unit's value.
   */
  baselineSource(indicator: string, baseline: Baseline): SourceRef {
    const column = baselineColumn(this.view, indicator, baseline);
    return column ? { indicator: column, total: true, baseline } : { indicator, baseline };
  }

  indicator(id: string): Indicator | undefined {
    return this.template.indicatorById.get(id);
  }

  /** A figure run for a value read from the cell `source` points at, with its hedge ("trên 55.680"). */
  figure(
    ind: Indicator,
    value: number,
    source: SourceRef,
    inTable = false,
    money: MoneyTokenStyle | null = null
  ): FigureRun {
    const hedge = this.hedgeOf(source);
    if (money && ind.type === "money" && !inTable) {
      return this.run(moneyTokenText(value, money, hedge), source);
    }
    return this.run(figureText(ind, value, this.settings, inTable, hedge), source);
  }

  /**
   * A run showing `text`, a figure read from (or computed from) the cell `source` points at; the
   * hedge that cell's figure carries goes before it (a rate computed from a hedged part: "trên 92,8%").
   */
  figureRun(text: string, source: SourceRef): FigureRun {
    return this.run(hedged(text, this.hedgeOf(source)), source);
  }

  private hedgeTotals: Map<string, Hedge | null> | null = null;

  /**
   * The hedge of the figure `source` points at: the writer's own for a typed figure; for a total
   * (and a paired sum) the rows' hedges combined (rollup/hedge.ts); for a rate, its part's while
   * its whole is exact, else "khoảng". Targets and comparison values are stated as typed.
   */
  hedgeOf(source: SourceRef): Hedge | null {
    if (source.target || source.baseline) return null;
    const ind = this.layout.indicatorById.get(source.indicator);
    if (!ind) return null;
    if (source.rateOf) {
      const { rateOf, paired: _paired, ...part } = source;
      return rateHedge(this.hedgeOf(part), this.hedgeOf({ ...part, indicator: rateOf }));
    }
    if (ind.computed && ind.ratioOf) {
      return rateHedge(
        this.hedgeOf({ ...source, indicator: ind.ratioOf.part }),
        this.hedgeOf({ ...source, indicator: ind.ratioOf.whole })
      );
    }
    const hedges = this.data.hedges;
    if (source.unit !== undefined) {
      const key = unitKey(source.unit);
      const units = source.subtree ? this.subtreeOf(key) : (this.unitsByKey().get(key) ?? []);
      return combineHedges(
        units.filter((u) => typeof u.values[ind.id] === "number").map((u) => u.hedges?.[ind.id])
      );
    }
    if (source.row !== undefined)
      return (ind.table && hedges?.tables?.[ind.table]?.[source.row]?.[ind.id]) || null;
    if (source.listIndex !== undefined) return null;
    if (source.total || ind.table) {
      this.hedgeTotals ??= allHedgeTotals(this.layout, this.data);
      return this.hedgeTotals.get(ind.id) ?? null;
    }
    return hedges?.values?.[ind.id] ?? null;
  }

  private byKey: Map<string, UnitEntry[]> | null = null;
  private childKeys: Map<string, string[]> | null = null;
  private subtrees = new Map<string, UnitEntry[]>();

  /** Units by unitKey, built once: footnotes ask for each unit's hedge figure by figure. */
  private unitsByKey(): Map<string, UnitEntry[]> {
    if (this.byKey) return this.byKey;
    this.byKey = new Map();
    for (const u of this.data.units) {
      const k = unitKey(u.name);
      this.byKey.set(k, [...(this.byKey.get(k) ?? []), u]);
    }
    return this.byKey;
  }

  /** A unit and every unit below it (a cycle in the parents stops where it closes). */
  private subtreeOf(root: string): UnitEntry[] {
    const cached = this.subtrees.get(root);
    if (cached) return cached;
    if (!this.childKeys) {
      this.childKeys = new Map();
      for (const u of this.data.units) {
        if (!u.parent) continue;
        const p = unitKey(u.parent);
        this.childKeys.set(p, [...(this.childKeys.get(p) ?? []), unitKey(u.name)]);
      }
    }
    const seen = new Set<string>();
    const stack = [root];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (seen.has(k)) continue;
      seen.add(k);
      stack.push(...(this.childKeys.get(k) ?? []));
    }
    const out = [...seen].flatMap((k) => this.unitsByKey().get(k) ?? []);
    this.subtrees.set(root, out);
    return out;
  }

  private run(text: string, source: SourceRef): FigureRun {
    return {
      kind: "figure",
      text,
      source,
      what: describeSource(this.layout, source),
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
