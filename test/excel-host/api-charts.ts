/**
 * Embedded charts (ExcelApi 1.1, with the 1.4 and 1.7 additions): a chart's type, name, title,
 * series (values and category ranges) and position. Nothing is rendered; the point is to check
 * what an add-in asks Excel to draw, with Excel's versions, protection rules and null objects.
 */
import { Area, columnCount, rowCount } from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  NavSpec,
  RequestContextImpl,
  Resolver,
  TypeSpec,
  defineType,
  sameTarget,
} from "./client";
import { ChartType, ChartSeriesBy } from "./enums";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import type { ChartSeriesState, ChartState, SheetArea, SheetState } from "./state";
import { checkSheet, requireBoolean, requireEnum, requireNumber, resolveRangeArg } from "./targets";
import { Worksheet, makeWorksheet, worksheetSpec } from "./api-worksheet";

export const CHART_TYPES: readonly string[] = Object.values(ChartType);
const SERIES_BY: readonly string[] = Object.values(ChartSeriesBy);

/** Excel's default size for a new chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export interface ChartScope {
  sheet: SheetState;
}

export interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

export interface SeriesTarget extends ChartTarget {
  series: ChartSeriesState;
}

function liveCharts(sheet: SheetState): ChartState[] {
  return sheet.charts.filter((c) => !c.deleted);
}

function checkChart(t: ChartTarget): void {
  checkSheet(t.sheet);
  if (t.chart.deleted) throw hostError(ErrorCodes.itemNotFound);
}

function checkSeries(t: SeriesTarget): void {
  checkChart(t);
  if (!t.chart.series.includes(t.series)) throw hostError(ErrorCodes.itemNotFound);
}

/**
 * A protected sheet protects its objects unless the protection allows editing them, so Excel
 * refuses to add, delete, move or change a chart there.
 */
export function assertObjectsEditable(sheet: SheetState, location: string): void {
  const p = sheet.protection;
  if (p.protected && !p.options.allowEditObjects) {
    throw hostError(ErrorCodes.accessDenied, location);
  }
}

function isLabel(v: unknown): boolean {
  return typeof v === "string" && v !== "";
}

/**
 * Splits a source range into series the way Excel's "Auto" does: series run along the longer
 * side; a first row (column) holding text and no numbers gives the series names (categories).
 */
export function seriesFromSource(source: SheetArea, seriesBy: string): ChartSeriesState[] {
  const { sheet, area } = source;
  const rows = rowCount(area);
  const cols = columnCount(area);
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows > cols);
  const cellsOf = (r0: number, c0: number, r1: number, c1: number) => {
    const out: unknown[] = [];
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(sheet.value(r, c));
    return out;
  };
  const headerLike = (vals: unknown[]) =>
    vals.some(isLabel) && vals.every((v) => v === "" || isLabel(v));
  const firstRow = cellsOf(area.r0, area.c0, area.r0, area.c1);
  const firstCol = cellsOf(area.r0, area.c0, area.r1, area.c0);
  // The top-left cell belongs to neither the names nor the categories when both are present.
  const rowHeaders = rows > 1 && headerLike(cols > 1 ? firstRow.slice(1) : firstRow);
  const colHeaders = cols > 1 && headerLike(rows > 1 ? firstCol.slice(1) : firstCol);
  const dataR0 = area.r0 + (rowHeaders ? 1 : 0);
  const dataC0 = area.c0 + (colHeaders ? 1 : 0);
  const sub = (r0: number, c0: number, r1: number, c1: number): SheetArea => ({
    sheet,
    area: { r0, c0, r1, c1 },
  });
  const out: ChartSeriesState[] = [];
  if (byColumns) {
    for (let c = dataC0; c <= area.c1; c++) {
      out.push({
        name: rowHeaders ? String(sheet.value(area.r0, c)) : `Series${out.length + 1}`,
        values: sub(dataR0, c, area.r1, c),
        xValues: colHeaders ? sub(dataR0, area.c0, area.r1, area.c0) : null,
      });
    }
  } else {
    for (let r = dataR0; r <= area.r1; r++) {
      out.push({
        name: colHeaders ? String(sheet.value(r, area.c0)) : `Series${out.length + 1}`,
        values: sub(r, dataC0, r, area.c1),
        xValues: rowHeaders ? sub(area.r0, dataC0, area.r0, area.c1) : null,
      });
    }
  }
  return out;
}

