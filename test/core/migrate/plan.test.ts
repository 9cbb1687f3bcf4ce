// A template's history is checked when it loads, and composed into where each old id's value goes.
import { TemplateError } from "../../../src/core/model/load";
import { loadTemplate } from "../../../src/core/model/load-checked";
import type { TemplateInput } from "../../../src/core/model/schema";
import {
  fateOf,
  isRefusal,
  migrationPlan,
  sourcesOf,
  type MigrationPlan,
} from "../../../src/core/migrate/plan";

/** A template at `version` with these figure ids (all integers in one section) and history. */
function template(version: string, ids: string[], history: TemplateInput["history"] = []) {
  return {
    id: "thu-nghiem",
    version,
    title: "Mẫu thử",
    docType: "BC",
    periodKinds: ["year"],
    titlePattern: "Báo cáo {period}",
    sections: [
      {
        id: "ket_qua",
        number: "I",
        level: "roman",
        heading: "Kết quả",
        sheetName: "I. Kết quả",
        indicators: ids.map((id) => ({ id, label: id, unit: "", type: "integer" as const })),
      },
    ],
    history,
  } satisfies TemplateInput;
}

function issuesOf(raw: unknown): string[] {
  try {
    loadTemplate(raw);
  } catch (e) {
    if (e instanceof TemplateError) return e.issues.map((i) => `${i.path}: ${i.message}`);
    throw e;
  }
  return [];
}

function plan(from: string, t: ReturnType<typeof loadTemplate>): MigrationPlan {
  const p = migrationPlan({ id: t.id, version: from }, t);
  if (isRefusal(p)) throw new Error(p.why);
  return p;
}

// Three versions: 1.0.0 had a, b, c, d. 1.1.0 renamed a→a2, split b into b1+b2 (b meant b1),
// removed c. 1.2.0 renamed a2→a3, split b1 into b1x+b1y (b1 meant b1x), added e, split d into
// d1+d2 with no part named for the old value.
const THREE = template(
  "1.2.0",
  ["a3", "b1x", "b1y", "b2", "d1", "d2", "e"],
  [
    { version: "1.0.0", changes: [] },
    {
      version: "1.1.0",
      changes: [
        { kind: "renamed", from: "a", to: "a2" },
        { kind: "split", from: "b", into: ["b1", "b2"], carryTo: "b1" },
        { kind: "removed", id: "c" },
      ],
    },
    {
      version: "1.2.0",
      changes: [
        { kind: "renamed", from: "a2", to: "a3" },
        { kind: "split", from: "b1", into: ["b1x", "b1y"], carryTo: "b1x" },
        { kind: "added", id: "e" },
        { kind: "split", from: "d", into: ["d1", "d2"] },
      ],
    },
  ]
);

