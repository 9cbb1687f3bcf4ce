// The workbook's shape: inputs merged or moved by hand, total rows whose formulas were typed over
// or whose figure no longer adds up, and the template version the workbook was made from.
import type { Template } from "../model/load";
import type { WorkbookMeta } from "../data/read";
import type { ReportData } from "../data/types";
import { cellA1, rangeA1, type RangeAddress } from "../layout/a1";
import { definedName } from "../layout/names";
import { planWorkbook } from "../layout/planner";
import type { PlannedName, WorkbookPlan } from "../layout/plan";
import { formulaOf, type SheetSnapshot } from "../data/snapshot";
import { aggregate, pairedRatio } from "../rollup/aggregate";
import { tableRows } from "../rollup/totals";
import { formatNumber } from "../format";
import type { ValidationContext } from "./context";

const overlaps = (a: RangeAddress, b: RangeAddress) =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/** What the checks need of the template's plan: its names, and the formula of each total cell. */
interface ExpectedShape {
  names: PlannedName[];
  /** The planned formula of every total name's cell, by name (null: the cell has none). */
  totalFormulas: Map<string, string | null>;
}

// The plan depends on the template, the number of unit rows and the sheet names, never on the
// figures; building it is most of a check's cost. A consolidation screens hundreds of workbooks of
// one shape and the pane checks one workbook again and again, so the last shape per template is
// kept (one entry per template, and without the plan's cells, so memory stays bounded).
const lastShape = new WeakMap<Template, { key: string; shape: ExpectedShape }>();

function expectedShape(
  template: Template,
  unitRows: number,
  meta: WorkbookMeta | null
): ExpectedShape {
  const sheetNames = meta?.sheets ?? {};
  const key = `${unitRows}\u0000${JSON.stringify(sheetNames)}`;
  const hit = lastShape.get(template);
  if (hit && hit.key === key) return hit.shape;
  const shape = shapeOf(planWorkbook(template, emptyRows(template, unitRows), { sheetNames }));
  lastShape.set(template, { key, shape });
  return shape;
}

/** Report data with nothing filled in but `unitRows` unit rows: only the layout matters here. */
function emptyRows(template: Template, unitRows: number): ReportData {
  return {
    template: template.id,
    templateVersion: template.version,
    header: {},
    values: {},
    units: Array.from({ length: unitRows }, (_, i) => ({
      name: `#${i + 1}`,
      parent: null,
      values: {},
    })),
    tables: {},
    texts: {},
  };
}

/** The names and total formulas of a plan, reading each sheet's cells once. */
function shapeOf(plan: WorkbookPlan): ExpectedShape {
  // The first name of each spelling counts, as a lookup by name would find it.
  const seen = new Set<string>();
  const totals = plan.names.filter(
    (n) => n.target.kind === "total" && !seen.has(n.name) && !!seen.add(n.name)
  );
  const wanted = new Map<string, Map<number, string>>();
  for (const n of totals) {
    const bySheet = wanted.get(n.sheet) ?? new Map<number, string>();
    bySheet.set(n.range.top * 16384 + n.range.left, n.name);
    wanted.set(n.sheet, bySheet);
  }
  const totalFormulas = new Map<string, string | null>(totals.map((n) => [n.name, null]));
  for (const sheet of plan.sheets) {
    const bySheet = wanted.get(sheet.name);
    if (!bySheet) continue;
    for (const c of sheet.cells) {
      const name = bySheet.get(c.row * 16384 + c.col);
      if (name !== undefined && !totalFormulas.get(name))
        totalFormulas.set(name, c.formula ?? null);
    }
  }
  return { names: plan.names, totalFormulas };
}

/** Formula text compared loosely: Excel may respace or recase what it stores. */
export function sameFormula(a: string | null | undefined, b: string | null | undefined): boolean {
  const norm = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  return !!a && !!b && norm(a) === norm(b);
}

