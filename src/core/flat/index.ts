// Flat data (issue 11, item 5): one row per figure, for pivot tables and Power Query. The same
// rows serve the CLI (baocao dump --format csv|xlsx) and the pane's download, from a unit's
// workbook, a consolidated one, or a consolidation of a folder of units' workbooks.
//   unit       who the figure is of: a unit row, the issuing body for its own figures, or
//              "Tổng cộng" for the totals of the units' rows;
//   parent     the unit's parent in the units list ("" at the top);
//   indicator  the indicator id; a fixed table's cell is "<table>.<row>.<column>", in a unit's
//              workbook and in a consolidated one alike, so files of both kinds pivot together;
//   measure    the unit of measure (đơn vị tính: "đoàn viên", "đồng", "%");
//   value      the number as stored (a rate is a fraction: 0.875 for 87,5%).
// Only numeric figures are rows; texts, dates, list tables and comparison values are not figures
// of the period ("cùng kỳ năm trước" would add into the same indicator's sums).
import type { Indicator, Template } from "../model/load";
import { isNumericType } from "../model/load";
import { ROW_KEY, type DataValue, type ReportData } from "../data/types";
import { allTotals } from "../rollup/totals";
import { consolidationMap, fixedCellKey, isConsolidatedTemplate } from "../consolidate/template";

export const FLAT_COLUMNS = [
  "unit",
  "parent",
  "period",
  "indicator",
  "label",
  "measure",
  "value",
] as const;

/** The unit name of the totals rows. */
export const TOTAL_UNIT = "Tổng cộng";

export interface FlatRow {
  unit: string;
  parent: string;
  period: string;
  indicator: string;
  label: string;
  measure: string;
  value: number;
}

interface Named {
  indicator: string;
  label: string;
  measure: string;
}

/** How each figure of the template is named in the flat rows; null: not a figure row. */
function namer(template: Template): (ind: Indicator) => Named | null {
  const map = isConsolidatedTemplate(template) ? consolidationMap(template) : null;
  return (ind) => {
    if (!isNumericType(ind.type)) return null;
    if (map?.baselineColumns.has(ind.id)) return null;
    const cell = map?.fixedCells.get(ind.id);
    if (cell) {
      const table = template.tableById.get(cell.table);
      const row = table?.rows?.find((r) => r.id === cell.row);
      const col = table?.columns.find((c) => c.id === cell.column);
      return {
        indicator: fixedCellKey(cell),
        label: fixedLabel(
          table?.title ?? cell.table,
          row?.label ?? cell.row,
          col?.label ?? cell.column
        ),
        measure: col?.unit ?? ind.unit,
      };
    }
    return { indicator: ind.id, label: ind.label, measure: ind.unit };
  };
}

function fixedLabel(table: string, row: string, column: string): string {
  return `${table}: ${row}, ${column}`;
}

const num = (v: DataValue | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** One row per numeric figure of the report, units first (in the units list's order), then totals. */
export function flatRows(template: Template, data: ReportData): FlatRow[] {
  const consolidated = isConsolidatedTemplate(template);
  const name = namer(template);
  const period = data.header.period ?? "";
  const rows: FlatRow[] = [];
  const push = (unit: string, parent: string, n: Named | null, v: DataValue | undefined) => {
    if (n && num(v)) rows.push({ unit, parent, period, ...n, value: v });
  };
  const perUnit = template.indicators.filter((i) => i.perUnit);
  for (const u of data.units) {
    for (const ind of perUnit) push(u.name, u.parent ?? "", name(ind), u.values[ind.id]);
  }
  // A unit's workbook states its own figures; a consolidated one states totals.
  const own = consolidated ? TOTAL_UNIT : (data.header.issuingBody ?? "");
  for (const ind of template.indicators) {
    if (!ind.table) push(own, "", name(ind), data.values[ind.id]);
  }
  // In a consolidated workbook the fixed tables hold the sums of the units' generated columns,
  // which are already rows (their totals below): listing the cells again would count them twice.
  if (!consolidated) {
    for (const table of template.tables) {
      if (table.kind !== "fixed") continue;
      for (const r of data.tables[table.id] ?? []) {
        const rowId = String(r[ROW_KEY] ?? "");
        const rowLabel = table.rows?.find((x) => x.id === rowId)?.label ?? rowId;
        for (const col of table.columns) {
          if (!isNumericType(col.type)) continue;
          push(
            own,
            "",
            {
              indicator: fixedCellKey({ table: table.id, row: rowId, column: col.id }),
              label: fixedLabel(table.title, rowLabel, col.label),
              measure: col.unit,
            },
            r[col.id]
          );
        }
      }
    }
  }
  if (data.units.length > 0) {
    const totals = allTotals(template, data);
    for (const ind of perUnit) push(TOTAL_UNIT, "", name(ind), totals.get(ind.id) ?? undefined);
  }
  return rows;
}

/**
 * A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break. A text that
 * Excel would take for a formula (a unit typed "=HYPERLINK(…)" or "+84…") gets a leading
 * apostrophe, as OWASP advises for CSV meant for spreadsheets; numbers are written as numbers.
 */
function csvField(v: string | number): string {
  const s = typeof v === "number" ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The rows as CSV: UTF-8 with a byte order mark (Excel reads the Vietnamese labels right only
 * with it), CRLF line ends (RFC 4180), numbers with a decimal point whatever the locale.
 */
export function flatCsv(rows: readonly FlatRow[]): string {
  const lines = [FLAT_COLUMNS.join(",")];
  for (const r of rows) lines.push(FLAT_COLUMNS.map((c) => csvField(r[c])).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
