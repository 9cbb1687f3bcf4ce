import type { Workbook, Worksheet } from "exceljs";
import { checkReportData } from "../../core/data/check";
import { readWorkbook } from "../../core/data/read";
import type { ReportData } from "../../core/data/types";
import { planWorkbook } from "../../core/layout/planner";
import { renderPlan } from "../../adapters/xlsx/render";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { findingsText } from "../findings-text";
import { checkOutput, readJsonFile, writeAtomic, type Output } from "../io";
import { openTemplateWorkbook } from "../workbook";

export interface FillOptions {
  data: string;
  output: string;
  force?: boolean;
}

/** data.json's fields replace the workbook's; what data.json leaves out is kept. */
export function mergeData(
  base: ReportData,
  patch: ReportData,
  raw: Record<string, unknown>
): ReportData {
  const header = { ...base.header, ...patch.header };
  return {
    ...base,
    header,
    values: { ...base.values, ...patch.values },
    units: "units" in raw ? patch.units : base.units,
    tables: { ...base.tables, ...patch.tables },
    texts: { ...base.texts, ...patch.texts },
    targets: base.targets || patch.targets ? { ...base.targets, ...patch.targets } : undefined,
    baselines:
      base.baselines || patch.baselines
        ? {
            lastYear: { ...base.baselines?.lastYear, ...patch.baselines?.lastYear },
            startOfTerm: { ...base.baselines?.startOfTerm, ...patch.baselines?.startOfTerm },
          }
        : undefined,
  };
}

/** Sheets the user added beside the template's are carried over cell by cell, with their styles. */
function copySheet(from: Worksheet, to: Workbook): void {
  const ws = to.addWorksheet(from.name, { views: from.views, properties: from.properties });
  ws.state = from.state;
  from.columns?.forEach((col, i) => {
    if (col.width) ws.getColumn(i + 1).width = col.width;
  });
  from.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) ws.getRow(r).height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const target = ws.getCell(r, c);
      if (!cell.isMerged || cell.master === cell) target.value = cell.value;
      target.style = cell.style;
    });
  });
  const merges =
    (from as unknown as { _merges?: Record<string, { shortRange: string }> })._merges ?? {};
  for (const m of Object.values(merges)) ws.mergeCells(m.shortRange);
}

export async function fillCommand(file: string, opts: FillOptions, io: Output): Promise<number> {
  checkOutput(opts.output, opts.force ?? false, [file, opts.data]);
  const opened = await openTemplateWorkbook(file);
  const raw = readJsonFile(opts.data);
  const checked = checkReportData(opened.template, raw);
  if (!checked.data) {
    throw new CliError(
      `Tệp dữ liệu "${opts.data}" không hợp lệ:\n${checked.findings.map((f) => `  - ${f.message}`).join("\n")}`
    );
  }
  const existing = readWorkbook(opened.template, opened.snapshot).data;
  const merged = mergeData(existing, checked.data, raw as Record<string, unknown>);
  const plan = planWorkbook(opened.template, merged);
  const out = await renderPlan(exceljs, plan);

  const ours = new Set(plan.sheets.map((s) => s.name.toLocaleLowerCase("vi")));
  const carried: string[] = [];
  for (const ws of opened.workbook.worksheets) {
    if (!ours.has(ws.name.toLocaleLowerCase("vi"))) {
      copySheet(ws, out);
      carried.push(ws.name);
    }
  }
  const buf = new Uint8Array((await out.xlsx.writeBuffer()) as ArrayBuffer);
  writeAtomic(opts.output, buf);
  io.out(`Đã ghi "${opts.output}" (mẫu "${opened.template.id}", dữ liệu từ "${opts.data}").\n`);
  if (carried.length > 0)
    io.out(`Giữ nguyên các trang không thuộc mẫu: ${carried.map((n) => `"${n}"`).join(", ")}.\n`);
  const warnings = checked.findings.filter((f) => f.severity === "warning");
  if (warnings.length > 0) io.err(findingsText(warnings) + "\n");
  return 0;
}
