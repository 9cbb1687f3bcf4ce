/**
 * The workbook as the host sees it. Nothing here knows about batching or the API shapes; the
 * API layer validates arguments and calls these mutators while a sync executes.
 */
import {
  Area,
  MAX_COLS,
  MAX_ROWS,
  cellCount,
  contains,
  containsCell,
  intersect,
  isFullColumns,
  isFullRows,
  isWholeSheet,
  sameName,
} from "./address";
import { CellFormat, DEFAULT_FORMAT, FormatPatch, memoize } from "./format";

export type CellValue = number | string | boolean;

export interface CellData {
  /** Constant value, or for a formula cell the cached result ("" until a test sets one). */
  v: CellValue;
  f: string | null;
  /** undefined: inherit from row, column or sheet format. */
  fmt?: CellFormat;
}

export function cellKey(r: number, c: number): number {
  return r * MAX_COLS + c;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export interface ProtectionOptions {
  allowAutoFilter: boolean;
  allowDeleteColumns: boolean;
  allowDeleteRows: boolean;
  allowEditObjects: boolean;
  allowEditScenarios: boolean;
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowInsertColumns: boolean;
  allowInsertHyperlinks: boolean;
  allowInsertRows: boolean;
  allowPivotTables: boolean;
  allowSort: boolean;
  selectionMode: string;
}

export const DEFAULT_PROTECTION_OPTIONS: ProtectionOptions = Object.freeze({
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
});

export interface ValidationPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface ValidationErrorAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

/** One of wholeNumber/decimal/date/time/textLength/list/custom, exactly as Office.js spells it. */
export type ValidationRule = Record<string, Record<string, unknown>>;

export interface DataValidationState {
  rule: ValidationRule | null;
  prompt: ValidationPrompt;
  errorAlert: ValidationErrorAlert;
  ignoreBlanks: boolean;
}

export const DEFAULT_VALIDATION: DataValidationState = Object.freeze({
  rule: null,
  prompt: Object.freeze({ showPrompt: false, title: "", message: "" }),
  errorAlert: Object.freeze({ showAlert: true, style: "Stop", title: "", message: "" }),
  ignoreBlanks: true,
});

/** Later entries win; dv null records a clear(). Mirrors how Excel keeps validations by area. */
export interface ValidationEntry {
  area: Area;
  dv: DataValidationState | null;
}

export interface ConditionalFormatStyle {
  fill?: string | null;
  font?: {
    bold?: boolean;
    italic?: boolean;
    color?: string;
    strikethrough?: boolean;
    underline?: string;
  };
  numberFormat?: string;
}

export interface ConditionalFormatState {
  id: string;
  type: string;
  area: Area;
  priority: number;
  stopIfTrue: boolean;
  /** Type-specific rule object (custom: {formula}, cellValue: {formula1, formula2, operator}). */
  rule: Record<string, unknown>;
  format: ConditionalFormatStyle;
  deleted: boolean;
}

export type NameRef =
  | { kind: "range"; sheet: SheetState; area: Area; abs: import("./address").AbsFlags }
  | { kind: "formula"; text: string };

export interface NameState {
  id: number;
  name: string;
  scope: SheetState | null;
  comment: string;
  visible: boolean;
  ref: NameRef;
  deleted: boolean;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  centerHorizontally: boolean;
  centerVertically: boolean;
  firstPageNumber: number | "";
  printComments: string;
  printErrors: string;
  printOrder: string;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Area | null;
  printTitleColumns: Area | null;
  printArea: Area | null;
  headersFooters: HeaderFooterGroupState;
}

/** Header and footer texts in Excel's codes (&P page number, &N page count, &L/&C/&R parts). */
export interface HeaderFooterState {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}

export const HEADER_FOOTER_PAGES = [
  "defaultForAllPages",
  "firstPage",
  "evenPages",
  "oddPages",
] as const;
export type HeaderFooterPages = (typeof HEADER_FOOTER_PAGES)[number];

export interface HeaderFooterGroupState extends Record<HeaderFooterPages, HeaderFooterState> {
  state: string;
  useSheetMargins: boolean;
  useSheetScale: boolean;
}

function emptyHeaderFooter(): HeaderFooterState {
  return {
    leftHeader: "",
    centerHeader: "",
    rightHeader: "",
    leftFooter: "",
    centerFooter: "",
    rightFooter: "",
  };
}

export function defaultHeadersFooters(): HeaderFooterGroupState {
  return {
    state: "Default",
    useSheetMargins: true,
    useSheetScale: true,
    defaultForAllPages: emptyHeaderFooter(),
    firstPage: emptyHeaderFooter(),
    evenPages: emptyHeaderFooter(),
    oddPages: emptyHeaderFooter(),
  };
}

/** A deep copy, for snapshots and views that must not alias the live state. */
export function copyHeadersFooters(g: HeaderFooterGroupState): HeaderFooterGroupState {
  return {
    ...g,
    defaultForAllPages: { ...g.defaultForAllPages },
    firstPage: { ...g.firstPage },
    evenPages: { ...g.evenPages },
    oddPages: { ...g.oddPages },
  };
}

export function defaultPageLayout(): PageLayoutState {
  // Excel's "Normal" margins in points (0.7in sides, 0.75in top/bottom, 0.3in header/footer).
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    centerHorizontally: false,
    centerVertically: false,
    firstPageNumber: "",
    printComments: "NoComments",
    printErrors: "AsDisplayed",
    printOrder: "DownThenOver",
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    zoom: { scale: 100 },
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
    headersFooters: defaultHeadersFooters(),
  };
}

