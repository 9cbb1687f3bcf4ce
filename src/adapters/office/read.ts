// Reads the open workbook into the core's neutral snapshot in one sync: the names, the sheet list
// and every sheet's used range together, the sheets asked for by name when the caller knows them
// from its previous read (ReadOptions.known), else by position (first, next, …, GUESSED_SHEETS of
// them). A second sync reads sheets or total names the first did not ask for.
import { parseQualifiedRange, parseRange, rangeA1, type RangeAddress } from "../../core/layout/a1";
import type { RawCell, SheetSnapshot, WorkbookSnapshot } from "../../core/data/snapshot";
import { COMMENTS_API, GUESSED_SHEETS, queueSheetState, type SheetState } from "./marks";
import { FEATURES, officeApiSupport, type ApiSupport } from "./requirements";

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export function rawFromOffice(value: unknown): RawCell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string" && ERROR_TEXT.test(value)) {
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
  /**
   * Defined names whose cells' formulas are wanted (validation checks total rows). Formulas are
   * read for those cells only: reading them for whole sheets would double the response, and Excel
   * on the web caps a response at 5 MB. Other cells' formulas stay unknown (null).
   */
  formulasOf?: (name: string) => boolean;
  /**
   * Also load each sheet's protection, conditional formats and (where the host has them) comments
   * with the read, for marking in the same request context without a round trip of its own
   * (markWithStates, given the same `supports`).
   */
  sheetStates?: boolean;
  /**
   * The sheets and total names the previous read found (ReadResult.layout). Their contents are
   * asked for in the first sync, beside the sheet list, so an unchanged workbook is read in one
   * sync; sheets or total names that are new are read in a second. A sheet of the layout that is
   * gone fails that first sync with ItemNotFound: read again without the layout.
   */
  known?: WorkbookLayout;
  /**
   * Without `known`, how many sheets to ask for by position in the first sync (default
   * GUESSED_SHEETS); a workbook with more sheets has the rest read in a second sync.
   */
  guessSheets?: number;
}

export { GUESSED_SHEETS };

/** Which sheets a workbook has and where its total names point: what the next read can guess. */
export interface WorkbookLayout {
  sheets: string[];
  totals: { name: string; ref: string }[];
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  syncs: number;
  /** With `sheetStates`: every sheet's protection and conditional formats, in sheet order. */
  states?: SheetState[];
  /** For the next read's `known` (at-once reads only). */
  layout?: WorkbookLayout;
}

/** Cells per request when a workbook is too big for one response (about 1–2 MB of JSON). */
export const READ_BLOCK_CELLS = 150000;

function isResponseTooLarge(e: unknown): boolean {
  return (
    typeof e === "object" &&
    e !== null &&
    (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded"
  );
}

/**
 * Reads the workbook in one sync (two when sheets are more than asked for); a workbook whose
 * contents pass Excel on the web's 5 MB response cap is read again in row blocks, one sync per block.
 */
export async function readOpenWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<ReadResult> {
  try {
    return await readAtOnce(context, options);
  } catch (e) {
    // A sheet of the guessed layout is gone (deleted or renamed since): read without the guess.
    if (options.known && isItemNotFound(e)) {
      const again = await readOpenWorkbook(context, { ...options, known: undefined });
      return { ...again, syncs: again.syncs + 1 };
    }
    if (isResponseTooLarge(e)) return readInBlocks(context, options);
    // Asking by position relies on loads through a null object (a position past the last sheet)
    // coming back empty; should a host refuse them, the read goes by the sheet list as before.
    if (!options.known && (options.guessSheets ?? GUESSED_SHEETS) > 0) {
      const again = await readOpenWorkbook(context, { ...options, guessSheets: 0 });
      return { ...again, syncs: again.syncs + 1 };
    }
    throw e;
  }
}

function isItemNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ItemNotFound";
}

