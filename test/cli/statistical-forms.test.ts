// The TLĐ statistical forms Mẫu số 1-HĐCĐ (grassroots unions) and 2-HĐCĐ (upper levels) of
// QĐ 1454/QĐ-TLĐ, authored as template files, end to end from the CLI: new for a cut-off date →
// fill 3 units → validate → consolidate → export → next cut-off. Every figure below is an
// EXAMPLE FIGURE (số liệu ví dụ), made up to be plausible; none is a unit's real report.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import JSZip from "jszip";
import { cli } from "./run";

const FORM_1 = path.resolve(__dirname, "../../src/templates/forms/thong-ke-1-hdcd.json");
const FORM_2 = path.resolve(__dirname, "../../src/templates/forms/thong-ke-2-hdcd.json");
const EXAMPLE_NOTE =
  "Số liệu trong báo cáo này là số liệu ví dụ, không phải số liệu thật của đơn vị.";

/** Example figures (số liệu ví dụ) of three grassroots unions for Mẫu số 1-HĐCĐ, as of 31/5/2025. */
const CDCS: { name: string; values: Record<string, number> }[] = [
  {
    name: "CĐCS Công ty Cổ phần Thủy điện Nậm Na",
    values: {
      lao_dong_tong: 412,
      lao_dong_nu: 96,
      thieu_viec_lam: 0,
      thieu_viec_lam_nu: 0,
      luong_binh_quan: 9_850_000,
      luong_so_nguoi_tinh: 398,
      no_luong: 0,
      nha_o_bo_tri: 120,
      nha_o_tu_thue: 85,
      ky_hdld: 412,
      dong_bao_hiem: 405,
    },
  },
  {
    name: "CĐCS Công ty TNHH Chè Tam Đường",
    values: {
      lao_dong_tong: 268,
      lao_dong_nu: 171,
      thieu_viec_lam: 12,
      thieu_viec_lam_nu: 9,
      luong_binh_quan: 6_420_000,
      luong_so_nguoi_tinh: 251,
      no_luong: 0,
      nha_o_bo_tri: 40,
      nha_o_tu_thue: 96,
      ky_hdld: 262,
      dong_bao_hiem: 240,
    },
  },
  {
    name: "CĐCS Trường THPT Lai Châu",
    values: {
      lao_dong_tong: 84,
      lao_dong_nu: 57,
      thieu_viec_lam: 0,
      thieu_viec_lam_nu: 0,
      luong_binh_quan: 8_900_000,
      luong_so_nguoi_tinh: 84,
      no_luong: 0,
      nha_o_bo_tri: 0,
      nha_o_tu_thue: 31,
      ky_hdld: 84,
      dong_bao_hiem: 84,
    },
  },
];

/** Example figures (số liệu ví dụ) of three provincial federations for Mẫu số 2-HĐCĐ, as of 30/11/2025. */
const UPPER: { name: string; values: Record<string, number> }[] = [
  {
    name: "LĐLĐ tỉnh Lai Châu",
    values: {
      lao_dong_tong: 31_250,
      lao_dong_nu: 14_210,
      thieu_viec_lam: 420,
      thieu_viec_lam_nu: 260,
      luong_binh_quan: 7_350_000,
      luong_so_nguoi_tinh: 29_800,
      luong_bq_hanh_chinh: 8_900_000,
      luong_so_nguoi_hanh_chinh: 6_100,
      luong_bq_su_nghiep: 7_600_000,
      luong_so_nguoi_su_nghiep: 15_400,
    },
  },
  {
    name: "LĐLĐ tỉnh Điện Biên",
    values: {
      lao_dong_tong: 36_800,
      lao_dong_nu: 17_020,
      thieu_viec_lam: 515,
      thieu_viec_lam_nu: 300,
      luong_binh_quan: 7_120_000,
      luong_so_nguoi_tinh: 35_100,
      luong_bq_hanh_chinh: 8_750_000,
      luong_so_nguoi_hanh_chinh: 7_400,
      luong_bq_su_nghiep: 7_480_000,
      luong_so_nguoi_su_nghiep: 18_800,
    },
  },
  {
    name: "LĐLĐ tỉnh Sơn La",
    values: {
      lao_dong_tong: 58_900,
      lao_dong_nu: 27_650,
      thieu_viec_lam: 830,
      thieu_viec_lam_nu: 470,
      luong_binh_quan: 7_410_000,
      luong_so_nguoi_tinh: 56_300,
      luong_bq_hanh_chinh: 8_820_000,
      luong_so_nguoi_hanh_chinh: 9_900,
      luong_bq_su_nghiep: 7_550_000,
      luong_so_nguoi_su_nghiep: 27_600,
    },
  },
];

