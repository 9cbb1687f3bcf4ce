// The "Tổng hợp" tab's logic apart from React: picking files, the form turned into the core's
// options, the progress line, the result in numbers, the checksum note, and its wording.
import type { ConsolidationResult } from "../../src/core/consolidate";
import type { SourceRecord } from "../../src/core/data/types";
import { STATUS_LABELS } from "../../src/core/layout/sources-sheet";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { en } from "../../src/taskpane/i18n/en";
import { vi } from "../../src/taskpane/i18n/vi";
import { addPickedFiles, consolidatedFileName } from "../../src/taskpane/logic/consolidate-files";
import { CHECKSUM_NOTE, withChecksumNote } from "../../src/taskpane/logic/consolidate-sources";
import {
  EMPTY_FORM,
  defaultUnitsText,
  progressView,
  resolveForm,
  resultSummary,
  sourcesInOrder,
  visibleSheets,
} from "../../src/taskpane/logic/consolidate-view";

const ce = findTemplate("cluster-emulation")!;

describe("picking files", () => {
  const f = (name: string, size = 10, lastModified = 1) => ({ name, size, lastModified });

  test("keeps .xlsx files once, names what it did not add", () => {
    const first = addPickedFiles([], [f("a.xlsx"), f("B.XLSX"), f("c.xls"), f("~$a.xlsx")]);
    expect(first.files.map((x) => x.name)).toEqual(["a.xlsx", "B.XLSX"]);
    expect(first.notXlsx).toEqual(["c.xls"]);
    expect(first.lockFiles).toEqual(["~$a.xlsx"]);
    const again = addPickedFiles(first.files, [f("a.xlsx"), f("a.xlsx", 11), f("d.xlsx")]);
    // Same name, another size: another file (e.g. from another folder), so it is kept.
    expect(again.files.map((x) => [x.name, x.size])).toEqual([
      ["a.xlsx", 10],
      ["B.XLSX", 10],
      ["a.xlsx", 11],
      ["d.xlsx", 10],
    ]);
    expect(again.repeated).toBe(1);
  });

  test("the download name follows the created workbooks' names", () => {
    expect(consolidatedFileName("cluster-emulation", "2023-H1")).toBe(
      "tong-hop-cluster-emulation-2023-H1.xlsx"
    );
    expect(consolidatedFileName("quarterly-activity", null)).toBe(
      "tong-hop-quarterly-activity.xlsx"
    );
  });
});

describe("the form", () => {
  const find = (id: string) => findTemplate(id);

  test("empty: everything automatic", () => {
    expect(resolveForm(EMPTY_FORM, 3, find)).toEqual({ ok: true, choices: { insist: false } });
  });

  test("chosen template, canonical period, expected units, issuer tidied", () => {
    const r = resolveForm(
      {
        template: ce.id,
        period: " 2023-h1 ",
        insist: true,
        unitsText: "- LĐLĐ tỉnh Lai Châu;\n\nLĐLĐ tỉnh Sơn La",
        issuer: "  CỤM   THI ĐUA ",
        deadline: "",
      },
      7,
      find
    );
    expect(r).toEqual({
      ok: true,
      choices: {
        template: ce.id,
        period: "2023-H1",
        insist: true,
        expectedUnits: ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La"],
        issuer: "CỤM THI ĐUA",
      },
    });
  });

  test("says what to fix: no file, a typo in the period, a period the template has not, repeated units", () => {
    const r = resolveForm({ ...EMPTY_FORM, period: "2023-H3", unitsText: "A\na" }, 0, find);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.kind)).toEqual(["noFiles", "period", "units"]);
    const quarter = resolveForm({ ...EMPTY_FORM, template: ce.id, period: "2024-Q1" }, 1, find);
    expect(quarter).toEqual({
      ok: false,
      problems: [{ kind: "periodKind", text: "2024-Q1", template: ce.id, allowed: ce.periodKinds }],
    });
  });

  test("a template's own units prefill the expected list", () => {
    expect(defaultUnitsText(ce).split("\n")).toEqual([...CLUSTER_PROVINCES]);
    expect(defaultUnitsText(findTemplate("annual-plan"))).toBe("");
    expect(defaultUnitsText(undefined)).toBe("");
  });
});

