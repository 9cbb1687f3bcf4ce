// Renders a workbook plan into the open workbook through Office.js: the same cells, formats,
// names, validations and protection as the ExcelJS writer, queued as whole-range writes.
import { rangeA1, type RangeAddress } from "../../core/layout/a1";
import type {
  PageSetup,
  PlanCell,
  PlanValidation,
  SheetPlan,
  WorkbookPlan,
} from "../../core/layout/plan";
import { STYLES, type CellStyle } from "../../core/layout/styles";
import { op, type Op } from "./batch";
import { rectangles } from "./rectangles";
import { FEATURES, type ApiSupport } from "./requirements";

// String values, never Excel.* enum objects: this module also loads where Office.js is absent.
const HORIZONTAL: Record<NonNullable<CellStyle["horizontal"]>, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment,
  center: "Center" as Excel.HorizontalAlignment,
  right: "Right" as Excel.HorizontalAlignment,
  justify: "Justify" as Excel.HorizontalAlignment,
};
const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, Excel.VerticalAlignment> = {
  top: "Top" as Excel.VerticalAlignment,
  middle: "Center" as Excel.VerticalAlignment,
  bottom: "Bottom" as Excel.VerticalAlignment,
};

/** Excel's column width unit is characters of the default font; Office.js takes points. */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 5.25 + 3.75) * 100) / 100;
}

function value(c: PlanCell): string | number | boolean {
  if (c.formula !== undefined) return `=${c.formula}`;
  const v = c.value ?? "";
  // A text that starts with "=" must stay text, not become a formula.
  return typeof v === "string" && v.startsWith("=") ? `'${v}` : v;
}

function grid<T>(rows: number, cols: number, fill: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
}

function styleKey(
  c: PlanCell,
  facet: (s: CellStyle) => string | null
): { row: number; col: number; key: string | null } {
  return { row: c.row, col: c.col, key: facet(STYLES[c.style]) };
}

const PAPER_TYPES: Record<PageSetup["paper"], Excel.PaperType> = {
  A4: "A4" as Excel.PaperType,
};

const DV_OPERATOR: Record<PlanValidation["operator"], Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator,
  greaterThanOrEqual: "GreaterThanOrEqualTo" as Excel.DataValidationOperator,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator,
  greaterThan: "GreaterThan" as Excel.DataValidationOperator,
  lessThan: "LessThan" as Excel.DataValidationOperator,
  equal: "EqualTo" as Excel.DataValidationOperator,
};

