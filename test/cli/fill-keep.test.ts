// Issue 12: `fill` keeps everything of the user's workbook it does not own. A sample workbook gets
// what users add — a sheet of their own with an AutoFilter over its rows, whole-column validations,
// thousands of defined names, charts, a comment, a conditional format, notes typed beside and below
// the template — and is filled with new figures. Then the packages are compared part by part: every
// part that is not BáoCáo's is byte-identical, and BáoCáo's sheets keep the user's objects.
// Before (fill re-rendered the workbook through ExcelJS and copied user sheets cell by cell): the
// chart, comment, validations, conditional format, names and notes were dropped, while fill printed
// that it kept the user's sheets; the ten whole-column validations did not load in 120 s.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { graftPlan } from "../../src/adapters/xlsx/graft";
import { readWorkbook } from "../../src/core/data/read";
import * as H from "../support/hostile-xlsx";
import { convertToPdf, pdfText } from "../support/office-tools";
import { cli } from "./run";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const qa = findTemplate("quarterly-activity")!;
const SHEET = "I. Kết quả";
const USER = "Số liệu riêng";
/** The ECMA-376 checker: beside the repository in CI, in the shared folder on a worktree. */
const CHECK = [
  process.env.OOXML_XSD_CHECK,
  path.join(__dirname, "..", "..", "..", "shared", "ooxml-xsd", "check"),
  "/work/shared/ooxml-xsd/check",
].find((f): f is string => !!f && fs.existsSync(f));
const NOTE_RIGHT = "Ghi chú bên phải: chờ huyện gửi";
const NOTE_BELOW = "Ghi chú bên dưới: đã đối chiếu";

const CF =
  '<conditionalFormatting sqref="X4:X20"><cfRule type="expression" priority="1"><formula>FALSE</formula></cfRule></conditionalFormatting>';

