/**
 * ExcelHost: the simulated Excel application. It owns the workbook state, the requirement-set
 * profile and the sync statistics, and gives tests direct (non-batched) access for setup and
 * assertions.
 */
import { Area, formatArea, lettersToCol, parseArea, qualify } from "./address";
import { ApiCheckMode, HostCore, HostLimits, SyncStat } from "./client";
import { BorderState, CellSide, FontState, formatToData } from "./format";
import { ProfileName, isProfileName, isSetSupported } from "./profiles";
import {
  CellValue,
  DataValidationState,
  ProtectionOptions,
  copyHeadersFooters,
  SheetState,
  WorkbookState,
} from "./state";
import {
  WorkbookSnapshot,
  blankWorkbook,
  chartToSnapshot,
  fromSnapshot,
  toSnapshot,
} from "./snapshot";
import { formatValue, parseInput } from "./values";
import { nameFormula, nameType, nameValue } from "./api-names";

export const FIVE_MB = 5 * 1024 * 1024;

export const DEFAULT_LIMITS: HostLimits = {
  requestBytes: FIVE_MB,
  responseBytes: FIVE_MB,
  readCells: 5_000_000,
};

export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

/** Office's default ("Colorful") theme colors. */
export const DEFAULT_THEME: OfficeTheme = {
  bodyBackgroundColor: "#FFFFFF",
  bodyForegroundColor: "#000000",
  controlBackgroundColor: "#FFFFFF",
  controlForegroundColor: "#000000",
};

export interface ExcelHostOptions {
  /** Highest ExcelApi requirement set the host implements. Default "latest". */
  profile?: ProfileName;
  /** How APIs above the profile fail; see ApiCheckMode. Default "client" (like office.js). */
  apiCheck?: ApiCheckMode;
  limits?: Partial<HostLimits>;
  displayLanguage?: string;
  /** Office.context.platform, e.g. "OfficeOnline", "PC", "Mac". */
  platform?: string;
  officeTheme?: Partial<OfficeTheme>;
  workbook?: WorkbookSnapshot;
}

export interface CellView {
  address: string;
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  text: string;
  format: {
    font: FontState;
    fill: string | null;
    horizontalAlignment: string;
    verticalAlignment: string;
    wrapText: boolean;
    indentLevel: number;
    borders: Partial<Record<CellSide, BorderState>>;
    style: string;
  };
  locked: boolean;
  formulaHidden: boolean;
  validation: DataValidationState | null;
  /** The merged area containing the cell, e.g. "B2:D2", or null. */
  mergedArea: string | null;
}

export interface ChartView {
  name: string;
  id: string;
  type: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean };
  dataLabels: { showValue: boolean };
  categoryAxis: { reversePlotOrder: boolean };
  source: string | null;
  seriesBy: string;
  series: { name: string; values: string | null; xValues: string | null }[];
  left: number;
  top: number;
  width: number;
  height: number;
  topLeftCell: string;
  bottomRightCell: string;
}

export interface NameView {
  name: string;
  type: string;
  formula: string;
  value: unknown;
  visible: boolean;
  comment: string;
  /** "Workbook" or the sheet name of a sheet-scoped name. */
  scope: string;
}

function singleCell(address: string, sheetName: string): { r: number; c: number } {
  const parsed = parseArea(address);
  if (!parsed || parsed.area.r0 !== parsed.area.r1 || parsed.area.c0 !== parsed.area.c1) {
    throw new Error(`"${address}" is not a single cell on sheet "${sheetName}"`);
  }
  return { r: parsed.area.r0, c: parsed.area.c0 };
}

function areaOf(address: string, sheetName: string): Area {
  const parsed = parseArea(address);
  if (!parsed) throw new Error(`"${address}" is not an address on sheet "${sheetName}"`);
  return parsed.area;
}

/** Read-only view of one sheet for assertions; reads the live state on every call. */
export class SheetView {
  constructor(
    private readonly wb: WorkbookState,
    private readonly s: SheetState
  ) {}

  get name(): string {
    return this.s.name;
  }

  get id(): string {
    return this.s.id;
  }

  get position(): number {
    return this.wb.liveSheets().indexOf(this.s);
  }

  get visibility(): string {
    return this.s.visibility;
  }

  get tabColor(): string {
    return this.s.tabColor;
  }

  get showGridlines(): boolean {
    return this.s.showGridlines;
  }

  get frozenRows(): number {
    return this.s.frozenRows;
  }

  get frozenColumns(): number {
    return this.s.frozenCols;
  }

  get protection(): { protected: boolean; options: ProtectionOptions; hasPassword: boolean } {
    const p = this.s.protection;
    return { protected: p.protected, options: { ...p.options }, hasPassword: p.password !== null };
  }

  get pageLayout(): Record<string, unknown> {
    const pl = this.s.pageLayout;
    return {
      ...pl,
      zoom: { ...pl.zoom },
      printTitleRows: pl.printTitleRows ? formatArea(pl.printTitleRows, true) : null,
      printTitleColumns: pl.printTitleColumns ? formatArea(pl.printTitleColumns, true) : null,
      printArea: pl.printArea ? formatArea(pl.printArea, true) : null,
      headersFooters: copyHeadersFooters(pl.headersFooters),
    };
  }

