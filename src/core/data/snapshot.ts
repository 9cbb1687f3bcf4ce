// A neutral picture of a workbook's contents that both adapters produce (ExcelJS for files,
// Office.js for the open workbook), so reading, validation and dump are one core code path.
import { parseQualifiedRange, type RangeAddress } from "../layout/a1";
import { nameKey } from "../layout/names";

/** A cell as Excel gives it: numbers (dates as serial numbers), text, booleans, errors, or blank.
 * An error with `stored` is a value the file stores but no spreadsheet could read as a number or
 * date ("12abc", "1e309" in a number cell; a malformed date): the reader makes it a finding. */
export type RawCell = number | string | boolean | null | { error: string; stored?: string };

export interface SheetSnapshot {
  name: string;
  visible: boolean;
  /** Top-left of `values` (1-based); cells outside are blank. Rows (and cells in a row) may be
   * missing when the used area is sparse (a stray cell far away): read them with cellOf. */
  top: number;
  left: number;
  values: RawCell[][];
  /** Formulas where the adapter read them ("=SUM(C5:C9)"), same shape as values. */
  formulas?: (string | null)[][];
  merges?: RangeAddress[];
}

export interface NameSnapshot {
  name: string;
  /** The reference as Excel stores it: "='Đơn vị'!$B$5:$B$11", or "#REF!" when broken. */
  ref: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: NameSnapshot[];
}

/** Excel compares sheet names case-insensitively. Plain toLowerCase: Vietnamese has no
 * locale-specific case rules, and the locale-aware variant is far slower on hot paths. */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

const sheetIndexes = new WeakMap<WorkbookSnapshot, Map<string, SheetSnapshot>>();

export function findSheet(s: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  let index = sheetIndexes.get(s);
  if (!index || index.size !== s.sheets.length) {
    index = new Map(s.sheets.map((x) => [sheetKey(x.name), x]));
    sheetIndexes.set(s, index);
  }
  return index.get(sheetKey(name));
}

export function cellOf(sheet: SheetSnapshot, row: number, col: number): RawCell {
  const r = sheet.values[row - sheet.top];
  if (!r) return null;
  const v = r[col - sheet.left];
  return v === undefined || v === "" ? null : v;
}

export function formulaOf(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formulas?.[row - sheet.top]?.[col - sheet.left] ?? null;
}

export interface ResolvedName {
  name: string;
  sheet: SheetSnapshot;
  range: RangeAddress;
}

export type NameResolution =
  | { ok: true; value: ResolvedName }
  | {
      ok: false;
      reason: "missing" | "broken" | "sheet-missing";
      name: string;
      ref?: string;
      sheetName?: string;
    };

/** Looks defined names up case-insensitively, as Excel does. */
export class NameIndex {
  private readonly byKey = new Map<string, NameSnapshot>();
  private readonly resolved = new Map<string, NameResolution>();

  constructor(private readonly snapshot: WorkbookSnapshot) {
    for (const n of snapshot.names) this.byKey.set(nameKey(n.name), n);
  }

  resolve(name: string): NameResolution {
    const key = nameKey(name);
    let r = this.resolved.get(key);
    if (!r) {
      r = this.lookup(key, name);
      this.resolved.set(key, r);
    }
    return r;
  }

  private lookup(key: string, name: string): NameResolution {
    const n = this.byKey.get(key);
    if (!n) return { ok: false, reason: "missing", name };
    const parsed = parseQualifiedRange(n.ref);
    if (!parsed) return { ok: false, reason: "broken", name, ref: n.ref };
    const sheet = findSheet(this.snapshot, parsed.sheet);
    if (!sheet)
      return { ok: false, reason: "sheet-missing", name, ref: n.ref, sheetName: parsed.sheet };
    return { ok: true, value: { name: n.name, sheet, range: parsed.range } };
  }
}