describe("migration plan: composing a history", () => {
  const t = loadTemplate(THREE);

  it("composes a rename renamed again, and a split of a part that was itself split", () => {
    const p = plan("1.0.0", t);
    expect(p.steps.map((s) => s.version)).toEqual(["1.1.0", "1.2.0"]);
    expect(fateOf(p, "a")).toEqual({ kind: "kept", id: "a3", renamedAt: ["1.1.0", "1.2.0"] });
    expect(fateOf(p, "b")).toEqual({
      kind: "split",
      version: "1.1.0",
      into: ["b1x", "b1y", "b2"],
      carryTo: "b1x",
    });
    expect(fateOf(p, "c")).toEqual({ kind: "dropped", version: "1.1.0" });
    expect(fateOf(p, "d")).toEqual({
      kind: "split",
      version: "1.2.0",
      into: ["d1", "d2"],
      carryTo: null,
    });
    expect(fateOf(p, "zz")).toEqual({ kind: "kept", id: "zz", renamedAt: [] });
    expect([...p.added].sort()).toEqual(["b1y", "b2", "d1", "d2", "e"]);
    expect(sourcesOf(p, "a3")).toEqual(["a"]);
    expect(sourcesOf(p, "b1x")).toEqual(["b"]);
    expect(sourcesOf(p, "e")).toEqual([]);
  });

  it("applies only the versions after the workbook's", () => {
    const p = plan("1.1.0", t);
    expect(p.steps.map((s) => s.version)).toEqual(["1.2.0"]);
    expect(fateOf(p, "a2")).toEqual({ kind: "kept", id: "a3", renamedAt: ["1.2.0"] });
    expect(fateOf(p, "b1")).toMatchObject({ kind: "split", carryTo: "b1x" });
    // b2 was already there at 1.1.0: it keeps its value.
    expect(fateOf(p, "b2")).toEqual({ kind: "kept", id: "b2", renamedAt: [] });
    expect([...p.added].sort()).toEqual(["b1y", "d1", "d2", "e"]);
  });

  it("a patch of a listed version maps like it; the same version maps to itself", () => {
    expect(plan("1.0.3", t).steps.map((s) => s.version)).toEqual(["1.1.0", "1.2.0"]);
    expect(plan("1.2.0", t).changed.size).toBe(0);
  });

  it("refuses a newer version, an older one than the history's start, and another template", () => {
    const newer = migrationPlan({ id: t.id, version: "1.3.0" }, t);
    expect(isRefusal(newer) && newer.why).toMatch(/mới hơn phiên bản 1\.2\.0/);
    const older = migrationPlan({ id: t.id, version: "0.9.0" }, t);
    expect(isRefusal(older) && older.why).toMatch(/không có phiên bản 0\.9\.0/);
    const other = migrationPlan({ id: "khac", version: "1.0.0" }, t);
    expect(isRefusal(other) && other.why).toMatch(/không phải mẫu "thu-nghiem"/);
  });

  it("without history, only a patch of the same version maps", () => {
    const plain = loadTemplate(template("1.1.0", ["a"]));
    expect(isRefusal(migrationPlan({ id: plain.id, version: "1.1.0" }, plain))).toBe(false);
    const r = migrationPlan({ id: plain.id, version: "1.0.0" }, plain);
    expect(isRefusal(r) && r.why).toMatch(/không ghi lịch sử thay đổi/);
  });

  it("a first entry with changes leads from whatever came before it", () => {
    const t2 = loadTemplate(
      template(
        "2.0.0",
        ["x2"],
        [{ version: "2.0.0", changes: [{ kind: "renamed", from: "x", to: "x2" }] }]
      )
    );
    expect(fateOf(plan("1.4.0", t2), "x")).toMatchObject({ kind: "kept", id: "x2" });
  });
});

describe("template history: checked when the template loads", () => {
  it("accepts the three-version history", () => {
    expect(issuesOf(THREE)).toEqual([]);
  });

  it("names each mistake at its JSON path, saying what to write", () => {
    const bad = template(
      "1.1.0",
      ["a2", "keep", "p1", "p2"],
      [
        { version: "1.0.0", changes: [] },
        {
          version: "1.1.0",
          changes: [
            { kind: "renamed", from: "a", to: "a9" },
            { kind: "removed", id: "keep" },
            { kind: "split", from: "p", into: ["p1", "p2"], carryTo: "p3" },
            { kind: "moved", id: "p1", to: "khong_co" },
            { kind: "added", id: "moi" },
          ],
        },
        { version: "1.0.5", changes: [] },
        { version: "1.2.0", changes: [] },
      ]
    );
    const issues = issuesOf(bad);
    const at = (path: string) => issues.filter((x) => x.startsWith(path + ":"));
    expect(at("history[2].version")[0]).toMatch(/phải lớn hơn phiên bản ghi trước nó \(1\.1\.0\)/);
    expect(at("history[3].version")[0]).toMatch(/mới hơn phiên bản của mẫu \(1\.1\.0\)/);
    expect(at("history[1].changes[0].to")[0]).toMatch(/không có mã "a9"/);
    expect(at("history[1].changes[1].id")[0]).toMatch(/"keep" vẫn có trong mẫu hiện hành/);
    expect(at("history[1].changes[2].carryTo")[0]).toMatch(/không phải một phần trong "into"/);
    expect(at("history[1].changes[3].to")[0]).toMatch(/không có mục hay bảng "khong_co"/);
    expect(at("history[1].changes[4].id")[0]).toMatch(/không có mã "moi"/);
    expect(issues).toHaveLength(7);
  });

  it("follows the chain: a name given up later need not exist, one re-added may", () => {
    const ok = template(
      "1.2.0",
      ["b", "a"],
      [
        { version: "1.1.0", changes: [{ kind: "renamed", from: "a", to: "mid" }] },
        {
          version: "1.2.0",
          changes: [
            { kind: "renamed", from: "mid", to: "b" },
            { kind: "added", id: "a" },
          ],
        },
      ]
    );
    expect(issuesOf(ok)).toEqual([]);
    const p = plan("1.0.0", loadTemplate(ok));
    // The old "a" is now "b"; the new "a" is a different figure and gets nothing.
    expect(fateOf(p, "a")).toMatchObject({ kind: "kept", id: "b" });
    expect(p.added).toEqual(["a"]);
    expect(sourcesOf(p, "a")).toEqual([]);
  });
});
