import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { builtInTemplates } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { cli } from "./run";

let dir: string;
const file = (name: string) => path.join(dir, name);
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const writeJson = (name: string, value: unknown) => {
  fs.writeFileSync(file(name), JSON.stringify(value));
  return file(name);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("baocao basics", () => {
  it("prints its version and help", async () => {
    const v = await cli("--version");
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await cli("--help");
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("tạo sổ tính mới từ một mẫu");
  });

  it("rejects unknown options and commands in Vietnamese with exit 2", async () => {
    const r = await cli("templates", "--bogus");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Tùy chọn không có: '--bogus'");
    const c = await cli("frobnicate");
    expect(c.code).toBe(2);
    expect(c.stderr).toContain("Lệnh không có");
  });
});

describe("baocao templates", () => {
  it("lists every template with version and title", async () => {
    const r = await cli("templates");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").map((l) => l.trim().split(/\s{2,}/));
    for (const t of builtInTemplates()) {
      expect(lines).toContainEqual([t.id, `v${t.version}`, t.title]);
    }
  });

  it("--json gives the full schema with the contract fields", async () => {
    const r = await cli("templates", "--json");
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; indicators: Record<string, unknown>[] }[];
    expect(list.map((t) => t.id)).toEqual(builtInTemplates().map((t) => t.id));
    const ind = list[0].indicators.find((i) => i.id === "don_thu_giai_quyet")!;
    expect(ind).toMatchObject({
      type: "integer",
      unit: "đơn",
      required: false,
      aggregation: "sum",
      perUnit: false,
      partOf: "don_thu_nhan",
      target: null,
      section: "dai_dien",
    });
    expect(ind).toHaveProperty("min");
    expect(ind).toHaveProperty("max");
  });
});

