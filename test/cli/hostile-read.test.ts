// Files as users and other tools leave them, through the read-only commands (issue 12): each is a
// BáoCáo workbook with one thing added, and each must end in a finding at its cell (exit 1), a
// clean read (exit 0) or a Vietnamese refusal naming the part, sheet or range (exit 2) — quickly,
// never exit 3, never a hang. The "before" figures in the comments are the previous reader's.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { PART_LIMIT } from "../../src/adapters/xlsx/package";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { consolidateFiles } from "../../src/adapters/xlsx/consolidate";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { cellOf, formulaOf } from "../../src/core/data/snapshot";
import { parseCell } from "../../src/core/layout/a1";
import * as H from "../support/hostile-xlsx";
import { cli } from "./run";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const qa = findTemplate("quarterly-activity")!;
/** BC_tt_so_buoi, an integer input of the sample (checked in beforeAll). */
const SHEET = "I. Kết quả";
const CELL = "C7";

let dir: string;
let sample: Uint8Array;
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-hostile-"));
  sample = await planToXlsx(exceljs, planWorkbook(qa, loadSample(qa.id)));
  expect(H.text(H.unzip(sample), "xl/workbook.xml")).toContain(
    `<definedName name="BC_tt_so_buoi">&apos;${SHEET}&apos;!$C$7</definedName>`
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function variant(name: string, change: (p: H.Parts) => void): string {
  const parts = H.unzip(sample);
  change(parts);
  fs.writeFileSync(file(name), H.zip(parts));
  return file(name);
}

/**
 * Runs validate in this process; `ms` is the CPU time it took (user + system), so the budgets
 * below measure BáoCáo's cost, not how busy a shared 2-core machine is.
 */
async function validate(f: string) {
  const started = process.cpuUsage();
  const r = await cli("validate", f, "--json");
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  return { ...r, ms, json: r.code <= 1 ? JSON.parse(r.stdout) : null };
}

const setC7 = (xml: (attrs: string) => string) => (p: H.Parts) => H.setCellXml(p, SHEET, CELL, xml);

describe("values the file stores but no spreadsheet reads (before: exit 3 or silently parseFloat'ed)", () => {
  it.each([
    ["NaN", `<v>NaN</v>`, ""],
    ["1e309", `<v>1e309</v>`, ""],
    ["-1e309", `<v>-1e309</v>`, ""],
    ["12abc", `<v>12abc</v>`, ""],
    ["1,234", `<v>1,234</v>`, ""],
    ["2024-13-45", `<v>2024-13-45</v>`, ' t="d"'],
  ])("%s in a number cell is an error finding at its cell", async (stored, v, t) => {
    const f = variant(
      `value-${stored}.xlsx`,
      setC7((a) => `<c r="${CELL}"${a}${t}>${v}</c>`)
    );
    const r = await validate(f);
    expect(r.code).toBe(1);
    const found = r.json.findings.filter((x: { rule: string }) => x.rule === "unreadable-value");
    expect(found).toEqual([
      expect.objectContaining({ sheet: SHEET, cell: CELL, severity: "error", value: stored }),
    ]);
    expect(found[0].message).toContain(`"${stored}"`);
    expect(found[0].message).toContain("gõ lại số liệu");
    // dump and export read the same file without a crash
    expect((await cli("dump", f)).code).toBe(0);
  });

  it("a formula whose cached value is unreadable keeps its formula", async () => {
    const parts = H.unzip(sample);
    const part = H.sheetPart(parts, SHEET);
    const total = /<c r="([A-Z]+\d+)"[^>]*><f>([^<]+)<\/f><v>[^<]*<\/v><\/c>/.exec(
      H.text(parts, part)
    )!;
    const f = variant("formula-nan.xlsx", (p) =>
      H.setCellXml(
        p,
        SHEET,
        total[1],
        (a) => `<c r="${total[1]}"${a}><f>${total[2]}</f><v>NaN</v></c>`
      )
    );
    const r = await validate(f);
    expect(r.json.findings.map((x: { rule: string }) => x.rule)).not.toContain(
      "formula-overwritten"
    );
    const { snapshot } = await readWorkbookBytes(exceljs, new Uint8Array(fs.readFileSync(f)), "f");
    const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
    const at = parseCell(total[1])!;
    const unescape = (x: string) =>
      x
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    expect(formulaOf(sheet, at.row, at.col)).toBe(`=${unescape(total[2])}`);
    expect(cellOf(sheet, at.row, at.col)).toEqual({ error: "#VALUE!", stored: "NaN" });
  });

  it("a valid number in exponent form is still read as the number", async () => {
    const f = variant(
      "value-exp.xlsx",
      setC7((a) => `<c r="${CELL}"${a}><v>1.2E1</v></c>`)
    );
    const dump = await cli("dump", f);
    expect(JSON.parse(dump.stdout).values.tt_so_buoi).toBe(12);
  });
});

describe("ranges ExcelJS would expand cell by cell", () => {
  let plain: { ms: number; findings: unknown[] };
  beforeAll(async () => {
    const r = await validate(variant("plain.xlsx", () => undefined));
    plain = { ms: r.ms, findings: r.json.findings };
  });

  it.each<[string, (p: H.Parts) => void]>([
    // before: no answer in 25 s, 2.0 GB
    ["a stray value at XFD1048576", (p) => H.addFarCell(p, SHEET, "XFD1048576", 1048576)],
    // before: no answer in 25 s, 1.3 GB
    ["<col> with max 99999999", (p) => H.addCols(p, SHEET, "1", "99999999")],
    // before: no answer in 25 s, 1.5 GB
    ["<col> with min 1e14", (p) => H.addCols(p, SHEET, "100000000000000", "100000000000001")],
    // before: no answer in 25 s, 2.2 GB
    [
      "a user's name over the whole grid",
      (p) => H.addNames(p, [{ name: "TatCa", ref: `'${SHEET}'!$A$1:$XFD$1048576` }]),
    ],
    [
      "a sheet-scoped name over the whole grid",
      (p) =>
        H.addNames(p, [{ name: "TatCa", ref: `'${SHEET}'!$A$1:$XFD$1048576`, localSheetId: 1 }]),
    ],
    // before: 10.6 s, 411 MB
    ["an AutoFilter over 200,000 rows", (p) => H.addAutoFilter(p, SHEET, 200000)],
    // before: no answer in 25 s
    ["validations on ten whole columns", (p) => H.addColumnValidations(p, SHEET, 10)],
    // before: exit 2 "reading 'anchors'"
    ["a chart written by openpyxl", (p) => H.addChart(p, SHEET)],
    // before: exit 2 "reading 'comments'"
    ["a comment written by openpyxl", (p) => H.addComment(p, SHEET, CELL, "ghi chú")],
  ])("%s: read as the plain workbook, quickly", async (what, change) => {
    const r = await validate(variant(`${what}.xlsx`, change));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.json.findings).toEqual(plain.findings);
    expect(r.ms).toBeLessThan(Math.max(5000, 5 * plain.ms));
    // dump gives the same figures as for the plain workbook
    const dump = await cli("dump", file(`${what}.xlsx`));
    expect(JSON.parse(dump.stdout).values).toEqual(loadSample(qa.id).values);
  });

  it("one of BáoCáo's own names over the whole grid is refused, naming sheet and range", async () => {
    const f = variant("own-name.xlsx", (p) =>
      H.edit(p, "xl/workbook.xml", (x) =>
        x.replace(
          /(<definedName name="BC_tt_so_buoi">)[^<]+/,
          (_m, open: string) => `${open}&apos;${SHEET}&apos;!$C$1:$C$1048576`
        )
      )
    );
    const r = await validate(f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`tên "BC_tt_so_buoi"`);
    expect(r.stderr).toContain(`trang "${SHEET}"`);
    expect(r.stderr).toContain("$C$1:$C$1048576");
  });

  it("a merge over most of the grid is refused, naming sheet and range (before: hang)", async () => {
    const f = variant("merge.xlsx", (p) =>
      H.edit(p, H.sheetPart(p, SHEET), (x) =>
        x.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) =>
            `<mergeCells count="${Number(n) + 1}"><mergeCell ref="D100:XFD1048576"/>`
        )
      )
    );
    const r = await validate(f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trang "${SHEET}"`);
    expect(r.stderr).toContain("D100:XFD1048576");
  });

  it("a sheet with 100,000 unclosed cells is screened in linear time and refused", async () => {
    const f = variant("unclosed.xlsx", (p) =>
      H.edit(p, H.sheetPart(p, SHEET), (x) =>
        x.replace("</sheetData>", `${'<c r="A1"><v>1</v>'.repeat(100000)}</sheetData>`)
      )
    );
    const r = await validate(f);
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(5000);
  });

  it("a cell beyond Excel's grid is refused, naming sheet and cell", async () => {
    const r = await validate(variant("beyond.xlsx", (p) => H.addFarCell(p, SHEET, "XFE1", 1)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trang "${SHEET}"`);
    expect(r.stderr).toContain(`"XFE1"`);
  });
});