export interface CommentState {
  id: string;
  row: number;
  col: number;
  content: string;
  authorName: string;
  authorEmail: string;
  creationDate: string;
  resolved: boolean;
  deleted: boolean;
}

/** A reference a chart keeps to cells; it follows its sheet through renames. */
export interface SheetArea {
  sheet: SheetState;
  area: Area;
}

export interface ChartSeriesState {
  name: string;
  values: SheetArea | null;
  xValues: SheetArea | null;
}

/** An embedded chart: what it plots and where it sits (points from the sheet's top-left). */
export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean };
  dataLabels: { showValue: boolean };
  /** Only what the add-in sets: a bar chart's categories top-down need the axis reversed. */
  categoryAxis: { reversePlotOrder: boolean };
  /** The range given to ChartCollection.add, and how it was split into series. */
  source: SheetArea | null;
  seriesBy: string;
  series: ChartSeriesState[];
  left: number;
  top: number;
  width: number;
  height: number;
  deleted: boolean;
}

/** Excel's default column width (8.43 characters of Calibri 11) and row height, in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

export class SheetState {
  name: string;
  readonly id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  showHeadings = true;
  protection: { protected: boolean; options: ProtectionOptions; password: string | null } = {
    protected: false,
    options: { ...DEFAULT_PROTECTION_OPTIONS },
    password: null,
  };
  frozenRows = 0;
  frozenCols = 0;
  readonly cells = new Map<number, CellData>();
  readonly rowFmt = new Map<number, CellFormat>();
  readonly colFmt = new Map<number, CellFormat>();
  sheetFmt: CellFormat = DEFAULT_FORMAT;
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  standardWidth = STANDARD_WIDTH;
  standardHeight = STANDARD_HEIGHT;
  merges: Area[] = [];
  validations: ValidationEntry[] = [];
  conditionalFormats: ConditionalFormatState[] = [];
  comments: CommentState[] = [];
  charts: ChartState[] = [];
  /** Excel numbers new charts "Chart N" from a per-sheet counter that never goes back. */
  chartSeq = 0;
  selection: Area = { r0: 0, c0: 0, r1: 0, c1: 0 };
  pageLayout: PageLayoutState = defaultPageLayout();
  deleted = false;

  constructor(name: string, id: string) {
    this.name = name;
    this.id = id;
  }

  cellAt(r: number, c: number): CellData | undefined {
    return this.cells.get(cellKey(r, c));
  }

  value(r: number, c: number): CellValue {
    const cell = this.cells.get(cellKey(r, c));
    return cell ? cell.v : "";
  }

  effectiveFormat(r: number, c: number): CellFormat {
    const cell = this.cells.get(cellKey(r, c));
    if (cell?.fmt) return cell.fmt;
    if (this.rowFmt.size > 0) {
      const rf = this.rowFmt.get(r);
      if (rf) return rf;
    }
    if (this.colFmt.size > 0) {
      const cf = this.colFmt.get(c);
      if (cf) return cf;
    }
    return this.sheetFmt;
  }

  private inheritedFormat(r: number, c: number): CellFormat {
    return this.rowFmt.get(r) ?? this.colFmt.get(c) ?? this.sheetFmt;
  }

  /** Writes content; a cell with no content and no own format is dropped to stay sparse. */
  setContent(r: number, c: number, v: CellValue, f: string | null): void {
    const key = cellKey(r, c);
    const cell = this.cells.get(key);
    if (cell) {
      cell.v = v;
      cell.f = f;
      if (v === "" && f === null && !cell.fmt) this.cells.delete(key);
    } else if (v !== "" || f !== null) {
      this.cells.set(key, { v, f });
    }
  }

  setCellFormat(r: number, c: number, fmt: CellFormat): void {
    const key = cellKey(r, c);
    const cell = this.cells.get(key);
    if (cell) cell.fmt = fmt;
    else this.cells.set(key, { v: "", f: null, fmt });
  }

  /** Visits stored cells inside the area, choosing whichever of map or grid is smaller. */
  forEachStoredCell(area: Area, fn: (r: number, c: number, cell: CellData) => void): void {
    if (this.cells.size <= cellCount(area)) {
      for (const [key, cell] of this.cells) {
        const r = keyRow(key);
        const c = keyCol(key);
        if (containsCell(area, r, c)) fn(r, c, cell);
      }
      return;
    }
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        const cell = this.cells.get(cellKey(r, c));
        if (cell) fn(r, c, cell);
      }
    }
  }

  /**
   * Applies a format edit to an area. Whole rows, whole columns and the whole sheet are kept as
   * row/column/sheet formats (as Excel does) instead of materializing a million cells.
   */
  patchFormat(area: Area, patch: FormatPatch): void {
    const p = memoize(patch);
    if (isWholeSheet(area)) {
      for (const [, cell] of this.cells) if (cell.fmt) cell.fmt = p(cell.fmt);
      for (const [r, f] of this.rowFmt) this.rowFmt.set(r, p(f));
      for (const [c, f] of this.colFmt) this.colFmt.set(c, p(f));
      this.sheetFmt = p(this.sheetFmt);
      return;
    }
    if (isFullColumns(area)) {
      // Cells that exist or sit on a formatted row keep their own identity; give them the edit.
      for (const [key, cell] of this.cells) {
        const c = keyCol(key);
        if (c >= area.c0 && c <= area.c1)
          cell.fmt = p(cell.fmt ?? this.inheritedFormat(keyRow(key), c));
      }
      for (const [r, rf] of this.rowFmt) {
        for (let c = area.c0; c <= area.c1; c++) {
          const cell = this.cells.get(cellKey(r, c));
          if (!cell?.fmt) this.setCellFormat(r, c, p(rf));
        }
      }
      for (let c = area.c0; c <= area.c1; c++) {
        this.colFmt.set(c, p(this.colFmt.get(c) ?? this.sheetFmt));
      }
      return;
    }
    if (isFullRows(area)) {
      for (const [key, cell] of this.cells) {
        const r = keyRow(key);
        if (r >= area.r0 && r <= area.r1)
          cell.fmt = p(cell.fmt ?? this.inheritedFormat(r, keyCol(key)));
      }
      // A row format overrides column formats for empty cells, so pin the column formats first.
      for (const [c, cf] of this.colFmt) {
        for (let r = area.r0; r <= area.r1; r++) {
          const cell = this.cells.get(cellKey(r, c));
          if (!cell?.fmt) this.setCellFormat(r, c, p(this.rowFmt.get(r) ?? cf));
        }
      }
      for (let r = area.r0; r <= area.r1; r++) {
        this.rowFmt.set(r, p(this.rowFmt.get(r) ?? this.sheetFmt));
      }
      return;
    }
    for (let r = area.r0; r <= area.r1; r++) {
      for (let c = area.c0; c <= area.c1; c++) {
        this.setCellFormat(r, c, p(this.effectiveFormat(r, c)));
      }
    }
  }

  /** The distinct effective formats in an area; used to report uniform-or-null properties. */
  distinctFormats(area: Area): Set<CellFormat> {
    const out = new Set<CellFormat>();
    if (cellCount(area) <= 200_000) {
      for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) out.add(this.effectiveFormat(r, c));
      }
      return out;
    }
    let stored = 0;
    this.forEachStoredCell(area, (r, c, cell) => {
      out.add(cell.fmt ?? this.inheritedFormat(r, c));
      stored++;
    });
    if (stored < cellCount(area)) {
      let rowsWithFormat = 0;
      for (const [r, f] of this.rowFmt) {
        if (r >= area.r0 && r <= area.r1) {
          out.add(f);
          rowsWithFormat++;
        }
      }
      let colsWithFormat = 0;
      for (const [c, f] of this.colFmt) {
        if (c >= area.c0 && c <= area.c1) {
          out.add(f);
          colsWithFormat++;
        }
      }
      const allRows = rowsWithFormat === area.r1 - area.r0 + 1;
      const allCols = colsWithFormat === area.c1 - area.c0 + 1;
      if (!allRows && !allCols) out.add(this.sheetFmt);
    }
    return out;
  }

  /** Bounding box of stored cells; valuesOnly ignores cells that only carry formatting. */
  usedArea(valuesOnly: boolean): Area | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.v === "" && cell.f === null) continue;
      const r = keyRow(key);
      const c = keyCol(key);
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  columnWidth(c: number): number {
    return this.colWidths.get(c) ?? this.standardWidth;
  }

  /** Distance in points from the sheet's left edge to column c (hidden columns take none). */
  columnLeft(c: number): number {
    let x = 0;
    for (let k = 0; k < c; k++) if (!this.hiddenCols.has(k)) x += this.columnWidth(k);
    return x;
  }

  /** Distance in points from the sheet's top edge to row r (hidden rows take none). */
  rowTop(r: number): number {
    let y = 0;
    for (let k = 0; k < r; k++) if (!this.hiddenRows.has(k)) y += this.rowHeight(k);
    return y;
  }

  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? this.standardHeight;
  }

  validationAt(r: number, c: number): DataValidationState | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const e = this.validations[i];
      if (containsCell(e.area, r, c)) return e.dv;
    }
    return null;
  }

  /**
   * "uniform" when one validation (or none) covers every cell; "mixed" when some cells have one
   * and others none; "inconsistent" when different validations apply.
   */
  validationOver(
    area: Area
  ): { kind: "uniform"; dv: DataValidationState | null } | { kind: "mixed" | "inconsistent" } {
    // Walk newest to oldest, tracking which parts of the area are still undecided.
    let pending: Area[] = [area];
    const seen = new Set<DataValidationState | null>();
    for (let i = this.validations.length - 1; i >= 0 && pending.length > 0; i--) {
      const e = this.validations[i];
      const next: Area[] = [];
      for (const part of pending) {
        const hit = intersect(part, e.area);
        if (!hit) {
          next.push(part);
          continue;
        }
        seen.add(e.dv);
        next.push(...subtract(part, hit));
      }
      pending = next;
    }
    if (pending.length > 0) seen.add(null);
    if (seen.size === 1) return { kind: "uniform", dv: seen.values().next().value ?? null };
    if (seen.has(null) && seen.size === 2) return { kind: "mixed" };
    return { kind: "inconsistent" };
  }

  setValidation(area: Area, dv: DataValidationState | null): void {
    this.validations = this.validations.filter((e) => !contains(area, e.area));
    this.validations.push({ area, dv });
  }

  mergedAreasIn(area: Area): Area[] {
    return this.merges.filter((m) => intersect(m, area) !== null);
  }
}

