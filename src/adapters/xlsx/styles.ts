// Core cell styles as ExcelJS style objects, built once and shared by every cell that uses them.
import type { Style } from "exceljs";
import { STYLES, type CellStyle, type StyleName } from "../../core/layout/styles";

const argb = (rgb: string) => ({ argb: `FF${rgb}` });

function toExcelJs(s: CellStyle): Partial<Style> {
  const style: Partial<Style> = {
    font: {
      name: s.font.name,
      size: s.font.size,
      bold: s.font.bold ?? false,
      italic: s.font.italic ?? false,
      ...(s.font.color ? { color: argb(s.font.color) } : {}),
    },
    alignment: {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.indent ? { indent: s.indent } : {}),
    },
    protection: { locked: s.locked },
  };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill) };
  if (s.border) {
    const side = { style: s.border.style, color: argb(s.border.color) };
    style.border = { top: side, left: side, bottom: side, right: side };
  }
  return style;
}

const cache = new Map<StyleName, Partial<Style>>();

export function excelJsStyle(name: StyleName): Partial<Style> {
  let s = cache.get(name);
  if (!s) {
    s = toExcelJs(STYLES[name]);
    cache.set(name, s);
  }
  return s;
}
