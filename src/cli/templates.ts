// Resolving templates and template workbooks for CLI commands: the built-in templates, and the
// one a user gives with --template-file (it shadows a built-in with the same id, with a notice).
import type { Template } from "../core/model/load";
import { TemplateError } from "../core/model/load";
import { loadTemplateFile } from "../core/model/template-file";
import { builtInTemplates, findTemplate } from "../templates";
import { readMeta, type WorkbookMeta } from "../core/data/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import { templateForMeta } from "../core/consolidate/resolve";
import { CliError } from "./errors";
import { readJsonFile, type Output } from "./io";

/** Finds a template by id: the user's template file first, then the built-ins. */
export type FindTemplate = (id: string) => Template | undefined;

/** The templates a command works with. */
export interface CliTemplates {
  find: FindTemplate;
  /** The template read from --template-file, if any. */
  custom: Template | null;
}

/**
 * Reads --template-file (when given): a template file as `baocao templates --json` prints one.
 * A file that is not a valid template is refused with every problem at its JSON path; nothing is
 * written, exit code 2.
 */
export function cliTemplates(templateFile: string | undefined, io: Output): CliTemplates {
  if (!templateFile) return { find: findTemplate, custom: null };
  const raw = readJsonFile(templateFile);
  if (Array.isArray(raw) && raw.length !== 1)
    throw new CliError(
      `Tệp mẫu "${templateFile}" là danh sách ${raw.length} mẫu (như baocao templates --json in ra); ` +
        "chép một mẫu (một phần tử của danh sách) ra tệp riêng rồi dùng tệp đó."
    );
  let custom: Template;
  try {
    custom = loadTemplateFile(Array.isArray(raw) && raw.length === 1 ? raw[0] : raw);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new CliError(
      `Tệp mẫu "${templateFile}" có ${e.issues.length} lỗi; chưa ghi tệp nào. Sửa rồi chạy lại:\n` +
        e.issues.map((i) => `  - ${i.path ? i.path + ": " : ""}${i.message}`).join("\n") +
        "\n(cách viết tệp mẫu: README, mục “Tệp mẫu”; lược đồ: src/core/model/template-file.schema.json)"
    );
  }
  const shadowed = findTemplate(custom.id);
  if (shadowed) {
    io.err(
      `Lưu ý: dùng mẫu "${custom.id}" phiên bản ${custom.version} từ "${templateFile}" thay cho mẫu có sẵn cùng mã (phiên bản ${shadowed.version}).\n`
    );
  }
  return { find: (id) => (id === custom.id ? custom : findTemplate(id)), custom };
}

export function requireTemplate(id: string, find: FindTemplate = findTemplate): Template {
  const t = find(id);
  if (!t) {
    const known = builtInTemplates()
      .map((x) => `  ${x.id}  ${x.title}`)
      .join("\n");
    throw new CliError(
      `Không có mẫu "${id}". Các mẫu hiện có:\n${known}\n(xem thêm: baocao templates; mẫu của đơn vị: --template-file mau.json)`
    );
  }
  return t;
}

/** The template a workbook was made from, refusing workbooks the product cannot read. */
export function templateOfWorkbook(
  snapshot: WorkbookSnapshot,
  file: string,
  find: FindTemplate = findTemplate
): { template: Template; meta: WorkbookMeta } {
  const meta = readMeta(snapshot);
  if (!meta) {
    throw new CliError(
      `Tệp "${file}" không được tạo từ mẫu của BáoCáo. ` +
        "Tạo sổ mới bằng: baocao new <mã mẫu> -o tep.xlsx"
    );
  }
  const template = find(meta.templateId);
  if (!template) {
    throw new CliError(
      `Tệp "${file}" dùng mẫu "${meta.templateId}" mà phiên bản BáoCáo này không có. ` +
        `Nếu có tệp mẫu của mẫu này, thêm: --template-file <mau.json>`
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
