/**
 * Plain-JSON snapshots of the workbook, so tests and the browser config can preload a workbook
 * and assert on the result. Addresses are A1 strings; formats are shared through a table.
 */
import {
  Area,
  colToLetters,
  formatArea,
  formatCell,
  lettersToCol,
  parseArea,
  parseReference,
  qualify,
  sheetNameProblem,
} from "./address";
import { CellFormat, DEFAULT_FORMAT, FormatData, formatFromData, formatToData } from "./format";
import {
  CellValue,
  ChartState,
  ConditionalFormatState,
  DEFAULT_PROTECTION_OPTIONS,
  DataValidationState,
  NameRef,
  PageLayoutState,
  ProtectionOptions,
  SheetArea,
  SheetState,
  WorkbookState,
  copyHeadersFooters,
  defaultPageLayout,
  keyCol,
  keyRow,
} from "./state";

export interface CellSnapshot {
  value?: CellValue;
  /** A formula; `value` then is its cached result. */
  formula?: string;
  /** Index into WorkbookSnapshot.formats, or an inline format. */
  format?: number | FormatData;
  /** Shorthands for hand-written snapshots. */
  numberFormat?: string;
  locked?: boolean;
}

/** A bare value is shorthand for {value}; a string starting with "=" is a formula. */
export type CellInput = CellValue | CellSnapshot;

export interface ConditionalFormatSnapshot {
  id?: string;
  type: string;
  address: string;
  priority?: number;
  stopIfTrue?: boolean;
  rule?: Record<string, unknown>;
  format?: ConditionalFormatState["format"];
}

export interface CommentSnapshot {
  address: string;
  content: string;
  authorName?: string;
  authorEmail?: string;
  creationDate?: string;
  resolved?: boolean;
}

export interface ChartSeriesSnapshot {
  name: string;
  /** Sheet-qualified, e.g. "'Chỉ tiêu'!$G$5:$G$19"; null when the series has no data yet. */
  values: string | null;
  xValues?: string | null;
}

export interface ChartSnapshot {
  name: string;
  id?: string;
  type: string;
  title?: { text: string; visible?: boolean };
  legend?: { visible: boolean };
  dataLabels?: { showValue: boolean };
  categoryAxis?: { reversePlotOrder: boolean };
  /** The range the chart was created from (sheet-qualified), if any. */
  source?: string | null;
  seriesBy?: string;
  series?: ChartSeriesSnapshot[];
  /** Points from the sheet's top-left corner. */
  left?: number;
  top?: number;
  width?: number;
  height?: number;
}

export type PageLayoutSnapshot = Partial<
  Omit<PageLayoutState, "printTitleRows" | "printTitleColumns" | "printArea">
> & {
  printTitleRows?: string | null;
  printTitleColumns?: string | null;
  printArea?: string | null;
};

export interface SheetSnapshot {
  name: string;
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  tabColor?: string;
  showGridlines?: boolean;
  showHeadings?: boolean;
  protection?: {
    protected: boolean;
    options?: Partial<ProtectionOptions>;
    password?: string | null;
  };
  frozenRows?: number;
  frozenColumns?: number;
  cells?: Record<string, CellInput>;
  sheetFormat?: number | FormatData;
  /** Keyed by 1-based row number. */
  rowFormats?: Record<string, number | FormatData>;
  /** Keyed by column letters. */
  columnFormats?: Record<string, number | FormatData>;
  columnWidths?: Record<string, number>;
  rowHeights?: Record<string, number>;
  hiddenRows?: number[];
  hiddenColumns?: string[];
  standardWidth?: number;
  standardHeight?: number;
  merges?: string[];
  validations?: { address: string; validation: DataValidationState | null }[];
  conditionalFormats?: ConditionalFormatSnapshot[];
  comments?: CommentSnapshot[];
  charts?: ChartSnapshot[];
  /** Selected range on this sheet, e.g. "B5" or "B5:C9". */
  selection?: string;
  pageLayout?: PageLayoutSnapshot;
}

export interface NameSnapshot {
  name: string;
  /** e.g. "='Sheet 1'!$C$5:$C$11" or "=0.05". */
  formula: string;
  /** Sheet name for a sheet-scoped name; omitted for workbook scope. */
  scope?: string;
  comment?: string;
  visible?: boolean;
}

