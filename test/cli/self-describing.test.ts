// Self-describing workbooks (issue 13, item 4): a unit that receives workbooks made from a custom
// template validates, consolidates and exports them with nothing installed, with the same results
// as with the template file; a definition edited by hand is refused (exit 2, nothing written);
// workbooks made before workbooks carried their template keep working as they did.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { cli } from "./run";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { findTemplate } from "../../src/templates";
import { planWorkbook } from "../../src/core/layout/planner";
import type { ReportData } from "../../src/core/data/types";
import type { Template } from "../../src/core/model/load";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { embeddedTemplate } from "../../src/core/model/embedded";
import { planWithoutDefinition as withoutDefinition } from "../support/without-definition";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const templateFile = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const custom = loadTemplateFile(JSON.parse(fs.readFileSync(templateFile, "utf8")));
const UNITS = [
  "Công đoàn Khu công nghiệp Tân Uyên",
  "Công đoàn ngành Giáo dục",
  "Công đoàn ngành Y tế",
  "Công đoàn Viên chức tỉnh",
  "Công đoàn ngành Xây dựng",
  "Công đoàn ngành Nông nghiệp",
  "Công đoàn các Khu kinh tế",
];
const NOTICE = "dùng định nghĩa mẫu lưu trong sổ";

let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-self-describing-"));
  const made = await cli("new", "--template-file", templateFile, "-o", file("trong.xlsx"));
  expect(made.code).toBe(0);
  fs.mkdirSync(file("don-vi"));
  for (let i = 0; i < UNITS.length; i++) {
    fs.writeFileSync(file(`du-lieu-${i}.json`), JSON.stringify(unitData(i)));
    const filled = await cli(
      "fill",
      file("trong.xlsx"),
      "--template-file",
      templateFile,
      "--data",
      file(`du-lieu-${i}.json`),
      "-o",
      file("don-vi", `don-vi-${i + 1}.xlsx`)
    );
    expect(filled.code).toBe(0);
  }
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function unitData(i: number): Omit<ReportData, "tables" | "texts" | "values"> {
  return {
    template: custom.id,
    templateVersion: custom.version,
    header: {
      issuingBody: UNITS[i],
      number: `${20 + i}/BC-CĐ`,
      place: "Bình Dương",
      date: "2025-12-05",
      period: "2025",
      signerTitle: "CHỦ TỊCH",
      signerName: "Trần Thị Bình",
    },
    units: [
      {
        name: UNITS[i],
        parent: null,
        values: { ma_de_nghi: 4 + i, ma_da_ho_tro: i + 2, ma_tien: (i + 2) * 50_000_000 },
      },
    ],
  };
}

/** A command twice, with and without --template-file: the same code and stdout; the notice once. */
async function both(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, ...rest] = args;
  const withFile = await cli(command, "--template-file", templateFile, ...rest);
  const without = await cli(command, ...rest);
  expect({ args, code: without.code, stdout: without.stdout }).toEqual({
    args,
    code: withFile.code,
    stdout: withFile.stdout,
  });
  expect(withFile.stderr).not.toContain(NOTICE);
  expect(without.stderr).toContain(NOTICE);
  return without;
}

async function documentText(docx: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(docx));
  return (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
}

async function oldWorkbook(template: Template, data: ReportData, out: string): Promise<void> {
  fs.writeFileSync(out, await planToXlsx(exceljs, withoutDefinition(planWorkbook(template, data))));
}

/** Changes one label inside the embedded JSON of an .xlsx, leaving its checksum as it was. */
async function editDefinition(src: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(src));
  // The text is a shared string, or an inline string where fill rewrote the sheet in place.
  const pattern = /(label(?:&quot;|")\s*:\s*(?:&quot;|"))Số nhà đề nghị hỗ trợ/;
  let edits = 0;
  for (const part of Object.keys(zip.files).filter((n) => n.startsWith("xl/"))) {
    const xml = await zip.file(part)!.async("string");
    if (!pattern.test(xml)) continue;
    zip.file(part, xml.replace(pattern, "$1Số nhà đề nghị hỗ trợ (đã sửa)"));
    edits++;
  }
  expect(edits).toBeGreaterThan(0);
  fs.writeFileSync(out, await zip.generateAsync({ type: "uint8array" }));
}

