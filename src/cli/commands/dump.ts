// baocao dump <file|folder>: the report data of a workbook, as JSON (the interchange format, the
// default) or flat (--format csv|xlsx: one row per figure, see core/flat). A folder is read as
// `baocao consolidate` reads it, and its flat rows are each unit's figures and the totals.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { readWorkbook } from "../../core/data/read";
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";
import { flatCsv, flatRows } from "../../core/flat";
import { consolidateFiles } from "../../adapters/xlsx/consolidate";
import { consolidateWorkbooks } from "../../usecases/consolidate";
import { exitCodeOf } from "./consolidate";
import { flatToXlsx } from "../../adapters/xlsx/flat";
import { CliError, EXIT } from "../errors";
import { exceljs } from "../exceljs";
import { findingsText } from "../findings-text";
import { checkOutput, readBytes, writeAtomic, type Output } from "../io";
import { readTemplateWorkbook } from "../workbook";
import { cliTemplates, type FindTemplate } from "../templates";
import { expandInputs } from "./consolidate";

export const DUMP_FORMATS = ["json", "csv", "xlsx"] as const;
export type DumpFormat = (typeof DUMP_FORMATS)[number];

export interface DumpOptions {
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  output?: string;
  force?: boolean;
  format?: string;
}

function checkFormat(format: string | undefined, output: string | undefined): DumpFormat {
  const f = (format ?? "json").toLowerCase();
  if (!(DUMP_FORMATS as readonly string[]).includes(f))
    throw new CliError(`Định dạng "${format}" không có; chọn json, csv hoặc xlsx (--format).`);
  if (f === "xlsx" && !output)
    throw new CliError("Định dạng xlsx cần tệp kết quả: thêm -o <tệp.xlsx>.");
  return f as DumpFormat;
}

/** A folder's workbooks consolidated in memory, as `baocao consolidate` would (nothing written). */
async function readFolder(
  folder: string,
  io: Output,
  find: FindTemplate
): Promise<{ template: Template; data: ReportData; exitCode: number }> {
  const paths = expandInputs([folder], io);
  const outcome = await consolidateWorkbooks(
    paths.map((p) => ({ name: p, read: async () => readBytes(p) })),
    {
      exceljs,
      sha256: async (bytes) => crypto.createHash("sha256").update(bytes).digest("hex"),
      find,
    },
    consolidateFiles
  );
  const { result } = outcome;
  const lines = [
    `Đã đọc ${result.sources.length} tệp: dùng ${result.used.length}, loại ${result.leftOut.length}.`,
  ];
  for (const s of result.leftOut) lines.push(`  [loại] ${s.file}: ${s.reasons.join(" ")}`);
  lines.push(...result.messages);
  io.err(lines.join("\n") + "\n");
  if (outcome.kind === "stopped" || !result.template || !result.data)
    throw new CliError(
      `Thư mục "${folder}" không có sổ tính nào dùng được; không ghi tệp kết quả.`
    );
  return { template: result.template, data: result.data, exitCode: exitCodeOf(outcome) };
}

export async function dumpCommand(file: string, opts: DumpOptions, io: Output): Promise<number> {
  const format = checkFormat(opts.format, opts.output);
  const isFolder = fs.existsSync(file) && fs.statSync(file).isDirectory();
  // Refused before reading: a wrong output name should not wait for a large workbook to load.
  if (opts.output) checkOutput(opts.output, opts.force ?? false, isFolder ? [] : [file]);
  let template: Template;
  let data: ReportData;
  let exitCode: number = EXIT.ok;
  const { find } = cliTemplates(opts.templateFile, io);
  if (isFolder) {
    ({ template, data, exitCode } = await readFolder(file, io, find));
  } else {
    const opened = await readTemplateWorkbook(file, undefined, find);
    const read = readWorkbook(opened.template, opened.snapshot);
    ({ template, data } = { template: opened.template, data: read.data });
    if (read.findings.length > 0) {
      io.err(
        `Có ${read.findings.length} điểm cần xem khi đọc "${file}":\n${findingsText(read.findings)}\n`
      );
    }
  }
  let out: string | Uint8Array;
  let rowsNote = "";
  if (format === "json") {
    out = JSON.stringify(data, null, 2) + "\n";
  } else {
    const rows = flatRows(template, data);
    rowsNote = ` (${rows.length} dòng số liệu)`;
    out = format === "csv" ? flatCsv(rows) : await flatToXlsx(exceljs, rows);
  }
  if (opts.output) {
    writeAtomic(opts.output, out);
    io.err(`Đã ghi dữ liệu của "${file}" vào "${opts.output}"${rowsNote}.\n`);
  } else {
    io.out(out as string);
  }
  return exitCode;
}