export interface WorkbookSnapshot {
  version?: 1;
  name?: string;
  activeSheet?: string;
  calculationMode?: string;
  protection?: { protected: boolean; password?: string | null };
  formats?: FormatData[];
  sheets: SheetSnapshot[];
  names?: NameSnapshot[];
}

function bad(message: string): Error {
  return new Error(`Invalid workbook snapshot: ${message}`);
}

function areaOf(text: string, what: string): Area {
  const parsed = parseArea(text);
  if (!parsed) throw bad(`${what} "${text}" is not an A1 address`);
  return parsed.area;
}

function rowOf(key: string, what: string): number {
  const n = Number(key);
  if (!Number.isInteger(n) || n < 1) throw bad(`${what} "${key}" is not a row number`);
  return n - 1;
}

function colOf(key: string, what: string): number {
  const c = lettersToCol(key);
  if (c < 0) throw bad(`${what} "${key}" is not a column`);
  return c;
}

export function toSnapshot(wb: WorkbookState): WorkbookSnapshot {
  const formats: FormatData[] = [];
  const index = new Map<string, number>();
  const ref = (f: CellFormat): number => {
    const data = formatToData(f);
    const key = JSON.stringify(data);
    let i = index.get(key);
    if (i === undefined) {
      i = formats.length;
      formats.push(data);
      index.set(key, i);
    }
    return i;
  };
  const sheets = wb.liveSheets().map((s): SheetSnapshot => {
    const cells: Record<string, CellSnapshot> = {};
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const cell = s.cells.get(key)!;
      const out: CellSnapshot = {};
      if (cell.v !== "") out.value = cell.v;
      if (cell.f !== null) out.formula = cell.f;
      if (cell.fmt) out.format = ref(cell.fmt);
      cells[formatCell(keyRow(key), keyCol(key))] = out;
    }
    const snap: SheetSnapshot = {
      name: s.name,
      visibility: s.visibility,
      tabColor: s.tabColor,
      showGridlines: s.showGridlines,
      showHeadings: s.showHeadings,
      protection: {
        protected: s.protection.protected,
        options: { ...s.protection.options },
        password: s.protection.password,
      },
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenCols,
      standardWidth: s.standardWidth,
      standardHeight: s.standardHeight,
      cells,
      selection: formatArea(s.selection),
    };
    if (s.sheetFmt !== DEFAULT_FORMAT) snap.sheetFormat = ref(s.sheetFmt);
    if (s.rowFmt.size > 0) {
      snap.rowFormats = Object.fromEntries([...s.rowFmt].map(([r, f]) => [String(r + 1), ref(f)]));
    }
    if (s.colFmt.size > 0) {
      snap.columnFormats = Object.fromEntries(
        [...s.colFmt].map(([c, f]) => [colToLetters(c), ref(f)])
      );
    }
    if (s.colWidths.size > 0) {
      snap.columnWidths = Object.fromEntries(
        [...s.colWidths].map(([c, w]) => [colToLetters(c), w])
      );
    }
    if (s.rowHeights.size > 0) {
      snap.rowHeights = Object.fromEntries([...s.rowHeights].map(([r, h]) => [String(r + 1), h]));
    }
    if (s.hiddenRows.size > 0)
      snap.hiddenRows = [...s.hiddenRows].sort((a, b) => a - b).map((r) => r + 1);
    if (s.hiddenCols.size > 0)
      snap.hiddenColumns = [...s.hiddenCols].sort((a, b) => a - b).map(colToLetters);
    if (s.merges.length > 0) snap.merges = s.merges.map((m) => formatArea(m));
    if (s.validations.length > 0) {
      snap.validations = s.validations.map((v) => ({
        address: formatArea(v.area),
        validation: v.dv ? (JSON.parse(JSON.stringify(v.dv)) as DataValidationState) : null,
      }));
    }
    if (s.conditionalFormats.length > 0) {
      snap.conditionalFormats = s.conditionalFormats.map((cf) => ({
        id: cf.id,
        type: cf.type,
        address: formatArea(cf.area),
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
        rule: { ...cf.rule },
        format: JSON.parse(JSON.stringify(cf.format)) as ConditionalFormatState["format"],
      }));
    }
    if (s.comments.length > 0) {
      snap.comments = s.comments.map((c) => ({
        address: formatCell(c.row, c.col),
        content: c.content,
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        creationDate: c.creationDate,
        resolved: c.resolved,
      }));
    }
    if (s.charts.length > 0) snap.charts = s.charts.map(chartToSnapshot);
    const pl = s.pageLayout;
    snap.pageLayout = {
      ...pl,
      zoom: { ...pl.zoom },
      printTitleRows: pl.printTitleRows ? formatArea(pl.printTitleRows, true) : null,
      printTitleColumns: pl.printTitleColumns ? formatArea(pl.printTitleColumns, true) : null,
      printArea: pl.printArea ? formatArea(pl.printArea, true) : null,
      headersFooters: copyHeadersFooters(pl.headersFooters),
    };
    return snap;
  });
  const names = wb.names
    .filter((n) => !n.deleted)
    .map((n): NameSnapshot => {
      const formula =
        n.ref.kind === "formula"
          ? n.ref.text
          : n.ref.sheet.deleted
            ? "=#REF!"
            : `=${qualify(n.ref.sheet.name, n.ref.area, n.ref.abs)}`;
      const out: NameSnapshot = { name: n.name, formula, comment: n.comment, visible: n.visible };
      if (n.scope) out.scope = n.scope.name;
      return out;
    });
  return {
    version: 1,
    name: wb.name,
    activeSheet: wb.activeSheet?.name,
    calculationMode: wb.calculationMode,
    protection: { ...wb.protection },
    formats,
    sheets,
    names,
  };
}

