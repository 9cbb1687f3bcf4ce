// "Tổng hợp" behind the WorkbookSession interface: 7 province workbooks of the cluster report, a
// duplicate and a file of another template, consolidated by the Office session into the in-memory
// Excel host (the user's sheets kept, syncs bounded, a stop writes nothing) and by the preview
// session into the viewer's workbook; the figures are the ones `baocao consolidate` gives.
import * as crypto from "node:crypto";
import { createExcelHost, installGlobals } from "../excel-host";
import { consolidateFiles } from "../../src/adapters/xlsx/consolidate";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { templateForMeta, type ConsolidationResult } from "../../src/core/consolidate";
import { readMeta, readWorkbook } from "../../src/core/data/read";
import type { WorkbookSnapshot } from "../../src/core/data/snapshot";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { CHECKSUM_NOTE } from "../../src/taskpane/logic/consolidate-sources";
import {
  OfficeSession,
  PreviewSession,
  type ConsolidateProgress,
} from "../../src/taskpane/session";
import { consolidatePickedFiles } from "../../src/taskpane/session/consolidate-tools";
import { exceljs, unitData, xlsxOf } from "../core/consolidate/fixtures";

const ce = findTemplate("cluster-emulation")!;
const qa = findTemplate("quarterly-activity")!;
const SOURCES = "Nguồn tổng hợp";

let files: File[];

beforeAll(async () => {
  const provinces = await Promise.all(
    CLUSTER_PROVINCES.map(async (unit, i) => ({
      name: `${String(i + 1).padStart(2, "0")}-${unit}.xlsx`,
      bytes: await xlsxOf(ce, unitData(ce, unit, i + 21)),
    }))
  );
  const other = await xlsxOf(qa, unitData(qa, "LĐLĐ tỉnh Lai Châu", 5, "2024-Q1"));
  files = [
    ...provinces.map((p) => new File([p.bytes as BlobPart], p.name)),
    // The same workbook sent twice, under another name.
    new File([provinces[2].bytes as BlobPart], "08-gui-lai.xlsx"),
    new File([other as BlobPart], "09-bao-cao-quy.xlsx"),
  ];
});

/** What `baocao consolidate` makes of the same files (Node's SHA-256, no pane involved). */
async function cliResult(): Promise<ConsolidationResult> {
  return consolidateFiles(
    files.map((f) => ({
      name: f.name,
      read: async () => new Uint8Array(await f.arrayBuffer()),
      // As the pane passes it: the browser's File time ranks a unit's identical or resent files.
      fileTime: new Date(f.lastModified).toISOString(),
    })),
    {
      exceljs,
      find: findTemplate,
      sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
    }
  );
}

function readBack(snapshot: WorkbookSnapshot) {
  const meta = readMeta(snapshot)!;
  expect(meta).toMatchObject({ templateId: ce.id, consolidated: true });
  return readWorkbook(templateForMeta(ce, meta), snapshot).data;
}

