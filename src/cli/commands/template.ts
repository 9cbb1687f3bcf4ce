// baocao template export|build: a template as an authoring workbook a report owner edits in Excel,
// and that workbook back to a template file. A workbook with mistakes is refused with each one at
// its sheet, row and column; nothing is written (exit 2).
import * as path from "node:path";
import type { Command } from "commander";
import { authoringBook } from "../../core/authoring/book";
import { templateFromAuthoringWorkbook } from "../../adapters/xlsx/authoring-workbook";
import { authoringBookToXlsx } from "../../adapters/xlsx/authoring-workbook";
import { TemplateError, type Template } from "../../core/model/load";
import { loadTemplateFile } from "../../core/model/template-file";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { checkOutput, readBytes, readJsonFile, writeAtomic, type Output } from "../io";
import { requireTemplate } from "../templates";

interface OutputOptions {
  output: string;
  force?: boolean;
}

/** A template named by a built-in id or a template file (.json). */
function templateOf(source: string): Template {
  if (!/\.json$/i.test(source)) return requireTemplate(source);
  const raw = readJsonFile(source);
  try {
    return loadTemplateFile(Array.isArray(raw) && raw.length === 1 ? raw[0] : raw);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new CliError(
      `Tệp mẫu "${source}" có ${e.issues.length} lỗi; chưa ghi tệp nào. Sửa rồi chạy lại:\n` +
        e.issues.map((i) => `  - ${i.path ? i.path + ": " : ""}${i.message}`).join("\n")
    );
  }
}

export async function templateExportCommand(
  source: string,
  opts: OutputOptions,
  io: Output
): Promise<number> {
  if (!/\.xlsx$/i.test(opts.output))
    throw new CliError(
      `Tệp kết quả "${opts.output}" phải có đuôi .xlsx (mẫu soạn là sổ tính Excel).`
    );
  const template = templateOf(source);
  checkOutput(opts.output, opts.force ?? false, /\.json$/i.test(source) ? [source] : []);
  const bytes = await authoringBookToXlsx(exceljs, authoringBook(template));
  writeAtomic(opts.output, bytes);
  io.out(
    `Đã ghi mẫu soạn "${opts.output}" của mẫu "${template.id}" (${template.indicators.length} chỉ số, ${template.allSections.length} mục).\n` +
      `Sửa trong Excel rồi dựng lại tệp mẫu: baocao template build ${path.basename(opts.output)} -o mau.json\n`
  );
  return 0;
}

/** Reads an authoring workbook to a template, or refuses it with every problem at its cell. */
export function templateOfAuthoringWorkbook(file: string): {
  template: Template;
  json: unknown;
} {
  const result = templateFromAuthoringWorkbook(readBytes(file), file);
  if (!result.ok)
    throw new CliError(
      result.problems.length === 0
        ? result.message
        : `${result.message}\nChưa ghi tệp nào. Sửa các ô trên rồi chạy lại (hướng dẫn ở dòng 2 của mỗi trang; README, mục “Soạn mẫu trong Excel”).`
    );
  return { template: result.template, json: result.file };
}

export function templateBuildCommand(input: string, opts: OutputOptions, io: Output): number {
  if (!/\.xlsx$/i.test(input))
    throw new CliError(
      `"${input}" không phải sổ tính .xlsx; tạo mẫu soạn bằng: baocao template export <mã mẫu> -o mau.xlsx`
    );
  const { template, json } = templateOfAuthoringWorkbook(input);
  checkOutput(opts.output, opts.force ?? false, [input]);
  writeAtomic(opts.output, JSON.stringify(json, null, 2) + "\n");
  io.out(
    `Đã ghi tệp mẫu "${opts.output}": mẫu "${template.id}" phiên bản ${template.version} (${template.indicators.length} chỉ số, ${template.allSections.length} mục).\n` +
      `Dùng: baocao new --template-file ${path.basename(opts.output)} -o bao-cao.xlsx\n`
  );
  return 0;
}

/** Registers `baocao template export|build`. */
export function registerTemplateCommand(
  program: Command,
  io: Output,
  run: (p: Promise<number> | number) => Promise<void>
): void {
  const template = program
    .command("template")
    .description(
      "soạn mẫu trong Excel: xuất mẫu ra sổ soạn (export), dựng tệp mẫu từ sổ soạn (build)"
    );
  template
    .command("export")
    .description(
      "ghi một mẫu ra sổ soạn Excel (mỗi trang một danh sách, có hướng dẫn và danh sách chọn)"
    )
    .argument("<mẫu>", "mã mẫu có sẵn (xem: baocao templates) hoặc tệp mẫu .json")
    .requiredOption("-o, --output <mau.xlsx>", "sổ soạn sẽ tạo")
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .action((source: string, opts: OutputOptions) => run(templateExportCommand(source, opts, io)));
  template
    .command("build")
    .description("dựng tệp mẫu .json từ sổ soạn; báo từng lỗi ở trang, dòng, cột")
    .argument("<mau.xlsx>", "sổ soạn (baocao template export tạo ra)")
    .requiredOption("-o, --output <mau.json>", "tệp mẫu sẽ tạo")
    .option("-f, --force", "ghi đè nếu tệp đã có")
    .action((input: string, opts: OutputOptions) => run(templateBuildCommand(input, opts, io)));
}
