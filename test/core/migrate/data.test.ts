// migrateData carries every part of a report's data (figures, per-unit rows, fixed and list tables,
// texts, reworded sentences, targets, baselines, hedges) to the new ids, and lists the rest.
import { type Template } from "../../../src/core/model/load";
import { loadTemplate } from "../../../src/core/model/load-checked";
import type { TemplateInput } from "../../../src/core/model/schema";
import type { ReportData } from "../../../src/core/data/types";
import { migrateData, MigrationError } from "../../../src/core/migrate/data";

type Ids = { scalars: string[]; fixed: string[]; list: string[]; perUnit: string[] };

function template(version: string, ids: Ids, history: TemplateInput["history"] = []): Template {
  const col = (id: string) => ({ id, label: `Nhãn ${id}`, unit: "", type: "integer" as const });
  return loadTemplate({
    id: "thu-nghiem",
    version,
    title: "Mẫu thử",
    docType: "BC",
    periodKinds: ["year"],
    titlePattern: "Báo cáo {period}",
    baselines: ["lastYear"],
    units: { label: "Đơn vị", defaults: [], blankRows: 3 },
    sections: [
      {
        id: "ket_qua",
        number: "I",
        level: "roman",
        heading: "Kết quả",
        sheetName: "I. Kết quả",
        text: {},
        indicators: ids.scalars.map(col),
        sentences: [{ id: "tong", text: `Có {${ids.scalars[0]}} việc.` }],
        tables: [
          {
            id: "co_dinh",
            title: "Bảng cố định",
            sheetName: "Cố định",
            kind: "fixed",
            rowHeader: "Cấp",
            rows: [
              { id: "tinh", label: "Tỉnh" },
              { id: "huyen", label: "Huyện" },
            ],
            columns: ids.fixed.map(col),
          },
          {
            id: "danh_sach",
            title: "Danh sách",
            sheetName: "Danh sách",
            kind: "list",
            total: false,
            maxRows: 5,
            columns: ids.list.map(col),
          },
          {
            id: "theo_dv",
            title: "Theo đơn vị",
            sheetName: "Theo đơn vị",
            kind: "perUnit",
            columns: ids.perUnit.map(col),
          },
        ],
      },
    ],
    targets: [
      { id: "tg_a", label: "Chỉ tiêu a", indicator: ids.scalars[0], comparator: "gte", value: 10 },
    ],
    history,
  });
}

const V1 = template("1.0.0", {
  scalars: ["a", "b", "c"],
  fixed: ["f", "g"],
  list: ["l"],
  perUnit: ["p", "q"],
});
const V2 = template(
  "2.0.0",
  {
    scalars: ["a2", "c1", "c2"],
    fixed: ["f2", "g1", "g2"],
    list: ["l"],
    perUnit: ["p", "q1", "q2"],
  },
  [
    { version: "1.0.0", changes: [] },
    {
      version: "2.0.0",
      changes: [
        { kind: "renamed", from: "a", to: "a2" },
        { kind: "removed", id: "b" },
        { kind: "split", from: "c", into: ["c1", "c2"], carryTo: "c1" },
        { kind: "renamed", from: "f", to: "f2" },
        { kind: "split", from: "g", into: ["g1", "g2"] },
        { kind: "split", from: "q", into: ["q1", "q2"], carryTo: "q2" },
      ],
    },
  ]
);

function oldData(): ReportData {
  return {
    template: "thu-nghiem",
    templateVersion: "1.0.0",
    header: { issuingBody: "LĐLĐ tỉnh X", period: "2025" },
    values: { a: 1, b: 2, c: 3, f: 30, g: 7, p: 9, q: 11 },
    units: [
      { name: "Huyện A", parent: null, values: { p: 4, q: 5 }, hedges: { q: "over" } },
      { name: "Huyện B", parent: "Huyện A", values: { p: 5, q: 6 } },
    ],
    tables: {
      co_dinh: [
        { row: "tinh", f: 10, g: 3 },
        { row: "huyen", f: 20, g: 4 },
      ],
      danh_sach: [{ l: 100 }, { l: 200 }],
    },
    texts: { ket_qua: "Làm {a} việc, {b} việc khác." },
    sentences: { "ket_qua.tong": "Có đến {a} việc." },
    targets: { tg_a: { comparator: "gte", value: 12 } },
    baselines: { lastYear: { a: 8, b: 1 } },
    hedges: { values: { a: "about" }, tables: { co_dinh: { tinh: { f: "nearly" } } } },
  };
}

