/**
 * A1-notation parsing and formatting. Areas are 0-based and inclusive on both ends so that
 * "A1" is {r0:0,c0:0,r1:0,c1:0}.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Which parts of a reference carried a "$"; kept so name formulas round-trip as written. */
export interface AbsFlags {
  r0: boolean;
  c0: boolean;
  r1: boolean;
  c1: boolean;
}

export interface ParsedArea {
  area: Area;
  abs: AbsFlags;
}

export interface ParsedRef extends ParsedArea {
  sheet: string | null;
}

export function colToLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Returns -1 when the text is not a column within Excel's grid. */
export function lettersToCol(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const code = letters.charCodeAt(i);
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    if (upper < 65 || upper > 90) return -1;
    n = n * 26 + (upper - 64);
  }
  return n - 1 < MAX_COLS ? n - 1 : -1;
}

export function cellCount(a: Area): number {
  return (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);
}

export function rowCount(a: Area): number {
  return a.r1 - a.r0 + 1;
}

export function columnCount(a: Area): number {
  return a.c1 - a.c0 + 1;
}

export function isFullColumns(a: Area): boolean {
  return a.r0 === 0 && a.r1 === MAX_ROWS - 1;
}

export function isFullRows(a: Area): boolean {
  return a.c0 === 0 && a.c1 === MAX_COLS - 1;
}

export function isWholeSheet(a: Area): boolean {
  return isFullColumns(a) && isFullRows(a);
}

export function areaEquals(a: Area, b: Area): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1
  );
}

