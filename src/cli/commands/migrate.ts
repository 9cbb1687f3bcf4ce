// baocao migrate <old.xlsx> --to <template file | version> -o new.xlsx: a workbook made from an
// older version of its template, written again in the newer version's layout with every value
// carried as the template's history says (renamed, split, moved); what has nowhere to go is
// listed. Exit 0: everything carried; 1: written, but some values could not be carried (listed);
// 2: nothing written (no way from the old version, unreadable input, bad usage). The input is
// never modified; the output is written to a temporary file and renamed, so it is whole or absent.
import * as fs from "node:fs";
import { readWorkbookBytes, XlsxReadError } from "../../adapters/xlsx/read";
import { planToXlsx } from "../../adapters/xlsx/render";
import { planWorkbook } from "../../core/layout/planner";
import type { Template } from "../../core/model/load";
import { notCarriedLine } from "../../core/consolidate/consolidate";
import type { MigrationPlan } from "../../core/migrate/plan";
import { migrateWorkbook, type MigrateProblem } from "../../usecases/migrate";
import { CliError, EXIT } from "../errors";
import { exceljs } from "../exceljs";
import { checkOutput, readBytes, writeAtomic, type Output } from "../io";
import { cliTemplates } from "../templates";
import { findTemplate } from "../../templates";

export interface MigrateOptions {
  /** A template file of the newer version, or a version of the installed template ("1.1.0"). */
  to: string;
  output: string;
  /** --template-file: the old version's template file (or any template the command may need). */
  templateFile?: string;
  force?: boolean;
  json?: boolean;
}

const VERSION = /^\d+\.\d+\.\d+$/;

/** One line per change the plan applied, in the new template's words. */
function changeLines(plan: MigrationPlan, old: Template | null, to: Template): string[] {
  const label = (t: Template | null, id: string) =>
    t?.indicatorById.get(id)?.label ??
    t?.targetById.get(id)?.label ??
    t?.sectionById.get(id)?.heading;
  const named = (t: Template | null, id: string) => {
    const l = label(t, id);
    return l ? `"${l}" (${id})` : id;
  };
  const lines: string[] = [];
  for (const [oldId, f] of plan.changed) {
    if (f.kind === "kept") lines.push(`Đổi mã: ${named(old, oldId)} → ${named(to, f.id)}`);
    else if (f.kind === "split")
      lines.push(
        `Tách: ${named(old, oldId)} → ${f.into.map((x) => named(to, x)).join(", ")}` +
          (f.carryTo ? `; số cũ chuyển vào ${named(to, f.carryTo)}` : "; số cũ không chuyển được")
      );
    else lines.push(`Bỏ: ${named(old, oldId)} (từ phiên bản ${f.version})`);
  }
  for (const id of plan.added) lines.push(`Mới, để trống: ${named(to, id)}`);
  for (const m of plan.moved) lines.push(`Chuyển chỗ: ${named(to, m.id)} → ${m.to}`);
  return lines;
}

/** The template file given with --to (a version is looked up by the use case). */
function targetFile(opts: MigrateOptions): Template {
  if (!fs.existsSync(opts.to))
    throw new CliError(
      `Không tìm thấy tệp mẫu "${opts.to}". --to nhận một tệp mẫu (.json) hoặc một số phiên bản (vd. --to 1.1.0).`
    );
  return cliTemplates(opts.to, { out: () => undefined, err: () => undefined }).custom!;
}

export async function migrateCommand(
  file: string,
  opts: MigrateOptions,
  io: Output
): Promise<number> {
  checkOutput(opts.output, opts.force ?? false, [
    file,
    ...(VERSION.test(opts.to.trim()) ? [] : [opts.to]),
    ...(opts.templateFile ? [opts.templateFile] : []),
  ]);
  const input = readBytes(file);
  let snapshot;
  try {
    snapshot = (await readWorkbookBytes(exceljs, input, file)).snapshot;
  } catch (e) {
    if (e instanceof XlsxReadError) throw new CliError(e.message);
    throw e;
  }
  const installed = cliTemplates(opts.templateFile, io);
  const version = opts.to.trim();
  const read = migrateWorkbook(
    snapshot,
    installed.find,
    VERSION.test(version)
      ? // --template-file may be the old version's file: the built-in of that id is a candidate too.
        { version, among: [installed.find, findTemplate] }
      : { template: targetFile(opts) }
  );
  if (!read.ok) throw migrateProblemError(read.problem, file, opts);
  const { meta, to, target, data, notCarried, plan, carried } = read;
  const bytes = await planToXlsx(exceljs, planWorkbook(target, data));
  writeAtomic(opts.output, bytes);

  const changes = changeLines(plan, read.old, to);
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          output: opts.output,
          template: to.id,
          from: meta.templateVersion,
          to: to.version,
          readBy: read.how,
          carried,
          changes,
          notCarried,
          errors: read.errors,
          exitCode: notCarried.length > 0 ? EXIT.problems : EXIT.ok,
        },
        null,
        2
      ) + "\n"
    );
  } else {
    const lines = [
      `Đã chuyển "${file}" (mẫu "${to.title}" phiên bản ${meta.templateVersion}) sang phiên bản ${to.version}: "${opts.output}".`,
      read.how === "template"
        ? `Đọc sổ cũ theo mẫu phiên bản ${meta.templateVersion}.`
        : `Không có tệp mẫu phiên bản ${meta.templateVersion}: đọc sổ cũ theo tên ô (BC_…). Để đọc đúng bố cục cũ, thêm --template-file <mẫu phiên bản ${meta.templateVersion}>.`,
      `Chuyển được ${carried} giá trị.`,
      ...changes.map((l) => `  ${l}`),
    ];
    io.out(lines.join("\n") + "\n");
  }
  if (read.errors > 0)
    io.err(
      `Lưu ý: sổ cũ có ${read.errors} lỗi khi kiểm tra; các giá trị vẫn được chuyển như đã ghi. Kiểm tra sổ mới: baocao validate "${opts.output}"${opts.templateFile || !VERSION.test(opts.to) ? ` --template-file <mẫu phiên bản ${to.version}>` : ""}.\n`
    );
  if (notCarried.length > 0) {
    io.err(
      `${notCarried.length} giá trị không chuyển được (có trong "${file}", không có trong "${opts.output}"):\n` +
        notCarried.map((n) => `  - ${notCarriedLine(n)}`).join("\n") +
        "\n"
    );
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** The command line's words for a workbook that cannot be migrated (nothing written, exit 2). */
function migrateProblemError(p: MigrateProblem, file: string, opts: MigrateOptions): CliError {
  switch (p.kind) {
    case "notBaoCao":
      return new CliError(
        `Tệp "${file}" không được tạo từ mẫu của BáoCáo, nên không biết phiên bản mẫu để chuyển.`
      );
    case "noSuchVersion":
      return new CliError(
        `Không có mẫu "${p.templateId}" phiên bản ${p.version}` +
          (p.have.length > 0 ? ` (đang có phiên bản ${p.have.join(", ")})` : "") +
          `. Đưa tệp mẫu của phiên bản cần chuyển sang: --to mau-${p.version}.json`
      );
    case "otherTemplate":
      return new CliError(
        `Tệp mẫu "${opts.to}" là mẫu "${p.templateId}", còn sổ tính dùng mẫu "${p.expected}": chỉ chuyển được sang phiên bản mới của cùng một mẫu.`
      );
    case "noWay":
      return new CliError(
        `Không chuyển được "${file}" (mẫu "${p.templateId}" phiên bản ${p.from}) sang phiên bản ${p.to}: ${p.why}. Chưa ghi tệp nào.`
      );
  }
}
