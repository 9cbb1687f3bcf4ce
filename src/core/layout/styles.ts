// The few cell styles the templates use, as plain data both writers translate.
// Input cells are the only unlocked cells and the only ones filled light yellow, so users
// see at a glance where to type; computed cells are blue-grey and locked.

export type StyleName =
  | "title"
  | "subtitle"
  | "instructions"
  | "header"
  | "code"
  | "heading1"
  | "heading2"
  | "heading3"
  | "prompt"
  | "label"
  | "labelIndent"
  | "unit"
  | "input"
  | "inputText"
  | "inputLongText"
  | "computed"
  | "total"
  | "totalLabel"
  | "rowNumber"
  | "note"
  | "meta";

export interface BorderSpec {
  style: "thin";
  color: string;
}

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string; // RGB hex without '#'
  horizontal?: "left" | "center" | "right" | "justify";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  indent?: number;
  border?: BorderSpec;
  locked: boolean;
}

export const FONT = "Times New Roman";
const GRID: BorderSpec = { style: "thin", color: "808080" };
export const INPUT_FILL = "FFF2CC";
export const COMPUTED_FILL = "DDEBF7";
export const HEADER_FILL = "D9D9D9";
export const TOTAL_FILL = "E2EFDA";

const base = (size = 12): CellStyle["font"] => ({ name: FONT, size });

export const STYLES: Record<StyleName, CellStyle> = {
  title: {
    font: { ...base(14), bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    locked: true,
  },
  subtitle: {
    font: { ...base(12), italic: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    locked: true,
  },
  instructions: {
    font: { ...base(11), italic: true, color: "595959" },
    vertical: "top",
    wrap: true,
    locked: true,
  },
  header: {
    font: { ...base(11), bold: true },
    fill: HEADER_FILL,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: GRID,
    locked: true,
  },
  code: {
    font: { ...base(9), color: "808080" },
    horizontal: "center",
    vertical: "middle",
    border: GRID,
    locked: true,
  },
  heading1: { font: { ...base(12), bold: true }, vertical: "middle", wrap: true, locked: true },
  heading2: { font: { ...base(12), bold: true }, vertical: "middle", wrap: true, locked: true },
  heading3: {
    font: { ...base(12), bold: true, italic: true },
    vertical: "middle",
    wrap: true,
    locked: true,
  },
  prompt: {
    font: { ...base(11), italic: true, color: "595959" },
    vertical: "top",
    wrap: true,
    locked: true,
  },
  label: { font: base(12), vertical: "middle", wrap: true, border: GRID, locked: true },
  labelIndent: {
    font: base(12),
    vertical: "middle",
    wrap: true,
    indent: 1,
    border: GRID,
    locked: true,
  },
  unit: {
    font: { ...base(11), color: "595959" },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: GRID,
    locked: true,
  },
  input: { font: base(12), fill: INPUT_FILL, vertical: "middle", border: GRID, locked: false },
  inputText: {
    font: base(12),
    fill: INPUT_FILL,
    vertical: "middle",
    wrap: true,
    border: GRID,
    locked: false,
  },
  inputLongText: {
    font: base(12),
    fill: INPUT_FILL,
    horizontal: "justify",
    vertical: "top",
    wrap: true,
    border: GRID,
    locked: false,
  },
  computed: { font: base(12), fill: COMPUTED_FILL, vertical: "middle", border: GRID, locked: true },
  total: {
    font: { ...base(12), bold: true },
    fill: TOTAL_FILL,
    vertical: "middle",
    border: GRID,
    locked: true,
  },
  totalLabel: {
    font: { ...base(12), bold: true },
    fill: TOTAL_FILL,
    horizontal: "center",
    vertical: "middle",
    border: GRID,
    locked: true,
  },
  rowNumber: {
    font: base(12),
    horizontal: "center",
    vertical: "middle",
    border: GRID,
    locked: true,
  },
  note: {
    font: { ...base(10), italic: true, color: "595959" },
    vertical: "top",
    wrap: true,
    locked: true,
  },
  meta: { font: base(11), locked: true },
};

/** Number formats in Excel's invariant syntax; Excel shows them as #.##0 and 0,0% in a vi-VN locale. */
export const NUMBER_FORMATS = {
  integer: "#,##0",
  money: "#,##0",
  decimal: (decimals: number) => (decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0"),
  percent: (decimals: number) => (decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%"),
  change: "+0.0%;-0.0%;0.0%",
  date: "dd/mm/yyyy",
  text: "@",
  general: "General",
} as const;