describe("workbooks made from a custom template, with the template not installed", () => {
  it("validate and dump each unit's workbook as with --template-file", async () => {
    for (let i = 0; i < UNITS.length; i++) {
      const unit = file("don-vi", `don-vi-${i + 1}.xlsx`);
      const v = await both("validate", unit);
      expect(v.code).toBe(0);
      const d = await both("dump", unit);
      expect(JSON.parse(d.stdout)).toMatchObject({ header: { issuingBody: UNITS[i] } });
    }
  }, 120_000);

  it("consolidate the 7, and the consolidated workbook exports (and dumps) as with --template-file", async () => {
    const a = await cli(
      "consolidate",
      "--template-file",
      templateFile,
      file("don-vi"),
      "-o",
      file("tong-hop-a.xlsx")
    );
    const b = await cli("consolidate", file("don-vi"), "-o", file("tong-hop-b.xlsx"));
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toContain(`Mẫu "${custom.title}": ${NOTICE} của các đơn vị.`);
    expect(a.stderr).not.toContain(NOTICE);

    // The consolidated workbook carries its template too: the draft needs nothing installed.
    const dumpA = await cli("dump", "--template-file", templateFile, file("tong-hop-a.xlsx"));
    const dumpB = await both("dump", file("tong-hop-b.xlsx"));
    const strip = (s: string) => {
      const d = JSON.parse(s) as ReportData;
      // When each consolidation ran, and the files' own checksums, differ between the two runs.
      delete d.consolidation;
      return d;
    };
    expect(strip(dumpB.stdout)).toEqual(strip(dumpA.stdout));
    expect((JSON.parse(dumpB.stdout) as ReportData).values.ma_da_ho_tro).toBe(
      UNITS.reduce((s, _u, i) => s + i + 2, 0)
    );
    await both("validate", file("tong-hop-b.xlsx"));

    const withFile = await cli(
      "export",
      "--template-file",
      templateFile,
      file("tong-hop-b.xlsx"),
      "-o",
      file("a.docx")
    );
    const without = await cli("export", file("tong-hop-b.xlsx"), "-o", file("b.docx"));
    expect(withFile.code).toBe(0);
    expect(without.code).toBe(0);
    expect(without.stderr).toContain(NOTICE);
    const text = await documentText(file("b.docx"));
    expect(text).toBe(await documentText(file("a.docx")));
    expect(text).toContain("I. KẾT QUẢ HỖ TRỢ NHÀ Ở CHO ĐOÀN VIÊN");
  }, 180_000);

  it("refuse a definition edited by hand (one label, checksum kept): exit 2, nothing written", async () => {
    fs.mkdirSync(file("sua"));
    const edited = file("sua", "don-vi-1.xlsx");
    await editDefinition(file("don-vi", "don-vi-1.xlsx"), edited);
    const before = fs.readdirSync(dir).sort();
    for (const args of [
      ["validate", edited],
      ["dump", edited],
      ["export", edited, "-o", file("x.docx")],
      ["fill", edited, "--data", file("du-lieu-0.json"), "-o", file("x.xlsx")],
      ["next", edited, "-o", file("y.xlsx")],
      ["consolidate", file("sua"), "-o", file("z.xlsx")],
    ]) {
      const r = await cli(...args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toContain('Định nghĩa mẫu lưu trong sổ (trang ẩn "_BaoCao", ô B');
      expect(r.stderr).toContain("đã bị sửa ngoài BáoCáo");
      if (args[0] !== "consolidate") {
        expect(r.stderr).toContain("Xin lại sổ tính từ nơi gửi, hoặc chạy lại kèm tệp mẫu");
        expect(r.stderr).toContain("--template-file");
      }
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);

    // Among other units' files it is left out, and says why; the others are consolidated.
    fs.copyFileSync(edited, file("don-vi", "don-vi-1-sua.xlsx"));
    const r = await cli("consolidate", file("don-vi"), "-o", file("tong-hop-c.xlsx"), "--json");
    fs.rmSync(file("don-vi", "don-vi-1-sua.xlsx"));
    const out = JSON.parse(r.stdout) as { sources: { file: string; reasons: string[] }[] };
    const left = out.sources.find((s) => s.file.endsWith("don-vi-1-sua.xlsx"))!;
    expect(left.reasons.join(" ")).toContain("đã bị sửa ngoài BáoCáo");

    // With the template file the installed definition is used and the edit does not matter.
    const v = await cli("validate", "--template-file", templateFile, edited);
    expect(v.code).toBe(0);
  }, 180_000);
});

describe("workbooks made before workbooks carried their template", () => {
  it("a built-in template's workbook reads as before, without a notice", async () => {
    const t = findTemplate("quarterly-activity")!;
    const old = file("cu-quy.xlsx");
    await oldWorkbook(t, planless(t), old);
    const r = await cli("validate", old);
    expect(r.stderr).not.toContain(NOTICE);
    expect(r.stdout).toContain("mẫu quarterly-activity");
    // fill writes it anew, now carrying its template.
    fs.writeFileSync(
      file("rong.json"),
      JSON.stringify({ ...planless(t), header: { period: "2025-Q1" } })
    );
    const filled = await cli("fill", old, "--data", file("rong.json"), "-o", file("moi-quy.xlsx"));
    expect(filled.code).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(file("moi-quy.xlsx")));
    const { snapshot } = await readWorkbookBytes(exceljs, bytes, "moi-quy.xlsx");
    expect(embeddedTemplate(snapshot).status).toBe("ok");
  }, 60_000);

  it("a custom template's workbooks need --template-file, as before, and then consolidate", async () => {
    fs.mkdirSync(file("cu"));
    for (let i = 0; i < UNITS.length; i++) {
      const data = { ...unitData(i), values: {}, tables: {}, texts: {} } as ReportData;
      await oldWorkbook(custom, data, file("cu", `don-vi-${i + 1}.xlsx`));
    }
    const without = await cli("validate", file("cu", "don-vi-1.xlsx"));
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      'dùng mẫu "mai-am-cong-doan" mà phiên bản BáoCáo này không có'
    );
    expect(without.stderr).toContain("--template-file");
    const left = await cli("consolidate", file("cu"), "-o", file("cu.xlsx"));
    expect(left.code).toBe(2);
    const ok = await cli(
      "consolidate",
      "--template-file",
      templateFile,
      file("cu"),
      "-o",
      file("cu.xlsx")
    );
    expect(ok.code).toBe(0);
    const d = await cli("dump", file("cu.xlsx"));
    expect(d.stderr).toContain(NOTICE);
    expect((JSON.parse(d.stdout) as ReportData).values.ma_tien).toBe(
      UNITS.reduce((s, _u, i) => s + (i + 2) * 50_000_000, 0)
    );
  }, 120_000);
});

function planless(t: Template): ReportData {
  return {
    template: t.id,
    templateVersion: t.version,
    header: {},
    values: {},
    units: [],
    tables: {},
    texts: {},
  };
}