async function readInBlocks(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<ReadResult> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula,items/visible");
  const used = () =>
    worksheets.items.map((ws) => {
      const u = ws.getUsedRangeOrNullObject(true);
      u.load("address");
      return { ws, u };
    });
  await context.sync();
  syncs++;
  const extents = used();
  await context.sync();
  syncs++;
  const sheets: SheetSnapshot[] = [];
  for (const { ws, u } of extents) {
    const visible = ws.visibility === ("Visible" as Excel.SheetVisibility);
    if (u.isNullObject) {
      sheets.push({ name: ws.name, visible, top: 1, left: 1, values: [], formulas: [] });
      continue;
    }
    const area = parseRange(u.address.slice(u.address.lastIndexOf("!") + 1))!;
    const width = area.right - area.left + 1;
    let rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / width));
    const values: RawCell[][] = [];
    for (let top = area.top; top <= area.bottom;) {
      const bottom = Math.min(area.bottom, top + rowsPerBlock - 1);
      const block = ws.getRange(rangeA1({ top, left: area.left, bottom, right: area.right }));
      block.load("values");
      try {
        // One block per sync is the point: each response stays under the cap.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        // Rows of long texts (sections, sentences) can pass the cap at fewer cells than the
        // estimate: halve the block and read the same rows again.
        if (!isResponseTooLarge(e) || rowsPerBlock === 1) throw e;
        rowsPerBlock = Math.max(1, Math.floor(rowsPerBlock / 2));
        continue;
      }
      syncs++;
      for (const row of block.values as unknown[][]) values.push(row.map((v) => rawFromOffice(v)));
      top = bottom + 1;
    }
    sheets.push({ name: ws.name, visible, top: area.top, left: area.left, values });
  }
  const snapshot = { sheets, names: namesOf(names) };
  if (options.formulasOf) {
    const extra = await readFormulas(context, names, options.formulasOf, sheets);
    syncs += extra;
  }
  return { snapshot, syncs };
}

async function readFormulas(
  context: Excel.RequestContext,
  names: Excel.NamedItemCollection,
  wantedName: (name: string) => boolean,
  sheets: SheetSnapshot[]
): Promise<number> {
  const wanted = formulaRanges(context, names, wantedName);
  if (wanted.length === 0) return 0;
  await context.sync();
  for (const sheet of sheets) mergeFormulas(sheet, wanted);
  return 1;
}

function formulaRanges(
  context: Excel.RequestContext,
  names: Excel.NamedItemCollection,
  wantedName: (name: string) => boolean
) {
  return rangesOf(context, totalRefs(names, wantedName));
}

/** The range names among the collection's (loaded) items that `wantedName` accepts, as refs. */
function totalRefs(
  names: Excel.NamedItemCollection,
  wantedName: (name: string) => boolean
): WorkbookLayout["totals"] {
  return names.items
    .filter((n) => n.type === ("Range" as Excel.NamedItemType) && wantedName(n.name))
    .map((n) => ({ name: n.name, ref: n.formula }));
}

/** Queues the formulas' load of each ref's cells. */
function rangesOf(context: Excel.RequestContext, refs: WorkbookLayout["totals"]) {
  return refs
    .map((n) => {
      const target = parseQualifiedRange(n.ref);
      if (!target) return null;
      const range = context.workbook.worksheets
        .getItem(target.sheet)
        .getRange(rangeA1(target.range));
      range.load("formulas");
      return { name: n.name, ref: n.ref, sheet: target.sheet, at: target.range, range };
    })
    .filter((x): x is NonNullable<typeof x> => x !== null);
}

/** A total name's cells and their formulas (a loaded range, or a slice of a used range's). */
interface WantedFormulas {
  name: string;
  ref: string;
  sheet: string;
  at: RangeAddress;
  range: { formulas: unknown };
}

function mergeFormulas(sheet: SheetSnapshot, wanted: readonly WantedFormulas[]): void {
  for (const w of wanted.filter((x) => x.sheet === sheet.name)) {
    sheet.formulas ??= sheet.values.map((row) => row.map(() => null));
    (w.range.formulas as unknown[][]).forEach((row, r) =>
      row.forEach((f, c) => {
        const line = sheet.formulas![w.at.top + r - sheet.top];
        if (line && w.at.left + c - sheet.left < line.length) {
          line[w.at.left + c - sheet.left] = typeof f === "string" && f.startsWith("=") ? f : null;
        }
      })
    );
  }
}

/** A total name's formulas cut from its sheet's used range, when that range's formulas were read. */
function formulasFromUsed(
  total: { name: string; ref: string },
  queued: ReadonlyMap<string, QueuedSheet>
): WantedFormulas | null {
  const target = parseQualifiedRange(total.ref);
  const q = target && queued.get(target.sheet);
  if (!target || !q?.formulas) return null;
  const at = target.range;
  if (q.used.isNullObject) return null;
  const used = q.used.formulas as unknown[][];
  const { top, left } = origin(q.used.address);
  const bottom = top + used.length - 1;
  const right = left + (used[0]?.length ?? 0) - 1;
  // Cells outside the used range (by values) are read on their own in the next sync, as before:
  // whether Excel counts a formula showing "" as used is not worth guessing.
  if (at.top < top || at.left < left || at.bottom > bottom || at.right > right) return null;
  const formulas = used
    .slice(at.top - top, at.bottom - top + 1)
    .map((row) => row.slice(at.left - left, at.right - left + 1));
  return { ...total, sheet: target.sheet, at, range: { formulas } };
}