/** Parts of `a` not covered by `hole` (hole must lie inside a). At most four rectangles. */
export function subtract(a: Area, hole: Area): Area[] {
  const out: Area[] = [];
  if (hole.r0 > a.r0) out.push({ r0: a.r0, c0: a.c0, r1: hole.r0 - 1, c1: a.c1 });
  if (hole.r1 < a.r1) out.push({ r0: hole.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (hole.c0 > a.c0) out.push({ r0: hole.r0, c0: a.c0, r1: hole.r1, c1: hole.c0 - 1 });
  if (hole.c1 < a.c1) out.push({ r0: hole.r0, c0: hole.c1 + 1, r1: hole.r1, c1: a.c1 });
  return out;
}

function sheetId(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(4, "0");
  return `{00000000-0001-0000-${hex}-000000000000}`;
}

export class WorkbookState {
  sheets: SheetState[] = [];
  names: NameState[] = [];
  activeSheet: SheetState | null = null;
  calculationMode = "Automatic";
  protection: { protected: boolean; password: string | null } = {
    protected: false,
    password: null,
  };
  name = "Book1.xlsx";
  private sheetSeq = 0;
  private nameSeq = 0;
  private objectSeq = 0;

  nextObjectId(prefix: string): string {
    this.objectSeq++;
    return `${prefix}${this.objectSeq}`;
  }

  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted && s.visibility === "Visible");
  }

  sheetByName(name: string): SheetState | undefined {
    return this.sheets.find((s) => !s.deleted && sameName(s.name, name));
  }

  sheetByKey(key: string): SheetState | undefined {
    return this.sheets.find((s) => !s.deleted && (s.id === key || sameName(s.name, key)));
  }

  addSheet(name: string): SheetState {
    const sheet = new SheetState(name, sheetId(this.sheetSeq++));
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** Excel's default: "Sheet" + one more than the highest existing "SheetN". */
  nextSheetName(): string {
    let max = 0;
    for (const s of this.liveSheets()) {
      const m = /^Sheet(\d+)$/i.exec(s.name);
      if (m) max = Math.max(max, Number(m[1]));
    }
    let n = max + 1;
    while (this.sheetByName(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  removeSheet(sheet: SheetState): void {
    const live = this.liveSheets();
    const index = live.indexOf(sheet);
    sheet.deleted = true;
    this.sheets = this.sheets.filter((s) => s !== sheet);
    for (const n of this.names) {
      if (n.scope === sheet) n.deleted = true;
    }
    this.names = this.names.filter((n) => !n.deleted);
    if (this.activeSheet === sheet) {
      const visible = this.visibleSheets();
      this.activeSheet = visible[Math.min(index, visible.length - 1)] ?? visible[0] ?? null;
    }
  }

  moveSheet(sheet: SheetState, position: number): void {
    const others = this.sheets.filter((s) => s !== sheet);
    others.splice(Math.max(0, Math.min(position, others.length)), 0, sheet);
    this.sheets = others;
  }

  addName(
    name: string,
    ref: NameRef,
    scope: SheetState | null,
    comment: string,
    visible = true
  ): NameState {
    const state: NameState = {
      id: ++this.nameSeq,
      name,
      scope,
      comment,
      visible,
      ref,
      deleted: false,
    };
    this.names.push(state);
    return state;
  }

  findName(name: string, scope: SheetState | null): NameState | undefined {
    return this.names.find((n) => !n.deleted && n.scope === scope && sameName(n.name, name));
  }

  removeName(n: NameState): void {
    n.deleted = true;
    this.names = this.names.filter((x) => x !== n);
  }
}

export const GRID: Area = { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
