// Hedges ("trên 55.680 lượt"): the words, how totals and rates carry them, the workbook's hedge
// cells and columns, reading them back (and the findings on a wrong word), the draft's text and
// consolidation.
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import {
  HEDGE_LIST,
  formatMoney,
  hedgeWord,
  parseHedge,
  type Hedge,
} from "../../../src/core/format";
import {
  aggregateHedge,
  combineHedges,
  rateHedge,
  totalHedgeFits,
} from "../../../src/core/rollup/hedge";
import { planWorkbook } from "../../../src/core/layout/planner";
import { HEDGE_HEADER } from "../../../src/core/layout/hedge-cells";
import { cellA1, parseCell } from "../../../src/core/layout/a1";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/layout/plan";
import { readWorkbook } from "../../../src/core/data/read";
import { checkReportData } from "../../../src/core/data/check";
import { validateWorkbook } from "../../../src/core/validate";
import type { ReportData } from "../../../src/core/data/types";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import { buildReportDocument, DEFAULT_SETTINGS, runsText } from "../../../src/core/document";
import { figureText } from "../../../src/core/narrative/figure";
import { consolidate, screenSource } from "../../../src/core/consolidate";
import { bodyText } from "../../support/docx-checks";
import { planToSnapshot } from "../../support/plan-snapshot";
import { screened, snapshotOf, unitData } from "../consolidate/fixtures";

const quarterly = findTemplate("quarterly-activity")!;
const cluster = findTemplate("cluster-emulation")!;
const review = findTemplate("implementation-review")!;

function nameOf(plan: WorkbookPlan, name: string) {
  const n = plan.names.find((x) => x.name === name);
  if (!n) throw new Error(`no name ${name}`);
  return { ...n, sheetPlan: plan.sheets.find((s) => s.name === n.sheet)! };
}

