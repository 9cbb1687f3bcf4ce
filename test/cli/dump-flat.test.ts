// baocao dump --format csv|xlsx (issue 11, item 5): one row per figure, from a folder of units'
// workbooks or a consolidated workbook; its sums by indicator are the consolidation's totals, and
// the CSV opens with its Vietnamese intact in a spreadsheet (LibreOffice here, as Excel would).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { findTemplate } from "../../src/templates";
import { CLUSTER_PROVINCES } from "../../src/templates";
import { FLAT_COLUMNS, TOTAL_UNIT } from "../../src/core/flat";
import { unitData, xlsxOf } from "../core/consolidate/fixtures";
import { convertWithLibreOffice } from "../support/office-tools";
import { cli } from "./run";

let dir: string;
const file = (...parts: string[]) => path.join(dir, ...parts);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-dump-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 parsing, written independently of the writer so quoting mistakes show. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the CSV does not end with CRLF");
  return rows;
}

type Row = Record<(typeof FLAT_COLUMNS)[number], string>;
function records(csv: string): Row[] {
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  expect(header).toEqual([...FLAT_COLUMNS]);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])) as Row);
}

async function writeUnits(templateId: string, n: number, period: string): Promise<string> {
  const t = findTemplate(templateId)!;
  fs.mkdirSync(file("in"));
  for (let i = 0; i < n; i++) {
    const data = unitData(t, CLUSTER_PROVINCES[i], i + 1, period);
    fs.writeFileSync(file("in", `don-vi-${i + 1}.xlsx`), await xlsxOf(t, data));
  }
  return file("in");
}

/** Sums of the value column by indicator, over the units' rows or the totals rows. */
function sums(rows: Row[], totals: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    if ((r.unit === TOTAL_UNIT) !== totals) continue;
    out.set(r.indicator, (out.get(r.indicator) ?? 0) + Number(r.value));
  }
  return out;
}

describe("baocao dump --format csv of a folder", () => {
  it.each([
    ["quarterly-activity", "2024-Q1"],
    ["cluster-emulation", "2023-H1"],
  ])("%s: sums by indicator equal baocao consolidate's totals", async (templateId, period) => {
    const t = findTemplate(templateId)!;
    const folder = await writeUnits(templateId, 5, period);
    const d = await cli("dump", folder, "--format", "csv", "-o", file("phang.csv"));
    expect(d.stderr).toContain("dòng số liệu");
    expect(d.code).toBe(0);
    const rows = records(fs.readFileSync(file("phang.csv"), "utf8"));

    expect((await cli("consolidate", folder, "-o", file("th.xlsx"))).code).toBe(0);
    const consolidated = JSON.parse((await cli("dump", file("th.xlsx"))).stdout);
    expect(consolidated.units).toHaveLength(5);

    const byUnits = sums(rows, false);
    const totals = sums(rows, true);
    let compared = 0;
    for (const [indicator, sum] of byUnits) {
      const [table, row, column] = indicator.split(".");
      const ind = t.indicatorById.get(column ?? indicator);
      if (!ind || ind.aggregation !== "sum") continue;
      const want =
        row === undefined
          ? consolidated.values[indicator]
          : consolidated.tables[table].find((r: { row: string }) => r.row === row)[column];
      expect([indicator, sum]).toEqual([indicator, want]);
      expect([indicator, totals.get(indicator)]).toEqual([indicator, want]);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    for (const r of rows) expect(r.period).toBe(period);
    expect(new Set(rows.map((r) => r.unit))).toEqual(
      new Set([...CLUSTER_PROVINCES.slice(0, 5), TOTAL_UNIT])
    );

    // The consolidated workbook dumps to the same rows as the folder it came from.
    const again = await cli("dump", file("th.xlsx"), "--format", "csv");
    expect(records(again.stdout)).toEqual(rows);
  });
});

describe("baocao dump output formats", () => {
  it("keeps JSON the default, and writes the same rows as xlsx", async () => {
    const folder = await writeUnits("quarterly-activity", 2, "2024-Q1");
    const one = path.join(folder, "don-vi-1.xlsx");
    const json = await cli("dump", one);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).template).toBe("quarterly-activity");

    const csv = records((await cli("dump", one, "--format", "csv")).stdout);
    expect(csv.every((r) => r.unit === CLUSTER_PROVINCES[0])).toBe(true);
    expect((await cli("dump", one, "--format", "xlsx", "-o", file("p.xlsx"))).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("p.xlsx"));
    const values = wb.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values[0]).toEqual([...FLAT_COLUMNS]);
    expect(values.slice(1)).toEqual(
      csv.map((r) => FLAT_COLUMNS.map((c) => (c === "value" ? Number(r[c]) : r[c] || undefined)))
    );

    const bad = await cli("dump", one, "--format", "ods");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("chọn json, csv hoặc xlsx");
    expect((await cli("dump", one, "--format", "xlsx")).stderr).toContain("cần tệp kết quả");
  });

  it("opens in LibreOffice as UTF-8 with the Vietnamese labels intact", async () => {
    const folder = await writeUnits("quarterly-activity", 2, "2024-Q1");
    expect((await cli("dump", folder, "--format", "csv", "-o", file("phang.csv"))).code).toBe(0);
    const rows = records(fs.readFileSync(file("phang.csv"), "utf8"));
    fs.mkdirSync(file("lo"));
    // The import options the README gives: comma, double quote, UTF-8 (76), from line 1.
    convertWithLibreOffice([file("phang.csv")], file("lo"), "xlsx", 180000, "CSV:44,34,76,1");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("lo", "phang.xlsx"));
    const sheet = wb.worksheets[0];
    const cell = (r: number, c: number) => {
      const v = sheet.getRow(r).getCell(c).value;
      return v === null || v === undefined ? "" : String(v);
    };
    // The byte order mark is not read as part of the first header.
    expect(cell(1, 1)).toBe("unit");
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      expect([cell(i + 2, 1), cell(i + 2, 5), cell(i + 2, 6)]).toEqual([
        r.unit,
        r.label,
        r.measure,
      ]);
      // Spreadsheets keep 15 significant digits; a computed rate may carry 16 or 17.
      expect(Number(cell(i + 2, 7))).toBeCloseTo(Number(r.value), 12);
    });
    expect(rows.some((r) => /[ạảấầẩẫậắằẳẵặđ]/.test(r.label))).toBe(true);
  });
});
