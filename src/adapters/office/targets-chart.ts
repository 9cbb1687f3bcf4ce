// A native Excel chart of the targets' completion ("Tỷ lệ đạt") on the Chỉ tiêu sheet: one
// clustered bar per target, labelled with the target. The add-in owns exactly one chart, found by
// its name, so drawing again replaces it and removing it leaves the sheet as it was. The rows are
// found through the targets' defined names (BCG_<target>), so a sheet the user has rearranged
// still charts the right cells. Core calls only (ExcelApi 1.7); two syncs at most.
import { parseQualifiedRange } from "../../core/layout/a1";
import { definedName } from "../../core/layout/names";

export const TARGETS_CHART_NAME = "BaoCao_ChiTieu";
export const TARGETS_CHART_TITLE = "Tỷ lệ thực hiện chỉ tiêu";
export const TARGETS_SERIES_NAME = "Tỷ lệ đạt";

/**
 * Columns of the Chỉ tiêu sheet relative to a target's level cell (BCG_, column D), as laid out
 * by src/core/layout/targets-sheet.ts: B = the target, G = "Tỷ lệ đạt", I = the last column.
 */
const OFFSET = { label: -2, ratio: 3, lastColumn: 5 } as const;
/** One empty column between the table and the chart; the chart spans 8 standard columns. */
const CHART_GAP_COLUMNS = 1;
const CHART_WIDTH_COLUMNS = 8;
/** Enough rows for the bars to stay readable when there are few targets. */
const CHART_MIN_ROWS = 18;

export type TargetsChartProblem = "noTargets" | "notOnSheet" | "sheetMissing";

/** Why the chart could not be drawn, in words the pane turns into advice. */
export class TargetsChartError extends Error {
  override readonly name = "TargetsChartError";
  constructor(
    readonly problem: TargetsChartProblem,
    message: string
  ) {
    super(message);
  }
}

export interface TargetsChartOptions {
  /** The Chỉ tiêu sheet. */
  sheetName: string;
  /** The template's target ids; their BCG_ names locate the rows. */
  targetIds: readonly string[];
}

export interface TargetsChartResult {
  /** 1-based rows of the first and last target charted. */
  firstRow: number;
  lastRow: number;
  /** A previous BáoCáo chart was replaced. */
  replaced: boolean;
  syncs: number;
}

interface SheetProbe {
  sheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  existing: Excel.Chart;
}

/** Queues the loads shared by insert and remove: protection and the add-in's chart, if any. */
function probeSheet(context: Excel.RequestContext, sheetName: string): SheetProbe {
  // Each from its own lookup: the lint rule takes navigation from a *OrNullObject proxy for a
  // read before sync.
  const lookup = () => context.workbook.worksheets.getItemOrNullObject(sheetName);
  const sheet = lookup();
  const protection = lookup().protection;
  const existing = lookup().charts.getItemOrNullObject(TARGETS_CHART_NAME);
  sheet.load("name");
  protection.load("protected,options");
  existing.load("name");
  return { sheet, protection, existing };
}

/**
 * Protection without allowEditObjects forbids changing charts: lift it around `body` and put it
 * back with the options it had (the template's protection has no password).
 */
function withObjectsEditable(probe: SheetProbe, body: () => void): void {
  const mustLift = probe.protection.protected && !probe.protection.options.allowEditObjects;
  const options = mustLift ? probe.protection.options : null;
  if (mustLift) probe.protection.unprotect();
  body();
  if (options) probe.protection.protect(options);
}

/** Adds (or replaces) the add-in's completion chart on the Chỉ tiêu sheet. */
export async function insertTargetsChart(
  context: Excel.RequestContext,
  options: TargetsChartOptions
): Promise<TargetsChartResult> {
  const probe = probeSheet(context, options.sheetName);
  const cells = options.targetIds.map((id) => {
    const range = context.workbook.names
      .getItemOrNullObject(definedName({ kind: "targetValue", target: id }))
      .getRangeOrNullObject();
    range.load("address,rowIndex,columnIndex");
    return range;
  });
  await context.sync();

  if (probe.sheet.isNullObject) {
    throw new TargetsChartError(
      "sheetMissing",
      `Không có trang "${options.sheetName}" trong sổ tính.`
    );
  }
  const found = cells.filter((c) => !c.isNullObject);
  if (found.length === 0) {
    throw new TargetsChartError(
      "noTargets",
      `Không tìm thấy ô chỉ tiêu nào trên trang "${options.sheetName}".`
    );
  }
  if (found.some((c) => parseQualifiedRange(c.address)?.sheet !== options.sheetName)) {
    throw new TargetsChartError(
      "notOnSheet",
      `Các ô chỉ tiêu của mẫu không còn nằm trên trang "${options.sheetName}".`
    );
  }
  const first = Math.min(...found.map((c) => c.rowIndex));
  const last = Math.max(...found.map((c) => c.rowIndex));
  const valueColumn = found[0].columnIndex;
  const rowCount = last - first + 1;
  const sheet = probe.sheet;
  const replaced = !probe.existing.isNullObject;

  withObjectsEditable(probe, () => {
    if (replaced) probe.existing.delete();
    const ratios = sheet.getRangeByIndexes(first, valueColumn + OFFSET.ratio, rowCount, 1);
    const labels = sheet.getRangeByIndexes(first, valueColumn + OFFSET.label, rowCount, 1);
    const chart = sheet.charts.add("BarClustered", ratios, "Columns");
    chart.name = TARGETS_CHART_NAME;
    chart.title.text = TARGETS_CHART_TITLE;
    const series = chart.series.getItemAt(0);
    series.name = TARGETS_SERIES_NAME;
    series.setXAxisValues(labels);
    // Read like the table and the pane: first target at the top (a bar chart draws its first
    // category at the bottom), each bar labelled with its ratio, no legend for a single series.
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.dataLabels.showValue = true;
    chart.legend.visible = false;
    // To the right of the table, from its header row down.
    const left = valueColumn + OFFSET.lastColumn + 1 + CHART_GAP_COLUMNS;
    const top = Math.max(0, first - 1);
    const bottom = Math.max(last, top + CHART_MIN_ROWS - 1);
    chart.setPosition(
      sheet.getCell(top, left),
      sheet.getCell(bottom, left + CHART_WIDTH_COLUMNS - 1)
    );
  });
  await context.sync();
  return { firstRow: first + 1, lastRow: last + 1, replaced, syncs: 2 };
}

/** Removes the add-in's chart; returns whether there was one. Nothing else changes. */
export async function removeTargetsChart(
  context: Excel.RequestContext,
  sheetName: string
): Promise<{ removed: boolean; syncs: number }> {
  const probe = probeSheet(context, sheetName);
  await context.sync();
  if (probe.sheet.isNullObject || probe.existing.isNullObject) return { removed: false, syncs: 1 };
  withObjectsEditable(probe, () => probe.existing.delete());
  await context.sync();
  return { removed: true, syncs: 2 };
}

/** Whether the add-in's chart is on the sheet (one sync). */
export async function hasTargetsChart(
  context: Excel.RequestContext,
  sheetName: string
): Promise<boolean> {
  const probe = probeSheet(context, sheetName);
  await context.sync();
  return !probe.sheet.isNullObject && !probe.existing.isNullObject;
}
