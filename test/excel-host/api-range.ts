/**
 * Excel.Range and the format objects hanging off it (RangeFormat, RangeFont, RangeFill,
 * RangeBorderCollection/RangeBorder, FormatProtection), plus the minimal RangeAreas returned by
 * getMergedAreasOrNullObject.
 */
import {
  Area,
  MAX_COLS,
  MAX_ROWS,
  boundingBox,
  cellCount,
  columnCount,
  contains,
  intersect,
  isFullColumns,
  isFullRows,
  qualify,
  rowCount,
} from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  NavSpec,
  PropSpec,
  TypeSpec,
  defineType,
  sameTarget,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import {
  BORDER_STYLES,
  BORDER_WEIGHTS,
  BorderState,
  CellFormat,
  CellSide,
  DEFAULT_FORMAT,
  FontState,
  FormatPatch,
  HORIZONTAL_ALIGNMENTS,
  NO_BORDER,
  UNDERLINE_STYLES,
  VERTICAL_ALIGNMENTS,
  memoize,
  normalizeColor,
  withBorder,
  withFields,
  withFont,
} from "./format";
import type { SheetState } from "./state";
import {
  DIMENSION_MISMATCH,
  RangeTarget,
  area,
  assertColumnsEditable,
  assertContentEditable,
  assertFormatEditable,
  assertRowsEditable,
  assertUnprotected,
  checkRange,
  rangeAddress,
  requireBoolean,
  requireEnum,
  requireNumber,
  resolveRangeArg,
} from "./targets";
import { formatValue, parseInput, valueType } from "./values";
import { conditionalFormatCollectionSpec, makeConditionalFormats } from "./api-conditional";
import { dataValidationSpec, makeDataValidation } from "./api-validation";
import { makeWorksheet, worksheetSpec } from "./api-worksheet";

const MAX_CELL_TEXT = 32767;

function grid<V>(t: RangeTarget, f: (r: number, c: number) => V): V[][] {
  const { r0, c0, r1, c1 } = t.area;
  const out: V[][] = new Array(r1 - r0 + 1);
  for (let r = r0; r <= r1; r++) {
    const row: V[] = new Array(c1 - c0 + 1);
    for (let c = c0; c <= c1; c++) row[c - c0] = f(r, c);
    out[r - r0] = row;
  }
  return out;
}

/** A 2-D array must match the range exactly; a single value applies to every cell. */
function inputAccessor(
  t: RangeTarget,
  value: unknown,
  location: string
): (i: number, j: number) => unknown {
  const rows = rowCount(t.area);
  const cols = columnCount(t.area);
  if (Array.isArray(value)) {
    if (value.length !== rows) throw invalidArgument(location, DIMENSION_MISMATCH);
    for (const row of value) {
      if (!Array.isArray(row) || row.length !== cols)
        throw invalidArgument(location, DIMENSION_MISMATCH);
    }
    const m = value as unknown[][];
    return (i, j) => m[i][j];
  }
  if (value === null || value === undefined || typeof value === "object") {
    throw invalidArgument(location);
  }
  return () => value;
}

function forEachInput(
  t: RangeTarget,
  get: (i: number, j: number) => unknown,
  fn: (r: number, c: number, v: unknown) => void
): void {
  const { r0, c0, r1, c1 } = t.area;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) fn(r, c, get(r - r0, c - c0));
  }
}

function checkCellInput(v: unknown, location: string): void {
  if (v === null || v === undefined || typeof v === "boolean") return;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw invalidArgument(location);
    return;
  }
  if (typeof v === "string") {
    if (v.length > MAX_CELL_TEXT) throw invalidArgument(location);
    return;
  }
  throw invalidArgument(location);
}

/** Range.values / Range.formulas writes. null entries leave the cell unchanged, as in Excel. */
function writeContent(t: RangeTarget, value: unknown, location: string): void {
  const get = inputAccessor(t, value, location);
  forEachInput(t, get, (_r, _c, v) => checkCellInput(v, location));
  assertContentEditable(t, location);
  const sheet = t.sheet;
  const implied = new Map<string, FormatPatch>();
  forEachInput(t, get, (r, c, raw) => {
    if (raw === null || raw === undefined) return;
    const fmt = sheet.effectiveFormat(r, c);
    const parsed = parseInput(raw as string | number | boolean, fmt.numberFormat);
    sheet.setContent(r, c, parsed.v, parsed.f);
    if (parsed.impliedFormat && fmt.numberFormat === "General") {
      let p = implied.get(parsed.impliedFormat);
      if (!p) {
        p = memoize(withFields({ numberFormat: parsed.impliedFormat }));
        implied.set(parsed.impliedFormat, p);
      }
      sheet.setCellFormat(r, c, p(fmt));
    }
  });
}

