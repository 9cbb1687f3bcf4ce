// baocao consolidate over districts' consolidated workbooks: the same totals as consolidating the
// grassroots files directly, a "Cộng theo cấp" summary, subtotals in --json, hierarchy problems
// printed as findings (never a crash); baocao new --units "name<TAB>parent" plans the sheet too.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { consolidate, consolidatedTemplate } from "../../src/core/consolidate";
import { screened, unitData, xlsxOf } from "../core/consolidate/fixtures";
import { cli } from "./run";

const qa = findTemplate("quarterly-activity")!;
const DISTRICTS = ["LĐLĐ huyện Yên Thế", "LĐLĐ huyện Lục Nam"];
const PROVINCE = "LĐLĐ tỉnh Bắc Giang";
let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

async function writeGrassroots(): Promise<string[][]> {
  fs.mkdirSync(file("cdcs"));
  const groups: string[][] = [[], []];
  for (let i = 0; i < 6; i++) {
    const f = file("cdcs", `cdcs-${i + 1}.xlsx`);
    fs.writeFileSync(f, await xlsxOf(qa, unitData(qa, `CĐCS số ${i + 1}`, 40 + i, "2024-Q1")));
    groups[i < 3 ? 0 : 1].push(f);
  }
  return groups;
}

async function sheetNames(f: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  return wb.worksheets.map((w) => w.name);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-hierarchy-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("baocao consolidate over consolidated workbooks", () => {
  it("sums every grassroots figure once, summarises the levels and gives subtotals in --json", async () => {
    const groups = await writeGrassroots();
    for (const [i, g] of groups.entries()) {
      const r = await cli(
        "consolidate",
        ...g,
        "-o",
        file(`huyen-${i + 1}.xlsx`),
        "--issuer",
        DISTRICTS[i]
      );
      expect(r.code).toBe(0);
      // A flat consolidation has no levels to summarise.
      expect(r.stderr).not.toContain("Cộng theo cấp");
    }
    const r = await cli(
      "consolidate",
      file("huyen-1.xlsx"),
      file("huyen-2.xlsx"),
      "-o",
      file("tinh.xlsx"),
      "--issuer",
      PROVINCE,
      "--json"
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `Cộng theo cấp: 2 cấp — cấp 1: 2 đơn vị; cấp 2: 6 đơn vị. Trang "Cộng theo cấp" cộng số liệu của 2 đơn vị có đơn vị cấp dưới.`
    );
    expect(r.stderr).toContain(`Sổ tổng hợp của “${DISTRICTS[0]}”: mang vào 3 đơn vị`);
    const json = JSON.parse(r.stdout);
    expect(json.hierarchy.levels).toBe(2);
    expect(json.hierarchy.subtotals.map((s: { unit: string }) => s.unit)).toEqual([
      DISTRICTS[1],
      DISTRICTS[0],
      PROVINCE,
    ]);
    expect(json.consolidations).toHaveLength(2);
    expect(json.findings).toEqual([]);
    expect(await sheetNames(file("tinh.xlsx"))).toContain("Cộng theo cấp");

    const direct = await cli("consolidate", file("cdcs"), "-o", file("truc-tiep.xlsx"));
    expect(direct.code).toBe(0);
    const a = JSON.parse((await cli("dump", file("truc-tiep.xlsx"))).stdout);
    const b = JSON.parse((await cli("dump", file("tinh.xlsx"))).stdout);
    expect(b.values).toEqual(a.values);
    expect(b.tables).toEqual(a.tables);
    expect(json.hierarchy.subtotals[2].values.tt_so_buoi).toBe(a.values.tt_so_buoi);
    expect((await cli("validate", file("tinh.xlsx"))).code).toBe(0);
  });

  it("prints a cycle in the parents as findings on the units sheet, and still writes", async () => {
    const ct = consolidatedTemplate(qa);
    for (const [i, name] of DISTRICTS.entries()) {
      const files = [0, 1].map((g) =>
        screened(qa, unitData(qa, `CĐCS ${i}.${g}`, 10 * i + g, "2024-Q1"), `${i}-${g}.xlsx`)
      );
      const data = consolidate(files, { find: findTemplate, issuer: name }).data!;
      // Each district names the other as its upper level.
      data.header.parentBody = DISTRICTS[1 - i];
      fs.writeFileSync(file(`huyen-${i + 1}.xlsx`), await xlsxOf(ct, data));
    }
    const r = await cli(
      "consolidate",
      file("huyen-1.xlsx"),
      file("huyen-2.xlsx"),
      "-o",
      file("tinh.xlsx"),
      "--issuer",
      PROVINCE,
      "--json"
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Trang "Đơn vị", ô C5:');
    expect(r.stderr).toContain("vòng cấp trên khép kín");
    const json = JSON.parse(r.stdout);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual([
      "hierarchy-cycle",
      "hierarchy-cycle",
    ]);
    expect(fs.existsSync(file("tinh.xlsx"))).toBe(true);
  });
});

describe("baocao new --units with parents", () => {
  it("adds the subtotals sheet when a unit is under another, not for a flat list", async () => {
    fs.writeFileSync(
      file("don-vi.txt"),
      ["LĐLĐ tỉnh Sơn La", "LĐLĐ huyện Mộc Châu\tLĐLĐ tỉnh Sơn La", "LĐLĐ tỉnh Lai Châu"].join("\n")
    );
    fs.writeFileSync(file("phang.txt"), "LĐLĐ tỉnh Sơn La\nLĐLĐ tỉnh Lai Châu\n");
    const a = await cli(
      "new",
      "cluster-emulation",
      "-o",
      file("cum.xlsx"),
      "--period",
      "2023-H1",
      "--units",
      file("don-vi.txt")
    );
    expect(a.code).toBe(0);
    expect(await sheetNames(file("cum.xlsx"))).toContain("Cộng theo cấp");
    const flat = await cli(
      "new",
      "cluster-emulation",
      "-o",
      file("phang.xlsx"),
      "--units",
      file("phang.txt")
    );
    expect(flat.code).toBe(0);
    expect(await sheetNames(file("phang.xlsx"))).not.toContain("Cộng theo cấp");
    const dump = JSON.parse((await cli("dump", file("cum.xlsx"))).stdout);
    expect(dump.units[1]).toMatchObject({
      name: "LĐLĐ huyện Mộc Châu",
      parent: "LĐLĐ tỉnh Sơn La",
    });
  });
});
