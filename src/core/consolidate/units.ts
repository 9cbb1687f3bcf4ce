// The unit rows of a consolidation, from the used sources. A unit's file gives one row (its own
// figures); rows of its per-unit tables that name other units become units under it. A source that
// is itself a consolidated workbook (a district's, sent up to the province) brings its units: the
// units keep their parent inside the source, its top-level units hang under the source's unit, and
// the source's unit gets no figures of its own, because its figures are its units' (taking its
// totals as well would count every figure twice). Every unit is counted once: a name already
// brought by another source is a duplicate, named with both files, and only the first counts.
import type { Template } from "../model/load";
import type { DataValue, UnitEntry } from "../data/types";
import { ROW_KEY } from "../data/types";
import type { ScreenedSource } from "./screen";
import { consolidationMap } from "./template";
import { unitKey } from "../rollup/hierarchy";
import type { Hedge } from "../format/hedge";

export interface BuiltUnits {
  units: UnitEntry[];
  /** Units each consolidated source brought (source file → count), for the sources sheet. */
  brought: Map<string, number>;
  /** Notes for a source's record (source file → lines), shown as its "lưu ý". */
  notes: Map<string, string[]>;
}

const present = (v: DataValue | undefined): v is number | string =>
  v !== null && v !== undefined && v !== "";
const quote = (s: string) => `“${s}”`;

/** Units of one source, with the figures that go into the result and their parent. */
interface InnerUnit {
  name: string;
  key: string;
  parent: string | null;
  values: Record<string, DataValue>;
  /** The hedges of those figures ("trên", "gần"…), so each unit's shows in footnotes. */
  hedges: Record<string, Hedge>;
}

/** The hedges of the figures `values` keeps. */
function hedgesOf(
  values: Record<string, DataValue>,
  hedges: Readonly<Record<string, Hedge>> | undefined
): Record<string, Hedge> {
  const out: Record<string, Hedge> = {};
  for (const k of Object.keys(values)) if (hedges?.[k]) out[k] = hedges[k];
  return out;
}

/** A unit entry, with `hedges` only when some figure carries one (units without stay as they were). */
function unitEntry(
  name: string,
  parent: string | null,
  values: Record<string, DataValue>,
  hedges: Record<string, Hedge>
): UnitEntry {
  return Object.keys(hedges).length > 0
    ? { name, parent, values, hedges }
    : { name, parent, values };
}

/**
 * The source's own unit rows worth keeping: those with figures and, so a level without figures of
 * its own (a district inside a province's consolidation) is not lost, every ancestor of one.
 */
function innerUnits(s: ScreenedSource, columns: ReadonlySet<string>, notes: string[]): InnerUnit[] {
  const sourceKey = unitKey(s.unit!);
  const rows: InnerUnit[] = [];
  const byKey = new Map<string, InnerUnit>();
  for (const u of s.data!.units) {
    const name = u.name.replace(/\s+/g, " ").trim();
    const key = unitKey(name);
    if (!name || byKey.has(key)) continue;
    const values = Object.fromEntries(
      Object.entries(u.values).filter(([k, v]) => columns.has(k) && present(v))
    );
    const row: InnerUnit = {
      name,
      key,
      parent: u.parent?.trim() || null,
      values,
      hedges: hedgesOf(values, u.hedges),
    };
    rows.push(row);
    byKey.set(key, row);
  }
  const keep = new Set<string>();
  for (const row of rows) {
    if (Object.keys(row.values).length === 0) continue;
    // Walk up inside the source; a cycle stops at a unit already kept.
    let at: InnerUnit | undefined = row;
    while (at && !keep.has(at.key)) {
      keep.add(at.key);
      at = at.parent ? byKey.get(unitKey(at.parent)) : undefined;
    }
  }
  const out: InnerUnit[] = [];
  for (const row of rows) {
    if (!keep.has(row.key)) continue;
    const pk = row.parent ? unitKey(row.parent) : null;
    let parent: string | null = s.unit!;
    if (pk && pk !== sourceKey && pk !== row.key) {
      const p = byKey.get(pk);
      if (p && keep.has(pk)) parent = p.name;
      else
        notes.push(
          `Dòng ${quote(row.name)} ghi đơn vị cấp trên ${quote(row.parent!)}, không có trong tệp; ` +
            `tính ${quote(row.name)} trực thuộc ${quote(s.unit!)}.`
        );
    }
    out.push({ ...row, parent: row.key === sourceKey ? null : parent });
  }
  return out;
}

