// The "Cộng theo cấp" sheet: subtotals up the units hierarchy (a district over its grassroots
// unions, a province over its districts), planned only when some unit's parent is another listed
// unit. One row per unit that has units under it (itself + every unit below, DHIS2 semantics),
// then the grand total; one column per numeric per-unit column, grouped by table. The figures are
// values, not formulas: a level's rate is recomputed from its subtree's summed parts and wholes,
// which an Excel formula cannot do over a nested tree without helper columns. Nothing is read back
// from the sheet (no defined names): it is derived, and rebuilt whenever the workbook is planned.
import { isNumericType, type Indicator, type Table } from "../model/load";
import { buildHierarchy, rollupHierarchy, type SubtreeTotal } from "../rollup/hierarchy";
import { UNIT_TABLE_TITLE } from "../consolidate/template";
import { numberFormatOf, type PlanContext } from "./context";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { NUMBER_FORMATS } from "./styles";

export { SUBTOTALS_SHEET, hasHierarchy } from "./hierarchy-units";
export const SUBTOTALS_TITLE = "SỐ LIỆU CỘNG THEO CẤP ĐƠN VỊ";
export const SUBTOTALS_NOTE =
  "Số liệu tính khi tổng hợp/tạo sổ; sửa số liệu đơn vị thì tổng hợp lại để cập nhật.";
const TOTAL_LABEL = "Tổng cộng";
/** Spaces per level in the unit column: the sheet's styles have one fixed indent. */
const INDENT = "    ";

/** Per-unit columns a subtotal makes sense for: numbers that aggregate, and rates of them. */
export function subtotalColumns(table: Table): Indicator[] {
  if (table.kind !== "perUnit") return [];
  const inputs = new Set(
    table.columns
      .filter((c) => !c.computed && isNumericType(c.type) && c.aggregation !== "none")
      .map((c) => c.id)
  );
  return table.columns.filter((c) =>
    c.computed
      ? c.ratioOf !== null && inputs.has(c.ratioOf.part) && inputs.has(c.ratioOf.whole)
      : inputs.has(c.id)
  );
}

/** The sheet's figure columns in order (they start after STT, unit, level and count). */
export function subtotalColumnIds(t: { tables: readonly Table[] }): string[] {
  return t.tables.flatMap((table) => subtotalColumns(table).map((c) => c.id));
}

/** Columns before the first figure column: STT, unit, level, number of units below. */
export const SUBTOTALS_LEAD_COLUMNS = 4;

function width(col: Indicator): number {
  return col.type === "money" ? 16 : col.type === "percent" ? 11 : 13;
}

