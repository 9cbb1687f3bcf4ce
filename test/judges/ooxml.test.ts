// Every .xlsx and .docx BáoCáo writes has schema-valid parts (issue 12): the ECMA-376 transitional
// schemas judge workbook, styles, shared strings and sheets of each workbook, and document, styles,
// footnotes, comments, numbering, settings, headers and footers of each Word draft, through
// ../shared/ooxml-xsd/check (xmllint, xsltproc, unzip; see its README). The files come from the CLI
// as a user runs it: demo (five samples filled and blank, their drafts), new, fill (the samples and
// hostile text), export (drafts with Word comments), consolidate (flat and two levels deep) and the
// drafts of the consolidations. A workbook and a draft with a bogus element show the check fails.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { cli } from "../cli/run";
import { mutatePart } from "../support/xlsx-mutate";
import { hostileData } from "../support/written-workbooks";
import { resultsDir } from "../support/office-tools";

const execFileAsync = promisify(execFile);
const REPO = path.resolve(__dirname, "..", "..");

/** The check script: $BAOCAO_OOXML_XSD/check, else shared/ooxml-xsd/check beside the repository
 * (../shared in CI) or beside the folder of worktrees (../../shared). */
function checkScript(): string {
  const dirs = [
    process.env.BAOCAO_OOXML_XSD,
    path.resolve(REPO, "..", "shared", "ooxml-xsd"),
    path.resolve(REPO, "..", "..", "shared", "ooxml-xsd"),
  ].filter((d): d is string => Boolean(d));
  const found = dirs.map((d) => path.join(d, "check")).find((f) => fs.existsSync(f));
  if (!found)
    throw new Error(
      `Không tìm thấy ooxml-xsd/check (đã tìm: ${dirs.join(", ")}). Cần thư mục ../shared/ooxml-xsd ` +
        `cạnh kho mã, hoặc đặt BAOCAO_OOXML_XSD.`
    );
  return found;
}

interface CheckRun {
  code: number;
  out: string;
  parts: number;
  invalid: number;
}

async function checkChunk(files: string[]): Promise<CheckRun> {
  let out: string;
  let code = 0;
  try {
    out = (
      await execFileAsync(checkScript(), files, {
        encoding: "utf8",
        timeout: 240000,
        maxBuffer: 16 * 1024 * 1024,
      })
    ).stdout;
  } catch (e) {
    const err = e as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof err.code !== "number") throw e;
    code = err.code;
    out = `${err.stdout ?? ""}${err.stderr ?? ""}`;
  }
  const m = /ooxml check: (\d+) parts, (\d+) invalid/.exec(out);
  if (!m) throw new Error(`ooxml check printed no summary:\n${out}`);
  return { code, out, parts: Number(m[1]), invalid: Number(m[2]) };
}

