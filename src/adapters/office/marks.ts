// Marking findings in the open workbook without touching the user's values or formats: each mark
// is a conditional format (a layer over the cell, ExcelApi 1.6) whose always-true formula carries
// a marker, so clearing removes exactly the add-in's marks and the workbook is as before.
// Colour alone says nothing to a colour-blind user or on a black-and-white print, so each marked
// cell also gets a note: a comment saying what is wrong (ExcelApi 1.10), or on older Excel a
// "Kết quả kiểm tra" sheet listing the findings. Both are the add-in's and "Xoá đánh dấu" removes them.
import type { Finding } from "../../core/findings";
import { parseRange, rangeA1 } from "../../core/layout/a1";
import { op, runBatches, type Op } from "./batch";
import { officeApiSupport, type ApiSupport } from "./requirements";

/** Always true, and recognisable: only the add-in writes this formula. */
export const MARK_FORMULA_ERROR = '=ISTEXT("BaoCao:loi")';
export const MARK_FORMULA_WARNING = '=ISTEXT("BaoCao:luu-y")';
const MARKER = "BaoCao:";

const FILL = { error: "#FFC7CE", warning: "#FFD8A8" } as const;
const FONT = { error: "#9C0006", warning: "#7F4F00" } as const;

/** Marks beyond this many are not drawn (the list in the pane still has every finding). */
export const MAX_MARKS = 500;

/** Cell comments (threaded) arrived in ExcelApi 1.10; older Excel gets the findings sheet. */
export const COMMENTS_API = "1.10";

/** Every comment the add-in writes starts so: clearing deletes these and no other comment. */
export const NOTE_PREFIX = "BáoCáo · ";

/** The findings sheet of Excel without comments, and the title in its A1 that makes it ours. */
export const FINDINGS_SHEET = "Kết quả kiểm tra";
export const FINDINGS_TITLE = "Kết quả kiểm tra của BáoCáo";

/** Rows of the findings sheet at most (errors first); the pane's list has them all. */
export const MAX_SHEET_FINDINGS = 2000;

/** A note this long is enough to say what is wrong; the pane has the rest. */
const MAX_NOTE_CHARS = 1000;
const NOTES_PER_CELL = 3;

const SEVERITY_WORD = { error: "Lỗi", warning: "Lưu ý" } as const;

/** "Kết quả kiểm tra", "Kết quả kiểm tra (2)", …: the names the findings sheet may carry. */
const FINDINGS_NAME = /^Kết quả kiểm tra( \(\d+\))?$/;

/** How the marked cells say what is wrong besides their colour. */
export type NotesKind = "comments" | "sheet";

export interface MarkOptions {
  /** Which ExcelApi versions the host has; by default asked of Office. */
  supports?: ApiSupport;
}

export interface SheetState {
  name: string;
  sheet: Excel.Worksheet;
  protectedBefore: boolean;
  options: Excel.WorksheetProtectionOptions | null;
  formats: Excel.ConditionalFormatCollection;
  /** The sheet's comments, when the host has them. */
  comments: Excel.CommentCollection | null;
  /** A1 of a sheet named like the findings sheet, to tell ours from a user's. */
  title: Excel.Range | null;
}

/**
 * Queues the loads of a sheet's protection, conditional formats and comments (to restore and to
 * clear), and of the title cell of a sheet named like the findings sheet, without syncing, so a
 * reader can send them with its own sync (readOpenWorkbook's sheetStates); call the result after
 * that sync.
 */
export function queueSheetState(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string | null,
  withComments: boolean
): () => SheetState {
  sheet.protection.load("protected,options");
  const formats = sheet.getRange().conditionalFormats;
  formats.load("items/type,items/custom/rule/formula");
  const comments = withComments ? sheet.comments : null;
  comments?.load("items/content");
  // A sheet not known by name yet (the first check guesses the sheets by position, see
  // readOpenWorkbook) gets its A1 read too: one cell is cheaper than a round trip for the name.
  const title = name === null || FINDINGS_NAME.test(name) ? sheet.getRange("A1") : null;
  title?.load("values");
  return () => {
    const known = name ?? sheet.name;
    return {
      name: known,
      sheet,
      formats,
      comments,
      title: FINDINGS_NAME.test(known) ? title : null,
      protectedBefore: sheet.protection.protected,
      options: sheet.protection.protected ? sheet.protection.options : null,
    };
  };
}

/**
 * Sheets asked for by position when the sheets are not known: a BáoCáo workbook has its template's
 * sheets (up to about a dozen), the hidden meta sheet, the findings sheet and the user's own.
 */
export const GUESSED_SHEETS = 64;

/**
 * Every sheet's state in one sync without knowing the names: the sheets are asked for by position
 * (first, next, …) beside the sheet list; a second sync only for sheets past GUESSED_SHEETS.
 */