function writeNumberFormat(t: RangeTarget, value: unknown, location: string): void {
  const get = inputAccessor(t, value, location);
  if (!Array.isArray(value)) {
    if (typeof value !== "string") throw invalidArgument(location);
    assertFormatEditable(t, location);
    t.sheet.patchFormat(t.area, withFields({ numberFormat: value }));
    return;
  }
  forEachInput(t, get, (_r, _c, v) => {
    if (v !== null && v !== undefined && typeof v !== "string") throw invalidArgument(location);
  });
  assertFormatEditable(t, location);
  const patches = new Map<string, FormatPatch>();
  forEachInput(t, get, (r, c, v) => {
    if (typeof v !== "string") return;
    let p = patches.get(v);
    if (!p) {
      p = memoize(withFields({ numberFormat: v }));
      patches.set(v, p);
    }
    t.sheet.setCellFormat(r, c, p(t.sheet.effectiveFormat(r, c)));
  });
}

/** The value when every cell agrees, otherwise null (Excel's convention for mixed formats). */
export function uniform<V>(t: RangeTarget, pick: (f: CellFormat) => V): V | null {
  let first = true;
  let out: V | null = null;
  for (const f of t.sheet.distinctFormats(t.area)) {
    const v = pick(f);
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) return null;
  }
  return out;
}

function uniformOf<V>(values: Iterable<V>): V | null {
  let first = true;
  let out: V | null = null;
  for (const v of values) {
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) return null;
  }
  return out;
}

function rowHeights(sheet: SheetState, a: Area): Iterable<number> {
  if (rowCount(a) <= 100_000) {
    const out: number[] = [];
    for (let r = a.r0; r <= a.r1; r++) out.push(sheet.rowHeight(r));
    return out;
  }
  const out = new Set<number>();
  let explicit = 0;
  for (const [r, h] of sheet.rowHeights) {
    if (r >= a.r0 && r <= a.r1) {
      out.add(h);
      explicit++;
    }
  }
  if (explicit < rowCount(a)) out.add(sheet.standardHeight);
  return out;
}

function hiddenState(set: Set<number>, from: number, to: number): boolean | null {
  let hidden = 0;
  const total = to - from + 1;
  if (set.size < total) {
    for (const i of set) if (i >= from && i <= to) hidden++;
  } else {
    for (let i = from; i <= to; i++) if (set.has(i)) hidden++;
  }
  return hidden === 0 ? false : hidden === total ? true : null;
}

function setHidden(set: Set<number>, from: number, to: number, hidden: boolean): void {
  for (let i = from; i <= to; i++) {
    if (hidden) set.add(i);
    else set.delete(i);
  }
}

function mergeArea(sheet: SheetState, a: Area): void {
  // Excel widens the area to swallow merged areas it overlaps, then keeps the top-left value.
  let target = a;
  let changed = true;
  while (changed) {
    changed = false;
    for (const m of sheet.merges) {
      if (intersect(m, target) && !contains(target, m)) {
        target = boundingBox(target, m);
        changed = true;
      }
    }
  }
  sheet.merges = sheet.merges.filter((m) => !intersect(m, target));
  if (cellCount(target) <= 1) return;
  sheet.merges.push(target);
  sheet.forEachStoredCell(target, (r, c) => {
    if (r !== target.r0 || c !== target.c0) sheet.setContent(r, c, "", null);
  });
}

const CLEAR_APPLY_TO = [
  "All",
  "Formats",
  "Contents",
  "Hyperlinks",
  "RemoveHyperlinks",
  "ResetContents",
];

function clearRange(t: RangeTarget, applyTo: string, location: string): void {
  const mode = requireEnum(applyTo, CLEAR_APPLY_TO, location);
  const contents = mode === "All" || mode === "Contents" || mode === "ResetContents";
  const formats = mode === "All" || mode === "Formats";
  if (contents) assertContentEditable(t, location);
  if (formats) assertFormatEditable(t, location);
  if (contents) {
    t.sheet.forEachStoredCell(t.area, (r, c) => t.sheet.setContent(r, c, "", null));
  }
  if (formats) {
    t.sheet.patchFormat(t.area, () => DEFAULT_FORMAT);
    t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.area));
  }
}