describe("OfficeSession.consolidate", () => {
  test("inserts the consolidation beside the user's sheets, with the sources sheet, in few syncs", async () => {
    const { host, Office } = createExcelHost({ profile: "1.7" });
    // The user already has a sheet named like the sources sheet: it must be left alone.
    host.addSheet(SOURCES);
    host.setValues(SOURCES, "A1", [["ghi chú của tôi"]]);
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession((v) =>
        Office.context.requirements.isSetSupported("ExcelApi", v)
      );
      const progress: ConsolidateProgress[] = [];
      let writing = 0;
      const before = host.syncCount;
      const outcome = await session.consolidate(
        files,
        {},
        { onProgress: (p) => progress.push(p), onWriting: () => writing++ }
      );
      const syncs = host.syncCount - before;
      if (outcome.status !== "written") throw new Error(outcome.status);

      // Progress before each file, then once at the end.
      expect(progress.map((p) => p.done)).toEqual([...files.keys(), files.length].map(Number));
      expect(progress[3]).toEqual({ done: 3, total: 9, file: files[3].name });
      expect(writing).toBe(1);

      const r = outcome.result;
      expect(r.exitCode).toBe(1);
      expect(r.used.map((s) => s.file)).toHaveLength(7);
      expect(Object.fromEntries(r.leftOut.map((s) => [s.file, s.reasons.join(" ")]))).toEqual({
        "09-bao-cao-quy.xlsx": expect.stringContaining(`không phải mẫu "${ce.title}"`),
      });
      // The identical copy is a "bản trùng" of the third province's file, whichever is kept.
      expect(r.superseded.map((s) => [s.status, s.reasons.join(" ")])).toEqual([
        ["duplicate", expect.stringContaining("giống hệt tệp")],
      ]);
      expect(r.missing).toEqual([]);

      // Every sheet of the plan, the sources sheet renamed around the user's one.
      expect(outcome.insert.renamed).toEqual([{ wanted: SOURCES, actual: `${SOURCES} (2)` }]);
      expect(host.sheetNames()).toEqual(expect.arrayContaining(outcome.insert.sheets));
      expect(outcome.insert.sheets).toContain(`${SOURCES} (2)`);
      expect(host.sheet(SOURCES).cell("A1").value).toBe("ghi chú của tôi");
      // 1 sync to look at the workbook + the writing batches (5 MB each); measured: 2 in all.
      expect(outcome.insert.syncs).toBe(syncs);
      expect(syncs).toBeLessThanOrEqual(3);

      // The workbook reads back to the figures the CLI computes from the same files.
      const data = readBack((await session.readWorkbook())!);
      const cli = await cliResult();
      expect(data.values).toEqual(cli.data!.values);
      expect(data.units.map((u) => u.name)).toEqual(cli.data!.units.map((u) => u.name));
      expect(data.consolidation?.sources.map((s) => [s.file, s.status, s.checksum])).toEqual(
        cli.sources.map((s) => [s.file, s.status, s.checksum])
      );
    } finally {
      undo();
    }
  });

  test("a stopped run writes nothing and makes no round trip to Excel", async () => {
    const { host } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    try {
      const before = JSON.stringify(host.toSnapshot());
      const session = new OfficeSession(() => true);
      const controller = new AbortController();
      const seen: number[] = [];
      const outcome = await session.consolidate(
        files,
        {},
        {
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p.done);
            if (p.done === 2) controller.abort();
          },
        }
      );
      expect(outcome).toEqual({ status: "cancelled" });
      // Stopped before the third file was read.
      expect(seen).toEqual([0, 1, 2]);
      expect(host.syncCount).toBe(0);
      expect(JSON.stringify(host.toSnapshot())).toBe(before);
    } finally {
      undo();
    }
  });

  test("nothing usable (every file of another template than the one asked): nothing written", async () => {
    const { host } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession(() => true);
      const outcome = await session.consolidate(files.slice(8), { template: ce.id });
      if (outcome.status !== "nothingUsable") throw new Error(outcome.status);
      expect(outcome.result.exitCode).toBe(2);
      expect(outcome.result.leftOut[0].reasons[0]).toContain(qa.title);
      expect(host.syncCount).toBe(0);
    } finally {
      undo();
    }
  });

  test("declining to replace the workbook's BáoCáo template writes nothing", async () => {
    const { host } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    try {
      const session = new OfficeSession(() => true);
      await session.consolidate(files.slice(0, 2), {});
      const before = JSON.stringify(host.toSnapshot());
      const asked: string[][] = [];
      const outcome = await session.consolidate(
        files.slice(0, 3),
        {},
        { confirmReplace: async (e) => (asked.push(e.sheets), false) }
      );
      expect(outcome.status).toBe("notReplaced");
      // The existing consolidation's own sheets, sources sheet included, were the ones offered.
      expect(asked[0]).toEqual(expect.arrayContaining([SOURCES, "_BaoCao"]));
      expect(JSON.stringify(host.toSnapshot())).toBe(before);
    } finally {
      undo();
    }
  });
});