describe("baocao new", () => {
  it("creates a workbook with the period and issuing unit filled in", async () => {
    const r = await cli(
      "new",
      "quarterly-activity",
      "-o",
      file("q.xlsx"),
      "--period",
      "2024-Q1",
      "--unit",
      "LĐLĐ tỉnh Lai Châu"
    );
    expect(r.code).toBe(0);
    const dump = await cli("dump", file("q.xlsx"));
    expect(dump.code).toBe(0);
    const data = JSON.parse(dump.stdout);
    expect(data.header).toMatchObject({
      period: "2024-Q1",
      issuingBody: "LĐLĐ tỉnh Lai Châu",
      title: "Hoạt động công tác Công đoàn quý I/2024, nhiệm vụ trọng tâm quý II/2024",
    });
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    fs.writeFileSync(file("q.xlsx"), "my precious workbook");
    const r = await cli("new", "quarterly-activity", "-o", file("q.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("đã có");
    expect(fs.readFileSync(file("q.xlsx"), "utf8")).toBe("my precious workbook");
    expect((await cli("new", "quarterly-activity", "-o", file("q.xlsx"), "--force")).code).toBe(0);
  });

  it("names the unknown template and lists the known ones", async () => {
    const r = await cli("new", "bao-cao-tuan", "-o", file("x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không có mẫu "bao-cao-tuan"');
    expect(r.stderr).toContain("quarterly-activity");
    expect(fs.existsSync(file("x.xlsx"))).toBe(false);
  });

  it("explains a period that does not fit the template", async () => {
    const r = await cli("new", "quarterly-activity", "-o", file("x.xlsx"), "--period", "2024-Q5");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Kỳ báo cáo "2024-Q5"');
    expect(r.stderr).toContain("2024-Q1 (quý I/2024)");
  });

  it("reports an output path that cannot be written, leaving nothing behind", async () => {
    fs.writeFileSync(file("a-file"), "");
    const target = path.join(file("a-file"), "out.xlsx");
    const r = await cli("new", "quarterly-activity", "-o", target);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Không ghi được tệp");
    expect(fs.readdirSync(dir)).toEqual(["a-file"]);
    const missingDir = await cli(
      "new",
      "quarterly-activity",
      "-o",
      path.join(dir, "khong-co", "q.xlsx")
    );
    expect(missingDir.code).toBe(2);
    expect(missingDir.stderr).toContain("không tồn tại");
  });
});

describe("baocao fill and dump", () => {
  it.each(builtInTemplates().map((t) => t.id))(
    "dump(fill(sample)) equals the sample for %s",
    async (id) => {
      expect((await cli("new", id, "-o", file("blank.xlsx"))).code).toBe(0);
      const data = writeJson("data.json", loadSample(id));
      const before = sha(file("blank.xlsx"));
      const f = await cli("fill", file("blank.xlsx"), "--data", data, "-o", file("filled.xlsx"));
      expect(f.stderr).toBe("");
      expect(f.code).toBe(0);
      expect(sha(file("blank.xlsx"))).toBe(before);
      const d = await cli("dump", file("filled.xlsx"), "-o", file("out.json"));
      expect(d.code).toBe(0);
      expect(JSON.parse(fs.readFileSync(file("out.json"), "utf8"))).toEqual(loadSample(id));
    }
  );

  it("rejects data.json with wrong types or unknown ids, naming each field, writing nothing", async () => {
    await cli("new", "quarterly-activity", "-o", file("blank.xlsx"));
    const bad = {
      ...loadSample("quarterly-activity"),
      values: { tt_luot_tham_gia: "nhiều", khong_co_chi_so: 1, dv_ket_nap: 2.5 },
      texts: { muc_la: "x" },
    };
    const r = await cli(
      "fill",
      file("blank.xlsx"),
      "--data",
      writeJson("bad.json", bad),
      "-o",
      file("out.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("values.tt_luot_tham_gia");
    expect(r.stderr).toContain("cần số nguyên");
    expect(r.stderr).toContain(
      'values.khong_co_chi_so: mẫu "quarterly-activity" không có chỉ số mã "khong_co_chi_so"'
    );
    expect(r.stderr).toContain("values.dv_ket_nap");
    expect(r.stderr).toContain("texts.muc_la");
    expect(fs.existsSync(file("out.xlsx"))).toBe(false);
  });

  it("reports where a data.json is not valid JSON", async () => {
    await cli("new", "quarterly-activity", "-o", file("blank.xlsx"));
    fs.writeFileSync(
      file("broken.json"),
      '{\n  "template": "quarterly-activity",\n  "values": { "a": 1,, }\n}'
    );
    const r = await cli(
      "fill",
      file("blank.xlsx"),
      "--data",
      file("broken.json"),
      "-o",
      file("out.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không phải JSON hợp lệ ở dòng 3/);
  });

  it("refuses to write over its input", async () => {
    await cli("new", "quarterly-activity", "-o", file("blank.xlsx"));
    const data = writeJson("data.json", loadSample("quarterly-activity"));
    const r = await cli(
      "fill",
      file("blank.xlsx"),
      "--data",
      data,
      "-o",
      file("blank.xlsx"),
      "--force"
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("chính là tệp đầu vào");
  });

  it("refuses files that are not BáoCáo workbooks, or not workbooks at all", async () => {
    fs.writeFileSync(file("note.xlsx"), "not a zip");
    const notXlsx = await cli("dump", file("note.xlsx"));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.stderr).toContain("không phải sổ tính Excel");
    const missing = await cli("dump", file("khong-co.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy tệp");
  });

  it("keeps sheets the user added when filling", async () => {
    const ExcelJS = await import("exceljs");
    await cli("new", "quarterly-activity", "-o", file("blank.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("blank.xlsx"));
    wb.addWorksheet("Ghi chú riêng").getCell("A1").value = "Số liệu tạm, chờ huyện gửi";
    await wb.xlsx.writeFile(file("mine.xlsx"));
    const data = writeJson("data.json", loadSample("quarterly-activity"));
    const r = await cli("fill", file("mine.xlsx"), "--data", data, "-o", file("out.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"Ghi chú riêng"');
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(file("out.xlsx"));
    expect(out.getWorksheet("Ghi chú riêng")!.getCell("A1").value).toBe(
      "Số liệu tạm, chờ huyện gửi"
    );
  });
});

describe("baocao demo", () => {
  it("writes a filled workbook, its check and its Word draft for every template", async () => {
    const r = await cli("demo", "--out", file("out"));
    expect(r.code).toBe(0);
    for (const t of builtInTemplates()) {
      expect(fs.existsSync(path.join(dir, "out", `${t.id}.xlsx`))).toBe(true);
      expect(fs.existsSync(path.join(dir, "out", `${t.id}-trong.xlsx`))).toBe(true);
      // The Word draft is a zip (PK) with the document part.
      const docx = fs.readFileSync(path.join(dir, "out", `${t.id}.docx`));
      expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
      expect(docx.includes(Buffer.from("word/document.xml"))).toBe(true);
      const check = JSON.parse(
        fs.readFileSync(path.join(dir, "out", `${t.id}-kiem-tra.json`), "utf8")
      );
      expect({ id: t.id, errors: check.errors, ready: check.ready }).toEqual({
        id: t.id,
        errors: 0,
        ready: true,
      });
    }
  });
});
