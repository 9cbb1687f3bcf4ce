// The shared indicator catalogue: one definition per meaning. Every id that several built-in
// templates use is catalogued, no template gives a catalogue id another unit, type or relation,
// and the ids split because they meant different things are recorded in the templates' history.
import * as fs from "node:fs";
import * as path from "node:path";
import { builtInTemplateFile, builtInTemplates } from "../../src/templates";
import { catalogue, withCatalogue } from "../../src/templates/catalogue";
import {
  catalogueJsonSchema,
  catalogueSchema,
  type CatalogueEntry,
} from "../../src/templates/catalogue-schema";
import catalogueJson from "../../src/templates/catalogue.json";
import { TemplateError } from "../../src/core/model/load";

const entries = catalogue();

test("catalogue.json is what its schema allows", () => {
  expect(() => catalogueSchema.parse(catalogueJson)).not.toThrow();
});

test("every indicator id used by more than one built-in template is in the catalogue", () => {
  const users = new Map<string, string[]>();
  for (const t of builtInTemplates())
    for (const i of t.indicators) users.set(i.id, [...(users.get(i.id) ?? []), t.id]);
  const shared = [...users].filter(([, ts]) => ts.length > 1).map(([id]) => id);
  expect(shared.length).toBeGreaterThan(30);
  expect(shared.filter((id) => !entries.has(id))).toEqual([]);
});

test("a built-in template's catalogue ids have the catalogue's unit, type and relations", () => {
  for (const t of builtInTemplates())
    for (const i of t.indicators) {
      const e = entries.get(i.id);
      if (!e) continue;
      const meaning = (x: Partial<CatalogueEntry>) => [
        x.unit ?? "",
        x.type,
        e.partOf ? (x.partOf ?? null) : null,
        x.ratioOf ? { part: x.ratioOf.part, whole: x.ratioOf.whole } : null,
      ];
      expect([
        t.id,
        i.id,
        ...meaning({ ...i, partOf: i.partOf ?? undefined, ratioOf: i.ratioOf ?? undefined }),
      ]).toEqual([t.id, i.id, ...meaning(e)]);
    }
});

test("the catalogue's relations name catalogue entries of the right kind", () => {
  for (const e of entries.values()) {
    for (const ref of [e.partOf, e.ratioOf?.part, e.ratioOf?.whole])
      if (ref) expect([e.id, entries.has(ref)]).toEqual([e.id, true]);
    if (e.ratioOf) expect([e.id, e.type]).toEqual([e.id, "percent"]);
  }
});

describe("a template that gives a catalogue id another meaning is refused at its JSON path", () => {
  const file = () => {
    const f = builtInTemplateFile("quarterly-activity") as {
      id: string;
      indicators: Record<string, unknown>[];
    };
    return { f, i: f.indicators.findIndex((x) => x.id === "dv_ket_nap") };
  };
  it.each([
    [
      "unit",
      "người",
      /indicators\[\d+\]\(dv_ket_nap\)\.unit: danh mục chỉ số dùng chung định nghĩa "dv_ket_nap" với unit là "đoàn viên"; bỏ unit/,
    ],
    ["type", "decimal", /\(dv_ket_nap\)\.type: .*"integer".*đặt mã khác/],
    ["ratioOf", { part: "dv_ket_nap", whole: "dv_tong_so" }, /\(dv_ket_nap\)\.ratioOf: .*null/],
  ])("%s", (key, value, message) => {
    const { f, i } = file();
    f.indicators[i][key] = value;
    expect(() => withCatalogue(f)).toThrow(TemplateError);
    expect(() => withCatalogue(f)).toThrow(message);
  });

  it("a catalogue partOf cannot be changed, but a figure the catalogue gives no whole may have one", () => {
    const { f } = file();
    const at = (id: string) => f.indicators.findIndex((x) => x.id === id);
    f.indicators[at("hn_cbccvc_to_chuc")].partOf = "hn_nld_tong";
    expect(() => withCatalogue(f)).toThrow(/\(hn_cbccvc_to_chuc\)\.partOf: .*"hn_cbccvc_tong"/);
    const ok = file().f;
    expect(ok.indicators[at("doi_thoai_dn")].partOf).toBe("hn_nld_tong");
    expect(() => withCatalogue(ok)).not.toThrow();
  });

  it("its own row label is allowed (a column under a group header words it shorter)", () => {
    const cluster = builtInTemplates().find((t) => t.id === "cluster-emulation")!;
    expect(cluster.indicatorById.get("tuldtt_ky")!.label).toBe("Ký mới");
    expect(entries.get("tuldtt_ky")!.label).toBe("Bản TULĐTT ký mới");
  });
});

test("ids that meant different things are split, and each template's history says so", () => {
  const renamed = new Map<string, [string, string][]>();
  for (const t of builtInTemplates()) {
    const last = t.history[t.history.length - 1];
    if (!last) continue;
    expect([t.id, last.version]).toEqual([t.id, t.version]);
    // Every rename of the history (later versions may only reword, with no changes).
    const pairs = t.history.flatMap((v) =>
      v.changes.flatMap((c) => (c.kind === "renamed" ? [[c.from, c.to] as [string, string]] : []))
    );
    for (const [from, to] of pairs) {
      expect([t.id, from, t.indicatorById.has(from)]).toEqual([t.id, from, false]);
      expect([t.id, to, t.indicatorById.has(to)]).toEqual([t.id, to, true]);
    }
    renamed.set(t.id, pairs);
  }
  // "approved" and "disbursed" are two figures now (issue 13).
  expect(renamed.get("quarterly-activity")).toContainEqual([
    "vay_von_du_an",
    "vay_von_du_an_duyet",
  ]);
  expect(entries.get("vay_von_du_an_duyet")!.label).toMatch(/được duyệt/);
  expect(entries.get("vay_von_du_an")!.label).toMatch(/giải ngân/);
});

test("catalogue.schema.json is the one generated from the catalogue's zod schema", () => {
  const committed = path.resolve(__dirname, "../../src/templates/catalogue.schema.json");
  expect(JSON.parse(fs.readFileSync(committed, "utf8"))).toEqual(catalogueJsonSchema());
});
