// Resolving templates and template workbooks for CLI commands: the built-in templates, and the
// one a user gives with --template-file (it shadows a built-in with the same id, with a notice).
import type { Template } from "../core/model/load";
import { TemplateError } from "../core/model/load";
import { loadTemplateFile } from "../core/model/template-file";
import { issueLine } from "../core/model/template-issues";
import { builtInTemplates, findTemplate } from "../templates";
import type { WorkbookMeta } from "../core/data/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { WorkbookTemplateProblem } from "../core/consolidate/resolve";
import { identifyWorkbook, type IdentifyNotice } from "../usecases/identify";
import { CliError } from "./errors";
import { readJsonFile, type Output } from "./io";
import { templateOfAuthoringWorkbook } from "./commands/template";

/**
 * Finds a template by id: the user's template file first, then the built-ins. `notify` is where
 * reading a workbook says which definition it used: the finder travels to every place a command
 * reads a workbook, so the notice needs no extra parameter there.
 */
export type FindTemplate = ((id: string) => Template | undefined) & {
  notify?: (line: string) => void;
};

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
  const notify = (line: string) => io.err(line);
  if (!templateFile)
    return { find: Object.assign((id: string) => findTemplate(id), { notify }), custom: null };
  // An authoring workbook (baocao template export) is built into a template first; its mistakes
  // are refused at their sheet, row and column like those of template build.
  if (/\.xlsx$/i.test(templateFile)) {
    const fromBook = templateOfAuthoringWorkbook(templateFile).template;
    const shadowedBy = findTemplate(fromBook.id);
    if (shadowedBy)
      io.err(
        `Lưu ý: dùng mẫu "${fromBook.id}" phiên bản ${fromBook.version} từ "${templateFile}" thay cho mẫu có sẵn cùng mã (phiên bản ${shadowedBy.version}).\n`
      );
    return {
      find: Object.assign((id: string) => (id === fromBook.id ? fromBook : findTemplate(id)), {
        notify,
      }),
      custom: fromBook,
    };
  }
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
        e.issues.map((i) => `  - ${issueLine(i)}`).join("\n") +
        "\n(cách viết tệp mẫu: README, mục “Tệp mẫu”; lược đồ: src/core/model/template-file.schema.json)"
    );
  }
  const shadowed = findTemplate(custom.id);
  if (shadowed) {
    io.err(
      `Lưu ý: dùng mẫu "${custom.id}" phiên bản ${custom.version} từ "${templateFile}" thay cho mẫu có sẵn cùng mã (phiên bản ${shadowed.version}).\n`
    );
  }
  const find = (id: string) => (id === custom.id ? custom : findTemplate(id));
  return { find: Object.assign(find, { notify }), custom };
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

/**
 * The template a workbook was made from, refusing workbooks the product cannot read. The
 * installed template of the workbook's id and version wins, else the definition the workbook
 * carries (one notice line on `notify`), else one of the same major version (older workbooks).
 * Identifying is the use case's (src/usecases/identify.ts); the words and the exit code are here.
 */
export function templateOfWorkbook(
  snapshot: WorkbookSnapshot,
  file: string,
  find: FindTemplate = findTemplate
): { template: Template; meta: WorkbookMeta } {
  const found = identifyWorkbook(snapshot, find);
  if (!found.ok) throw workbookProblemError(found.problem, file);
  if (found.notice) noticeOfWorkbook(found.notice, file, find);
  return { template: found.template, meta: found.meta };
}

/** Says on the finder's channel that a workbook is read with the definition it carries. */
export function noticeOfWorkbook(notice: IdentifyNotice, file: string, find: FindTemplate): void {
  const { templateId, version, installedVersion } = notice;
  const why =
    installedVersion !== null
      ? `BáoCáo này có mẫu "${templateId}" phiên bản ${installedVersion}, sổ làm từ phiên bản ${version}`
      : `BáoCáo này không có mẫu "${templateId}" phiên bản ${version}`;
  (find.notify ?? defaultNotify)(
    `Lưu ý: tệp "${file}": ${why}: dùng định nghĩa mẫu lưu trong sổ.\n`
  );
}

/** The command line's words for a workbook whose template cannot be found (exit code 2). */
export function workbookProblemError(p: WorkbookTemplateProblem, file: string): CliError {
  switch (p.kind) {
    case "notBaoCao":
      return new CliError(
        `Tệp "${file}" không được tạo từ mẫu của BáoCáo. ` +
          "Tạo sổ mới bằng: baocao new <mã mẫu> -o tep.xlsx"
      );
    case "unknownTemplate":
      return new CliError(
        `Tệp "${file}" dùng mẫu "${p.templateId}" mà phiên bản BáoCáo này không có. ` +
          `Nếu có tệp mẫu của mẫu này, thêm: --template-file <mau.json>`
      );
    case "incompatible":
      return new CliError(
        `Tệp "${file}" dùng mẫu "${p.templateId}" phiên bản ${p.version}, không tương thích với phiên bản ${p.supported}. ` +
          "Tạo sổ mới từ mẫu hiện hành rồi chép số liệu sang."
      );
    case "editedDefinition":
      return new CliError(
        `Tệp "${file}": ${p.message} Xin lại sổ tính từ nơi gửi, hoặc chạy lại kèm tệp mẫu: --template-file <mau.json> (mẫu "${p.templateId}"). Chưa ghi tệp nào.`
      );
    case "invalidDefinition":
      return new CliError(
        `Tệp "${file}": ${p.message}` +
          p.issues.map((i) => `\n  - ${i.path ? i.path + ": " : ""}${i.message}`).join("") +
          `\nCập nhật BáoCáo, hoặc chạy lại kèm tệp mẫu: --template-file <mau.json> (mẫu "${p.templateId}"). Chưa ghi tệp nào.`
      );
  }
}

/** Notices go to stderr when the finder came without a channel (tests, other callers). */
function defaultNotify(line: string): void {
  process.stderr.write(line);
}
