/**
 * Conditional formats (ExcelApi 1.6): enough to add, inspect, re-prioritize and delete rules on a
 * range. Only the custom and cellValue rule types expose their rule and format objects.
 */
import { intersect } from "./address";
import {
  ClientObjectImpl,
  CollectionImpl,
  ExecContext,
  NavSpec,
  TypeSpec,
  defineType,
  sameTarget,
} from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import { UNDERLINE_STYLES, normalizeColor } from "./format";
import type { ConditionalFormatState, SheetState } from "./state";
import {
  RangeTarget,
  assertUnprotected,
  checkRange,
  checkSheet,
  requireBoolean,
  requireEnum,
  requireNumber,
} from "./targets";
import { makeRange } from "./api-range";

export const CONDITIONAL_FORMAT_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

const CELL_VALUE_OPERATORS = [
  "Invalid",
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

export interface CfTarget {
  sheet: SheetState;
  cf: ConditionalFormatState;
}

function checkCf(t: CfTarget): void {
  checkSheet(t.sheet);
  if (t.cf.deleted) throw hostError(ErrorCodes.itemNotFound);
}

function formatsOn(t: RangeTarget): ConditionalFormatState[] {
  return t.sheet.conditionalFormats
    .filter((cf) => !cf.deleted && intersect(cf.area, t.area))
    .sort((a, b) => a.priority - b.priority);
}

function renumber(sheet: SheetState): void {
  sheet.conditionalFormats
    .sort((a, b) => a.priority - b.priority)
    .forEach((cf, i) => (cf.priority = i));
}

function nav(since: string, type: () => TypeSpec<unknown>, create: NavSpec["create"]): NavSpec {
  return { since, type, create };
}

export class ConditionalFormatCollection extends CollectionImpl<RangeTarget, CfTarget> {
  _list(t: RangeTarget): CfTarget[] {
    return formatsOn(t).map((cf) => ({ sheet: t.sheet, cf }));
  }

  _makeItem(target: CfTarget): ClientObjectImpl<CfTarget> {
    return new ConditionalFormat(this.context, () => target);
  }

  add(type: string): ConditionalFormat {
    let created: CfTarget | null = null;
    this._action("add", "1.6", [type], (t, x) => {
      const loc = "ConditionalFormatCollection.add";
      const kind = requireEnum(type, CONDITIONAL_FORMAT_TYPES, loc);
      assertUnprotected(t.sheet, loc);
      // A new rule goes on top, as in Excel's rule manager.
      for (const cf of t.sheet.conditionalFormats) cf.priority++;
      const cf: ConditionalFormatState = {
        id: x.wb.nextObjectId("cf"),
        type: kind,
        area: { ...t.area },
        priority: 0,
        stopIfTrue: false,
        rule: {},
        format: {},
        deleted: false,
      };
      t.sheet.conditionalFormats.push(cf);
      created = { sheet: t.sheet, cf };
    });
    return new ConditionalFormat(this.context, () => {
      if (!created) throw hostError(ErrorCodes.itemNotFound);
      return created;
    });
  }

  getCount(): { value: number } {
    return this._result("getCount", "1.6", [], (t) => formatsOn(t).length);
  }

  getItem(id: string): ConditionalFormat {
    return this._object(
      "getItem",
      "1.6",
      () => new ConditionalFormat(this.context, (x) => this._find(x, id, false))
    );
  }

  getItemOrNullObject(id: string): ConditionalFormat {
    return this._object(
      "getItemOrNullObject",
      "1.14",
      () => new ConditionalFormat(this.context, (x) => this._find(x, id, true))
    );
  }

  getItemAt(index: number): ConditionalFormat {
    return this._object(
      "getItemAt",
      "1.6",
      () =>
        new ConditionalFormat(this.context, (x) => {
          const t = this._target(x);
          const cf = formatsOn(t)[index];
          if (!cf) throw invalidArgument("ConditionalFormatCollection.getItemAt");
          return { sheet: t.sheet, cf };
        })
    );
  }

  private _find(x: ExecContext, id: string, orNull: boolean): CfTarget | null {
    const t = this._target(x);
    const cf = formatsOn(t).find((c) => c.id === id);
    if (cf) return { sheet: t.sheet, cf };
    if (orNull) return null;
    throw hostError(ErrorCodes.itemNotFound, "ConditionalFormatCollection.getItem");
  }

  clearAll(): void {
    this._action("clearAll", "1.6", [], (t) => {
      assertUnprotected(t.sheet, "ConditionalFormatCollection.clearAll");
      for (const cf of formatsOn(t)) cf.deleted = true;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !cf.deleted);
      renumber(t.sheet);
    });
  }
}

