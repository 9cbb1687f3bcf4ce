import { checkReportData } from "../../core/data/check";
import { readWorkbook } from "../../core/data/read";
import type { ReportData } from "../../core/data/types";
import { planWorkbook } from "../../core/layout/planner";
import { planToXlsx } from "../../adapters/xlsx/render";
import { graftPlan, GraftError, PackageError } from "../../adapters/xlsx/graft";
import { CliError } from "../errors";
import { exceljs } from "../exceljs";
import { findingsText } from "../findings-text";
import { checkOutput, readBytes, readJsonFile, writeAtomic, type Output } from "../io";
import { readTemplateWorkbook } from "../workbook";
import { cliTemplates } from "../templates";

export interface FillOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
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
    // A sentence reworded in data.json (a unit's own wording, "Hà Giang: tặng …") replaces the
    // workbook's, as a text does.
    sentences:
      base.sentences || patch.sentences ? { ...base.sentences, ...patch.sentences } : undefined,
    hedges:
      base.hedges || patch.hedges
        ? {
            values: { ...base.hedges?.values, ...patch.hedges?.values },
            tables: { ...base.hedges?.tables, ...patch.hedges?.tables },
          }
        : undefined,
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

export async function fillCommand(file: string, opts: FillOptions, io: Output): Promise<number> {
  checkOutput(opts.output, opts.force ?? false, [file, opts.data]);
  // Only the template's sheets and names are read (under the package limits): the user's own
  // sheets are copied into the output unread.
  // One read of the input: the data and the graft come from the same bytes.
  const input = readBytes(file);
  const opened = await readTemplateWorkbook(file, input, cliTemplates(opts.templateFile, io).find);
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
  const rendered = await planToXlsx(exceljs, plan);
  let result;
  try {
    result = graftPlan(input, rendered, file);
  } catch (e) {
    if (e instanceof PackageError) throw new CliError(e.message);
    if (e instanceof GraftError)
      throw new CliError(
        `Không ghi được số liệu vào "${file}": ${e.message}. Mở tệp bằng Excel, lưu lại rồi chạy lại; tệp đầu vào không bị sửa.`
      );
    throw e;
  }
  writeAtomic(opts.output, result.bytes);
  io.out(`Đã ghi "${opts.output}" (mẫu "${opened.template.id}", dữ liệu từ "${opts.data}").\n`);
  if (result.keptSheets.length > 0)
    io.out(
      `Giữ nguyên các trang không thuộc mẫu: ${result.keptSheets.map((n) => `"${n}"`).join(", ")}.\n`
    );
  if (result.notKept.length === 0)
    io.out(
      "Mọi phần khác của sổ tính (biểu đồ, hình, ghi chú, bộ lọc, định dạng có điều kiện, kiểm tra dữ liệu, tên đã đặt, ô ngoài vùng mẫu) được giữ nguyên.\n"
    );
  else
    io.err(
      `Không giữ được ${result.notKept.length} phần của sổ tính:\n${result.notKept.map((l) => `  - ${l}`).join("\n")}\n`
    );
  const warnings = checked.findings.filter((f) => f.severity === "warning");
  if (warnings.length > 0) io.err(findingsText(warnings) + "\n");
  return 0;
}
