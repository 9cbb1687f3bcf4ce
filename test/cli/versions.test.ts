// Template versions end to end (issue 13, item 5): 7 units' workbooks, 4 made from version 1.0.0
// of the hand-written "Mái ấm Công đoàn" template and 3 from 1.1.0 (an indicator added, one
// renamed, one split with carryTo), consolidate with the 1.1.0 file to totals computed by hand;
// migrate carries every value of an old workbook, and lists what a later version cannot take
// (a split with no part named for the old value, a removed indicator).
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { cli } from "./run";
import { isDefinitionKey } from "../support/without-definition";

const FIXTURES = path.resolve(__dirname, "../fixtures/templates");
const V10 = path.join(FIXTURES, "mai-am-cong-doan.json");
const V11 = path.join(FIXTURES, "mai-am-cong-doan-1.1.json");
const UNITS = [
  "LĐLĐ huyện Tam Đường",
  "LĐLĐ huyện Phong Thổ",
  "LĐLĐ huyện Sìn Hồ",
  "LĐLĐ huyện Mường Tè",
  "LĐLĐ huyện Than Uyên",
  "LĐLĐ huyện Tân Uyên",
  "LĐLĐ thành phố Lai Châu",
];
// Units 0–3 report on 1.0.0 (ma_tien is the union's money: carried to ma_tien_cd); 4–6 on 1.1.0.
const OLD = [
  { ma_de_nghi: 5, ma_da_ho_tro: 2, ma_tien: 120_000_000 },
  { ma_de_nghi: 6, ma_da_ho_tro: 3, ma_tien: 180_000_000 },
  { ma_de_nghi: 7, ma_da_ho_tro: 4, ma_tien: 240_000_000 },
  { ma_de_nghi: 8, ma_da_ho_tro: 5, ma_tien: 300_000_000 },
];
const NEW = [
  {
    ma_de_nghi: 9,
    ma_da_ban_giao: 6,
    ma_xay_moi: 3,
    ma_tien_cd: 360_000_000,
    ma_tien_xhh: 50_000_000,
  },
  {
    ma_de_nghi: 4,
    ma_da_ban_giao: 2,
    ma_xay_moi: 1,
    ma_tien_cd: 100_000_000,
    ma_tien_xhh: 20_000_000,
  },
  {
    ma_de_nghi: 6,
    ma_da_ban_giao: 5,
    ma_xay_moi: 2,
    ma_tien_cd: 250_000_000,
    ma_tien_xhh: 80_000_000,
  },
];

