// The reporting round (issue 11): a unit's corrected resend replaces its first file, the user can
// prefer another, each file has a review state, and each expected unit is on time, late or missing.
import { findTemplate } from "../../../src/templates";
import { consolidate, consolidatedTemplate } from "../../../src/core/consolidate";
import { defaultDeadline, timelinessSummary } from "../../../src/core/consolidate/round";
import { CLUSTER_PROVINCES } from "../../../src/templates";
import { readWorkbook } from "../../../src/core/data/read";
import { builtInTemplateFile } from "../../../src/templates";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import type { ReportData } from "../../../src/core/data/types";
import { returnNote, returnNoteName } from "../../../src/core/consolidate/return-note";
import { screened, snapshotOf, unitData } from "./fixtures";

const qa = findTemplate("quarterly-activity")!;
const AT = "2024-04-12T09:00:00.000Z";
const UNITS = [...CLUSTER_PROVINCES, "LĐLĐ tỉnh Yên Bái", "LĐLĐ tỉnh Tuyên Quang"];

function unit(i: number, opts: { date?: string; seed?: number; file?: string } = {}) {
  const data = unitData(qa, UNITS[i], opts.seed ?? i + 1, "2024-Q1");
  if (opts.date) data.header.date = opts.date;
  return { data, s: screened(qa, data, opts.file ?? `don-vi-${i + 1}.xlsx`) };
}
const total = (ds: ReportData[], id: string) =>
  ds.reduce((a, d) => a + (d.values[id] as number), 0);

