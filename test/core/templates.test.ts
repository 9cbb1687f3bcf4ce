// Every built-in template: loads, plans into a well-formed workbook, and round-trips its sample.
import { builtInTemplates } from "../../src/templates";
import { planWorkbook, sheetKeys } from "../../src/core/layout/planner";
import { readWorkbook, readMeta } from "../../src/core/data/read";
import { canonicalize } from "../../src/core/data/canonical";
import { checkReportData } from "../../src/core/data/check";
import { templateContract } from "../../src/core/model/contract";
import { STYLES } from "../../src/core/layout/styles";
import { rangeA1 } from "../../src/core/layout/a1";
import { loadSample } from "../../src/templates/samples";
import { planToSnapshot } from "../support/plan-snapshot";

const templates = builtInTemplates();

describe.each(templates.map((t) => [t.id, t] as const))("template %s", (_id, template) => {
  const sample = loadSample(template.id);

  it("has a sample in canonical form that passes the data check", () => {
    const checked = checkReportData(template, sample);
    expect(checked.findings).toEqual([]);
    expect(canonicalize(template, checked.data!)).toEqual(sample);
  });

  it("plans sheets with valid, unique names and a hidden metadata sheet", () => {
    const plan = planWorkbook(template);
    const names = plan.sheets.map((s) => s.name.toLocaleLowerCase("vi"));
    expect(new Set(names).size).toBe(names.length);
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(plan.sheets.map((s) => s.key)).toEqual(sheetKeys(template));
    expect(plan.sheets.find((s) => s.role === "meta")!.hidden).toBe(true);
    expect(readMeta(planToSnapshot(plan))).toEqual({
      templateId: template.id,
      templateVersion: template.version,
      layoutVersion: 1,
      sheets: Object.fromEntries(plan.sheets.map((s) => [s.key, s.name])),
      consolidated: false,
      // The template's own definition (test/core/model/embedded.test.ts reads it back).
      definition: expect.objectContaining({ format: "1", sheet: "_BaoCao" }),
    });
  });

  it("gives every input a unique defined name, unlocked cells, and validation on numeric inputs", () => {
    const plan = planWorkbook(template, sample);
    const names = plan.names.map((n) => n.name.toUpperCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of plan.names) {
      const sheet = plan.sheets.find((s) => s.name === n.sheet)!;
      expect(sheet).toBeDefined();
      const cell = sheet.cells.find((c) => c.row === n.range.top && c.col === n.range.left);
      expect(cell).toBeDefined();
      const isInput = !["total"].includes(n.target.kind) && !(cell!.formula !== undefined);
      if (isInput) expect(STYLES[cell!.style].locked).toBe(false);
      if (n.target.kind === "value" || n.target.kind === "column") {
        const ind = template.indicatorById.get(n.target.indicator)!;
        if (
          ["integer", "money", "decimal", "percent", "date"].includes(ind.type) &&
          !ind.computed
        ) {
          const covered = sheet.validations.some(
            (v) =>
              v.range.left <= n.range.left &&
              v.range.right >= n.range.right &&
              v.range.top <= n.range.top &&
              v.range.bottom >= n.range.bottom
          );
          expect({ name: n.name, covered }).toEqual({ name: n.name, covered: true });
        }
      }
    }
    // Every indicator that is not computed has its name.
    for (const ind of template.indicators) expect(names).toContain(`BC_${ind.id}`.toUpperCase());
  });

  it("locks every cell that is not an input, and keeps merges from overlapping", () => {
    const plan = planWorkbook(template, sample);
    for (const sheet of plan.sheets) {
      for (const c of sheet.cells) {
        if (c.formula !== undefined) expect(STYLES[c.style].locked).toBe(true);
      }
      const seen = new Set<string>();
      for (const m of sheet.merges) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            const key = `${r}:${c}`;
            expect({ sheet: sheet.name, merge: rangeA1(m), overlaps: seen.has(key) }).toEqual({
              sheet: sheet.name,
              merge: rangeA1(m),
              overlaps: false,
            });
            seen.add(key);
          }
        }
      }
      for (const v of sheet.validations) {
        expect(v.promptTitle.length).toBeLessThanOrEqual(32);
        expect(v.prompt.length).toBeLessThanOrEqual(255);
        expect(v.error.length).toBeLessThanOrEqual(255);
      }
    }
  });

  it("reads back exactly the sample it was planned with", () => {
    const plan = planWorkbook(template, sample);
    const { data, findings } = readWorkbook(template, planToSnapshot(plan));
    expect(findings).toEqual([]);
    expect(data).toEqual(sample);
  });

  it("exposes the JSON contract fields for every indicator", () => {
    const c = templateContract(template);
    expect(c.id).toBe(template.id);
    expect(c.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const s of c.sections)
      expect(Object.keys(s)).toEqual(expect.arrayContaining(["id", "number", "heading"]));
    for (const i of c.indicators) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining([
          "id",
          "label",
          "type",
          "unit",
          "required",
          "min",
          "max",
          "aggregation",
          "perUnit",
          "partOf",
          "target",
          "section",
        ])
      );
      expect(["integer", "decimal", "money", "percent", "text", "date", "docref"]).toContain(
        i.type
      );
      expect(typeof i.required).toBe("boolean");
      expect(typeof i.perUnit).toBe("boolean");
    }
  });
});

it("ships the five templates of the seeds, one per seed, each with its sample", () => {
  expect(templates.map((t) => t.id)).toEqual([
    "quarterly-activity",
    "cluster-emulation",
    "annual-plan",
    "implementation-review",
    "midterm-review",
  ]);
  // Each follows a different seed document (000–004), named in its `source`.
  const seeds = templates.map((t) => /^seed (\d{3})\b/.exec(t.source ?? "")?.[1] ?? null);
  expect([...seeds].sort()).toEqual(["000", "001", "002", "003", "004"]);
  for (const t of templates) {
    const sample = loadSample(t.id);
    // A sample with the seed's text in it, not an empty shell.
    expect({ id: t.id, sampleTexts: Object.keys(sample.texts).length > 0 }).toEqual({
      id: t.id,
      sampleTexts: true,
    });
  }
});
