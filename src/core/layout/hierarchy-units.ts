// Whether a workbook's units form a hierarchy, which decides the "Cộng theo cấp" sheet. Kept apart
// from the sheet's builder so the sheet list (sheet-keys) and the names (context) need no builder.
import type { UnitEntry } from "../data/types";
import { unitKey } from "../rollup/hierarchy";

export const SUBTOTALS_SHEET = "Cộng theo cấp";

/** True when some unit's parent is another unit of the list: the hierarchy has two levels or more. */
export function hasHierarchy(units: ReadonlyArray<Pick<UnitEntry, "name" | "parent">>): boolean {
  const names = new Set<string>();
  for (const u of units) if (u.name.trim()) names.add(unitKey(u.name));
  return units.some((u) => {
    if (!u.parent || !u.name.trim()) return false;
    const p = unitKey(u.parent);
    return p !== unitKey(u.name) && names.has(p);
  });
}
