// The next period's workbook (issue 11, item 4) for every built-in template, through the same
// plan → workbook → read round trip a user's workbook takes.
import { findTemplate } from "../../../src/templates";
import { loadSample, sampleIds } from "../../../src/templates/samples";
import { planWorkbook } from "../../../src/core/layout/planner";
import { readWorkbook } from "../../../src/core/data/read";
import { validateWorkbook } from "../../../src/core/validate";
import { NextPeriodError, nextPeriodReport, sectionText } from "../../../src/core/next";
import { samePeriodLastYear } from "../../../src/core/period";
import type { ReportData } from "../../../src/core/data/types";
import { TemplateError, type Template } from "../../../src/core/model/load";
import { builtInTemplateFile } from "../../../src/templates";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import { planToSnapshot } from "../../support/plan-snapshot";

const EXPECTED: Record<string, [string, string]> = {
  "quarterly-activity": ["2024-Q1", "2024-Q2"],
  "cluster-emulation": ["2023-H1", "2023-H2"],
  "annual-plan": ["2022", "2023"],
  "implementation-review": ["2021-2024", "2025-2028"],
  "midterm-review": ["2023-2028", "2023-2028-H2"],
};

/** What a workbook holding `data` reads back as. */
function roundTrip(t: Template, data: ReportData): ReportData {
  return readWorkbook(t, planToSnapshot(planWorkbook(t, data))).data;
}

function sample(id: string): { t: Template; data: ReportData } {
  const t = findTemplate(id)!;
  return { t, data: roundTrip(t, loadSample(id)) };
}

/** Errors a fresh period is expected to have: what only the writer can fill. */
function yetToFill(f: { rule: string; message: string }): boolean {
  if (f.rule === "header-required")
    return f.message.includes('"Số, ký hiệu"') || f.message.includes('"Ngày ban hành"');
  return f.rule === "text-required" || f.rule === "required";
}

describe("next period of each template's sample", () => {
  it("covers every sample", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(sampleIds().sort());
  });

  it.each(Object.keys(EXPECTED))("%s: right period, carried header, blank figures", (id) => {
    const { t, data } = sample(id);
    const [from, to] = EXPECTED[id];
    expect(data.header.period).toBe(from);
    const r = nextPeriodReport({ template: t, data });
    expect(r.period.text).toBe(to);
    const plan = planWorkbook(t, r.data, { sectionPrompts: r.sectionPrompts });
    expect(plan.templateVersion).toBe(t.version);
    const report = validateWorkbook(t, planToSnapshot(plan));
    const next = report.data;
    expect(next.header.period).toBe(to);
    expect(next.header.number).toBeUndefined();
    expect(next.header.date).toBeUndefined();
    for (const k of ["issuingBody", "signerName", "signerTitle", "recipients"] as const)
      expect(next.header[k]).toEqual(data.header[k]);
    expect(next.units.map((u) => [u.name, u.parent])).toEqual(
      data.units.map((u) => [u.name, u.parent])
    );
    const isTarget = ([k]: [string, unknown]) => t.indicatorById.get(k)?.role === "target";
    const figures = (d: ReportData, which: (e: [string, unknown]) => boolean) =>
      [...Object.entries(d.values), ...d.units.flatMap((u) => Object.entries(u.values))].filter(
        (e) => which(e) && e[1] !== null && e[1] !== ""
      );
    // The annual plan holds targets only (its sample has no figures to blank).
    if (id !== "annual-plan") expect(figures(data, (e) => !isTarget(e)).length).toBeGreaterThan(0);
    expect(figures(next, (e) => !isTarget(e))).toEqual([]);
    expect(figures(next, isTarget)).toEqual(figures(data, isTarget));
    expect(next.texts).toEqual({});
    expect(next.targets).toEqual(data.targets);
    const unexpected = report.findings.filter((f) => f.severity === "error" && !yetToFill(f));
    expect(unexpected).toEqual([]);
    // The carried prompt takes a free row: every input stays where the template puts it.
    expect(report.findings.filter((f) => f.rule === "moved")).toEqual([]);
  });

  it.each(["quarterly-activity", "cluster-emulation", "midterm-review", "implementation-review"])(
    "%s: the tasks set for the next period are the prompt of its results section",
    (id) => {
      const { t, data } = sample(id);
      const tasks = sectionText(t, data, t.carryTasks!.from);
      expect(tasks.length).toBeGreaterThan(20);
      const r = nextPeriodReport({ template: t, data });
      const plan = planWorkbook(t, r.data, { sectionPrompts: r.sectionPrompts });
      const cells = plan.sheets.flatMap((s) => s.cells.map((c) => String(c.value ?? "")));
      const prompt = cells.find((v) => v.includes(tasks));
      expect(prompt).toContain("đã đề ra cho kỳ này");
      // Without the option the planner shows the template's own prompt only.
      const plain = planWorkbook(t, r.data).sheets.flatMap((s) => s.cells.map((c) => c.value));
      expect(plain.some((v) => typeof v === "string" && v.includes(tasks))).toBe(false);
    }
  );
});

