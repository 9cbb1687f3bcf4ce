/**
 * What proxies bind to on the host side, plus the checks several API classes share: resolving
 * address arguments, bounds, and worksheet protection.
 */
import { Area, cellCount, inGrid, parseArea, qualify, sameName, splitSheetPrefix } from "./address";
import { ClientObjectImpl, ExecContext } from "./client";
import { ErrorCodes, hostError, invalidArgument } from "./errors";
import type { SheetState, WorkbookState } from "./state";

export interface RangeTarget {
  sheet: SheetState;
  area: Area;
}

export const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export function checkSheet(sheet: SheetState): void {
  if (sheet.deleted) throw hostError(ErrorCodes.itemNotFound);
}

export function checkRange(t: RangeTarget): void {
  checkSheet(t.sheet);
}

export function rangeAddress(t: RangeTarget): string {
  return qualify(t.sheet.name, t.area);
}

export function area(r0: number, c0: number, r1: number, c1: number, location: string): Area {
  const a = { r0, c0, r1, c1 };
  if (![r0, c0, r1, c1].every(Number.isInteger) || !inGrid(a)) throw invalidArgument(location);
  return a;
}

/**
 * Looks a name up the way getRange does: sheet-scoped first, then workbook scope. Only names
 * that refer to a range resolve.
 */
export function rangeOfName(
  wb: WorkbookState,
  name: string,
  sheet: SheetState | null
): RangeTarget | null {
  const n = (sheet ? wb.findName(name, sheet) : undefined) ?? wb.findName(name, null);
  if (!n || n.ref.kind !== "range" || n.ref.sheet.deleted) return null;
  return { sheet: n.ref.sheet, area: n.ref.area };
}

/** Resolves an address given to Worksheet.getRange (optionally sheet-qualified, or a name). */
export function resolveOnSheet(
  x: ExecContext,
  sheet: SheetState,
  address: string,
  location: string
): RangeTarget {
  if (typeof address !== "string") throw invalidArgument(location);
  const split = splitSheetPrefix(address);
  if (split) {
    const parsed = parseArea(split.rest);
    if (parsed) {
      if (split.sheet !== null && !sameName(split.sheet, sheet.name))
        throw invalidArgument(location);
      return { sheet, area: parsed.area };
    }
  }
  const named = rangeOfName(x.wb, address.trim(), sheet);
  if (named && named.sheet === sheet) return named;
  throw invalidArgument(location);
}

/** Resolves a sheet-qualified address string or a name against the whole workbook. */
export function resolveWorkbookAddress(
  x: ExecContext,
  address: string,
  location: string,
  defaultSheet?: SheetState
): RangeTarget {
  const split = splitSheetPrefix(address);
  if (split) {
    const parsed = parseArea(split.rest);
    if (parsed) {
      const sheet = split.sheet === null ? defaultSheet : x.wb.sheetByName(split.sheet);
      if (!sheet) throw invalidArgument(location);
      return { sheet, area: parsed.area };
    }
  }
  const named = rangeOfName(x.wb, address.replace(/^=/, "").trim(), defaultSheet ?? null);
  if (named) return named;
  throw invalidArgument(location);
}

/** Accepts a Range proxy or an address string, as many Office.js methods do. */
export function resolveRangeArg(
  x: ExecContext,
  arg: unknown,
  location: string,
  defaultSheet?: SheetState
): RangeTarget {
  if (arg instanceof ClientObjectImpl) {
    if (arg._spec.name !== "Range") throw invalidArgument(location);
    return (arg as ClientObjectImpl<RangeTarget>)._target(x);
  }
  if (typeof arg === "string") return resolveWorkbookAddress(x, arg, location, defaultSheet);
  throw invalidArgument(location);
}

/** Writing content into locked cells of a protected sheet is refused. */
export function assertContentEditable(t: RangeTarget, location: string): void {
  const p = t.sheet.protection;
  if (!p.protected) return;
  for (const f of t.sheet.distinctFormats(t.area)) {
    if (f.locked) throw hostError(ErrorCodes.accessDenied, location);
  }
}

export function assertFormatEditable(t: RangeTarget, location: string): void {
  const p = t.sheet.protection;
  if (p.protected && !p.options.allowFormatCells)
    throw hostError(ErrorCodes.accessDenied, location);
}

export function assertColumnsEditable(t: RangeTarget, location: string): void {
  const p = t.sheet.protection;
  if (p.protected && !p.options.allowFormatColumns)
    throw hostError(ErrorCodes.accessDenied, location);
}

export function assertRowsEditable(t: RangeTarget, location: string): void {
  const p = t.sheet.protection;
  if (p.protected && !p.options.allowFormatRows) throw hostError(ErrorCodes.accessDenied, location);
}

/** Structural edits (merge, validation, conditional formats) are refused on a protected sheet. */
export function assertUnprotected(sheet: SheetState, location: string): void {
  if (sheet.protection.protected) throw hostError(ErrorCodes.accessDenied, location);
}

export function totalCells(t: RangeTarget): number {
  return cellCount(t.area);
}

export function requireBoolean(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw invalidArgument(location);
  return value;
}

export function requireNumber(
  value: unknown,
  location: string,
  min = -Infinity,
  max = Infinity
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    throw invalidArgument(location);
  return value;
}

export function requireString(value: unknown, location: string): string {
  if (typeof value !== "string") throw invalidArgument(location);
  return value;
}

export function requireEnum(value: unknown, allowed: readonly string[], location: string): string {
  if (typeof value !== "string") throw invalidArgument(location);
  const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!hit) throw invalidArgument(location);
  return hit;
}

/** Structure edits (add, delete, rename, hide, move sheets) are refused on a protected workbook. */
export function assertStructureEditable(x: ExecContext, location: string): void {
  if (x.wb.protection.protected) throw hostError(ErrorCodes.accessDenied, location);
}
