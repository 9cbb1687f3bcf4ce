import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import Ajv2020 from "ajv/dist/2020";
import { builtInTemplates } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { validationOutputJsonSchema } from "../../src/core/validate/report-schema";
import { cli } from "./run";

let dir: string;
const file = (n: string) => path.join(dir, n);
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-validate-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function filled(id: string, name = `${id}.xlsx`): Promise<string> {
  await cli("new", id, "-o", file("blank.xlsx"), "--force");
  fs.writeFileSync(file("data.json"), JSON.stringify(loadSample(id)));
  const r = await cli(
    "fill",
    file("blank.xlsx"),
    "--data",
    file("data.json"),
    "-o",
    file(name),
    "--force"
  );
  expect(r.code).toBe(0);
  return file(name);
}

/** Edits a workbook as a user would in Excel, through its defined names. */
async function edit(f: string, changes: Record<string, ExcelJS.CellValue>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  for (const [name, value] of Object.entries(changes)) {
    const ref = wb.definedNames.model.find((n) => n.name === name)!.ranges[0];
    const [sheet, addr] = ref.split("!");
    const ws = wb.getWorksheet(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"))!;
    ws.getCell(addr.replace(/\$/g, "").split(":")[0]).value = value;
  }
  await wb.xlsx.writeFile(f);
}

describe("baocao validate", () => {
  it.each(builtInTemplates().map((t) => t.id))(
    "passes the sample of %s with exit 0",
    async (id) => {
      const f = await filled(id);
      const r = await cli("validate", f);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("SẴN SÀNG GỬI");
    }
  );

  it("exits 1 on errors, groups them by sheet, and never modifies the file", async () => {
    const f = await filled("quarterly-activity");
    await edit(f, { BC_tt_luot_tham_gia: -3, BC_cho_tet_suat: "2.042", BCH_issuingBody: null });
    const before = sha(f);
    const r = await cli("validate", f);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trang "I. Kết quả":');
    expect(r.stdout).toMatch(/\[LỖI\] C\d+ "Số lượt đoàn viên, CNVCLĐ tham gia" là -3/);
    expect(r.stdout).toMatch(/\[Lưu ý\] C\d+ .*số gõ dưới dạng văn bản "2\.042"/);
    expect(r.stdout).toContain("CHƯA SẴN SÀNG: 2 lỗi");
    expect(sha(f)).toBe(before);
  });

  it("--json prints {errors, warnings, findings} matching its JSON Schema", async () => {
    const f = await filled("cluster-emulation");
    await edit(f, { BC_dv_ket_nap: 1.5 });
    const r = await cli("validate", f, "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const validate = new Ajv2020({ strict: false }).compile(validationOutputJsonSchema());
    expect(validate(out)).toBe(true);
    expect(out.errors).toBe(1);
    expect(out.findings.find((x: { rule: string }) => x.rule === "whole-number")).toMatchObject({
      severity: "error",
      indicator: "dv_ket_nap",
      value: 1.5,
    });
  });

  it("warns of outliers against the previous period's workbook", async () => {
    const prev = await filled("quarterly-activity", "q1.xlsx");
    const cur = await filled("quarterly-activity", "q2.xlsx");
    await edit(cur, { BC_tt_luot_tham_gia: 556800 });
    const r = await cli("validate", cur, "--previous", prev, "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.findings.find((x: { rule: string }) => x.rule === "outlier")).toMatchObject({
      indicator: "tt_luot_tham_gia",
      message: expect.stringContaining("tăng gấp 10 lần so với kỳ trước (quý I/2024)"),
    });
  });

  it("exits 2 for unusable input: not xlsx, another template as previous, unknown template, unsupported version", async () => {
    fs.writeFileSync(file("x.xlsx"), "PK not really");
    expect((await cli("validate", file("x.xlsx"))).code).toBe(2);
    const q = await filled("quarterly-activity");
    const c = await filled("annual-plan");
    const other = await cli("validate", q, "--previous", c);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("dùng mẫu");
    for (const [row, value, expected] of [
      [2, "bao-cao-tuan", "mà phiên bản BáoCáo này không có"],
      [3, "2.0.0", "không tương thích"],
    ] as const) {
      for (const carried of [true, false]) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(q);
        const meta = wb.getWorksheet("_BaoCao")!;
        meta.getCell(`B${row}`).value = value;
        // Without the template definition the workbook is as BáoCáo wrote it before carrying one.
        if (!carried)
          meta.eachRow((r) => {
            if (/^definition/.test(String(r.getCell(1).value))) r.values = [];
          });
        await wb.xlsx.writeFile(file("meta.xlsx"));
        const r = await cli("validate", file("meta.xlsx"));
        expect(r.code).toBe(2);
        // With it, the meta sheet no longer agrees with the definition: edited by hand.
        expect(r.stderr).toContain(carried ? "trang ẩn đã bị sửa ngoài BáoCáo" : expected);
      }
    }
  });
});
