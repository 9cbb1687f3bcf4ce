import { planWorkbook, emptyData } from "../../core/layout/planner";
import { periodHint, templatePeriod } from "../../core/model/title";
import type { Template } from "../../core/model/load";
import type { UnitEntry } from "../../core/data/types";
import { planToXlsx } from "../../adapters/xlsx/render";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { checkOutput, readTextFile, writeAtomic, type Output } from "../io";
import { cliTemplates, requireTemplate } from "../templates";

export interface NewOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  output: string;
  period?: string;
  unit?: string;
  units?: string;
  force?: boolean;
}

/**
 * Units file: one unit per line; optionally its parent after a tab or " | ".
 * Blank lines and lines starting with # are ignored.
 */
export function parseUnitsText(text: string, file: string): UnitEntry[] {
  const units: UnitEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith("#")) return;
    const [name, parent] = trimmed.split(/\t| \| /).map((s) => s.trim());
    const key = name.toLocaleLowerCase("vi");
    if (seen.has(key)) {
      throw new CliError(
        `Tệp "${file}", dòng ${i + 1}: đơn vị "${name}" đã có ở dòng ${seen.get(key)}. Mỗi đơn vị một dòng.`
      );
    }
    if (name.length > 200)
      throw new CliError(`Tệp "${file}", dòng ${i + 1}: tên đơn vị dài quá 200 ký tự.`);
    seen.set(key, i + 1);
    units.push({ name, parent: parent || null, values: {} });
  });
  if (units.length === 0)
    throw new CliError(`Tệp "${file}" không có đơn vị nào (mỗi dòng một tên đơn vị).`);
  if (units.length > 2000)
    throw new CliError(`Tệp "${file}" có ${units.length} đơn vị; tối đa 2.000.`);
  return units;
}

export function checkPeriod(template: Template, period: string | undefined): string | undefined {
  if (period === undefined) return undefined;
  const p = templatePeriod(template, period);
  if (!p) {
    throw new CliError(
      `Kỳ báo cáo "${period}" không hợp với mẫu "${template.id}". ${periodHint(template.periodKinds)}`
    );
  }
  return p.text;
}

export async function newCommand(
  templateId: string | undefined,
  opts: NewOptions,
  io: Output
): Promise<number> {
  const { find, custom } = cliTemplates(opts.templateFile, io);
  if (!templateId && !custom)
    throw new CliError(
      "Chưa chọn mẫu: ghi mã mẫu (xem: baocao templates) hoặc --template-file mau.json."
    );
  if (templateId && custom && templateId !== custom.id)
    throw new CliError(
      `Tệp mẫu "${opts.templateFile}" là mẫu "${custom.id}", khác mã "${templateId}" đã ghi; bỏ mã mẫu hoặc ghi "${custom.id}".`
    );
  const template = requireTemplate(templateId ?? custom?.id ?? "", find);
  const period = checkPeriod(template, opts.period);
  let units: UnitEntry[] = [];
  if (opts.units) {
    if (!template.hasPerUnitTables) {
      throw new CliError(`Mẫu "${template.id}" không có bảng theo đơn vị; bỏ tùy chọn --units.`);
    }
    units = parseUnitsText(readTextFile(opts.units), opts.units);
  }
  checkOutput(opts.output, opts.force ?? false, opts.units ? [opts.units] : []);
  const data = emptyData(template);
  if (period) data.header.period = period;
  if (opts.unit) data.header.issuingBody = opts.unit;
  data.units = units;
  const bytes = await planToXlsx(exceljs, planWorkbook(template, data));
  writeAtomic(opts.output, bytes);
  io.out(`Đã tạo "${opts.output}" từ mẫu "${template.id}" (${template.title}).\n`);
  return 0;
}
