import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { cli } from "./run";

const qa = findTemplate("quarterly-activity")!;
const ce = findTemplate("cluster-emulation")!;
let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

async function writeUnits(sub: string, n: number, period = "2024-Q1"): Promise<string[]> {
  fs.mkdirSync(file(sub), { recursive: true });
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = file(sub, `don-vi-${i + 1}.xlsx`);
    fs.writeFileSync(f, await xlsxOf(qa, unitData(qa, CLUSTER_PROVINCES[i], i + 1, period)));
    out.push(f);
  }
  return out;
}

const snapshotOfDir = (d: string) =>
  fs.readdirSync(d).map((n) => [n, fs.readFileSync(path.join(d, n)).toString("base64")]);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-consolidate-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("baocao consolidate", () => {
  it("consolidates a folder; dump gives totals and each unit's figures; validate is clean", async () => {
    const files = await writeUnits("in", 4);
    fs.writeFileSync(file("in", "~$don-vi-1.xlsx"), "lock");
    const before = snapshotOfDir(file("in"));
    const r = await cli("consolidate", file("in"), "-o", file("tong-hop.xlsx"));
    expect(r.stderr).toContain("4 tệp .xlsx");
    expect(r.code).toBe(0);
    expect(snapshotOfDir(file("in"))).toEqual(before);

    const dump = await cli("dump", file("tong-hop.xlsx"));
    expect(dump.code).toBe(0);
    const data = JSON.parse(dump.stdout);
    expect(data.units).toHaveLength(4);
    const sum = files.reduce(
      (a, _f, i) =>
        a + (unitData(qa, CLUSTER_PROVINCES[i], i + 1, "2024-Q1").values.tt_so_buoi as number),
      0
    );
    expect(data.values.tt_so_buoi).toBe(sum);
    expect(data.units[0].values.tt_so_buoi).toEqual(expect.any(Number));
    expect(data.consolidation.sources).toHaveLength(4);
    expect(data.consolidation.sources[0].checksum).toMatch(/^[0-9a-f]{64}$/);

    const v = await cli("validate", file("tong-hop.xlsx"));
    expect(v.code).toBe(0);
  });

  it("lists bad files, writes the rest (exit 1), and catches a unit sent twice", async () => {
    const files = await writeUnits("in", 3);
    fs.copyFileSync(files[0], file("in", "ban-sao.xlsx"));
    fs.writeFileSync(file("in", "hong.xlsx"), Buffer.from("PK\u0003\u0004 not really a zip"));
    fs.writeFileSync(file("in", "ghi-chu.xlsx"), "chỉ là văn bản");
    fs.writeFileSync(
      file("in", "cum.xlsx"),
      await xlsxOf(ce, unitData(ce, "LĐLĐ tỉnh Sơn La", 3, "2024-Q1"))
    );
    const r = await cli("consolidate", file("in"), "-o", file("th.xlsx"), "--json");
    expect(r.code).toBe(1);
    expect(fs.existsSync(file("th.xlsx"))).toBe(true);
    const out = JSON.parse(r.stdout);
    const reason = (name: string) =>
      out.sources.find((s: { file: string }) => s.file.endsWith(name)).reasons.join(" ");
    expect(reason("hong.xlsx")).toContain("bị hỏng");
    expect(reason("ghi-chu.xlsx")).toContain("không phải sổ tính Excel");
    expect(reason("cum.xlsx")).toContain(
      'mẫu "Báo cáo sơ kết thi đua của Cụm thi đua (6 tháng, năm)"'
    );
    expect(reason("cum.xlsx")).not.toContain("cluster-emulation");
    // The copy is the newer file on disk, so it is the one used; the original is the identical copy.
    expect(reason("ban-sao.xlsx")).toContain("gửi 2 tệp");
    expect(reason("don-vi-1.xlsx")).toContain("giống hệt");
    expect(out.sources.filter((s: { status: string }) => s.status === "used")).toHaveLength(3);
    expect(r.stderr).toContain("[Bị loại]");
  });

  it("exit 2 and no output for an empty folder or when nothing is usable", async () => {
    fs.mkdirSync(file("empty"));
    const e = await cli("consolidate", file("empty"), "-o", file("out.xlsx"));
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("không có tệp .xlsx nào");
    fs.writeFileSync(file("a.xlsx"), "x");
    const bad = await cli("consolidate", file("a.xlsx"), "-o", file("out.xlsx"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Không ghi tệp kết quả");
    expect(fs.existsSync(file("out.xlsx"))).toBe(false);
    expect(fs.readdirSync(dir).filter((n) => n.includes("out"))).toEqual([]);
  });

  it("refuses to overwrite without --force and reads the expected units from a text file", async () => {
    await writeUnits("in", 2);
    fs.writeFileSync(file("th.xlsx"), "old");
    const no = await cli("consolidate", file("in"), "-o", file("th.xlsx"));
    expect(no.code).toBe(2);
    expect(fs.readFileSync(file("th.xlsx"), "utf8")).toBe("old");
    fs.writeFileSync(file("dv.txt"), `${CLUSTER_PROVINCES.slice(0, 3).join("\n")}\n`);
    const r = await cli(
      "consolidate",
      file("in"),
      "-o",
      file("th.xlsx"),
      "--force",
      "--expected",
      file("dv.txt")
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Chưa nộp (1): ${CLUSTER_PROVINCES[2]}`);
  });
});