describe("cùng kỳ năm trước", () => {
  const { t, data } = sample("quarterly-activity");

  /** The sample moved to a period and its figures changed, as another year's workbook would be. */
  function otherYear(period: string): ReportData {
    const d = loadSample("quarterly-activity");
    d.header.period = period;
    for (const [k, v] of Object.entries(d.values))
      if (typeof v === "number" && t.indicatorById.get(k)?.type !== "percent") d.values[k] = v + 7;
    return roundTrip(t, d);
  }

  it("fills the baselines from the last-year workbook, and they read back equal", () => {
    const lastYear = otherYear(
      samePeriodLastYear(nextPeriodReport({ template: t, data }).period)!.text
    );
    expect(lastYear.header.period).toBe("2023-Q2");
    const r = nextPeriodReport({ template: t, data, lastYear });
    const back = roundTrip(t, r.data);
    const want: Record<string, number> = {};
    for (const ind of t.indicators) {
      const v = lastYear.values[ind.id];
      if (!ind.table && typeof v === "number") want[ind.id] = v;
    }
    expect(Object.keys(want).length).toBeGreaterThan(10);
    expect(r.baselinesFilled).toBe(Object.keys(want).length);
    expect(back.baselines?.lastYear).toEqual(want);
  });

  it("refuses a workbook of another period, saying which one is needed", () => {
    const wrong = otherYear("2023-Q1");
    expect(() => nextPeriodReport({ template: t, data, lastYear: wrong })).toThrow(
      /quý II\/2023 \(2023-Q2\)/
    );
  });

  it("refuses last year's workbook for a template without that column", () => {
    const c = sample("cluster-emulation");
    expect(() => nextPeriodReport({ ...c, template: c.t, lastYear: c.data })).toThrow(
      NextPeriodError
    );
  });

  it("keeps đầu nhiệm kỳ within the term", () => {
    const m = sample("midterm-review");
    const withBase: ReportData = { ...m.data, baselines: { startOfTerm: { x: 1 } } };
    const r = nextPeriodReport({ template: m.t, data: withBase });
    expect(r.data.baselines?.startOfTerm).toEqual({ x: 1 });
    const after = nextPeriodReport({
      template: m.t,
      data: { ...r.data, baselines: { startOfTerm: { x: 1 } } },
    });
    expect(after.period.text).toBe("2028-2033");
    expect(after.data.baselines).toBeUndefined();
  });

  it("needs a period to move from", () => {
    const d = { ...data, header: { ...data.header, period: undefined } };
    expect(() => nextPeriodReport({ template: t, data: d })).toThrow(/chưa ghi kỳ báo cáo/);
  });
});

describe("carryTasks in a template", () => {
  it("must name sections of the template", () => {
    const bad = {
      ...builtInTemplateFile("quarterly-activity"),
      carryTasks: { from: "nhiem_vu", to: ["khong_co"] },
    };
    expect(() => loadTemplateFile(bad)).toThrow(TemplateError);
    expect(() => loadTemplateFile(bad)).toThrow(/carryTasks\(khong_co\): không có mục mang mã này/);
  });
});
