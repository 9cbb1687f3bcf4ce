// baocao template export|build from the command line: the workbook written is valid OOXML, opens
// in LibreOffice, builds back to the same template, and is accepted by --template-file; a workbook
// with a mistake is refused at its cell, exit 2, nothing written.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { templateContract } from "../../src/core/model/contract";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { findTemplate } from "../../src/templates";
import { convertWithLibreOffice } from "../support/office-tools";
import { authoringBook } from "../../src/core/authoring";
import { authoringBookToXlsx } from "../../src/adapters/xlsx/authoring-workbook";
import { exceljs } from "../../src/cli/exceljs";
import { cli } from "./run";

const fixture = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const CHECK = "/work/shared/ooxml-xsd/check";
let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-template-authoring-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30000 });
    return true;
  } catch {
    return false;
  }
})();

describe("baocao template export / build", () => {
  it("exports a built-in, builds it back equal, and the file is valid OOXML", async () => {
    const book = file("mau.xlsx");
    const exported = await cli("template", "export", "quarterly-activity", "-o", book);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    const built = await cli("template", "build", book, "-o", file("mau.json"));
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const back = loadTemplateFile(JSON.parse(fs.readFileSync(file("mau.json"), "utf8")));
    expect(templateContract(back)).toEqual(templateContract(findTemplate("quarterly-activity")!));
    if (fs.existsSync(CHECK)) {
      const out = execFileSync(CHECK, [book], { encoding: "utf8" });
      expect(out).toMatch(/0 invalid/);
    } else process.stdout.write("ooxml-xsd/check not found: schema check skipped\n");
  });

  it("exports a template file and --template-file takes the workbook as it is", async () => {
    const book = file("mai-am.xlsx");
    expect((await cli("template", "export", fixture, "-o", book)).code).toBe(0);
    const made = await cli(
      "new",
      "--template-file",
      book,
      "-o",
      file("so.xlsx"),
      "--period",
      "2025"
    );
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('mẫu "mai-am-cong-doan"');
  });

  (soffice ? it : it.skip)(
    "opens in LibreOffice, and a copy LibreOffice saves builds to the same template",
    async () => {
      const book = file("mau.xlsx");
      expect((await cli("template", "export", "annual-plan", "-o", book)).code).toBe(0);
      fs.mkdirSync(file("lo"));
      // Saved again by LibreOffice: its own shared strings, styles and validation markup.
      convertWithLibreOffice([book], file("lo"), "xlsx:Calc MS Excel 2007 XML");
      const saved = file("lo", "mau.xlsx");
      expect(fs.existsSync(saved)).toBe(true);
      // LibreOffice understood the dropdowns: its copy still lists the indicator types from the
      // hidden list sheet.
      const zip = await JSZip.loadAsync(fs.readFileSync(saved));
      const sheets = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => n.startsWith("xl/worksheets/sheet"))
          .map((n) => zip.file(n)!.async("string"))
      );
      expect(
        sheets.join("").match(/type="list"[^>]*>\s*<formula1>&apos;Danh sách&apos;!\$A\$2:\$A\$8/g)
      ).toHaveLength(1);
      const built = await cli("template", "build", saved, "-o", file("mau.json"));
      expect(built.stderr).toBe("");
      expect(built.code).toBe(0);
      const back = loadTemplateFile(JSON.parse(fs.readFileSync(file("mau.json"), "utf8")));
      expect(templateContract(back)).toEqual(templateContract(findTemplate("annual-plan")!));
    }
  );

  /** The quarterly template's workbook with one cell changed (sheet, row holding `id`, header). */
  async function withMistake(sheetName: string, id: string, header: string, value: string) {
    const book = authoringBook(findTemplate("quarterly-activity")!);
    const sheet = book.sheets.find((s) => s.name === sheetName)!;
    const r = sheet.cells.findIndex((x, i) => i >= 2 && x[0] === id);
    const c = sheet.cells[0].indexOf(header);
    sheet.cells[r][c] = value;
    const out = file("sai.xlsx");
    fs.writeFileSync(out, await authoringBookToXlsx(exceljs, book));
    return { out, cell: `${sheetName}!${String.fromCharCode(65 + c)}${r + 1}` };
  }

  it.each([
    ["Chỉ số", "tt_tin_bai", "Kiểu", "số nguyen", /chọn một trong: “số nguyên”/],
    ["Chỉ số", "dv_cap_nhat_phan_mem", "Là phần của", "dv_tong", /viết mã một chỉ số kiểu số/],
    ["Mục", "ket_qua", "Tên trang tính", "I. Kết quả: quý", /thay bằng dấu - hoặc bỏ/],
    ["Quy tắc", "qua_tet_co_nguoi", "Phải đúng", "qua_tet_ldld_nguoi >", /viết biểu thức bằng mã/],
  ])(
    "%s, %s, %s = %s: exit 2 at the cell, nothing written",
    async (sheetName, id, header, value, says) => {
      const { out, cell } = await withMistake(sheetName, id, header, value);
      const built = await cli("template", "build", out, "-o", file("mau.json"));
      expect(built.code).toBe(2);
      expect(built.stderr).toContain(cell);
      expect(built.stderr).toMatch(says);
      expect(built.stderr).toContain("Chưa ghi tệp nào");
      expect(fs.existsSync(file("mau.json"))).toBe(false);
      // The same workbook given to another command is refused the same way.
      const made = await cli(
        "new",
        "--template-file",
        out,
        "-o",
        file("so.xlsx"),
        "--period",
        "2025-Q1"
      );
      expect(made.code).toBe(2);
      expect(made.stderr).toContain(cell);
      expect(fs.existsSync(file("so.xlsx"))).toBe(false);
      expect(fs.readdirSync(dir).sort()).toEqual(["sai.xlsx"]);
    }
  );

  it("refuses a file that is not a workbook, and a template id it does not know", async () => {
    fs.writeFileSync(file("khong-phai.xlsx"), "không phải zip");
    const built = await cli("template", "build", file("khong-phai.xlsx"), "-o", file("mau.json"));
    expect(built.code).toBe(2);
    expect(built.stderr).not.toBe("");
    expect(fs.existsSync(file("mau.json"))).toBe(false);
    const exported = await cli("template", "export", "khong-co", "-o", file("mau.xlsx"));
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('Không có mẫu "khong-co"');
    expect(fs.existsSync(file("mau.xlsx"))).toBe(false);
  });
});