let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);
const sha = (p: string) => crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-versions-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A unit's workbook made from `template` (a file) with its own row of the per-unit table. */
/** A copy of a workbook without the template definition it carries (meta keys "definition…"). */
async function withoutDefinition(src: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  let cleared = 0;
  wb.getWorksheet("_BaoCao")!.eachRow((row) => {
    if (isDefinitionKey(row.getCell(1).value)) {
      row.getCell(1).value = null;
      row.getCell(2).value = null;
      cleared++;
    }
  });
  expect(cleared).toBeGreaterThanOrEqual(3);
  const out = src.replace(/\.xlsx$/, "-khong-dinh-nghia.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

async function unitWorkbook(
  template: string,
  version: string,
  i: number,
  values: Record<string, number>,
  extra: Record<string, unknown> = {}
): Promise<string> {
  const blank = file(`trong-${version}.xlsx`);
  if (!fs.existsSync(blank)) {
    const made = await cli("new", "--template-file", template, "-o", blank, "--period", "2025");
    expect(made.code).toBe(0);
  }
  const data = file(`du-lieu-${i}.json`);
  fs.writeFileSync(
    data,
    JSON.stringify({
      template: "mai-am-cong-doan",
      templateVersion: version,
      header: {
        issuingBody: UNITS[i],
        number: `${10 + i}/BC-LĐLĐ`,
        place: "Lai Châu",
        date: "2025-12-05",
        period: "2025",
        signerTitle: "CHỦ TỊCH",
        signerName: "Nguyễn Văn An",
      },
      units: [{ name: UNITS[i], parent: null, values }],
      ...extra,
    })
  );
  const out = file("don-vi", `don-vi-${i + 1}-v${version}.xlsx`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const filled = await cli("fill", blank, "--template-file", template, "--data", data, "-o", out);
  expect(filled.code).toBe(0);
  return out;
}

interface Dumped {
  templateVersion: string;
  values: Record<string, number>;
  units: { name: string; values: Record<string, number> }[];
  texts: Record<string, string>;
  targets?: Record<string, { value: number | null }>;
  consolidation?: { sources: { file: string; templateVersion: string; reasons: string[] }[] };
}

/** The sources sheet's text cells, as Excel would show them. */
async function sourcesSheetText(workbook: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  const ws = wb.getWorksheet("Nguồn tổng hợp")!;
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts.join("\n");
}

async function dump(template: string, workbook: string): Promise<Dumped> {
  const r = await cli("dump", "--template-file", template, workbook);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Dumped;
}

describe("template versions", () => {
  it("consolidates 4 workbooks of 1.0.0 and 3 of 1.1.0 with the 1.1.0 file to the right totals", async () => {
    // Unit 0 names a figure renamed since in its text: read by names, that is no problem of the file.
    await unitWorkbook(V10, "1.0.0", 0, OLD[0], {
      texts: { ket_qua: "Đã hỗ trợ {ma_da_ho_tro} nhà." },
    });
    for (let i = 1; i < 4; i++) await unitWorkbook(V10, "1.0.0", i, OLD[i]);
    for (let i = 4; i < 7; i++) await unitWorkbook(V11, "1.1.0", i, NEW[i - 4]);

    const out = file("tong-hop.xlsx");
    const r = await cli("consolidate", "--template-file", V11, file("don-vi"), "-o", out, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      sources: {
        file: string;
        status: string;
        templateVersion: string;
        reasons: string[];
        errors: number;
        warnings: number;
      }[];
      migrated: { file: string; from: string; to: string; notCarried: unknown[] }[];
    };
    expect(json.sources.map((s) => s.status)).toEqual(Array(7).fill("used"));
    const old = json.sources.filter((s) => s.templateVersion === "1.0.0");
    expect(old).toHaveLength(4);
    // Read by their names, the old files show none of the new layout's names as missing, and no
    // renamed figure in a text as unknown: the same counts as files of the current version.
    expect(json.sources.map((s) => [s.errors, s.warnings])).toEqual(
      json.sources.map(() => [0, json.sources[6].warnings])
    );
    for (const s of old)
      expect(s.reasons[0]).toMatch(
        /^Chuyển từ phiên bản 1\.0\.0 sang 1\.1\.0 .*chuyển được mọi số liệu/
      );
    expect(json.migrated.map((m) => [m.from, m.to, m.notCarried.length])).toEqual(
      Array(4).fill(["1.0.0", "1.1.0", 0])
    );

    const d = await dump(V11, out);
    expect(d.templateVersion).toBe("1.1.0");
    // Totals by hand: 5+6+7+8+9+4+6; 2+3+4+5+6+2+5; only the 1.1.0 units have ma_xay_moi and
    // ma_tien_xhh; the old units' ma_tien is the union's money (carryTo ma_tien_cd).
    expect(d.values).toEqual({
      ma_de_nghi: 45,
      ma_da_ban_giao: 27,
      ma_xay_moi: 6,
      ma_tien_cd: 1_550_000_000,
      ma_tien_xhh: 150_000_000,
    });
    const sinHo = d.units.find((u) => u.name === "LĐLĐ huyện Sìn Hồ")!;
    expect(sinHo.values).toEqual({ ma_de_nghi: 7, ma_da_ban_giao: 4, ma_tien_cd: 240_000_000 });
    // The sources sheet of the consolidated workbook says the same.
    const notes = d.consolidation!.sources.filter((s) => s.templateVersion === "1.0.0");
    expect(notes).toHaveLength(4);
    for (const s of notes) expect(s.reasons.join("\n")).toContain("Chuyển từ phiên bản 1.0.0");
    const v = await cli("validate", "--template-file", V11, out);
    expect(v.code).toBe(0);
    // The sheet's own opening line says so too.
    const sheet = await sourcesSheetText(out);
    expect(sheet).toContain(
      "4 tệp lập từ phiên bản cũ của mẫu (1.0.0) được chuyển sang phiên bản 1.1.0"
    );
  }, 180_000);

  it("refuses, saying why, a workbook the history cannot map; uses the others", async () => {
    await unitWorkbook(V10, "1.0.0", 0, OLD[0]);
    await unitWorkbook(V11, "1.1.0", 4, NEW[0]);
    // A 1.1.0 whose history does not reach 1.0.0.
    const cut = JSON.parse(fs.readFileSync(V11, "utf8")) as { history: { version: string }[] };
    cut.history = cut.history.slice(1).map((h) => ({ ...h, changes: [] }));
    const noHistory = file("khong-lich-su.json");
    fs.writeFileSync(
      noHistory,
      JSON.stringify({ ...cut, history: [{ version: "1.1.0", changes: [] }] })
    );
    // The file's own ids are still those of 1.1.0, so it loads; 1.0.0 has no way.
    const r = await cli(
      "consolidate",
      "--template-file",
      noHistory,
      file("don-vi"),
      "-o",
      file("th.xlsx"),
      "--json"
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      sources: { status: string; reasons: string[]; templateVersion: string }[];
    };
    const refused = json.sources.find((s) => s.templateVersion === "1.0.0")!;
    expect(refused.status).toBe("leftOut");
    expect(refused.reasons[0]).toMatch(
      /không chuyển được sang phiên bản 1\.1\.0: lịch sử của mẫu .* không có phiên bản 1\.0\.0/
    );
    expect(json.sources.find((s) => s.templateVersion === "1.1.0")!.status).toBe("used");
  }, 120_000);

  it("migrate carries every value of a 1.0.0 workbook into 1.1.0, read either way", async () => {
    const old = await unitWorkbook(V10, "1.0.0", 2, OLD[2], {
      texts: { ket_qua: "Đã hỗ trợ {ma_da_ho_tro} nhà, số tiền {ma_tien}." },
      targets: { tg_ma_da_ho_tro: { comparator: "gte", value: 25 } },
    });
    const before = sha(old);
    const viaTemplate = await cli(
      "migrate",
      old,
      "--to",
      V11,
      "--template-file",
      V10,
      "-o",
      file("moi-1.xlsx")
    );
    expect(viaTemplate.code).toBe(0);
    expect(viaTemplate.stdout).toContain("Đọc sổ cũ theo mẫu phiên bản 1.0.0");
    expect(viaTemplate.stdout).toContain(
      'Đổi mã: "Trong đó: đã hỗ trợ" (ma_da_ho_tro) → "Trong đó: đã hỗ trợ, bàn giao" (ma_da_ban_giao)'
    );
    expect(viaTemplate.stderr).toBe("");
    // Without the definition it carries (as workbooks were before they carried one), the old
    // workbook is read by its defined names.
    const bare = await withoutDefinition(old);
    const byNames = await cli("migrate", bare, "--to", V11, "-o", file("moi-2.xlsx"));
    expect(byNames.code).toBe(0);
    expect(byNames.stdout).toContain("đọc sổ cũ theo tên ô");
    expect(sha(old)).toBe(before);

    const a = await dump(V11, file("moi-1.xlsx"));
    const b = await dump(V11, file("moi-2.xlsx"));
    expect(b).toEqual(a);
    expect(a.templateVersion).toBe("1.1.0");
    expect(a.units).toEqual([
      {
        name: "LĐLĐ huyện Sìn Hồ",
        parent: null,
        values: { ma_de_nghi: 7, ma_da_ban_giao: 4, ma_tien_cd: 240_000_000 },
      },
    ]);
    expect(a.texts.ket_qua).toBe("Đã hỗ trợ {ma_da_ban_giao} nhà, số tiền {ma_tien_cd}.");
    expect(a.targets?.tg_ma_da_ho_tro.value).toBe(25);
    const v = await cli("validate", "--template-file", V11, file("moi-1.xlsx"));
    expect(v.code).toBe(0);
  }, 120_000);

  it("migrate lists what a later version cannot take: a split with no carryTo, a removed figure", async () => {
    // 1.2.0: ma_de_nghi split in two with no part meaning the old count; ma_xay_moi removed.
    const v12 = JSON.parse(fs.readFileSync(V11, "utf8")) as {
      version: string;
      indicators: { id: string; label: string; partOf?: string | null }[];
      history: unknown[];
    };
    v12.version = "1.2.0";
    const deNghi = v12.indicators.find((x) => x.id === "ma_de_nghi")!;
    v12.indicators = [
      { ...deNghi, id: "ma_de_nghi_xay", label: "Số nhà đề nghị xây mới" },
      { ...deNghi, id: "ma_de_nghi_sua", label: "Số nhà đề nghị sửa chữa" },
      ...v12.indicators
        .filter((x) => x.id !== "ma_de_nghi" && x.id !== "ma_xay_moi")
        .map((x) => (x.partOf === "ma_de_nghi" ? { ...x, partOf: null } : x)),
    ];
    v12.history.push({
      version: "1.2.0",
      changes: [
        { kind: "split", from: "ma_de_nghi", into: ["ma_de_nghi_xay", "ma_de_nghi_sua"] },
        { kind: "removed", id: "ma_xay_moi" },
      ],
    });
    const V12 = file("mai-am-1.2.json");
    fs.writeFileSync(V12, JSON.stringify(v12));

    const old = await unitWorkbook(V11, "1.1.0", 4, NEW[0]);
    const out = file("moi.xlsx");
    const r = await cli("migrate", old, "--to", V12, "--template-file", V11, "-o", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      notCarried: { id: string; label: string; value: number; why: string; where?: string }[];
    };
    expect(json.notCarried.map((n) => [n.id, n.label, n.value, n.where])).toEqual([
      ["ma_de_nghi", "Số nhà đề nghị hỗ trợ", 9, "LĐLĐ huyện Than Uyên"],
      ["ma_xay_moi", "Trong đó: xây mới", 3, "LĐLĐ huyện Than Uyên"],
    ]);
    expect(json.notCarried[0].why).toContain(
      'tách thành "Số nhà đề nghị xây mới", "Số nhà đề nghị sửa chữa"'
    );
    expect(json.notCarried[1].why).toContain("bỏ chỉ số này từ phiên bản 1.2.0");
    expect(r.stderr).toContain("2 giá trị không chuyển được");
    const d = await dump(V12, out);
    expect(d.units[0].values).toEqual({
      ma_da_ban_giao: 6,
      ma_tien_cd: 360_000_000,
      ma_tien_xhh: 50_000_000,
    });

    // From 1.0.0 straight to 1.2.0: the rename and the carryTo of 1.1.0, then 1.2.0's changes.
    const older = await unitWorkbook(V10, "1.0.0", 0, OLD[0]);
    const two = await cli("migrate", older, "--to", V12, "-o", file("moi-2.xlsx"), "--json");
    expect(two.code).toBe(1);
    const twoJson = JSON.parse(two.stdout) as { notCarried: { id: string; value: number }[] };
    expect(twoJson.notCarried.map((n) => [n.id, n.value])).toEqual([["ma_de_nghi", 5]]);
    expect((await dump(V12, file("moi-2.xlsx"))).units[0].values).toEqual({
      ma_da_ban_giao: 2,
      ma_tien_cd: 120_000_000,
    });

    // Back to an older version: refused, nothing written.
    const back = await cli("migrate", old, "--to", V10, "-o", file("lui.xlsx"));
    expect(back.code).toBe(2);
    expect(back.stderr).toContain("mới hơn phiên bản 1.0.0");
    expect(fs.existsSync(file("lui.xlsx"))).toBe(false);
    expect(
      fs.readdirSync(dir).filter((n) => n.includes(".tmp") || n.startsWith(".baocao"))
    ).toEqual([]);
  }, 180_000);
});