export function buildSubtotalsSheet(ctx: PlanContext): SheetBuilder {
  const t = ctx.template;
  const rootName = ctx.data.header.issuingBody?.trim() || undefined;
  const groups = t.tables
    .map((table) => ({
      table,
      // Every generated table of a consolidation says "Số liệu của các đơn vị — …"; here, all do.
      title: table.title.startsWith(UNIT_TABLE_TITLE)
        ? table.title.slice(UNIT_TABLE_TITLE.length)
        : table.title,
      columns: subtotalColumns(table),
    }))
    .filter((g) => g.columns.length > 0);
  const columns = groups.flatMap((g) => g.columns);
  const lead = [6, 40, 7, 13];
  const widths = [...lead, ...columns.map(width)];
  const b = new SheetBuilder(
    "subtotals",
    ctx.sheetName("subtotals"),
    "subtotals",
    widths,
    ctx.names
  );
  const last = widths.length;
  // Title, note and problem lines span at most the first 12 columns, so they stay on screen.
  const right = Math.max(lead.length, Math.min(last, 12));
  const span = widths.slice(0, right).reduce((a, w) => a + w, 0);

  b.set(1, 1, { value: SUBTOTALS_TITLE, style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right });
  const note =
    `Mỗi dòng là một đơn vị có đơn vị cấp dưới (theo cột “Đơn vị cấp trên” của trang ` +
    `“${ctx.sheetName("units")}”): số liệu của chính đơn vị đó cộng với mọi đơn vị cấp dưới; ` +
    `tỷ lệ tính lại từ tổng bộ phận và tổng toàn phần, không cộng tỷ lệ. Các số là giá trị, không ` +
    `phải công thức: tỷ lệ của từng cấp lồng nhau không viết được bằng công thức Excel nếu không ` +
    `thêm cột phụ. ${SUBTOTALS_NOTE} Trang này do BáoCáo ghi; không sửa.`;
  b.set(2, 1, { value: note, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right });
  b.height(2, estimateHeight(note, span, 2));

  // Headers: table row, group row (when a table groups its columns), label row.
  const grouped = columns.some((c) => c.group);
  const top = 4;
  const labelRow = grouped ? 6 : 5;
  ["STT", t.units?.label ?? "Đơn vị", "Cấp", "Số đơn vị cấp dưới"].forEach((text, i) => {
    b.set(top, i + 1, { value: text, style: "header" });
    b.merge({ top, left: i + 1, bottom: labelRow, right: i + 1 });
  });
  let c = lead.length + 1;
  for (const g of groups) {
    const first = c;
    b.set(top, first, { value: g.title, style: "header" });
    b.merge({ top, left: first, bottom: top, right: first + g.columns.length - 1 });
    g.columns.forEach((col, i) => {
      const at = first + i;
      const text = col.unit && col.type !== "percent" ? `${col.label}\n(${col.unit})` : col.label;
      if (grouped && col.group) {
        b.set(labelRow, at, { value: text, style: "header" });
        if (g.columns[i - 1]?.group !== col.group) {
          let end = i;
          while (g.columns[end + 1]?.group === col.group) end++;
          b.set(top + 1, at, { value: col.group, style: "header" });
          b.merge({ top: top + 1, left: at, bottom: top + 1, right: first + end });
        }
      } else {
        b.set(top + 1, at, { value: text, style: "header" });
        b.merge({ top: top + 1, left: at, bottom: labelRow, right: at });
      }
    });
    c += g.columns.length;
  }
  const longest = Math.max(0, ...columns.map((x) => x.label.length + (x.unit?.length ?? 0)));
  b.height(labelRow, Math.min(120, estimateHeight("x".repeat(longest), 12, 2)));
  const titles = Math.max(0, ...groups.map((g) => g.title.length));
  b.height(top, Math.min(60, estimateHeight("x".repeat(titles), 26, 2)));

  const rolled = rollupHierarchy(t, ctx.units, { rootName });
  let row = labelRow + 1;
  const put = (s: SubtreeTotal, isTotal: boolean, index: number) => {
    const style = isTotal ? "total" : "computed";
    b.set(row, 1, { value: isTotal ? null : index + 1, style: isTotal ? "total" : "rowNumber" });
    b.set(row, 2, {
      value: isTotal ? TOTAL_LABEL : `${INDENT.repeat(s.depth)}${s.unit}`,
      style: isTotal ? "totalLabel" : "label",
      numFmt: NUMBER_FORMATS.text,
    });
    b.set(row, 3, { value: isTotal ? null : s.depth + 1, style: isTotal ? "total" : "rowNumber" });
    b.set(row, 4, { value: s.descendants, style, numFmt: NUMBER_FORMATS.integer });
    columns.forEach((col, i) => {
      const v = s.values.get(col.id);
      b.set(row, lead.length + 1 + i, {
        value: typeof v === "number" ? v : null,
        style,
        numFmt: numberFormatOf(col),
      });
    });
    row++;
  };
  rolled.forEach((s, i) => put(s, i === rolled.length - 1, i));

  // Problems of the parent column, so the user sees why a unit sits at the top level.
  const problems = buildHierarchy(ctx.units, rootName).problems;
  if (problems.length > 0) {
    row++;
    for (const p of [
      `Lưu ý về danh sách đơn vị (${problems.length}):`,
      ...problems.map((x) => `- ${x.message}`),
    ]) {
      b.set(row, 1, { value: p, style: "note" });
      b.merge({ top: row, left: 1, bottom: row, right });
      b.height(row, estimateHeight(p, span, 1));
      row++;
    }
  }

  b.sheet.freeze = { rows: labelRow, columns: 2 };
  b.sheet.print = {
    landscape: widths.reduce((a, w) => a + w, 0) > 100,
    titleRows: { first: top, last: labelRow },
  };
  return b;
}
