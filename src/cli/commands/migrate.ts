// baocao migrate <old.xlsx> --to <template file | version> -o new.xlsx: a workbook made from an
// older version of its template, written again in the newer version's layout with every value
// carried as the template's history says (renamed, split, moved); what has nowhere to go is
// listed. Exit 0: everything carried; 1: written, but some values could not be carried (listed);
// 2: nothing written (no way from the old version, unreadable input, bad usage). The input is
// never modified; the output is written to a temporary file and renamed, so it is whole or absent.
import * as fs from "node:fs";
import { readWorkbookBytes, XlsxReadError } from "../../adapters/xlsx/read";
import { planToXlsx } from "../../adapters/xlsx/render";
import { readMeta } from "../../core/data/read";
import type { ReportData } from "../../core/data/types";
import { planWorkbook } from "../../core/layout/planner";
import { templateForMeta } from "../../core/consolidate/resolve";
import type { Template } from "../../core/model/load";
import { notCarriedLine } from "../../core/consolidate/consolidate";
import { readOlderWorkbook } from "../../core/migrate/read";
import type { MigrationPlan } from "../../core/migrate/plan";
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

/** How many values the data holds: figures, unit and table cells, texts, reworded sentences. */
function countValues(d: ReportData, t: Template): number {
  const filled = (v: unknown) => v !== null && v !== undefined && v !== "";
  const scalars = Object.entries(d.values).filter(
    ([id, v]) => filled(v) && !t.indicatorById.get(id)?.table
  ).length;
  const units = d.units.reduce((n, u) => n + Object.values(u.values).filter(filled).length, 0);
  const rows = Object.values(d.tables).reduce(
    (n, rs) =>
      n +
      rs.reduce(
        (m, r) => m + Object.entries(r).filter(([k, v]) => k !== "row" && filled(v)).length,
        0
      ),
    0
  );
  return (
    scalars +
    units +
    rows +
    Object.values(d.texts).filter(filled).length +
    Object.keys(d.sentences ?? {}).length
  );
}

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

/** The template to migrate to: a template file, or a version of the template the workbook uses. */
function targetTemplate(
  opts: MigrateOptions,
  templateId: string,
  installed: ReturnType<typeof cliTemplates>
): Template {
  if (VERSION.test(opts.to.trim())) {
    const version = opts.to.trim();
    // --template-file may be the old version's file: the built-in of that id is a candidate too.
    const candidates = [installed.find(templateId), findTemplate(templateId)];
    const t = candidates.find((x) => x?.version === version);
    if (t) return t;
    const have = candidates.flatMap((x) => (x ? [x.version] : []));
    throw new CliError(
      `Không có mẫu "${templateId}" phiên bản ${version}` +
        (have.length > 0 ? ` (đang có phiên bản ${[...new Set(have)].join(", ")})` : "") +
        `. Đưa tệp mẫu của phiên bản cần chuyển sang: --to mau-${version}.json`
    );
  }
  if (!fs.existsSync(opts.to))
    throw new CliError(
      `Không tìm thấy tệp mẫu "${opts.to}". --to nhận một tệp mẫu (.json) hoặc một số phiên bản (vd. --to 1.1.0).`
    );
  const t = cliTemplates(opts.to, { out: () => undefined, err: () => undefined }).custom!;
  if (t.id !== templateId)
    throw new CliError(
      `Tệp mẫu "${opts.to}" là mẫu "${t.id}", còn sổ tính dùng mẫu "${templateId}": chỉ chuyển được sang phiên bản mới của cùng một mẫu.`
    );
  return t;
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
  const meta = readMeta(snapshot);
  if (!meta)
    throw new CliError(
      `Tệp "${file}" không được tạo từ mẫu của BáoCáo, nên không biết phiên bản mẫu để chuyển.`
    );
  const installed = cliTemplates(opts.templateFile, io);
  const to = targetTemplate(opts, meta.templateId, installed);
  const find = installed.find;
  const read = readOlderWorkbook(snapshot, meta, to, { find, others: [to] });
  if (!read.ok)
    throw new CliError(
      `Không chuyển được "${file}" (mẫu "${meta.templateId}" phiên bản ${meta.templateVersion}) sang phiên bản ${to.version}: ${read.why}. Chưa ghi tệp nào.`
    );
  const target = templateForMeta(to, meta);
  const { data, notCarried, plan } = read.migrated;
  const bytes = await planToXlsx(exceljs, planWorkbook(target, data));
  writeAtomic(opts.output, bytes);

  const carried = countValues(data, target);
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