/** Checks the files in two processes at once (each part costs xmllint a parse of the schemas). */
async function check(files: string[]): Promise<CheckRun> {
  const halves = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)];
  const runs = await Promise.all(halves.filter((h) => h.length > 0).map(checkChunk));
  return {
    code: Math.max(...runs.map((r) => r.code)),
    out: runs.map((r) => r.out).join("\n"),
    parts: runs.reduce((n, r) => n + r.parts, 0),
    invalid: runs.reduce((n, r) => n + r.invalid, 0),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-ooxml-"));
const f = (...p: string[]) => path.join(dir, ...p);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ok(...args: string[]): Promise<void> {
  const r = await cli(...args);
  // consolidate exits 1 when it left a file out (the generated figures can break a rule).
  if (r.code !== 0 && !(args[0] === "consolidate" && r.code === 1))
    throw new Error(`baocao ${args.join(" ")} → ${r.code}\n${r.stderr}`);
}

/** Writes everything; returns the files, by kind. */
async function writeEverything(): Promise<string[]> {
  await ok("demo", "--out", f("demo"));
  fs.mkdirSync(f("out"));
  for (const t of builtInTemplates()) {
    await ok("new", t.id, "-o", f("out", `${t.id}-moi.xlsx`), "--unit", "CĐCS Công ty Sông Đà");
    await ok(
      "fill",
      f("demo", `${t.id}-trong.xlsx`),
      "--data",
      f("demo", `${t.id}.json`),
      "-o",
      f("out", `${t.id}-dien.xlsx`)
    );
    await ok(
      "export",
      f("demo", `${t.id}.xlsx`),
      "--sources",
      "comments",
      "-o",
      f("out", `${t.id}-chu-thich.docx`)
    );
    // A flat consolidation of three units' workbooks, and its draft.
    fs.mkdirSync(f("units", t.id), { recursive: true });
    for (let i = 0; i < 3; i++) {
      const data = unitData(t, `LĐLĐ huyện số ${i + 1}`, 300 + i, loadSample(t.id).header.period);
      fs.writeFileSync(f("units", t.id, `${i}.xlsx`), await xlsxOf(t, data));
    }
    const cons = f("out", `${t.id}-tong-hop.xlsx`);
    await ok("consolidate", f("units", t.id), "-o", cons, "--insist", "--issuer", "LĐLĐ tỉnh A");
    await ok("export", cons, "-o", f("out", `${t.id}-tong-hop.docx`));
  }
  // Two levels: districts' consolidations consolidated by the province ("Cộng theo cấp").
  const qa = findTemplate("quarterly-activity")!;
  for (const d of [0, 1]) {
    fs.mkdirSync(f("cdcs", String(d)), { recursive: true });
    for (let i = 0; i < 3; i++) {
      const data = unitData(qa, `CĐCS Công ty số ${d * 3 + i + 1}`, 400 + d * 3 + i, "2024-Q1");
      fs.writeFileSync(f("cdcs", String(d), `${i}.xlsx`), await xlsxOf(qa, data));
    }
    await ok(
      "consolidate",
      f("cdcs", String(d)),
      "-o",
      f("out", `huyen-${d}.xlsx`),
      "--issuer",
      `LĐLĐ huyện ${d + 1}`
    );
  }
  const province = f("out", "tinh-2-cap.xlsx");
  await ok(
    "consolidate",
    f("out", "huyen-0.xlsx"),
    f("out", "huyen-1.xlsx"),
    "-o",
    province,
    "--issuer",
    "LĐLĐ tỉnh B"
  );
  await ok("export", province, "-o", f("out", "tinh-2-cap.docx"));
  // Hostile text through fill and export.
  fs.writeFileSync(f("hostile.json"), JSON.stringify(hostileData()));
  await ok(
    "fill",
    f("demo", "cluster-emulation-trong.xlsx"),
    "--data",
    f("hostile.json"),
    "-o",
    f("out", "hostile.xlsx")
  );
  await ok("export", f("out", "hostile.xlsx"), "-o", f("out", "hostile.docx"));
  return ["demo", "out"]
    .flatMap((d) => fs.readdirSync(f(d)).map((n) => f(d, n)))
    .filter((p) => /\.(xlsx|docx)$/.test(p))
    .sort();
}

describe("ECMA-376 schemas on every file BáoCáo writes", () => {
  let files: string[] = [];
  let run: CheckRun;
  let seconds = 0;

  beforeAll(async () => {
    files = await writeEverything();
    const t0 = Date.now();
    run = await check(files);
    seconds = (Date.now() - t0) / 1000;
    fs.writeFileSync(
      path.join(resultsDir(), "ooxml-check.json"),
      JSON.stringify(
        { seconds, files: files.length, parts: run.parts, invalid: run.invalid },
        null,
        1
      )
    );
  }, 300000);

  it("writes the files it should: samples, blanks, new, filled, hostile, consolidated, drafts", () => {
    const names = files.map((p) => path.basename(p));
    expect(names.filter((n) => n.endsWith(".xlsx")).length).toBe(10 + 5 * 3 + 3 + 1);
    expect(names.filter((n) => n.endsWith(".docx")).length).toBe(5 + 5 * 2 + 1 + 1);
    expect(names).toEqual(expect.arrayContaining(["tinh-2-cap.xlsx", "hostile.docx"]));
  });

  it('has the "Cộng theo cấp" sheet in the two-level consolidation', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(f("out", "tinh-2-cap.xlsx")));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('name="Cộng theo cấp"');
  });

  it("has every part valid", () => {
    expect(run.out.split("\n").filter((l) => l.includes("!"))).toEqual([]);
    expect(run.invalid).toBe(0);
    expect(run.code).toBe(0);
    // Workbook, styles, shared strings and at least one sheet; document and styles at least.
    expect(run.parts).toBeGreaterThanOrEqual(files.length * 3);
  });
});

describe("the schema check fails on a part broken on purpose", () => {
  it("reports a bogus element in a worksheet and in a document body, naming the part", async () => {
    const demo = (n: string) => f("demo", n);
    if (!fs.existsSync(demo("quarterly-activity.xlsx"))) await ok("demo", "--out", f("demo"));
    const xlsx = f("bogus.xlsx");
    const docx = f("bogus.docx");
    await mutatePart(demo("quarterly-activity.xlsx"), xlsx, "xl/worksheets/sheet1.xml", (x) =>
      x.replace("<sheetData>", "<bogus/><sheetData>")
    );
    await mutatePart(demo("quarterly-activity.docx"), docx, "word/document.xml", (x) =>
      x.replace("<w:body>", "<w:body><w:bogus/>")
    );
    const r = await check([xlsx, docx]);
    expect(r.code).toBe(1);
    expect(r.invalid).toBe(2);
    expect(r.out).toMatch(/bogus\.xlsx!xl\/worksheets\/sheet1\.xml: .*bogus/);
    expect(r.out).toMatch(/bogus\.docx!word\/document\.xml: .*bogus/);
  });
});
