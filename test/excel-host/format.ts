/**
 * Cell formats. A CellFormat is immutable and shared between cells; edits produce a new object
 * so a 100,000-cell range with one format costs one object, not 100,000.
 */

export interface FontState {
  readonly name: string;
  readonly size: number;
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: string;
  readonly strikethrough: boolean;
  readonly subscript: boolean;
  readonly superscript: boolean;
}

export interface BorderState {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

/** Sides stored per cell; inside borders of a range are written onto these. */
export type CellSide = "top" | "bottom" | "left" | "right" | "diagonalDown" | "diagonalUp";

export interface CellFormat {
  readonly numberFormat: string;
  readonly font: FontState;
  /** null means "no fill"; Excel reports that as "#FFFFFF". */
  readonly fill: string | null;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
  readonly indentLevel: number;
  readonly borders: Readonly<Partial<Record<CellSide, BorderState>>>;
  readonly locked: boolean;
  readonly formulaHidden: boolean;
  readonly style: string;
}

export const DEFAULT_FONT: FontState = Object.freeze({
  name: "Calibri",
  size: 11,
  color: "#000000",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  subscript: false,
  superscript: false,
});

export const DEFAULT_FORMAT: CellFormat = Object.freeze({
  numberFormat: "General",
  font: DEFAULT_FONT,
  fill: null,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  borders: Object.freeze({}),
  locked: true,
  formulaHidden: false,
  style: "Normal",
});

export const NO_BORDER: BorderState = Object.freeze({
  style: "None",
  color: "#000000",
  weight: "Thin",
});

export type FormatPatch = (f: CellFormat) => CellFormat;

export function withFont(patch: Partial<FontState>): FormatPatch {
  return (f) => ({ ...f, font: { ...f.font, ...patch } });
}

export function withFields(patch: Partial<Omit<CellFormat, "font" | "borders">>): FormatPatch {
  return (f) => ({ ...f, ...patch });
}

/** Giving a missing border a color or weight draws it, as Excel does. */
export function withBorder(side: CellSide, patch: Partial<BorderState>): FormatPatch {
  return (f) => {
    const current = f.borders[side] ?? NO_BORDER;
    const implied = patch.style === undefined && current.style === "None";
    const next: BorderState = { ...current, ...patch, ...(implied ? { style: "Continuous" } : {}) };
    const borders = { ...f.borders };
    if (next.style === "None") delete borders[side];
    else borders[side] = next;
    return { ...f, borders };
  };
}

/**
 * Wraps a patch so each distinct input format maps to one output object for the duration of an
 * operation; that keeps shared formats shared after bulk edits.
 */
export function memoize(patch: FormatPatch): FormatPatch {
  const memo = new Map<CellFormat, CellFormat>();
  return (f) => {
    let out = memo.get(f);
    if (!out) {
      out = patch(f);
      memo.set(f, out);
    }
    return out;
  };
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  lime: "#00FF00",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  navy: "#000080",
  maroon: "#800000",
  olive: "#808000",
  teal: "#008080",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
  pink: "#FFC0CB",
  brown: "#A52A2A",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  darkgray: "#A9A9A9",
  lightblue: "#ADD8E6",
  lightgreen: "#90EE90",
  lightyellow: "#FFFFE0",
  darkblue: "#00008B",
  darkgreen: "#006400",
  darkred: "#8B0000",
  gold: "#FFD700",
};

/** Excel accepts "#RRGGBB", "#RGB" and HTML color names, and reports "#RRGGBB" upper-case. */
export function normalizeColor(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const s = value.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  const m6 = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m6) return `#${m6[1].toUpperCase()}`;
  const m3 = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (m3) {
    const [r, g, b] = m3[1].toUpperCase().split("");
    return `#${r}${r}${g}${g}${b}${b}`;
  }
  return null;
}

export const HORIZONTAL_ALIGNMENTS = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
export const VERTICAL_ALIGNMENTS = ["Top", "Center", "Bottom", "Justify", "Distributed"];
export const UNDERLINE_STYLES = [
  "None",
  "Single",
  "Double",
  "SingleAccountant",
  "DoubleAccountant",
];
export const BORDER_STYLES = [
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Double",
  "SlantDashDot",
];
export const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

/** Plain-data view of a format, used by snapshots and host accessors. */
export interface FormatData {
  numberFormat?: string;
  font?: Partial<FontState>;
  fill?: string | null;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: Partial<Record<CellSide, BorderState>>;
  locked?: boolean;
  formulaHidden?: boolean;
  style?: string;
}

/** Only the fields that differ from the default, so snapshots stay small. */
export function formatToData(f: CellFormat): FormatData {
  const out: FormatData = {};
  const d = DEFAULT_FORMAT;
  if (f.numberFormat !== d.numberFormat) out.numberFormat = f.numberFormat;
  const font: Partial<Record<keyof FontState, unknown>> = {};
  for (const k of Object.keys(d.font) as (keyof FontState)[]) {
    if (f.font[k] !== d.font[k]) font[k] = f.font[k];
  }
  if (Object.keys(font).length > 0) out.font = font as Partial<FontState>;
  if (f.fill !== d.fill) out.fill = f.fill;
  if (f.horizontalAlignment !== d.horizontalAlignment)
    out.horizontalAlignment = f.horizontalAlignment;
  if (f.verticalAlignment !== d.verticalAlignment) out.verticalAlignment = f.verticalAlignment;
  if (f.wrapText !== d.wrapText) out.wrapText = f.wrapText;
  if (f.indentLevel !== d.indentLevel) out.indentLevel = f.indentLevel;
  if (Object.keys(f.borders).length > 0) out.borders = { ...f.borders };
  if (f.locked !== d.locked) out.locked = f.locked;
  if (f.formulaHidden !== d.formulaHidden) out.formulaHidden = f.formulaHidden;
  if (f.style !== d.style) out.style = f.style;
  return out;
}

export function formatFromData(data: FormatData | undefined, base: CellFormat = DEFAULT_FORMAT) {
  if (!data) return base;
  const out: CellFormat = {
    ...base,
    ...(data.numberFormat !== undefined ? { numberFormat: data.numberFormat } : {}),
    font: { ...base.font, ...(data.font ?? {}) },
    ...(data.fill !== undefined
      ? { fill: data.fill === null ? null : normalizeColor(data.fill) }
      : {}),
    ...(data.horizontalAlignment !== undefined
      ? { horizontalAlignment: data.horizontalAlignment }
      : {}),
    ...(data.verticalAlignment !== undefined ? { verticalAlignment: data.verticalAlignment } : {}),
    ...(data.wrapText !== undefined ? { wrapText: data.wrapText } : {}),
    ...(data.indentLevel !== undefined ? { indentLevel: data.indentLevel } : {}),
    borders: { ...base.borders, ...(data.borders ?? {}) },
    ...(data.locked !== undefined ? { locked: data.locked } : {}),
    ...(data.formulaHidden !== undefined ? { formulaHidden: data.formulaHidden } : {}),
    ...(data.style !== undefined ? { style: data.style } : {}),
  };
  return out;
}
