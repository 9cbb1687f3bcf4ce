// Marking findings in the open workbook without touching the user's values or formats: each mark
// is a conditional format (a layer over the cell, ExcelApi 1.6) whose always-true formula carries
// a marker, so clearing removes exactly the add-in's marks and the workbook is as before.
import type { Finding } from "../../core/findings";
import { parseRange, rangeA1 } from "../../core/layout/a1";
import { op, runBatches, type Op } from "./batch";

/** Always true, and recognisable: only the add-in writes this formula. */
export const MARK_FORMULA_ERROR = '=ISTEXT("BaoCao:loi")';
export const MARK_FORMULA_WARNING = '=ISTEXT("BaoCao:luu-y")';
const MARKER = "BaoCao:";

const FILL = { error: "#FFC7CE", warning: "#FFD8A8" } as const;
const FONT = { error: "#9C0006", warning: "#7F4F00" } as const;

/** Marks beyond this many are not drawn (the list in the pane still has every finding). */
export const MAX_MARKS = 500;

export interface SheetState {
  name: string;
  sheet: Excel.Worksheet;
  protectedBefore: boolean;
  options: Excel.WorksheetProtectionOptions | null;
  formats: Excel.ConditionalFormatCollection;
}

/**
 * Queues the loads of a sheet's protection and conditional formats (what marking needs, to clear
 * and to restore) without syncing, so a reader can send them with its own sync; call the result
 * after that sync.
 */
export function queueSheetState(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string
): () => SheetState {
  sheet.protection.load("protected,options");
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/type,items/custom/rule/formula");
  return () => ({
    name,
    sheet,
    formats,
    protectedBefore: sheet.protection.protected,
    options: sheet.protection.protected ? sheet.protection.options : null,
  });
}

/** Sync 1: each sheet's protection and conditional formats, to restore and to clear. */
async function loadSheets(context: Excel.RequestContext, names: string[]): Promise<SheetState[]> {
  const pending = names.map((name) =>
    queueSheetState(context, context.workbook.worksheets.getItem(name), name)
  );
  await context.sync();
  return pending.map((settle) => settle());
}

function isOurs(cf: Excel.ConditionalFormat): boolean {
  return (
    cf.type === ("Custom" as Excel.ConditionalFormatType) &&
    (cf.custom?.rule?.formula ?? "").includes(MARKER)
  );
}

function withUnprotected(states: SheetState[], body: (s: SheetState) => Op[]): Op[] {
  const ops: Op[] = [];
  for (const s of states) {
    const inner = body(s);
    if (inner.length === 0) continue;
    if (s.protectedBefore)
      ops.push(op(["unprotect", s.name], (b) => b.sheet(s.name).protection.unprotect()));
    ops.push(...inner);
    if (s.protectedBefore) {
      const options = s.options ?? undefined;
      ops.push(
        op(["protect", s.name, options], (b) => b.sheet(s.name).protection.protect(options))
      );
    }
  }
  return ops;
}

function clearOps(s: SheetState): Op[] {
  return s.formats.items.filter(isOurs).map((cf) => op(["delete-mark", s.name], () => cf.delete()));
}

export interface MarkResult {
  marked: number;
  notMarked: number;
  syncs: number;
}

/** The workbook's sheet names: passed in when the caller has just read them, saving a sync. */
async function sheetNamesOf(
  context: Excel.RequestContext,
  known?: readonly string[]
): Promise<string[]> {
  if (known) return [...known];
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((w) => w.name);
}

/** Replaces the previous marks with one per finding that has a cell (errors first). */
export async function markFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  sheetNames?: readonly string[]
): Promise<MarkResult> {
  const existing = await sheetNamesOf(context, sheetNames);
  const states = await loadSheets(context, existing);
  const result = await markWithStates(context, findings, states);
  return { ...result, syncs: result.syncs + (sheetNames ? 1 : 2) };
}

/**
 * Replaces the previous marks using sheet states loaded earlier in the same request context (by
 * the check's read, see readOpenWorkbook's sheetStates): one sync, none when there is nothing to
 * clear or draw.
 */
export async function markWithStates(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  states: readonly SheetState[]
): Promise<MarkResult> {
  const existing = new Set(states.map((s) => s.name));
  const located = findings
    .filter((f) => f.sheet && f.cell && existing.has(f.sheet) && parseRange(f.cell))
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  const drawn = located.slice(0, MAX_MARKS);
  const ops = withUnprotected([...states], (s) => {
    const mine = drawn.filter((f) => f.sheet === s.name);
    const adds = mine.map((f) => {
      const address = rangeA1(parseRange(f.cell!)!);
      const severity = f.severity;
      return op(["mark", s.name, address, severity], (b) => {
        const cf = b
          .sheet(s.name)
          .getRange(address)
          .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        cf.custom.rule.formula = severity === "error" ? MARK_FORMULA_ERROR : MARK_FORMULA_WARNING;
        cf.custom.format.fill.color = FILL[severity];
        cf.custom.format.font.color = FONT[severity];
      });
    });
    return [...clearOps(s), ...adds];
  });
  const syncs = ops.length > 0 ? await runBatches(context, ops) : 0;
  return { marked: drawn.length, notMarked: located.length - drawn.length, syncs };
}

/** Removes every mark the add-in made; values, formats and protection are left as they were. */
export async function clearMarks(
  context: Excel.RequestContext,
  sheetNames?: readonly string[]
): Promise<number> {
  const states = await loadSheets(context, await sheetNamesOf(context, sheetNames));
  const ops = withUnprotected(states, clearOps);
  return (sheetNames ? 1 : 2) + (ops.length > 0 ? await runBatches(context, ops) : 0);
}

/** Shows a finding's cell to the user: activates its sheet and selects the cell. */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}
