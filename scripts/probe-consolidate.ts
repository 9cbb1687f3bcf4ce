// Probe (10b): consolidation of n unit workbooks against its floor, ExcelJS loading the same
// files, each in its own process: CPU time (user + system) and peak RSS from the kernel.
// Files are made as bench-consolidate.ts makes them (quarterly-activity, seeded figures).
// Usage: npx tsx scripts/probe-consolidate.ts gen <dir> <n>
//        npx tsx scripts/probe-consolidate.ts floor|ours <dir> <n> [--profile-split]
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { isNumericType } from "../src/core/model/load";
import { findTemplate } from "../src/core/templates";
import { loadSample } from "../src/core/templates/samples";
import type { DataValue, ReportData } from "../src/core/data/types";
import { planWorkbook } from "../src/core/layout/planner";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";
import { consolidateFiles, consolidationToXlsx } from "../src/adapters/xlsx/consolidate";
import { seeded } from "./bench-data";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const TEMPLATE = "quarterly-activity";

/** bench-consolidate.ts's unitReport. */
function unitReport(index: number): ReportData {
  const t = findTemplate(TEMPLATE)!;
  const rnd = seeded(index + 1);
  const data = loadSample(TEMPLATE);
  data.header.issuingBody = `Công đoàn cơ sở số ${index + 1}`;
  data.header.period = "2024-Q1";
  const values: Record<string, DataValue> = {};
  const scalars = t.indicators.filter((i) => !i.table && !i.computed && isNumericType(i.type));
  for (const i of scalars)
    if (!i.partOf && !i.ratioOf)
      values[i.id] = i.type === "money" ? Math.round(rnd() * 5e6) * 1000 : Math.floor(rnd() * 5000);
  for (const i of scalars) {
    const whole = i.partOf ? values[i.partOf] : undefined;
    if (typeof whole === "number") values[i.id] = Math.floor(rnd() * (whole + 1));
  }
  for (const [k, v] of Object.entries(data.values))
    if (!isNumericType(t.indicatorById.get(k)?.type ?? "integer")) values[k] = v;
  data.values = values;
  data.baselines = {
    lastYear: Object.fromEntries(
      scalars
        .filter((i) => typeof values[i.id] === "number")
        .map((i) => [i.id, Math.round((values[i.id] as number) * 0.9)])
    ),
  };
  return data;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const namesIn = (dir: string, n: number) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .slice(0, n);

async function main(): Promise<void> {
  const [mode, dir, count] = process.argv.slice(2);
  const n = Number(count);
  if (mode === "gen") {
    fs.mkdirSync(dir, { recursive: true });
    const t = findTemplate(TEMPLATE)!;
    for (let i = 0; i < n; i++) {
      const file = path.join(dir, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`);
      if (!fs.existsSync(file))
        fs.writeFileSync(file, await planToXlsx(exceljs, planWorkbook(t, unitReport(i))));
    }
    return;
  }
  const names = namesIn(dir, n);
  const t0 = cpu();
  let detail = "";
  if (mode === "floor") {
    for (const name of names) {
      const bytes = fs.readFileSync(path.join(dir, name));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    }
  } else {
    const result = await consolidateFiles(
      names.map((name) => ({
        name,
        read: async () => new Uint8Array(fs.readFileSync(path.join(dir, name))),
      })),
      { exceljs, sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex") }
    );
    const t1 = cpu();
    const bytes = await consolidationToXlsx(exceljs, result);
    const t2 = cpu();
    fs.writeFileSync(path.join("/tmp", `10b-tong-hop-${n}.xlsx`), bytes);
    detail = `, "consolidateMs": ${Math.round(t1 - t0)}, "writeMs": ${Math.round(t2 - t1)}, "used": ${result.used.length}, "leftOut": ${result.leftOut.length}`;
  }
  const ms = cpu() - t0;
  process.stdout.write(
    `{"mode": "${mode}", "files": ${n}, "cpuMs": ${Math.round(ms)}, "peakMB": ${Math.round(process.resourceUsage().maxRSS / 1024)}${detail}}\n`
  );
}
void main();
