// baocao export: the Word draft of a filled workbook. Problems in the workbook do not stop the
// export (a draft is a draft) but are counted on stderr; the output is written atomically and an
// existing file is only replaced with --force.
import { parseDocumentSettings, SOURCE_MODES } from "../../core/document";
import { exportDraft } from "../../usecases/export";
import { renderDocx } from "../../adapters/docx";
import { CliError, EXIT } from "../errors";
import { checkOutput, readJsonFile, writeAtomic, type Output } from "../io";
import { readWorkbookSnapshot } from "../workbook";
import { cliTemplates, noticeOfWorkbook, workbookProblemError } from "../templates";

export interface ExportOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  output: string;
  money?: string;
  zeroPad?: boolean;
  sources?: string;
  settings?: string;
  force?: boolean;
}

/** settings.json, then the command-line flags over it. */
function settingsOf(opts: ExportOptions) {
  const base = opts.settings ? readJsonFile(opts.settings) : {};
  if (typeof base !== "object" || base === null || Array.isArray(base)) {
    throw new CliError(`Tệp cài đặt "${opts.settings}" phải là một đối tượng JSON ({...}).`);
  }
  const raw: Record<string, unknown> = { ...base };
  if (opts.money !== undefined) {
    if (!["auto", "full", "compact", "approximate"].includes(opts.money)) {
      throw new CliError(
        `--money chỉ nhận "auto" (như văn bản mẫu: 1.591.896.000 đồng, 89 triệu đồng, trên 610 triệu đồng), "full" (1.591.896.000 đồng), "compact" (1,592 tỷ đồng) hoặc "approximate" (trên 1,59 tỷ đồng), không nhận "${opts.money}".`
      );
    }
    raw.money = opts.money;
  }
  if (opts.zeroPad !== undefined) raw.zeroPad = opts.zeroPad;
  if (opts.sources !== undefined) {
    if (!(SOURCE_MODES as readonly string[]).includes(opts.sources)) {
      throw new CliError(
        `--sources chỉ nhận ${SOURCE_MODES.join(", ")}, không nhận "${opts.sources}".`
      );
    }
    raw.sources = opts.sources;
  }
  const parsed = parseDocumentSettings(raw);
  if (!parsed.ok) {
    const where = opts.settings ? ` trong "${opts.settings}"` : "";
    throw new CliError(
      `Cài đặt xuất Word không hợp lệ${where}:\n` +
        parsed.issues.map((i) => `  - ${i.path || "(gốc)"}: ${i.message}`).join("\n")
    );
  }
  return parsed.settings;
}

export async function exportCommand(
  file: string,
  opts: ExportOptions,
  io: Output
): Promise<number> {
  const settings = settingsOf(opts);
  checkOutput(opts.output, opts.force ?? false, opts.settings ? [file, opts.settings] : [file]);
  const { find } = cliTemplates(opts.templateFile, io);
  const snapshot = await readWorkbookSnapshot(file);
  const exported = exportDraft(snapshot, find, settings);
  if (!exported.ok) {
    const p = exported.problem;
    // Settings were checked (with the flags' words) before anything was read.
    if (p.kind === "invalidSettings")
      throw new CliError(
        "Cài đặt xuất Word không hợp lệ:\n" +
          p.issues.map((i) => `  - ${i.path || "(gốc)"}: ${i.message}`).join("\n")
      );
    throw workbookProblemError(p, file);
  }
  if (exported.notice) noticeOfWorkbook(exported.notice, file, find);
  const { report, document: doc } = exported;
  const bytes = await renderDocx(doc);
  writeAtomic(opts.output, bytes);
  io.err(`Đã xuất dự thảo Word của "${file}" vào "${opts.output}".\n`);
  if (report.errors > 0 || report.warnings > 0) {
    io.err(
      `Lưu ý: sổ tính có ${report.errors} lỗi và ${report.warnings} cảnh báo; dự thảo vẫn được xuất. ` +
        `Xem chi tiết và sửa trước khi gửi: baocao validate "${file}".\n`
    );
  }
  return EXIT.ok;
}