/** Width Excel's AutoFit would pick, approximated from the displayed text length. */
function autofitColumns(t: RangeTarget): void {
  const widest = new Map<number, number>();
  t.sheet.forEachStoredCell(t.area, (r, c, cell) => {
    const f = t.sheet.effectiveFormat(r, c);
    const text = formatValue(cell.v, f.numberFormat);
    const longest = Math.max(...text.split("\n").map((l) => l.length));
    const width = longest * 5.25 * (f.font.size / 11) + 5.25;
    if (text.length > 0) widest.set(c, Math.max(widest.get(c) ?? 0, width));
  });
  for (const [c, w] of widest) t.sheet.colWidths.set(c, Math.round(w * 4) / 4);
}

function autofitRows(t: RangeTarget): void {
  const tallest = new Map<number, number>();
  t.sheet.forEachStoredCell(t.area, (r, c, cell) => {
    const f = t.sheet.effectiveFormat(r, c);
    const text = formatValue(cell.v, f.numberFormat);
    const lines = f.wrapText ? text.split("\n").length : 1;
    const h = 15 * (f.font.size / 11) * lines;
    if (text.length > 0) tallest.set(r, Math.max(tallest.get(r) ?? 0, h));
  });
  for (const [r, h] of tallest) t.sheet.rowHeights.set(r, Math.min(409, Math.round(h * 4) / 4));
}

type RangeResolver = (t: RangeTarget, x: ExecContext, location: string) => RangeTarget | null;

export class Range extends ClientObjectImpl<RangeTarget> {
  private _derive(name: string, since: string, compute: RangeResolver): Range {
    const location = `Range.${name}`;
    return this._object(
      name,
      since,
      () =>
        new Range(this.context, (x) => {
          const t = this._resolve(x);
          return t === null ? null : compute(t, x, location);
        })
    );
  }

