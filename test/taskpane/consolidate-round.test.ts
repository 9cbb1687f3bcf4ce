// The reporting round in the pane's pipeline (issue 11): the picked files' saved time (from
// docProps/core.xml) and the browser's File time rank a unit's resends; the choices the tab makes
// ("Dùng tệp này", "Duyệt", "Hạn nộp") reach the core and come back on the sources sheet of the
// workbook the viewer shows; and the tab's helpers keep one preferred file per unit.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { templateForMeta } from "../../src/core/consolidate";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import type { SourceRecord } from "../../src/core/data/types";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import {
  EMPTY_FORM,
  approveFile,
  canApprove,
  canReturn,
  preferFile,
  resolveForm,
} from "../../src/taskpane/logic/consolidate-view";
import { PreviewSession } from "../../src/taskpane/session";
import { consolidatePickedFiles } from "../../src/taskpane/session/consolidate-tools";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";

const ce = findTemplate("cluster-emulation")!;

/** The workbook with its saved time (docProps/core.xml dcterms:modified) set to `at`. */
function savedAt(bytes: Uint8Array, at: string): Uint8Array {
  const parts = unzipSync(bytes);
  const core = strFromU8(parts["docProps/core.xml"]);
  expect(core).toMatch(/<dcterms:modified[^>]*>[^<]+<\/dcterms:modified>/);
  parts["docProps/core.xml"] = strToU8(
    core.replace(/(<dcterms:modified[^>]*>)[^<]+(<\/dcterms:modified>)/, `$1${at}$2`)
  );
  return zipSync(parts);
}

let files: File[];
const at = (iso: string) => Date.parse(iso);

beforeAll(async () => {
  const provinces = await Promise.all(
    CLUSTER_PROVINCES.slice(0, 3).map(async (unit, i) => {
      const d = unitData(ce, unit, i + 31);
      return savedAt(await xlsxOf(ce, d), "2023-07-05T03:00:00Z");
    })
  );
  // Lai Châu's correction: same header date, saved two days later, named to sort first.
  const fix = savedAt(
    await xlsxOf(ce, unitData(ce, CLUSTER_PROVINCES[0], 99)),
    "2023-07-07T03:00:00Z"
  );
  files = [
    ...provinces.map(
      (b, i) =>
        new File([b as BlobPart], `don-vi-${i + 1}.xlsx`, {
          // The older file has the newer time on disk: the saved time must win over it.
          lastModified: at("2023-07-09T00:00:00Z"),
        })
    ),
    new File([fix as BlobPart], "0-ban-sua.xlsx", { lastModified: at("2023-07-08T00:00:00Z") }),
  ];
});

test("the workbook's saved time picks the corrected file, before the File's time", async () => {
  const r = await consolidatePickedFiles(files, {});
  expect(r.exitCode).toBe(0);
  expect(r.used.map((s) => s.file).sort()).toEqual([
    "0-ban-sua.xlsx",
    "don-vi-2.xlsx",
    "don-vi-3.xlsx",
  ]);
  const old = r.sources.find((s) => s.file === "don-vi-1.xlsx")!;
  expect([old.status, old.supersededBy, old.savedAt]).toEqual([
    "superseded",
    "0-ban-sua.xlsx",
    "2023-07-05T03:00:00.000Z",
  ]);
  expect(old.fileTime).toBe("2023-07-09T00:00:00.000Z");
});

test("the viewer's workbook keeps the choice, the approval and the deadline on its sources sheet", async () => {
  const session = new PreviewSession();
  const first = await consolidatePickedFiles(files, {});
  const approved = first.sources.find((s) => s.file === "don-vi-2.xlsx")!;
  const outcome = await session.consolidate(files, {
    prefer: ["don-vi-1.xlsx"],
    approvals: approveFile([], approved, "2023-07-10T02:00:00.000Z"),
    deadline: "2023-07-15",
  });
  if (outcome.status !== "written") throw new Error(outcome.status);
  const wb = session.store.get().workbook!;
  const snapshot = await readXlsx(exceljs, wb.bytes, wb.fileName);
  const c = readWorkbook(templateForMeta(ce, readMeta(snapshot)!), snapshot).data.consolidation!;
  const row = (f: string) => c.sources.find((s) => s.file === f)!;
  expect([row("0-ban-sua.xlsx").status, row("0-ban-sua.xlsx").supersededBy]).toEqual([
    "superseded",
    "don-vi-1.xlsx",
  ]);
  expect([row("don-vi-2.xlsx").review, row("don-vi-2.xlsx").approvedAt]).toEqual([
    "approved",
    "2023-07-10T02:00:00.000Z",
  ]);
  expect(row("don-vi-3.xlsx").review).toBe("received");
  expect(c.deadline).toBe("2023-07-15");
  expect(c.timeliness!.filter((x) => x.state === "missing")).toHaveLength(
    CLUSTER_PROVINCES.length - 3
  );
});

describe("the tab's helpers", () => {
  const src = (file: string, unit: string, extra: Partial<SourceRecord> = {}): SourceRecord => ({
    file,
    unit,
    checksum: `${file}-sum`,
    readAt: "",
    template: ce.id,
    templateVersion: ce.version,
    period: "2023-H1",
    status: "used",
    reasons: [],
    errors: 0,
    warnings: 0,
    review: "received",
    ...extra,
  });
  const sources = [src("a1.xlsx", "A"), src("a2.xlsx", "A"), src("b1.xlsx", "B")];

  test("one preferred file per unit; approvals are tied to the bytes approved", () => {
    expect(preferFile(["a1.xlsx", "b1.xlsx"], sources, "a2.xlsx")).toEqual(["b1.xlsx", "a2.xlsx"]);
    expect(approveFile([{ file: "a1.xlsx", at: "x" }], sources[0], "y")).toEqual([
      { file: "a1.xlsx", at: "y", checksum: "a1.xlsx-sum" },
    ]);
  });

  test("Trả lại for a counted file to fix, Duyệt for a clean used one", () => {
    expect(canReturn(src("x", "A", { review: "needsFix", status: "leftOut" }))).toBe(true);
    expect(canReturn(src("x", "A", { review: "needsFix", status: "superseded" }))).toBe(false);
    expect(canApprove(src("x", "A"))).toBe(true);
    expect(canApprove(src("x", "A", { review: "approved" }))).toBe(false);
    expect(canApprove(src("x", "A", { status: "superseded" }))).toBe(false);
  });

  test("the deadline field: a date goes to the core, anything else is a problem", () => {
    const ok = resolveForm({ ...EMPTY_FORM, deadline: "2024-04-10" }, 1, findTemplate);
    expect(ok).toEqual({ ok: true, choices: { insist: false, deadline: "2024-04-10" } });
    const bad = resolveForm({ ...EMPTY_FORM, deadline: "2024-02-30" }, 1, findTemplate);
    expect(bad).toEqual({ ok: false, problems: [{ kind: "deadline", text: "2024-02-30" }] });
  });
});
