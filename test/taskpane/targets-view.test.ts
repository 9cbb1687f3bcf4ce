// The "Chỉ tiêu" tab's rows: figures in Vietnamese, percents rounded as the Word draft rounds them,
// bars capped at 100% with an overflow marker, status in words and colour, per-unit groups.
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import type { ReportData } from "../../src/core/data/types";
import { targetCompletions } from "../../src/core/rollup/completion";
import { en } from "../../src/taskpane/i18n/en";
import { vi } from "../../src/taskpane/i18n/vi";
import {
  buildTargetsView,
  formatFigure,
  localizeFigure,
} from "../../src/taskpane/logic/targets-view";
import { hasTargets, readTargets } from "../../src/taskpane/logic/targets-read";
import * as ExcelJS from "exceljs";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { planWorkbook } from "../../src/core/layout/planner";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const snapshotOf = async (t: typeof plan, data?: ReportData) =>
  readXlsx(exceljs, await planToXlsx(exceljs, planWorkbook(t, data)), "test.xlsx");

const plan = findTemplate("annual-plan")!;

/** The annual plan's sample with results: the rates are recomputed from their parts. */
function planWithResults(): ReportData {
  const data = loadSample("annual-plan");
  return {
    ...data,
    values: {
      ...data.values,
      // trên 85% doanh nghiệp có CĐCS: 90/100 = 90% → Đạt.
      dn_10_ld_co_cdcs: 90,
      dn_10_ld_tong: 100,
      // ít nhất 500 đoàn viên ưu tú: 620 → Vượt, 124%.
      dv_uu_tu: 620,
    },
  };
}