function refText(ref: SheetArea | null): string | null {
  if (!ref) return null;
  return ref.sheet.deleted ? "#REF!" : qualify(ref.sheet.name, ref.area, true);
}

export function chartToSnapshot(c: ChartState): ChartSnapshot {
  return {
    name: c.name,
    id: c.id,
    type: c.type,
    title: { ...c.title },
    legend: { ...c.legend },
    dataLabels: { ...c.dataLabels },
    categoryAxis: { ...c.categoryAxis },
    source: refText(c.source),
    seriesBy: c.seriesBy,
    series: c.series.map((x) => ({
      name: x.name,
      values: refText(x.values),
      xValues: refText(x.xValues),
    })),
    left: c.left,
    top: c.top,
    width: c.width,
    height: c.height,
  };
}

function resolveFormat(
  table: FormatData[],
  value: number | FormatData | undefined,
  what: string
): CellFormat | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") {
    const data = table[value];
    if (!data) throw bad(`${what} refers to missing format #${value}`);
    return formatFromData(data);
  }
  return formatFromData(value);
}

function loadCell(s: SheetState, table: FormatData[], address: string, input: CellInput): void {
  const parsed = parseArea(address);
  if (!parsed || parsed.area.r0 !== parsed.area.r1 || parsed.area.c0 !== parsed.area.c1) {
    throw bad(`cell key "${address}" on sheet "${s.name}" is not a single cell`);
  }
  const { r0: r, c0: c } = parsed.area;
  const cell: CellSnapshot =
    input !== null && typeof input === "object" ? input : ({ value: input } as CellSnapshot);
  let fmt = resolveFormat(table, cell.format, `cell ${address}`);
  if (cell.numberFormat !== undefined || cell.locked !== undefined) {
    fmt = formatFromData(
      {
        ...(cell.numberFormat !== undefined ? { numberFormat: cell.numberFormat } : {}),
        ...(cell.locked !== undefined ? { locked: cell.locked } : {}),
      },
      fmt ?? DEFAULT_FORMAT
    );
  }
  if (cell.formula !== undefined) {
    if (!cell.formula.startsWith("=")) throw bad(`formula in ${address} must start with "="`);
    s.setContent(r, c, cell.value ?? "", cell.formula);
  } else if (cell.value !== undefined) {
    // Bare strings are taken as typed text: "=..." is a formula, "12" stays a string.
    const v = cell.value;
    if (typeof v === "string" && v.startsWith("=") && v.length > 1) s.setContent(r, c, "", v);
    else s.setContent(r, c, v, null);
  }
  if (fmt) s.setCellFormat(r, c, fmt);
}

