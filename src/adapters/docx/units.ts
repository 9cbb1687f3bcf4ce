// Word measures: twips (1/20 pt, 1/1440 inch) for lengths, half-points for font sizes.
export const A4 = { width: 11906, height: 16838 } as const;

export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const cm = (v: number): number => mm(v * 10);
export const pt = (v: number): number => Math.round(v * 20);
export const halfPt = (v: number): number => Math.round(v * 2);

/** Rough width of a line of Times New Roman text, in twips, to size the short rules under it. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  return Math.round(text.length * sizePt * 20 * (bold ? 0.52 : 0.47));
}