let dir: string;
let sample: Uint8Array;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-fill-keep-"));
  sample = await planToXlsx(exceljs, planWorkbook(qa, loadSample(qa.id)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${s}</t></is></c>`;

/** The sample as a user leaves it; `rows` rows on the user's own sheet, `names` names of theirs. */
function usersWorkbook(rows: number, names: number): H.Parts {
  const parts = H.unzip(sample);
  H.addUserSheet(parts, USER, H.numberRows(rows, 3));
  // The chart first: its <drawing> goes right after sheetData, and the filter must precede it.
  H.addChart(parts, USER);
  H.addAutoFilter(parts, USER, rows);
  H.addNames(parts, [
    ...Array.from({ length: names }, (_, i) => ({
      name: `Ten_${i}`,
      ref: `'${USER}'!$A$${i + 1}`,
    })),
    {
      name: "_xlnm.Print_Area",
      ref: `'${USER}'!$A$1:$C$50`,
      localSheetId: H.sheetIndex(parts, USER),
    },
    { name: "Ghi_chu", ref: `'${SHEET}'!$X$3`, localSheetId: H.sheetIndex(parts, SHEET) },
  ]);
  // On BáoCáo's own sheet: validations on ten whole columns J–S with a conditional format over the
  // grid, a chart, a comment, and notes typed right of and below the template's area.
  H.addColumnValidations(parts, SHEET, 10);
  H.addChart(parts, SHEET);
  H.addComment(parts, SHEET, "X4", "Hỏi lại số buổi");
  const part = H.sheetPart(parts, SHEET);
  H.edit(parts, part, (xml) =>
    xml
      .replace(/(<row r="4"[^>]*>[\s\S]*?)<\/row>/, `$1${inline("X4", NOTE_RIGHT)}</row>`)
      .replace("</sheetData>", `<row r="300">${inline("B300", NOTE_BELOW)}</row></sheetData>`)
      .replace("<dataValidations", `${CF}<dataValidations`)
      // A width the user set over columns E–AD: its part right of the template (I–AD) is theirs.
      .replace("</cols>", '<col min="5" max="30" width="20" customWidth="1"/></cols>')
  );
  return parts;
}

const NEW_FIGURE = 4321;

/** Runs the ECMA-376 checker, failing with what it printed. */
function schemaCheck(file: string): void {
  if (!CHECK) {
    process.stdout.write("ooxml-xsd/check not found: schema check skipped\n");
    return;
  }
  try {
    execFileSync(CHECK, [file], { encoding: "utf8", timeout: 60000 });
  } catch (e) {
    throw new Error(`ooxml check: ${(e as { stdout?: string }).stdout ?? String(e)}`);
  }
}

async function fillIt(parts: H.Parts, name: string) {
  const input = path.join(dir, `${name}.xlsx`);
  const output = path.join(dir, `${name}-filled.xlsx`);
  fs.writeFileSync(input, H.zip(parts, 1));
  const data = loadSample(qa.id);
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(
    json,
    JSON.stringify({ ...data, values: { ...data.values, tt_so_buoi: NEW_FIGURE } })
  );
  const r = await cli("fill", input, "--data", json, "-o", output);
  return { r, input, output };
}

/** Parts BáoCáo writes into: its sheets, the workbook, its relationships, styles, content types. */
function ownedParts(parts: H.Parts): Set<string> {
  const sheets = planWorkbook(qa, loadSample(qa.id)).sheets.map((s) => H.sheetPart(parts, s.name));
  return new Set([
    ...sheets,
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "[Content_Types].xml",
  ]);
}

async function expectKept(inputParts: H.Parts, output: string, names: number): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(output));
  const out = H.unzip(bytes);
  const owned = ownedParts(inputParts);
  // Part by part: the user's parts (their sheet, drawings, charts, comments, shared strings…) are
  // the same bytes; none is missing.
  // (Directory entries some zips carry are not parts.)
  const changed = Object.keys(inputParts).filter(
    (k) =>
      !k.endsWith("/") &&
      !owned.has(k) &&
      !(out[k] && Buffer.from(out[k]).equals(Buffer.from(inputParts[k])))
  );
  expect(changed).toEqual([]);

  // Every name of the user's, verbatim; BáoCáo's own present once.
  const wb = H.text(out, "xl/workbook.xml");
  const userNames = [
    ...H.text(inputParts, "xl/workbook.xml").matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g),
  ]
    .map((m) => m[0])
    .filter((n) => !H.text(H.unzip(sample), "xl/workbook.xml").includes(n));
  expect(userNames.length).toBe(names + 3);
  expect(userNames.filter((n) => !wb.includes(n))).toEqual([]);
  expect(wb.match(/name="BC_tt_so_buoi"/g)).toHaveLength(1);

  // BáoCáo's sheet keeps the user's objects on it.
  const sheet = H.text(out, H.sheetPart(inputParts, SHEET));
  for (const c of "JKLMNOPQRS") expect(sheet).toContain(`sqref="${c}1:${c}1048576"`);
  expect(sheet).toContain(CF);
  expect(sheet).toMatch(/<drawing [^>]*r:id="rIdChart1"\/>/);
  expect(sheet).toMatch(/<legacyDrawing [^>]*r:id="anysvml"\/>/);
  expect(sheet).toContain(NOTE_RIGHT);
  expect(sheet).toContain(NOTE_BELOW);
  expect(sheet).toContain('<dimension ref="A1:X300"/>');
  expect(sheet).toContain('<col min="9" max="30" width="20" customWidth="1"/>');
  const userSheet = H.text(out, H.sheetPart(inputParts, USER));
  expect(userSheet).toContain(`<autoFilter ref="A1:H`);

  // The new figure reads back, and so do the notes.
  const read = await readWorkbookBytes(exceljs, bytes, "out.xlsx");
  expect(readWorkbook(qa, read.snapshot).data.values.tt_so_buoi).toBe(NEW_FIGURE);
  const ws = read.workbook.getWorksheet(SHEET)!;
  expect(ws.getCell("X4").value).toBe(NOTE_RIGHT);
  expect(ws.getCell("B300").value).toBe(NOTE_BELOW);
}

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
})();

