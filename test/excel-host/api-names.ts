/**
 * Defined names: NamedItemCollection (workbook or worksheet scope) and NamedItem. Range names are
 * stored structurally so renaming a sheet updates their formulas, as in Excel.
 */
import { definedNameProblem, parseReference, qualify } from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  NavSpec,
  RequestContextImpl,
  Resolver,
  TypeSpec,
  defineType,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import type { NameRef, NameState, SheetState } from "./state";
import { checkSheet, requireBoolean, resolveRangeArg } from "./targets";
import { Range } from "./api-range";
import { makeWorksheet, worksheetSpec } from "./api-worksheet";

export interface NamesScope {
  scope: SheetState | null;
}

/** Builds the reference Excel would store for a formula string. */
export function parseNameFormula(
  x: ExecContext,
  text: string,
  defaultSheet: SheetState | null
): NameRef {
  const formula = text.startsWith("=") ? text : `=${text}`;
  const ref = parseReference(formula);
  if (ref) {
    const sheet =
      ref.sheet === null ? (defaultSheet ?? x.wb.activeSheet) : x.wb.sheetByName(ref.sheet);
    if (sheet) return { kind: "range", sheet, area: ref.area, abs: ref.abs };
  }
  return { kind: "formula", text: formula };
}

export function nameFormula(n: NameState): string {
  const ref = n.ref;
  if (ref.kind === "formula") return ref.text;
  if (ref.sheet.deleted) return `=#REF!`;
  return `=${qualify(ref.sheet.name, ref.area, ref.abs)}`;
}

export function nameType(n: NameState): string {
  const ref = n.ref;
  if (ref.kind === "range") return ref.sheet.deleted ? "Error" : "Range";
  const body = ref.text.slice(1).trim();
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(body)) return "Double";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^#/.test(body)) return "Error";
  // Other formulas are not evaluated; see README.
  return "String";
}

export function nameValue(n: NameState): unknown {
  const ref = n.ref;
  if (ref.kind === "range") {
    return ref.sheet.deleted ? "#REF!" : qualify(ref.sheet.name, ref.area, ref.abs);
  }
  const body = ref.text.slice(1).trim();
  switch (nameType(n)) {
    case "Double":
      return Number(body);
    case "Boolean":
      return body.toUpperCase() === "TRUE";
    case "Error":
      return body.split(/[!?]/)[0] + (body.includes("?") ? "?" : "!");
    default: {
      const quoted = /^"(.*)"$/.exec(body);
      return quoted ? quoted[1].replace(/""/g, '"') : body;
    }
  }
}

function checkName(n: NameState): void {
  if (n.deleted) throw hostError(ErrorCodes.itemNotFound);
}

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

export class NamedItemCollection extends CollectionImpl<NamesScope, NameState> {
  _list(t: NamesScope, x: ExecContext): NameState[] {
    return x.wb.names.filter((n) => !n.deleted && n.scope === t.scope);
  }

  _makeItem(target: NameState): ClientObjectImpl<NameState> {
    return new NamedItem(this.context, () => target);
  }

