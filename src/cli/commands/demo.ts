// npm run demo: the main job on bundled sample data, outputs in ./out.
import * as fs from "node:fs";
import * as path from "node:path";
import { builtInTemplates } from "../../templates";
import { loadSample } from "../../templates/samples";
import { planWorkbook } from "../../core/layout/planner";
import { planToXlsx } from "../../adapters/xlsx/render";
import { readXlsx } from "../../adapters/xlsx/read";
import { validateWorkbook } from "../../core/validate";
import { readWorkbook } from "../../core/data/read";
import { buildReportDocument, DEFAULT_SETTINGS, locateInWorkbook } from "../../core/document";
import { renderDocx } from "../../adapters/docx";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { writeAtomic, type Output } from "../io";

export async function demoCommand(opts: { out: string }, io: Output): Promise<number> {
  try {
    fs.mkdirSync(opts.out, { recursive: true });
  } catch (e) {
    throw new CliError(
      `Không tạo được thư mục "${opts.out}" (${(e as NodeJS.ErrnoException).code ?? String(e)}).`
    );
  }
  io.out(`Chạy thử trên dữ liệu mẫu, kết quả trong "${opts.out}":\n`);
  for (const template of builtInTemplates()) {
    const sample = loadSample(template.id);
    const dataFile = path.join(opts.out, `${template.id}.json`);
    writeAtomic(dataFile, JSON.stringify(sample, null, 2) + "\n");
    const blankFile = path.join(opts.out, `${template.id}-trong.xlsx`);
    writeAtomic(blankFile, await planToXlsx(exceljs, planWorkbook(template)));
    const filledFile = path.join(opts.out, `${template.id}.xlsx`);
    const filled = await planToXlsx(exceljs, planWorkbook(template, sample));
    writeAtomic(filledFile, filled);
    const snapshot = await readXlsx(exceljs, filled, filledFile);
    const report = validateWorkbook(template, snapshot);
    // The Word draft from the workbook just written, as `baocao export` makes it.
    const draftFile = path.join(opts.out, `${template.id}.docx`);
    const draft = buildReportDocument(template, readWorkbook(template, snapshot).data, {
      settings: DEFAULT_SETTINGS,
      locate: locateInWorkbook(template, snapshot),
    });
    writeAtomic(draftFile, await renderDocx(draft));
    const checkFile = path.join(opts.out, `${template.id}-kiem-tra.json`);
    const { ready, errors, warnings, findings } = report;
    writeAtomic(
      checkFile,
      JSON.stringify({ file: filledFile, ready, errors, warnings, findings }, null, 2) + "\n"
    );
    io.out(
      `  ${template.id}: ${filledFile} (đã điền mẫu), ${blankFile} (mẫu trống), ${dataFile}\n`
    );
    io.out(`    kiểm tra: ${errors} lỗi, ${warnings} điểm lưu ý → ${checkFile}\n`);
    io.out(`    dự thảo Word: ${draftFile}\n`);
  }
  return 0;
}