function loadSheet(wb: WorkbookState, snap: SheetSnapshot, table: FormatData[]): SheetState {
  const problem = sheetNameProblem(snap.name);
  if (problem) throw bad(`sheet "${snap.name}": ${problem}`);
  if (wb.sheetByName(snap.name)) throw bad(`duplicate sheet name "${snap.name}"`);
  const s = wb.addSheet(snap.name);
  if (snap.visibility) s.visibility = snap.visibility;
  if (snap.tabColor !== undefined) s.tabColor = snap.tabColor;
  if (snap.showGridlines !== undefined) s.showGridlines = snap.showGridlines;
  if (snap.showHeadings !== undefined) s.showHeadings = snap.showHeadings;
  if (snap.protection) {
    s.protection = {
      protected: snap.protection.protected,
      options: { ...DEFAULT_PROTECTION_OPTIONS, ...(snap.protection.options ?? {}) },
      password: snap.protection.password ?? null,
    };
  }
  s.frozenRows = snap.frozenRows ?? 0;
  s.frozenCols = snap.frozenColumns ?? 0;
  if (snap.standardWidth !== undefined) s.standardWidth = snap.standardWidth;
  if (snap.standardHeight !== undefined) s.standardHeight = snap.standardHeight;
  const sheetFmt = resolveFormat(table, snap.sheetFormat, "sheetFormat");
  if (sheetFmt) s.sheetFmt = sheetFmt;
  for (const [k, v] of Object.entries(snap.rowFormats ?? {})) {
    s.rowFmt.set(rowOf(k, "rowFormats"), resolveFormat(table, v, `row ${k}`)!);
  }
  for (const [k, v] of Object.entries(snap.columnFormats ?? {})) {
    s.colFmt.set(colOf(k, "columnFormats"), resolveFormat(table, v, `column ${k}`)!);
  }
  for (const [k, v] of Object.entries(snap.columnWidths ?? {}))
    s.colWidths.set(colOf(k, "columnWidths"), v);
  for (const [k, v] of Object.entries(snap.rowHeights ?? {}))
    s.rowHeights.set(rowOf(k, "rowHeights"), v);
  for (const r of snap.hiddenRows ?? []) s.hiddenRows.add(rowOf(String(r), "hiddenRows"));
  for (const c of snap.hiddenColumns ?? []) s.hiddenCols.add(colOf(c, "hiddenColumns"));
  for (const [address, input] of Object.entries(snap.cells ?? {}))
    loadCell(s, table, address, input);
  s.merges = (snap.merges ?? []).map((m) => areaOf(m, "merge"));
  s.validations = (snap.validations ?? []).map((v) => ({
    area: areaOf(v.address, "validation"),
    dv: v.validation,
  }));
  s.conditionalFormats = (snap.conditionalFormats ?? []).map((cf, i) => ({
    id: cf.id ?? wb.nextObjectId("cf"),
    type: cf.type,
    area: areaOf(cf.address, "conditional format"),
    priority: cf.priority ?? i,
    stopIfTrue: cf.stopIfTrue ?? false,
    rule: cf.rule ?? {},
    format: cf.format ?? {},
    deleted: false,
  }));
  s.comments = (snap.comments ?? []).map((c) => {
    const a = areaOf(c.address, "comment");
    return {
      id: wb.nextObjectId("comment"),
      row: a.r0,
      col: a.c0,
      content: c.content,
      authorName: c.authorName ?? "ExcelHost User",
      authorEmail: c.authorEmail ?? "user@example.com",
      creationDate: c.creationDate ?? new Date(0).toISOString(),
      resolved: c.resolved ?? false,
      deleted: false,
    };
  });
  if (snap.selection) s.selection = areaOf(snap.selection, "selection");
  if (snap.pageLayout) {
    const pl = snap.pageLayout;
    const base = defaultPageLayout();
    s.pageLayout = {
      ...base,
      ...pl,
      zoom: { ...(pl.zoom ?? base.zoom) },
      printTitleRows: pl.printTitleRows ? areaOf(pl.printTitleRows, "printTitleRows") : null,
      printTitleColumns: pl.printTitleColumns
        ? areaOf(pl.printTitleColumns, "printTitleColumns")
        : null,
      printArea: pl.printArea ? areaOf(pl.printArea, "printArea") : null,
      headersFooters: copyHeadersFooters(pl.headersFooters ?? base.headersFooters),
    };
  }
  return s;
}

