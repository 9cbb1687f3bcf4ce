// baocao next <this.xlsx> -o next.xlsx [--last-year <same-period-last-year.xlsx>]: the workbook of
// the following period, made by the core (core/next) the pane's "Tạo kỳ sau" uses too.
import { readWorkbook } from "../../core/data/read";
import { planWorkbook } from "../../core/layout/planner";
import { NextPeriodError, nextPeriodReport } from "../../core/next";
import { periodLabel } from "../../core/period";
import { planToXlsx } from "../../adapters/xlsx/render";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { checkOutput, writeAtomic, type Output } from "../io";
import { readTemplateWorkbook } from "../workbook";
import { cliTemplates } from "../templates";

export interface NextOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  output: string;
  lastYear?: string;
  force?: boolean;
}

export async function nextCommand(file: string, opts: NextOptions, io: Output): Promise<number> {
  checkOutput(opts.output, opts.force ?? false, opts.lastYear ? [file, opts.lastYear] : [file]);
  const { find } = cliTemplates(opts.templateFile, io);
  const opened = await readTemplateWorkbook(file, undefined, find);
  const { data } = readWorkbook(opened.template, opened.snapshot);
  let lastYear;
  if (opts.lastYear) {
    const ly = await readTemplateWorkbook(opts.lastYear, undefined, find);
    lastYear = readWorkbook(ly.template, ly.snapshot).data;
  }
  let result;
  try {
    result = nextPeriodReport({ template: opened.template, data, lastYear });
  } catch (e) {
    if (e instanceof NextPeriodError) throw new CliError(`"${file}": ${e.message}`);
    throw e;
  }
  const plan = planWorkbook(opened.template, result.data, {
    sectionPrompts: result.sectionPrompts,
  });
  writeAtomic(opts.output, await planToXlsx(exceljs, plan));
  const lines = [
    `Đã tạo "${opts.output}": ${periodLabel(result.period)} (${result.period.text}), tiếp theo ${periodLabel(result.previous)}, mẫu "${opened.template.id}" ${opened.template.version}.`,
  ];
  if (opts.lastYear)
    lines.push(
      `Cột "cùng kỳ năm trước": ${result.baselinesFilled} số liệu lấy từ "${opts.lastYear}".`
    );
  if (Object.keys(result.sectionPrompts).length > 0)
    lines.push("Nhiệm vụ kỳ trước đề ra được ghi làm gợi ý ở mục kết quả.");
  lines.push("Còn phải điền: số văn bản, ngày ban hành, số liệu và nội dung của kỳ mới.");
  io.out(lines.join("\n") + "\n");
  return 0;
}