function nextChartName(sheet: SheetState): string {
  sheet.chartSeq++;
  return `Chart ${sheet.chartSeq}`;
}

/** Excel shows a one-series chart's series name as its title; several series get no title. */
function defaultTitle(series: ChartSeriesState[]): ChartState["title"] {
  return series.length === 1
    ? { text: series[0].name, visible: true }
    : { text: "", visible: false };
}

export class ChartCollection extends CollectionImpl<ChartScope, ChartTarget> {
  _list(t: ChartScope): ChartTarget[] {
    return liveCharts(t.sheet).map((chart) => ({ sheet: t.sheet, chart }));
  }

  _makeItem(target: ChartTarget): ClientObjectImpl<ChartTarget> {
    return new Chart(this.context, () => target);
  }

  add(type: string, sourceData: unknown, seriesBy?: string): Chart {
    let created: ChartTarget | null = null;
    this._action("add", "1.1", [type, sourceData, seriesBy ?? null], (scope, x) => {
      const loc = "ChartCollection.add";
      const chartType = requireEnum(type, CHART_TYPES, loc);
      if (chartType === "Invalid") throw invalidArgument(loc);
      const by = seriesBy === undefined ? "Auto" : requireEnum(seriesBy, SERIES_BY, loc);
      const source = resolveRangeArg(x, sourceData, loc, scope.sheet);
      assertObjectsEditable(scope.sheet, loc);
      const series = seriesFromSource(source, by);
      // A new chart appears next to its data, at Excel's default size.
      const s = scope.sheet;
      const chart: ChartState = {
        id: `{${x.wb.nextObjectId("chart").toUpperCase()}}`,
        name: nextChartName(s),
        type: chartType,
        title: defaultTitle(series),
        // Excel shows a legend only when there is more than one series to tell apart.
        legend: { visible: series.length > 1 },
        dataLabels: { showValue: false },
        categoryAxis: { reversePlotOrder: false },
        source: { sheet: source.sheet, area: source.area },
        seriesBy: by,
        series,
        left: source.sheet === s ? s.columnLeft(source.area.c1 + 1) : 0,
        top: source.sheet === s ? s.rowTop(source.area.r0) : 0,
        width: DEFAULT_CHART_WIDTH,
        height: DEFAULT_CHART_HEIGHT,
        deleted: false,
      };
      s.charts.push(chart);
      created = { sheet: s, chart };
    });
    return new Chart(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }

  getCount(): unknown {
    return this._result("getCount", "1.4", [], (t) => liveCharts(t.sheet).length);
  }

  private _byName(method: string, since: string, name: string, orNull: boolean): Chart {
    return this._object(
      method,
      since,
      () =>
        new Chart(this.context, (x) => {
          const scope = this._resolve(x);
          // Names need not be unique; Excel returns the first chart with the name.
          const chart = scope
            ? liveCharts(scope.sheet).find(
                (c) => c.name.toLowerCase() === String(name).toLowerCase()
              )
            : undefined;
          if (scope && chart) return { sheet: scope.sheet, chart };
          if (orNull) return null;
          throw hostError(ErrorCodes.itemNotFound, `ChartCollection.${method}`);
        })
    );
  }

  getItem(name: string): Chart {
    return this._byName("getItem", "1.1", name, false);
  }

  getItemOrNullObject(name: string): Chart {
    return this._byName("getItemOrNullObject", "1.4", name, true);
  }

  getItemAt(index: number): Chart {
    return this._object(
      "getItemAt",
      "1.1",
      () =>
        new Chart(this.context, (x) => {
          const scope = this._target(x);
          const chart = liveCharts(scope.sheet)[index];
          if (!chart) throw invalidArgument("ChartCollection.getItemAt");
          return { sheet: scope.sheet, chart };
        })
    );
  }
}

function cellOf(x: ExecContext, arg: unknown, sheet: SheetState, loc: string): Area {
  const t = resolveRangeArg(x, arg, loc, sheet);
  if (t.sheet !== sheet) throw invalidArgument(loc);
  return t.area;
}

export class Chart extends ClientObjectImpl<ChartTarget> {
  delete(): void {
    this._action("delete", "1.1", [], (t) => {
      assertObjectsEditable(t.sheet, "Chart.delete");
      t.chart.deleted = true;
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }

  /** Moves the chart to startCell; with endCell, resizes it to cover through that cell. */
  setPosition(startCell: unknown, endCell?: unknown): void {
    this._action("setPosition", "1.1", [startCell, endCell ?? null], (t, x) => {
      const loc = "Chart.setPosition";
      const start = cellOf(x, startCell, t.sheet, loc);
      const end =
        endCell === undefined || endCell === null ? null : cellOf(x, endCell, t.sheet, loc);
      assertObjectsEditable(t.sheet, loc);
      const s = t.sheet;
      t.chart.left = s.columnLeft(start.c0);
      t.chart.top = s.rowTop(start.r0);
      if (end) {
        t.chart.width = Math.max(0, s.columnLeft(end.c1 + 1) - t.chart.left);
        t.chart.height = Math.max(0, s.rowTop(end.r1 + 1) - t.chart.top);
      }
    });
  }

  activate(): void {
    this._action("activate", "1.9", [], () => undefined);
  }
}

function chartProp(
  since: string,
  get: (c: ChartState) => unknown,
  set?: (c: ChartState, v: unknown, loc: string) => void
) {
  return {
    since,
    get: (t: ChartTarget) => get(t.chart),
    set: set
      ? (t: ChartTarget, v: unknown, _x: ExecContext, loc: string) => {
          assertObjectsEditable(t.sheet, loc);
          set(t.chart, v, loc);
        }
      : undefined,
  };
}

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

const size = (v: unknown, loc: string) => requireNumber(v, loc, 0, 169056);

export const chartSpec: TypeSpec<ChartTarget> = {
  name: "Chart",
  props: {
    name: chartProp(
      "1.1",
      (c) => c.name,
      (c, v, loc) => {
        if (typeof v !== "string" || v.trim() === "" || v.length > 255) throw invalidArgument(loc);
        c.name = v;
      }
    ),
    id: chartProp("1.7", (c) => c.id),
    chartType: chartProp(
      "1.7",
      (c) => c.type,
      (c, v, loc) => {
        const type = requireEnum(v, CHART_TYPES, loc);
        if (type === "Invalid") throw invalidArgument(loc);
        c.type = type;
      }
    ),
    left: chartProp(
      "1.1",
      (c) => c.left,
      (c, v, loc) => (c.left = size(v, loc))
    ),
    top: chartProp(
      "1.1",
      (c) => c.top,
      (c, v, loc) => (c.top = size(v, loc))
    ),
    width: chartProp(
      "1.1",
      (c) => c.width,
      (c, v, loc) => (c.width = size(v, loc))
    ),
    height: chartProp(
      "1.1",
      (c) => c.height,
      (c, v, loc) => (c.height = size(v, loc))
    ),
  },
  nav: {
    title: nav(
      "1.1",
      () => chartTitleSpec as TypeSpec<unknown>,
      (p) => new ChartTitle(p.context, sameTarget(p))
    ),
    series: nav(
      "1.1",
      () => chartSeriesCollectionSpec as TypeSpec<unknown>,
      (p) => new ChartSeriesCollection(p.context, sameTarget(p))
    ),
    legend: nav(
      "1.1",
      () => chartLegendSpec as TypeSpec<unknown>,
      (p) => new ChartLegend(p.context, sameTarget(p))
    ),
    dataLabels: nav(
      "1.1",
      () => chartDataLabelsSpec as TypeSpec<unknown>,
      (p) => new ChartDataLabels(p.context, sameTarget(p))
    ),
    axes: nav(
      "1.1",
      () => chartAxesSpec as TypeSpec<unknown>,
      (p) => new ChartAxes(p.context, sameTarget(p))
    ),
    worksheet: nav(
      "1.2",
      () => worksheetSpec as TypeSpec<unknown>,
      (p): Worksheet =>
        makeWorksheet(p.context, (x) => {
          const t = p._resolve(x) as ChartTarget | null;
          return t ? t.sheet : null;
        })
    ),
  },
  check: checkChart,
};
defineType(Chart, chartSpec);

export class ChartLegend extends ClientObjectImpl<ChartTarget> {}

export const chartLegendSpec: TypeSpec<ChartTarget> = {
  name: "ChartLegend",
  props: {
    visible: chartProp(
      "1.1",
      (c) => c.legend.visible,
      (c, v, loc) => (c.legend = { visible: requireBoolean(v, loc) })
    ),
  },
  nav: {},
  check: checkChart,
};
defineType(ChartLegend, chartLegendSpec);

export class ChartDataLabels extends ClientObjectImpl<ChartTarget> {}

export const chartDataLabelsSpec: TypeSpec<ChartTarget> = {
  name: "ChartDataLabels",
  props: {
    showValue: chartProp(
      "1.1",
      (c) => c.dataLabels.showValue,
      (c, v, loc) => (c.dataLabels = { showValue: requireBoolean(v, loc) })
    ),
  },
  nav: {},
  check: checkChart,
};
defineType(ChartDataLabels, chartDataLabelsSpec);

/** The category (x) axis only: what the add-in uses of a chart's axes. */
export class ChartAxis extends ClientObjectImpl<ChartTarget> {}

export const chartAxisSpec: TypeSpec<ChartTarget> = {
  name: "ChartAxis",
  props: {
    reversePlotOrder: chartProp(
      "1.7",
      (c) => c.categoryAxis.reversePlotOrder,
      (c, v, loc) => (c.categoryAxis = { reversePlotOrder: requireBoolean(v, loc) })
    ),
  },
  nav: {},
  check: checkChart,
};
defineType(ChartAxis, chartAxisSpec);

export class ChartAxes extends ClientObjectImpl<ChartTarget> {}

export const chartAxesSpec: TypeSpec<ChartTarget> = {
  name: "ChartAxes",
  props: {},
  nav: {
    categoryAxis: nav(
      "1.1",
      () => chartAxisSpec as TypeSpec<unknown>,
      (p) => new ChartAxis(p.context, sameTarget(p))
    ),
  },
  check: checkChart,
};
defineType(ChartAxes, chartAxesSpec);

export class ChartTitle extends ClientObjectImpl<ChartTarget> {}

export const chartTitleSpec: TypeSpec<ChartTarget> = {
  name: "ChartTitle",
  props: {
    text: chartProp(
      "1.1",
      (c) => c.title.text,
      (c, v, loc) => {
        if (typeof v !== "string") throw invalidArgument(loc);
        // Giving a title text shows the title, as setting it in Excel's UI does.
        c.title = { text: v, visible: v !== "" ? true : c.title.visible };
      }
    ),
    visible: chartProp(
      "1.1",
      (c) => c.title.visible,
      (c, v, loc) => (c.title = { ...c.title, visible: requireBoolean(v, loc) })
    ),
  },
  nav: {},
  check: checkChart,
};
defineType(ChartTitle, chartTitleSpec);

export class ChartSeriesCollection extends CollectionImpl<ChartTarget, SeriesTarget> {
  _list(t: ChartTarget): SeriesTarget[] {
    return t.chart.series.map((series) => ({ ...t, series }));
  }

  _makeItem(target: SeriesTarget): ClientObjectImpl<SeriesTarget> {
    return new ChartSeries(this.context, () => target);
  }

  getCount(): unknown {
    return this._result("getCount", "1.4", [], (t) => t.chart.series.length);
  }

  getItemAt(index: number): ChartSeries {
    return this._object(
      "getItemAt",
      "1.1",
      () =>
        new ChartSeries(this.context, (x) => {
          const t = this._target(x);
          const series = t.chart.series[index];
          if (!series) throw invalidArgument("ChartSeriesCollection.getItemAt");
          return { ...t, series };
        })
    );
  }

  add(name?: string, index?: number): ChartSeries {
    let created: SeriesTarget | null = null;
    this._action("add", "1.7", [name ?? null, index ?? null], (t) => {
      const loc = "ChartSeriesCollection.add";
      assertObjectsEditable(t.sheet, loc);
      const series: ChartSeriesState = {
        name: name ?? `Series${t.chart.series.length + 1}`,
        values: null,
        xValues: null,
      };
      const at = index === undefined ? t.chart.series.length : index;
      if (!Number.isInteger(at) || at < 0 || at > t.chart.series.length) throw invalidArgument(loc);
      t.chart.series.splice(at, 0, series);
      created = { ...t, series };
    });
    return new ChartSeries(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }
}

export const chartSeriesCollectionSpec: TypeSpec<ChartTarget> = {
  name: "ChartSeriesCollection",
  props: { count: { since: "1.1", get: (t) => t.chart.series.length } },
  nav: {},
  item: () => chartSeriesSpec as TypeSpec<unknown>,
  check: checkChart,
};
defineType(ChartSeriesCollection, chartSeriesCollectionSpec);

/** A series' data must be one row or one column. */
function seriesRange(x: ExecContext, arg: unknown, t: SeriesTarget, loc: string): SheetArea {
  if (!(arg instanceof ClientObjectImpl)) throw invalidArgument(loc);
  const r = resolveRangeArg(x, arg, loc, t.sheet);
  if (rowCount(r.area) > 1 && columnCount(r.area) > 1) throw invalidArgument(loc);
  return { sheet: r.sheet, area: r.area };
}

export class ChartSeries extends ClientObjectImpl<SeriesTarget> {
  setValues(sourceData: unknown): void {
    this._action("setValues", "1.7", [sourceData], (t, x) => {
      const loc = "ChartSeries.setValues";
      const ref = seriesRange(x, sourceData, t, loc);
      assertObjectsEditable(t.sheet, loc);
      t.series.values = ref;
    });
  }

  setXAxisValues(sourceData: unknown): void {
    this._action("setXAxisValues", "1.7", [sourceData], (t, x) => {
      const loc = "ChartSeries.setXAxisValues";
      const ref = seriesRange(x, sourceData, t, loc);
      assertObjectsEditable(t.sheet, loc);
      t.series.xValues = ref;
    });
  }

  delete(): void {
    this._action("delete", "1.7", [], (t) => {
      assertObjectsEditable(t.sheet, "ChartSeries.delete");
      t.chart.series = t.chart.series.filter((s) => s !== t.series);
    });
  }
}

export const chartSeriesSpec: TypeSpec<SeriesTarget> = {
  name: "ChartSeries",
  props: {
    name: {
      since: "1.1",
      get: (t) => t.series.name,
      set: (t, v, _x, loc) => {
        if (typeof v !== "string") throw invalidArgument(loc);
        assertObjectsEditable(t.sheet, loc);
        const before = t.series.name;
        t.series.name = v;
        // The automatic title of a one-series chart follows the series name.
        if (t.chart.series.length === 1 && t.chart.title.text === before) {
          t.chart.title = { ...t.chart.title, text: v };
        }
      },
    },
  },
  nav: {},
  check: checkSeries,
};
defineType(ChartSeries, chartSeriesSpec);

export const chartCollectionSpec: TypeSpec<ChartScope> = {
  name: "ChartCollection",
  props: { count: { since: "1.1", get: (t) => liveCharts(t.sheet).length } },
  nav: {},
  item: () => chartSpec as TypeSpec<unknown>,
  check: (t) => checkSheet(t.sheet),
};
defineType(ChartCollection, chartCollectionSpec);

export function makeCharts(
  ctx: RequestContextImpl,
  resolver: Resolver<ChartScope>
): ChartCollection {
  return new ChartCollection(ctx, resolver);
}