function serialToIso(serial: number): string {
  const ms = (serial - 25569) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function validationRule(v: PlanValidation): Excel.DataValidationRule {
  const basic = {
    formula1: v.formula1 as number,
    ...(v.formula2 !== undefined ? { formula2: v.formula2 } : {}),
    operator: DV_OPERATOR[v.operator],
  };
  switch (v.kind) {
    case "whole":
      return { wholeNumber: basic };
    case "decimal":
      return { decimal: basic };
    case "textLength":
      return { textLength: basic };
    case "date":
      return {
        date: {
          formula1: serialToIso(v.formula1 as number),
          ...(v.formula2 !== undefined ? { formula2: serialToIso(v.formula2) } : {}),
          operator: DV_OPERATOR[v.operator],
        },
      };
    case "list":
      return { list: { inCellDropDown: true, source: (v.formula1 as string[]).join(",") } };
  }
}

export interface SheetOpsOptions {
  supports: ApiSupport;
}

/** The writes for one sheet; the sheet itself must exist (added by an earlier op). */
export function sheetOps(
  sheet: SheetPlan,
  opts: SheetOpsOptions
): { writes: Op[]; protect: Op | null } {
  const ops: Op[] = [];
  const name = sheet.name;
  const rows = Math.max(1, ...sheet.cells.map((c) => c.row));
  const cols = Math.max(sheet.columns.length, ...sheet.cells.map((c) => c.col));
  const box = rangeA1({ top: 1, left: 1, bottom: rows, right: cols });

  // Number formats first, so text-formatted cells keep what is written into them as text.
  const formats = grid<string>(rows, cols, "General");
  const values = grid<string | number | boolean>(rows, cols, "");
  for (const c of sheet.cells) {
    if (c.numFmt) formats[c.row - 1][c.col - 1] = c.numFmt;
    values[c.row - 1][c.col - 1] = value(c);
  }
  ops.push(op(formats, (b) => (b.sheet(name).getRange(box).numberFormat = formats)));
  ops.push(op(values, (b) => (b.sheet(name).getRange(box).formulas = values)));

  // Whole-box defaults, then only what differs, one formatting facet at a time.
  const base = STYLES.label.font;
  ops.push(
    op(box, (b) => {
      const f = b.sheet(name).getRange(box).format;
      f.font.name = base.name;
      f.font.size = base.size;
      f.verticalAlignment = VERTICAL.middle;
    })
  );
  const addFacet = (
    facet: (s: CellStyle) => string | null,
    apply: (format: Excel.RangeFormat, key: string, rect: RangeAddress) => void
  ) => {
    for (const [key, rects] of rectangles(sheet.cells.map((c) => styleKey(c, facet)))) {
      for (const r of rects) {
        const address = rangeA1(r);
        ops.push(op([address, key], (b) => apply(b.sheet(name).getRange(address).format, key, r)));
      }
    }
  };
  addFacet(
    (s) =>
      s.font.size !== base.size || s.font.bold || s.font.italic || s.font.color
        ? JSON.stringify([s.font.size, !!s.font.bold, !!s.font.italic, s.font.color ?? "000000"])
        : null,
    (f, key) => {
      const [size, bold, italic, color] = JSON.parse(key) as [number, boolean, boolean, string];
      f.font.size = size;
      f.font.bold = bold;
      f.font.italic = italic;
      f.font.color = `#${color}`;
    }
  );
  addFacet(
    (s) => s.fill ?? null,
    (f, key) => (f.fill.color = `#${key}`)
  );
  addFacet(
    (s) => s.horizontal ?? null,
    (f, key) => (f.horizontalAlignment = HORIZONTAL[key as keyof typeof HORIZONTAL])
  );
  addFacet(
    (s) => (s.vertical && s.vertical !== "middle" ? s.vertical : null),
    (f, key) => (f.verticalAlignment = VERTICAL[key as keyof typeof VERTICAL])
  );
  addFacet(
    (s) => (s.wrap ? "wrap" : null),
    (f) => (f.wrapText = true)
  );
  if (opts.supports(FEATURES.pageLayout)) {
    addFacet(
      (s) => (s.indent ? String(s.indent) : null),
      (f, key) => (f.indentLevel = Number(key))
    );
  }
  addFacet(
    (s) => (s.border ? s.border.color : null),
    (f, key, r) => {
      const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (r.bottom > r.top) edges.push("InsideHorizontal");
      if (r.right > r.left) edges.push("InsideVertical");
      for (const edge of edges) {
        const border = f.borders.getItem(edge as Excel.BorderIndex);
        border.style = "Continuous" as Excel.BorderLineStyle;
        border.color = `#${key}`;
        border.weight = "Thin" as Excel.BorderWeight;
      }
    }
  );
  addFacet(
    (s) => (s.locked ? null : "unlocked"),
    (f) => (f.protection.locked = false)
  );

  sheet.columns.forEach((w, i) => {
    const col = rangeA1({ top: 1, left: i + 1, bottom: 1, right: i + 1 }).replace(/\d+/g, "");
    const points = columnWidthPoints(w);
    ops.push(
      op(
        [col, points],
        (b) => (b.sheet(name).getRange(`${col}:${col}`).format.columnWidth = points)
      )
    );
  });
  for (const [row, h] of Object.entries(sheet.rowHeights)) {
    ops.push(op([row, h], (b) => (b.sheet(name).getRange(`${row}:${row}`).format.rowHeight = h)));
  }
  for (const m of sheet.merges) {
    const address = rangeA1(m);
    ops.push(op(address, (b) => b.sheet(name).getRange(address).merge(false)));
  }
  if (opts.supports(FEATURES.dataValidation)) {
    for (const v of sheet.validations) {
      const address = rangeA1(v.range);
      const rule = validationRule(v);
      ops.push(
        op([address, rule, v.promptTitle, v.prompt, v.errorTitle, v.error], (b) => {
          const dv = b.sheet(name).getRange(address).dataValidation;
          dv.ignoreBlanks = true;
          dv.rule = rule;
          dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
          dv.errorAlert = {
            showAlert: true,
            style: "Stop" as Excel.DataValidationAlertStyle,
            title: v.errorTitle,
            message: v.error,
          };
        })
      );
    }
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0)) {
    const { rows: fr, columns: fc } = sheet.freeze;
    ops.push(
      op([fr, fc], (b) => {
        const panes = b.sheet(name).freezePanes;
        if (fc === 0) panes.freezeRows(fr);
        else if (fr === 0) panes.freezeColumns(fc);
        else
          panes.freezeAt(
            b.sheet(name).getRange(rangeA1({ top: 1, left: 1, bottom: fr, right: fc }))
          );
      })
    );
  }
  if (opts.supports(FEATURES.pageLayout)) {
    const print = sheet.print;
    const page = sheet.page;
    ops.push(
      op([print, page], (b) => {
        const layout = b.sheet(name).pageLayout;
        layout.orientation = (print.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
        layout.paperSize = PAPER_TYPES[page.paper];
        layout.zoom = { horizontalFitToPages: page.fitToPagesWide, verticalFitToPages: 0 };
        layout.centerHorizontally = page.centerHorizontally;
        layout.setPrintMargins("Inches" as Excel.PrintMarginUnit, { ...page.margins });
        const footer = layout.headersFooters.defaultForAllPages;
        footer.leftFooter = page.footer.left;
        footer.centerFooter = page.footer.center;
        footer.rightFooter = page.footer.right;
        if (print.titleRows)
          layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
      })
    );
  }
  if (sheet.hidden) {
    ops.push(op("hidden", (b) => (b.sheet(name).visibility = "Hidden" as Excel.SheetVisibility)));
  }
  const protection = sheet.protection;
  const protect = protection
    ? op(["protect", protection], (b) =>
        b.sheet(name).protection.protect({
          allowFormatColumns: protection.formatColumns,
          allowFormatRows: protection.formatRows,
          selectionMode: "Normal" as Excel.ProtectionSelectionMode,
        })
      )
    : null;
  return { writes: ops, protect };
}

/** Every write of a plan: sheets, cells, then names (which need the sheets), then protection. */
export function planOps(plan: WorkbookPlan, opts: SheetOpsOptions): Op[] {
  const ops: Op[] = [];
  for (const sheet of plan.sheets) {
    ops.push(
      op(sheet.name, (b) => b.remember(sheet.name, b.context.workbook.worksheets.add(sheet.name)))
    );
  }
  // Protection goes last so no later write meets a protected sheet.
  const protect: Op[] = [];
  for (const sheet of plan.sheets) {
    const { writes, protect: p } = sheetOps(sheet, opts);
    ops.push(...writes);
    if (p) protect.push(p);
  }
  for (const n of plan.names) {
    const address = rangeA1(n.range);
    ops.push(
      op([n.name, n.sheet, address], (b) =>
        b.context.workbook.names.add(n.name, b.sheet(n.sheet).getRange(address))
      )
    );
  }
  ops.push(...protect);
  return ops;
}
