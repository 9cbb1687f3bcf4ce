// A1-notation helpers shared by the layout, the readers and the writers.

export interface CellAddress {
  row: number; // 1-based
  col: number; // 1-based
}

export interface RangeAddress {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnLetters(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetters(col)}$${row}` : `${columnLetters(col)}${row}`;
}

export function rangeA1(r: RangeAddress, absolute = false): string {
  const a = cellA1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right
    ? a
    : `${a}:${cellA1(r.bottom, r.right, absolute)}`;
}

/** Excel quotes a sheet name unless it is a plain identifier that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, r: RangeAddress, absolute = true): string {
  return `${quoteSheet(sheet)}!${rangeA1(r, absolute)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseCell(a1: string): CellAddress | null {
  const m = CELL_RE.exec(a1.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRange(a1: string): RangeAddress | null {
  const [first, second] = a1.split(":");
  const a = parseCell(first);
  if (!a) return null;
  const b = second === undefined ? a : parseCell(second);
  if (!b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Parses a defined name's reference ("='Đơn vị'!$B$5:$B$11" or "Sheet1!$C$3").
 * Returns null for anything else (constants, formulas, #REF!), which the reader reports.
 */
export function parseQualifiedRange(ref: string): { sheet: string; range: RangeAddress } | null {
  const text = ref.trim().replace(/^=/, "");
  let sheet: string;
  let rest: string;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += text[i];
    }
    if (text[i + 1] !== "!") return null;
    sheet = name;
    rest = text.slice(i + 2);
  } else {
    const bang = text.indexOf("!");
    if (bang <= 0) return null;
    sheet = text.slice(0, bang);
    rest = text.slice(bang + 1);
  }
  const range = parseRange(rest);
  return range ? { sheet, range } : null;
}
