// A section's text that states a figure the sheet contradicts is a warning at the text cell
// (issue 9, item 7). Generic over the five templates: for every figure a text can name, a
// sentence built from the indicator's own label, column group and phrase (or unit) states the
// sheet's figure (no warning, hedged or not) or another one (one warning, naming both values and
// the cell). Then seed 001's case (3.730 new members in the text, 3.735 in the provinces' rows), a
// rate typed beside its counts, and the samples' own texts (no false alarm).
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { validateWorkbook } from "../../src/core/validate";
import { ValidationContext } from "../../src/core/validate/context";
import { isNumericType, type Indicator, type Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { readWorkbook } from "../../src/core/data/read";
import { allTotals, reportedValue } from "../../src/core/rollup/totals";
import { formatNumber, formatPercent } from "../../src/core/format";
import {
  agrees,
  containsAny as containsAnyOf,
  statedFigures,
  textFigures,
} from "../../src/core/validate/text-figures";
import { planToSnapshot } from "../support/plan-snapshot";

const textFindings = (t: Template, data: ReportData) =>
  validateWorkbook(t, planToSnapshot(planWorkbook(t, data))).findings.filter((f) =>
    f.rule.startsWith("text-")
  );

function contextOf(t: Template, data: ReportData): ValidationContext {
  const snapshot = planToSnapshot(planWorkbook(t, data));
  return new ValidationContext(t, snapshot, readWorkbook(t, snapshot).data);
}

/** The sheet's figure for an indicator: its cell or total; a rate from its counts. */
function sheetValue(t: Template, data: ReportData, ind: Indicator): number | null {
  const totals = allTotals(t, data);
  if (ind.type === "percent" && ind.ratioOf) {
    const part = reportedValue(t, data, ind.ratioOf.part, totals);
    const whole = reportedValue(t, data, ind.ratioOf.whole, totals);
    if (part !== null && whole !== null && whole > 0) return part / whole;
  }
  return reportedValue(t, data, ind.id, totals);
}

/** A figure as a user writes it in a text. */
const written = (ind: Indicator, v: number) =>
  ind.type === "percent"
    ? formatPercent(v, { decimals: 1 })
    : formatNumber(v, { decimals: "auto" });

/** A different figure, far enough not to be a rounding of the sheet's. */
const other = (ind: Indicator, v: number) =>
  ind.type === "percent" ? (v > 0.5 ? v - 0.25 : v + 0.25) : Math.round(v * 1.5) + 7;

/** The sentence a user would write about the figure: its group and label, then the figure. */
function sentence(ind: Indicator, figure: string): string {
  const named = [ind.group, ind.label].filter(Boolean).join(" ");
  return ind.type === "percent"
    ? `${named} đạt ${figure}.`
    : `${named}: ${figure} ${ind.phrase ?? ind.unit}.`;
}

/** Every figure a text could state: numeric, not a target column, not in a list table. */
function figuresOf(t: Template): Indicator[] {
  return t.indicators.filter(
    (i) =>
      isNumericType(i.type) &&
      i.role !== "target" &&
      (!i.table || t.tableById.get(i.table)?.kind !== "list")
  );
}

/**
 * Each indicator's sentence goes into the text of its own section or the nearest section above
 * it that has a text cell; one sentence per line.
 */
function writeTexts(t: Template, data: ReportData, say: (ind: Indicator, v: number) => string) {
  const ctx = contextOf(t, data);
  const texts: Record<string, string[]> = {};
  const placed = new Map<string, string>();
  for (const ind of figuresOf(t)) {
    const v = sheetValue(t, data, ind);
    if (v === null) continue;
    let s = t.sectionById.get(ind.section);
    while (s && !ctx.place({ kind: "text", section: s.id }))
      s = s.parent ? t.sectionById.get(s.parent) : undefined;
    if (!s) continue;
    (texts[s.id] ??= []).push(say(ind, v));
    placed.set(ind.id, s.id);
  }
  for (const [id, lines] of Object.entries(texts)) data.texts[id] = lines.join("\n");
  return placed;
}

/** Gives every blank figure a value so that each indicator has one to state. */
function filled(t: Template): ReportData {
  const data = loadSample(t.id);
  let n = 0;
  for (const ind of figuresOf(t)) {
    if (ind.computed) continue;
    const v = ind.type === "percent" ? 0.8125 : 40 + 13 * n++;
    if (!ind.table) {
      if (typeof data.values[ind.id] !== "number") data.values[ind.id] = v;
      continue;
    }
    const table = t.tableById.get(ind.table);
    if (table?.kind === "perUnit" && data.units.length > 0) {
      if (!data.units.some((u) => typeof u.values[ind.id] === "number"))
        data.units[0].values[ind.id] = v;
    } else if (table?.kind === "fixed") {
      const rows = (data.tables[table.id] ??= []);
      if (rows.length === 0) rows.push({ row: table.rows?.[0]?.id ?? "" });
      if (!rows.some((r) => typeof r[ind.id] === "number")) rows[0][ind.id] = v;
    }
  }
  return data;
}

describe.each(builtInTemplates().map((t) => [t.id, t] as const))("%s", (_id, t) => {
  const base = filled(t);
  const identified = (() => {
    // Which indicators a sentence of their own words names (the others are left alone).
    const data = structuredClone(base);
    const placed = writeTexts(t, data, (ind, v) => sentence(ind, written(ind, v)));
    const ctx = contextOf(t, data);
    // The check's own matcher says which sentence named which indicator.
    const named = new Set(textFigures(ctx).map((m) => m.indicator.id));
    return [...placed.keys()].filter((id) => named.has(id));
  })();

  it("names most figures from their own words", () => {
    const total = figuresOf(t).filter((i) => sheetValue(t, base, i) !== null).length;
    expect(identified.length).toBeGreaterThan(0);
    // Figures whose words are shared with another of the same section cannot be told apart:
    // the check stays silent on them, by design.
    expect(identified.length / total).toBeGreaterThan(0.6);
  });

  it("warns at the text cell when the text states another figure, naming both", () => {
    const data = structuredClone(base);
    const placed = writeTexts(t, data, (ind, v) => sentence(ind, written(ind, other(ind, v))));
    const found = textFindings(t, data);
    for (const id of identified) {
      const ind = t.indicatorById.get(id)!;
      const f = found.find((x) => x.indicator === id);
      expect({ id, warned: Boolean(f) }).toEqual({ id, warned: true });
      if (!f) continue;
      const ctx = contextOf(t, data);
      const textCell = ctx.place({ kind: "text", section: placed.get(id)! });
      expect(f).toMatchObject({
        severity: "warning",
        rule: "text-figure",
        sheet: textCell?.sheet,
        cell: textCell?.cell,
      });
      const v = sheetValue(t, data, ind)!;
      expect(f.message).toContain(written(ind, other(ind, v)));
      expect(f.message).toContain(`"${ind.label}"`);
      const cell = ctx.placeOf(ind);
      if (cell) expect(f.message).toContain(`ô ${cell.cell}`);
    }
  });

  it("says nothing when the text states the sheet's own figure, hedged or not", () => {
    for (const hedge of ["", "trên ", "gần ", "khoảng "]) {
      const data = structuredClone(base);
      writeTexts(t, data, (ind, v) => sentence(ind, `${hedge}${written(ind, v)}`));
      const found = textFindings(t, data).filter((f) => identified.includes(f.indicator ?? ""));
      expect({ hedge, found: found.map((f) => f.message) }).toEqual({ hedge, found: [] });
    }
  });
});

describe("seed 001: the text says 3.730 new members, the provinces' rows sum to 3.735", () => {
  const t = findTemplate("cluster-emulation")!;
  const data = loadSample(t.id);
  const counts = [260, 290, 889, 1258, 248, 359, 431];
  data.units.forEach((u, i) => (u.values.dv_ket_nap = counts[i] ?? null));
  const sum = counts.reduce((a, b) => a + b, 0);

  it("adds up to 3.735", () => expect(sum).toBe(3735));

  it("warns at the text cell, with both figures and the total's cell", () => {
    data.texts.to_chuc =
      "Kết quả các đơn vị trong Cụm đã thành lập mới được 32 CĐCS trong doanh nghiệp ngoài nhà " +
      "nước, kết nạp mới được 3.730 đoàn viên¹⁹. Giải thể 09 CĐCS khối doanh nghiệp.";
    const found = textFindings(t, data).filter((f) => f.indicator === "dv_ket_nap");
    expect(found).toHaveLength(1);
    const ctx = contextOf(t, data);
    const textCell = ctx.place({ kind: "text", section: "to_chuc" })!;
    const total = ctx.placeOf(t.indicatorById.get("dv_ket_nap")!)!;
    expect(found[0]).toMatchObject({ sheet: textCell.sheet, cell: textCell.cell, value: "3.730" });
    expect(found[0].message).toContain("3.730 đoàn viên");
    expect(found[0].message).toContain("3.735 đoàn viên");
    expect(found[0].message).toContain(`trang "${total.sheet}", ô ${total.cell}`);
  });

  it('reads past words that merely look like a comparison ("tăng cường")', () => {
    data.texts.to_chuc = "Tăng cường phát triển đoàn viên: kết nạp mới được 3.730 đoàn viên.";
    expect(textFindings(t, data).filter((f) => f.indicator === "dv_ket_nap")).toHaveLength(1);
  });

  it("is silent on a comparison or a target stated beside the figure", () => {
    data.texts.to_chuc =
      "Kết nạp mới tăng 12 đoàn viên so với cùng kỳ; chỉ tiêu kết nạp mới 3.000 đoàn viên.";
    expect(textFindings(t, data).filter((f) => f.indicator === "dv_ket_nap")).toEqual([]);
  });

  it("is silent when the text states 3.735, or one province's own figure", () => {
    data.texts.to_chuc = "Toàn Cụm kết nạp mới được 3.735 đoàn viên; kết nạp mới 889 đoàn viên.";
    expect(textFindings(t, data).filter((f) => f.indicator === "dv_ket_nap")).toEqual([]);
    data.texts.to_chuc = "Toàn Cụm kết nạp mới được trên 3.700 đoàn viên.";
    expect(textFindings(t, data).filter((f) => f.indicator === "dv_ket_nap")).toEqual([]);
  });
});

describe("a rate typed beside its counts", () => {
  const t = findTemplate("quarterly-activity")!;

  it("warns when 1.002/1.002 is said to reach 98%, not when it reaches 100%", () => {
    const data = loadSample(t.id);
    const section = t.allSections.find((s) => data.texts[s.id])!;
    data.texts[section.id] = "1.002/1.002 đơn vị tổ chức hội nghị cán bộ, công chức đạt 98%.";
    const found = textFindings(t, data).filter((f) => f.rule === "text-rate");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("1.002/1.002");
    expect(found[0].message).toContain("98%");
    expect(found[0].message).toContain("100%");
    data.texts[section.id] =
      "1.002/1.002 đơn vị đạt 100%; 572/651 doanh nghiệp tổ chức hội nghị người lao động đạt " +
      "87%; 78/89 cuộc đạt 88%; 2.751/2.300 sáng kiến đăng ký (đạt 120%).";
    expect(textFindings(t, data).filter((f) => f.rule === "text-rate")).toEqual([]);
  });
});

describe("reading numbers in Vietnamese text", () => {
  it("reads thousands, decimals, percents, amounts and hedges", () => {
    const f = statedFigures(
      "thu hút trên 55.680 lượt đoàn viên; đạt 87,9%; gần 650 triệu đồng; ngày 01/7/2023"
    );
    expect(f.map((x) => [x.value, x.hedge])).toEqual([
      [55680, "above"],
      [0.879, null],
      [650e6, "near"],
    ]);
    expect(agrees(f[0], 55680)).toBe(true);
    expect(agrees(f[0], 55000)).toBe(false);
    expect(agrees(f[1], 0.8795)).toBe(true);
    expect(agrees(f[2], 640e6)).toBe(true);
  });
});

describe("the samples' own texts", () => {
  it.each(builtInTemplates().map((t) => [t.id, t] as const))("%s: no warning", (_id, t) => {
    expect(textFindings(t, loadSample(t.id))).toEqual([]);
  });
});

describe("unit names in the words before a figure (looked up by their first two characters)", () => {
  it("finds a name wherever `includes` would: at the start, inside a word, at the end", () => {
    const names = ["lai châu", "an giang", "sơn la", "la", "hà nội", "hà nam", "𝒜𝒜x"];
    const containsAny = containsAnyOf(names.filter((n) => n.length > 2));
    const texts = [
      "",
      "l",
      "lai châu",
      "tại lai châu:",
      "ở tân an giang",
      "hà na",
      "hà nam",
      "sơn l",
      "xsơn lay",
      "kết nạp mới được",
      "𝒜𝒜x",
      "a𝒜𝒜",
    ];
    for (const text of texts)
      expect([text, containsAny(text)]).toEqual([
        text,
        names.filter((n) => n.length > 2).some((n) => text.includes(n)),
      ]);
    expect(texts.filter((x) => containsAny(x))).toEqual([
      "lai châu",
      "tại lai châu:",
      "ở tân an giang",
      "hà nam",
      "xsơn lay",
      "𝒜𝒜x",
    ]);
  });
});