export function buildUnits(
  ct: Template,
  t: Template,
  used: ScreenedSource[],
  messages: string[]
): BuiltUnits {
  const map = consolidationMap(t);
  const unitNames = new Map(used.map((s) => [unitKey(s.unit!), s.unit!]));
  // Which file brought each unit name: the sources' own units first, so a unit that sent its own
  // file is never counted again from a consolidation that also lists it.
  const broughtBy = new Map(used.map((s) => [unitKey(s.unit!), s.file]));
  const units: UnitEntry[] = [];
  const brought = new Map<string, number>();
  const notes = new Map<string, string[]>();
  const perUnitColumns = new Set(
    ct.tables.filter((x) => x.kind === "perUnit").flatMap((x) => x.columns.map((c) => c.id))
  );

  // Comparison values are consolidated only where every unit gives one, else the total would
  // compare a part of the units with all of them. A consolidated source gives one when its own
  // consolidation did (its baselines are the totals of its units' comparison columns).
  const baselineIds = new Map<string, string>();
  const incomplete = new Map<string, string[]>();
  for (const [col, { baseline, indicator }] of map.baselineColumns) {
    if (used.every((s) => typeof s.data?.baselines?.[baseline]?.[indicator] === "number"))
      baselineIds.set(col, indicator);
    else if (used.some((s) => typeof s.data?.baselines?.[baseline]?.[indicator] === "number"))
      incomplete.set(baseline, [
        ...(incomplete.get(baseline) ?? []),
        t.indicatorById.get(indicator)!.label,
      ]);
  }
  for (const [baseline, labels] of incomplete) {
    const what = baseline === "lastYear" ? "cùng kỳ năm trước" : "đầu nhiệm kỳ";
    messages.push(
      `Số liệu ${what} của ${labels.length} chỉ số không được tổng hợp vì không phải đơn vị nào cũng ghi (vd. ${labels.slice(0, 3).join("; ")}).`
    );
  }
  const columns = new Set(
    [...perUnitColumns].filter((c) => !map.baselineColumns.has(c) || baselineIds.has(c))
  );

  for (const s of used) {
    const d = s.data!;
    const key = unitKey(s.unit!);
    const sourceNotes: string[] = [];
    const values: Record<string, DataValue> = {};
    const hedges: Record<string, Hedge> = {};
    // A consolidated source's scalar figures, fixed tables and baselines are totals of its units,
    // which are brought below: only a unit's own file gives figures to its own row.
    if (!s.consolidated) {
      for (const id of map.moved.keys()) {
        const ind = ct.indicatorById.get(id)!;
        if (!ind.computed && present(d.values[id])) {
          values[id] = d.values[id];
          const h = d.hedges?.values?.[id];
          if (h) hedges[id] = h;
        }
      }
      for (const [col, indicator] of baselineIds) {
        const bl = map.baselineColumns.get(col)!.baseline;
        values[col] = d.baselines![bl]![indicator];
      }
      for (const [col, cell] of map.fixedCells) {
        const row = (d.tables[cell.table] ?? []).find((r) => r[ROW_KEY] === cell.row);
        const v = row?.[cell.column];
        if (!present(v)) continue;
        values[col] = v;
        const h = d.hedges?.tables?.[cell.table]?.[cell.row]?.[cell.column];
        if (h) hedges[col] = h;
      }
    }
    const subunits: UnitEntry[] = [];
    for (const u of innerUnits(s, columns, sourceNotes)) {
      if (u.key === key) {
        Object.assign(values, u.values);
        Object.assign(hedges, u.hedges);
        continue;
      }
      const first = broughtBy.get(u.key);
      if (first !== undefined) {
        const message =
          `Đơn vị ${quote(u.name)} có trong cả tệp ${quote(first)} và tệp ${quote(s.file)}: ` +
          `chỉ tính một lần, theo tệp ${quote(first)}; số liệu của đơn vị này trong tệp ` +
          `${quote(s.file)} không được tính. Xác định đơn vị thuộc tệp nào, bỏ dòng thừa ` +
          `rồi tổng hợp lại.`;
        messages.push(message);
        sourceNotes.push(message);
        continue;
      }
      broughtBy.set(u.key, s.file);
      subunits.push(unitEntry(u.name, u.parent, u.values, u.hedges));
    }
    if (s.consolidated) {
      brought.set(s.file, subunits.length);
      sourceNotes.unshift(
        `Sổ tổng hợp của ${quote(s.unit!)}: mang vào ${subunits.length} đơn vị; số liệu của ` +
          `${quote(s.unit!)} là tổng của các đơn vị này (không lấy thêm số tổng của sổ).`
      );
    }
    if (sourceNotes.length > 0) notes.set(s.file, sourceNotes);
    const parentKey = s.parentBody ? unitKey(s.parentBody) : null;
    const parent = parentKey && parentKey !== key ? (unitNames.get(parentKey) ?? null) : null;
    units.push(unitEntry(s.unit!, parent, values, hedgesOf(values, hedges)), ...subunits);
  }
  return { units, brought, notes };
}
