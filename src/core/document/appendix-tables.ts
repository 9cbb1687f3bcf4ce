// Which tables the appendix (BIỂU TỔNG HỢP) draws, in document order. For a consolidated workbook
// the generated per-unit tables are the units' own figures behind the text's totals: they are
// titled by the section they come from ("Số liệu của các đơn vị: 2. Chăm lo đời sống ..."), and
// drawn without the comparison columns unless the settings ask for them.
import type { Indicator, Table } from "../model/load";
import { formatSectionNumber } from "../model/numbering";
import type { NarrativeContext } from "../narrative/context";
import { withHeadings } from "./wide-tables";

export interface AppendixTable {
  table: Table;
  title: string;
  columns: Indicator[];
}

/** "Số liệu của các đơn vị: 2. Chăm lo đời sống đoàn viên, CNVCLĐ" (several sections joined by "; "). */
function generatedTitle(ctx: NarrativeContext, table: Table): string {
  const map = ctx.view.consolidation;
  const original = ctx.template;
  const fixed = table.columns.map((c) => map?.fixedCells.get(c.id)).find(Boolean);
  if (fixed) {
    const t = original.tableById.get(fixed.table);
    return `Số liệu của các đơn vị: ${t?.title ?? table.title}`;
  }
  const sections: string[] = [];
  for (const c of table.columns) {
    const s = original.sectionById.get(original.indicatorById.get(c.id)?.section ?? "");
    if (!s) continue;
    const number = formatSectionNumber(s.number, s.level);
    const heading = s.heading.replace(/\s*\{[a-zA-Z]+\}/g, "").trim();
    const said = `${number ? `${number} ` : ""}${heading}`;
    if (!sections.includes(said)) sections.push(said);
  }
  return sections.length > 0 ? `Số liệu của các đơn vị: ${sections.join("; ")}` : table.title;
}

/**
 * A generated column of a fixed table's cell is grouped by the table's row ("Tổng LĐLĐ Việt
 * Nam"); the column's own group ("Bằng khen") goes into its label so "Tập thể" is not ambiguous.
 */
function withOwnGroup(ctx: NarrativeContext, col: Indicator): Indicator {
  const cell = ctx.view.consolidation?.fixedCells.get(col.id);
  const own = cell ? ctx.template.indicatorById.get(cell.column) : undefined;
  if (!own?.group) return col;
  // A column that is its group's only one is labelled as the group ("Cờ thi đua", never "Cờ thi
  // đua cờ thi đua").
  const label = own.label.toLocaleLowerCase("vi");
  if (own.group.toLocaleLowerCase("vi").includes(label)) return { ...col, label: own.group };
  return { ...col, label: `${own.group} ${label}` };
}

export function appendixTables(ctx: NarrativeContext): AppendixTable[] {
  const { settings, layout } = ctx;
  const map = ctx.view.consolidation;
  const out: AppendixTable[] = [];
  for (const table of layout.tables) {
    if (map?.generatedTables.has(table.id)) {
      if (!settings.appendixPerUnitTables) continue;
      const columns = settings.appendixBaselines
        ? table.columns
        : table.columns.filter((c) => !map.baselineColumns.has(c.id));
      out.push({
        table,
        title: generatedTitle(ctx, table),
        columns: withHeadings(columns.map((c) => withOwnGroup(ctx, c))),
      });
      continue;
    }
    const own = ctx.template.tableById.get(table.id);
    if (!own) continue;
    if (own.appendix || (own.kind === "perUnit" && settings.appendixPerUnitTables)) {
      out.push({ table: own, title: own.title, columns: own.columns });
    }
  }
  return out;
}

/** Whether a table of the template is drawn in the appendix rather than in the body. */
export function isAppendixTable(ctx: NarrativeContext, id: string): boolean {
  const t = ctx.template.tableById.get(id);
  return Boolean(t && (t.appendix || (t.kind === "perUnit" && ctx.settings.appendixPerUnitTables)));
}
