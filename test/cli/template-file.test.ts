// --template-file end to end: a template written by hand from the README (a new id, one section,
// a per-unit table, a part-of-whole pair, a target, a rule) goes through new → fill → validate →
// consolidate 7 units → export; a bad template file is refused at its JSON paths, nothing written.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { builtInTemplates } from "../../src/templates";
import { templateContract } from "../../src/core/model/contract";
import { cli } from "./run";

const templateFile = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const UNITS = [
  "LĐLĐ huyện Tam Đường",
  "LĐLĐ huyện Phong Thổ",
  "LĐLĐ huyện Sìn Hồ",
  "LĐLĐ huyện Mường Tè",
  "LĐLĐ huyện Than Uyên",
  "LĐLĐ huyện Tân Uyên",
  "LĐLĐ thành phố Lai Châu",
];
let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-template-file-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One unit's report: its own row of the per-unit table. */
function unitJson(i: number, overrides: Record<string, number | null> = {}): string {
  const requested = 3 + i;
  return JSON.stringify({
    template: "mai-am-cong-doan",
    templateVersion: "1.0.0",
    header: {
      issuingBody: UNITS[i],
      number: `${10 + i}/BC-LĐLĐ`,
      place: "Lai Châu",
      date: "2025-12-05",
      period: "2025",
      signerTitle: "CHỦ TỊCH",
      signerName: "Nguyễn Văn An",
    },
    units: [
      {
        name: UNITS[i],
        parent: null,
        values: {
          ma_de_nghi: requested,
          ma_da_ho_tro: i + 1,
          ma_tien: (i + 1) * 60_000_000,
          ...overrides,
        },
      },
    ],
  });
}

