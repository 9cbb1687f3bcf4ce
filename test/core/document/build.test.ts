// The Word draft's model: narrative wording, figures from cells, footnotes, settings.
import { findTemplate, builtInTemplates } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import { planWorkbook } from "../../../src/core/layout/planner";
import { parseQualifiedRange } from "../../../src/core/layout/a1";
import {
  allRuns,
  buildReportDocument,
  DEFAULT_SETTINGS,
  locateInWorkbook,
  parseDocumentSettings,
  runsText,
  type DocumentSettings,
} from "../../../src/core/document";
import type { ReportData } from "../../../src/core/data/types";
import type { Template } from "../../../src/core/model/load";
import { planToSnapshot } from "../../support/plan-snapshot";
import { bodyText, expectFiguresFromTheirCells } from "../../support/docx-checks";

function template(id: string): Template {
  const t = findTemplate(id);
  if (!t) throw new Error(id);
  return t;
}

function settings(over: Partial<DocumentSettings>): DocumentSettings {
  return { ...DEFAULT_SETTINGS, ...over };
}

describe("header, title, closing", () => {
  const doc = buildReportDocument(template("quarterly-activity"), loadSample("quarterly-activity"));

  it("writes the header block and title as the format asks", () => {
    expect(doc.header).toEqual({
      parentBody: "TỔNG LĐLĐ VIỆT NAM",
      issuingBody: "LĐLĐ TỈNH LAI CHÂU",
      numberLine: "Số: 62/BC-LĐLĐ",
      nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeDate: "Lai Châu, ngày 08 tháng 3 năm 2024",
    });
    expect(doc.docTypeTitle).toBe("BÁO CÁO");
    expect(doc.summary).toBe(
      "Hoạt động công tác Công đoàn quý I, nhiệm vụ trọng tâm quý II năm 2024"
    );
    expect(doc.signature).toEqual({
      authority: "TM. BAN THƯỜNG VỤ",
      title: "CHỦ TỊCH",
      name: "Hoàng Thọ Trung",
    });
    expect(doc.recipients[doc.recipients.length - 1]).toBe("Lưu: VT.");
  });

  it("numbers headings by depth with the document's numbering", () => {
    const headings = doc.body.filter((b) => b.kind === "heading");
    expect(headings[0]).toMatchObject({
      level: 1,
      number: "I.",
      text: "KẾT QUẢ TRIỂN KHAI THỰC HIỆN NHIỆM VỤ QUÝ I/2024",
    });
    expect(headings[1]).toMatchObject({
      level: 2,
      number: "1.",
      text: "Công tác tuyên truyền, giáo dục",
    });
  });

  it("ends the body with ./. without doubling the writer's full stop", () => {
    const text = bodyText(doc);
    expect(text.endsWith("Liên đoàn Lao động tỉnh./.")).toBe(true);
  });

  it("keeps the user's text word for word, one paragraph per line", () => {
    const data = loadSample("quarterly-activity");
    const paragraphs = doc.body.filter((b) => b.kind === "paragraph").map((b) => runsText(b.runs));
    expect(paragraphs).toContain(data.texts.preamble);
    for (const line of data.texts.han_che.split("\n")) expect(paragraphs).toContain(line);
  });

  it("pads a one-digit number and leaves blanks where the workbook has no number or date", () => {
    const data = loadSample("quarterly-activity");
    data.header.number = "5/BC-LĐLĐ";
    expect(buildReportDocument(template("quarterly-activity"), data).header.numberLine).toBe(
      "Số: 05/BC-LĐLĐ"
    );
    delete data.header.number;
    delete data.header.date;
    const h = buildReportDocument(template("quarterly-activity"), data).header;
    expect(h.numberLine).toMatch(/^Số: +\/BC-LĐLĐ$/);
    expect(h.placeDate).toBe("Lai Châu, ngày …… tháng …… năm ……");
  });
});

