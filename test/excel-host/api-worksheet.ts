/**
 * Excel.Worksheet with its protection, freeze panes and page layout objects.
 */
import { Area, MAX_COLS, MAX_ROWS, isFullColumns, isFullRows, sheetNameProblem } from "./address";
import {
  ClientObjectImpl,
  ExecContext,
  NavSpec,
  RequestContextImpl,
  Resolver,
  TypeSpec,
  defineType,
  sameTarget,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import { normalizeColor } from "./format";
import {
  DEFAULT_PROTECTION_OPTIONS,
  HEADER_FOOTER_PAGES,
  HeaderFooterPages,
  HeaderFooterState,
  PageLayoutState,
  ProtectionOptions,
  SheetState,
} from "./state";
import {
  RangeTarget,
  area,
  assertStructureEditable,
  checkSheet,
  requireBoolean,
  requireEnum,
  requireNumber,
  resolveOnSheet,
  resolveRangeArg,
} from "./targets";
import { Range, RangeAreas } from "./api-range";
import { makeNamedItems, namedItemCollectionSpec } from "./api-names";
import { commentCollectionSpec, makeComments } from "./api-comments";
import { chartCollectionSpec, makeCharts } from "./api-charts";

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

function neighbour(
  x: ExecContext,
  sheet: SheetState,
  step: 1 | -1,
  visibleOnly: boolean
): SheetState | null {
  const list = x.wb.liveSheets();
  for (let i = list.indexOf(sheet) + step; i >= 0 && i < list.length; i += step) {
    if (!visibleOnly || list[i].visibility === "Visible") return list[i];
  }
  return null;
}

export class Worksheet extends ClientObjectImpl<SheetState> {
  private _range(
    name: string,
    since: string,
    compute: (s: SheetState, x: ExecContext, loc: string) => RangeTarget | null
  ): Range {
    const loc = `Worksheet.${name}`;
    return this._object(
      name,
      since,
      () =>
        new Range(this.context, (x) => {
          const s = this._resolve(x);
          return s === null ? null : compute(s, x, loc);
        })
    );
  }

  getRange(address?: string): Range {
    return this._range("getRange", "1.1", (s, x, loc) =>
      address === undefined || address === null || address === ""
        ? { sheet: s, area: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } }
        : resolveOnSheet(x, s, address, loc)
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Range {
    return this._range("getRangeByIndexes", "1.7", (s, _x, loc) => {
      if (rowCount < 1 || columnCount < 1) throw invalidArgument(loc);
      return {
        sheet: s,
        area: area(
          startRow,
          startColumn,
          startRow + rowCount - 1,
          startColumn + columnCount - 1,
          loc
        ),
      };
    });
  }

  getCell(row: number, column: number): Range {
    return this._range("getCell", "1.1", (s, _x, loc) => ({
      sheet: s,
      area: area(row, column, row, column, loc),
    }));
  }

  getUsedRange(valuesOnly = false): Range {
    // A blank sheet reports A1 rather than failing.
    return this._range("getUsedRange", valuesOnly ? "1.2" : "1.1", (s) => ({
      sheet: s,
      area: s.usedArea(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return this._range("getUsedRangeOrNullObject", "1.4", (s) => {
      const used = s.usedArea(valuesOnly);
      return used ? { sheet: s, area: used } : null;
    });
  }

  activate(): void {
    this._action("activate", "1.1", [], (s, x) => {
      if (s.visibility !== "Visible")
        throw hostError(ErrorCodes.invalidOperation, "Worksheet.activate");
      x.wb.activeSheet = s;
    });
  }

  delete(): void {
    this._action("delete", "1.1", [], (s, x) => {
      assertStructureEditable(x, "Worksheet.delete");
      const visible = x.wb.visibleSheets();
      if (s.visibility === "Visible" && visible.length === 1) {
        throw hostError(ErrorCodes.invalidOperation, "Worksheet.delete");
      }
      x.wb.removeSheet(s);
    });
  }

  calculate(_markAllDirty?: boolean): void {
    this._action("calculate", "1.6", [], () => undefined);
  }

  private _sibling(name: string, step: 1 | -1, visibleOnly: boolean, orNull: boolean): Worksheet {
    return this._object(
      name,
      "1.5",
      () =>
        new Worksheet(this.context, (x) => {
          const s = this._resolve(x);
          if (s === null) return null;
          const n = neighbour(x, s, step, visibleOnly);
          if (n || orNull) return n;
          throw hostError(ErrorCodes.itemNotFound, `Worksheet.${name}`);
        })
    );
  }

  getNext(visibleOnly = false): Worksheet {
    return this._sibling("getNext", 1, visibleOnly, false);
  }

  getNextOrNullObject(visibleOnly = false): Worksheet {
    return this._sibling("getNextOrNullObject", 1, visibleOnly, true);
  }

  getPrevious(visibleOnly = false): Worksheet {
    return this._sibling("getPrevious", -1, visibleOnly, false);
  }

  getPreviousOrNullObject(visibleOnly = false): Worksheet {
    return this._sibling("getPreviousOrNullObject", -1, visibleOnly, true);
  }

  copy(): Worksheet {
    throw hostError(
      ErrorCodes.notImplemented,
      "Worksheet.copy",
      "ExcelHost does not implement Worksheet.copy."
    );
  }
}

export function renameSheet(x: ExecContext, s: SheetState, value: unknown, loc: string): void {
  const problem = sheetNameProblem(value);
  if (problem) throw invalidArgument(loc, problem);
  assertStructureEditable(x, loc);
  const name = value as string;
  const clash = x.wb.sheetByName(name);
  if (clash && clash !== s) throw hostError(ErrorCodes.itemAlreadyExists, loc);
  s.name = name;
}

function setVisibility(x: ExecContext, s: SheetState, value: unknown, loc: string): void {
  const v = requireEnum(value, VISIBILITY, loc) as SheetState["visibility"];
  assertStructureEditable(x, loc);
  if (v !== "Visible" && s.visibility === "Visible") {
    const visible = x.wb.visibleSheets();
    if (visible.length === 1) throw hostError(ErrorCodes.invalidOperation, loc);
    if (x.wb.activeSheet === s) {
      const i = visible.indexOf(s);
      x.wb.activeSheet = visible[i + 1] ?? visible[i - 1];
    }
  }
  s.visibility = v;
}

export const worksheetSpec: TypeSpec<SheetState> = {
  name: "Worksheet",
  props: {
    name: { since: "1.1", get: (s) => s.name, set: (s, v, x, loc) => renameSheet(x, s, v, loc) },
    id: { since: "1.1", get: (s) => s.id },
    position: {
      since: "1.1",
      get: (s, x) => x.wb.liveSheets().indexOf(s),
      set: (s, v, x, loc) => {
        const count = x.wb.liveSheets().length;
        const p = requireNumber(v, loc, 0, count - 1);
        if (!Number.isInteger(p)) throw invalidArgument(loc);
        assertStructureEditable(x, loc);
        x.wb.moveSheet(s, p);
      },
    },
    visibility: {
      since: "1.1",
      setSince: "1.2",
      get: (s) => s.visibility,
      set: (s, v, x, loc) => setVisibility(x, s, v, loc),
    },
    tabColor: {
      since: "1.7",
      get: (s) => s.tabColor,
      set: (s, v, _x, loc) => {
        if (v === "" || v === null) {
          s.tabColor = "";
          return;
        }
        const c = normalizeColor(v);
        if (c === null) throw invalidArgument(loc);
        s.tabColor = c;
      },
    },
    showGridlines: {
      since: "1.8",
      get: (s) => s.showGridlines,
      set: (s, v, _x, loc) => {
        s.showGridlines = requireBoolean(v, loc);
      },
    },
    showHeadings: {
      since: "1.8",
      get: (s) => s.showHeadings,
      set: (s, v, _x, loc) => {
        s.showHeadings = requireBoolean(v, loc);
      },
    },
    standardWidth: {
      since: "1.7",
      get: (s) => s.standardWidth,
      set: (s, v, _x, loc) => {
        s.standardWidth = requireNumber(v, loc, 0, 1800);
      },
    },
    standardHeight: { since: "1.7", get: (s) => s.standardHeight },
  },
  nav: {
    protection: nav(
      "1.2",
      () => worksheetProtectionSpec as TypeSpec<unknown>,
      (p) => new WorksheetProtection(p.context, sameTarget(p))
    ),
    freezePanes: nav(
      "1.7",
      () => freezePanesSpec as TypeSpec<unknown>,
      (p) => new WorksheetFreezePanes(p.context, sameTarget(p))
    ),
    names: nav(
      "1.4",
      () => namedItemCollectionSpec as TypeSpec<unknown>,
      (p) =>
        makeNamedItems(p.context, (x) => {
          const s = p._resolve(x) as SheetState | null;
          return s === null ? null : { scope: s };
        })
    ),
    pageLayout: nav(
      "1.9",
      () => pageLayoutSpec as TypeSpec<unknown>,
      (p) => new PageLayout(p.context, sameTarget(p))
    ),
    charts: nav(
      "1.1",
      () => chartCollectionSpec as TypeSpec<unknown>,
      (p) =>
        makeCharts(p.context, (x) => {
          const s = p._resolve(x) as SheetState | null;
          return s === null ? null : { sheet: s };
        })
    ),
    comments: nav(
      "1.10",
      () => commentCollectionSpec as TypeSpec<unknown>,
      (p) =>
        makeComments(p.context, (x) => {
          const s = p._resolve(x) as SheetState | null;
          return s === null ? null : { sheet: s };
        })
    ),
  },
  check: checkSheet,
};

defineType(Worksheet, worksheetSpec);

export function makeWorksheet(ctx: RequestContextImpl, resolver: Resolver<SheetState>): Worksheet {
  return new Worksheet(ctx, resolver);
}

const PROTECTION_KEYS = Object.keys(DEFAULT_PROTECTION_OPTIONS);

export class WorksheetProtection extends ClientObjectImpl<SheetState> {
  protect(options?: Partial<ProtectionOptions>, password?: string): void {
    const since = password === undefined ? "1.2" : "1.7";
    this._action(
      "protect",
      since,
      [options ?? null, password === undefined ? null : "***"],
      (s) => {
        const loc = "WorksheetProtection.protect";
        // Excel documents protect() as failing on an already protected sheet.
        if (s.protection.protected) throw hostError(ErrorCodes.accessDenied, loc);
        const merged: ProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
        for (const [k, v] of Object.entries(options ?? {})) {
          if (!PROTECTION_KEYS.includes(k)) throw invalidArgument(loc);
          if (k === "selectionMode") {
            merged.selectionMode = requireEnum(v, ["Normal", "Unlocked", "None"], loc);
          } else {
            (merged as unknown as Record<string, unknown>)[k] = requireBoolean(v, loc);
          }
        }
        s.protection = { protected: true, options: merged, password: password ?? null };
      }
    );
  }

  unprotect(password?: string): void {
    const since = password === undefined ? "1.2" : "1.7";
    this._action("unprotect", since, [password === undefined ? null : "***"], (s) => {
      if (!s.protection.protected) return;
      if (s.protection.password !== null && s.protection.password !== (password ?? "")) {
        throw invalidArgument(
          "WorksheetProtection.unprotect",
          "The password you supplied is not correct."
        );
      }
      s.protection = {
        protected: false,
        options: { ...DEFAULT_PROTECTION_OPTIONS },
        password: null,
      };
    });
  }
}

export const worksheetProtectionSpec: TypeSpec<SheetState> = {
  name: "WorksheetProtection",
  props: {
    protected: { since: "1.2", get: (s) => s.protection.protected },
    options: { since: "1.2", get: (s) => ({ ...s.protection.options }) },
  },
  nav: {},
  check: checkSheet,
};
defineType(WorksheetProtection, worksheetProtectionSpec);

function frozenArea(s: SheetState): Area | null {
  if (s.frozenRows > 0 && s.frozenCols > 0) {
    return { r0: 0, c0: 0, r1: s.frozenRows - 1, c1: s.frozenCols - 1 };
  }
  if (s.frozenRows > 0) return { r0: 0, c0: 0, r1: s.frozenRows - 1, c1: MAX_COLS - 1 };
  if (s.frozenCols > 0) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: s.frozenCols - 1 };
  return null;
}

export class WorksheetFreezePanes extends ClientObjectImpl<SheetState> {
  freezeAt(frozenRange: unknown): void {
    this._action("freezeAt", "1.7", [frozenRange], (s, x) => {
      const t = resolveRangeArg(x, frozenRange, "WorksheetFreezePanes.freezeAt", s);
      if (t.sheet !== s) throw invalidArgument("WorksheetFreezePanes.freezeAt");
      s.frozenRows = isFullColumns(t.area) ? 0 : t.area.r1 + 1;
      s.frozenCols = isFullRows(t.area) ? 0 : t.area.c1 + 1;
    });
  }

  freezeRows(count = 1): void {
    this._action("freezeRows", "1.7", [count], (s) => {
      s.frozenRows = requireNumber(count, "WorksheetFreezePanes.freezeRows", 0, MAX_ROWS - 1);
      s.frozenCols = 0;
    });
  }

  freezeColumns(count = 1): void {
    this._action("freezeColumns", "1.7", [count], (s) => {
      s.frozenCols = requireNumber(count, "WorksheetFreezePanes.freezeColumns", 0, MAX_COLS - 1);
      s.frozenRows = 0;
    });
  }

  unfreeze(): void {
    this._action("unfreeze", "1.7", [], (s) => {
      s.frozenRows = 0;
      s.frozenCols = 0;
    });
  }

  getLocation(): Range {
    return this._object(
      "getLocation",
      "1.7",
      () =>
        new Range(this.context, (x) => {
          const s = this._target(x);
          const a = frozenArea(s);
          if (!a) throw hostError(ErrorCodes.itemNotFound, "WorksheetFreezePanes.getLocation");
          return { sheet: s, area: a };
        })
    );
  }

  getLocationOrNullObject(): Range {
    return this._object(
      "getLocationOrNullObject",
      "1.7",
      () =>
        new Range(this.context, (x) => {
          const s = this._resolve(x);
          const a = s ? frozenArea(s) : null;
          return s && a ? { sheet: s, area: a } : null;
        })
    );
  }
}

export const freezePanesSpec: TypeSpec<SheetState> = {
  name: "WorksheetFreezePanes",
  props: {},
  nav: {},
  check: checkSheet,
};
defineType(WorksheetFreezePanes, freezePanesSpec);

const ORIENTATIONS = ["Portrait", "Landscape"];
const PAPER_SIZES = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
  "Folio",
  "Quatro",
];

type LayoutKey = keyof PageLayoutState;

function layoutProp(key: LayoutKey, coerce: (v: unknown, loc: string) => unknown) {
  return {
    since: "1.9",
    get: (s: SheetState) => {
      const v = s.pageLayout[key];
      return v && typeof v === "object" ? { ...(v as object) } : v;
    },
    set: (s: SheetState, v: unknown, _x: ExecContext, loc: string) => {
      (s.pageLayout as unknown as Record<string, unknown>)[key] = coerce(v, loc);
    },
  };
}

const margin = (v: unknown, loc: string) => requireNumber(v, loc, 0, 1000);

function zoom(v: unknown, loc: string): PageLayoutState["zoom"] {
  if (!v || typeof v !== "object") throw invalidArgument(loc);
  const z = v as Record<string, unknown>;
  const out: PageLayoutState["zoom"] = {};
  if (z.scale !== undefined) out.scale = requireNumber(z.scale, loc, 10, 400);
  if (z.horizontalFitToPages !== undefined)
    out.horizontalFitToPages = requireNumber(z.horizontalFitToPages, loc, 0);
  if (z.verticalFitToPages !== undefined)
    out.verticalFitToPages = requireNumber(z.verticalFitToPages, loc, 0);
  if (
    out.scale !== undefined &&
    (out.horizontalFitToPages !== undefined || out.verticalFitToPages !== undefined)
  ) {
    throw invalidArgument(loc);
  }
  return out;
}

const UNIT_POINTS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

export class PageLayout extends ClientObjectImpl<SheetState> {
  private _title(kind: "printTitleRows" | "printTitleColumns", name: string, range: unknown): void {
    this._action(name, "1.9", [range], (s, x) => {
      const t = resolveRangeArg(x, range, `PageLayout.${name}`, s);
      if (t.sheet !== s) throw invalidArgument(`PageLayout.${name}`);
      s.pageLayout[kind] =
        kind === "printTitleRows"
          ? { r0: t.area.r0, r1: t.area.r1, c0: 0, c1: MAX_COLS - 1 }
          : { r0: 0, r1: MAX_ROWS - 1, c0: t.area.c0, c1: t.area.c1 };
    });
  }

  setPrintTitleRows(range: unknown): void {
    this._title("printTitleRows", "setPrintTitleRows", range);
  }

  setPrintTitleColumns(range: unknown): void {
    this._title("printTitleColumns", "setPrintTitleColumns", range);
  }

  private _get(kind: "printTitleRows" | "printTitleColumns", name: string, orNull: boolean): Range {
    return this._object(
      name,
      "1.9",
      () =>
        new Range(this.context, (x) => {
          const s = this._resolve(x);
          const a = s ? s.pageLayout[kind] : null;
          if (s && a) return { sheet: s, area: a };
          if (orNull) return null;
          throw hostError(ErrorCodes.itemNotFound, `PageLayout.${name}`);
        })
    );
  }

  getPrintTitleRows(): Range {
    return this._get("printTitleRows", "getPrintTitleRows", false);
  }

  getPrintTitleRowsOrNullObject(): Range {
    return this._get("printTitleRows", "getPrintTitleRowsOrNullObject", true);
  }

  getPrintTitleColumns(): Range {
    return this._get("printTitleColumns", "getPrintTitleColumns", false);
  }

  getPrintTitleColumnsOrNullObject(): Range {
    return this._get("printTitleColumns", "getPrintTitleColumnsOrNullObject", true);
  }

  setPrintArea(printArea: unknown): void {
    this._action("setPrintArea", "1.9", [printArea], (s, x) => {
      const t = resolveRangeArg(x, printArea, "PageLayout.setPrintArea", s);
      if (t.sheet !== s) throw invalidArgument("PageLayout.setPrintArea");
      s.pageLayout.printArea = t.area;
    });
  }

  private _printArea(name: string, orNull: boolean): RangeAreas {
    return this._object(
      name,
      "1.9",
      () =>
        new RangeAreas(this.context, (x) => {
          const s = this._resolve(x);
          const a = s ? s.pageLayout.printArea : null;
          if (s && a) return { sheet: s, areas: [a] };
          if (orNull) return null;
          throw hostError(ErrorCodes.itemNotFound, `PageLayout.${name}`);
        })
    );
  }

  getPrintArea(): RangeAreas {
    return this._printArea("getPrintArea", false);
  }

  getPrintAreaOrNullObject(): RangeAreas {
    return this._printArea("getPrintAreaOrNullObject", true);
  }

  setPrintMargins(unit: string, marginOptions: Record<string, unknown>): void {
    this._action("setPrintMargins", "1.9", [unit, marginOptions], (s) => {
      const loc = "PageLayout.setPrintMargins";
      const u = requireEnum(unit, Object.keys(UNIT_POINTS), loc);
      const keys = ["top", "bottom", "left", "right", "header", "footer"] as const;
      for (const [k, v] of Object.entries(marginOptions ?? {})) {
        if (!(keys as readonly string[]).includes(k)) throw invalidArgument(loc);
        const points = requireNumber(v, loc, 0) * UNIT_POINTS[u];
        const field = `${k}Margin` as LayoutKey;
        (s.pageLayout as unknown as Record<string, unknown>)[field] = points;
      }
    });
  }
}

export const pageLayoutSpec: TypeSpec<SheetState> = {
  name: "PageLayout",
  props: {
    orientation: layoutProp("orientation", (v, loc) => requireEnum(v, ORIENTATIONS, loc)),
    paperSize: layoutProp("paperSize", (v, loc) => requireEnum(v, PAPER_SIZES, loc)),
    printGridlines: layoutProp("printGridlines", requireBoolean),
    printHeadings: layoutProp("printHeadings", requireBoolean),
    blackAndWhite: layoutProp("blackAndWhite", requireBoolean),
    draftMode: layoutProp("draftMode", requireBoolean),
    centerHorizontally: layoutProp("centerHorizontally", requireBoolean),
    centerVertically: layoutProp("centerVertically", requireBoolean),
    firstPageNumber: layoutProp("firstPageNumber", (v, loc) =>
      v === "" ? "" : requireNumber(v, loc, 0)
    ),
    printComments: layoutProp("printComments", (v, loc) =>
      requireEnum(v, ["NoComments", "EndSheet", "InPlace"], loc)
    ),
    printErrors: layoutProp("printErrors", (v, loc) =>
      requireEnum(v, ["AsDisplayed", "Blank", "Dash", "NotAvailable"], loc)
    ),
    printOrder: layoutProp("printOrder", (v, loc) =>
      requireEnum(v, ["DownThenOver", "OverThenDown"], loc)
    ),
    leftMargin: layoutProp("leftMargin", margin),
    rightMargin: layoutProp("rightMargin", margin),
    topMargin: layoutProp("topMargin", margin),
    bottomMargin: layoutProp("bottomMargin", margin),
    headerMargin: layoutProp("headerMargin", margin),
    footerMargin: layoutProp("footerMargin", margin),
    zoom: layoutProp("zoom", zoom),
  },
  nav: {
    headersFooters: nav(
      "1.9",
      () => headerFooterGroupSpec as TypeSpec<unknown>,
      (p) => new HeaderFooterGroup(p.context, sameTarget(p))
    ),
  },
  check: checkSheet,
};
defineType(PageLayout, pageLayoutSpec);

/** Excel.HeaderFooterGroup: the sheet's header/footer sets (ExcelApi 1.9). */
export class HeaderFooterGroup extends ClientObjectImpl<SheetState> {}

interface HeaderFooterTarget {
  sheet: SheetState;
  pages: HeaderFooterPages;
}

function groupProp<K extends "state" | "useSheetMargins" | "useSheetScale">(
  key: K,
  coerce: (v: unknown, loc: string) => unknown
) {
  return {
    since: "1.9",
    get: (s: SheetState) => s.pageLayout.headersFooters[key],
    set: (s: SheetState, v: unknown, _x: ExecContext, loc: string) => {
      (s.pageLayout.headersFooters as unknown as Record<string, unknown>)[key] = coerce(v, loc);
    },
  };
}

export const headerFooterGroupSpec: TypeSpec<SheetState> = {
  name: "HeaderFooterGroup",
  props: {
    state: groupProp("state", (v, loc) =>
      requireEnum(v, ["Default", "FirstAndDefault", "OddAndEven", "FirstOddAndEven"], loc)
    ),
    useSheetMargins: groupProp("useSheetMargins", requireBoolean),
    useSheetScale: groupProp("useSheetScale", requireBoolean),
  },
  nav: Object.fromEntries(
    HEADER_FOOTER_PAGES.map((pages) => [
      pages,
      nav(
        "1.9",
        () => headerFooterSpec as TypeSpec<unknown>,
        (p) =>
          new HeaderFooter(p.context, (x) => {
            const s = p._resolve(x) as SheetState | null;
            return s === null ? null : { sheet: s, pages };
          })
      ),
    ])
  ),
  check: checkSheet,
};
defineType(HeaderFooterGroup, headerFooterGroupSpec);

/** Excel.HeaderFooter: six texts in Excel's codes; Excel limits each part to 255 characters. */
export class HeaderFooter extends ClientObjectImpl<HeaderFooterTarget> {}

function partProp(key: keyof HeaderFooterState) {
  return {
    since: "1.9",
    get: (t: HeaderFooterTarget) => t.sheet.pageLayout.headersFooters[t.pages][key],
    set: (t: HeaderFooterTarget, v: unknown, _x: ExecContext, loc: string) => {
      if (typeof v !== "string" || v.length > 255) throw invalidArgument(loc);
      t.sheet.pageLayout.headersFooters[t.pages][key] = v;
    },
  };
}

export const headerFooterSpec: TypeSpec<HeaderFooterTarget> = {
  name: "HeaderFooter",
  props: {
    leftHeader: partProp("leftHeader"),
    centerHeader: partProp("centerHeader"),
    rightHeader: partProp("rightHeader"),
    leftFooter: partProp("leftFooter"),
    centerFooter: partProp("centerFooter"),
    rightFooter: partProp("rightFooter"),
  },
  nav: {},
  check: (t) => checkSheet(t.sheet),
};
defineType(HeaderFooter, headerFooterSpec);
