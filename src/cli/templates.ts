// Resolving templates and template workbooks for CLI commands.
import type { Template } from "../core/model/load";
import { builtInTemplates, findTemplate } from "../core/templates";
import { readMeta, type WorkbookMeta } from "../core/data/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import { templateForMeta } from "../core/consolidate/resolve";
import { CliError } from "./errors";

export function requireTemplate(id: string): Template {
  const t = findTemplate(id);
  if (!t) {
    const known = builtInTemplates()
      .map((x) => `  ${x.id}  ${x.title}`)
      .join("\n");
    throw new CliError(
      `Không có mẫu "${id}". Các mẫu hiện có:\n${known}\n(xem thêm: baocao templates)`
    );
  }
  return t;
}

/** The template a workbook was made from, refusing workbooks the product cannot read. */
export function templateOfWorkbook(
  snapshot: WorkbookSnapshot,
  file: string
): { template: Template; meta: WorkbookMeta } {
  const meta = readMeta(snapshot);
  if (!meta) {
    throw new CliError(
      `Tệp "${file}" không được tạo từ mẫu của BáoCáo. ` +
        "Tạo sổ mới bằng: baocao new <mã mẫu> -o tep.xlsx"
    );
  }
  const template = findTemplate(meta.templateId);
  if (!template) {
    throw new CliError(
      `Tệp "${file}" dùng mẫu "${meta.templateId}" mà phiên bản BáoCáo này không có.`
    );
  }
  const [wantMajor] = template.version.split(".");
  const [haveMajor] = meta.templateVersion.split(".");
  if (wantMajor !== haveMajor) {
    throw new CliError(
      `Tệp "${file}" dùng mẫu "${meta.templateId}" phiên bản ${meta.templateVersion}, không tương thích với phiên bản ${template.version}. ` +
        "Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang."
    );
  }
  return { template: templateForMeta(template, meta), meta };
}