describe("figures in sentences", () => {
  it("formats amounts in full or compact and pads small counts by setting", () => {
    const t = template("quarterly-activity");
    const full = bodyText(buildReportDocument(t, loadSample(t.id)));
    // Seed 002's own wording (issue 9: the old "Kết quả: 55.680 ..." and "số đoàn viên, NLĐ
    // 2.811 người" were labels, not sentences), with its hedge: "với trên 55.680 lượt".
    expect(full).toContain(
      "hỗ trợ quà Tết cho 2.811 đoàn viên, người lao động có hoàn cảnh khó khăn với tổng số tiền 1.591.896.000 đồng"
    );
    expect(full).toContain("thu hút trên 55.680 lượt đoàn viên, CNVCLĐ tham gia.");
    expect(full).toContain("phê duyệt 01 dự án");
    const compact = bodyText(
      buildReportDocument(t, loadSample(t.id), {
        settings: settings({ money: "compact", zeroPad: false }),
      })
    );
    expect(compact).toContain("tổng số tiền 1,592 tỷ đồng");
    expect(compact).toContain("tổng số tiền trên 610 triệu đồng");
    expect(compact).toContain("phê duyệt 1 dự án");
  });

  it("says nothing of an empty indicator", () => {
    const t = template("quarterly-activity");
    const text = bodyText(buildReportDocument(t, loadSample(t.id)));
    expect(text).not.toContain("buổi tuyên truyền");
    expect(text).not.toContain('Nhà "Mái ấm Công đoàn"');
    expect(text).not.toMatch(/null|undefined|NaN/);
  });

  it("states a part of its whole with the rate: 572/651 ..., đạt 87,9%", () => {
    const t = template("implementation-review");
    const text = bodyText(buildReportDocument(t, loadSample(t.id)));
    // Seed 000's wording: "1.179/1.179 đơn vị tổ chức hội nghị cán bộ, công chức, viên chức đạt 100%".
    expect(text).toContain("572/651 doanh nghiệp tổ chức hội nghị người lao động đạt 87,9%");
    expect(text).toContain(
      "1.179/1.179 đơn vị tổ chức hội nghị cán bộ, công chức, viên chức đạt 100%"
    );
    const zero = bodyText(
      buildReportDocument(t, loadSample(t.id), { settings: settings({ ratioDecimals: 2 }) })
    );
    expect(zero).toContain("572/651 doanh nghiệp tổ chức hội nghị người lao động đạt 87,86%");
  });

  it("states targets: đạt 194% chỉ tiêu, chưa đạt chỉ tiêu (đạt 74,6%)", () => {
    const t = template("quarterly-activity");
    const data = loadSample(t.id);
    data.values.dv_ket_nap = 260;
    data.targets = { ...data.targets, tg_dv_ket_nap: { comparator: "gte", value: 134 } };
    expect(bodyText(buildReportDocument(t, data))).toContain(
      "Kết nạp 260 đoàn viên mới, đạt 194% chỉ tiêu"
    );
    data.values.dv_ket_nap = 100;
    expect(bodyText(buildReportDocument(t, data))).toContain(
      "Kết nạp 100 đoàn viên mới, chưa đạt chỉ tiêu (đạt 74,6%)"
    );
  });

  it("states rate targets with their comparator", () => {
    const t = template("annual-plan");
    const data = loadSample(t.id);
    data.values.dn_10_ld_co_cdcs = 90;
    data.values.dn_10_ld_tong = 100;
    const text = bodyText(buildReportDocument(t, data));
    // 90% against "trên 85%".
    expect(text).toMatch(/90\/100 [^.;]*đạt 90%, đạt chỉ tiêu \(trên 85%\)/);
  });

  it("compares with the same period last year", () => {
    const t = template("quarterly-activity");
    const data: ReportData = loadSample(t.id);
    data.baselines = { lastYear: { tt_luot_tham_gia: 49714, qua_tet_ldld_nguoi: 2811 } };
    const text = bodyText(buildReportDocument(t, data));
    expect(text).toContain(
      "55.680 lượt đoàn viên, CNVCLĐ tham gia, tăng 12% so với cùng kỳ năm trước"
    );
    // Two figures in the clause: the comparison names the one it is about.
    expect(text).toContain(
      "với tổng số tiền 1.591.896.000 đồng, số đoàn viên, NLĐ bằng cùng kỳ năm trước"
    );
  });
});