  getCell(row: number, column: number): Range {
    return this._derive("getCell", "1.1", (t, _x, loc) => {
      const r = t.area.r0 + row;
      const c = t.area.c0 + column;
      return { sheet: t.sheet, area: area(r, c, r, c, loc) };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive("getOffsetRange", "1.1", (t, _x, loc) => {
      const a = t.area;
      return {
        sheet: t.sheet,
        area: area(
          a.r0 + rowOffset,
          a.c0 + columnOffset,
          a.r1 + rowOffset,
          a.c1 + columnOffset,
          loc
        ),
      };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive("getResizedRange", "1.2", (t, _x, loc) => {
      const a = t.area;
      return { sheet: t.sheet, area: area(a.r0, a.c0, a.r1 + deltaRows, a.c1 + deltaColumns, loc) };
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this._derive("getAbsoluteResizedRange", "1.7", (t, _x, loc) => {
      const a = t.area;
      return {
        sheet: t.sheet,
        area: area(a.r0, a.c0, a.r0 + numRows - 1, a.c0 + numColumns - 1, loc),
      };
    });
  }

  getEntireColumn(): Range {
    return this._derive("getEntireColumn", "1.1", (t) => ({
      sheet: t.sheet,
      area: { r0: 0, r1: MAX_ROWS - 1, c0: t.area.c0, c1: t.area.c1 },
    }));
  }

  getEntireRow(): Range {
    return this._derive("getEntireRow", "1.1", (t) => ({
      sheet: t.sheet,
      area: { r0: t.area.r0, r1: t.area.r1, c0: 0, c1: MAX_COLS - 1 },
    }));
  }

  getLastCell(): Range {
    return this._derive("getLastCell", "1.1", (t) => ({
      sheet: t.sheet,
      area: { r0: t.area.r1, r1: t.area.r1, c0: t.area.c1, c1: t.area.c1 },
    }));
  }

  getLastRow(): Range {
    return this._derive("getLastRow", "1.1", (t) => ({
      sheet: t.sheet,
      area: { ...t.area, r0: t.area.r1 },
    }));
  }

  getLastColumn(): Range {
    return this._derive("getLastColumn", "1.1", (t) => ({
      sheet: t.sheet,
      area: { ...t.area, c0: t.area.c1 },
    }));
  }

  getRow(row: number): Range {
    return this._derive("getRow", "1.1", (t, _x, loc) => {
      const r = t.area.r0 + row;
      if (row < 0 || r > t.area.r1) throw invalidArgument(loc);
      return { sheet: t.sheet, area: { ...t.area, r0: r, r1: r } };
    });
  }

  getColumn(column: number): Range {
    return this._derive("getColumn", "1.1", (t, _x, loc) => {
      const c = t.area.c0 + column;
      if (column < 0 || c > t.area.c1) throw invalidArgument(loc);
      return { sheet: t.sheet, area: { ...t.area, c0: c, c1: c } };
    });
  }

  getRowsAbove(count = 1): Range {
    return this._derive("getRowsAbove", "1.2", (t, _x, loc) => ({
      sheet: t.sheet,
      area: area(t.area.r0 - count, t.area.c0, t.area.r0 - 1, t.area.c1, loc),
    }));
  }

  getRowsBelow(count = 1): Range {
    return this._derive("getRowsBelow", "1.2", (t, _x, loc) => ({
      sheet: t.sheet,
      area: area(t.area.r1 + 1, t.area.c0, t.area.r1 + count, t.area.c1, loc),
    }));
  }

  getColumnsBefore(count = 1): Range {
    return this._derive("getColumnsBefore", "1.2", (t, _x, loc) => ({
      sheet: t.sheet,
      area: area(t.area.r0, t.area.c0 - count, t.area.r1, t.area.c0 - 1, loc),
    }));
  }

  getColumnsAfter(count = 1): Range {
    return this._derive("getColumnsAfter", "1.2", (t, _x, loc) => ({
      sheet: t.sheet,
      area: area(t.area.r0, t.area.c1 + 1, t.area.r1, t.area.c1 + count, loc),
    }));
  }

  private _intersection(name: string, since: string, other: unknown, orNull: boolean): Range {
    this._checkContext([other]);
    return this._derive(name, since, (t, x, loc) => {
      const o = resolveRangeArg(x, other, loc, t.sheet);
      const hit = o.sheet === t.sheet ? intersect(t.area, o.area) : null;
      if (hit) return { sheet: t.sheet, area: hit };
      if (orNull) return null;
      throw invalidArgument(loc);
    });
  }

  getIntersection(anotherRange: unknown): Range {
    return this._intersection("getIntersection", "1.1", anotherRange, false);
  }

  getIntersectionOrNullObject(anotherRange: unknown): Range {
    return this._intersection("getIntersectionOrNullObject", "1.4", anotherRange, true);
  }

  getBoundingRect(anotherRange: unknown): Range {
    this._checkContext([anotherRange]);
    return this._derive("getBoundingRect", "1.1", (t, x, loc) => {
      const o = resolveRangeArg(x, anotherRange, loc, t.sheet);
      if (o.sheet !== t.sheet) throw invalidArgument(loc);
      return { sheet: t.sheet, area: boundingBox(t.area, o.area) };
    });
  }

  private _used(name: string, since: string, valuesOnly: boolean, orNull: boolean): Range {
    return this._derive(name, since, (t) => {
      const used = t.sheet.usedArea(valuesOnly);
      const hit = used ? intersect(used, t.area) : null;
      if (hit) return { sheet: t.sheet, area: hit };
      if (orNull) return null;
      throw hostError(ErrorCodes.itemNotFound, `Range.${name}`);
    });
  }

  getUsedRange(valuesOnly = false): Range {
    return this._used("getUsedRange", "1.2", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._used("getUsedRangeOrNullObject", "1.4", valuesOnly, true);
  }

  getMergedAreasOrNullObject(): RangeAreas {
    return this._object(
      "getMergedAreasOrNullObject",
      "1.13",
      () =>
        new RangeAreas(this.context, (x) => {
          const t = this._resolve(x);
          if (t === null) return null;
          const areas = t.sheet.mergedAreasIn(t.area);
          return areas.length === 0 ? null : { sheet: t.sheet, areas };
        })
    );
  }

  merge(across = false): void {
    this._action("merge", "1.2", [across], (t) => {
      assertUnprotected(t.sheet, "Range.merge");
      if (across) {
        for (let r = t.area.r0; r <= t.area.r1; r++)
          mergeArea(t.sheet, { ...t.area, r0: r, r1: r });
      } else {
        mergeArea(t.sheet, t.area);
      }
    });
  }

  unmerge(): void {
    this._action("unmerge", "1.2", [], (t) => {
      assertUnprotected(t.sheet, "Range.unmerge");
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.area));
    });
  }

  clear(applyTo: string = "All"): void {
    this._action("clear", "1.1", [applyTo], (t) => clearRange(t, applyTo, "Range.clear"));
  }

  select(): void {
    this._action("select", "1.1", [], (t, x) => {
      if (t.sheet.visibility !== "Visible")
        throw hostError(ErrorCodes.invalidSelection, "Range.select");
      x.wb.activeSheet = t.sheet;
      t.sheet.selection = { ...t.area };
    });
  }

  calculate(): void {
    this._action("calculate", "1.6", [], () => undefined);
  }

  insert(_shift: string): Range {
    throw hostError(
      ErrorCodes.notImplemented,
      "Range.insert",
      "ExcelHost does not implement Range.insert."
    );
  }

  delete(_shift: string): void {
    throw hostError(
      ErrorCodes.notImplemented,
      "Range.delete",
      "ExcelHost does not implement Range.delete."
    );
  }
}

const cellsOf = (t: RangeTarget) => cellCount(t.area);

const rangeProps: Record<string, PropSpec<RangeTarget>> = {
  address: { since: "1.1", get: rangeAddress },
  addressLocal: { since: "1.1", get: rangeAddress },
  cellCount: { since: "1.1", get: (t) => cellCount(t.area) },
  rowCount: { since: "1.1", get: (t) => rowCount(t.area) },
  columnCount: { since: "1.1", get: (t) => columnCount(t.area) },
  rowIndex: { since: "1.1", get: (t) => t.area.r0 },
  columnIndex: { since: "1.1", get: (t) => t.area.c0 },
  isEntireColumn: { since: "1.7", get: (t) => isFullColumns(t.area) },
  isEntireRow: { since: "1.7", get: (t) => isFullRows(t.area) },
  values: {
    since: "1.1",
    cells: cellsOf,
    get: (t) => grid(t, (r, c) => t.sheet.value(r, c)),
    set: (t, v, _x, loc) => writeContent(t, v, loc),
  },
  formulas: {
    since: "1.1",
    cells: cellsOf,
    get: (t) =>
      grid(t, (r, c) => {
        const cell = t.sheet.cellAt(r, c);
        return cell ? (cell.f ?? cell.v) : "";
      }),
    set: (t, v, _x, loc) => writeContent(t, v, loc),
  },
  formulasLocal: {
    since: "1.1",
    cells: cellsOf,
    get: (t) =>
      grid(t, (r, c) => {
        const cell = t.sheet.cellAt(r, c);
        return cell ? (cell.f ?? cell.v) : "";
      }),
    set: (t, v, _x, loc) => writeContent(t, v, loc),
  },
  numberFormat: {
    since: "1.1",
    cells: cellsOf,
    get: (t) => grid(t, (r, c) => t.sheet.effectiveFormat(r, c).numberFormat),
    set: (t, v, _x, loc) => writeNumberFormat(t, v, loc),
  },
  numberFormatLocal: {
    since: "1.7",
    cells: cellsOf,
    get: (t) => grid(t, (r, c) => t.sheet.effectiveFormat(r, c).numberFormat),
    set: (t, v, _x, loc) => writeNumberFormat(t, v, loc),
  },
  text: {
    since: "1.1",
    cells: cellsOf,
    get: (t) =>
      grid(t, (r, c) =>
        formatValue(t.sheet.value(r, c), t.sheet.effectiveFormat(r, c).numberFormat)
      ),
  },
  valueTypes: {
    since: "1.1",
    cells: cellsOf,
    get: (t) => grid(t, (r, c) => valueType(t.sheet.value(r, c))),
  },
  hidden: {
    since: "1.2",
    get: (t) =>
      hiddenState(t.sheet.hiddenRows, t.area.r0, t.area.r1) === true ||
      hiddenState(t.sheet.hiddenCols, t.area.c0, t.area.c1) === true,
  },
  rowHidden: {
    since: "1.2",
    get: (t) => hiddenState(t.sheet.hiddenRows, t.area.r0, t.area.r1),
    set: (t, v, _x, loc) => {
      const hidden = requireBoolean(v, loc);
      assertRowsEditable(t, loc);
      setHidden(t.sheet.hiddenRows, t.area.r0, t.area.r1, hidden);
    },
  },
  columnHidden: {
    since: "1.2",
    get: (t) => hiddenState(t.sheet.hiddenCols, t.area.c0, t.area.c1),
    set: (t, v, _x, loc) => {
      const hidden = requireBoolean(v, loc);
      assertColumnsEditable(t, loc);
      setHidden(t.sheet.hiddenCols, t.area.c0, t.area.c1, hidden);
    },
  },
  style: {
    since: "1.7",
    get: (t) => uniform(t, (f) => f.style),
    set: (t, v, _x, loc) => {
      if (typeof v !== "string" || v.length === 0) throw invalidArgument(loc);
      assertFormatEditable(t, loc);
      t.sheet.patchFormat(t.area, withFields({ style: v }));
    },
  },
};

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

export const rangeSpec: TypeSpec<RangeTarget> = {
  name: "Range",
  props: rangeProps,
  nav: {
    format: nav(
      "1.1",
      () => rangeFormatSpec as TypeSpec<unknown>,
      (p) => new RangeFormat(p.context, sameTarget(p))
    ),
    dataValidation: nav(
      "1.8",
      () => dataValidationSpec as TypeSpec<unknown>,
      (p) => makeDataValidation(p)
    ),
    conditionalFormats: nav(
      "1.6",
      () => conditionalFormatCollectionSpec as TypeSpec<unknown>,
      (p) => makeConditionalFormats(p)
    ),
    worksheet: nav(
      "1.1",
      () => worksheetSpec as TypeSpec<unknown>,
      (p) =>
        makeWorksheet(p.context, (x) => {
          const t = p._resolve(x) as RangeTarget | null;
          return t ? t.sheet : null;
        })
    ),
  },
  check: checkRange,
};
defineType(Range, rangeSpec);

function formatProp<V>(
  since: string,
  pick: (f: CellFormat) => V,
  toPatch: (v: unknown, loc: string) => FormatPatch
): PropSpec<RangeTarget> {
  return {
    since,
    get: (t) => uniform(t, pick),
    set: (t, v, _x, loc) => {
      const patch = toPatch(v, loc);
      assertFormatEditable(t, loc);
      t.sheet.patchFormat(t.area, patch);
    },
  };
}

export class RangeFormat extends ClientObjectImpl<RangeTarget> {
  autofitColumns(): void {
    this._action("autofitColumns", "1.2", [], (t) => {
      assertColumnsEditable(t, "RangeFormat.autofitColumns");
      autofitColumns(t);
    });
  }

  autofitRows(): void {
    this._action("autofitRows", "1.2", [], (t) => {
      assertRowsEditable(t, "RangeFormat.autofitRows");
      autofitRows(t);
    });
  }
}

export const rangeFormatSpec: TypeSpec<RangeTarget> = {
  name: "RangeFormat",
  props: {
    horizontalAlignment: formatProp(
      "1.1",
      (f) => f.horizontalAlignment,
      (v, loc) => withFields({ horizontalAlignment: requireEnum(v, HORIZONTAL_ALIGNMENTS, loc) })
    ),
    verticalAlignment: formatProp(
      "1.1",
      (f) => f.verticalAlignment,
      (v, loc) => withFields({ verticalAlignment: requireEnum(v, VERTICAL_ALIGNMENTS, loc) })
    ),
    wrapText: formatProp(
      "1.1",
      (f) => f.wrapText,
      (v, loc) => withFields({ wrapText: requireBoolean(v, loc) })
    ),
    indentLevel: formatProp(
      "1.9",
      (f) => f.indentLevel,
      (v, loc) => withFields({ indentLevel: requireNumber(v, loc, 0, 250) })
    ),
    columnWidth: {
      since: "1.2",
      get: (t) => {
        const widths: number[] = [];
        for (let c = t.area.c0; c <= t.area.c1; c++) widths.push(t.sheet.columnWidth(c));
        return uniformOf(widths);
      },
      set: (t, v, _x, loc) => {
        const w = requireNumber(v, loc, 0, 1800);
        assertColumnsEditable(t, loc);
        for (let c = t.area.c0; c <= t.area.c1; c++) t.sheet.colWidths.set(c, w);
      },
    },
    rowHeight: {
      since: "1.2",
      get: (t) => uniformOf(rowHeights(t.sheet, t.area)),
      set: (t, v, _x, loc) => {
        const h = requireNumber(v, loc, 0, 409);
        assertRowsEditable(t, loc);
        if (isFullColumns(t.area)) {
          t.sheet.standardHeight = h;
          t.sheet.rowHeights.clear();
          return;
        }
        for (let r = t.area.r0; r <= t.area.r1; r++) t.sheet.rowHeights.set(r, h);
      },
    },
  },
  nav: {
    font: nav(
      "1.1",
      () => rangeFontSpec as TypeSpec<unknown>,
      (p) => new RangeFont(p.context, sameTarget(p))
    ),
    fill: nav(
      "1.1",
      () => rangeFillSpec as TypeSpec<unknown>,
      (p) => new RangeFill(p.context, sameTarget(p))
    ),
    borders: nav(
      "1.1",
      () => rangeBorderCollectionSpec as TypeSpec<unknown>,
      (p) => new RangeBorderCollection(p.context, sameTarget(p))
    ),
    protection: nav(
      "1.2",
      () => formatProtectionSpec as TypeSpec<unknown>,
      (p) => new FormatProtection(p.context, sameTarget(p))
    ),
  },
  check: checkRange,
};
defineType(RangeFormat, rangeFormatSpec);

function fontProp<K extends keyof FontState>(
  since: string,
  key: K,
  coerce: (v: unknown, loc: string) => FontState[K]
): PropSpec<RangeTarget> {
  return formatProp(
    since,
    (f) => f.font[key],
    (v, loc) => {
      const value = coerce(v, loc);
      return withFont({ [key]: value } as Partial<FontState>);
    }
  );
}

function color(v: unknown, loc: string): string {
  const c = normalizeColor(v);
  if (c === null) throw invalidArgument(loc);
  return c;
}

export class RangeFont extends ClientObjectImpl<RangeTarget> {}

export const rangeFontSpec: TypeSpec<RangeTarget> = {
  name: "RangeFont",
  props: {
    bold: fontProp("1.1", "bold", requireBoolean),
    italic: fontProp("1.1", "italic", requireBoolean),
    color: fontProp("1.1", "color", color),
    name: fontProp("1.1", "name", (v, loc) => {
      if (typeof v !== "string" || v.length === 0) throw invalidArgument(loc);
      return v;
    }),
    size: fontProp("1.1", "size", (v, loc) => requireNumber(v, loc, 1, 409)),
    underline: fontProp("1.1", "underline", (v, loc) => requireEnum(v, UNDERLINE_STYLES, loc)),
    strikethrough: fontProp("1.9", "strikethrough", requireBoolean),
    subscript: fontProp("1.9", "subscript", requireBoolean),
    superscript: fontProp("1.9", "superscript", requireBoolean),
  },
  nav: {},
  check: checkRange,
};
defineType(RangeFont, rangeFontSpec);

export class RangeFill extends ClientObjectImpl<RangeTarget> {
  clear(): void {
    this._action("clear", "1.1", [], (t) => {
      assertFormatEditable(t, "RangeFill.clear");
      t.sheet.patchFormat(t.area, withFields({ fill: null }));
    });
  }
}

export const rangeFillSpec: TypeSpec<RangeTarget> = {
  name: "RangeFill",
  props: {
    color: formatProp(
      "1.1",
      (f) => f.fill ?? "#FFFFFF",
      (v, loc) => withFields({ fill: color(v, loc) })
    ),
  },
  nav: {},
  check: checkRange,
};
defineType(RangeFill, rangeFillSpec);

export class FormatProtection extends ClientObjectImpl<RangeTarget> {}

export const formatProtectionSpec: TypeSpec<RangeTarget> = {
  name: "FormatProtection",
  props: {
    locked: formatProp(
      "1.2",
      (f) => f.locked,
      (v, loc) => withFields({ locked: requireBoolean(v, loc) })
    ),
    formulaHidden: formatProp(
      "1.2",
      (f) => f.formulaHidden,
      (v, loc) => withFields({ formulaHidden: requireBoolean(v, loc) })
    ),
  },
  nav: {},
  check: checkRange,
};
defineType(FormatProtection, formatProtectionSpec);

export const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

export interface BorderTarget {
  range: RangeTarget;
  side: string;
}

/** Which cells and which of their sides a range border refers to; null when there are none. */
function borderCells(t: BorderTarget): { area: Area; side: CellSide } | null {
  const a = t.range.area;
  switch (t.side) {
    case "EdgeTop":
      return { area: { ...a, r1: a.r0 }, side: "top" };
    case "EdgeBottom":
      return { area: { ...a, r0: a.r1 }, side: "bottom" };
    case "EdgeLeft":
      return { area: { ...a, c1: a.c0 }, side: "left" };
    case "EdgeRight":
      return { area: { ...a, c0: a.c1 }, side: "right" };
    case "InsideHorizontal":
      return a.r1 > a.r0 ? { area: { ...a, r1: a.r1 - 1 }, side: "bottom" } : null;
    case "InsideVertical":
      return a.c1 > a.c0 ? { area: { ...a, c1: a.c1 - 1 }, side: "right" } : null;
    case "DiagonalDown":
      return { area: a, side: "diagonalDown" };
    case "DiagonalUp":
      return { area: a, side: "diagonalUp" };
    default:
      return null;
  }
}

function borderProp(
  key: keyof BorderState,
  coerce: (v: unknown, loc: string) => string
): PropSpec<BorderTarget> {
  return {
    since: "1.1",
    get: (t) => {
      const cells = borderCells(t);
      if (!cells) return NO_BORDER[key];
      return uniform(
        { sheet: t.range.sheet, area: cells.area },
        (f) => (f.borders[cells.side] ?? NO_BORDER)[key]
      );
    },
    set: (t, v, _x, loc) => {
      const value = coerce(v, loc);
      assertFormatEditable(t.range, loc);
      const cells = borderCells(t);
      if (!cells) return;
      t.range.sheet.patchFormat(cells.area, withBorder(cells.side, { [key]: value }));
    },
  };
}

export class RangeBorder extends ClientObjectImpl<BorderTarget> {}

export const rangeBorderSpec: TypeSpec<BorderTarget> = {
  name: "RangeBorder",
  props: {
    sideIndex: { since: "1.1", get: (t) => t.side },
    style: borderProp("style", (v, loc) => requireEnum(v, BORDER_STYLES, loc)),
    color: borderProp("color", color),
    weight: borderProp("weight", (v, loc) => requireEnum(v, BORDER_WEIGHTS, loc)),
  },
  nav: {},
  check: (t) => checkRange(t.range),
};
defineType(RangeBorder, rangeBorderSpec);

export class RangeBorderCollection extends CollectionImpl<RangeTarget, BorderTarget> {
  _list(t: RangeTarget): BorderTarget[] {
    return BORDER_INDEXES.map((side) => ({ range: t, side }));
  }

  _makeItem(target: BorderTarget): ClientObjectImpl<BorderTarget> {
    return new RangeBorder(this.context, () => target);
  }

  getItem(index: string): RangeBorder {
    return this._object(
      "getItem",
      "1.1",
      () =>
        new RangeBorder(this.context, (x) => {
          const t = this._resolve(x);
          if (t === null) return null;
          const side = requireEnum(index, BORDER_INDEXES, "RangeBorderCollection.getItem");
          return { range: t, side };
        })
    );
  }

  getItemAt(index: number): RangeBorder {
    return this._object(
      "getItemAt",
      "1.1",
      () =>
        new RangeBorder(this.context, (x) => {
          const t = this._resolve(x);
          if (t === null) return null;
          const side = BORDER_INDEXES[index];
          if (!side) throw invalidArgument("RangeBorderCollection.getItemAt");
          return { range: t, side };
        })
    );
  }
}

export const rangeBorderCollectionSpec: TypeSpec<RangeTarget> = {
  name: "RangeBorderCollection",
  props: { count: { since: "1.1", get: () => BORDER_INDEXES.length } },
  nav: {},
  item: () => rangeBorderSpec as TypeSpec<unknown>,
  check: checkRange,
};
defineType(RangeBorderCollection, rangeBorderCollectionSpec);

export interface AreasTarget {
  sheet: SheetState;
  areas: Area[];
}

export class RangeAreas extends ClientObjectImpl<AreasTarget> {}

export class RangeCollection extends CollectionImpl<AreasTarget, RangeTarget> {
  _list(t: AreasTarget): RangeTarget[] {
    return t.areas.map((a) => ({ sheet: t.sheet, area: a }));
  }

  _makeItem(target: RangeTarget): ClientObjectImpl<RangeTarget> {
    return new Range(this.context, () => target);
  }
}

const rangeCollectionSpec: TypeSpec<AreasTarget> = {
  name: "RangeCollection",
  props: {},
  nav: {},
  item: () => rangeSpec as TypeSpec<unknown>,
};
defineType(RangeCollection, rangeCollectionSpec);

const areasAddress = (t: AreasTarget) => t.areas.map((a) => qualify(t.sheet.name, a)).join(",");

export const rangeAreasSpec: TypeSpec<AreasTarget> = {
  name: "RangeAreas",
  props: {
    address: { since: "1.9", get: areasAddress },
    addressLocal: { since: "1.9", get: areasAddress },
    areaCount: { since: "1.9", get: (t) => t.areas.length },
    cellCount: { since: "1.9", get: (t) => t.areas.reduce((n, a) => n + cellCount(a), 0) },
  },
  nav: {
    areas: nav(
      "1.9",
      () => rangeCollectionSpec as TypeSpec<unknown>,
      (p) => new RangeCollection(p.context, sameTarget(p))
    ),
  },
  check: (t) => {
    if (t.sheet.deleted) throw hostError(ErrorCodes.itemNotFound);
  },
};
defineType(RangeAreas, rangeAreasSpec);

export function makeRange(
  parent: ClientObjectImpl<unknown>,
  resolver: (x: ExecContext) => RangeTarget | null
): Range {
  return new Range(parent.context, resolver);
}