  private _add(method: string, name: string, reference: unknown, comment?: string): NamedItem {
    let created: NameState | null = null;
    this._action(method, "1.4", [name, reference, comment ?? null], (t, x) => {
      const loc = `NamedItemCollection.${method}`;
      const problem = definedNameProblem(name);
      if (problem) throw invalidArgument(loc, problem);
      if (x.wb.findName(name, t.scope)) throw hostError(ErrorCodes.itemAlreadyExists, loc);
      if (comment !== undefined && comment !== null && typeof comment !== "string")
        throw invalidArgument(loc);
      let ref: NameRef;
      if (reference instanceof ClientObjectImpl) {
        const r = resolveRangeArg(x, reference, loc);
        ref = {
          kind: "range",
          sheet: r.sheet,
          area: r.area,
          abs: { r0: true, c0: true, r1: true, c1: true },
        };
      } else if (typeof reference === "string" && reference.trim().length > 0) {
        ref = parseNameFormula(x, reference.trim(), t.scope);
      } else {
        throw invalidArgument(loc);
      }
      created = x.wb.addName(name, ref, t.scope, comment ?? "");
    });
    return new NamedItem(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }

  add(name: string, reference: unknown, comment?: string): NamedItem {
    return this._add("add", name, reference, comment);
  }

  addFormulaLocal(name: string, formula: string, comment?: string): NamedItem {
    return this._add("addFormulaLocal", name, formula, comment);
  }

  private _lookup(method: string, since: string, name: string, orNull: boolean): NamedItem {
    return this._object(
      method,
      since,
      () =>
        new NamedItem(this.context, (x) => {
          const t = this._resolve(x);
          if (t === null) return null;
          const hit = x.wb.findName(name, t.scope);
          if (hit || orNull) return hit ?? null;
          throw hostError(ErrorCodes.itemNotFound, `NamedItemCollection.${method}`);
        })
    );
  }

  getItem(name: string): NamedItem {
    return this._lookup("getItem", "1.1", name, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return this._lookup("getItemOrNullObject", "1.4", name, true);
  }

  getCount(): unknown {
    return this._result("getCount", "1.4", [], (t, x) => this._list(t, x).length);
  }
}

export class NamedItem extends ClientObjectImpl<NameState> {
  private _rangeOf(method: string, since: string, orNull: boolean): Range {
    return this._object(
      method,
      since,
      () =>
        new Range(this.context, (x) => {
          const n = this._resolve(x);
          if (n && n.ref.kind === "range" && !n.ref.sheet.deleted) {
            return { sheet: n.ref.sheet, area: n.ref.area };
          }
          if (orNull) return null;
          if (!n) throw hostError(ErrorCodes.itemNotFound, `NamedItem.${method}`);
          throw hostError(ErrorCodes.invalidReference, `NamedItem.${method}`);
        })
    );
  }

  getRange(): Range {
    return this._rangeOf("getRange", "1.1", false);
  }

  getRangeOrNullObject(): Range {
    return this._rangeOf("getRangeOrNullObject", "1.4", true);
  }

  delete(): void {
    this._action("delete", "1.4", [], (n, x) => x.wb.removeName(n));
  }
}

export const namedItemSpec: TypeSpec<NameState> = {
  name: "NamedItem",
  props: {
    name: { since: "1.1", get: (n) => n.name },
    type: { since: "1.1", get: nameType },
    value: { since: "1.1", get: nameValue },
    formula: {
      since: "1.7",
      get: nameFormula,
      set: (n, v, x, loc) => {
        if (typeof v !== "string" || v.trim().length === 0) throw invalidArgument(loc);
        n.ref = parseNameFormula(x, v.trim(), n.scope);
      },
    },
    visible: {
      since: "1.1",
      get: (n) => n.visible,
      set: (n, v, _x, loc) => {
        n.visible = requireBoolean(v, loc);
      },
    },
    comment: {
      since: "1.4",
      get: (n) => n.comment,
      set: (n, v, _x, loc) => {
        if (typeof v !== "string") throw invalidArgument(loc);
        n.comment = v;
      },
    },
    scope: { since: "1.4", get: (n) => (n.scope ? "Worksheet" : "Workbook") },
  },
  nav: {
    worksheet: nav(
      "1.4",
      () => worksheetSpec as TypeSpec<unknown>,
      (p) =>
        makeWorksheet(p.context, (x) => {
          const n = p._resolve(x) as NameState | null;
          if (n === null) return null;
          if (!n.scope) throw hostError(ErrorCodes.itemNotFound, "NamedItem.worksheet");
          return n.scope;
        })
    ),
    worksheetOrNullObject: nav(
      "1.4",
      () => worksheetSpec as TypeSpec<unknown>,
      (p) =>
        makeWorksheet(p.context, (x) => {
          const n = p._resolve(x) as NameState | null;
          return n?.scope ?? null;
        })
    ),
  },
  check: checkName,
};
defineType(NamedItem, namedItemSpec);

export const namedItemCollectionSpec: TypeSpec<NamesScope> = {
  name: "NamedItemCollection",
  props: {},
  nav: {},
  item: () => namedItemSpec as TypeSpec<unknown>,
  check: (t) => {
    if (t.scope) checkSheet(t.scope);
  },
};
defineType(NamedItemCollection, namedItemCollectionSpec);

export function makeNamedItems(
  ctx: RequestContextImpl,
  resolver: Resolver<NamesScope>
): NamedItemCollection {
  return new NamedItemCollection(ctx, resolver);
}
