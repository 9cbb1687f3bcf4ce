// The units hierarchy (Đơn vị sheet: each unit with its parent) and roll-ups up that hierarchy:
// grassroots unions → district federation → province, at any depth. Problems in the list (a parent
// that is not listed, a cycle, a name given twice) are reported, never thrown: a report with a
// typo in one parent cell must still be summed, and the user told which cell to fix.
import type { Template } from "../model/load";
import { isNumericType } from "../model/load";
import type { UnitEntry } from "../data/types";
import { acrossUnits } from "./aggregate";
import { totalsOfRows } from "./totals";
import { cleanUnitName as clean, unitKey } from "./unit-key";

export { unitKey };

export interface HierarchyProblem {
  kind: "unknown-parent" | "cycle" | "duplicate";
  unit: string;
  /** Vietnamese, says what to fix on the Đơn vị sheet. */
  message: string;
  /** Position of the offending row in the units list (0-based; the sheet's STT is index + 1). */
  index: number;
}

export interface Hierarchy {
  /** Units without a (usable) parent, in list order. */
  roots: string[];
  /** Every unit, leaves with an empty list; children in list order. */
  children: ReadonlyMap<string, string[]>;
  parentOf: ReadonlyMap<string, string | null>;
  /** Roots are at depth 0. */
  depthOf: ReadonlyMap<string, number>;
  problems: HierarchyProblem[];
}

const UNITS_SHEET = "Đơn vị";
const PARENT_COLUMN = "Đơn vị cấp trên";

const quote = (s: string) => `“${s}”`;

/**
 * A unit whose parent is blank, or is the report's own issuing body (`rootName`), is a root. A unit
 * whose parent is not listed becomes a root too, with an "unknown-parent" problem; a cycle is broken
 * at its member listed first, which becomes a root; a repeated name keeps its first row's parent.
 */
export function buildHierarchy(
  units: ReadonlyArray<{ name: string; parent: string | null }>,
  rootName?: string
): Hierarchy {
  const problems: HierarchyProblem[] = [];
  const nameByKey = new Map<string, string>();
  const indexOf = new Map<string, number>();
  const order: string[] = [];
  const typedParent = new Map<string, string>();
  const reportedDuplicate = new Set<string>();

  units.forEach((u, index) => {
    const name = clean(u.name);
    if (!name) return;
    const key = unitKey(name);
    const first = nameByKey.get(key);
    if (first !== undefined) {
      if (!reportedDuplicate.has(key)) {
        reportedDuplicate.add(key);
        problems.push({
          kind: "duplicate",
          unit: first,
          index,
          message:
            `Đơn vị ${quote(first)} được ghi ở nhiều dòng trên trang ${quote(UNITS_SHEET)} ` +
            `(STT ${indexOf.get(first)! + 1} và ${index + 1}). Mỗi đơn vị chỉ ghi một dòng: gộp số liệu ` +
            `vào một dòng hoặc đặt tên phân biệt. Tạm thời số liệu các dòng trùng tên được cộng vào ` +
            `cùng một đơn vị, với đơn vị cấp trên ghi ở dòng đầu tiên.`,
        });
      }
      return;
    }
    nameByKey.set(key, name);
    indexOf.set(name, index);
    order.push(name);
    typedParent.set(name, clean(u.parent ?? ""));
  });

  const rootKey = rootName ? unitKey(rootName) : null;
  const directly = rootName ? quote(clean(rootName)) : "đơn vị báo cáo";
  const parentOf = new Map<string, string | null>();
  for (const name of order) {
    const typed = typedParent.get(name) ?? "";
    const key = typed ? unitKey(typed) : "";
    const index = indexOf.get(name)!;
    if (!typed || key === rootKey) {
      parentOf.set(name, null);
    } else if (key === unitKey(name)) {
      parentOf.set(name, null);
      problems.push({
        kind: "cycle",
        unit: name,
        index,
        message:
          `Đơn vị ${quote(name)} (STT ${index + 1}) ghi chính nó là đơn vị cấp trên: trên trang ` +
          `${quote(UNITS_SHEET)}, sửa ô ${quote(PARENT_COLUMN)} của dòng này, hoặc để trống nếu đơn vị ` +
          `trực thuộc trực tiếp ${directly}. Tạm tính ${quote(name)} là đơn vị cấp cao nhất.`,
      });
    } else if (!nameByKey.has(key)) {
      parentOf.set(name, null);
      problems.push({
        kind: "unknown-parent",
        unit: name,
        index,
        message:
          `Đơn vị ${quote(name)} (STT ${index + 1}) ghi đơn vị cấp trên là ${quote(typed)}, nhưng ` +
          `${quote(typed)} không có trong danh sách trên trang ${quote(UNITS_SHEET)}: sửa ô ` +
          `${quote(PARENT_COLUMN)} cho đúng tên một đơn vị trong danh sách, thêm ${quote(typed)} ` +
          `vào danh sách, hoặc để trống nếu đơn vị trực thuộc trực tiếp ${directly}. ` +
          `Tạm tính ${quote(name)} là đơn vị cấp cao nhất.`,
      });
    } else {
      parentOf.set(name, nameByKey.get(key)!);
    }
  }

  breakCycles(order, parentOf, indexOf, problems);

  const children = new Map<string, string[]>(order.map((n) => [n, []]));
  const roots: string[] = [];
  for (const name of order) {
    const parent = parentOf.get(name) ?? null;
    if (parent === null) roots.push(name);
    else children.get(parent)!.push(name);
  }
  const depthOf = new Map<string, number>();
  for (const name of preorder(roots, children)) {
    const parent = parentOf.get(name) ?? null;
    depthOf.set(name, parent === null ? 0 : depthOf.get(parent)! + 1);
  }
  return { roots, children, parentOf, depthOf, problems };
}