  cell(address: string): CellView {
    const { r, c } = singleCell(address, this.s.name);
    const stored = this.s.cellAt(r, c);
    const f = this.s.effectiveFormat(r, c);
    const value = stored ? stored.v : "";
    const merged = this.s.merges.find((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1);
    const dv = this.s.validationAt(r, c);
    return {
      address: formatArea({ r0: r, c0: c, r1: r, c1: c }),
      value,
      formula: stored ? stored.f : null,
      numberFormat: f.numberFormat,
      text: formatValue(value, f.numberFormat),
      format: {
        font: { ...f.font },
        fill: f.fill,
        horizontalAlignment: f.horizontalAlignment,
        verticalAlignment: f.verticalAlignment,
        wrapText: f.wrapText,
        indentLevel: f.indentLevel,
        borders: { ...f.borders },
        style: f.style,
      },
      locked: f.locked,
      formulaHidden: f.formulaHidden,
      validation: dv ? (JSON.parse(JSON.stringify(dv)) as DataValidationState) : null,
      mergedArea: merged ? formatArea(merged) : null,
    };
  }

  values(address: string): CellValue[][] {
    const a = areaOf(address, this.s.name);
    const out: CellValue[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: CellValue[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(this.s.value(r, c));
      out.push(row);
    }
    return out;
  }

  formulas(address: string): (CellValue | string)[][] {
    const a = areaOf(address, this.s.name);
    const out: (CellValue | string)[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: (CellValue | string)[] = [];
      for (let c = a.c0; c <= a.c1; c++) {
        const cell = this.s.cellAt(r, c);
        row.push(cell ? (cell.f ?? cell.v) : "");
      }
      out.push(row);
    }
    return out;
  }

  /** Column by letters ("C") or 0-based index. */
  columnWidth(column: string | number): number {
    const c = typeof column === "number" ? column : lettersToCol(column);
    return this.s.columnWidth(c);
  }

  /** 1-based row number, as shown in Excel. */
  rowHeight(row: number): number {
    return this.s.rowHeight(row - 1);
  }

  merges(): string[] {
    return this.s.merges.map((m) => formatArea(m));
  }

  usedRange(valuesOnly = false): string | null {
    const a = this.s.usedArea(valuesOnly);
    return a ? formatArea(a) : null;
  }

  conditionalFormats(): {
    id: string;
    type: string;
    address: string;
    priority: number;
    stopIfTrue: boolean;
    rule: Record<string, unknown>;
    format: unknown;
  }[] {
    return [...this.s.conditionalFormats]
      .sort((a, b) => a.priority - b.priority)
      .map((cf) => ({
        id: cf.id,
        type: cf.type,
        address: formatArea(cf.area),
        priority: cf.priority,
        stopIfTrue: cf.stopIfTrue,
        rule: { ...cf.rule },
        format: JSON.parse(JSON.stringify(cf.format)) as unknown,
      }));
  }

  comments(): { address: string; content: string; resolved: boolean }[] {
    return this.s.comments.map((c) => ({
      address: formatArea({ r0: c.row, c0: c.col, r1: c.row, c1: c.col }),
      content: c.content,
      resolved: c.resolved,
    }));
  }

  /**
   * The sheet's charts as plain data: type, name, title, source and series ranges
   * (sheet-qualified), position in points and the cells under its top-left and bottom-right
   * corners.
   */
  charts(): ChartView[] {
    return this.s.charts.map((c) => {
      const snap = chartToSnapshot(c);
      return {
        name: c.name,
        id: c.id,
        type: c.type,
        title: { ...c.title },
        legend: { ...c.legend },
        dataLabels: { ...c.dataLabels },
        categoryAxis: { ...c.categoryAxis },
        source: snap.source ?? null,
        seriesBy: c.seriesBy,
        series: (snap.series ?? []).map((x) => ({
          name: x.name,
          values: x.values,
          xValues: x.xValues ?? null,
        })),
        left: c.left,
        top: c.top,
        width: c.width,
        height: c.height,
        topLeftCell: this.cellAtPoint(c.left, c.top),
        bottomRightCell: this.cellAtPoint(c.left + c.width, c.top + c.height, true),
      };
    });
  }

  /** The cell under a point; `inside` takes a point on a cell edge as the cell before it. */
  private cellAtPoint(x: number, y: number, inside = false): string {
    const find = (target: number, size: (i: number) => number, hidden: Set<number>) => {
      let edge = 0;
      for (let i = 0; ; i++) {
        if (hidden.has(i)) continue;
        edge += size(i);
        if (inside ? edge >= target : edge > target) return i;
      }
    };
    const c = find(x, (i) => this.s.columnWidth(i), this.s.hiddenCols);
    const r = find(y, (i) => this.s.rowHeight(i), this.s.hiddenRows);
    return formatArea({ r0: r, c0: c, r1: r, c1: c });
  }

  /** Formats of a cell as plain data (only non-default fields). */
  formatData(address: string): ReturnType<typeof formatToData> {
    const { r, c } = singleCell(address, this.s.name);
    return formatToData(this.s.effectiveFormat(r, c));
  }
}

export class ExcelHost implements HostCore {
  state: WorkbookState;
  readonly profile: ProfileName;
  readonly apiCheck: ApiCheckMode;
  readonly limits: HostLimits;
  displayLanguage: string;
  platform: string;
  officeTheme: OfficeTheme;
  /** Round trips: context.sync() calls that had queued operations. */
  syncCount = 0;
  /** Every context.sync() call, including empty ones that never reach the host. */
  syncCallCount = 0;
  readonly stats: SyncStat[] = [];

  constructor(options: ExcelHostOptions = {}) {
    const profile = options.profile ?? "latest";
    if (!isProfileName(profile))
      throw new Error(`Unknown requirement-set profile "${String(profile)}"`);
    this.profile = profile;
    this.apiCheck = options.apiCheck ?? "client";
    this.limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
    this.displayLanguage = options.displayLanguage ?? "vi-VN";
    this.platform = options.platform ?? "OfficeOnline";
    this.officeTheme = { ...DEFAULT_THEME, ...(options.officeTheme ?? {}) };
    this.state = options.workbook ? fromSnapshot(options.workbook) : blankWorkbook();
  }

  static fromSnapshot(
    snapshot: WorkbookSnapshot,
    options: Omit<ExcelHostOptions, "workbook"> = {}
  ): ExcelHost {
    return new ExcelHost({ ...options, workbook: snapshot });
  }

  toSnapshot(): WorkbookSnapshot {
    return toSnapshot(this.state);
  }

  /** Replaces the workbook; proxies created before keep pointing at the old one. */
  loadSnapshot(snapshot: WorkbookSnapshot): void {
    this.state = fromSnapshot(snapshot);
  }

  /** Back to a blank (or given) workbook with zeroed counters. */
  reset(snapshot?: WorkbookSnapshot): void {
    this.state = snapshot ? fromSnapshot(snapshot) : blankWorkbook();
    this.resetStats();
  }

  resetStats(): void {
    this.syncCount = 0;
    this.syncCallCount = 0;
    this.stats.length = 0;
  }

  get lastSync(): SyncStat | undefined {
    return this.stats[this.stats.length - 1];
  }

  isSetSupported(name: string, minVersion?: string | number): boolean {
    return isSetSupported(this.profile, name, minVersion);
  }

  sheetNames(): string[] {
    return this.state.liveSheets().map((s) => s.name);
  }

  hasSheet(name: string): boolean {
    return this.state.sheetByName(name) !== undefined;
  }

  sheet(name: string): SheetView {
    const s = this.state.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return new SheetView(this.state, s);
  }

  activeSheetName(): string | null {
    return this.state.activeSheet?.name ?? null;
  }

  /** Active sheet and selected range, e.g. {sheet: "Đơn vị", address: "B5:C9"}. */
  selection(): { sheet: string; address: string; qualified: string } | null {
    const s = this.state.activeSheet;
    if (!s) return null;
    return {
      sheet: s.name,
      address: formatArea(s.selection),
      qualified: qualify(s.name, s.selection),
    };
  }

  names(): NameView[] {
    return this.state.names
      .filter((n) => !n.deleted)
      .map((n) => ({
        name: n.name,
        type: nameType(n),
        formula: nameFormula(n),
        value: nameValue(n),
        visible: n.visible,
        comment: n.comment,
        scope: n.scope ? n.scope.name : "Workbook",
      }));
  }

  /**
   * Sets the value a formula cell reports, since formulas are stored but never calculated. A 2-D
   * array fills a range; cells without a formula get the value as a constant.
   */
  setCachedValue(sheetName: string, address: string, value: CellValue | CellValue[][]): void {
    const s = this.requireSheet(sheetName);
    const a = areaOf(address, sheetName);
    for (let r = a.r0; r <= a.r1; r++) {
      for (let c = a.c0; c <= a.c1; c++) {
        const v = Array.isArray(value) ? value[r - a.r0]?.[c - a.c0] : value;
        if (v === undefined) continue;
        const cell = s.cellAt(r, c);
        s.setContent(r, c, v, cell ? cell.f : null);
      }
    }
  }

  /** Test setup: writes values as typed into Excel, without batching or protection checks. */
  setValues(sheetName: string, address: string, values: CellValue[][]): void {
    const s = this.requireSheet(sheetName);
    const a = areaOf(address, sheetName);
    values.forEach((row, i) =>
      row.forEach((raw, j) => {
        const r = a.r0 + i;
        const c = a.c0 + j;
        const p = parseInput(raw, s.effectiveFormat(r, c).numberFormat);
        s.setContent(r, c, p.v, p.f);
      })
    );
  }

  /** Test setup: adds a sheet directly (no batching). */
  addSheet(name: string): SheetView {
    if (this.state.sheetByName(name)) throw new Error(`Sheet "${name}" already exists`);
    return new SheetView(this.state, this.state.addSheet(name));
  }

  private requireSheet(name: string): SheetState {
    const s = this.state.sheetByName(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  }
}