function chartRef(wb: WorkbookState, text: string | null | undefined, owner: SheetState) {
  if (text === null || text === undefined || text === "#REF!") return null;
  const ref = parseReference(text);
  const sheet = ref ? (ref.sheet === null ? owner : wb.sheetByName(ref.sheet)) : undefined;
  if (!ref || !sheet) throw bad(`chart reference "${text}" on sheet "${owner.name}" is not valid`);
  return { sheet, area: ref.area };
}

function loadCharts(wb: WorkbookState, snap: SheetSnapshot): void {
  const s = wb.sheetByName(snap.name)!;
  for (const c of snap.charts ?? []) {
    const series = (c.series ?? []).map((x) => ({
      name: x.name,
      values: chartRef(wb, x.values, s),
      xValues: chartRef(wb, x.xValues, s),
    }));
    s.charts.push({
      id: c.id ?? `{${wb.nextObjectId("chart").toUpperCase()}}`,
      name: c.name,
      type: c.type,
      title: { text: c.title?.text ?? "", visible: c.title?.visible ?? Boolean(c.title?.text) },
      legend: { visible: c.legend?.visible ?? series.length > 1 },
      dataLabels: { showValue: c.dataLabels?.showValue ?? false },
      categoryAxis: { reversePlotOrder: c.categoryAxis?.reversePlotOrder ?? false },
      source: chartRef(wb, c.source, s),
      seriesBy: c.seriesBy ?? "Auto",
      series,
      left: c.left ?? 0,
      top: c.top ?? 0,
      width: c.width ?? 360,
      height: c.height ?? 216,
      deleted: false,
    });
    const n = /^Chart (\d+)$/.exec(c.name);
    if (n) s.chartSeq = Math.max(s.chartSeq, Number(n[1]));
  }
}

function nameRef(wb: WorkbookState, formula: string, scope: SheetState | null): NameRef {
  const text = formula.startsWith("=") ? formula : `=${formula}`;
  const ref = parseReference(text);
  if (ref) {
    const sheet = ref.sheet === null ? (scope ?? wb.activeSheet) : wb.sheetByName(ref.sheet);
    if (sheet) return { kind: "range", sheet, area: ref.area, abs: ref.abs };
  }
  return { kind: "formula", text };
}

export function fromSnapshot(snapshot: WorkbookSnapshot): WorkbookState {
  if (!snapshot || !Array.isArray(snapshot.sheets)) throw bad("missing sheets array");
  const wb = new WorkbookState();
  const table = snapshot.formats ?? [];
  for (const s of snapshot.sheets) loadSheet(wb, s, table);
  // Charts may plot other sheets, so they are read once every sheet exists.
  for (const s of snapshot.sheets) loadCharts(wb, s);
  if (snapshot.name) wb.name = snapshot.name;
  if (snapshot.calculationMode) wb.calculationMode = snapshot.calculationMode;
  if (snapshot.protection) {
    wb.protection = {
      protected: snapshot.protection.protected,
      password: snapshot.protection.password ?? null,
    };
  }
  if (snapshot.activeSheet) {
    const active = wb.sheetByName(snapshot.activeSheet);
    if (!active) throw bad(`activeSheet "${snapshot.activeSheet}" does not exist`);
    wb.activeSheet = active;
  } else {
    wb.activeSheet = wb.visibleSheets()[0] ?? null;
  }
  for (const n of snapshot.names ?? []) {
    const scope = n.scope ? wb.sheetByName(n.scope) : null;
    if (n.scope && !scope) throw bad(`name "${n.name}" is scoped to missing sheet "${n.scope}"`);
    wb.addName(
      n.name,
      nameRef(wb, n.formula, scope ?? null),
      scope ?? null,
      n.comment ?? "",
      n.visible ?? true
    );
  }
  return wb;
}

/** A blank workbook: one sheet called "Sheet1", like a new Excel file. */
export function blankWorkbook(): WorkbookState {
  const wb = new WorkbookState();
  wb.addSheet("Sheet1");
  return wb;
}