describe("corrected resends", () => {
  const originals = [0, 1, 2, 3, 4, 5, 6].map((i) => unit(i, { date: "2024-04-02" }));
  // One name sorts before its original (the acceptance's case), one after ("sua-lan-2-…"): the
  // file name must decide neither.
  const fixes = [
    unit(0, { date: "2024-04-05", seed: 100, file: "0-ban-sua-1.xlsx" }),
    unit(1, { date: "2024-04-05", seed: 101, file: "sua-lan-2-don-vi-2.xlsx" }),
  ];
  const inputs = [...originals.map((u) => u.s), ...fixes.map((u) => u.s)];

  it("uses each unit's newest report; the first files are listed as replaced, exit 0", () => {
    const r = consolidate(inputs, { find: findTemplate, consolidatedAt: AT });
    expect(r.exitCode).toBe(0);
    expect(r.leftOut).toEqual([]);
    const counted = [...fixes.map((u) => u.data), ...originals.slice(2).map((u) => u.data)];
    for (const id of ["tt_so_buoi", "dv_ket_nap", "don_thu_nhan"])
      expect(r.data!.values[id]).toBe(total(counted, id));
    expect(r.superseded.map((s) => [s.file, s.status, s.supersededBy])).toEqual([
      ["don-vi-1.xlsx", "superseded", "0-ban-sua-1.xlsx"],
      ["don-vi-2.xlsx", "superseded", "sua-lan-2-don-vi-2.xlsx"],
    ]);
    const old = r.sources.find((s) => s.file === "don-vi-1.xlsx")!;
    expect(old.reasons[0]).toContain('Thay bằng "0-ban-sua-1.xlsx"');
    expect(old.reasons[0]).toContain("ngày báo cáo 2024-04-05, sau 2024-04-02");
    // The sources sheet keeps it: written and read back, the replaced files are still named.
    const back = readWorkbook(r.template!, snapshotOf(r.template!, r.data!)).data;
    expect(back.consolidation!.sources.filter((s) => s.status === "superseded")).toHaveLength(2);
    expect(back.consolidation).toEqual(r.data!.consolidation);
  });

  it("--prefer switches a unit back to the file the user picks", () => {
    const r = consolidate(inputs, {
      find: findTemplate,
      consolidatedAt: AT,
      prefer: ["don-vi-1.xlsx"],
    });
    const counted = [fixes[1].data, ...originals.filter((_, i) => i !== 1).map((u) => u.data)];
    expect(r.data!.values.tt_so_buoi).toBe(total(counted, "tt_so_buoi"));
    const fix = r.sources.find((s) => s.file === "0-ban-sua-1.xlsx")!;
    expect([fix.status, fix.supersededBy]).toEqual(["superseded", "don-vi-1.xlsx"]);
    expect(fix.reasons[0]).toContain("người dùng chọn");
    expect(r.exitCode).toBe(0);
    // A name the user mistyped is said, not ignored.
    const typo = consolidate(inputs, {
      find: findTemplate,
      consolidatedAt: AT,
      prefer: ["khong-co.xlsx"],
    });
    expect(typo.messages.join("\n")).toContain('Không có tệp "khong-co.xlsx"');
  });

  it("same report date: the workbook's saved time decides, then the file's time", () => {
    const a = unit(0, { date: "2024-04-02", file: "a.xlsx" }).s;
    const b = unit(0, { date: "2024-04-02", seed: 50, file: "b.xlsx" }).s;
    const saved = consolidate(
      [
        { ...a, savedAt: "2024-04-03T10:00:00.000Z", fileTime: "2024-04-09T00:00:00.000Z" },
        { ...b, savedAt: "2024-04-02T10:00:00.000Z", fileTime: "2024-04-10T00:00:00.000Z" },
      ],
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(saved.used.map((s) => s.file)).toEqual(["a.xlsx"]);
    expect(saved.superseded[0].reasons[0]).toContain("lưu lúc 2024-04-03T10:00:00.000Z");
    const byFileTime = consolidate(
      [
        { ...a, fileTime: "2024-04-09T00:00:00.000Z" },
        { ...b, fileTime: "2024-04-10T00:00:00.000Z" },
      ],
      { find: findTemplate, consolidatedAt: AT }
    );
    expect(byFileTime.used.map((s) => s.file)).toEqual(["b.xlsx"]);
  });

  it("an identical copy stays a bản trùng; a newer file with errors is left out and said", () => {
    const a = unit(0, { date: "2024-04-02" }).s;
    const copy = { ...a, file: "ban-sao.xlsx" };
    const r = consolidate([a, copy], { find: findTemplate, consolidatedAt: AT });
    expect(r.superseded.map((s) => s.status)).toEqual(["duplicate"]);
    expect(r.exitCode).toBe(0);
    const bad = unitData(qa, UNITS[0], 9, "2024-Q1");
    bad.header.date = "2024-04-08";
    bad.values.tt_so_buoi = "nhiều";
    const newer = screened(qa, bad, "gui-lai.xlsx");
    const withBad = consolidate([a, newer], { find: findTemplate, consolidatedAt: AT });
    expect(withBad.exitCode).toBe(1);
    expect(withBad.used[0].reasons.join(" ")).toContain(
      'tệp mới hơn nhưng bị loại ("gui-lai.xlsx")'
    );
  });
});

describe("review states", () => {
  const clean = unit(0, { date: "2024-04-02" }).s;
  const bad = unitData(qa, UNITS[1], 5, "2024-Q1");
  bad.values.tt_so_buoi = "nhiều";
  const faulty = screened(qa, bad, "loi.xlsx");

  it("đã nhận, cần sửa (with every error at its cell), đã duyệt only when the user approves", () => {
    const r = consolidate([clean, faulty], {
      find: findTemplate,
      consolidatedAt: AT,
      insist: true,
    });
    const state = (f: string) => r.sources.find((s) => s.file === f)!.review;
    expect([state("don-vi-1.xlsx"), state("loi.xlsx")]).toEqual(["received", "needsFix"]);
    expect(r.issues["loi.xlsx"].filter((x) => x.severity === "error").length).toBe(faulty.errors);
    expect(r.issues["loi.xlsx"].every((x) => x.sheet && x.cell)).toBe(true);

    const at = "2024-04-12T10:30:00.000Z";
    const ok = consolidate([clean, faulty], {
      find: findTemplate,
      consolidatedAt: AT,
      insist: true,
      approvals: [
        { file: "/thu-muc/don-vi-1.xlsx", at, checksum: clean.checksum },
        { file: "loi.xlsx", at },
      ],
    });
    const approved = ok.sources.find((s) => s.file === "don-vi-1.xlsx")!;
    expect([approved.review, approved.approvedAt]).toEqual(["approved", at]);
    expect(ok.sources.find((s) => s.file === "loi.xlsx")!.review).toBe("needsFix");
    expect(ok.messages.join("\n")).toContain('Chưa duyệt được tệp "loi.xlsx": tệp còn');
    // Approval is of the bytes approved: another file under that name is not approved.
    const changed = consolidate([clean], {
      find: findTemplate,
      consolidatedAt: AT,
      approvals: [{ file: "don-vi-1.xlsx", at, checksum: "khac" }],
    });
    expect(changed.sources[0].review).toBe("received");
  });

  it("the states survive writing and reading the consolidated workbook", () => {
    const r = consolidate([clean, faulty], {
      find: findTemplate,
      consolidatedAt: AT,
      insist: true,
      approvals: [{ file: "don-vi-1.xlsx", at: "2024-04-12T10:30:00.000Z" }],
    });
    const back = readWorkbook(r.template!, snapshotOf(r.template!, r.data!)).data;
    expect(back.consolidation!.sources.map((s) => [s.file, s.review, s.approvedAt])).toEqual([
      ["don-vi-1.xlsx", "approved", "2024-04-12T10:30:00.000Z"],
      ["loi.xlsx", "needsFix", undefined],
    ]);
  });
});

describe("deadlines", () => {
  // 9 expected: 5 on time (one on the day itself), 2 late, 2 missing.
  const dates = ["2024-04-01", "2024-04-05", "2024-04-10", "2024-04-09", "2024-04-02"];
  const sent = [
    ...dates.map((date, i) => unit(i, { date }).s),
    unit(5, { date: "2024-04-11" }).s,
    unit(6, { date: "2024-04-15" }).s,
  ];
  const r = consolidate(sent, {
    find: findTemplate,
    consolidatedAt: AT,
    expectedUnits: UNITS,
    deadline: "2024-04-10",
  });
  const c = r.data!.consolidation!;

  it("shows each expected unit as on time, late N days, or missing", () => {
    expect(c.deadline).toBe("2024-04-10");
    expect(c.timeliness!.map((t) => [t.state, t.daysLate ?? null])).toEqual([
      ["onTime", null],
      ["onTime", null],
      ["onTime", null],
      ["onTime", null],
      ["onTime", null],
      ["late", 1],
      ["late", 5],
      ["missing", null],
      ["missing", null],
    ]);
    const summary = timelinessSummary(c.timeliness!, c.deadline!);
    expect(summary).toContain("5/9 đơn vị báo cáo đúng hạn (hạn nộp 10/4/2024)");
    expect(summary).toContain("Muộn (2): LĐLĐ tỉnh Hà Giang (1 ngày); LĐLĐ tỉnh Sơn La (5 ngày)");
    expect(summary).toContain("Chưa nộp (2): LĐLĐ tỉnh Yên Bái; LĐLĐ tỉnh Tuyên Quang");
  });

  it("survives the workbook; a file without a report date is judged by its saved day (Vietnam)", () => {
    const back = readWorkbook(r.template!, snapshotOf(r.template!, r.data!)).data;
    expect(back.consolidation).toEqual(c);
    const undated = unit(0).s;
    const late = consolidate(
      [{ ...undated, reportDate: null, savedAt: "2024-04-10T18:00:00.000Z" }],
      { find: findTemplate, consolidatedAt: AT, deadline: "2024-04-10" }
    );
    // 18:00 UTC on the 10th is 01:00 on the 11th in Vietnam.
    expect(late.data!.consolidation!.timeliness![0]).toMatchObject({
      state: "late",
      reportDate: "2024-04-11",
      daysLate: 1,
    });
  });

  it("a template may set the deadline as days after the period's end", () => {
    const withRule = loadTemplateFile({
      ...builtInTemplateFile("quarterly-activity"),
      units: { dueDays: 10 },
    });
    expect(defaultDeadline(withRule, "2024-Q1")).toBe("2024-04-10");
    expect(defaultDeadline(withRule, "2024-Q4")).toBe("2025-01-10");
    expect(defaultDeadline(consolidatedTemplate(qa), "2024-Q1")).toBeNull();
  });
});

describe("return notes", () => {
  const bad = unitData(qa, UNITS[1], 5, "2024-Q1");
  bad.values.tt_so_buoi = "nhiều";
  bad.values.dv_ket_nap = -5;
  const r = consolidate([screened(qa, bad, "loi.xlsx")], {
    find: findTemplate,
    consolidatedAt: AT,
  });
  const issues = r.issues["loi.xlsx"];

  it("lists every error and warning at its cell, errors first, in the note and its text", () => {
    const note = returnNote(qa, r.sources[0], issues, {
      issuer: "LĐLĐ tỉnh Lai Châu",
      date: "2024-04-12",
      resendBy: "2024-04-20",
    })!;
    expect(note.errors).toBe(2);
    const table = note.document.body.find((b) => b.kind === "table")!;
    expect(table.kind === "table" && table.body.length).toBe(issues.length);
    const lines = note.text.split("\n").filter((l) => /^\d+\. \[/.test(l));
    expect(lines).toHaveLength(issues.length);
    expect(lines.slice(0, 2).every((l) => l.includes("[Lỗi]"))).toBe(true);
    for (const i of issues) expect(note.text).toContain(`ô ${i.cell}: ${i.message}`);
    expect(note.text).toContain("trước ngày 20/4/2024");
    expect(note.document.header.issuingBody).toBe("LĐLĐ TỈNH LAI CHÂU");
    expect(returnNoteName(note.unit)).toBe("tra-lai-ldld-tinh-cao-bang");
  });

  it("without a sender, the text leaves out the blanks the Word note keeps", () => {
    const note = returnNote(qa, r.sources[0], issues, { date: "2024-04-12" })!;
    expect(note.text).not.toContain("……");
    expect(note.document.header.issuingBody).toBe("……");
    expect(returnNote(qa, r.sources[0], [], { date: "2024-04-12" })).toBeNull();
  });
});