describe("buildTargetsView", () => {
  test("one row per target, in template order, with the core's statuses", () => {
    const data = loadSample("annual-plan");
    const view = buildTargetsView(plan, data, "vi", vi);
    expect(view.rows.map((r) => r.key)).toEqual(plan.targets.map((t) => t.id));
    const core = targetCompletions(plan, data);
    expect(view.rows.map((r) => r.state)).toEqual(core.map((c) => c.status ?? "noData"));
    expect(view.summary).toMatchObject({ total: 15, achieved: 0, noData: 15 });
    expect(view.summary.text).toBe("Đạt/vượt 0/15 chỉ tiêu");
    expect(view.summary.detail).toBe("15 chưa có số liệu");
    expect(view.rows[0]).toMatchObject({
      figures: null,
      targetText: "Chỉ tiêu: ít nhất 100%",
      percentText: null,
      barWidth: 0,
      tone: "neutral",
      statusLabel: "Chưa có số liệu",
    });
  });

  test("results give figures, percents, bars and tones", () => {
    const indicators = plan.indicators.map((i) => i.id);
    // The test data names real indicators of the template (a renamed id would make it vacuous).
    expect(indicators).toEqual(
      expect.arrayContaining(["dn_10_ld_co_cdcs", "dn_10_ld_tong", "dv_uu_tu"])
    );
    const view = buildTargetsView(plan, planWithResults(), "vi", vi);
    const byId = new Map(view.rows.map((r) => [r.key, r]));
    expect(byId.get("tg_dn_co_cdcs")).toMatchObject({
      figures: "90% / 85%",
      targetText: "Chỉ tiêu: trên 85%",
      percentText: "105,9%",
      percent: 105.9,
      barWidth: 100,
      overflow: true,
      state: "met",
      statusLabel: "Đạt",
      tone: "success",
    });
    expect(byId.get("tg_dv_uu_tu")).toMatchObject({
      figures: "620 / 500",
      percentText: "124%",
      percent: 124,
      state: "exceeded",
      statusLabel: "Vượt",
    });
    expect(view.summary).toMatchObject({ achieved: 2, total: 15, noData: 13 });
    expect(view.summary.text).toBe("Đạt/vượt 2/15 chỉ tiêu");
  });

  test("a figure without a level says the level is missing, not the figure", () => {
    const data = planWithResults();
    // The user cleared the level of "ít nhất 500 đoàn viên ưu tú" on the Chỉ tiêu sheet.
    const cleared = {
      ...data,
      targets: { tg_dv_uu_tu: { comparator: "gte" as const, value: null } },
    };
    const view = buildTargetsView(plan, cleared, "vi", vi);
    const row = view.rows.find((r) => r.key === "tg_dv_uu_tu")!;
    expect(row).toMatchObject({
      state: "noLevel",
      statusLabel: "Chưa có mức chỉ tiêu",
      figures: "620 / chưa có mức chỉ tiêu",
      tone: "neutral",
    });
    expect(view.summary).toMatchObject({ noLevel: 1, noData: 13, achieved: 1 });
    expect(view.summary.detail).toBe("13 chưa có số liệu · 1 chưa có mức chỉ tiêu");
    const english = buildTargetsView(plan, cleared, "en", en);
    expect(english.rows.find((r) => r.key === "tg_dv_uu_tu")!.statusLabel).toBe(
      "No target level yet"
    );
  });

  test("a target not met: warning when close (≥ 90%), danger when far; bars below 100%", () => {
    const data = planWithResults();
    const near = buildTargetsView(
      plan,
      { ...data, values: { ...data.values, dv_uu_tu: 460 } },
      "vi",
      vi
    );
    const far = buildTargetsView(
      plan,
      { ...data, values: { ...data.values, dv_uu_tu: 100 } },
      "vi",
      vi
    );
    const row = (v: typeof near) => v.rows.find((r) => r.key === "tg_dv_uu_tu")!;
    expect(row(near)).toMatchObject({
      state: "notMet",
      statusLabel: "Chưa đạt",
      tone: "warning",
      percentText: "92%",
      barWidth: 92,
      overflow: false,
    });
    expect(row(far)).toMatchObject({ tone: "danger", percentText: "20%", barWidth: 20 });
    // "trên 85%" is not met at exactly 85%, though the ratio is 100%.
    const atLevel = buildTargetsView(
      plan,
      { ...data, values: { ...data.values, dn_10_ld_co_cdcs: 85 } },
      "vi",
      vi
    ).rows.find((r) => r.key === "tg_dn_co_cdcs")!;
    expect(atLevel).toMatchObject({ state: "notMet", percentText: "100%", tone: "warning" });
  });

  test("a target assessed by hand shows no figures and says so", () => {
    const manualTemplate = {
      ...plan,
      targets: [{ ...plan.targets[0], indicator: null }],
    };
    const view = buildTargetsView(manualTemplate, loadSample("annual-plan"), "vi", vi);
    expect(view.rows[0]).toMatchObject({
      state: "manual",
      statusLabel: "Đánh giá trong nội dung",
      figures: null,
      percentText: null,
      tone: "neutral",
    });
    expect(view.summary.detail).toBe("1 đánh giá trong nội dung");
  });

  test("English labels and words; figures in English separators", () => {
    const data = planWithResults();
    const view = buildTargetsView(
      plan,
      {
        ...data,
        values: { ...data.values, dv_uu_tu: 2751 },
        targets: { tg_dv_uu_tu: { comparator: "gte", value: 2300 } },
      },
      "en",
      en
    );
    const row = view.rows.find((r) => r.key === "tg_dv_uu_tu")!;
    expect(row.label).toBe(plan.targets.find((t) => t.id === "tg_dv_uu_tu")!.labelEn);
    expect(row).toMatchObject({
      statusLabel: "Exceeded",
      targetText: "Target: at least 2,300",
      figures: "2,751 / 2,300",
      percentText: "119.6%",
    });
    expect(view.rows.find((r) => r.key === "tg_dn_co_cdcs")!.percentText).toBe("105.9%");
    expect(view.summary.text).toBe("2 of 15 targets met or exceeded");
  });

  test("a hedged result keeps its word, in the pane's language", () => {
    const data = { ...planWithResults(), hedges: { values: { dv_uu_tu: "over" as const } } };
    const row = (lang: "vi" | "en") =>
      buildTargetsView(plan, data, lang, lang === "en" ? en : vi).rows.find(
        (r) => r.key === "tg_dv_uu_tu"
      )!;
    expect(row("vi").figures).toBe("trên 620 / 500");
    expect(row("en").figures).toBe("over 620 / 500");
    // A rate from a hedged part carries the part's word: trên 90 of exactly 100 is trên 90%.
    const rate = {
      ...planWithResults(),
      hedges: { values: { dn_10_ld_co_cdcs: "atLeast" as const } },
    };
    const rateRow = buildTargetsView(plan, rate, "en", en).rows.find((r) =>
      r.figures?.startsWith("at least 90%")
    );
    expect(rateRow?.figures).toBe("at least 90% / 85%");
  });

  test("per-unit targets are grouped by target, units in sheet order", () => {
    const cluster = findTemplate("cluster-emulation")!;
    const data = loadSample("cluster-emulation");
    const view = buildTargetsView(cluster, data, "vi", vi);
    expect(view.rows).toEqual([]);
    const group = view.units.find((g) => g.key === "sk_dang_ky_chi_tieu")!;
    expect(group.label).toMatch(/: Sáng kiến đăng ký/);
    expect(group.rows[0]).toMatchObject({
      label: "LĐLĐ tỉnh Lai Châu",
      figures: "2.751 / 2.300",
      percentText: "119,6%",
      state: "exceeded",
      overflow: true,
    });
    expect(group.summary.total).toBe(group.rows.length);
    expect(group.summary.text).toMatch(/^Đạt\/vượt \d+\/\d+ đơn vị$/);
    const units = data.units.map((u) => u.name);
    const order = group.rows.map((r) => units.indexOf(r.label));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("formatFigure", () => {
  test("rates, amounts and money as the documents write them", () => {
    expect(formatFigure(0.879, "rate")).toBe("87,9%");
    expect(formatFigure(1591896000, "amount")).toBe("1.591.896.000");
    expect(formatFigure(610_000_000, "money")).toBe("610 triệu đồng");
  });

  test("in English: the same digits with English separators and money words", () => {
    expect(formatFigure(0.879, "rate", "en")).toBe("87.9%");
    expect(formatFigure(1591896000, "amount", "en")).toBe("1,591,896,000");
    expect(formatFigure(610_000_000, "money", "en")).toBe("610 million dong");
    expect(formatFigure(109_033_000_000, "money", "en")).toBe("109.033 billion dong");
    expect(formatFigure(650_000, "money", "en")).toBe("650,000 dong");
    expect(localizeFigure("trên 2.751", "vi")).toBe("trên 2.751");
  });
});

describe("readTargets", () => {
  test("finds the template, the figures and the Chỉ tiêu sheet of a workbook", async () => {
    const data = planWithResults();
    const read = readTargets(await snapshotOf(plan, data));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.template.id).toBe("annual-plan");
    expect(read.targetsSheet).toBe(
      planWorkbook(plan).sheets.find((s) => s.role === "targets")!.name
    );
    expect(read.data.values.dv_uu_tu).toBe(620);
  });

  test("problems: no workbook, not BáoCáo, a template without targets", async () => {
    expect(readTargets(null)).toEqual({ ok: false, problem: { kind: "noWorkbook" } });
    expect(readTargets({ sheets: [], names: [] })).toMatchObject({
      ok: false,
      problem: { kind: "notBaoCao" },
    });
    const review = findTemplate("implementation-review")!;
    expect(hasTargets(review)).toBe(false);
    expect(readTargets(await snapshotOf(review))).toEqual({
      ok: false,
      problem: { kind: "noTargets", templateId: "implementation-review" },
    });
    expect(hasTargets(findTemplate("cluster-emulation")!)).toBe(true);
  });
});
