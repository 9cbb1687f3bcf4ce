// An indicator table's sheet: one row per unit (names mirrored from the units sheet),
// per fixed row (levels such as LĐLĐ tỉnh / CĐ cấp trên / CĐCS) or per list entry,
// with two-row headers where columns are grouped, live rates and a total row.
import type { Indicator, Table } from "../model/load";
import { formatSectionNumber } from "../model/numbering";
import type { DataValue } from "../data/types";
import { aggregate, ratio } from "../rollup/aggregate";
import { tableRows } from "../rollup/totals";
import { cellA1, quoteSheet, rangeA1 } from "./a1";
import {
  aggregateFormula,
  cellValueOf,
  inputStyleOf,
  numberFormatOf,
  pairedRatioFormula,
  ratioFormula,
  type PlanContext,
} from "./context";
import { toPlanValidation, validationFor } from "./messages";
import {
  HEDGE_HEADER,
  HEDGE_WIDTH,
  hedgeCellValue,
  hedgeTotalFormula,
  hedgeValidation,
  hedgeable,
} from "./hedge-cells";
import type { Hedge } from "../format/hedge";
import { NUMBER_FORMATS } from "./styles";
import { tableHedgeTotals } from "../rollup/hedge";
import { SheetBuilder, estimateHeight } from "./sheet-builder";

/** Row of the units sheet where the first unit is entered (see units-sheet.ts). */
export const UNITS_FIRST_ROW = 5;
export const UNITS_NAME_COL = 2;

function defaultWidth(col: Indicator): number {
  if (col.width) return col.width;
  switch (col.type) {
    case "text":
      return 36;
    case "docref":
      return 18;
    case "date":
      return 13;
    case "percent":
      return 11;
    case "money":
      return 16;
    default:
      return 13;
  }
}

