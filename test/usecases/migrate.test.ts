// The use case "migrate" (src/usecases/migrate.ts): its typed problems, and what it carries. The
// CLI's words for it (baocao migrate) are asserted in test/cli/versions.test.ts.
import * as fs from "node:fs";
import * as path from "node:path";
import { findTemplate } from "../../src/templates";
import { planWorkbook } from "../../src/core/layout/planner";
import { emptyData } from "../../src/core/data/empty";
import { loadTemplateFile } from "../../src/core/model/template-file";
import type { Template } from "../../src/core/model/load";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { migrateWorkbook } from "../../src/usecases/migrate";
import { planToSnapshot } from "../support/plan-snapshot";

const FIXTURES = path.resolve(__dirname, "../fixtures/templates");
const load = (f: string) =>
  loadTemplateFile(JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")));
const v10 = load("mai-am-cong-doan.json");
const v11 = load("mai-am-cong-doan-1.1.json");
const only =
  (...ts: Template[]) =>
  (id: string) =>
    ts.find((t) => t.id === id);
const workbook = (t: Template, values: Record<string, number> = {}): WorkbookSnapshot => {
  const data = emptyData(t);
  Object.assign(data.values, values);
  return planToSnapshot(planWorkbook(t, data));
};

describe("migrateWorkbook", () => {
  it("carries a workbook into the newer version given as a template or as a version", () => {
    for (const to of [{ template: v11 }, { version: "1.1.0", among: [only(v11)] }]) {
      const r = migrateWorkbook(workbook(v10), only(v10), to);
      expect(r).toMatchObject({ ok: true, to: v11, meta: { templateVersion: "1.0.0" } });
      if (r.ok) {
        expect(r.data.templateVersion).toBe("1.1.0");
        expect(Array.isArray(r.notCarried)).toBe(true);
      }
    }
  });

  it("notBaoCao: a workbook without the meta sheet", () => {
    const s = workbook(v10);
    s.sheets = s.sheets.filter((x) => x.name !== "_BaoCao");
    expect(migrateWorkbook(s, only(v10), { template: v11 })).toEqual({
      ok: false,
      problem: { kind: "notBaoCao" },
    });
  });

  it("noSuchVersion: lists the versions at hand", () => {
    expect(
      migrateWorkbook(workbook(v10), only(v10), {
        version: "9.9.9",
        among: [only(v10), only(v11)],
      })
    ).toEqual({
      ok: false,
      problem: {
        kind: "noSuchVersion",
        templateId: v10.id,
        version: "9.9.9",
        have: ["1.0.0", "1.1.0"],
      },
    });
  });

  it("otherTemplate: only a newer version of the same template", () => {
    const other = findTemplate("quarterly-activity")!;
    expect(migrateWorkbook(workbook(v10), only(v10), { template: other })).toEqual({
      ok: false,
      problem: { kind: "otherTemplate", templateId: other.id, expected: v10.id },
    });
  });

  it("noWay: no history leads from the workbook's version to the target's", () => {
    const r = migrateWorkbook(workbook(v11), only(v11), { template: v10 });
    expect(r).toMatchObject({
      ok: false,
      problem: { kind: "noWay", templateId: v10.id, from: "1.1.0", to: "1.0.0" },
    });
  });
});
