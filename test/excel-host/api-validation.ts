/**
 * Excel.DataValidation (ExcelApi 1.8). Rules are stored per area, newest wins, like Excel's own
 * data-validation list; `valid` is evaluated for constant rules and list sources.
 */
import { Area, formatArea, qualify } from "./address";
import { ClientObjectImpl, ExecContext, TypeSpec, defineType, sameTarget } from "./client";
import { invalidArgument } from "./errors";
import {
  DEFAULT_VALIDATION,
  DataValidationState,
  SheetState,
  ValidationErrorAlert,
  ValidationPrompt,
  ValidationRule,
} from "./state";
import type { CellValue } from "./state";
import {
  RangeTarget,
  assertUnprotected,
  checkRange,
  requireBoolean,
  resolveRangeArg,
  resolveWorkbookAddress,
} from "./targets";
import { dateToSerial, formatValue } from "./values";

export const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  list: "List",
  custom: "Custom",
};

export const VALIDATION_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

const ALERT_STYLES = ["Stop", "Warning", "Information"];

/** Range arguments inside rules are stored as the formula Excel would show for them. */
function formulaOperand(x: ExecContext, sheet: SheetState, value: unknown, loc: string): unknown {
  if (value instanceof ClientObjectImpl) {
    const t = resolveRangeArg(x, value, loc);
    return t.sheet === sheet
      ? `=${formatArea(t.area, true)}`
      : `=${qualify(t.sheet.name, t.area, true)}`;
  }
  if (value instanceof Date) return value.toISOString();
  if (value === undefined || value === null) return value;
  if (typeof value !== "string" && typeof value !== "number") throw invalidArgument(loc);
  return value;
}

function checkRule(x: ExecContext, sheet: SheetState, value: unknown, loc: string): ValidationRule {
  if (!value || typeof value !== "object") throw invalidArgument(loc);
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined && v !== null
  );
  // Excel takes exactly one criteria type per rule.
  if (entries.length !== 1) throw invalidArgument(loc);
  const [key, body] = entries[0];
  if (!(key in RULE_TYPES) || !body || typeof body !== "object") throw invalidArgument(loc);
  const b = body as Record<string, unknown>;
  if (key === "list") {
    const source = formulaOperand(x, sheet, b.source, loc);
    if (typeof source !== "string" || source.length === 0) throw invalidArgument(loc);
    const inCellDropDown =
      b.inCellDropDown === undefined ? true : requireBoolean(b.inCellDropDown, loc);
    return { list: { inCellDropDown, source } };
  }
  if (key === "custom") {
    if (typeof b.formula !== "string" || b.formula.length === 0) throw invalidArgument(loc);
    return { custom: { formula: b.formula } };
  }
  const operator = b.operator;
  if (typeof operator !== "string" || !VALIDATION_OPERATORS.includes(operator))
    throw invalidArgument(loc);
  const formula1 = formulaOperand(x, sheet, b.formula1, loc);
  if (formula1 === undefined || formula1 === null || formula1 === "") throw invalidArgument(loc);
  const out: Record<string, unknown> = { formula1, operator };
  if (operator === "Between" || operator === "NotBetween") {
    const formula2 = formulaOperand(x, sheet, b.formula2, loc);
    if (formula2 === undefined || formula2 === null || formula2 === "") throw invalidArgument(loc);
    out.formula2 = formula2;
  }
  return { [key]: out };
}

function checkPrompt(value: unknown, current: ValidationPrompt, loc: string): ValidationPrompt {
  if (!value || typeof value !== "object") throw invalidArgument(loc);
  const v = value as Record<string, unknown>;
  const out = { ...current };
  if (v.showPrompt !== undefined) out.showPrompt = requireBoolean(v.showPrompt, loc);
  if (v.title !== undefined) out.title = String(v.title);
  if (v.message !== undefined) out.message = String(v.message);
  return out;
}

function checkAlert(
  value: unknown,
  current: ValidationErrorAlert,
  loc: string
): ValidationErrorAlert {
  if (!value || typeof value !== "object") throw invalidArgument(loc);
  const v = value as Record<string, unknown>;
  const out = { ...current };
  if (v.showAlert !== undefined) out.showAlert = requireBoolean(v.showAlert, loc);
  if (v.style !== undefined) {
    if (typeof v.style !== "string" || !ALERT_STYLES.includes(v.style)) throw invalidArgument(loc);
    out.style = v.style;
  }
  if (v.title !== undefined) out.title = String(v.title);
  if (v.message !== undefined) out.message = String(v.message);
  return out;
}

function current(t: RangeTarget): DataValidationState {
  const over = t.sheet.validationOver(t.area);
  return over.kind === "uniform" && over.dv ? over.dv : DEFAULT_VALIDATION;
}

function update(
  t: RangeTarget,
  loc: string,
  change: (dv: DataValidationState) => DataValidationState
): void {
  assertUnprotected(t.sheet, loc);
  t.sheet.setValidation(t.area, change(current(t)));
}

function uniformPart<V>(t: RangeTarget, pick: (dv: DataValidationState) => V): V | null {
  const over = t.sheet.validationOver(t.area);
  if (over.kind !== "uniform") return null;
  return pick(over.dv ?? DEFAULT_VALIDATION);
}