describe("baocao … --template-file", () => {
  it("new → fill → validate → consolidate 7 units → dump → export with a hand-written template", async () => {
    const blank = file("trong.xlsx");
    const made = await cli("new", "--template-file", templateFile, "-o", blank, "--period", "2025");
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('mẫu "mai-am-cong-doan"');

    // Without the template file the workbook is read with the definition it carries.
    const without = await cli("validate", blank);
    expect(without.code).not.toBe(2);
    expect(without.stderr).toContain("dùng định nghĩa mẫu lưu trong sổ");

    fs.mkdirSync(file("don-vi"));
    for (let i = 0; i < UNITS.length; i++) {
      fs.writeFileSync(file(`du-lieu-${i}.json`), unitJson(i));
      const filled = await cli(
        "fill",
        blank,
        "--template-file",
        templateFile,
        "--data",
        file(`du-lieu-${i}.json`),
        "-o",
        file("don-vi", `don-vi-${i + 1}.xlsx`)
      );
      expect(filled.code).toBe(0);
      const checked = await cli(
        "validate",
        "--template-file",
        templateFile,
        file("don-vi", `don-vi-${i + 1}.xlsx`)
      );
      expect({ i, code: checked.code, out: checked.stdout }).toMatchObject({ i, code: 0 });
      // The template's target is checked per unit (20 houses: none of the units reaches it alone).
      expect(checked.stdout).toContain("Hỗ trợ xây mới, sửa chữa nhà “Mái ấm Công đoàn”");
    }

    // The template's own rules run: a part larger than its whole is an error, a missing amount a warning.
    fs.writeFileSync(file("sai.json"), unitJson(0, { ma_da_ho_tro: 9, ma_tien: null }));
    await cli(
      "fill",
      blank,
      "--template-file",
      templateFile,
      "--data",
      file("sai.json"),
      "-o",
      file("sai.xlsx")
    );
    const wrong = await cli(
      "validate",
      "--template-file",
      templateFile,
      file("sai.xlsx"),
      "--json"
    );
    expect(wrong.code).toBe(1);
    const findings = (
      JSON.parse(wrong.stdout) as { findings: { code?: string; message: string }[] }
    ).findings
      .map((f) => f.message)
      .join("\n");
    expect(findings).toContain("Đã hỗ trợ nhà nhưng chưa ghi số tiền hỗ trợ.");

    const th = file("tong-hop.xlsx");
    const merged = await cli(
      "consolidate",
      "--template-file",
      templateFile,
      file("don-vi"),
      "-o",
      th
    );
    expect(merged.stderr).toContain("7 tệp");
    expect(merged.code).toBe(0);

    const dump = await cli("dump", "--template-file", templateFile, th);
    expect(dump.code).toBe(0);
    const data = JSON.parse(dump.stdout) as {
      units: { name: string; values: Record<string, number> }[];
      values: Record<string, number>;
    };
    expect(data.units.map((u) => u.name).sort()).toEqual([...UNITS].sort());
    const sum = (f: (i: number) => number) => UNITS.reduce((a, _u, i) => a + f(i), 0);
    expect(data.values.ma_de_nghi).toBe(sum((i) => 3 + i));
    expect(data.values.ma_da_ho_tro).toBe(sum((i) => i + 1));
    expect(data.values.ma_tien).toBe(sum((i) => (i + 1) * 60_000_000));

    const v = await cli("validate", "--template-file", templateFile, th);
    expect(v.code).toBe(0);

    const draft = file("bao-cao.docx");
    const exported = await cli("export", "--template-file", templateFile, th, "-o", draft);
    expect(exported.code).toBe(0);
    const xml = await (
      await JSZip.loadAsync(fs.readFileSync(draft))
    )
      .file("word/document.xml")!
      .async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("I. KẾT QUẢ HỖ TRỢ NHÀ Ở CHO ĐOÀN VIÊN");
    // The part-of-whole pair and the target, from the consolidated totals (28 of 42; target 20).
    expect(text).toContain("28/42 nhà đã được hỗ trợ (66,7%), đạt 140% chỉ tiêu");
    expect(text).toContain("Tổng cộng42281.680.000.000");
    const unitDraft = await cli(
      "export",
      "--template-file",
      templateFile,
      file("don-vi", "don-vi-1.xlsx"),
      "-o",
      file("don-vi-1.docx")
    );
    expect(unitDraft.code).toBe(0);

    const next = await cli(
      "next",
      "--template-file",
      templateFile,
      file("don-vi", "don-vi-1.xlsx"),
      "-o",
      file("nam-sau.xlsx")
    );
    expect(next.code).toBe(0);
    expect(next.stdout).toContain("2026");
  }, 120_000);

  it("shadows a built-in template with the same id, with a notice", async () => {
    const [builtIn] = builtInTemplates();
    const printed = templateContract(builtIn);
    const changed = { ...printed, version: "1.2.0", title: "Báo cáo hoạt động (bản của tỉnh)" };
    fs.writeFileSync(file("mau.json"), JSON.stringify(changed));
    const r = await cli("new", "--template-file", file("mau.json"), "-o", file("a.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`dùng mẫu "${builtIn.id}" phiên bản 1.2.0`);
    expect(r.stderr).toContain(`thay cho mẫu có sẵn cùng mã (phiên bản ${builtIn.version})`);
    expect(r.stdout).toContain("Báo cáo hoạt động (bản của tỉnh)");
  });

  it("refuses a template file with mistakes: every one at its JSON path, exit 2, nothing written", async () => {
    const bad = JSON.parse(fs.readFileSync(templateFile, "utf8")) as {
      indicators: { partOf?: string; section: string }[];
      tables: { sheet: string }[];
    };
    bad.indicators[1].partOf = "ma_khong_co";
    bad.indicators[2].section = "phan_hai";
    bad.tables[0].sheet = "Bảng: Mái ấm";
    fs.writeFileSync(file("sai.json"), JSON.stringify(bad));
    // Shape first (what Excel refuses), then the references between entries.
    for (const args of [
      ["new", "--template-file", file("sai.json"), "-o", file("x.xlsx")],
      ["validate", "--template-file", file("sai.json"), file("x.xlsx")],
    ]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`Tệp mẫu "${file("sai.json")}" có 1 lỗi; chưa ghi tệp nào`);
      expect(r.stderr).toContain("tables[0](mai_am).sheet: tên trang tính không được chứa");
    }
    bad.tables[0].sheet = "Bảng Mái ấm";
    fs.writeFileSync(file("sai.json"), JSON.stringify(bad));
    const second = await cli("new", "--template-file", file("sai.json"), "-o", file("x.xlsx"));
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('indicators[2](ma_tien).section: không có mục "phan_hai"');
    // The partOf is reported once the shape is right.
    bad.indicators[2].section = "ket_qua";
    fs.writeFileSync(file("sai.json"), JSON.stringify(bad));
    const r = await cli("new", "--template-file", file("sai.json"), "-o", file("x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('indicators[1](ma_da_ho_tro).partOf: partOf trỏ tới "ma_khong_co"');
    // The whole `templates --json` list is not one template: say which element to take.
    const list = await cli("templates", "--json");
    fs.writeFileSync(file("tat-ca.json"), list.stdout);
    const all = await cli("new", "--template-file", file("tat-ca.json"), "-o", file("x.xlsx"));
    expect(all.code).toBe(2);
    expect(all.stderr).toContain("là danh sách 5 mẫu");
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx"))).toEqual([]);
  });

  it("templates --template-file checks a file and lists it; --json prints it back unchanged", async () => {
    const r = await cli("templates", "--template-file", templateFile);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Tệp mẫu "${templateFile}" hợp lệ: mẫu "mai-am-cong-doan"`);
    const j = await cli("templates", "--template-file", templateFile, "--json");
    const printed = (JSON.parse(j.stdout) as { id: string }[]).find(
      (t) => t.id === "mai-am-cong-doan"
    );
    fs.writeFileSync(file("in-lai.json"), JSON.stringify(printed));
    const again = await cli("templates", "--template-file", file("in-lai.json"), "--json");
    expect(again.stdout).toBe(j.stdout);
  });

  it("needs a template id or a template file for new, and they must agree", async () => {
    const none = await cli("new", "-o", file("a.xlsx"));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Chưa chọn mẫu");
    const both = await cli(
      "new",
      "quarterly-activity",
      "--template-file",
      templateFile,
      "-o",
      file("a.xlsx")
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('là mẫu "mai-am-cong-doan", khác mã "quarterly-activity"');
  });
});