describe("per-unit figures in footnotes (seed 001)", () => {
  const t = template("cluster-emulation");
  const data = loadSample(t.id);
  const doc = buildReportDocument(t, data);

  it("gives the cluster's total in the text and each province in a footnote", () => {
    const para = doc.body.find(
      (b) =>
        b.kind === "paragraph" &&
        runsText(b.runs).startsWith(
          "Thực hiện Chương trình “01 triệu sáng kiến”, các đơn vị trong Cụm có 27.175 sáng kiến đăng ký"
        )
    );
    expect(para).toBeDefined();
    if (para?.kind !== "paragraph") return;
    const mark = para.runs.find((r) => r.kind === "footnote");
    expect(mark).toBeDefined();
    if (mark?.kind !== "footnote") return;
    const note = runsText(doc.footnotes.find((f) => f.id === mark.id)?.runs ?? []);
    expect(note.startsWith("LĐLĐ tỉnh: Lai Châu 2.751/2.300 sáng kiến (đạt 119,6% chỉ tiêu)")).toBe(
      true
    );
    for (const p of ["Cao Bằng", "Lạng Sơn", "Lào Cai", "Điện Biên", "Hà Giang", "Sơn La"]) {
      expect(note).toContain(`; ${p} `);
    }
  });

  it("numbers footnotes 1..n in document order and drops them when the setting is off", () => {
    expect(doc.footnotes.map((f) => f.id)).toEqual(doc.footnotes.map((_, i) => i + 1));
    expect(doc.footnotes.length).toBeGreaterThan(10);
    const off = buildReportDocument(t, data, { settings: settings({ footnotes: false }) });
    expect(off.footnotes).toEqual([]);
    expect(allRuns(off).some((r) => r.kind === "footnote")).toBe(false);
  });

  it("footnotes scalar figures of a consolidated workbook by unit", () => {
    const d = loadSample(t.id);
    d.values.cdcs_giai_the = 9;
    d.units[0].values.cdcs_giai_the = 4;
    d.units[2].values.cdcs_giai_the = 5;
    const built = buildReportDocument(t, d);
    const notes = built.footnotes.map((f) => runsText(f.runs));
    expect(notes).toContain("LĐLĐ tỉnh: Lai Châu 04 CĐCS; Lạng Sơn 05 CĐCS.");
  });

  it("puts per-unit tables in the appendix with a total row", () => {
    expect(doc.appendix?.title).toBe("BIỂU TỔNG HỢP");
    // A sentence: the issuing body as the text writes it, not in the header's capitals ("CỤM THI
    // ĐUA LĐLĐ 7 TỈNH BIÊN GIỚI PHÍA BẮC"); seed 001: "Cụm Thi đua LĐLĐ 7 tỉnh biên giới phía Bắc".
    expect(data.header.issuingBody).toBe("CỤM THI ĐUA LĐLĐ 7 TỈNH BIÊN GIỚI PHÍA BẮC");
    expect(doc.appendix?.subtitle).toBe(
      "(Kèm theo Báo cáo số 733/BC-CTĐ ngày 24/7/2023 của Cụm thi đua LĐLĐ 7 tỉnh biên giới phía Bắc)"
    );
    const table = doc.appendix?.tables.find((x) => x.id === "mot_trieu_sang_kien");
    const last = table?.body[table.body.length - 1];
    expect(runsText(last?.[1]?.runs ?? [])).toBe("Tổng cộng");
    expect(runsText(last?.[2]?.runs ?? [])).toBe("27.175");
  });
});

describe("sources", () => {
  it("every figure of every sample points at a cell holding that figure", () => {
    let checked = 0;
    for (const t of builtInTemplates()) {
      const data = loadSample(t.id);
      const snapshot = planToSnapshot(planWorkbook(t, data));
      const doc = buildReportDocument(t, data, {
        settings: settings({ sources: "appendix" }),
        locate: locateInWorkbook(t, snapshot),
      });
      const figures = expectFiguresFromTheirCells(t, snapshot, doc);
      checked += figures;
      expect(doc.sources?.entries.length).toBe(figures);
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("resolves names through the workbook's defined names", () => {
    expect(parseQualifiedRange("'I. Kết quả'!$C$5")).not.toBeNull();
  });
});

describe("settings", () => {
  it("defaults follow Quyết định 933/QĐ-TLĐ", () => {
    expect(DEFAULT_SETTINGS.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(DEFAULT_SETTINGS.font).toBe("Times New Roman");
    expect(DEFAULT_SETTINGS.bodySize).toBe(14);
  });

  it("rejects values outside the official ranges, naming the setting and range", () => {
    const r = parseDocumentSettings({ margins: { left: 29 }, bodySize: 15, lineSpacing: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(["bodySize", "lineSpacing", "margins.left"]);
    expect(r.issues.find((i) => i.path === "margins.left")?.message).toContain("từ 30 đến 35 mm");
  });

  it("shows a placeholder for an empty section only when asked", () => {
    const t = template("quarterly-activity");
    const plain = buildReportDocument(t, loadSample(t.id));
    expect(allRuns(plain).some((r) => r.kind === "text" && r.text === "[...]")).toBe(false);
    const asked = buildReportDocument(t, loadSample(t.id), {
      settings: settings({ emptySection: "placeholder" }),
    });
    expect(allRuns(asked).some((r) => r.kind === "text" && r.highlight)).toBe(true);
  });
});
