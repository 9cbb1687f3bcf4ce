// Issue 9: figures written into sentences. Templates carry each figure's sentence as data, the
// workbook shows it editable beside the figures, and the draft says a figure only inside a
// sentence, never as "nhãn: số", never a zero or a blank.
import { builtInTemplateFile, builtInTemplates, findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { TemplateError, type Template } from "../../../src/core/model/load";
import { planWorkbook } from "../../../src/core/layout/planner";
import { readWorkbook } from "../../../src/core/data/read";
import { buildReportDocument, runsText, allRuns } from "../../../src/core/document";
import type { ReportData } from "../../../src/core/data/types";
import { parseSegments, tokensOf, sentenceKey } from "../../../src/core/narrative/tokens";
import { unitTexts } from "../../../src/core/consolidate/texts";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import { planToSnapshot } from "../../support/plan-snapshot";

type FileSection = { id: string; parent?: string; sentences?: unknown[] };
/** The quarterly template's file, to edit (sections listed flat, children naming their parent). */
const quarterlyFile = () =>
  builtInTemplateFile("quarterly-activity") as ReturnType<typeof builtInTemplateFile> & {
    sections: FileSection[];
  };

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

function body(t: Template, data: ReportData): string {
  return buildReportDocument(t, data)
    .body.flatMap((b) => (b.kind === "paragraph" ? [runsText(b.runs)] : []))
    .join("\n");
}

describe("sentence syntax", () => {
  it("reads tokens, rows, parts and nested optional groups", () => {
    const segs = parseSegments(
      "Tặng[ cờ cho {a@tld} tập thể][; Bằng khen cho[ {b} tập thể][, {c.chi_tieu}]]",
      true
    );
    const tokens = tokensOf(segs);
    expect(tokens.map((t) => [t.id, t.row, t.part])).toEqual([
      ["a", "tld", null],
      ["b", null, null],
      ["c", null, "chi_tieu"],
    ]);
    expect(segs.filter((s) => s.kind === "optional")).toHaveLength(2);
    // Brackets holding no figure are the writer's own text.
    expect(parseSegments("Chờ bổ sung [...]", true).every((s) => s.kind === "text")).toBe(true);
  });

  it("refuses a template sentence naming an unknown code, naming the field", () => {
    const raw = quarterlyFile();
    const s = raw.sections.find((x) => x.parent === raw.sections[0].id)!;
    s.sentences = [{ id: "sai", text: "Có {khong_co_ma} lượt" }];
    expect(() => loadTemplateFile(raw)).toThrow(TemplateError);
    try {
      loadTemplateFile(raw);
    } catch (e) {
      expect(String((e as Error).message)).toMatch(
        /sections\[\d+\]\(tuyen_truyen\)\.sentences\[0\]\(sai\)\.text: \{khong_co_ma\}: không có chỉ số/
      );
    }
  });
});

describe("comparisons of a clause's figures", () => {
  const t = template("quarterly-activity");
  const withBaselines = (suat: number, tien: number): ReportData => {
    const data = loadSample(t.id);
    data.baselines = { lastYear: { cho_tet_suat: suat, cho_tet_tien: tien } };
    return data;
  };
  // The sample: 2.042 suất, 610.000.000 đồng.
  it("are said once when every figure changed alike", () => {
    const text = body(t, withBaselines(1021, 305000000));
    expect(text).toContain("đều tăng 100% so với cùng kỳ năm trước");
    expect(text).not.toContain("số suất quà tăng 100%");
  });

  it("name their figure when the changes differ", () => {
    const text = body(t, withBaselines(1021, 610000000 / 1.25));
    expect(text).toMatch(/suất quà tăng 100% so với cùng kỳ năm trước/);
    expect(text).toMatch(/tăng 25% so với cùng kỳ năm trước/);
    expect(text).not.toContain("đều tăng");
  });
});

describe("figures no sentence states", () => {
  it("get one generated sentence, not a label list", () => {
    const raw = quarterlyFile();
    for (const c of raw.sections) if (c.parent === raw.sections[0].id) c.sentences = [];
    const t = loadTemplateFile(raw);
    const data = loadSample(t.id);
    data.values.kiem_tra_cuoc = 5;
    data.values.giam_sat_cuoc = 3;
    const text = body(t, data);
    expect(text).toContain("Trong kỳ có 05 cuộc kiểm tra, 03 cuộc giám sát.");
    expect(text).toContain("Trong kỳ có trên 55.680 lượt đoàn viên, CNVCLĐ tham gia.");
    expect(text).not.toMatch(/Kết quả: |^- /m);
  });
});

describe("default sentences of the five templates", () => {
  it("place every figure of every template in a sentence", () => {
    for (const t of builtInTemplates()) {
      const placed = new Set<string>();
      for (const s of t.allSections)
        for (const x of s.sentences)
          for (const tok of tokensOf(parseSegments(x.text, true))) placed.add(tok.id);
      const missing = t.indicators.filter(
        (i) =>
          ["integer", "decimal", "money", "percent"].includes(i.type) &&
          i.role !== "target" &&
          !i.computed &&
          !i.id.endsWith("_bao_cao") &&
          !(i.table && t.tableById.get(i.table)?.kind === "list") &&
          !placed.has(i.id)
      );
      // Typed rates a province reports beside the computed one, and a per-loan amount, are
      // table columns only.
      expect(
        missing
          .map((i) => `${t.id}:${i.id}`)
          .filter((x) => !/ty_le_dn_tuldtt|mh_muc_vay_suat/.test(x))
      ).toEqual([]);
    }
  });

  it("never write a label as a sentence, a bare number, a zero or an empty heading", () => {
    for (const t of builtInTemplates()) {
      const data = loadSample(t.id);
      // A zero and a blank in each template: neither is said.
      const ids = t.indicators.filter((i) => !i.table && !i.computed && i.type === "integer");
      if (ids[0]) data.values[ids[0].id] = 0;
      if (ids[1]) data.values[ids[1].id] = null;
      const doc = buildReportDocument(t, data);
      const text = body(t, data);
      expect(text).not.toMatch(/(^|[.;] )Kết quả: /m);
      expect(text).not.toMatch(/^- [\d.]+ /m);
      // (“Siêu thị 0 đồng” and "F0" are names, not figures.)
      expect(text.replace(/Siêu thị 0 đồng/g, "")).not.toMatch(/(?<![\d.,/\p{L}])0 \p{Ll}/u);
      expect(text).not.toContain("0/0");
      // Every heading has something under it.
      doc.body.forEach((b, i) => {
        if (b.kind !== "heading") return;
        const next = doc.body[i + 1];
        const deeper = next?.kind === "heading" && next.level > b.level;
        expect(next && (next.kind !== "heading" || deeper)).toBeTruthy();
      });
    }
  });

  it("state the annual plan's 15 targets with their comparators", () => {
    const t = template("annual-plan");
    const text = body(t, loadSample(t.id));
    expect(t.targets).toHaveLength(15);
    expect(text).toContain(
      "Vận động trên 85% doanh nghiệp có từ 10 lao động trở lên thành lập CĐCS"
    );
    expect(text).toContain("trong đó có trên 80% người lao động gia nhập tổ chức công đoàn");
    expect(text).toContain("Giới thiệu ít nhất 500 đoàn viên công đoàn ưu tú");
    expect(text).toContain("Trên 80% công đoàn cấp trên trực tiếp cơ sở xếp loại tốt");
    // Each target's level is a figure run whose source is that target's cell.
    const doc = buildReportDocument(t, loadSample(t.id));
    const stated = new Set(
      allRuns(doc).flatMap((r) => (r.kind === "figure" && r.source.target ? [r.source.target] : []))
    );
    expect([...stated].sort()).toEqual(t.targets.map((g) => g.id).sort());
  });

  it("compare the mid-term review with the start of the term", () => {
    const t = template("midterm-review");
    // The sample's own start-of-term column (sample data, see README), nothing entered here.
    const data = loadSample(t.id);
    expect(Object.keys(data.baselines?.startOfTerm ?? {})).toEqual(
      expect.arrayContaining(["cdcs_tong", "dv_tong", "hn_nld_to_chuc"])
    );
    const text = body(t, data);
    expect(text).toMatch(/1\.832 CĐCS \(tăng [\d,]+% so với đầu nhiệm kỳ\)/);
    // Seed 000's own hedge: "với hơn 291.800 đoàn viên công đoàn".
    expect(text).toMatch(/với hơn 291\.800 đoàn viên \(tăng [\d,]+% so với đầu nhiệm kỳ\)/);
    // Beside its share a part changes by its difference: "tăng 5,9%" would read as the share's.
    expect(text).toMatch(
      /572\/651 doanh nghiệp [^.]*đạt 87,9%, tăng 32 doanh nghiệp so với đầu nhiệm kỳ/
    );
  });
});

describe("sentences in the workbook", () => {
  const t = template("quarterly-activity");

  it("shows each sentence in an editable cell and reads a rewording back into the draft", () => {
    const data = loadSample(t.id);
    const key = sentenceKey("tuyen_truyen", "luot");
    data.sentences = { [key]: "Phong trào thu hút {tt_luot_tham_gia} lượt người tham gia" };
    const plan = planWorkbook(t, data);
    const read = readWorkbook(t, planToSnapshot(plan));
    expect(read.data.sentences?.[key]).toBe(data.sentences[key]);
    expect(body(t, read.data)).toContain("Phong trào thu hút trên 55.680 lượt người tham gia.");
    // The template's own wording is not stored back as an edit.
    const plain = readWorkbook(t, planToSnapshot(planWorkbook(t, loadSample(t.id))));
    expect(plain.data.sentences).toBeUndefined();
    expect(plain.findings.filter((f) => f.rule === "unknown-token")).toEqual([]);
  });

  it("warns at the cell when an edited sentence or a text names an unknown code", () => {
    const data = loadSample(t.id);
    data.sentences = { [sentenceKey("tuyen_truyen", "luot")]: "Có {tt_luot_sai} lượt" };
    data.texts.cham_lo = "Trao {qua_tet_sai} suất quà.";
    const read = readWorkbook(t, planToSnapshot(planWorkbook(t, data)));
    const found = read.findings.filter((f) => f.rule === "unknown-token");
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.severity).toBe("warning");
      expect(f.sheet).toBe("I. Kết quả");
      expect(f.cell).toMatch(/^B\d+$/);
      expect(f.message).toContain("không có chỉ số");
    }
  });

  it("puts a cell's figure where the user's own text names it", () => {
    const data = loadSample(t.id);
    data.texts.tuyen_truyen =
      "Các cấp công đoàn tuyên truyền với trên {tt_luot_tham_gia} lượt tham gia.";
    const doc = buildReportDocument(t, data);
    const text = body(t, data);
    expect(text).toContain("với trên 55.680 lượt tham gia.");
    // Said once: the template's sentence for that figure is not repeated.
    expect(text.match(/55\.680/g)).toHaveLength(1);
    const fig = allRuns(doc).find((r) => r.kind === "figure" && r.text === "55.680");
    expect(fig?.kind === "figure" && fig.source.indicator).toBe("tt_luot_tham_gia");
  });
});