export class ConditionalFormat extends ClientObjectImpl<CfTarget> {
  delete(): void {
    this._action("delete", "1.6", [], (t) => {
      assertUnprotected(t.sheet, "ConditionalFormat.delete");
      t.cf.deleted = true;
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
      renumber(t.sheet);
    });
  }

  getRange(): unknown {
    return this._object("getRange", "1.6", () =>
      makeRange(this, (x) => {
        const t = this._target(x);
        return { sheet: t.sheet, area: t.cf.area };
      })
    );
  }

  getRangeOrNullObject(): unknown {
    return this._object("getRangeOrNullObject", "1.6", () =>
      makeRange(this, (x) => {
        const t = this._resolve(x);
        return t ? { sheet: t.sheet, area: t.cf.area } : null;
      })
    );
  }
}

/** Typed sub-objects (custom, cellValue) only exist for rules of their type. */
function typedResolver(type: string, parent: ClientObjectImpl<unknown>, orNull: boolean) {
  return (x: ExecContext): CfTarget | null => {
    const t = parent._resolve(x) as CfTarget | null;
    if (t === null) return null;
    if (t.cf.type === type) return t;
    if (orNull) return null;
    throw hostError(ErrorCodes.invalidOperation, `ConditionalFormat.${type}`);
  };
}

export class TypedConditionalFormat extends ClientObjectImpl<CfTarget> {}

export class ConditionalFormatRule extends ClientObjectImpl<CfTarget> {}

export class ConditionalRangeFormat extends ClientObjectImpl<CfTarget> {}

export class ConditionalRangeFont extends ClientObjectImpl<CfTarget> {}

export class ConditionalRangeFill extends ClientObjectImpl<CfTarget> {
  clear(): void {
    this._action("clear", "1.6", [], (t) => {
      t.cf.format.fill = null;
    });
  }
}

function fontProp(key: "bold" | "italic" | "strikethrough" | "color" | "underline") {
  return {
    since: "1.6",
    get: (t: CfTarget) => t.cf.format.font?.[key] ?? null,
    set: (t: CfTarget, v: unknown, _x: ExecContext, loc: string) => {
      let value: unknown;
      if (key === "color") {
        value = normalizeColor(v);
        if (value === null) throw invalidArgument(loc);
      } else if (key === "underline") {
        value = requireEnum(v, UNDERLINE_STYLES, loc);
      } else {
        value = requireBoolean(v, loc);
      }
      t.cf.format.font = { ...(t.cf.format.font ?? {}), [key]: value };
    },
  };
}

const conditionalRangeFontSpec: TypeSpec<CfTarget> = {
  name: "ConditionalRangeFont",
  props: {
    bold: fontProp("bold"),
    italic: fontProp("italic"),
    strikethrough: fontProp("strikethrough"),
    color: fontProp("color"),
    underline: fontProp("underline"),
  },
  nav: {},
  check: checkCf,
};
defineType(ConditionalRangeFont, conditionalRangeFontSpec);

const conditionalRangeFillSpec: TypeSpec<CfTarget> = {
  name: "ConditionalRangeFill",
  props: {
    color: {
      since: "1.6",
      get: (t) => t.cf.format.fill ?? null,
      set: (t, v, _x, loc) => {
        const c = normalizeColor(v);
        if (c === null) throw invalidArgument(loc);
        t.cf.format.fill = c;
      },
    },
  },
  nav: {},
  check: checkCf,
};
defineType(ConditionalRangeFill, conditionalRangeFillSpec);

const conditionalRangeFormatSpec: TypeSpec<CfTarget> = {
  name: "ConditionalRangeFormat",
  props: {
    numberFormat: {
      since: "1.6",
      get: (t) => t.cf.format.numberFormat ?? null,
      set: (t, v, _x, loc) => {
        if (typeof v !== "string") throw invalidArgument(loc);
        t.cf.format.numberFormat = v;
      },
    },
  },
  nav: {
    font: nav(
      "1.6",
      () => conditionalRangeFontSpec as TypeSpec<unknown>,
      (p) => new ConditionalRangeFont(p.context, sameTarget(p))
    ),
    fill: nav(
      "1.6",
      () => conditionalRangeFillSpec as TypeSpec<unknown>,
      (p) => new ConditionalRangeFill(p.context, sameTarget(p))
    ),
  },
  check: checkCf,
};
defineType(ConditionalRangeFormat, conditionalRangeFormatSpec);