async function loadAllSheets(
  context: Excel.RequestContext,
  withComments: boolean
): Promise<{ states: SheetState[]; syncs: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const pending: { ws: Excel.Worksheet; settle: () => SheetState }[] = [];
  let ws = worksheets.getFirst();
  for (let i = 0; i < GUESSED_SHEETS; i++) {
    ws.load("name");
    pending.push({ ws, settle: queueSheetState(context, ws, null, withComments) });
    ws = ws.getNextOrNullObject();
  }
  await context.sync();
  const states = pending.filter((p) => !p.ws.isNullObject).map((p) => p.settle());
  const have = new Set(states.map((s) => s.name));
  const rest = worksheets.items.map((w) => w.name).filter((n) => !have.has(n));
  if (rest.length === 0) return { states, syncs: 1 };
  return { states: [...states, ...(await loadSheets(context, rest, withComments))], syncs: 2 };
}

/** Sync 1: each sheet's state (queueSheetState). */
async function loadSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  withComments: boolean
): Promise<SheetState[]> {
  const pending = names.map((name) =>
    queueSheetState(context, context.workbook.worksheets.getItem(name), name, withComments)
  );
  await context.sync();
  return pending.map((settle) => settle());
}

const isOurComment = (c: Excel.Comment) => c.content.startsWith(NOTE_PREFIX);

/** A findings sheet the add-in made (a user's sheet of the same name is left alone). */
const isOurFindingsSheet = (s: SheetState) =>
  s.title !== null && s.title.values[0]?.[0] === FINDINGS_TITLE;

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
  return [
    ...s.formats.items.filter(isOurs).map((cf) => op(["delete-mark", s.name], () => cf.delete())),
    ...(s.comments?.items ?? [])
      .filter(isOurComment)
      .map((c) => op(["delete-note", s.name], () => c.delete())),
  ];
}

/** Deletes the findings sheets the add-in made. */
function clearSheetOps(states: readonly SheetState[]): Op[] {
  return states
    .filter(isOurFindingsSheet)
    .map((s) => op(["delete-sheet", s.name], (b) => b.sheet(s.name).delete()));
}

export interface MarkResult {
  marked: number;
  notMarked: number;
  syncs: number;
  /** Where the findings are written besides the colours; null when nothing was marked. */
  notes: NotesKind | null;
  /** The findings sheet's name, when notes is "sheet". */
  notesSheet: string | null;
  /** The earlier findings sheets this marking deleted (a reader that remembers sheets forgets them). */
  removedSheets: string[];
}

/** One comment per marked cell: what is wrong there, errors first. */
function noteText(findings: readonly Finding[]): string {
  const lines = findings
    .slice(0, NOTES_PER_CELL)
    .map((f) => `${SEVERITY_WORD[f.severity]}: ${f.message}`);
  if (findings.length > NOTES_PER_CELL)
    lines.push(`… và ${findings.length - NOTES_PER_CELL} điểm khác (xem ngăn BáoCáo).`);
  const text = NOTE_PREFIX + lines.join("\n");
  return text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}…` : text;
}

/** The findings by the top-left cell of their range, per sheet, in the order given. */
function byCell(findings: readonly Finding[]): Map<string, Finding[]> {
  const cells = new Map<string, Finding[]>();
  for (const f of findings) {
    const r = parseRange(f.cell!)!;
    const key = rangeA1({ top: r.top, left: r.left, bottom: r.top, right: r.left });
    cells.set(key, [...(cells.get(key) ?? []), f]);
  }
  return cells;
}

/**
 * The cells of a sheet holding a comment that is not ours: a cell has one comment at most, so the
 * note goes elsewhere (the colour and the pane's list still show it). Costs a sync only when the
 * workbook has such comments.
 */
async function userCommentCells(
  context: Excel.RequestContext,
  states: readonly SheetState[]
): Promise<Map<string, Set<string>>> {
  const located = states.flatMap((s) =>
    (s.comments?.items ?? [])
      .filter((c) => !isOurComment(c))
      .map((c) => {
        const where = c.getLocation();
        where.load("address");
        return { sheet: s.name, where };
      })
  );
  const out = new Map<string, Set<string>>();
  if (located.length === 0) return out;
  await context.sync();
  for (const { sheet, where } of located) {
    const cell = where.address.slice(where.address.lastIndexOf("!") + 1).replace(/\$/g, "");
    out.set(sheet, (out.get(sheet) ?? new Set()).add(cell));
  }
  return out;
}

/** The first of "Kết quả kiểm tra", "Kết quả kiểm tra (2)", … no user's sheet holds. */
function findingsSheetName(states: readonly SheetState[]): string {
  const taken = new Set(
    states.filter((s) => !isOurFindingsSheet(s)).map((s) => s.name.toLowerCase())
  );
  for (let i = 1; ; i++) {
    const name = i === 1 ? FINDINGS_SHEET : `${FINDINGS_SHEET} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** The findings sheet: title, how to remove it, then one row per finding. Text only, no formulas. */