describe("migrateData", () => {
  it("carries every part of the data to the new ids", () => {
    const { data, notCarried } = migrateData(oldData(), V1, V2);
    expect(data.templateVersion).toBe("2.0.0");
    expect(data.header.issuingBody).toBe("LĐLĐ tỉnh X");
    // Scalars renamed and carried; table totals recomputed from the carried rows.
    expect(data.values).toMatchObject({ a2: 1, c1: 3, f2: 30, p: 9, q2: 11 });
    expect(data.values).not.toHaveProperty("g1");
    expect(data.units).toEqual([
      { name: "Huyện A", parent: null, values: { p: 4, q2: 5 }, hedges: { q2: "over" } },
      { name: "Huyện B", parent: "Huyện A", values: { p: 5, q2: 6 } },
    ]);
    expect(data.tables.co_dinh).toEqual([
      { row: "tinh", f2: 10 },
      { row: "huyen", f2: 20 },
    ]);
    expect(data.tables.danh_sach).toEqual([{ l: 100 }, { l: 200 }]);
    expect(data.texts.ket_qua).toBe("Làm {a2} việc, {b} việc khác.");
    expect(data.sentences).toEqual({ "ket_qua.tong": "Có đến {a2} việc." });
    expect(data.targets).toEqual({ tg_a: { comparator: "gte", value: 12 } });
    expect(data.baselines).toEqual({ lastYear: { a2: 8 } });
    expect(data.hedges).toEqual({
      // Totals take their rows' hedges (canonical form), as a workbook read back gives them.
      values: { a2: "about", f2: "nearly", q2: "over" },
      tables: { co_dinh: { tinh: { f2: "nearly" } } },
    });
    // What has nowhere to go: the removed b (its figure and its baseline), the split g (no carryTo).
    expect(notCarried.map((n) => [n.id, n.label, n.value, n.where ?? null])).toEqual([
      ["b", "Nhãn b", 2, null],
      ["g", "Nhãn g", 3, 'bảng "Bảng cố định", dòng Tỉnh'],
      ["g", "Nhãn g", 4, 'bảng "Bảng cố định", dòng Huyện'],
      ["b", "Nhãn b", 1, "cùng kỳ năm trước"],
    ]);
    expect(notCarried[0].why).toBe("mẫu bỏ chỉ số này từ phiên bản 2.0.0");
    expect(notCarried[1].why).toContain('tách thành "Nhãn g1", "Nhãn g2"');
  });

  it("without the old template, labels are the ids and table totals are still not listed", () => {
    const { notCarried } = migrateData(oldData(), null, V2);
    expect(notCarried.map((n) => [n.id, n.label, n.value])).toEqual([
      ["b", "b", 2],
      ["g", "g", 3],
      ["g", "g", 4],
      ["b", "b", 1],
    ]);
  });

  it("a sentence that is the old wording with its figures renamed is the new wording, not a rewording", () => {
    const d = oldData();
    d.sentences = { "ket_qua.tong": "Có {a} việc." };
    expect(migrateData(d, V1, V2).data.sentences).toBeUndefined();
  });

  it("a target left at the old template's level takes the new version's", () => {
    const d = oldData();
    d.targets = { tg_a: { comparator: "gte", value: 10 } };
    const to = template(
      "2.0.0",
      {
        scalars: ["a2", "c1", "c2"],
        fixed: ["f2", "g1", "g2"],
        list: ["l"],
        perUnit: ["p", "q1", "q2"],
      },
      V2.history
    );
    (to.targets[0] as { value: number }).value = 15;
    expect(migrateData(d, V1, to).data.targets).toEqual({ tg_a: { comparator: "gte", value: 15 } });
  });

  it("refuses data the history cannot map", () => {
    const d = { ...oldData(), templateVersion: "0.5.0" };
    expect(() => migrateData(d, null, V2)).toThrow(MigrationError);
    expect(() => migrateData(d, null, V2)).toThrow(/không có phiên bản 0\.5\.0/);
  });
});