function toNumber(value: unknown, x: ExecContext, sheet: SheetState): number | null {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return null;
  const s = value.replace(/^=/, "").trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return Number(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return dateToSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  try {
    const ref = resolveWorkbookAddress(x, s, "DataValidation", sheet);
    const v = ref.sheet.value(ref.area.r0, ref.area.c0);
    return typeof v === "number" ? v : null;
  } catch {
    return null;
  }
}

function compare(
  n: number,
  body: Record<string, unknown>,
  x: ExecContext,
  sheet: SheetState
): boolean {
  const f1 = toNumber(body.formula1, x, sheet);
  const f2 = toNumber(body.formula2, x, sheet);
  // Operands we cannot evaluate (general formulas) are not held against the cell.
  if (f1 === null) return true;
  switch (body.operator) {
    case "Between":
      return f2 === null || (n >= f1 && n <= f2);
    case "NotBetween":
      return f2 === null || n < f1 || n > f2;
    case "EqualTo":
      return n === f1;
    case "NotEqualTo":
      return n !== f1;
    case "GreaterThan":
      return n > f1;
    case "LessThan":
      return n < f1;
    case "GreaterThanOrEqualTo":
      return n >= f1;
    case "LessThanOrEqualTo":
      return n <= f1;
    default:
      return true;
  }
}

function listItems(source: string, x: ExecContext, sheet: SheetState): string[] | null {
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim().toUpperCase());
  try {
    const ref = resolveWorkbookAddress(x, source, "DataValidation", sheet);
    const items: string[] = [];
    for (let r = ref.area.r0; r <= ref.area.r1 && r <= ref.area.r0 + 10000; r++) {
      for (let c = ref.area.c0; c <= ref.area.c1; c++) {
        const v = ref.sheet.value(r, c);
        items.push(formatValue(v, "General").toUpperCase());
      }
    }
    return items;
  } catch {
    return null;
  }
}

export function cellIsValid(
  dv: DataValidationState | null,
  v: CellValue,
  x: ExecContext,
  sheet: SheetState
): boolean {
  if (!dv || !dv.rule) return true;
  if (v === "") return dv.ignoreBlanks;
  const [key, body] = Object.entries(dv.rule)[0];
  switch (key) {
    case "wholeNumber":
      return typeof v === "number" && Number.isInteger(v) && compare(v, body, x, sheet);
    case "decimal":
    case "date":
    case "time":
      return typeof v === "number" && compare(v, body, x, sheet);
    case "textLength":
      return compare(formatValue(v, "General").length, body, x, sheet);
    case "list": {
      const items = listItems(String(body.source), x, sheet);
      return items === null || items.includes(formatValue(v, "General").toUpperCase());
    }
    default:
      return true;
  }
}

function validity(t: RangeTarget, x: ExecContext): boolean | null {
  let valid = 0;
  let invalid = 0;
  const check = (r: number, c: number) => {
    if (cellIsValid(t.sheet.validationAt(r, c), t.sheet.value(r, c), x, t.sheet)) valid++;
    else invalid++;
  };
  const a: Area = t.area;
  if ((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) <= 200_000) {
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) check(r, c);
  } else {
    t.sheet.forEachStoredCell(a, (r, c) => check(r, c));
  }
  if (invalid === 0) return true;
  return valid === 0 ? false : null;
}

export class DataValidation extends ClientObjectImpl<RangeTarget> {
  clear(): void {
    this._action("clear", "1.8", [], (t) => {
      assertUnprotected(t.sheet, "DataValidation.clear");
      t.sheet.setValidation(t.area, null);
    });
  }
}

export const dataValidationSpec: TypeSpec<RangeTarget> = {
  name: "DataValidation",
  props: {
    rule: {
      since: "1.8",
      get: (t) => {
        const over = t.sheet.validationOver(t.area);
        if (over.kind !== "uniform") return null;
        return over.dv?.rule ? structuredCopy(over.dv.rule) : {};
      },
      set: (t, v, x, loc) => {
        const rule = checkRule(x, t.sheet, v, loc);
        update(t, loc, (dv) => ({ ...dv, rule }));
      },
    },
    prompt: {
      since: "1.8",
      get: (t) => uniformPart(t, (dv) => ({ ...dv.prompt })),
      set: (t, v, _x, loc) =>
        update(t, loc, (dv) => ({ ...dv, prompt: checkPrompt(v, dv.prompt, loc) })),
    },
    errorAlert: {
      since: "1.8",
      get: (t) => uniformPart(t, (dv) => ({ ...dv.errorAlert })),
      set: (t, v, _x, loc) =>
        update(t, loc, (dv) => ({ ...dv, errorAlert: checkAlert(v, dv.errorAlert, loc) })),
    },
    ignoreBlanks: {
      since: "1.8",
      get: (t) => uniformPart(t, (dv) => dv.ignoreBlanks),
      set: (t, v, _x, loc) => {
        const ignoreBlanks = requireBoolean(v, loc);
        update(t, loc, (dv) => ({ ...dv, ignoreBlanks }));
      },
    },
    type: {
      since: "1.8",
      get: (t) => {
        const over = t.sheet.validationOver(t.area);
        if (over.kind !== "uniform")
          return over.kind === "mixed" ? "MixedCriteria" : "Inconsistent";
        const rule = over.dv?.rule;
        return rule ? RULE_TYPES[Object.keys(rule)[0]] : "None";
      },
    },
    valid: { since: "1.8", get: (t, x) => validity(t, x) },
  },
  nav: {},
  check: checkRange,
};
defineType(DataValidation, dataValidationSpec);

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export function makeDataValidation(parent: ClientObjectImpl<unknown>): DataValidation {
  return new DataValidation(parent.context, sameTarget(parent));
}
