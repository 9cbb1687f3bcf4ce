// Workbook-level defined names, derived from ids. They let the readers find every input
// wherever the user has moved it, and let users jump to a figure from Excel's Name Box.
//   BC_<indicator>        a figure's input cell, or a table column's data cells
//   BCT_<indicator>       a table column's total cell
//   BCLY_<indicator>      the same period last year (cùng kỳ năm trước)
//   BCSN_<indicator>      the start of the term (đầu nhiệm kỳ)
//   BCK_<indicator>       a figure's hedge (trên/gần/hơn/khoảng/ít nhất), or a table column's
//                         hedge cells (one per data row, beside the figures' rows)
//   BCH_<field>           a header field (BCH_recipients spans the recipient rows)
//   BCX_<section>         a section's free text (BCX_preamble for the opening paragraph)
//   BCC_<section>.<id>    a template sentence as the unit words it (Câu trong báo cáo)
//   BCG_<target> / BCGS_<target>   a target's value / its comparator
//   BCU_NAME / BCU_PARENT          the units sheet's name and parent columns
import type { Baseline, HeaderField } from "../model/schema";

export type NameTarget =
  | { kind: "header"; field: HeaderField }
  | { kind: "text"; section: string }
  | { kind: "sentence"; section: string; sentence: string }
  | { kind: "value"; indicator: string }
  | { kind: "baseline"; baseline: Baseline; indicator: string }
  | { kind: "hedge"; indicator: string }
  | { kind: "column"; table: string; indicator: string }
  | { kind: "total"; table: string; indicator: string }
  | { kind: "unitName" }
  | { kind: "unitParent" }
  | { kind: "targetValue"; target: string }
  | { kind: "targetComparator"; target: string };

/** Every prefix definedName() gives: the add-in finds and removes its own names by them. */
export const TEMPLATE_NAME_PREFIXES = [
  "BC",
  "BCT",
  "BCLY",
  "BCSN",
  "BCK",
  "BCH",
  "BCX",
  "BCC",
  "BCG",
  "BCGS",
  "BCU",
] as const;

export const PREAMBLE_KEY = "preamble";

export function definedName(t: NameTarget): string {
  switch (t.kind) {
    case "header":
      return `BCH_${t.field}`;
    case "text":
      return `BCX_${t.section}`;
    case "sentence":
      return `BCC_${t.section}.${t.sentence}`;
    case "value":
    case "column":
      return `BC_${t.indicator}`;
    case "baseline":
      return `${t.baseline === "lastYear" ? "BCLY" : "BCSN"}_${t.indicator}`;
    case "total":
      return `BCT_${t.indicator}`;
    case "hedge":
      return `BCK_${t.indicator}`;
    case "unitName":
      return "BCU_NAME";
    case "unitParent":
      return "BCU_PARENT";
    case "targetValue":
      return `BCG_${t.target}`;
    case "targetComparator":
      return `BCGS_${t.target}`;
  }
}

/** Excel compares defined names case-insensitively. */
export function nameKey(name: string): string {
  return name.toUpperCase();
}

const OWN_NAME = new RegExp(`^(${TEMPLATE_NAME_PREFIXES.join("|")})_`, "i");

/** Whether a defined name is one BáoCáo writes (any other belongs to the user or to Excel). */
export function isOwnName(name: string): boolean {
  return OWN_NAME.test(name);
}