describe("consolidated texts", () => {
  it("start with each unit's text, marked by unit, with the unit's own figures", () => {
    const t = template("quarterly-activity");
    const a = loadSample(t.id);
    const b = loadSample(t.id);
    a.texts.tuyen_truyen = "Thu hút {tt_luot_tham_gia} lượt.";
    b.texts.tuyen_truyen = "Tổ chức hội thi.";
    b.values.tt_luot_tham_gia = 12;
    const texts = unitTexts(t, [
      { unit: "LĐLĐ huyện A", data: a },
      { unit: "LĐLĐ huyện B", data: b },
    ]);
    expect(texts.tuyen_truyen).toBe(
      "[LĐLĐ huyện A] Thu hút 55.680 lượt.\n[LĐLĐ huyện B] Tổ chức hội thi."
    );
  });
});

// Seed 001 says each province's figures in the footnote in words ("Lai Châu thành lập 10 CĐCS,
// kết nạp 260 đoàn viên đạt 194% chỉ tiêu TLĐ giao"): a template sentence naming {don_vi} is that
// wording, said once per unit under the sentence stating the totals, never in the body.
describe("unit sentences ({don_vi})", () => {
  const t = template("cluster-emulation");
  const notes = (data: ReportData) => {
    const doc = buildReportDocument(t, data);
    return doc.footnotes.map((f) => runsText(f.runs));
  };
  const note = (data: ReportData, words: string) => notes(data).find((n) => n.includes(words));
  /** The sample with the template's sentences (the sample words some provinces apart). */
  const templateWords = (): ReportData => ({ ...loadSample(t.id), sentences: {} });

  it("say each unit's figures in the template's words, in the footnote only", () => {
    const data = templateWords();
    const n = note(data, "buổi tuyên truyền")!;
    expect(n).toContain("Lai Châu có 3.120 buổi tuyên truyền, thu hút 92.000 lượt CNVCLĐ tham gia");
    // A unit's hedge goes with its figure.
    expect(n).toContain("Điện Biên có 285 buổi tuyên truyền, thu hút trên 20.000 lượt CNVCLĐ");
    expect(body(t, data)).not.toMatch(/Lai Châu có 3\.120/);
    // Each unit is named once, with the head's shared words said once.
    expect(n.match(/Lai Châu/g)).toHaveLength(1);
    expect(n.startsWith("LĐLĐ tỉnh: Lai Châu")).toBe(true);
  });

  it("leave out a unit's blank figures with their words, and say a unit's row only from its row", () => {
    const data = templateWords();
    const n = note(data, "thành lập 10 CĐCS")!;
    // Lai Châu has a chỉ tiêu: its rate against it is its row's, written with the draft's one
    // ratio setting, as seed 001 writes it ("đạt 194% chỉ tiêu TLĐ giao").
    expect(n).toContain("Lai Châu thành lập 10 CĐCS, kết nạp 260 đoàn viên đạt 194% chỉ tiêu");
    // Cao Bằng has none: no "đạt" is made up.
    expect(n).toContain("Cao Bằng thành lập 04 CĐCS, kết nạp 290 đoàn viên;");
    // A province that gave only part of a sentence keeps its joins: "…, kết nạp …".
    // A group left out that was joined on with ", " leaves the next group's comma in place
    // (Cao Bằng gave no works with signs): never "09 công trình, phần việc tổng giá trị".
    const ct = note(data, "công trình, phần việc")!;
    expect(ct).toContain("Cao Bằng 09 công trình, phần việc, tổng giá trị 23,9 tỷ đồng");
    const uu = note(data, "đoàn viên ưu tú")!;
    expect(uu).toContain("Sơn La giới thiệu 1.028 đoàn viên ưu tú, kết nạp 565 đảng viên");
  });

  it("fall back to the shorter sentence, then to the list, for a unit missing a figure", () => {
    const data = templateWords();
    const n = note(data, "lớp tập huấn cho 250")!;
    expect(n).toContain("Lai Châu mở 05 lớp tập huấn cho 250 cán bộ công đoàn");
    expect(n).toContain("Cao Bằng tập huấn cho hơn 60 cán bộ công đoàn");
    // Not said twice for a unit the full sentence served.
    expect(n.match(/250 cán bộ/g)).toHaveLength(1);
    const sentences = { ...(data.sentences ?? {}) };
    sentences[sentenceKey("to_chuc", "tap_huan_tinh")] = "";
    sentences[sentenceKey("to_chuc", "tap_huan_can_bo_tinh")] = "";
    const plain = note({ ...data, sentences }, "250")!;
    // With the unit sentences cleared in the workbook, the figures are listed as before.
    expect(plain).toMatch(/Lai Châu 05 lớp, 250 lượt/);
  });

  it("are a known token in a template and in a workbook's edited sentence", () => {
    const data = loadSample(t.id);
    data.sentences = {
      [sentenceKey("tuyen_truyen", "buoi_tinh")]: "{don_vi} tổ chức {tt_buoi} buổi",
    };
    const read = readWorkbook(t, planToSnapshot(planWorkbook(t, data)));
    expect(read.findings.filter((f) => f.rule === "unknown-token")).toEqual([]);
    expect(note(read.data, "tổ chức 3.120 buổi")).toContain("Lai Châu tổ chức 3.120 buổi");
  });

  it("say a unit in its own words where the cell has a line for it ('Hà Giang: tặng …')", () => {
    const data = templateWords();
    data.sentences = {
      [sentenceKey("cham_lo", "tet_tinh")]:
        "{don_vi} trao {tet_suat} suất quà[ với tổng số tiền {tet_tien}]\n" +
        "Hà Giang: tặng {tet_suat} suất quà với tổng số tiền {tet_tien:day_du}\n" +
        "LĐLĐ tỉnh Lạng Sơn: {don_vi} trao {tet_suat} suất quà với tổng trị giá {tet_tien}",
    };
    const n = note(data, "suất quà")!;
    expect(n).toContain("Hà Giang tặng 21.952 suất quà với tổng số tiền 12.758.000.000 đồng");
    // A unit is found by its full name too; the others keep the shared sentence.
    expect(n).toContain("Lạng Sơn trao 1.718 suất quà với tổng trị giá 1,039 tỷ đồng");
    expect(n).toContain("Lai Châu trao 5.333 suất quà với tổng số tiền 2.971.500.000 đồng");
    expect(n).not.toMatch(/Hà Giang trao|Hà Giang:/);
  });

  it("write an amount as its token asks: {ma:day_du}, {ma:trieu}, {ma:gon}", () => {
    const data = templateWords();
    const key = sentenceKey("cham_lo", "thang_cong_nhan_tinh");
    const say = (token: string) => {
      data.sentences = { [key]: `{don_vi} hỗ trợ {tcn_suat} suất quà với số tiền ${token}` };
      return note(data, "Cao Bằng hỗ trợ 655")!;
    };
    expect(say("{tcn_tien}")).toContain("469.400.000 đồng");
    expect(say("{tcn_tien:trieu}")).toContain(
      "Cao Bằng hỗ trợ 655 suất quà với số tiền 469,4 triệu đồng"
    );
    expect(say("{tcn_tien:gon}")).toContain(
      "Lào Cai hỗ trợ 1.771 suất quà với số tiền 858,9 triệu đồng"
    );
    expect(say("{tcn_tien:day_du}")).toContain(
      "Lai Châu hỗ trợ 173 suất quà với số tiền 232.500.000 đồng"
    );
  });

  it("check a style and a unit's own line like any token of the cell", () => {
    const data = loadSample(t.id);
    data.sentences = {
      [sentenceKey("cham_lo", "tet_tinh")]:
        "{don_vi} trao {tet_suat:trieu} suất quà\nHà Giang: tặng {tet_sai} suất quà với {tet_tien:ty}\n" +
        "Hà Gang: tặng {tet_suat} suất quà\nlđlđ tỉnh  LAI CHÂU: trao {tet_suat} suất quà",
    };
    const read = readWorkbook(t, planToSnapshot(planWorkbook(t, data)));
    const msgs = read.findings.filter((f) => f.rule === "unknown-token").map((f) => f.message);
    expect(msgs).toEqual([
      expect.stringContaining('{tet_suat:trieu}: cách viết ":trieu" chỉ dùng cho số tiền'),
      expect.stringContaining('{tet_sai}: không có chỉ số hay chỉ tiêu mã "tet_sai"'),
      expect.stringContaining('{tet_tien:ty}: không có cách viết số tiền ":ty"'),
    ]);
    // A line naming no unit (a typo) is never said: a warning at the cell; case and spacing aside.
    expect(read.findings.filter((f) => f.rule === "unit-sentence-name")).toEqual([
      expect.objectContaining({ severity: "warning", value: "Hà Gang" }),
    ]);
  });
});
