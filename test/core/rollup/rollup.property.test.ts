// Properties of roll-ups over random unit lists and hierarchies: the order of the rows never
// changes a result, the levels agree with each other, and a rate is never a sum of rates.
import fc from "fast-check";
import {
  buildHierarchy,
  rollupHierarchy,
  type SubtreeTotal,
} from "../../../src/core/rollup/hierarchy";
import { tableTotals } from "../../../src/core/rollup/totals";
import { loadTemplate } from "../../../src/core/model/load-checked";
import type { ReportData, UnitEntry } from "../../../src/core/data/types";

const template = loadTemplate({
  id: "rollup-property",
  version: "1.0.0",
  title: "Kiểm thử tổng hợp",
  docType: "BC",
  periodKinds: ["year"],
  titlePattern: "Báo cáo {period}",
  units: { label: "Đơn vị" },
  sections: [
    {
      id: "ket_qua",
      number: "I",
      level: "roman",
      heading: "Kết quả",
      sheetName: "I. Kết quả",
      tables: [
        {
          id: "bang",
          title: "Bảng",
          sheetName: "Bảng",
          kind: "perUnit",
          columns: [
            { id: "tong", label: "Tổng số", type: "integer" },
            { id: "da_xong", label: "Đã thực hiện", type: "integer", partOf: "tong" },
            {
              id: "ty_le",
              label: "Tỷ lệ",
              type: "percent",
              computed: true,
              ratioOf: { part: "da_xong", whole: "tong" },
            },
            { id: "tien", label: "Số tiền", type: "money" },
            { id: "binh_quan", label: "Bình quân", type: "decimal", aggregation: "average" },
            { id: "cao_nhat", label: "Cao nhất", type: "decimal", aggregation: "max" },
            { id: "cuoi_ky", label: "Cuối kỳ", type: "integer", aggregation: "last" },
          ],
        },
      ],
    },
  ],
});
const table = template.tableById.get("bang")!;
/** In the workbook, "last" is the last row given, so only the roll-up may ignore row order. */
const ORDER_FREE_IN_TABLE = table.columns.map((c) => c.id).filter((id) => id !== "cuoi_ky");

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });

const rowValues = fc
  .record({
    tong: maybe(fc.integer({ min: 0, max: 5000 })),
    done: maybe(fc.integer({ min: 0, max: 5000 })),
    tien: maybe(fc.integer({ min: 0, max: 2_000_000_000 })),
    binh_quan: maybe(fc.double({ min: 0, max: 1e7, noNaN: true })),
    cao_nhat: maybe(fc.double({ min: -100, max: 1e6, noNaN: true })),
    cuoi_ky: maybe(fc.integer({ min: 0, max: 100_000 })),
  })
  .map(({ tong, done, ...rest }) => ({
    tong,
    // A part never exceeds its whole in valid data; a part without a whole is allowed.
    da_xong: done === null ? null : tong === null ? done : Math.min(done, tong),
    ...rest,
  }));

/** Units listed parents-first, each parent chosen among the earlier units: a forest. */
const unitLists = fc
  .array(fc.tuple(fc.nat(), fc.boolean(), rowValues), { minLength: 1, maxLength: 40 })
  .map((specs) =>
    specs.map(([pick, isRoot, values], i): UnitEntry => ({
      name: `Đơn vị ${i + 1}`,
      parent: i === 0 || isRoot ? null : `Đơn vị ${(pick % i) + 1}`,
      values,
    }))
  );

const listAndShuffle = unitLists.chain((units) =>
  fc.tuple(
    fc.constant(units),
    fc.shuffledSubarray(units, { minLength: units.length, maxLength: units.length })
  )
);

function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameValues(
  a: ReadonlyMap<string, number | null>,
  b: ReadonlyMap<string, number | null>,
  ids: Iterable<string>
): boolean {
  for (const id of ids) if (!close(a.get(id), b.get(id))) return false;
  return true;
}

const byUnit = (out: SubtreeTotal[]) => new Map(out.map((r) => [r.unit, r]));

const dataOf = (units: UnitEntry[]): ReportData => ({
  template: template.id,
  templateVersion: template.version,
  header: {},
  values: {},
  units,
  tables: {},
  texts: {},
});

describe("roll-up properties", () => {
  it("shuffling the units never changes rollupHierarchy", () => {
    fc.assert(
      fc.property(listAndShuffle, ([units, shuffled]) => {
        const a = byUnit(rollupHierarchy(template, units));
        const b = byUnit(rollupHierarchy(template, shuffled));
        expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
        for (const [unit, ra] of a) {
          const rb = b.get(unit)!;
          expect([rb.parent, rb.depth, rb.descendants]).toEqual([
            ra.parent,
            ra.depth,
            ra.descendants,
          ]);
          expect([...rb.values.keys()].sort()).toEqual([...ra.values.keys()].sort());
          expect(sameValues(ra.values, rb.values, ra.values.keys())).toBe(true);
        }
      }),
      { numRuns: 300 }
    );
  });

  it("shuffling the units never changes tableTotals, and the grand total equals them", () => {
    fc.assert(
      fc.property(listAndShuffle, ([units, shuffled]) => {
        const a = tableTotals(table, dataOf(units));
        const b = tableTotals(table, dataOf(shuffled));
        expect(sameValues(a, b, ORDER_FREE_IN_TABLE)).toBe(true);
        const grand = rollupHierarchy(template, units).at(-1)!.values;
        const given = ORDER_FREE_IN_TABLE.filter((id) => grand.has(id));
        expect(sameValues(a, grand, given)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });

  it("every level agrees: sums add up from the roots, rates come from summed paired rows", () => {
    fc.assert(
      fc.property(unitLists, (units) => {
        const out = rollupHierarchy(template, units);
        const rolled = byUnit(out);
        const h = buildHierarchy(units);
        const own = new Map(units.map((x) => [x.name, x.values]));
        const num = (v: unknown) => (typeof v === "number" ? v : null);
        const figure = (unit: string, id: string): number | null =>
          (h.children.get(unit) ?? []).length > 0
            ? (rolled.get(unit)!.values.get(id) ?? null)
            : num(own.get(unit)?.[id]);
        const grand = out.at(-1)!.values;
        for (const id of ["tong", "da_xong", "tien", "cuoi_ky"]) {
          const parts = h.roots.map((r) => figure(r, id)).filter((v): v is number => v !== null);
          const expected = parts.length === 0 ? null : parts.reduce((x, y) => x + y, 0);
          expect(close(grand.get(id) ?? null, expected)).toBe(true);
        }
        // The rate at every level, from the rows below it that give both part and whole.
        for (const entry of out.slice(0, -1)) {
          const rows = subtree(h.children, entry.unit).map((n) => own.get(n)!);
          const paired = rows.filter((r) => num(r.da_xong) !== null && num(r.tong) !== null);
          const whole = paired.reduce((s, r) => s + num(r.tong)!, 0);
          const part = paired.reduce((s, r) => s + num(r.da_xong)!, 0);
          const expected = paired.length === 0 || whole === 0 ? null : part / whole;
          expect(close(entry.values.get("ty_le"), expected)).toBe(true);
          // A share of a whole stays a share: never above 100% when no part exceeds its whole.
          if (expected !== null) expect(expected).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 }
    );
  });
});

function subtree(children: ReadonlyMap<string, string[]>, root: string): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}
