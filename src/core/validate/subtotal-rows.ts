// A unit row that repeats its units' total. With "Đơn vị cấp trên" filled, a district's own row and
// its grassroots rows are all added into the table's Tổng cộng; when the district's row holds the
// sum of its units (a subtotal typed or pasted in), that sum is counted twice. Warned, not an
// error: a unit may really have figures of its own that happen to equal its units' sum.
import { isNumericType, type Indicator, type Table } from "../model/load";
import type { UnitEntry } from "../data/types";
import { acrossUnits } from "../rollup/aggregate";
import { unitKey } from "../rollup/hierarchy";
import { formatNumber } from "../format";
import type { ValidationContext } from "./context";

/** Columns whose total row adds the units up (rates and averages are not sums). */
function summedColumns(table: Table): Indicator[] {
  return table.columns.filter(
    (c) => !c.computed && isNumericType(c.type) && acrossUnits(c.aggregation) === "sum"
  );
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Direct children of every named unit, by row index in the sheet. */
function childrenOf(units: readonly UnitEntry[]): Map<number, number[]> {
  const rowOf = new Map<string, number>();
  units.forEach((u, i) => {
    const key = unitKey(u.name ?? "");
    if (key && !rowOf.has(key)) rowOf.set(key, i);
  });
  const out = new Map<number, number[]>();
  units.forEach((u, i) => {
    if (!u.name?.trim() || !u.parent?.trim()) return;
    const p = rowOf.get(unitKey(u.parent));
    if (p === undefined || p === i) return;
    out.set(p, [...(out.get(p) ?? []), i]);
  });
  return out;
}

export function checkSubtotalRows(ctx: ValidationContext, units: readonly UnitEntry[]): void {
  const children = childrenOf(units);
  if (children.size === 0) return;
  for (const table of ctx.template.tables) {
    if (table.kind !== "perUnit") continue;
    const columns = summedColumns(table);
    for (const [parent, kids] of children) {
      const same = columns.filter((c) => {
        const own = num(units[parent].values[c.id]);
        const given = kids.map((k) => num(units[k].values[c.id])).filter((v) => v !== null);
        if (own === null || own === 0 || given.length === 0) return false;
        const sum = given.reduce((a, b) => a + b, 0);
        return Math.abs(own - sum) <= 1e-9 * Math.max(1, Math.abs(own));
      });
      if (same.length === 0) continue;
      const first = same[0];
      const name = units[parent].name;
      const value = num(units[parent].values[first.id]);
      const more = same.length > 1 ? ` (và ${same.length - 1} cột khác của bảng)` : "";
      ctx.add(
        "warning",
        "subtotal-row",
        ctx.placeOf(first, parent),
        first.id,
        value,
        `“${name}” ghi “${first.label}” ${formatNumber(value ?? 0)}${more}, đúng bằng tổng của ` +
          `${kids.length} đơn vị cấp dưới: nếu đây là dòng cộng thì số liệu bị tính hai lần ở dòng ` +
          `Tổng cộng. Khi đó để trống số liệu của “${name}” (giữ số của các đơn vị cấp dưới), ` +
          `hoặc xoá “Đơn vị cấp trên” của các đơn vị đó.`
      );
    }
  }
}