describe("the zip", () => {
  it("a part whose CRC-32 does not match is refused, naming the part (before: 95 read as data)", async () => {
    const parts = H.unzip(sample);
    const part = H.sheetPart(parts, SHEET);
    const entries = H.rawEntries(parts).map((e) => ({
      ...e,
      data: parts[e.name],
      method: 0 as const,
    }));
    const target = entries.find((e) => e.name === part)!;
    // One digit of the stored figure changes; the XML stays valid, the CRC is the original's.
    const xml = H.text(parts, part);
    const at = xml.indexOf("<v>", xml.indexOf(`r="${CELL}"`)) + 3;
    const damaged = new Uint8Array(target.data);
    damaged[at] = damaged[at] === 0x39 ? 0x38 : damaged[at] + 1;
    target.data = damaged;
    fs.writeFileSync(file("crc.xlsx"), H.rawZip(entries));
    const r = await validate(file("crc.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`phần "${part}" (trang "${SHEET}")`);
    expect(r.stderr).toContain("CRC-32");
  });

  it.each([
    [
      "billion laughs in workbook.xml",
      "xl/workbook.xml",
      '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
    [
      "an external entity in the shared strings",
      "xl/sharedStrings.xml",
      '<!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ],
  ])("%s is refused, naming the part", async (_what, part, doctype) => {
    const f = variant(`dtd-${part.replace(/\W/g, "")}.xlsx`, (p) =>
      H.edit(p, part, (x) => x.replace(/^(<\?xml[^>]*\?>)?/, (decl) => `${decl}${doctype}`))
    );
    const r = await validate(f);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`phần "${part}"`);
    expect(r.stderr).toContain("DTD");
  });

  it("an unreferenced 2 GiB part in a 2 MB file is never inflated", async () => {
    const entries = H.rawEntries(H.unzip(sample));
    const bomb = H.zerosDeflated(2047);
    entries.push({ name: "xl/media/bom.bin", data: bomb, method: 8, crc: 0, size: 2047 * 2 ** 20 });
    const bytes = H.rawZip(entries);
    expect(bytes.length).toBeLessThan(3 * 2 ** 20);
    fs.writeFileSync(file("bomb-unreferenced.xlsx"), bytes);
    const r = await validate(file("bomb-unreferenced.xlsx"));
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(10000);
  });

  it.each([
    ["declares its true size", 5120 * 2 ** 20],
    ["lies about its size", 2000],
  ])("a sheet inflating to 5 GiB that %s is refused, naming the part", async (_what, size) => {
    const parts = H.unzip(sample);
    const part = H.sheetPart(parts, SHEET);
    const entries = H.rawEntries(parts).map((e) =>
      e.name === part ? { ...e, data: H.zerosDeflated(5120), size, crc: 0 } : e
    );
    fs.writeFileSync(file("bomb-sheet.xlsx"), H.rawZip(entries));
    const r = await validate(file("bomb-sheet.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`phần "${part}"`);
    expect(r.stderr).toContain(`${PART_LIMIT / 2 ** 20} MB`);
    expect(r.ms).toBeLessThan(10000);
  });
});

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
})();

describe("other tools' files", () => {
  // LibreOffice rewrites every part its own way (its names, styles, chart and comment parts).
  (soffice ? it : it.skip)(
    "a workbook with a chart and a comment, re-saved by LibreOffice, reads as the sample",
    async () => {
      const src = variant("lo-src.xlsx", (p) => {
        H.addChart(p, SHEET);
        H.addComment(p, SHEET, CELL, "ghi chú");
      });
      const out = path.join(dir, "lo");
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "xlsx:Calc MS Excel 2007 XML",
          "--outdir",
          out,
          src,
        ],
        { stdio: "ignore", timeout: 120000 }
      );
      const saved = path.join(out, "lo-src.xlsx");
      const parts = H.unzip(new Uint8Array(fs.readFileSync(saved)));
      expect(Object.keys(parts).some((k) => k.startsWith("xl/charts/"))).toBe(true);
      expect(Object.keys(parts).some((k) => /comments/i.test(k))).toBe(true);
      const r = await validate(saved);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const dump = await cli("dump", saved);
      expect(JSON.parse(dump.stdout).values).toEqual(loadSample(qa.id).values);
    },
    150000
  );
});

describe("the user's own sheets", () => {
  it("are not even inflated: a damaged or huge user sheet does not stop validate", async () => {
    const parts = H.unzip(sample);
    const userPart = H.addUserSheet(parts, "Của tôi", `<row r="1"><c r="A1"><v>1</v></c></row>`);
    const entries = H.rawEntries(parts).map((e) =>
      e.name === userPart ? { ...e, data: H.zerosDeflated(300), size: 300 * 2 ** 20, crc: 1 } : e
    );
    fs.writeFileSync(file("user-sheet.xlsx"), H.rawZip(entries));
    const r = await validate(file("user-sheet.xlsx"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("consolidation", () => {
  it("an unexpected error while screening one file leaves only that file out", async () => {
    const files = await Promise.all(
      [0, 1, 2].map(async (i) => ({
        name: `dv-${i + 1}.xlsx`,
        bytes: await xlsxOf(qa, unitData(qa, CLUSTER_PROVINCES[i], i + 1, "2024-Q1")),
      }))
    );
    let calls = 0;
    const result = await consolidateFiles(
      files.map((f) => ({ name: f.name, read: async () => f.bytes })),
      {
        exceljs,
        sha256: async () => "0".repeat(64),
        find: (id) => {
          if (++calls === 2) throw new Error("hỏng bất ngờ");
          return findTemplate(id);
        },
      }
    );
    expect(result.exitCode).toBe(1);
    expect(result.used).toHaveLength(2);
    const left = result.sources.find((s) => s.status === "leftOut")!;
    expect(left.file).toBe("dv-2.xlsx");
    expect(left.reasons.join(" ")).toContain("hỏng bất ngờ");
  });

  it("bad files are left out with their reasons; the run goes on with the good ones", async () => {
    fs.mkdirSync(file("in"));
    for (let i = 0; i < 2; i++) {
      fs.writeFileSync(
        file(`in/tot-${i + 1}.xlsx`),
        await xlsxOf(qa, unitData(qa, CLUSTER_PROVINCES[i], i + 1, "2024-Q1"))
      );
    }
    const unit = await xlsxOf(qa, unitData(qa, CLUSTER_PROVINCES[2], 3, "2024-Q1"));
    const bad = (name: string, change: (p: H.Parts) => void) => {
      const p = H.unzip(unit);
      change(p);
      fs.writeFileSync(file(`in/${name}.xlsx`), H.zip(p));
    };
    bad(
      "nan",
      setC7((a) => `<c r="${CELL}"${a}><v>NaN</v></c>`)
    );
    bad("ten-qua-lon", (p) =>
      H.edit(p, "xl/workbook.xml", (x) =>
        x.replace(/(<definedName name="BC_tt_so_buoi">)[^<]+/, (_m, o: string) => `${o}'X'!$A:$XFD`)
      )
    );
    bad("gop-o", (p) =>
      H.edit(p, H.sheetPart(p, SHEET), (x) =>
        x.replace(
          /<mergeCells count="(\d+)">/,
          (_m, n: string) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="A1:XFD1048576"/>`
        )
      )
    );
    const entries = H.rawEntries(H.unzip(unit));
    const part = H.sheetPart(H.unzip(unit), SHEET);
    fs.writeFileSync(
      file("in/bom.xlsx"),
      H.rawZip(entries.map((e) => (e.name === part ? { ...e, data: H.zerosDeflated(200) } : e)))
    );
    const r = await cli("consolidate", file("in"), "-o", file("tong-hop.xlsx"), "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const status = Object.fromEntries(
      out.sources.map((s: { file: string; status: string; reasons: string[] }) => [
        path.basename(s.file),
        s,
      ])
    );
    expect(status["tot-1.xlsx"].status).toBe("used");
    expect(status["tot-2.xlsx"].status).toBe("used");
    for (const name of ["nan.xlsx", "gop-o.xlsx", "bom.xlsx"]) {
      expect(status[name].status).toBe("leftOut");
      expect(status[name].reasons.join(" ")).not.toBe("");
    }
    expect(status["nan.xlsx"].reasons.join(" ")).toContain("NaN");
    expect(status["gop-o.xlsx"].reasons.join(" ")).toContain("A1:XFD1048576");
    expect(status["bom.xlsx"].reasons.join(" ")).toContain(`phần "${part}"`);
    // "'X'!$A:$XFD" is no range at all: the name is broken, which the reader reports as an error
    expect(status["ten-qua-lon.xlsx"].status).toBe("leftOut");
    expect(fs.existsSync(file("tong-hop.xlsx"))).toBe(true);
  });
});
