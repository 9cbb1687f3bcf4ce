/**
 * Excel.Workbook, WorksheetCollection, Application and WorkbookProtection.
 */
import { sheetNameProblem } from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  NavSpec,
  RequestContextImpl,
  TypeSpec,
  defineType,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import type { SheetState, WorkbookState } from "./state";
import { assertStructureEditable, requireEnum } from "./targets";
import { Range, RangeAreas } from "./api-range";
import { Worksheet, worksheetSpec } from "./api-worksheet";
import { makeNamedItems, namedItemCollectionSpec } from "./api-names";
import { commentCollectionSpec, makeComments } from "./api-comments";

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

function sheets(wb: WorkbookState, visibleOnly: boolean): SheetState[] {
  return visibleOnly ? wb.visibleSheets() : wb.liveSheets();
}

export class WorksheetCollection extends CollectionImpl<WorkbookState, SheetState> {
  _list(wb: WorkbookState): SheetState[] {
    return wb.liveSheets();
  }

  _makeItem(target: SheetState): ClientObjectImpl<SheetState> {
    return new Worksheet(this.context, () => target);
  }

  add(name?: string): Worksheet {
    let created: SheetState | null = null;
    this._action("add", "1.1", [name ?? null], (wb, x) => {
      const loc = "WorksheetCollection.add";
      assertStructureEditable(x, loc);
      const sheetName = name === undefined || name === null ? wb.nextSheetName() : name;
      const problem = sheetNameProblem(sheetName);
      if (problem) throw invalidArgument(loc, problem);
      if (wb.sheetByName(sheetName)) throw hostError(ErrorCodes.itemAlreadyExists, loc);
      created = wb.addSheet(sheetName);
    });
    return new Worksheet(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }

  private _lookup(method: string, since: string, key: string, orNull: boolean): Worksheet {
    return this._object(
      method,
      since,
      () =>
        new Worksheet(this.context, (x) => {
          const hit = x.wb.sheetByKey(String(key));
          if (hit || orNull) return hit ?? null;
          throw hostError(ErrorCodes.itemNotFound, `WorksheetCollection.${method}`);
        })
    );
  }

  getItem(key: string): Worksheet {
    return this._lookup("getItem", "1.1", key, false);
  }

  getItemOrNullObject(key: string): Worksheet {
    return this._lookup("getItemOrNullObject", "1.4", key, true);
  }

  getActiveWorksheet(): Worksheet {
    return this._object(
      "getActiveWorksheet",
      "1.1",
      () =>
        new Worksheet(this.context, (x) => {
          if (!x.wb.activeSheet) throw hostError(ErrorCodes.itemNotFound);
          return x.wb.activeSheet;
        })
    );
  }

  getCount(visibleOnly = false): unknown {
    return this._result("getCount", "1.4", [visibleOnly], (wb) => sheets(wb, visibleOnly).length);
  }

  private _end(method: string, visibleOnly: boolean, last: boolean): Worksheet {
    return this._object(
      method,
      "1.5",
      () =>
        new Worksheet(this.context, (x) => {
          const list = sheets(x.wb, visibleOnly);
          const hit = last ? list[list.length - 1] : list[0];
          if (!hit) throw hostError(ErrorCodes.itemNotFound, `WorksheetCollection.${method}`);
          return hit;
        })
    );
  }

  getFirst(visibleOnly = false): Worksheet {
    return this._end("getFirst", visibleOnly, false);
  }

  getLast(visibleOnly = false): Worksheet {
    return this._end("getLast", visibleOnly, true);
  }
}

export const worksheetCollectionSpec: TypeSpec<WorkbookState> = {
  name: "WorksheetCollection",
  props: {},
  nav: {},
  item: () => worksheetSpec as TypeSpec<unknown>,
};
defineType(WorksheetCollection, worksheetCollectionSpec);

export class Application extends ClientObjectImpl<WorkbookState> {
  calculate(calculationType: string): void {
    this._action("calculate", "1.1", [calculationType], () => {
      requireEnum(calculationType, ["Recalculate", "Full", "FullRebuild"], "Application.calculate");
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this._action("suspendApiCalculationUntilNextSync", "1.6", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._action("suspendScreenUpdatingUntilNextSync", "1.9", [], () => undefined);
  }
}

export const applicationSpec: TypeSpec<WorkbookState> = {
  name: "Application",
  props: {
    calculationMode: {
      since: "1.1",
      setSince: "1.8",
      get: (wb) => wb.calculationMode,
      set: (wb, v, _x, loc) => {
        wb.calculationMode = requireEnum(v, ["Automatic", "AutomaticExceptTables", "Manual"], loc);
      },
    },
  },
  nav: {},
};
defineType(Application, applicationSpec);

export class WorkbookProtection extends ClientObjectImpl<WorkbookState> {
  protect(password?: string): void {
    this._action("protect", "1.7", [password === undefined ? null : "***"], (wb) => {
      if (wb.protection.protected)
        throw hostError(ErrorCodes.accessDenied, "WorkbookProtection.protect");
      wb.protection = { protected: true, password: password ?? null };
    });
  }

  unprotect(password?: string): void {
    this._action("unprotect", "1.7", [password === undefined ? null : "***"], (wb) => {
      if (!wb.protection.protected) return;
      if (wb.protection.password !== null && wb.protection.password !== (password ?? "")) {
        throw invalidArgument(
          "WorkbookProtection.unprotect",
          "The password you supplied is not correct."
        );
      }
      wb.protection = { protected: false, password: null };
    });
  }
}

export const workbookProtectionSpec: TypeSpec<WorkbookState> = {
  name: "WorkbookProtection",
  props: { protected: { since: "1.7", get: (wb) => wb.protection.protected } },
  nav: {},
};
defineType(WorkbookProtection, workbookProtectionSpec);

export class Workbook extends ClientObjectImpl<WorkbookState> {
  getSelectedRange(): Range {
    return this._object(
      "getSelectedRange",
      "1.1",
      () =>
        new Range(this.context, (x) => {
          const s = x.wb.activeSheet;
          if (!s) throw hostError(ErrorCodes.itemNotFound);
          return { sheet: s, area: { ...s.selection } };
        })
    );
  }

  getSelectedRanges(): RangeAreas {
    return this._object(
      "getSelectedRanges",
      "1.9",
      () =>
        new RangeAreas(this.context, (x) => {
          const s = x.wb.activeSheet;
          if (!s) throw hostError(ErrorCodes.itemNotFound);
          return { sheet: s, areas: [{ ...s.selection }] };
        })
    );
  }

  getActiveCell(): Range {
    return this._object(
      "getActiveCell",
      "1.7",
      () =>
        new Range(this.context, (x) => {
          const s = x.wb.activeSheet;
          if (!s) throw hostError(ErrorCodes.itemNotFound);
          const { r0, c0 } = s.selection;
          return { sheet: s, area: { r0, c0, r1: r0, c1: c0 } };
        })
    );
  }
}

const root = (p: ClientObjectImpl<unknown>) => (x: ExecContext) =>
  p._resolve(x) as WorkbookState | null;

export const workbookSpec: TypeSpec<WorkbookState> = {
  name: "Workbook",
  props: {
    name: { since: "1.7", get: (wb) => wb.name },
    readOnly: { since: "1.8", get: () => false },
  },
  nav: {
    worksheets: nav(
      "1.1",
      () => worksheetCollectionSpec as TypeSpec<unknown>,
      (p) => new WorksheetCollection(p.context, root(p))
    ),
    names: nav(
      "1.1",
      () => namedItemCollectionSpec as TypeSpec<unknown>,
      (p) => makeNamedItems(p.context, (x) => (p._resolve(x) ? { scope: null } : null))
    ),
    application: nav(
      "1.1",
      () => applicationSpec as TypeSpec<unknown>,
      (p) => new Application(p.context, root(p))
    ),
    protection: nav(
      "1.7",
      () => workbookProtectionSpec as TypeSpec<unknown>,
      (p) => new WorkbookProtection(p.context, root(p))
    ),
    comments: nav(
      "1.10",
      () => commentCollectionSpec as TypeSpec<unknown>,
      (p) => makeComments(p.context, (x) => (p._resolve(x) ? {} : null))
    ),
  },
};
defineType(Workbook, workbookSpec);

export function makeWorkbook(ctx: RequestContextImpl): Workbook {
  return new Workbook(ctx, (x) => x.wb);
}