let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-thong-ke-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function unitData(
  template: string,
  period: string,
  parentBody: string,
  unit: { name: string; values: Record<string, number> },
  i: number,
  overrides: Record<string, number> = {}
): string {
  return JSON.stringify({
    template,
    templateVersion: "1.0.0",
    header: {
      parentBody,
      issuingBody: unit.name,
      number: `0${i + 3}/BC`,
      place: "Lai Châu",
      date: period === "2025-05-31" ? "2025-06-05" : "2025-12-05",
      period,
      signerName: "Nguyễn Văn An",
    },
    values: { ...unit.values, ...overrides },
    texts: { preamble: EXAMPLE_NOTE },
  });
}

async function documentText(docx: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(docx));
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, "");
}

/** new → fill each unit → validate each; returns the units' folder. */
async function unitsFilled(
  form: string,
  template: string,
  period: string,
  parentBody: string,
  units: { name: string; values: Record<string, number> }[]
): Promise<string> {
  const blank = file("trong.xlsx");
  const made = await cli("new", "--template-file", form, "-o", blank, "--period", period);
  expect({ code: made.code, err: made.stderr }).toEqual({ code: 0, err: "" });
  fs.mkdirSync(file("don-vi"));
  for (const [i, unit] of units.entries()) {
    fs.writeFileSync(file(`du-lieu-${i}.json`), unitData(template, period, parentBody, unit, i));
    const out = file("don-vi", `don-vi-${i + 1}.xlsx`);
    const filled = await cli(
      "fill",
      blank,
      "--template-file",
      form,
      "--data",
      file(`du-lieu-${i}.json`),
      "-o",
      out
    );
    expect(filled.code).toBe(0);
    const checked = await cli("validate", "--template-file", form, out);
    expect({ i, code: checked.code, out: checked.stdout }).toMatchObject({ i, code: 0 });
  }
  return file("don-vi");
}

function sum(units: { values: Record<string, number> }[], id: string): number {
  return units.reduce((a, u) => a + u.values[id], 0);
}