function findingsSheetOps(name: string, findings: readonly Finding[]): Op[] {
  const rows: string[][] = [
    [FINDINGS_TITLE, "", "", ""],
    [
      'Trang này do nút "Kiểm tra" tạo ra. Bấm "Xoá đánh dấu" trong ngăn BáoCáo để xoá trang này và màu đánh dấu trước khi gửi sổ tính.',
      "",
      "",
      "",
    ],
    ["Trang", "Ô", "Mức", "Nội dung"],
    ...findings.map((f) => [f.sheet ?? "", f.cell ?? "", SEVERITY_WORD[f.severity], f.message]),
  ];
  const address = `A1:D${rows.length}`;
  return [
    op(["add-findings-sheet", name], (b) => {
      const ws = b.context.workbook.worksheets.add(name);
      b.remember(name, ws);
    }),
    op(["findings", address, rows], (b) => {
      const range = b.sheet(name).getRange(address);
      // Text, so a message is never read as a number or a formula.
      range.numberFormat = rows.map((r) => r.map(() => "@"));
      range.values = rows;
      const head = b.sheet(name).getRange("A1:D3");
      head.format.font.bold = true;
      b.sheet(name).getRange("A:C").format.columnWidth = 90;
      b.sheet(name).getRange("D:D").format.columnWidth = 480;
    }),
  ];
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

/**
 * Replaces the previous marks with one per finding that has a cell (errors first), each marked
 * cell with a note saying what is wrong: a comment, or on Excel without comments a findings sheet.
 */
export async function markFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  sheetNames?: readonly string[],
  options: MarkOptions = {}
): Promise<MarkResult> {
  const withComments = (options.supports ?? officeApiSupport())(COMMENTS_API);
  const existing = await sheetNamesOf(context, sheetNames);
  const states = await loadSheets(context, existing, withComments);
  const result = await markWithStates(context, findings, states, options);
  return { ...result, syncs: result.syncs + (sheetNames ? 1 : 2) };
}

/**
 * Replaces the previous marks using sheet states loaded earlier in the same request context (by
 * the check's read, see readOpenWorkbook's sheetStates, with the same comment support): one sync,
 * none when there is nothing to clear or draw, one more when the user has comments of their own
 * on a sheet that gets marks (their cells get no note; where they are takes a round trip, since
 * Office.js gives a comment's cell only through Comment.getLocation()).
 */
export async function markWithStates(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  states: readonly SheetState[],
  options: MarkOptions = {}
): Promise<MarkResult> {
  const withComments = (options.supports ?? officeApiSupport())(COMMENTS_API);
  const existing = new Set(states.map((s) => s.name));
  const errorsFirst = (a: Finding, b: Finding) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1;
  const located = findings
    .filter((f) => f.sheet && f.cell && existing.has(f.sheet) && parseRange(f.cell))
    .sort(errorsFirst);
  const drawn = located.slice(0, MAX_MARKS);
  // Only the sheets that get notes matter: a user's comments elsewhere cost no round trip.
  const noted = new Set(drawn.map((f) => f.sheet));
  const taken = withComments
    ? await userCommentCells(
        context,
        states.filter((s) => noted.has(s.name))
      )
    : new Map<string, Set<string>>();
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
    const notes = withComments
      ? [...byCell(mine)]
          .filter(([cell]) => !taken.get(s.name)?.has(cell))
          .map(([cell, list]) => {
            const text = noteText(list);
            return op(["note", s.name, cell, text], (b) =>
              b.sheet(s.name).comments.add(cell, text)
            );
          })
      : [];
    return [...clearOps(s), ...adds, ...notes];
  });
  const sheetName = !withComments && drawn.length > 0 ? findingsSheetName(states) : null;
  const listed = [...findings].sort(errorsFirst).slice(0, MAX_SHEET_FINDINGS);
  const sheetOps = [
    ...clearSheetOps(states),
    ...(sheetName ? findingsSheetOps(sheetName, listed) : []),
  ];
  const all = [...ops, ...sheetOps];
  const syncs = (taken.size > 0 ? 1 : 0) + (all.length > 0 ? await runBatches(context, all) : 0);
  return {
    marked: drawn.length,
    notMarked: located.length - drawn.length,
    syncs,
    notes: drawn.length === 0 ? null : withComments ? "comments" : "sheet",
    notesSheet: sheetName,
    removedSheets: states.filter(isOurFindingsSheet).map((st) => st.name),
  };
}

/**
 * Removes every mark the add-in made, its comments and its findings sheet; values, formats,
 * protection and the user's own comments are left as they were.
 */
export async function clearMarks(
  context: Excel.RequestContext,
  sheetNames?: readonly string[],
  options: MarkOptions = {}
): Promise<number> {
  const withComments = (options.supports ?? officeApiSupport())(COMMENTS_API);
  let loaded: { states: SheetState[]; syncs: number };
  if (sheetNames)
    loaded = { states: await loadSheets(context, sheetNames, withComments), syncs: 1 };
  else {
    try {
      loaded = await loadAllSheets(context, withComments);
    } catch {
      // A host that refuses loads through a null sheet (a position past the last): by the list.
      const states = await loadSheets(context, await sheetNamesOf(context), withComments);
      loaded = { states, syncs: 3 };
    }
  }
  const { states } = loaded;
  const ops = [...withUnprotected(states, clearOps), ...clearSheetOps(states)];
  return loaded.syncs + (ops.length > 0 ? await runBatches(context, ops) : 0);
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
