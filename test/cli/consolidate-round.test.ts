// Issue 11's acceptance from the command line: corrected resends replace the first files (and
// --prefer switches back), deadlines give đúng hạn / muộn N ngày / chưa nộp (text and --json),
// and `baocao review` writes return notes that LibreOffice opens, listing every error at its cell.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import type { ReportData } from "../../src/core/data/types";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { convertWithLibreOffice, pdfText } from "../support/office-tools";
import { cli } from "./run";

const qa = findTemplate("quarterly-activity")!;
const UNITS = [...CLUSTER_PROVINCES, "LĐLĐ tỉnh Yên Bái", "LĐLĐ tỉnh Tuyên Quang"];
let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

async function write(name: string, data: ReportData): Promise<void> {
  fs.mkdirSync(path.dirname(file(name)), { recursive: true });
  fs.writeFileSync(file(name), await xlsxOf(qa, data));
}
function data(i: number, date: string, seed = i + 1): ReportData {
  const d = unitData(qa, UNITS[i], seed, "2024-Q1");
  d.header.date = date;
  return d;
}
const sum = (ds: ReportData[], id: string) => ds.reduce((a, d) => a + (d.values[id] as number), 0);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-round-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("corrected resends", () => {
  const originals = [0, 1, 2, 3, 4, 5, 6].map((i) => data(i, "2024-04-02"));
  const fixes = [0, 1].map((i) => data(i, "2024-04-06", 200 + i));

  it("7 units + 2 corrected resends: totals are the corrected files', whatever their names", async () => {
    for (const [i, d] of originals.entries()) await write(`gui/don-vi-${i + 1}.xlsx`, d);
    // The first correction's name sorts before its original's (the acceptance's case), the second
    // one's after: neither the old rule (first by name) nor its reverse gives the right totals.
    await write("gui/0-ban-sua-don-vi-1.xlsx", fixes[0]);
    await write("gui/sua-lan-2-don-vi-2.xlsx", fixes[1]);
    const r = await cli("consolidate", file("gui"), "-o", file("th.xlsx"), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.superseded).toEqual([
      expect.objectContaining({
        file: file("gui", "don-vi-1.xlsx"),
        supersededBy: file("gui", "0-ban-sua-don-vi-1.xlsx"),
        status: "superseded",
      }),
      expect.objectContaining({
        file: file("gui", "don-vi-2.xlsx"),
        supersededBy: file("gui", "sua-lan-2-don-vi-2.xlsx"),
      }),
    ]);
    expect(r.stderr).toContain("[Đã thay bằng tệp khác]");
    // The command line, not the core, says how to pick the replaced file instead.
    expect(r.stderr).toContain(`Muốn dùng tệp này: --prefer "${file("gui", "don-vi-1.xlsx")}".`);
    const dump = JSON.parse((await cli("dump", file("th.xlsx"))).stdout);
    const counted = [...fixes, ...originals.slice(2)];
    for (const id of ["tt_so_buoi", "dv_ket_nap", "don_thu_nhan"])
      expect(dump.values[id]).toBe(sum(counted, id));
    // The sources sheet of the written workbook names the replaced files and their replacement.
    const replaced = dump.consolidation.sources.filter(
      (s: { status: string }) => s.status === "superseded"
    );
    expect(replaced.map((s: { reasons: string[] }) => s.reasons.join(" "))).toEqual([
      expect.stringContaining(`Thay bằng "${file("gui", "0-ban-sua-don-vi-1.xlsx")}"`),
      expect.stringContaining(`Thay bằng "${file("gui", "sua-lan-2-don-vi-2.xlsx")}"`),
    ]);
  });

  it("--prefer switches a unit back to the file named", async () => {
    const r = await cli(
      "consolidate",
      file("gui"),
      "-o",
      file("th-prefer.xlsx"),
      "--prefer",
      "don-vi-1.xlsx",
      "--prefer",
      file("gui", "don-vi-2.xlsx")
    );
    expect(r.code).toBe(0);
    const dump = JSON.parse((await cli("dump", file("th-prefer.xlsx"))).stdout);
    expect(dump.values.tt_so_buoi).toBe(sum(originals, "tt_so_buoi"));
  });
});

