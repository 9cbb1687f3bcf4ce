import * as path from "node:path";
import { validateWorkbook, type PreviousPeriod } from "../../core/validate";
import { readWorkbook } from "../../core/data/read";
import { templatePeriod } from "../../core/model/title";
import { periodLabel } from "../../core/period";
import type { ValidationOutput } from "../../core/validate/report-schema";
import { CliError, EXIT } from "../errors";
import { findingsText } from "../findings-text";
import type { Output } from "../io";
import { readTemplateWorkbook } from "../workbook";
import { cliTemplates } from "../templates";

export interface ValidateOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  previous?: string;
  json?: boolean;
}

export async function validateCommand(
  file: string,
  opts: ValidateOptions,
  io: Output
): Promise<number> {
  const { find } = cliTemplates(opts.templateFile, io);
  const opened = await readTemplateWorkbook(file, undefined, find);
  let previous: PreviousPeriod | undefined;
  if (opts.previous) {
    const prev = await readTemplateWorkbook(opts.previous, undefined, find);
    if (prev.template.id !== opened.template.id) {
      throw new CliError(
        `Tệp kỳ trước "${opts.previous}" dùng mẫu "${prev.template.id}", khác mẫu "${opened.template.id}" của "${file}"; không so sánh được.`
      );
    }
    const data = readWorkbook(prev.template, prev.snapshot).data;
    const p = templatePeriod(prev.template, data.header.period);
    previous = {
      data,
      label: p ? `kỳ trước (${periodLabel(p)})` : `kỳ trước (tệp ${path.basename(opts.previous)})`,
    };
  }
  const report = validateWorkbook(opened.template, opened.snapshot, { previous });
  const code = report.errors > 0 ? EXIT.problems : EXIT.ok;
  if (opts.json) {
    const out: ValidationOutput = {
      file,
      template: opened.template.id,
      templateVersion: opened.meta.templateVersion,
      ready: report.ready,
      errors: report.errors,
      warnings: report.warnings,
      findings: report.findings,
    };
    io.out(JSON.stringify(out, null, 2) + "\n");
    return code;
  }
  io.out(
    `Kiểm tra "${file}" (mẫu ${opened.template.id}, phiên bản ${opened.meta.templateVersion})\n`
  );
  if (report.findings.length > 0) io.out(findingsText(report.findings) + "\n");
  io.out(
    report.ready
      ? `\nSẴN SÀNG GỬI: không có lỗi${report.warnings > 0 ? `, ${report.warnings} điểm cần lưu ý` : ""}.\n`
      : `\nCHƯA SẴN SÀNG: ${report.errors} lỗi phải sửa${report.warnings > 0 ? `, ${report.warnings} điểm cần lưu ý` : ""}.\n`
  );
  return code;
}
