// The "Danh sách đơn vị" field: one unit per line, pasted from Word or Excel as often as typed.
import type { UnitEntry } from "../../core/data/types";

/** The units sheet and per-unit tables take up to 2000 rows (template schema: blankRows ≤ 2000). */
export const MAX_UNITS = 2000;
/** Longer names are almost certainly a paragraph pasted by mistake. */
export const MAX_UNIT_NAME = 200;

export type UnitsError =
  | { kind: "duplicate"; name: string; first: number; line: number }
  | { kind: "tooMany"; count: number }
  | { kind: "tooLong"; line: number };

export interface ParsedUnits {
  names: string[];
  errors: UnitsError[];
}

/** A line as a unit name: list bullets and the ";" or "," ending a list item are dropped, spaces tidied. */
export function cleanUnitLine(line: string): string {
  return line
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[-–•+*]\s+/, "")
    .replace(/\s*[;,.]$/, "")
    .trim();
}

export function parseUnitsText(text: string): ParsedUnits {
  const names: string[] = [];
  const errors: UnitsError[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const name = cleanUnitLine(raw);
    if (!name) return;
    if (name.length > MAX_UNIT_NAME) {
      errors.push({ kind: "tooLong", line });
      return;
    }
    const key = name.toLocaleLowerCase("vi");
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ kind: "duplicate", name, first, line });
      return;
    }
    seen.set(key, line);
    names.push(name);
  });
  if (names.length > MAX_UNITS) errors.push({ kind: "tooMany", count: names.length });
  return { names, errors };
}

export function unitsToText(units: readonly { name: string }[]): string {
  return units.map((u) => u.name).join("\n");
}

/** Unit entries for the report data; a unit also in the template's defaults keeps its parent. */
export function toUnitEntries(
  names: readonly string[],
  defaults: readonly { name: string; parent: string | null }[] = []
): UnitEntry[] {
  const parents = new Map(defaults.map((d) => [d.name.toLocaleLowerCase("vi"), d.parent]));
  return names.map((name) => ({
    name,
    parent: parents.get(name.toLocaleLowerCase("vi")) ?? null,
    values: {},
  }));
}