export function checkStructure(ctx: ValidationContext, meta: WorkbookMeta | null): void {
  const t = ctx.template;
  if (meta) {
    const [major, minor] = meta.templateVersion.split(".").map(Number);
    const [tMajor, tMinor] = t.version.split(".").map(Number);
    if (major !== tMajor) {
      ctx.add(
        "error",
        "template-version",
        null,
        null,
        meta.templateVersion,
        `Sổ tính dùng mẫu "${t.id}" phiên bản ${meta.templateVersion}, không tương thích với phiên bản ${t.version}. Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang.`
      );
    } else if (minor > tMinor) {
      ctx.add(
        "warning",
        "template-version",
        null,
        null,
        meta.templateVersion,
        `Sổ tính dùng mẫu "${t.id}" phiên bản ${meta.templateVersion}, mới hơn phiên bản ${t.version} của BáoCáo này; hãy cập nhật BáoCáo.`
      );
    }
  }

  const unitNames = ctx.names.resolve(definedName({ kind: "unitName" }));
  const unitRows = unitNames.ok ? unitNames.value.range.bottom - unitNames.value.range.top + 1 : 0;
  const shape = expectedShape(t, unitRows, meta);
  const expected = shape.names;
  const sheetsByName = new Map(ctx.snapshot.sheets.map((s) => [s.name, s]));

  for (const planned of expected) {
    const r = ctx.names.resolve(planned.name);
    if (!r.ok) continue; // the reader reported it
    const actual = r.value;
    const isInput = planned.target.kind !== "total";
    const moved =
      actual.sheet.name !== planned.sheet ||
      actual.range.top !== planned.range.top ||
      actual.range.left !== planned.range.left;
    if (moved && isInput) {
      ctx.add(
        "warning",
        "moved",
        {
          sheet: actual.sheet.name,
          cell: cellA1(actual.range.top, actual.range.left),
          row: actual.range.top,
          col: actual.range.left,
        },
        "indicator" in planned.target ? planned.target.indicator : null,
        null,
        `ô nhập này đã bị di chuyển (mẫu đặt ở ${planned.sheet}!${cellA1(planned.range.top, planned.range.left)}). BáoCáo vẫn đọc theo tên ô; nếu không cố ý, hãy hoàn tác (Ctrl+Z) hoặc tạo lại sổ từ mẫu.`
      );
    }
    const sheet = sheetsByName.get(actual.sheet.name);
    if (sheet && isInput)
      checkMerges(
        ctx,
        sheet,
        actual.range,
        planned,
        "indicator" in planned.target ? planned.target.indicator : null
      );
  }

  checkTotals(ctx, shape);
}

function checkMerges(
  ctx: ValidationContext,
  sheet: SheetSnapshot,
  input: RangeAddress,
  planned: PlannedName,
  indicator: string | null
): void {
  for (const m of sheet.merges ?? []) {
    if (!overlaps(m, input)) continue;
    // Text cells are merged across the row by the template itself: anchored at the input cell.
    const anchoredText =
      (planned.target.kind === "text" || planned.target.kind === "header") &&
      m.top === input.top &&
      m.left === input.left &&
      m.bottom === input.bottom;
    if (anchoredText) continue;
    ctx.add(
      "error",
      "merged",
      { sheet: sheet.name, cell: rangeA1(m), row: m.top, col: m.left },
      indicator,
      rangeA1(m),
      `các ô ${rangeA1(m)} đã bị gộp (Merge) đè lên ô nhập ${rangeA1(input)}: số liệu trong ô bị gộp sẽ mất. Chọn vùng đó và bỏ gộp ô (Unmerge), rồi kiểm tra lại số liệu.`
    );
  }
}

function checkTotals(ctx: ValidationContext, shape: ExpectedShape): void {
  const t = ctx.template;
  for (const table of t.tables) {
    if (!table.total || table.kind === "list") continue;
    const rows = tableRows(table, ctx.data);
    for (const col of table.columns) {
      const place = ctx.place({ kind: "total", table: table.id, indicator: col.id });
      if (!place) continue;
      const sheet = ctx.snapshot.sheets.find((s) => s.name === place.sheet);
      const raw = ctx.raw(place);
      const formula = sheet?.formulas ? formulaOf(sheet, place.row, place.col) : undefined;
      const expectsFormula = col.computed || col.aggregation !== "none";
      if (expectsFormula && formula === null && raw !== null) {
        ctx.add(
          "error",
          "formula-overwritten",
          place,
          col.id,
          typeof raw === "object" ? raw.error : raw,
          `công thức tổng của "${col.label}" đã bị ghi đè bằng giá trị gõ tay, nên tổng không còn tự cập nhật. Tạo lại sổ từ mẫu hoặc khôi phục công thức (Ctrl+Z).`
        );
        continue;
      }
      // The template's own formula, untouched: Excel recalculates it, and a cached figure that
      // disagrees only means the file was saved by a tool that does not recalculate.
      if (
        sameFormula(
          formula,
          shape.totalFormulas.get(
            definedName({ kind: "total", table: table.id, indicator: col.id })
          ) ?? null
        )
      )
        continue;
      if (typeof raw !== "number") continue;
      const expected =
        col.computed && col.ratioOf
          ? pairedRatio(
              rows.map((r) => ({
                part: num(r[col.ratioOf!.part]),
                whole: num(r[col.ratioOf!.whole]),
              }))
            )
          : aggregate(
              rows.map((r) => num(r[col.id])),
              col.aggregation
            );
      if (expected === null || Math.abs(expected - raw) <= 1e-6 * Math.max(1, Math.abs(expected)))
        continue;
      ctx.add(
        "error",
        "total-mismatch",
        place,
        col.id,
        raw,
        `dòng tổng của "${col.label}" ghi ${formatNumber(raw, { decimals: "auto" })} nhưng các dòng cộng lại được ${formatNumber(expected, { decimals: "auto" })}. Công thức tổng đã bị sửa: khôi phục công thức hoặc tạo lại sổ từ mẫu.`
      );
    }
  }
}

function num(v: unknown): number | null {
  return typeof v === "number" ? v : null;
}
