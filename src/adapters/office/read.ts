// Reads the open workbook into the core's neutral snapshot in two syncs, whatever the number of
// sheets: names and sheet list first, then every sheet's used range at once.
import { parseRange, type RangeAddress } from "../../core/layout/a1";
import type { RawCell, SheetSnapshot, WorkbookSnapshot } from "../../core/data/snapshot";
import { FEATURES, officeApiSupport, type ApiSupport } from "./requirements";

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export function rawFromOffice(value: unknown, valueType?: string): RawCell {
  if (value === null || value === undefined || value === "") return null;
  if (valueType === "Error" || (typeof value === "string" && ERROR_TEXT.test(value))) {
    return { error: String(value) };
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** "'Đơn vị'!B5:C9" → its top-left row and column. */
function origin(address: string): { top: number; left: number } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const r = parseRange(local);
  return r ? { top: r.top, left: r.left } : { top: 1, left: 1 };
}

/** "'Đơn vị'!A1:C1, 'Đơn vị'!A3:A9" → the areas; commas inside quoted sheet names are kept. */
export function parseAreas(address: string): RangeAddress[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts
    .map((p) => parseRange(p.trim().slice(p.trim().lastIndexOf("!") + 1)))
    .filter((r): r is RangeAddress => r !== null);
}

export interface ReadOptions {
  supports?: ApiSupport;
  /** Read formulas too (validation compares them with the template's). */
  formulas?: boolean;
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  syncs: number;
}

export async function readOpenWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<ReadResult> {
  const supports = options.supports ?? officeApiSupport();
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula,items/visible");
  await context.sync();

  const merged = supports(FEATURES.mergedAreas);
  const ranges = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    if (options.formulas) used.load("address,values,valueTypes,formulas");
    else used.load("address,values,valueTypes");
    const areas = merged ? used.getMergedAreasOrNullObject() : null;
    areas?.load("address");
    return { ws, used, areas };
  });
  await context.sync();

  const sheets: SheetSnapshot[] = ranges.map(({ ws, used, areas }) => {
    const visible = ws.visibility === ("Visible" as Excel.SheetVisibility);
    if (used.isNullObject)
      return { name: ws.name, visible, top: 1, left: 1, values: [], formulas: [] };
    const { top, left } = origin(used.address);
    const types = used.valueTypes as string[][];
    const values = (used.values as unknown[][]).map((row, r) =>
      row.map((v, c) => rawFromOffice(v, types[r]?.[c]))
    );
    const formulas = options.formulas
      ? (used.formulas as unknown[][]).map((row) =>
          row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))
        )
      : undefined;
    let merges: RangeAddress[] | undefined;
    if (areas && !areas.isNullObject) merges = parseAreas(areas.address);
    return { name: ws.name, visible, top, left, values, formulas, merges };
  });

  return {
    snapshot: {
      sheets,
      names: names.items
        .filter(
          (n) =>
            n.type === ("Range" as Excel.NamedItemType) ||
            n.type === ("Error" as Excel.NamedItemType)
        )
        .map((n) => ({
          name: n.name,
          ref: n.type === ("Error" as Excel.NamedItemType) ? "#REF!" : n.formula,
        })),
    },
    syncs: 2,
  };
}
