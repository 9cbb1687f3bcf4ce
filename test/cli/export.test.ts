// baocao export: a filled workbook → the Word draft, with settings, and the CLI's file rules.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { loadSample } from "../../src/templates/samples";
import { cli } from "./run";

let dir: string;
const file = (name: string) => path.join(dir, name);
const sha = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function filledWorkbook(templateId: string): Promise<string> {
  const data = file(`${templateId}.json`);
  fs.writeFileSync(data, JSON.stringify(loadSample(templateId)));
  const blank = file(`${templateId}-blank.xlsx`);
  expect((await cli("new", templateId, "-o", blank)).code).toBe(0);
  const filled = file(`${templateId}.xlsx`);
  const r = await cli("fill", blank, "--data", data, "-o", filled);
  expect(r.code).toBe(0);
  return filled;
}

async function documentXml(docx: string, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(docx));
  return (await zip.file(part)?.async("string")) ?? "";
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-export-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("baocao export", () => {
  it("writes the draft with figures from the workbook and never touches the input", async () => {
    const xlsx = await filledWorkbook("quarterly-activity");
    const before = sha(xlsx);
    const out = file("bao-cao.docx");
    const r = await cli("export", xlsx, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`vào "${out}"`);
    expect(sha(xlsx)).toBe(before);
    const xml = await documentXml(out);
    expect(xml).toContain("1.591.896.000 đồng");
    expect(xml).toContain("Số: 62/BC-LĐLĐ");
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("applies --money, --no-zero-pad and --sources comments naming sheet and cell", async () => {
    const xlsx = await filledWorkbook("quarterly-activity");
    const out = file("gon.docx");
    const r = await cli(
      "export",
      xlsx,
      "-o",
      out,
      "--money",
      "compact",
      "--no-zero-pad",
      "--sources",
      "comments"
    );
    expect(r.code).toBe(0);
    // The text without its XML: a commented figure is a run of its own.
    const xml = (await documentXml(out)).replace(/<[^>]+>/g, "");
    expect(xml).toContain("1,592 tỷ đồng");
    // Issue 9: "phê duyệt 1 dự án" in its sentence (the old ": 1 dự án" label line was the defect).
    expect(xml).toContain("phê duyệt 1 dự án");
    const comments = await documentXml(out, "word/comments.xml");
    expect(comments).toMatch(
      /Số liệu: 1,592 tỷ đồng — LĐLĐ tỉnh hỗ trợ quà Tết: số tiền; trang “I\. Kết quả” ô C\d+/
    );
  });

  it("gives each province's figures in footnotes for the cluster report", async () => {
    const xlsx = await filledWorkbook("cluster-emulation");
    const out = file("cum.docx");
    expect((await cli("export", xlsx, "-o", out, "--sources", "appendix")).code).toBe(0);
    const notes = await documentXml(out, "word/footnotes.xml");
    expect(notes).toContain("2.751");
    expect(notes).toContain("Sơn La");
    const xml = await documentXml(out);
    expect(xml).toContain("NGUỒN SỐ LIỆU");
    expect(xml).toContain("2.2 01 triệu sáng kiến");
  });

  it("refuses to overwrite without --force and reports bad settings with exit 2", async () => {
    const xlsx = await filledWorkbook("annual-plan");
    const out = file("kh.docx");
    fs.writeFileSync(out, "giữ nguyên");
    const r = await cli("export", xlsx, "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--force");
    expect(fs.readFileSync(out, "utf8")).toBe("giữ nguyên");
    expect((await cli("export", xlsx, "-o", out, "--force")).code).toBe(0);

    const settings = file("settings.json");
    fs.writeFileSync(settings, JSON.stringify({ margins: { left: 25 } }));
    const bad = await cli("export", xlsx, "-o", file("x.docx"), "--settings", settings);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("margins.left");
    expect(bad.stderr).toContain("từ 30 đến 35 mm");
    const money = await cli("export", xlsx, "-o", file("y.docx"), "--money", "tỷ");
    expect(money.code).toBe(2);
    expect(money.stderr).toContain("--money");
    expect(fs.existsSync(file("x.docx")) || fs.existsSync(file("y.docx"))).toBe(false);
  });

  it("exits 2 on unusable input and still exports a workbook with errors, counting them", async () => {
    const missing = await cli("export", file("khong-co.xlsx"), "-o", file("a.docx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Không tìm thấy tệp");
    fs.writeFileSync(file("hong.xlsx"), "không phải xlsx");
    expect((await cli("export", file("hong.xlsx"), "-o", file("b.docx"))).code).toBe(2);

    const blank = file("trong.xlsx");
    expect((await cli("new", "quarterly-activity", "-o", blank)).code).toBe(0);
    const r = await cli("export", blank, "-o", file("nhap.docx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/sổ tính có \d+ lỗi và \d+ cảnh báo; dự thảo vẫn được xuất/);
    expect(fs.existsSync(file("nhap.docx"))).toBe(true);
  });
});