/** Walks up from every unit; a walk that meets itself is a cycle, cut at its first-listed member. */
function breakCycles(
  order: ReadonlyArray<string>,
  parentOf: Map<string, string | null>,
  indexOf: ReadonlyMap<string, number>,
  problems: HierarchyProblem[]
): void {
  const done = new Set<string>();
  for (const start of order) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = start;
    while (current !== null && !done.has(current) && !onPath.has(current)) {
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && onPath.has(current)) {
      const cycle = path.slice(path.indexOf(current));
      const cut = cycle.reduce((a, b) => (indexOf.get(a)! <= indexOf.get(b)! ? a : b));
      const links = cycle.map((m) => `${quote(m)} thuộc ${quote(parentOf.get(m)!)}`).join(", ");
      for (const member of cycle) {
        const index = indexOf.get(member)!;
        problems.push({
          kind: "cycle",
          unit: member,
          index,
          message:
            `Đơn vị ${quote(member)} (STT ${index + 1}) nằm trong một vòng cấp trên khép kín ` +
            `(${links}): trên trang ${quote(UNITS_SHEET)}, sửa cột ${quote(PARENT_COLUMN)} để ` +
            `không đơn vị nào là cấp trên của chính nó qua các cấp. Tạm tính ${quote(cut)} là ` +
            `đơn vị cấp cao nhất.`,
        });
      }
      parentOf.set(cut, null);
    }
    for (const p of path) done.add(p);
  }
}

/** Depth-first, document order, without recursion (a long chain must not overflow the stack). */
function preorder(roots: ReadonlyArray<string>, children: ReadonlyMap<string, string[]>): string[] {
  const out: string[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const name = stack.pop()!;
    out.push(name);
    const kids = children.get(name) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

export interface SubtreeTotal {
  unit: string;
  /** null for roots and for the grand total. */
  parent: string | null;
  /** Depth of the unit (roots 0); −1 for the grand total, which sits above the roots. */
  depth: number;
  /** Units below this one at every level (for the grand total: every unit listed). */
  descendants: number;
  values: Map<string, number | null>;
}

export const GRAND_TOTAL_LABEL = "Tổng cộng";

/**
 * For every unit that has children: the aggregate of its subtree (itself + all descendants, DHIS2
 * semantics) for every numeric indicator of the template found in the units' values, by each
 * indicator's aggregation ("last" read as a sum across units, see acrossUnits); rates (ratioOf)
 * recomputed with pairedRatio over the subtree's rows, never summed or averaged. Depth-first
 * document order; the grand total of all units comes last with unit = rootName ?? "Tổng cộng".
 *
 * A parent's own row counts once, with its children's: a district federation's own figures
 * (CĐCS it manages directly) add to its grassroots unions'. A parent row that already holds its
 * children's total would be counted twice; that is for validation to flag, not for the sum to guess.
 * The grand total is over every row given, as the table's total row is (rows with a repeated or
 * blank name included), so with no "last" column it equals tableTotals.
 */
export function rollupHierarchy(
  template: Template,
  units: ReadonlyArray<UnitEntry>,
  opts: { rootName?: string } = {}
): SubtreeTotal[] {
  const hierarchy = buildHierarchy(units, opts.rootName);
  const columns = rolledUpColumns(template, units);
  const aggregationOf = (col: (typeof columns)[number]) => acrossUnits(col.aggregation);

  const nameByKey = new Map<string, string>();
  for (const name of hierarchy.parentOf.keys()) nameByKey.set(unitKey(name), name);
  const ownRows = new Map<string, UnitEntry["values"][]>();
  for (const u of units) {
    const name = nameByKey.get(unitKey(u.name));
    if (name === undefined) continue;
    const list = ownRows.get(name);
    if (list) list.push(u.values);
    else ownRows.set(name, [u.values]);
  }

  const order = preorder(hierarchy.roots, hierarchy.children);
  // Children before parents: each subtree's rows and size are built from its children's.
  const subtreeRows = new Map<string, UnitEntry["values"][]>();
  const descendants = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const name = order[i];
    const kids = hierarchy.children.get(name) ?? [];
    const rows = [...(ownRows.get(name) ?? [])];
    let count = 0;
    for (const kid of kids) {
      rows.push(...subtreeRows.get(kid)!);
      count += 1 + descendants.get(kid)!;
    }
    subtreeRows.set(name, rows);
    descendants.set(name, count);
  }

  const out: SubtreeTotal[] = [];
  for (const name of order) {
    if ((hierarchy.children.get(name) ?? []).length === 0) continue;
    out.push({
      unit: name,
      parent: hierarchy.parentOf.get(name) ?? null,
      depth: hierarchy.depthOf.get(name) ?? 0,
      descendants: descendants.get(name)!,
      values: totalsOfRows(columns, subtreeRows.get(name)!, aggregationOf),
    });
  }
  out.push({
    unit: opts.rootName ?? GRAND_TOTAL_LABEL,
    parent: null,
    depth: -1,
    descendants: hierarchy.parentOf.size,
    values: totalsOfRows(
      columns,
      units.map((u) => u.values),
      aggregationOf
    ),
  });
  return out;
}

/** Numeric indicators given by at least one unit, in template order; rates whose parts are given. */
function rolledUpColumns(template: Template, units: ReadonlyArray<UnitEntry>) {
  const given = new Set<string>();
  for (const u of units) for (const k of Object.keys(u.values)) given.add(k);
  return template.indicators.filter((ind) => {
    if (!isNumericType(ind.type)) return false;
    if (ind.computed && ind.ratioOf) {
      return given.has(ind.ratioOf.part) || given.has(ind.ratioOf.whole);
    }
    return given.has(ind.id);
  });
}
