import { planWorkbook } from "../../src/core/layout/planner";
import { findTemplate, builtInTemplates } from "../../src/templates";
import { en } from "../../src/taskpane/i18n/en";
import { vi } from "../../src/taskpane/i18n/vi";
import { describeError } from "../../src/taskpane/logic/errors";
import { insertReport } from "../../src/taskpane/logic/insert-report";
import { buildReportData, hasSample, sampleData } from "../../src/taskpane/logic/report-data";
import {
  acceptedPeriods,
  existingTemplateName,
  seedText,
  templateTitle,
} from "../../src/taskpane/logic/template-text";
import { XlsxReadError } from "../../src/adapters/xlsx/read";

const quarterly = findTemplate("quarterly-activity")!;

test("the form's data: period, its trích yếu and the issuing body on the cover", () => {
  const data = buildReportData(quarterly, {
    period: "2024-Q1",
    issuingBody: "  LĐLĐ TỈNH   LAI CHÂU ",
    units: [],
  });
  expect(data.template).toBe("quarterly-activity");
  expect(data.templateVersion).toBe(quarterly.version);
  expect(data.header).toEqual({
    issuingBody: "LĐLĐ TỈNH LAI CHÂU",
    period: "2024-Q1",
    title: "Hoạt động công tác Công đoàn quý I/2024, nhiệm vụ trọng tâm quý II/2024",
  });
  expect(data.units).toEqual([]);
  // The data plans into a workbook.
  expect(planWorkbook(quarterly, data).sheets[0].name).toBe("Thông tin chung");
  expect(
    buildReportData(quarterly, { period: "2024", issuingBody: "", units: [] }).header
  ).not.toHaveProperty("issuingBody");
});

test("units go into the data only for templates with per-unit tables", () => {
  const perUnit = builtInTemplates().find((t) => t.hasPerUnitTables);
  expect(
    buildReportData(quarterly, { period: "2024-Q1", issuingBody: "", units: ["A"] }).units
  ).toEqual([]);
  if (perUnit) {
    const data = buildReportData(perUnit, {
      period: perUnit.periodKinds.includes("half") ? "2024-H1" : "2024",
      issuingBody: "",
      units: ["Lai Châu", "Cao Bằng"],
    });
    expect(data.units.map((u) => u.name)).toEqual(["Lai Châu", "Cao Bằng"]);
  }
});

test("the sample is a fresh copy of the template's sample data", () => {
  expect(hasSample("quarterly-activity")).toBe(true);
  const a = sampleData(quarterly)!;
  a.header.period = "changed";
  expect(sampleData(quarterly)!.header.period).toBe("2024-Q1");
  expect(hasSample("no-such-template")).toBe(false);
});

test("template texts: titles by language, accepted periods, the seed without its internal number", () => {
  expect(templateTitle(quarterly, "vi")).toBe(quarterly.title);
  expect(templateTitle(quarterly, "en")).toBe(quarterly.titleEn);
  expect(templateTitle({ title: "Kế hoạch", titleEn: undefined }, "en")).toBe("Kế hoạch");
  expect(acceptedPeriods(["quarter", "year"], "vi", vi)).toBe(
    "Ghi mã kỳ: 2024-Q1 (quý I/2024); 2024 (năm 2024)."
  );
  expect(acceptedPeriods(["quarter", "term"], "en", en)).toBe(
    "Period codes: 2024-Q1 (Q1 2024); 2023-2028 (2023–2028 term)."
  );
  expect(seedText("seed 002 (Số 62/BC-LĐLĐ, LĐLĐ tỉnh Lai Châu, quý I/2024)")).toBe(
    "Số 62/BC-LĐLĐ, LĐLĐ tỉnh Lai Châu, quý I/2024"
  );
  expect(seedText(undefined)).toBeNull();
  expect(existingTemplateName("quarterly-activity", findTemplate, "en", en)).toBe(
    quarterly.titleEn
  );
  expect(existingTemplateName("made-elsewhere", findTemplate, "vi", vi)).toBe("made-elsewhere");
  expect(existingTemplateName(null, findTemplate, "vi", vi)).toBe(vi.replace.unknownTemplate);
});

test("the insert report lists sheets (not the hidden one), renamed sheets, skipped features, syncs in debug", () => {
  const r = insertReport(
    {
      sheets: ["Thông tin chung", "I. Kết quả (2)", "_BaoCao"],
      renamed: [{ wanted: "I. Kết quả", actual: "I. Kết quả (2)" }],
      skipped: ["dataValidation", "pageLayout", "somethingNew"],
      replaced: { sheets: ["Thông tin chung", "I. Kết quả", "Chỉ tiêu", "_BaoCao"] },
      syncs: 3,
    },
    vi,
    { debug: true, hosted: true }
  );
  expect(r.lines).toEqual([
    'Đã tạo 2 trang: "Thông tin chung", "I. Kết quả (2)".',
    'Trang "I. Kết quả" đã có nên mẫu dùng tên "I. Kết quả (2)".',
    "Mẫu cũ đã được thay: 4 trang cũ đã bị xóa.",
    vi.result.nextHosted,
  ]);
  expect(r.warnings).toEqual([
    vi.result.skipped.dataValidation,
    vi.result.skipped.pageLayout,
    vi.result.skipped.other("somethingNew"),
  ]);
  expect(r.debug).toBe("Gỡ lỗi: 3 lần đồng bộ với Excel (context.sync).");
  expect(
    insertReport({ sheets: [], renamed: [], skipped: [], replaced: null, syncs: 3 }, vi, {
      debug: false,
      hosted: false,
    }).debug
  ).toBeNull();
});

test("a long list of sheets is cut to its first five names", () => {
  const sheets = Array.from({ length: 22 }, (_, i) => `Trang ${i + 1}`);
  const r = insertReport({ sheets, renamed: [], skipped: [], replaced: null, syncs: 2 }, vi, {
    debug: false,
    hosted: true,
  });
  expect(r.lines[0]).toBe(
    'Đã tạo 22 trang: "Trang 1", "Trang 2", "Trang 3", "Trang 4", "Trang 5" và 17 trang khác.'
  );
});

test("errors say what to do: cell edit mode, protection, unreadable files", () => {
  expect(describeError({ code: "InvalidOperationInCellEditMode", message: "x" }, vi)).toEqual({
    advice: vi.errors.cellEditMode,
    detail: null,
  });
  expect(describeError({ code: "AccessDenied", message: "denied" }, vi).advice).toBe(
    vi.errors.protected
  );
  const notXlsx = new XlsxReadError('Tệp "a.txt" không phải sổ tính Excel (.xlsx).');
  expect(describeError(notXlsx, vi)).toEqual({ advice: notXlsx.message, detail: null });
  expect(describeError(new Error("boom"), vi)).toEqual({ advice: vi.errors.retry, detail: "boom" });
  const chunk = Object.assign(new Error("Loading chunk 12 failed."), { name: "ChunkLoadError" });
  expect(describeError(chunk, en).advice).toBe(en.errors.loadChunk);
});