const conditionalFormatRuleSpec: TypeSpec<CfTarget> = {
  name: "ConditionalFormatRule",
  props: {
    formula: {
      since: "1.6",
      get: (t) => (t.cf.rule.formula as string | undefined) ?? "",
      set: (t, v, _x, loc) => {
        if (typeof v !== "string" || v.length === 0) throw invalidArgument(loc);
        t.cf.rule = { formula: v };
      },
    },
    formulaLocal: {
      since: "1.6",
      get: (t) => (t.cf.rule.formula as string | undefined) ?? "",
      set: (t, v, _x, loc) => {
        if (typeof v !== "string" || v.length === 0) throw invalidArgument(loc);
        t.cf.rule = { formula: v };
      },
    },
  },
  nav: {},
  check: checkCf,
};
defineType(ConditionalFormatRule, conditionalFormatRuleSpec);

const formatNav = nav(
  "1.6",
  () => conditionalRangeFormatSpec as TypeSpec<unknown>,
  (p) => new ConditionalRangeFormat(p.context, sameTarget(p))
);

const customConditionalFormatSpec: TypeSpec<CfTarget> = {
  name: "CustomConditionalFormat",
  props: {},
  nav: {
    rule: nav(
      "1.6",
      () => conditionalFormatRuleSpec as TypeSpec<unknown>,
      (p) => new ConditionalFormatRule(p.context, sameTarget(p))
    ),
    format: formatNav,
  },
  check: checkCf,
};

const cellValueConditionalFormatSpec: TypeSpec<CfTarget> = {
  name: "CellValueConditionalFormat",
  props: {
    rule: {
      since: "1.6",
      get: (t) => ({ ...t.cf.rule }),
      set: (t, v, _x, loc) => {
        if (!v || typeof v !== "object") throw invalidArgument(loc);
        const r = v as Record<string, unknown>;
        const operator = requireEnum(r.operator, CELL_VALUE_OPERATORS, loc);
        if (r.formula1 === undefined || r.formula1 === null) throw invalidArgument(loc);
        if ((operator === "Between" || operator === "NotBetween") && r.formula2 === undefined) {
          throw invalidArgument(loc);
        }
        t.cf.rule = { ...r, operator };
      },
    },
  },
  nav: { format: formatNav },
  check: checkCf,
};

/** One proxy class serves both typed views; the spec decides which members exist. */
class CustomConditionalFormat extends TypedConditionalFormat {}
class CellValueConditionalFormat extends TypedConditionalFormat {}
defineType(CustomConditionalFormat, customConditionalFormatSpec);
defineType(CellValueConditionalFormat, cellValueConditionalFormatSpec);

function typedNav(
  type: string,
  spec: TypeSpec<CfTarget>,
  cls: typeof TypedConditionalFormat,
  orNull: boolean
): NavSpec {
  return nav(
    "1.6",
    () => spec as TypeSpec<unknown>,
    (p) => new cls(p.context, typedResolver(type, p, orNull))
  );
}

export const conditionalFormatSpec: TypeSpec<CfTarget> = {
  name: "ConditionalFormat",
  props: {
    id: { since: "1.6", get: (t) => t.cf.id },
    type: { since: "1.6", get: (t) => t.cf.type },
    priority: {
      since: "1.6",
      get: (t) => t.cf.priority,
      set: (t, v, _x, loc) => {
        const p = requireNumber(v, loc, 0);
        const others = t.sheet.conditionalFormats
          .filter((c) => c !== t.cf)
          .sort((a, b) => a.priority - b.priority);
        others.splice(Math.min(Math.floor(p), others.length), 0, t.cf);
        others.forEach((c, i) => (c.priority = i));
      },
    },
    stopIfTrue: {
      since: "1.6",
      get: (t) => t.cf.stopIfTrue,
      set: (t, v, _x, loc) => {
        t.cf.stopIfTrue = requireBoolean(v, loc);
      },
    },
  },
  nav: {
    custom: typedNav("Custom", customConditionalFormatSpec, CustomConditionalFormat, false),
    customOrNullObject: typedNav(
      "Custom",
      customConditionalFormatSpec,
      CustomConditionalFormat,
      true
    ),
    cellValue: typedNav(
      "CellValue",
      cellValueConditionalFormatSpec,
      CellValueConditionalFormat,
      false
    ),
    cellValueOrNullObject: typedNav(
      "CellValue",
      cellValueConditionalFormatSpec,
      CellValueConditionalFormat,
      true
    ),
  },
  check: checkCf,
};
defineType(ConditionalFormat, conditionalFormatSpec);

export const conditionalFormatCollectionSpec: TypeSpec<RangeTarget> = {
  name: "ConditionalFormatCollection",
  props: {},
  nav: {},
  item: () => conditionalFormatSpec as TypeSpec<unknown>,
  check: checkRange,
};
defineType(ConditionalFormatCollection, conditionalFormatCollectionSpec);

export function makeConditionalFormats(
  parent: ClientObjectImpl<unknown>
): ConditionalFormatCollection {
  return new ConditionalFormatCollection(parent.context, sameTarget(parent));
}