describe("approvals", () => {
  it("--approve records the time on the sources sheet; --keep-approvals carries it while the file is unchanged", async () => {
    const approved = file("gui", "don-vi-3.xlsx");
    const r = await cli(
      "consolidate",
      file("gui"),
      "-o",
      file("duyet.xlsx"),
      "--approve",
      "don-vi-3.xlsx"
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${approved} — ${UNITS[2]} (Đã duyệt)`);
    const first = JSON.parse((await cli("dump", file("duyet.xlsx"))).stdout).consolidation.sources;
    const at = first.find((s: { file: string }) => s.file === approved).approvedAt;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const again = await cli(
      "consolidate",
      file("gui"),
      "-o",
      file("duyet-2.xlsx"),
      "--keep-approvals",
      file("duyet.xlsx")
    );
    expect(again.code).toBe(0);
    const kept = JSON.parse((await cli("dump", file("duyet-2.xlsx"))).stdout).consolidation.sources;
    expect(kept.find((s: { file: string }) => s.file === approved)).toMatchObject({
      review: "approved",
      approvedAt: at,
    });

    // The unit sends the file again with other figures: the approval was of the old bytes.
    await write("gui/don-vi-3.xlsx", data(2, "2024-04-02", 333));
    const changed = await cli(
      "consolidate",
      file("gui"),
      "-o",
      file("duyet-3.xlsx"),
      "--keep-approvals",
      file("duyet.xlsx"),
      "--json"
    );
    const review = JSON.parse(changed.stdout).sources.find(
      (s: { file: string }) => s.file === approved
    ).review;
    expect(review).toBe("received");
  });
});

describe("deadlines", () => {
  it("9 expected units: 5 on time, 2 late, 2 missing — in the text and in --json", async () => {
    const dates = ["2024-04-01", "2024-04-05", "2024-04-10", "2024-04-09", "2024-04-02"];
    for (const [i, d] of dates.entries()) await write(`han/u${i + 1}.xlsx`, data(i, d));
    await write("han/u6.xlsx", data(5, "2024-04-11"));
    await write("han/u7.xlsx", data(6, "2024-04-17"));
    fs.writeFileSync(file("phai-nop.txt"), UNITS.join("\n"));
    const args = ["consolidate", file("han"), "--expected", file("phai-nop.txt")];
    const r = await cli(...args, "-o", file("han.xlsx"), "--deadline", "2024-04-10", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("5/9 đơn vị báo cáo đúng hạn (hạn nộp 10/4/2024)");
    // The missing units are named once, by the completeness line.
    expect(r.stderr.match(/Chưa nộp \(2\)/g)).toHaveLength(1);
    expect(r.stderr).toContain("[Muộn 1 ngày] LĐLĐ tỉnh Hà Giang — ngày 2024-04-11");
    expect(r.stderr).toContain("[Muộn 7 ngày] LĐLĐ tỉnh Sơn La");
    expect(r.stderr).toContain("[Chưa nộp] LĐLĐ tỉnh Yên Bái");
    expect(r.stderr).toContain("[Đúng hạn] LĐLĐ tỉnh Lào Cai — ngày 2024-04-09");
    const out = JSON.parse(r.stdout);
    expect(out.deadline).toBe("2024-04-10");
    const count = (s: string) =>
      out.timeliness.filter((t: { state: string }) => t.state === s).length;
    expect([count("onTime"), count("late"), count("missing")]).toEqual([5, 2, 2]);

    const bad = await cli(...args, "-o", file("x.xlsx"), "--deadline", "10/4/2024");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Ghi --deadline dạng YYYY-MM-DD");
    expect(fs.existsSync(file("x.xlsx"))).toBe(false);
  });
});

describe("baocao review", () => {
  it("2 files with errors → 2 return notes that LibreOffice opens, each error at its cell", async () => {
    await write("xem/tot.xlsx", data(0, "2024-04-02"));
    const bad1 = data(1, "2024-04-02");
    bad1.values.tt_so_buoi = "nhiều";
    bad1.values.dv_ket_nap = -5;
    const bad2 = data(2, "2024-04-02");
    bad2.header.period = "2024-Q1";
    bad2.values.don_thu_nhan = "khoảng chục";
    await write("xem/loi-1.xlsx", bad1);
    await write("xem/loi-2.xlsx", bad2);
    const r = await cli(
      "review",
      file("xem"),
      "-o",
      file("tra-lai"),
      "--issuer",
      "LĐLĐ tỉnh Lai Châu",
      "--json"
    );
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const notes = out.files.filter((f: { returnNote: unknown }) => f.returnNote);
    expect(notes).toHaveLength(2);
    expect(out.files.find((f: { file: string }) => f.file.endsWith("tot.xlsx")).review).toBe(
      "received"
    );
    const docx = notes.map((f: { returnNote: { docx: string } }) => f.returnNote.docx);
    convertWithLibreOffice(docx, file("pdf"), "pdf");
    for (const f of notes) {
      const pdf = file("pdf", path.basename(f.returnNote.docx).replace(/\.docx$/, ".pdf"));
      expect(fs.existsSync(pdf)).toBe(true);
      const text = pdfText(pdf).replace(/\s+/g, " ");
      const txt = fs.readFileSync(f.returnNote.txt, "utf8");
      expect(text).toContain("THÔNG BÁO");
      expect(text).toContain(`Kính gửi: ${f.unit}`);
      const errors = f.issues.filter((i: { severity: string }) => i.severity === "error");
      expect(errors.length).toBeGreaterThanOrEqual(1);
      for (const i of f.issues) {
        // Every finding, at its cell, in the Word note and in the text to paste.
        expect(txt).toContain(`Trang “${i.sheet}”, ô ${i.cell}: ${i.message}`);
        expect(text).toContain(i.cell);
        expect(text).toContain(i.message.replace(/\s+/g, " ").slice(0, 40));
      }
    }
    expect(r.stderr).toContain("Đã ghi 2 phiếu trả lại");
  });
});
