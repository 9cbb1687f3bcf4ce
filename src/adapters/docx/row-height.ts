// A rough height of a table row, to decide which rows may be kept whole on one page. LibreOffice
// does not break a row marked "cantSplit" even when it is taller than the page: the row is clipped
// at the page's foot and the rest of its text is lost (an implementation-review appendix row of
// long supervision notes was). Word pushes such a row to the next page and clips it there too.
// So only rows that surely fit are kept whole; the estimate errs on the tall side.
import { runsText, type TableCell } from "../../core/document/model";

/** Cell margins the renderer sets (left + right, top + bottom), in twips. */
export const CELL_MARGIN_X = 120;
export const CELL_MARGIN_Y = 40;

/** Average width of a Times New Roman character, as a share of the font size (bold is wider). */
const CHAR_EM = 0.5;
/** Height of a single-spaced line as a share of the font size (Times New Roman's line gap). */
const LINE_EM = 1.15;

/** Lines a text takes in a cell `widthTw` wide at `sizePt`: each hard line, wrapped by words. */
export function linesOf(text: string, widthTw: number, sizePt: number): number {
  const charTw = sizePt * 20 * CHAR_EM;
  const perLine = Math.max(1, Math.floor(Math.max(1, widthTw - CELL_MARGIN_X) / charTw));
  let lines = 0;
  for (const hard of text.split(/\r\n|\r|\n/)) {
    let used = 0;
    let count = 1;
    for (const word of hard.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) {
        count += Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      } else if (used + 1 + len <= perLine) {
        used += 1 + len;
      } else {
        count += 1 + Math.floor(Math.max(0, len - 1) / perLine);
        used = len % perLine || perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Estimated height in twips of a row whose cells sit in columns `widths` (twips), text at `sizePt`
 * with `lineSpacing` (1 = single). A cell spanning columns gets their summed width.
 */
export function rowHeightTw(
  cells: readonly TableCell[],
  widths: readonly number[],
  sizePt: number,
  lineSpacing = 1
): number {
  let col = 0;
  let tallest = 0;
  for (const c of cells) {
    const span = c.colSpan ?? 1;
    const width =
      widths.slice(col, col + span).reduce((a, w) => a + w, 0) || widths[widths.length - 1];
    col += span;
    const lines = linesOf(runsText(c.runs), width, sizePt);
    tallest = Math.max(tallest, lines);
  }
  return Math.ceil(tallest * sizePt * 20 * LINE_EM * lineSpacing) + CELL_MARGIN_Y;
}
