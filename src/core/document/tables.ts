// Tables of the draft (the appendix's BIỂU TỔNG HỢP, list tables in the body): a "TT" column, the
// row header, the columns under their groups (two header rows when the template groups columns,
// as the seeds' summary tables do), one row per unit or row, and the total row.
import type { Indicator, Table } from "../model/load";
import { isNumericType } from "../model/load";
import { formatShortDate, isValidIsoDate } from "../period";
import type { DataValue } from "../data/types";
import { rowRatio, tableRows, type Row } from "../rollup/totals";
import { footnoteRows } from "../narrative/section";
import { bodyUnitName } from "../narrative/unit-names";
import { numeric, text, type NarrativeContext } from "../narrative/context";
import type { Run, SourceRef, TableBlock, TableCell } from "./model";

function headerLabel(col: Indicator): string {
  return col.type === "money" ? `${col.label} (đồng)` : col.label;
}

function headerRows(columns: Indicator[], rowHeader: string | null): TableCell[][] {
  const grouped = columns.some((c) => c.group);
  const lead: TableCell[] = [{ runs: [text("TT")], rowSpan: grouped ? 2 : 1 }];
  if (rowHeader !== null) lead.push({ runs: [text(rowHeader)], rowSpan: grouped ? 2 : 1 });
  if (!grouped) {
    return [[...lead, ...columns.map((c) => ({ runs: [text(headerLabel(c))] }))]];
  }
  const top: TableCell[] = [...lead];
  const second: TableCell[] = [];
  for (let i = 0; i < columns.length;) {
    const c = columns[i];
    if (!c.group) {
      top.push({ runs: [text(headerLabel(c))], rowSpan: 2 });
      i++;
      continue;
    }
    let j = i;
    while (j < columns.length && columns[j].group === c.group) j++;
    top.push({ runs: [text(c.group)], colSpan: j - i });
    for (let k = i; k < j; k++) second.push({ runs: [text(headerLabel(columns[k]))] });
    i = j;
  }
  return [top, second];
}

function valueCell(
  ctx: NarrativeContext,
  col: Indicator,
  v: DataValue | undefined,
  source: SourceRef
): TableCell {
  if (v === null || v === undefined || v === "") return { runs: [] };
  if (isNumericType(col.type)) {
    const n = numeric(v);
    if (n === null) return { runs: [text(String(v))], align: "right" };
    return { runs: [ctx.figure(col, n, source, true)], align: "right" };
  }
  if (col.type === "date" && typeof v === "string" && isValidIsoDate(v)) {
    return { runs: [text(formatShortDate(v))], align: "center" };
  }
  return { runs: [text(String(v))], align: "left" };
}

/** A row's figure; a computed rate is recomputed from the row's part and whole, as its formula does. */
function cellValue(col: Indicator, row: Row): DataValue | undefined {
  if (col.computed && col.ratioOf) return rowRatio(row, col.ratioOf.part, col.ratioOf.whole);
  return row[col.id];
}

function widthOf(col: Indicator): number {
  if (col.width) return col.width;
  if (col.type === "text") return 30;
  if (col.type === "money") return 16;
  return 11;
}

/**
 * Whether a total row's rate is the ratio of the totals beside it. A rate of the rows giving both
 * figures (some rows give one only) is not: "Tổng cộng | 4.120 | 3.613 | 99,5%" reads as
 * 4.120/3.613, and 99,5% is another ratio, of some provinces only. Such a cell is left empty; the
 * text does not present it as the whole's either.
 */
function ofItsTotals(ctx: NarrativeContext, c: Indicator, rate: number): boolean {
  if (!(c.computed && c.ratioOf)) return true;
  const part = ctx.totals.get(c.ratioOf.part);
  const whole = ctx.totals.get(c.ratioOf.whole);
  if (typeof part !== "number" || typeof whole !== "number" || whole === 0) return false;
  return Math.abs(part / whole - rate) <= 1e-9 * Math.max(1, Math.abs(rate));
}

/** The table as drawn; null when no row has anything in it (nothing to show). */
export function tableBlock(
  ctx: NarrativeContext,
  table: Table,
  opts: { title?: string; columns?: Indicator[]; widths?: number[]; landscape?: boolean } = {}
): TableBlock | null {
  const columns = opts.columns ?? table.columns;
  const body: TableCell[][] = [];
  const named = table.kind !== "list";
  if (named) {
    footnoteRows(ctx, table, "full").forEach((r, i) => {
      body.push([
        { runs: [text(String(i + 1))], align: "center" },
        // A unit typed in capitals (as its header asks) is named as the text names it.
        { runs: [text(bodyUnitName(r.name))], align: "left" },
        ...columns.map((c) => valueCell(ctx, c, cellValue(c, r.values), r.source(c.id))),
      ]);
    });
  } else {
    tableRows(table, ctx.data).forEach((row, i) => {
      if (!columns.some((c) => row[c.id] !== null && row[c.id] !== undefined)) return;
      body.push([
        { runs: [text(String(body.length + 1))], align: "center" },
        ...columns.map((c) => valueCell(ctx, c, row[c.id], { indicator: c.id, listIndex: i })),
      ]);
    });
  }
  const hasFigures = body.some((r) => r.slice(named ? 2 : 1).some((c) => c.runs.length > 0));
  if (!hasFigures) return null;
  if (named && table.total) {
    const totalRuns = (c: Indicator): Run[] => {
      const v = ctx.totals.get(c.id);
      if (typeof v !== "number" || !ofItsTotals(ctx, c, v)) return [];
      return [ctx.figure(c, v, { indicator: c.id, total: true }, true)];
    };
    body.push([
      { runs: [] },
      { runs: [text("Tổng cộng")], bold: true, align: "center" },
      ...columns.map((c) => ({ runs: totalRuns(c), bold: true, align: "right" as const })),
    ]);
  }
  return {
    kind: "table",
    id: table.id,
    title: opts.title ?? table.title,
    header: headerRows(columns, named ? table.rowHeader : null),
    body,
    widths: opts.widths ?? [5, ...(named ? [22] : []), ...columns.map(widthOf)],
    landscape: opts.landscape ?? table.landscape,
    note: table.note,
  };
}