describe("progress", () => {
  test("reading file i of n, then writing", () => {
    expect(progressView({ done: 2, total: 7, file: "C:\\don-vi\\03-Lào Cai.xlsx" }, false)).toEqual(
      {
        value: 2 / 7,
        phase: "reading",
        index: 3,
        total: 7,
        file: "03-Lào Cai.xlsx",
      }
    );
    expect(progressView({ done: 7, total: 7, file: "" }, false).phase).toBe("writing");
    expect(progressView({ done: 3, total: 7, file: "x.xlsx" }, true).phase).toBe("writing");
    expect(vi.consolidate.progress.reading(3, 7, "ten-tep.xlsx")).toBe(
      "Đang đọc 3/7: ten-tep.xlsx"
    );
  });
});

function source(file: string, status: SourceRecord["status"], unit: string | null): SourceRecord {
  return {
    file,
    unit,
    checksum: status === "leftOut" && !unit ? "" : `sum-${file}`,
    readAt: "2024-04-05T09:00:00.000Z",
    template: "cluster-emulation",
    templateVersion: "1.0.0",
    period: "2023-H1",
    status,
    reasons: status === "used" ? [] : ["lý do"],
    errors: status === "used" ? 0 : 2,
    warnings: 0,
  };
}

function result(): ConsolidationResult {
  const sources = [
    source("a.xlsx", "used", "LĐLĐ tỉnh Lai Châu"),
    source("b.xlsx", "forced", "LĐLĐ tỉnh Sơn La"),
    source("c.xlsx", "leftOut", null),
    source("d.xlsx", "used", "CĐ ngành Giáo dục"),
  ];
  return {
    template: null,
    data: {
      template: "cluster-emulation",
      templateVersion: "1.0.0",
      header: {},
      values: {},
      units: [],
      tables: {},
      texts: {},
      consolidation: {
        consolidatedAt: "2024-04-05T09:00:00.000Z",
        sources,
        expectedUnits: ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La", "LĐLĐ tỉnh Hà Giang"],
        receivedUnits: ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La", "CĐ ngành Giáo dục"],
        missingUnits: ["LĐLĐ tỉnh Hà Giang"],
      },
    },
    sources,
    used: sources.filter((s) => s.status !== "leftOut"),
    leftOut: sources.filter((s) => s.status === "leftOut"),
    superseded: [],
    issues: {},
    expected: ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La", "LĐLĐ tỉnh Hà Giang"],
    received: ["LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Sơn La", "CĐ ngành Giáo dục"],
    missing: ["LĐLĐ tỉnh Hà Giang"],
    exitCode: 1,
    messages: [],
    findings: [],
    hierarchy: null,
    consolidations: [],
  };
}

describe("the result", () => {
  test("counts, completeness and the units outside the list", () => {
    expect(resultSummary(result())).toEqual({
      total: 4,
      used: 3,
      forced: 1,
      leftOut: 1,
      superseded: 0,
      expected: 3,
      receivedExpected: 2,
      missing: ["LĐLĐ tỉnh Hà Giang"],
      extra: ["CĐ ngành Giáo dục"],
    });
    expect(vi.consolidate.result.summary(4, 3, 1)).toBe("Đã đọc 4 tệp: dùng 3, loại 1.");
    expect(vi.consolidate.completeness.summary(3, 2)).toBe("Phải nộp 3 đơn vị, đã nhận 2/3.");
  });

  test("left-out files first, then forced, then used, each by name; hidden sheets not listed", () => {
    expect(sourcesInOrder(result().sources).map((s) => s.file)).toEqual([
      "c.xlsx",
      "b.xlsx",
      "a.xlsx",
      "d.xlsx",
    ]);
    expect(visibleSheets(["Thông tin chung", "Nguồn tổng hợp", "_BaoCao"])).toEqual([
      "Thông tin chung",
      "Nguồn tổng hợp",
    ]);
  });

  test("the badges say what the sources sheet says", () => {
    expect(vi.consolidate.sources.status).toEqual(STATUS_LABELS);
    expect(Object.keys(en.consolidate.sources.status).sort()).toEqual(
      Object.keys(STATUS_LABELS).sort()
    );
  });
});

test("the checksum note goes on every source without a checksum, in the data written too", () => {
  const r = result();
  r.sources[0].checksum = "";
  const noted = withChecksumNote(r);
  expect(noted.sources.map((s) => s.reasons.includes(CHECKSUM_NOTE))).toEqual([
    true,
    false,
    true,
    false,
  ]);
  expect(noted.data!.consolidation!.sources[0].reasons).toContain(CHECKSUM_NOTE);
  expect(noted.used[0].reasons).toContain(CHECKSUM_NOTE);
  expect(noted.leftOut[0].reasons).toEqual(["lý do", CHECKSUM_NOTE]);
  // The result it came from is left as it was.
  expect(r.sources[0].reasons).toEqual([]);
});
