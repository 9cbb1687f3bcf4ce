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
export interface ExpectedShape {
  names: PlannedName[];
  /** The planned formula of every total name's cell, by name (null: the cell has none). */
  totalFormulas: Map<string, string | null>;
  /** False when worked out from small plans (see `extrapolated`): trusted only if the workbook agrees. */
  exact: boolean;
}

// The plan depends on the template, the number of unit rows and the sheet names, never on the
// figures; building it is most of a check's cost. A consolidation screens hundreds of workbooks of
// one shape and the pane checks one workbook again and again, so the last shape per template is
// kept (one entry per template, and without the plan's cells, so memory stays bounded).
const lastShape = new WeakMap<Template, { key: string; shape: ExpectedShape }>();

function expectedShape(
  template: Template,
  unitRows: number,
  meta: WorkbookMeta | null,
  exact: boolean
): ExpectedShape {
  const sheetNames = meta?.sheets ?? {};
  const key = `${unitRows}\u0000${JSON.stringify(sheetNames)}`;
  const hit = lastShape.get(template);
  if (hit && hit.key === key && (hit.shape.exact || !exact)) return hit.shape;
  const shape =
    (!exact && extrapolated(template, unitRows, sheetNames)) ||
    exactShape(template, unitRows, sheetNames);
  lastShape.set(template, { key, shape });
  return shape;
}

/** The shape of the template's plan for `unitRows` unit rows: the whole plan, cells and all. */
export function exactShape(
  template: Template,
  unitRows: number,
  sheetNames: Record<string, string>
): ExpectedShape {
  return shapeOf(planWorkbook(template, emptyRows(template, unitRows), { sheetNames }), true);
}

// The unit rows of the small plans a large shape is worked out from.
const SMALL = [2, 3, 4] as const;

/**
 * The first check of a workbook of 1,000 units would plan 240,000 cells to learn 431 names and
 * their total formulas. Unit rows move names and formulas by the same number of rows per unit
 * (a per-unit column runs from its header to its total row; "SUM(C6:C9)" for 4 units is
 * "SUM(C6:C1080)" for 1,075), so three small plans give every row number as a + b × units, and
 * the large shape is drawn from them. Null when the three plans are not in step like that
 * (different names, formulas that differ otherwise than in their numbers, uneven steps): the
 * exact plan is then built. What is drawn is only trusted when the workbook agrees with it (see
 * `agreesWithShape`): a workbook laid out otherwise is judged against the exact plan.
 */
export function extrapolated(
  template: Template,
  unitRows: number,
  sheetNames: Record<string, string>
): ExpectedShape | null {
  if (unitRows <= SMALL[SMALL.length - 1]) return null;
  const [a, b, c] = SMALL.map((n) => exactShape(template, n, sheetNames));
  const steps = unitRows - SMALL[0];
  // x at SMALL[0], SMALL[1], SMALL[2] → x at unitRows, if it moves evenly.
  const draw = (x: number, y: number, z: number): number | null =>
    y - x === z - y ? x + (y - x) * steps : null;
  if (a.names.length !== b.names.length || a.names.length !== c.names.length) return null;
  const names: PlannedName[] = [];
  for (let i = 0; i < a.names.length; i++) {
    const [p, q, r] = [a.names[i], b.names[i], c.names[i]];
    if (p.name !== q.name || p.name !== r.name || p.sheet !== q.sheet || p.sheet !== r.sheet)
      return null;
    const range = {
      top: draw(p.range.top, q.range.top, r.range.top),
      left: draw(p.range.left, q.range.left, r.range.left),
      bottom: draw(p.range.bottom, q.range.bottom, r.range.bottom),
      right: draw(p.range.right, q.range.right, r.range.right),
    };
    if (range.top === null || range.left === null || range.bottom === null || range.right === null)
      return null;
    names.push({
      name: p.name,
      target: p.target,
      sheet: p.sheet,
      range: { top: range.top, left: range.left, bottom: range.bottom, right: range.right },
    });
  }
  const totalFormulas = new Map<string, string | null>();
  if (
    a.totalFormulas.size !== b.totalFormulas.size ||
    a.totalFormulas.size !== c.totalFormulas.size
  )
    return null;
  for (const [name, fa] of a.totalFormulas) {
    const fb = b.totalFormulas.get(name);
    const fc = c.totalFormulas.get(name);
    if (fa === null || fb === null || fc === null) {
      if (fa !== null || fb !== null || fc !== null) return null;
      totalFormulas.set(name, null);
      continue;
    }
    if (fb === undefined || fc === undefined) return null;
    const f = drawFormula(fa, fb, fc, draw);
    if (f === null) return null;
    totalFormulas.set(name, f);
  }
  return { names, totalFormulas, exact: false };
}

/** "SUM(C6:C7)", "SUM(C6:C8)", "SUM(C6:C9)" → "SUM(C6:C1080)": the same text, numbers drawn. */
function drawFormula(
  a: string,
  b: string,
  c: string,
  draw: (x: number, y: number, z: number) => number | null
): string | null {
  const [pa, pb, pc] = [a, b, c].map((f) => f.split(/(\d+)/));
  if (pa.length !== pb.length || pa.length !== pc.length) return null;
  const out: string[] = [];
  for (let i = 0; i < pa.length; i++) {
    if (i % 2 === 0) {
      if (pa[i] !== pb[i] || pa[i] !== pc[i]) return null;
      out.push(pa[i]);
      continue;
    }
    // Digits with a leading zero are not a row number; nor is anything that would go negative.
    if ([pa[i], pb[i], pc[i]].some((d) => d.length > 1 && d.startsWith("0"))) return null;
    const n = draw(Number(pa[i]), Number(pb[i]), Number(pc[i]));
    if (n === null || n < 0 || !Number.isSafeInteger(n)) return null;
    out.push(String(n));
  }
  return out.join("");
}

/**
 * Whether the workbook agrees with a drawn shape wherever the checks read the shape: each input
 * name that resolves is where the shape puts it, and each total cell with a formula holds the
 * shape's (a total cell without one is judged the same way whatever the plan says). Then the
 * exact plan, which the workbook was made from, says the same there. Anything else (an input
 * moved, a total formula edited) is judged against the exact plan.
 */
export function agreesWithShape(ctx: ValidationContext, shape: ExpectedShape): boolean {
  for (const planned of shape.names) {
    const r = ctx.names.resolve(planned.name);
    if (!r.ok) continue;
    const actual = r.value;
    if (planned.target.kind !== "total") {
      if (
        actual.sheet.name !== planned.sheet ||
        actual.range.top !== planned.range.top ||
        actual.range.left !== planned.range.left
      )
        return false;
      continue;
    }
    const formula = actual.sheet.formulas
      ? formulaOf(actual.sheet, actual.range.top, actual.range.left)
      : null;
    if (formula && !sameFormula(formula, shape.totalFormulas.get(planned.name) ?? null))
      return false;
  }
  return true;
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
function shapeOf(plan: WorkbookPlan, exact: boolean): ExpectedShape {
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
  return { names: plan.names, totalFormulas, exact };
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
  let shape = expectedShape(t, unitRows, meta, false);
  if (!shape.exact && !agreesWithShape(ctx, shape)) shape = expectedShape(t, unitRows, meta, true);
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