function namesOf(names: Excel.NamedItemCollection) {
  return names.items
    .filter(
      (n) =>
        n.type === ("Range" as Excel.NamedItemType) || n.type === ("Error" as Excel.NamedItemType)
    )
    .map((n) => ({
      name: n.name,
      ref: n.type === ("Error" as Excel.NamedItemType) ? "#REF!" : n.formula,
    }));
}

interface QueuedSheet {
  used: Excel.Range;
  /** Whether the used range's formulas were loaded too (sheets asked for by position). */
  formulas: boolean;
  areas: Excel.RangeAreas | null;
  state: (() => SheetState) | null;
}

async function readAtOnce(
  context: Excel.RequestContext,
  options: ReadOptions
): Promise<ReadResult> {
  const supports = options.supports ?? officeApiSupport();
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/formula,items/visible");
  const merged = supports(FEATURES.mergedAreas);
  const queued = new Map<string, QueuedSheet>();
  const entry = (ws: Excel.Worksheet, name: string | null): QueuedSheet => {
    const used = ws.getUsedRangeOrNullObject(true);
    // Values only: error cells come back as their "#DIV/0!" text, so valueTypes is not needed.
    // A sheet asked for by position also gives its formulas: where the total names point is
    // not known before this sync, and a round trip costs more than the larger response.
    const formulas = name === null && options.formulasOf !== undefined;
    if (formulas) used.load("address,values,formulas");
    else used.load("address,values");
    const areas = merged ? used.getMergedAreasOrNullObject() : null;
    areas?.load("address");
    const state = options.sheetStates
      ? queueSheetState(context, ws, name, supports(COMMENTS_API))
      : null;
    return { used, formulas, areas, state };
  };
  const queue = (ws: Excel.Worksheet, name: string) => queued.set(name, entry(ws, name));
  // The previous read's sheets and totals go with the sheet list (a guess checked below).
  const known = options.formulasOf
    ? options.known
    : options.known && { ...options.known, totals: [] };
  for (const name of known?.sheets ?? []) queue(worksheets.getItem(name), name);
  // Without a previous read, the sheets are asked for by position (first, next, next…): a
  // position past the last sheet is a null object whose loads come back empty, so the sheet list
  // and every sheet's contents travel in the same round trip without knowing the names.
  const byPosition: { ws: Excel.Worksheet; queued: QueuedSheet }[] = [];
  if (!known && (options.guessSheets ?? GUESSED_SHEETS) > 0) {
    let ws = worksheets.getFirst();
    for (let i = 0; i < (options.guessSheets ?? GUESSED_SHEETS); i++) {
      ws.load("name");
      byPosition.push({ ws, queued: entry(ws, null) });
      ws = ws.getNextOrNullObject();
    }
  }
  let wanted: WantedFormulas[] = rangesOf(context, known?.totals ?? []);
  await context.sync();
  let syncs = 1;
  for (const p of byPosition) if (!p.ws.isNullObject) queued.set(p.ws.name, p.queued);

  const fresh = options.formulasOf ? totalRefs(names, options.formulasOf) : [];
  const same = (a: { name: string; ref: string }, b: { name: string; ref: string }) =>
    a.name === b.name && a.ref === b.ref;
  wanted = [
    ...wanted.filter((w) => fresh.some((t) => same(t, w))),
    ...fresh.map((t) => formulasFromUsed(t, queued)).filter((w) => w !== null),
  ];
  const newTotals = fresh.filter((t) => !wanted.some((w) => same(t, w)));
  const newSheets = worksheets.items.filter((ws) => !queued.has(ws.name));
  if (newSheets.length > 0 || newTotals.length > 0) {
    for (const ws of newSheets) queue(ws, ws.name);
    wanted = [...wanted, ...rangesOf(context, newTotals)];
    await context.sync();
    syncs++;
  }

  const states: SheetState[] = [];
  const sheets: SheetSnapshot[] = worksheets.items.map((ws) => {
    const { used, areas, state } = queued.get(ws.name)!;
    if (state) states.push(state());
    const visible = ws.visibility === ("Visible" as Excel.SheetVisibility);
    if (used.isNullObject)
      return { name: ws.name, visible, top: 1, left: 1, values: [], formulas: [] };
    const { top, left } = origin(used.address);
    const values = (used.values as unknown[][]).map((row) => row.map((v) => rawFromOffice(v)));
    let merges: RangeAddress[] | undefined;
    if (areas && !areas.isNullObject) merges = parseAreas(areas.address);
    const sheet: SheetSnapshot = { name: ws.name, visible, top, left, values, merges };
    mergeFormulas(sheet, wanted);
    return sheet;
  });

  return {
    snapshot: { sheets, names: namesOf(names) },
    syncs,
    ...(options.sheetStates ? { states } : {}),
    layout: { sheets: sheets.map((x) => x.name), totals: fresh },
  };
}