describe("Mẫu số 1-HĐCĐ and 2-HĐCĐ (QĐ 1454/QĐ-TLĐ) from the CLI", () => {
  it("both forms are valid against the template file's JSON Schema (what an editor checks as one types)", () => {
    const schema = path.resolve(__dirname, "../../src/core/model/template-file.schema.json");
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(schema, "utf8"))
    );
    for (const form of [FORM_1, FORM_2]) {
      expect({
        form,
        ok: validate(JSON.parse(fs.readFileSync(form, "utf8"))),
        errors: validate.errors ?? [],
      }).toEqual({ form, ok: true, errors: [] });
    }
  });

  it("1-HĐCĐ: three CĐCS as of 31/5/2025 → validate → consolidate → export → next cut-off 30/11", async () => {
    // The forms' own way of writing the date is accepted and stored as the period code.
    const typed = await cli(
      "new",
      "--template-file",
      FORM_1,
      "-o",
      file("a.xlsx"),
      "--period",
      "31/5/2025"
    );
    expect(typed.code).toBe(0);
    const asRead = await cli("dump", "--template-file", FORM_1, file("a.xlsx"));
    expect(JSON.parse(asRead.stdout).header).toMatchObject({
      period: "2025-05-31",
      title: "Hoạt động công đoàn cơ sở năm 2025 (số liệu tính đến ngày 31/5/2025)",
    });
    // Excel's own check on the "Kỳ báo cáo" cell lets the 10-character code be typed there.
    const cover = await (
      await JSZip.loadAsync(fs.readFileSync(file("a.xlsx")))
    )
      .file("xl/worksheets/sheet1.xml")!
      .async("string");
    const periodRule =
      /<dataValidation type="textLength"[^>]*promptTitle="Kỳ báo cáo"[^>]*>(.*?)<\/dataValidation>/.exec(
        cover
      );
    const [min, max] = [...(periodRule?.[1] ?? "").matchAll(/<formula\d>(\d+)</g)].map((m) =>
      Number(m[1])
    );
    expect("2025-05-31".length).toBeGreaterThanOrEqual(min);
    expect("2025-05-31".length).toBeLessThanOrEqual(max);
    // A day that is no cut-off is refused, with the codes to write.
    const june = await cli(
      "new",
      "--template-file",
      FORM_1,
      "-o",
      file("b.xlsx"),
      "--period",
      "2025-06-30"
    );
    expect(june.code).toBe(2);
    expect(june.stderr).toContain("2025-05-31 (tính đến ngày 31/5/2025), 2025-11-30");
    expect(fs.existsSync(file("b.xlsx"))).toBe(false);

    const units = await unitsFilled(
      FORM_1,
      "thong-ke-1-hdcd",
      "2025-05-31",
      "LĐLĐ tỉnh Lai Châu",
      CDCS
    );

    // The form's "trong đó" and the rules it implies are checked.
    fs.writeFileSync(
      file("sai.json"),
      unitData("thong-ke-1-hdcd", "2025-05-31", "LĐLĐ tỉnh Lai Châu", CDCS[0], 0, {
        lao_dong_nu: 500,
        nha_o_tu_thue: 300,
      })
    );
    await cli(
      "fill",
      file("trong.xlsx"),
      "--template-file",
      FORM_1,
      "--data",
      file("sai.json"),
      "-o",
      file("sai.xlsx")
    );
    const wrong = await cli("validate", "--template-file", FORM_1, file("sai.xlsx"), "--json");
    expect(wrong.code).toBe(1);
    const messages = (JSON.parse(wrong.stdout) as { findings: { message: string }[] }).findings
      .map((f) => f.message)
      .join("\n");
    expect(messages).toContain("2. Trong đó: nữ");
    expect(messages).toContain(
      "Số người được bố trí nhà ở cộng số người tự thuê nhà ở (dòng 7 + dòng 8) lớn hơn tổng số lao động (dòng 1)."
    );

    const th = file("tong-hop.xlsx");
    const merged = await cli(
      "consolidate",
      "--template-file",
      FORM_1,
      units,
      "-o",
      th,
      "--issuer",
      "LĐLĐ tỉnh Lai Châu",
      // The date as the form writes it names the same cut-off as the units' 2025-05-31.
      "--period",
      "31/5/2025"
    );
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain("3 tệp");
    const dump = JSON.parse((await cli("dump", "--template-file", FORM_1, th)).stdout) as {
      header: { period: string };
      values: Record<string, number>;
    };
    expect(dump.header.period).toBe("2025-05-31");
    for (const id of [
      "lao_dong_tong",
      "lao_dong_nu",
      "thieu_viec_lam",
      "nha_o_tu_thue",
      "ky_hdld",
      "dong_bao_hiem",
    ]) {
      expect({ id, v: dump.values[id] }).toEqual({ id, v: sum(CDCS, id) });
    }
    // An average wage is not summed or averaged unweighted: the consolidated form leaves it blank.
    expect(dump.values.luong_binh_quan).toBeUndefined();
    expect((await cli("validate", "--template-file", FORM_1, th)).code).toBe(0);

    const draft = file("tong-hop.docx");
    expect((await cli("export", "--template-file", FORM_1, th, "-o", draft)).code).toBe(0);
    const text = await documentText(draft);
    expect(text).toContain("Hoạt động công đoàn cơ sở năm 2025 (số liệu tính đến ngày 31/5/2025)");
    expect(text).toContain("Tổng số lao động 764 người, trong đó nữ 324 người (42,4%)");
    expect(text).toContain("Số lao động thiếu việc làm 12 người, trong đó nữ 09 người");
    // The units' own figures follow as the appendix table.
    expect(text).toContain("BIỂU TỔNG HỢP");
    expect(text).toContain("CĐCS Công ty TNHH Chè Tam Đường");

    // One unit's own draft states its average wage in full.
    const unitDraft = file("don-vi-1.docx");
    expect(
      (
        await cli(
          "export",
          "--template-file",
          FORM_1,
          file("don-vi", "don-vi-1.xlsx"),
          "-o",
          unitDraft
        )
      ).code
    ).toBe(0);
    expect(await documentText(unitDraft)).toContain(
      "Tiền lương bình quân tháng của 1 người lao động 9.850.000 đồng (số người được tính: 398 người)"
    );

    const next = await cli(
      "next",
      "--template-file",
      FORM_1,
      file("don-vi", "don-vi-1.xlsx"),
      "-o",
      file("ky-sau.xlsx")
    );
    expect(next.code).toBe(0);
    const nextHeader = JSON.parse(
      (await cli("dump", "--template-file", FORM_1, file("ky-sau.xlsx"))).stdout
    ).header;
    expect(nextHeader.period).toBe("2025-11-30");
  }, 180_000);

  it("2-HĐCĐ: three provincial federations as of 30/11/2025 → consolidate with computed rates → export → next 31/5/2026", async () => {
    const units = await unitsFilled(
      FORM_2,
      "thong-ke-2-hdcd",
      "2025-11-30",
      "Tổng LĐLĐ Việt Nam",
      UPPER
    );
    const th = file("tong-hop.xlsx");
    const merged = await cli(
      "consolidate",
      "--template-file",
      FORM_2,
      units,
      "-o",
      th,
      "--issuer",
      "Tổng LĐLĐ Việt Nam"
    );
    expect(merged.code).toBe(0);
    const dump = JSON.parse((await cli("dump", "--template-file", FORM_2, th)).stdout) as {
      values: Record<string, number>;
    };
    for (const id of [
      "lao_dong_tong",
      "lao_dong_nu",
      "thieu_viec_lam",
      "thieu_viec_lam_nu",
      "luong_so_nguoi_tinh",
      "luong_so_nguoi_hanh_chinh",
      "luong_so_nguoi_su_nghiep",
    ]) {
      expect({ id, v: dump.values[id] }).toEqual({ id, v: sum(UPPER, id) });
    }
    expect((await cli("validate", "--template-file", FORM_2, th)).code).toBe(0);

    const draft = file("tong-hop.docx");
    expect((await cli("export", "--template-file", FORM_2, th, "-o", draft)).code).toBe(0);
    const text = await documentText(draft);
    expect(text).toContain(
      "Tổng hợp số liệu về hoạt động công đoàn năm 2025 (số liệu tính đến ngày 30/11/2025)"
    );
    expect(text).toContain("Tổng số lao động 126.950 người, trong đó nữ 58.880 người (46,4%)");
    // The rates are recomputed from the totals (1.765/126.950, 1.030/58.880), never averaged.
    expect(text).toContain("Số lao động thiếu việc làm 1.765 người, bằng 1,4% tổng số lao động");
    expect(text).toContain(
      "Số lao động nữ thiếu việc làm 1.030 người, bằng 1,7% tổng số lao động nữ"
    );
    expect(text).toContain("LĐLĐ tỉnh Điện Biên");

    const next = await cli(
      "next",
      "--template-file",
      FORM_2,
      file("don-vi", "don-vi-1.xlsx"),
      "-o",
      file("ky-sau.xlsx")
    );
    expect(next.code).toBe(0);
    const nextHeader = JSON.parse(
      (await cli("dump", "--template-file", FORM_2, file("ky-sau.xlsx"))).stdout
    ).header;
    expect(nextHeader.period).toBe("2026-05-31");
  }, 180_000);
});
