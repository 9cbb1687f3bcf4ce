import * as path from "node:path";
import { checkWorkbook } from "../../usecases/check";
import type { ValidationOutput } from "../../core/validate/report-schema";
import { CliError, EXIT } from "../errors";
import { findingsText } from "../findings-text";
import type { Output } from "../io";
import { readWorkbookSnapshot } from "../workbook";
import { cliTemplates, noticeOfWorkbook, workbookProblemError } from "../templates";

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
  const snapshot = await readWorkbookSnapshot(file);
  const previousSnapshot = opts.previous ? await readWorkbookSnapshot(opts.previous) : undefined;
  const checked = checkWorkbook(snapshot, find, {
    previous:
      opts.previous && previousSnapshot
        ? { snapshot: previousSnapshot, fileName: path.basename(opts.previous) }
        : undefined,
  });
  if (!checked.ok) {
    const which = checked.of === "previous" && opts.previous ? opts.previous : file;
    const p = checked.problem;
    if (p.kind === "otherTemplate")
      throw new CliError(
        `Tệp kỳ trước "${opts.previous}" dùng mẫu "${p.templateId}", khác mẫu "${p.expected}" của "${file}"; không so sánh được.`
      );
    throw workbookProblemError(p, which);
  }
  for (const n of checked.notices)
    noticeOfWorkbook(n.notice, n.of === "previous" && opts.previous ? opts.previous : file, find);
  const { report } = checked;
  const opened = { template: checked.template, meta: checked.meta };
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