export function containsCell(a: Area, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

export function intersect(a: Area, b: Area): Area | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export function boundingBox(a: Area, b: Area): Area {
  return {
    r0: Math.min(a.r0, b.r0),
    c0: Math.min(a.c0, b.c0),
    r1: Math.max(a.r1, b.r1),
    c1: Math.max(a.c1, b.c1),
  };
}

export function inGrid(a: Area): boolean {
  return (
    a.r0 >= 0 && a.c0 >= 0 && a.r1 < MAX_ROWS && a.c1 < MAX_COLS && a.r0 <= a.r1 && a.c0 <= a.c1
  );
}

const NO_ABS: AbsFlags = { r0: false, c0: false, r1: false, c1: false };
const ALL_ABS: AbsFlags = { r0: true, c0: true, r1: true, c1: true };

/**
 * Formats the area the way Excel's Range.address does: whole rows as "5:7", whole columns as
 * "C:D", a single cell without the colon.
 */
export function formatArea(a: Area, abs: AbsFlags | boolean = false): string {
  const f = abs === true ? ALL_ABS : abs === false ? NO_ABS : abs;
  const d = (flag: boolean) => (flag ? "$" : "");
  if (isFullRows(a)) {
    return `${d(f.r0)}${a.r0 + 1}:${d(f.r1)}${a.r1 + 1}`;
  }
  if (isFullColumns(a)) {
    return `${d(f.c0)}${colToLetters(a.c0)}:${d(f.c1)}${colToLetters(a.c1)}`;
  }
  const first = `${d(f.c0)}${colToLetters(a.c0)}${d(f.r0)}${a.r0 + 1}`;
  if (a.r0 === a.r1 && a.c0 === a.c1) return first;
  return `${first}:${d(f.c1)}${colToLetters(a.c1)}${d(f.r1)}${a.r1 + 1}`;
}

export function formatCell(r: number, c: number): string {
  return `${colToLetters(c)}${r + 1}`;
}

const CELL_LIKE = /^([A-Za-z]{1,3})(\d+)$/;
const R1C1_LIKE = /^(R\d*C?\d*|C\d*)$/i;

function looksLikeCellReference(name: string): boolean {
  const m = CELL_LIKE.exec(name);
  if (!m) return false;
  const col = lettersToCol(m[1]);
  const row = Number(m[2]);
  return col >= 0 && row >= 1 && row <= MAX_ROWS;
}

/**
 * Excel quotes a sheet name in a reference unless it is a plain identifier: letters (any script,
 * so "Tổng_hợp" stays bare), digits, "_" and "."; not starting with a digit; and not something
 * the formula parser would read as a cell, an R1C1 reference or a boolean.
 */
export function sheetNameNeedsQuotes(name: string): boolean {
  if (name.length === 0) return true;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (looksLikeCellReference(name) || R1C1_LIKE.test(name)) return true;
  const upper = name.toUpperCase();
  return upper === "TRUE" || upper === "FALSE";
}

export function quoteSheetName(name: string): string {
  return sheetNameNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function qualify(sheetName: string, a: Area, abs: AbsFlags | boolean = false): string {
  return `${quoteSheetName(sheetName)}!${formatArea(a, abs)}`;
}

interface Part {
  col: number | null;
  row: number | null;
  absCol: boolean;
  absRow: boolean;
}

const PART = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/;

function parsePart(text: string): Part | null {
  const m = PART.exec(text);
  if (!m) return null;
  const [, d1, letters, d2, digits] = m;
  if (!letters && !digits) return null;
  if (letters === undefined && d2 === "$") return null;
  let col: number | null = null;
  let row: number | null = null;
  if (letters !== undefined) {
    col = lettersToCol(letters);
    if (col < 0) return null;
  }
  if (digits !== undefined) {
    row = Number(digits) - 1;
    if (row < 0 || row >= MAX_ROWS) return null;
  }
  if (letters === undefined) {
    // "$5" is an absolute row; the first "$" belongs to the row.
    return { col: null, row, absCol: false, absRow: d1 === "$" };
  }
  return { col, row, absCol: d1 === "$", absRow: d2 === "$" };
}

/** Parses "B5", "$B$5:C9", "C:C", "5:7" (no sheet). Returns null when the text is not an area. */
export function parseArea(text: string): ParsedArea | null {
  const trimmed = text.trim();
  if (trimmed.length === 0) return null;
  const pieces = trimmed.split(":");
  if (pieces.length > 2) return null;
  const p1 = parsePart(pieces[0]);
  if (!p1) return null;
  const p2 = pieces.length === 2 ? parsePart(pieces[1]) : p1;
  if (!p2) return null;
  const kind = (p: Part) =>
    p.col !== null && p.row !== null ? "cell" : p.col !== null ? "col" : "row";
  const k1 = kind(p1);
  const k2 = kind(p2);
  if (k1 !== k2) return null;
  if (pieces.length === 1 && k1 !== "cell") return null;
  let area: Area;
  if (k1 === "cell") {
    area = {
      r0: Math.min(p1.row!, p2.row!),
      r1: Math.max(p1.row!, p2.row!),
      c0: Math.min(p1.col!, p2.col!),
      c1: Math.max(p1.col!, p2.col!),
    };
  } else if (k1 === "col") {
    area = {
      r0: 0,
      r1: MAX_ROWS - 1,
      c0: Math.min(p1.col!, p2.col!),
      c1: Math.max(p1.col!, p2.col!),
    };
  } else {
    area = {
      r0: Math.min(p1.row!, p2.row!),
      r1: Math.max(p1.row!, p2.row!),
      c0: 0,
      c1: MAX_COLS - 1,
    };
  }
  return {
    area,
    abs: { r0: p1.absRow, c0: p1.absCol, r1: p2.absRow, c1: p2.absCol },
  };
}

/**
 * Splits an optional sheet prefix from a reference: "'Đơn vị'!B5:C9", "Sheet1!A1", "A1".
 * A leading "=" is accepted because name formulas carry one.
 */
export function splitSheetPrefix(text: string): { sheet: string | null; rest: string } | null {
  let s = text.trim();
  if (s.startsWith("=")) s = s.slice(1).trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      const ch = s[i];
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (i >= s.length || s[i + 1] !== "!") return null;
    return { sheet: name, rest: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { sheet: null, rest: s };
  const name = s.slice(0, bang);
  if (name.length === 0 || /['[\]:*?/\\]/.test(name)) return null;
  return { sheet: name, rest: s.slice(bang + 1) };
}

export function parseReference(text: string): ParsedRef | null {
  const split = splitSheetPrefix(text);
  if (!split) return null;
  const parsed = parseArea(split.rest);
  if (!parsed) return null;
  return { sheet: split.sheet, ...parsed };
}

/** Returns the reason a sheet name is rejected, or null if Excel accepts it. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string") return "Sheet name must be a string.";
  if (name.length === 0) return "Sheet name cannot be empty.";
  if (name.length > 31) return "Sheet name cannot exceed 31 characters.";
  if (/[[\]:*?/\\]/.test(name)) return "Sheet name cannot contain any of: [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'"))
    return "Sheet name cannot begin or end with an apostrophe.";
  if (name.toLowerCase() === "history") return "'History' is a reserved sheet name.";
  return null;
}

/** Excel's rule for defined names: identifier-like, not a cell or R1C1 reference, <= 255 chars. */
export function definedNameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0) return "Name cannot be empty.";
  if (name.length > 255) return "Name cannot exceed 255 characters.";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return "Name contains invalid characters.";
  if (looksLikeCellReference(name) || R1C1_LIKE.test(name))
    return "Name cannot look like a cell reference.";
  return null;
}

export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}