describe("OfficeSession.consolidate into a workbook that holds a template: Mở sổ mới", () => {
  test("opens the consolidation in a new workbook and leaves the open one unchanged", async () => {
    const { host, Excel } = createExcelHost({ profile: "latest" });
    const undo = installGlobals(host);
    // The in-memory host has one workbook: Excel.createWorkbook is recorded, as Excel would open it.
    const opened: string[] = [];
    const excel = Excel as unknown as { createWorkbook?: (b64?: string) => Promise<void> };
    excel.createWorkbook = async (b64?: string) => void opened.push(b64 ?? "");
    try {
      const session = new OfficeSession(() => true);
      expect(session.canOpenNewWorkbook).toBe(true);
      await session.consolidate(files.slice(0, 2), {});
      const before = JSON.stringify(host.toSnapshot());
      const outcome = await session.consolidate(
        files.slice(0, 3),
        { issuer: "CỤM THI ĐUA SỐ 1" },
        { confirmReplace: async () => "newWorkbook" }
      );
      if (outcome.status !== "written") throw new Error(outcome.status);
      expect(outcome.newWorkbook).toBe(true);
      expect(JSON.stringify(host.toSnapshot())).toBe(before);
      // The new workbook is the consolidation of the three files, as the CLI reads it.
      expect(opened).toHaveLength(1);
      const bytes = new Uint8Array(Buffer.from(opened[0], "base64"));
      const snapshot = await readXlsx(exceljs, bytes, "new.xlsx");
      expect(snapshot.sheets.map((x) => x.name)).toEqual(outcome.insert.sheets);
      const data = readBack(snapshot);
      expect(data.header.issuingBody).toBe("CỤM THI ĐUA SỐ 1");
      expect(data.units.map((u) => u.name)).toHaveLength(3);
    } finally {
      undo();
    }
  });

  test("Excel 2019 (ExcelApi 1.7) cannot open a workbook from the pane: not offered", () => {
    const session = new OfficeSession((v) => v === "1.7");
    expect(session.canOpenNewWorkbook).toBe(false);
  });
});

describe("PreviewSession.consolidate", () => {
  test("the consolidated workbook becomes the viewer's, named tong-hop-<mẫu>-<kỳ>.xlsx", async () => {
    const session = new PreviewSession();
    const outcome = await session.consolidate(files, { issuer: "CỤM THI ĐUA SỐ 1" });
    if (outcome.status !== "written") throw new Error(outcome.status);
    expect(outcome.fileName).toBe("tong-hop-cluster-emulation-2023-H1.xlsx");
    const wb = session.store.get().workbook!;
    expect(wb.fileName).toBe(outcome.fileName);
    expect(wb.snapshot.sheets.map((s) => s.name)).toContain(SOURCES);
    expect(outcome.insert.sheets).toEqual(wb.snapshot.sheets.map((s) => s.name));
    // What "Tải xuống" saves reads back to the same data.
    const opened = await readXlsx(exceljs, wb.bytes, wb.fileName);
    const data = readBack(opened);
    expect(data.header.issuingBody).toBe("CỤM THI ĐUA SỐ 1");
    const cli = await cliResult();
    expect(data.values).toEqual(cli.data!.values);
  });

  test("a stop leaves the viewer's workbook as it was", async () => {
    const session = new PreviewSession();
    const controller = new AbortController();
    controller.abort();
    expect(await session.consolidate(files, {}, { signal: controller.signal })).toEqual({
      status: "cancelled",
    });
    expect(session.store.get().workbook).toBeNull();
  });
});

test("without crypto.subtle (a plain http page) every source says why it has no checksum", async () => {
  const r = await consolidatePickedFiles(files.slice(0, 3), {}, {}, null);
  expect(r.exitCode).toBe(0);
  for (const s of [...r.sources, ...r.data!.consolidation!.sources]) {
    expect(s.checksum).toBe("");
    expect(s.reasons).toContain(CHECKSUM_NOTE);
  }
  // With it, the checksum is SHA-256 of the bytes, as the CLI computes it.
  const withSubtle = await consolidatePickedFiles(files.slice(0, 1), {});
  const bytes = new Uint8Array(await files[0].arrayBuffer());
  expect(withSubtle.sources[0].checksum).toBe(
    crypto.createHash("sha256").update(bytes).digest("hex")
  );
  expect(withSubtle.sources[0].reasons).not.toContain(CHECKSUM_NOTE);
});