export function buildTableSheet(ctx: PlanContext, table: Table): SheetBuilder {
  const t = ctx.template;
  const hasLabelCol = table.kind !== "list";
  const first = hasLabelCol ? 3 : 2;
  // Hedge columns (trên/gần…) for the figures of per-unit and fixed tables, after every existing
  // column so no input of an older workbook moves; a list's rows are entries, not figures.
  const hedged = table.kind === "list" ? [] : table.columns.filter(hedgeable);
  const hedgeFirst = first + table.columns.length;
  const widths = [
    6,
    ...(hasLabelCol ? [table.kind === "perUnit" ? 28 : 30] : []),
    ...table.columns.map(defaultWidth),
    ...hedged.map(() => HEDGE_WIDTH),
  ];
  const key = `table:${table.id}`;
  const b = new SheetBuilder(key, ctx.sheetName(key), "table", widths, ctx.names);
  const last = widths.length;
  const totalWidth = widths.reduce((a, w) => a + w, 0);

  b.set(1, 1, { value: table.title.toLocaleUpperCase("vi"), style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: last });
  b.height(1, estimateHeight(table.title, totalWidth, 1, 20));
  const section = t.sectionById.get(table.section);
  const where = section
    ? `Thuộc mục ${formatSectionNumber(section.number, section.level)} ${section.heading}. `
    : "";
  const kindHelp =
    table.kind === "perUnit"
      ? `Mỗi dòng một đơn vị; tên đơn vị lấy từ trang "${ctx.sheetName("units")}". `
      : table.kind === "list"
        ? `Mỗi dòng một mục, tối đa ${table.maxRows} dòng. `
        : "";
  const note = `${where}${kindHelp}${table.note ?? ""}`.trim();
  b.set(2, 1, { value: note, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right: last });
  b.height(2, estimateHeight(note, totalWidth, 1));

  // Headers: a group row when columns are grouped, then the column row, then the codes row.
  const grouped = table.columns.some((c) => c.group);
  const headTop = 4;
  const headBottom = grouped ? 5 : 4;
  const codesRow = headBottom + 1;
  b.set(headTop, 1, { value: hasLabelCol ? "STT" : "TT", style: "header" });
  b.merge({ top: headTop, left: 1, bottom: headBottom, right: 1 });
  if (hasLabelCol) {
    b.set(headTop, 2, { value: table.rowHeader, style: "header" });
    b.merge({ top: headTop, left: 2, bottom: headBottom, right: 2 });
  }
  table.columns.forEach((col, i) => {
    const c = first + i;
    const text = col.unit && col.type !== "percent" ? `${col.label}\n(${col.unit})` : col.label;
    if (!grouped || !col.group) {
      b.set(headTop, c, { value: text, style: "header" });
      b.merge({ top: headTop, left: c, bottom: headBottom, right: c });
    } else {
      b.set(headBottom, c, { value: text, style: "header" });
      const prev = table.columns[i - 1];
      if (!prev || prev.group !== col.group) {
        let end = i;
        while (table.columns[end + 1]?.group === col.group) end++;
        b.set(headTop, c, { value: col.group, style: "header" });
        b.merge({ top: headTop, left: c, bottom: headTop, right: first + end });
      }
    }
    b.set(codesRow, c, { value: col.id, style: "code" });
  });
  hedged.forEach((col, k) => {
    const c = hedgeFirst + k;
    if (grouped) {
      if (k === 0) {
        b.set(headTop, c, { value: HEDGE_HEADER, style: "header" });
        b.merge({ top: headTop, left: c, bottom: headTop, right: hedgeFirst + hedged.length - 1 });
      }
      b.set(headBottom, c, { value: col.label, style: "header" });
    } else {
      b.set(headTop, c, { value: `${col.label}\n${HEDGE_HEADER}`, style: "header" });
    }
    b.set(codesRow, c, { style: "code" });
  });
  b.set(codesRow, 1, { style: "code" });
  if (hasLabelCol) b.set(codesRow, 2, { value: "mã chỉ số →", style: "code" });
  const headerText = Math.max(
    ...table.columns.map((c) => c.label.length + (c.unit ? c.unit.length + 2 : 0))
  );
  b.height(headBottom, Math.min(120, estimateHeight("x".repeat(headerText), 12, 2)));
  if (grouped) {
    const groupText = Math.max(...table.columns.map((c) => (c.group ?? "").length));
    b.height(headTop, Math.min(60, estimateHeight("x".repeat(groupText), 22, 2)));
  }

  const dataTop = codesRow + 1;
  const rows = tableRows(table, ctx.data);
  const rowCount =
    table.kind === "perUnit"
      ? Math.max(1, ctx.units.length || (t.units?.blankRows ?? 10))
      : table.kind === "fixed"
        ? (table.rows ?? []).length
        : table.maxRows;
  const dataBottom = dataTop + rowCount - 1;
  const unitsSheet = quoteSheet(ctx.sheetName("units"));

  for (let i = 0; i < rowCount; i++) {
    const r = dataTop + i;
    const rowData: Record<string, DataValue> = rows[i] ?? {};
    const rowHedges = hedgesOfRow(ctx, table, i);
    hedged.forEach((col, k) => {
      b.set(r, hedgeFirst + k, {
        value: hedgeCellValue(rowHedges?.[col.id]),
        style: "input",
        numFmt: NUMBER_FORMATS.text,
      });
    });
    b.set(r, 1, { value: i + 1, style: "rowNumber" });
    if (table.kind === "perUnit") {
      const ref = `${unitsSheet}!${cellA1(UNITS_FIRST_ROW + i, UNITS_NAME_COL)}`;
      b.set(r, 2, {
        formula: `IF(${ref}="","",${ref})`,
        result: ctx.units[i]?.name ?? "",
        style: "label",
      });
    } else if (table.kind === "fixed") {
      b.set(r, 2, { value: table.rows![i].label, style: "label" });
    }
    table.columns.forEach((col, j) => {
      const c = first + j;
      if (col.computed && col.ratioOf) {
        const pc = first + table.columns.findIndex((x) => x.id === col.ratioOf!.part);
        const wc = first + table.columns.findIndex((x) => x.id === col.ratioOf!.whole);
        const v = ratio(num(rowData[col.ratioOf.part]), num(rowData[col.ratioOf.whole]));
        b.set(r, c, {
          formula: ratioFormula(cellA1(r, pc), cellA1(r, wc)),
          result: v ?? "",
          style: "computed",
          numFmt: numberFormatOf(col),
        });
      } else {
        b.set(r, c, {
          value: cellValueOf(col, rowData[col.id]),
          style: inputStyleOf(col),
          numFmt: numberFormatOf(col),
        });
      }
    });
  }

  // One validation and one defined name per input column.
  table.columns.forEach((col, j) => {
    const c = first + j;
    const range = { top: dataTop, left: c, bottom: dataBottom, right: c };
    if (!col.computed) {
      const v = validationFor(col);
      if (v) b.validate(toPlanValidation(range, col.label, v));
    }
    b.name({ kind: "column", table: table.id, indicator: col.id }, range);
  });
  hedged.forEach((col, k) => {
    const c = hedgeFirst + k;
    const range = { top: dataTop, left: c, bottom: dataBottom, right: c };
    b.validate(hedgeValidation(range, col.label));
    b.name({ kind: "hedge", indicator: col.id }, range);
  });

  if (table.total && table.kind !== "list") {
    const r = dataBottom + 1;
    const totalHedges = tableHedgeTotals(table, ctx.data);
    const rowsHedges = tableHedgeTotals(table, ctx.data, false);
    b.set(r, 1, { value: "Tổng cộng", style: "totalLabel" });
    if (hasLabelCol) b.merge({ top: r, left: 1, bottom: r, right: 2 });
    table.columns.forEach((col, j) => {
      const c = first + j;
      const colRange = rangeA1({ top: dataTop, left: c, bottom: dataBottom, right: c });
      let formula: string | null;
      let result: number | null;
      if (col.computed && col.ratioOf) {
        const pc = first + table.columns.findIndex((x) => x.id === col.ratioOf!.part);
        const wc = first + table.columns.findIndex((x) => x.id === col.ratioOf!.whole);
        const column = (c: number) =>
          rangeA1({ top: dataTop, left: c, bottom: dataBottom, right: c });
        formula = pairedRatioFormula(column(pc), column(wc));
        result = ctx.totals.get(col.id) ?? null;
      } else {
        formula = aggregateFormula(col.aggregation, colRange);
        result = aggregate(
          rows.map((x) => num(x[col.id])),
          col.aggregation
        );
      }
      b.set(
        r,
        c,
        formula
          ? { formula, result: result ?? "", style: "total", numFmt: numberFormatOf(col) }
          : { style: "total" }
      );
      b.name(
        { kind: "total", table: table.id, indicator: col.id },
        { top: r, left: c, bottom: r, right: c }
      );
    });
    hedged.forEach((col, k) => {
      const c = hedgeFirst + k;
      const valueCol = first + table.columns.indexOf(col);
      const hedges = { top: dataTop, left: c, bottom: dataBottom, right: c };
      const values = { top: dataTop, left: valueCol, bottom: dataBottom, right: valueCol };
      const sums = col.aggregation === "sum" || col.aggregation === "average";
      // The writer's own hedge of the total ("trên 45" over exact rows) is a value they typed
      // over the formula: written back as typed, read back by the reader.
      const own = totalHedges.get(col.id);
      b.set(
        r,
        c,
        own && own !== rowsHedges.get(col.id)
          ? { value: hedgeCellValue(own), style: "total" }
          : sums
            ? {
                formula: hedgeTotalFormula(hedges, values),
                result: hedgeCellValue(totalHedges.get(col.id)) ?? "",
                style: "total",
              }
            : { style: "total" }
      );
    });
  }

  b.sheet.freeze = { rows: codesRow, columns: hasLabelCol ? 2 : 1 };
  b.sheet.print = {
    landscape: table.landscape || totalWidth > 100,
    titleRows: { first: headTop, last: codesRow },
  };
  return b;
}

/** The hedges a table row holds: the unit's (per-unit tables) or the fixed row's. */
function hedgesOfRow(ctx: PlanContext, table: Table, i: number): Record<string, Hedge> | undefined {
  if (table.kind === "perUnit") return ctx.units[i]?.hedges;
  if (table.kind === "fixed") {
    const id = table.rows?.[i]?.id;
    return id ? ctx.data.hedges?.tables?.[table.id]?.[id] : undefined;
  }
  return undefined;
}

function num(v: DataValue | undefined): number | null {
  return typeof v === "number" ? v : null;
}