function cellAt(sheet: SheetPlan, row: number, col: number) {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

/** A snapshot with one cell changed, as if the user typed into it. */
function typed(snapshot: WorkbookSnapshot, sheet: string, a1: string, value: string | null) {
  const s = snapshot.sheets.find((x) => x.name === sheet)!;
  const at = parseCell(a1)!;
  while (s.values.length < at.row) s.values.push([]);
  s.values[at.row - 1][at.col - 1] = value;
  return snapshot;
}

const draft = (
  t = quarterly,
  data: ReportData = loadSample(t.id),
  money = DEFAULT_SETTINGS.money
) => buildReportDocument(t, data, { settings: { ...DEFAULT_SETTINGS, money } });

describe("hedge words", () => {
  it("reads the five words whatever their case and spacing, and nothing else", () => {
    expect(HEDGE_LIST).toEqual(["trên", "gần", "hơn", "khoảng", "ít nhất"]);
    expect(parseHedge(" Trên ")).toBe("over");
    expect(parseHedge("ÍT  NHẤT")).toBe("atLeast");
    // Decomposed Unicode, as text pasted from some editors arrives.
    expect(parseHedge("gần".normalize("NFD"))).toBe("nearly");
    expect(parseHedge("")).toBeNull();
    expect(parseHedge(null)).toBeNull();
    expect(parseHedge("tren")).toBe("unknown");
    expect(parseHedge("khoảng chừng")).toBe("unknown");
    expect(parseHedge(5)).toBe("unknown");
  });

  it("has English words for the pane's English locale", () => {
    const en = (["over", "nearly", "moreThan", "about", "atLeast"] as Hedge[]).map((h) =>
      hedgeWord(h, "en")
    );
    expect(en).toEqual(["over", "nearly", "more than", "about", "at least"]);
  });

  it("puts the writer's hedge before an amount, replacing the approximate style's own word", () => {
    expect(formatMoney(610_250_000, { hedge: "over" })).toBe("trên 610.250.000 đồng");
    expect(formatMoney(610_250_000, { style: "compact", hedge: "over" })).toBe(
      "trên 610,25 triệu đồng"
    );
    // The style alone says "trên 1,59 tỷ"; the writer's "gần" wins, never "gần trên".
    expect(formatMoney(1_591_896_000, { style: "approximate" })).toBe("trên 1,59 tỷ đồng");
    expect(formatMoney(1_591_896_000, { style: "approximate", hedge: "over" })).toBe(
      "trên 1,59 tỷ đồng"
    );
    expect(formatMoney(649_700_000, { style: "approximate", hedge: "nearly" })).toBe(
      "gần 650 triệu đồng"
    );
    // Rounded the way the word stays true: "trên" rounds down, "gần" up.
    expect(formatMoney(1_596_000_000, { style: "approximate", hedge: "over" })).toBe(
      "trên 1,59 tỷ đồng"
    );
    expect(formatMoney(1_591_000_000, { style: "approximate", hedge: "nearly" })).toBe(
      "gần 1,6 tỷ đồng"
    );
    expect(formatMoney(610_000_000, { style: "approximate", hedge: "about" })).toBe(
      "khoảng 610 triệu đồng"
    );
  });

  it("writes any figure with its hedge", () => {
    const ind = quarterly.indicatorById.get("tt_luot_tham_gia")!;
    expect(figureText(ind, 55680, DEFAULT_SETTINGS, false, "over")).toBe("trên 55.680");
    expect(figureText(ind, 5, DEFAULT_SETTINGS, false, "atLeast")).toBe("ít nhất 05");
    expect(figureText(ind, 55680, DEFAULT_SETTINGS)).toBe("55.680");
  });
});

describe("hedges of totals and rates", () => {
  it("hedges a total of hedged figures by the documented rule", () => {
    expect(combineHedges([null, null])).toBeNull();
    expect(combineHedges([null, "over"])).toBe("over");
    expect(combineHedges(["moreThan", "moreThan", null])).toBe("moreThan");
    expect(combineHedges(["atLeast", "atLeast"])).toBe("atLeast");
    expect(combineHedges(["over", "moreThan", "atLeast"])).toBe("over");
    expect(combineHedges(["nearly", null, "nearly"])).toBe("nearly");
    expect(combineHedges(["over", "nearly"])).toBe("about");
    expect(combineHedges(["over", "about"])).toBe("about");
  });

  it("counts only rows with a figure, and follows the aggregation", () => {
    const rows = [
      { value: 10, hedge: null },
      { value: null, hedge: "nearly" as Hedge },
      { value: 30, hedge: "over" as Hedge },
    ];
    expect(aggregateHedge(rows, "sum")).toBe("over");
    expect(aggregateHedge(rows, "max")).toBe("over");
    expect(aggregateHedge([...rows, { value: 5, hedge: null }], "last")).toBeNull();
    expect(aggregateHedge(rows, "none")).toBeNull();
  });

  it("hedges a rate by its part while the whole is exact, else says khoảng", () => {
    expect(rateHedge("over", null)).toBe("over");
    expect(rateHedge("nearly", null)).toBe("nearly");
    expect(rateHedge(null, "over")).toBe("about");
    expect(rateHedge(null, null)).toBeNull();
  });
});

describe("hedge cells in the workbook", () => {
  const plan = planWorkbook(quarterly, loadSample(quarterly.id));

  it("puts a hedge cell beside each section figure: named, unlocked, with the five words", () => {
    const figure = nameOf(plan, "BC_tt_luot_tham_gia");
    const hedge = nameOf(plan, "BCK_tt_luot_tham_gia");
    expect(hedge.sheet).toBe(figure.sheet);
    expect(hedge.range.top).toBe(figure.range.top);
    const sheet = hedge.sheetPlan;
    // Its column's header, on the header row (row 4).
    expect(cellAt(sheet, 4, hedge.range.left)?.value).toBe(HEDGE_HEADER);
    // The figure keeps column C: workbooks made before hedges read the same.
    expect(figure.range.left).toBe(3);
    const cell = cellAt(sheet, hedge.range.top, hedge.range.left)!;
    expect(cell.style).toBe("input");
    expect(cell.value).toBe("trên");
    const v = sheet.validations.find(
      (x) => x.range.top === hedge.range.top && x.range.left === hedge.range.left
    )!;
    expect(v.kind).toBe("list");
    expect(v.formula1).toEqual(HEDGE_LIST);
    expect(v.error).toContain("trên, gần, hơn, khoảng, ít nhất");
  });

  it("gives no hedge cell to a computed rate or a text", () => {
    const computed = quarterly.indicators.filter((i) => i.computed && !i.table);
    const texts = quarterly.indicators.filter((i) => i.type === "text");
    for (const i of [...computed, ...texts])
      expect(plan.names.some((n) => n.name === `BCK_${i.id}`)).toBe(false);
  });

  it("gives per-unit and fixed tables a hedge column per figure, with a total that follows the rule", () => {
    const cp = planWorkbook(cluster, loadSample(cluster.id));
    const col = nameOf(cp, "BC_ct_gia_tri");
    const hedge = nameOf(cp, "BCK_ct_gia_tri");
    expect([hedge.range.top, hedge.range.bottom]).toEqual([col.range.top, col.range.bottom]);
    expect(hedge.range.left).toBeGreaterThan(col.range.left);
    // Lạng Sơn (3rd) and Hà Giang (6th) wrote "trên" in the sample.
    const words = Array.from(
      { length: col.range.bottom - col.range.top + 1 },
      (_, i) => cellAt(hedge.sheetPlan, col.range.top + i, hedge.range.left)?.value ?? null
    );
    expect(words).toEqual([null, null, "trên", null, null, "trên", null]);
    const total = cellAt(hedge.sheetPlan, col.range.bottom + 1, hedge.range.left)!;
    expect(total.formula).toMatch(/^IF\(SUMPRODUCT/);
    expect(total.result).toBe("trên");

    const fixed = nameOf(plan, "BCK_kt_co_thi_dua");
    const rows = quarterly.tableById.get("khen_thuong")!.rows!.length;
    expect(fixed.range.bottom - fixed.range.top + 1).toBe(rows);
  });
});

describe("reading hedges back", () => {
  it("reads every hedge the workbook was written with", () => {
    const data = loadSample(quarterly.id);
    data.hedges!.tables = { khen_thuong: { tld: { kt_co_thi_dua: "atLeast" } } };
    const read = readWorkbook(quarterly, planToSnapshot(planWorkbook(quarterly, data)));
    expect(read.findings).toEqual([]);
    expect(read.data.hedges).toEqual({
      // The table's total carries its row's hedge, as its figure is their sum.
      values: { ...loadSample(quarterly.id).hedges!.values, kt_co_thi_dua: "atLeast" },
      tables: { khen_thuong: { tld: { kt_co_thi_dua: "atLeast" } } },
    });
    const c = readWorkbook(cluster, planToSnapshot(planWorkbook(cluster, loadSample(cluster.id))));
    expect(c.findings).toEqual([]);
    expect(c.data.units.map((u) => u.hedges ?? null)).toEqual(
      loadSample(cluster.id).units.map((u) => u.hedges ?? null)
    );
    // The cluster's totals carry the rule: two provinces "trên" → "trên"; two "hơn" → "hơn"
    // (seed 001's "hơn 807 triệu đồng"); one province's "trên 600 tin" → "trên 5.809" (as the seed).
    expect(c.data.hedges?.values).toMatchObject({
      ct_gia_tri: "over",
      phuc_loi_tien: "moreThan",
      tt_tin_bai: "over",
    });
  });

  it("reports an unknown word at its cell, listing the allowed words", () => {
    const plan = planWorkbook(quarterly, loadSample(quarterly.id));
    const h = nameOf(plan, "BCK_tt_luot_tham_gia");
    const at = cellA1(h.range.top, h.range.left);
    const read = readWorkbook(quarterly, typed(planToSnapshot(plan), h.sheet, at, "tren"));
    expect(read.findings).toEqual([
      expect.objectContaining({
        severity: "error",
        rule: "hedge-unknown",
        sheet: h.sheet,
        cell: at,
        indicator: "tt_luot_tham_gia",
        value: "tren",
      }),
    ]);
    expect(read.findings[0].message).toContain("trên, gần, hơn, khoảng, ít nhất");
    expect(read.data.hedges?.values?.tt_luot_tham_gia).toBeUndefined();
  });

  it("is a finding of Kiểm tra (baocao validate and the pane) like any other, at its cell", () => {
    const plan = planWorkbook(quarterly, loadSample(quarterly.id));
    const h = nameOf(plan, "BCK_cho_tet_tien");
    const at = cellA1(h.range.top, h.range.left);
    const report = validateWorkbook(quarterly, typed(planToSnapshot(plan), h.sheet, at, "tầm"));
    expect(report.findings.filter((f) => f.rule.startsWith("hedge"))).toEqual([
      expect.objectContaining({ severity: "error", sheet: h.sheet, cell: at, value: "tầm" }),
    ]);
    expect(report.errors).toBeGreaterThan(0);
  });

  it("warns of a hedge beside a blank figure, and drops it", () => {
    const plan = planWorkbook(quarterly, loadSample(quarterly.id));
    const f = nameOf(plan, "BC_tt_luot_tham_gia");
    const snapshot = typed(planToSnapshot(plan), f.sheet, cellA1(f.range.top, f.range.left), null);
    const read = readWorkbook(quarterly, snapshot);
    expect(read.findings).toEqual([
      expect.objectContaining({ severity: "warning", rule: "hedge-blank", value: "trên" }),
    ]);
    expect(read.data.hedges?.values?.tt_luot_tham_gia).toBeUndefined();
  });

  it("reads a workbook made before hedges (no BCK_ names) as exact figures, without findings", () => {
    const snapshot = planToSnapshot(planWorkbook(quarterly, loadSample(quarterly.id)));
    snapshot.names = snapshot.names.filter((n) => !n.name.startsWith("BCK_"));
    const read = readWorkbook(quarterly, snapshot);
    expect(read.findings).toEqual([]);
    expect(read.data.hedges).toBeUndefined();
  });
});

describe("the writer's own hedge of a total (seed 001: 'trên 45 thỏa thuận' over exact rows)", () => {
  it("fits the rows' hedges: any word over exact rows, the same direction or khoảng over hedged", () => {
    expect(totalHedgeFits("over", null)).toBe(true);
    expect(totalHedgeFits("over", "moreThan")).toBe(true);
    expect(totalHedgeFits("about", "nearly")).toBe(true);
    expect(totalHedgeFits("nearly", "over")).toBe(false);
    expect(totalHedgeFits("over", "nearly")).toBe(false);
    expect(totalHedgeFits("over", "about")).toBe(false);
  });

  it("is typed over the total row's formula, read back, and said in the draft", () => {
    const data = loadSample(cluster.id);
    expect(data.hedges?.values?.phuc_loi_thoa_thuan).toBe("over");
    expect(data.units.some((u) => u.hedges?.phuc_loi_thoa_thuan)).toBe(false);
    const plan = planWorkbook(cluster, data);
    const col = nameOf(plan, "BC_phuc_loi_thoa_thuan");
    const h = nameOf(plan, "BCK_phuc_loi_thoa_thuan");
    const total = cellAt(h.sheetPlan, col.range.bottom + 1, h.range.left)!;
    expect(total).toMatchObject({ value: "trên" });
    expect(total.formula).toBeUndefined();
    const read = readWorkbook(cluster, planToSnapshot(plan));
    expect(read.findings).toEqual([]);
    expect(read.data.hedges?.values?.phuc_loi_thoa_thuan).toBe("over");
    expect(bodyText(draft(cluster, read.data))).toContain("ký mới trên 45 thỏa thuận hợp tác");
    // Cleared, the total is the rows' again: exact.
    const at = cellA1(col.range.bottom + 1, h.range.left);
    const cleared = readWorkbook(cluster, typed(planToSnapshot(plan), h.sheet, at, null));
    expect(cleared.data.hedges?.values?.phuc_loi_thoa_thuan).toBeUndefined();
    expect(bodyText(draft(cluster, cleared.data))).toContain("ký mới 45 thỏa thuận hợp tác");
  });

  it("warns at the cell of a word the rows contradict, and keeps the rows'", () => {
    const plan = planWorkbook(cluster, loadSample(cluster.id));
    const col = nameOf(plan, "BC_ct_gia_tri");
    const h = nameOf(plan, "BCK_ct_gia_tri");
    const at = cellA1(col.range.bottom + 1, h.range.left);
    const snapshot = typed(planToSnapshot(plan), h.sheet, at, "gần");
    // Typing over the total row's formula removes it, as in Excel.
    const sheet = snapshot.sheets.find((x) => x.name === h.sheet)!;
    const p = parseCell(at)!;
    sheet.formulas![p.row - sheet.top][p.col - sheet.left] = null;
    const read = readWorkbook(cluster, snapshot);
    expect(read.findings).toEqual([
      expect.objectContaining({ severity: "warning", rule: "hedge-total", cell: at, value: "gần" }),
    ]);
    expect(read.findings[0].message).toContain('tổng là "trên"');
    expect(read.data.hedges?.values?.ct_gia_tri).toBe("over");
  });
});

describe("hedges in data.json", () => {
  it("accepts the samples' hedges and names each wrong one by its field", () => {
    for (const t of [quarterly, cluster, review])
      expect(checkReportData(t, loadSample(t.id)).findings).toEqual([]);
    const data = loadSample(quarterly.id);
    data.hedges = {
      values: { khong_co: "over", qua_tet_ldld_nguoi: "about", kt_co_thi_dua: "nearly" },
      tables: { khen_thuong: { tld: { kt_co_thi_dua: "atLeast" }, khong_co: {} } },
    };
    const fields = checkReportData(quarterly, data).findings.map((f) => f.field);
    // The table total's "gần" contradicts its rows' ("ít nhất": the sum is at least its figure).
    expect(fields).toEqual([
      "hedges.values.khong_co",
      "hedges.values.kt_co_thi_dua",
      "hedges.tables.khen_thuong.khong_co",
    ]);
    expect(
      checkReportData(quarterly, { ...data, hedges: { values: { x: "sometimes" } } }).data
    ).toBeNull();
  });
});

describe("hedges in the draft", () => {
  it("writes the seed's hedged figures with their words", () => {
    const text = bodyText(draft());
    expect(text).toContain("trên 55.680 lượt đoàn viên, CNVCLĐ tham gia");
    // Money with a hedge is written as the seed writes it: "trên 610 triệu đồng".
    expect(text).toContain("trên 610 triệu đồng");
    expect(text).toContain("gần 650 triệu đồng");
    expect(text).toContain("gần 50 đồng chí");
  });

  it("lets the writer's hedge win over the approximate money style, never doubling a word", () => {
    const text = bodyText(draft(quarterly, loadSample(quarterly.id), "approximate"));
    expect(text).toContain("trên 610 triệu đồng");
    expect(text).toContain("gần 100 triệu đồng");
    expect(text).not.toMatch(/(trên|gần|hơn|khoảng|ít nhất) (trên|gần|hơn|khoảng|ít nhất) /);
  });

  it("hedges a rate computed from a hedged part, and says khoảng for a hedged whole", () => {
    const data = loadSample(review.id);
    data.hedges = { values: { hn_nld_to_chuc: "over" } };
    expect(bodyText(draft(review, data))).toContain("trên 572/651");
    expect(bodyText(draft(review, data))).toMatch(/đạt trên 87,9%/);
    data.hedges = { values: { hn_nld_tong: "nearly" } };
    expect(bodyText(draft(review, data))).toMatch(/đạt khoảng 87,9%/);
  });

  it("shows each unit's hedge in the footnotes and hedges the cluster's total", () => {
    const doc = draft(cluster);
    expect(bodyText(doc)).toContain("trên 38 tỷ đồng");
    const notes = doc.footnotes.map((f) => runsText(f.runs)).join("\n");
    expect(notes).toMatch(/Lạng Sơn[^;]*trên 10 tỷ đồng/);
    expect(notes).toMatch(/Lào Cai[^;]*hơn 407 triệu đồng/);
  });
});

describe("hedges of a unit with units under it", () => {
  it("hedges a subtree's footnote figure when a unit below is hedged", () => {
    const data = loadSample(cluster.id);
    // The template's words ("tổng giá trị …"), not the sample's own for Lai Châu ("… triệu").
    data.sentences = {};
    const [laiChau, caoBang] = data.units;
    caoBang.parent = laiChau.name;
    caoBang.hedges = { ct_gia_tri: "nearly" };
    const notes = draft(cluster, data)
      .footnotes.map((f) => runsText(f.runs))
      .join("\n");
    // 149.000.000 + gần 23.900.000.000: the subtree's 24.049.000.000 is "gần" too.
    expect(notes).toMatch(/Lai Châu[^;]*gần 24,1 tỷ đồng/);
  });
});

describe("hedges through consolidation", () => {
  const units = ["LĐLĐ huyện Tam Đường", "LĐLĐ huyện Phong Thổ", "LĐLĐ huyện Sìn Hồ"];
  function consolidated(hedges: (Hedge | null)[]) {
    const files = units.map((u, i) => {
      const data = unitData(quarterly, u, 200 + i, "2024-Q1");
      data.hedges = hedges[i] ? { values: { tt_luot_tham_gia: hedges[i] } } : undefined;
      return screened(quarterly, data, `${i}.xlsx`);
    });
    const r = consolidate(files, {
      find: findTemplate,
      consolidatedAt: "2024-04-05T09:00:00.000Z",
    });
    if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
    return { template: r.template, data: r.data };
  }

  it("hedges the total by the rule and keeps each unit's hedge", () => {
    const c = consolidated([null, "over", "moreThan"]);
    expect(c.data.hedges?.values?.tt_luot_tham_gia).toBe("over");
    const byUnit = new Map(c.data.units.map((u) => [u.name, u.hedges?.tt_luot_tham_gia ?? null]));
    expect(units.map((u) => byUnit.get(u))).toEqual([null, "over", "moreThan"]);
    expect(consolidated([null, "over", "nearly"]).data.hedges?.values?.tt_luot_tham_gia).toBe(
      "about"
    );
    expect(consolidated([null, null, null]).data.hedges?.values?.tt_luot_tham_gia).toBeUndefined();
  });

  it("writes the total's hedge cell in the consolidated workbook, and names the units' hedges in footnotes", () => {
    const c = consolidated(["nearly", null, "nearly"]);
    const plan = planWorkbook(c.template, c.data);
    const hedge = nameOf(plan, "BCK_tt_luot_tham_gia");
    const total = cellAt(hedge.sheetPlan, hedge.range.bottom + 1, hedge.range.left)!;
    expect(total.result).toBe("gần");
    // Read back, the consolidated workbook gives the same hedges.
    const read = readWorkbook(c.template, planToSnapshot(plan));
    expect(read.data.hedges?.values?.tt_luot_tham_gia).toBe("nearly");
    const doc = buildReportDocument(c.template, c.data, { settings: DEFAULT_SETTINGS });
    const luot = c.data.values.tt_luot_tham_gia as number;
    expect(bodyText(doc)).toContain(
      `gần ${figureText(quarterly.indicatorById.get("tt_luot_tham_gia")!, luot, DEFAULT_SETTINGS)}`
    );
    const notes = doc.footnotes.map((f) => runsText(f.runs)).join("\n");
    expect(notes).toMatch(/Tam Đường gần [\d.]+ lượt/);
    expect(notes).toMatch(/Sìn Hồ gần [\d.]+ lượt/);
    expect(notes).not.toMatch(/Phong Thổ (trên|gần|hơn|khoảng|ít nhất) [\d.]+ lượt/);
  });
});

describe("hedges through two levels of consolidation", () => {
  it("keep each grassroots union's hedge through its district's workbook, and hedge the subtrees", () => {
    const at = "2024-04-05T09:00:00.000Z";
    const hedges: (Hedge | null)[] = ["over", null, null, "nearly", null, null];
    const grassroots = hedges.map((h, i) => {
      const data = unitData(quarterly, `CĐCS Trường học số ${i + 1}`, 400 + i, "2024-Q1");
      data.hedges = h ? { values: { tt_luot_tham_gia: h } } : undefined;
      return screened(quarterly, data, `cdcs-${i + 1}.xlsx`);
    });
    const districts = ["LĐLĐ huyện Than Uyên", "LĐLĐ huyện Tân Uyên"].map((issuer, i) => {
      const r = consolidate(grassroots.slice(i * 3, i * 3 + 3), {
        find: findTemplate,
        consolidatedAt: at,
        issuer,
      });
      // The district's workbook is written and read back, as the province receives it.
      return screenSource(
        { file: `huyen-${i + 1}.xlsx`, checksum: `sum-${i}`, readAt: at },
        { snapshot: snapshotOf(r.template!, r.data!) },
        findTemplate
      );
    });
    const province = consolidate(districts, {
      find: findTemplate,
      consolidatedAt: at,
      issuer: "LĐLĐ tỉnh Lai Châu",
    });
    const data = province.data!;
    const own = (name: string) =>
      data.units.find((u) => u.name === name)?.hedges?.tt_luot_tham_gia ?? null;
    expect(own("CĐCS Trường học số 1")).toBe("over");
    expect(own("CĐCS Trường học số 4")).toBe("nearly");
    expect(own("CĐCS Trường học số 2")).toBeNull();
    // trên in one district, gần in the other: the province's total has no direction.
    expect(data.hedges?.values?.tt_luot_tham_gia).toBe("about");
    const notes = buildReportDocument(province.template!, data, { settings: DEFAULT_SETTINGS })
      .footnotes.map((f) => runsText(f.runs))
      .join("\n");
    expect(notes).toMatch(/Than Uyên trên [\d.]+ lượt/);
    expect(notes).toMatch(/Tân Uyên gần [\d.]+ lượt/);
  });
});