describe("fill keeps what is not BáoCáo's", () => {
  it("keeps charts, a comment, validations, a conditional format, names and notes; LibreOffice opens it", async () => {
    const parts = usersWorkbook(200, 100);
    const { r, output } = await fillIt(parts, "small");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"${USER}"`);
    expect(r.stdout).toContain("được giữ nguyên");
    await expectKept(parts, output, 100);
    schemaCheck(output);
    // Filling the filled workbook again changes nothing: the styles are not appended twice.
    const again = await fillIt(H.unzip(new Uint8Array(fs.readFileSync(output))), "again");
    expect(again.r.code).toBe(0);
    const first = H.unzip(new Uint8Array(fs.readFileSync(output)));
    const second = H.unzip(new Uint8Array(fs.readFileSync(again.output)));
    expect(
      Object.keys(second)
        .filter((k) => !k.endsWith("/"))
        .sort()
    ).toEqual(
      Object.keys(first)
        .filter((k) => !k.endsWith("/"))
        .sort()
    );
    for (const k of Object.keys(first).filter((k) => !k.endsWith("/")))
      expect([k, H.text(second, k)]).toEqual([k, H.text(first, k)]);
    if (!soffice) process.stdout.write("soffice not found: LibreOffice check skipped\n");
    else {
      const pdf = convertToPdf(output, dir);
      const text = pdfText(pdf);
      expect(text).toMatch(/4[.,]?321/);
      expect(text).toContain("Ghi chú bên dưới");
      // LibreOffice finds both charts and the comment through the grafted sheets' relationships.
      const profile = path.join(dir, "lo-profile");
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--convert-to",
          "xlsx:Calc MS Excel 2007 XML",
          "--outdir",
          path.join(dir, "lo"),
          output,
        ],
        { stdio: "ignore", timeout: 120000 }
      );
      const saved = H.unzip(
        new Uint8Array(fs.readFileSync(path.join(dir, "lo", "small-filled.xlsx")))
      );
      expect(Object.keys(saved).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(
        2
      );
      const comments = Object.keys(saved).filter((k) => /comments\d*\.xml$/.test(k));
      expect(comments.map((k) => H.text(saved, k)).join("")).toContain("Hỏi lại số buổi");
    }
  }, 180000);

  it("acceptance: an AutoFilter over 200,000 rows, ten whole-column validations, 10,000 names and a chart are all kept", async () => {
    const parts = usersWorkbook(200000, 10000);
    const started = Date.now();
    const { r, input, output } = await fillIt(parts, "busy");
    const ms = Date.now() - started;
    process.stdout.write(`fill of the busy workbook: ${ms} ms\n`);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    await expectKept(parts, output, 10000);
    expect(fs.statSync(input).size).toBeGreaterThan(0);
    // (The schema check runs on the small workbook: xmllint takes minutes over 200,000 rows.)
  }, 180000);

  it("says what it could not keep: a note typed inside the template's area, a merge over it", async () => {
    const parts = H.unzip(sample);
    const part = H.sheetPart(parts, SHEET);
    H.edit(parts, part, (xml) =>
      xml
        .replace(/(<row r="6"[^>]*>)/, `$1${inline("A6", "ghi đè")}`)
        .replace(/<mergeCells count="\d+">/, (m) => `${m}<mergeCell ref="H107:H108"/>`)
        // Another writer spells BáoCáo's own ranges its own way: still BáoCáo's, not a loss.
        .replace('sqref="G7:G7"', 'sqref="G7"')
        .replace('sqref="G8:G8"', 'sqref="G8:G8 G9:G9"')
        // A user's rule over a template cell (C7) and beyond it cannot be kept.
        .replace(
          "</dataValidations>",
          '<dataValidation type="whole" sqref="C7:C200"><formula1>0</formula1></dataValidation></dataValidations>'
        )
    );
    const { r } = await fillIt(parts, "inside");
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split("\n")).toEqual([
      "Không giữ được 3 phần của sổ tính:",
      `  - Trang "${SHEET}": 1 ô người dùng nhập trong vùng của mẫu bị thay bằng nội dung mẫu (A6).`,
      `  - Trang "${SHEET}": vùng gộp ô H107:H108 đè lên vùng của mẫu.`,
      `  - Trang "${SHEET}": quy tắc kiểm tra dữ liệu của người dùng tại C7:C200 đè lên vùng của mẫu.`,
    ]);
  }, 60000);

  it("says when a chart on a template sheet may now sit beside other rows", () => {
    // The input's template area reached row 400 (a longer list then); the plan's is shorter now.
    const parts = H.unzip(sample);
    H.addChart(parts, SHEET);
    H.addNames(parts, [{ name: "BC_cu", ref: `'${SHEET}'!$C$400` }]);
    const r = graftPlan(H.zip(parts), sample, "cu.xlsx");
    expect(r.notKept).toHaveLength(1);
    expect(r.notKept[0]).toContain(`Trang "${SHEET}": vùng của mẫu nay dài`);
    expect(r.notKept[0]).toContain("trước là 400");
  });

  it("adds a template sheet the input lacks: part, relationship, sheet entry and content type", () => {
    const parts = H.unzip(sample);
    const part = H.sheetPart(parts, SHEET);
    // The input without the template's first sheet (as if the plan grew a sheet since).
    H.edit(parts, "xl/workbook.xml", (x) =>
      x.replace(new RegExp(`<sheet [^>]*name="${SHEET}"[^>]*/>`), "")
    );
    expect(H.text(parts, "xl/workbook.xml")).not.toContain(`name="${SHEET}"`);
    const out = H.unzip(graftPlan(H.zip(parts), sample, "thieu.xlsx").bytes);
    const wb = H.text(out, "xl/workbook.xml");
    expect(wb.match(new RegExp(`<sheet [^>]*name="${SHEET}"`, "g"))).toHaveLength(1);
    const added = H.sheetPart(out, SHEET);
    expect(added).not.toBe(part);
    expect(H.text(out, "[Content_Types].xml")).toContain(`PartName="/${added}"`);
    expect(H.text(out, added)).toContain("Số buổi tuyên truyền");
  });

  it("damaged workbooks end in exit 0, 1 or 2 through fill, never a crash", async () => {
    const base = usersWorkbook(50, 20);
    const data = path.join(dir, "fuzz.json");
    fs.writeFileSync(data, JSON.stringify(loadSample(qa.id)));
    const codes: Record<number, number> = {};
    let state = 20261206;
    const rnd = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const xmlParts = Object.keys(base).filter((k) => /\.(xml|rels)$/.test(k));
    for (let i = 0; i < 150; i++) {
      const parts = { ...base };
      const name = xmlParts[Math.floor(rnd() * xmlParts.length)];
      const xml = H.text(parts, name);
      const at = Math.floor(rnd() * xml.length);
      const len = 1 + Math.floor(rnd() * 40);
      H.setText(
        parts,
        name,
        rnd() < 0.5
          ? xml.slice(0, at) + xml.slice(at + len)
          : xml.slice(0, at) + xml.slice(at, at + len) + xml.slice(at)
      );
      const f = path.join(dir, "m.xlsx");
      fs.writeFileSync(f, H.zip(parts, 0));
      fs.rmSync(path.join(dir, "m-out.xlsx"), { force: true });
      const r = await cli("fill", f, "--data", data, "-o", path.join(dir, "m-out.xlsx"));
      codes[r.code] = (codes[r.code] ?? 0) + 1;
      if (![0, 1, 2].includes(r.code))
        throw new Error(`${name} at ${at}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
      if (r.code === 2) expect(r.stderr.length).toBeGreaterThan(0);
    }
    process.stdout.write(`fill over 150 damaged workbooks: ${JSON.stringify(codes)}\n`);
  }, 300000);

  (soffice ? it : it.skip)(
    "fills a workbook LibreOffice re-saved (its own styles, names and parts), keeping its parts",
    async () => {
      const src = path.join(dir, "lo-src.xlsx");
      fs.writeFileSync(src, H.zip(usersWorkbook(50, 20), 1));
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${path.join(dir, "lo-profile")}`,
          "--headless",
          "--convert-to",
          "xlsx:Calc MS Excel 2007 XML",
          "--outdir",
          path.join(dir, "resaved"),
          src,
        ],
        { stdio: "ignore", timeout: 120000 }
      );
      const resaved = H.unzip(
        new Uint8Array(fs.readFileSync(path.join(dir, "resaved", "lo-src.xlsx")))
      );
      const { r, output } = await fillIt(resaved, "lo");
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const out = H.unzip(new Uint8Array(fs.readFileSync(output)));
      const owned = ownedParts(resaved);
      const changed = Object.keys(resaved).filter(
        (k) =>
          !k.endsWith("/") &&
          !owned.has(k) &&
          !(out[k] && Buffer.from(out[k]).equals(Buffer.from(resaved[k])))
      );
      expect(changed).toEqual([]);
      const read = await readWorkbookBytes(exceljs, new Uint8Array(fs.readFileSync(output)), "lo");
      expect(readWorkbook(qa, read.snapshot).data.values.tt_so_buoi).toBe(NEW_FIGURE);
      expect(read.workbook.getWorksheet(SHEET)!.getCell("B300").value).toBe(NOTE_BELOW);
      schemaCheck(output);
    },
    180000
  );
});
