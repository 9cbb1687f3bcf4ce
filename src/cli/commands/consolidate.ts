// baocao consolidate <unit files or folders> -o tong-hop.xlsx: one workbook of the same template
// with a row per unit, totals, rates and a sources sheet. Exit 0: every file used; 1: some left out
// (the result is still written and lists them); 2: nothing usable (nothing written). Districts'
// consolidated workbooks are sources too; the units hierarchy is summarised ("Cộng theo cấp") and
// problems of its parent column are printed as findings, which do not change the exit code.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConsolidationResult } from "../../core/consolidate";
import { completenessSummary, STATUS_LABELS } from "../../core/layout/sources-sheet";
import {
  consolidateFiles,
  consolidationToXlsx,
  type UnitFile,
} from "../../adapters/xlsx/consolidate";
import { CliError, EXIT } from "../errors";
import { exceljs } from "../exceljs";
import { checkOutput, readBytes, readTextFile, writeAtomic, type Output } from "../io";
import { readTemplateWorkbook } from "../workbook";
import { cliTemplates, type FindTemplate } from "../templates";
import { readWorkbook } from "../../core/data/read";
import { formatNumber } from "../../core/format";

export interface ConsolidateCliOptions {
  output: string;
  template?: string;
  /** --template-file: the user's template file; it shadows a built-in with the same id. */
  templateFile?: string;
  period?: string;
  insist?: boolean;
  expected?: string;
  issuer?: string;
  force?: boolean;
  json?: boolean;
  /** Progress on stderr as it goes; default: when stderr is a terminal. */
  progress?: boolean;
}

const isLockFile = (name: string) => name.startsWith("~$");

/** Files named on the command line, folders expanded to their .xlsx files (not recursive). */
export function expandInputs(inputs: string[], io: Output): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      throw new CliError(`Không tìm thấy "${input}". Kiểm tra lại tên tệp hoặc thư mục.`);
    }
    if (!st.isDirectory()) {
      files.push(input);
      continue;
    }
    const found = fs
      .readdirSync(input)
      .filter((n) => n.toLowerCase().endsWith(".xlsx") && !isLockFile(n))
      .sort()
      .map((n) => path.join(input, n))
      .filter((f) => fs.statSync(f).isFile());
    if (found.length === 0)
      throw new CliError(
        `Thư mục "${input}" không có tệp .xlsx nào. Chép sổ tính của các đơn vị vào thư mục rồi chạy lại.`
      );
    io.err(`Thư mục "${input}": ${found.length} tệp .xlsx.\n`);
    files.push(...found);
  }
  return files;
}

/** The expected units: a .txt with one unit per line, or a workbook whose units sheet lists them. */
async function expectedUnits(file: string, find: FindTemplate): Promise<string[]> {
  if (file.toLowerCase().endsWith(".xlsx")) {
    const opened = await readTemplateWorkbook(file, undefined, find);
    const units = readWorkbook(opened.template, opened.snapshot).data.units.map((u) => u.name);
    if (units.length === 0)
      throw new CliError(
        `Trang "Đơn vị" của "${file}" chưa có đơn vị nào; không lấy được danh sách đơn vị phải nộp.`
      );
    return units;
  }
  const units = readTextFile(file)
    .split(/\r?\n/)
    .map((l) => l.split(/\t| \| /)[0].trim())
    .filter((l) => l !== "");
  if (units.length === 0)
    throw new CliError(`Tệp "${file}" không có đơn vị nào (mỗi dòng một đơn vị).`);
  return units;
}

function report(result: ConsolidationResult, io: Output): void {
  const lines: string[] = [];
  lines.push(
    `Đã đọc ${result.sources.length} tệp: dùng ${result.used.length}, loại ${result.leftOut.length}.`
  );
  for (const s of result.sources) {
    lines.push(`  [${STATUS_LABELS[s.status]}] ${s.file}${s.unit ? ` — ${s.unit}` : ""}`);
    for (const r of s.reasons) lines.push(`      ${r}`);
  }
  for (const m of result.messages) lines.push(m);
  if (result.data?.consolidation) lines.push(completenessSummary(result.data.consolidation));
  else if (result.missing.length > 0)
    lines.push(`Chưa có số liệu của: ${result.missing.join("; ")}.`);
  io.err(lines.join("\n") + "\n");
}

function totalsLine(result: ConsolidationResult): string {
  const t = result.template;
  const data = result.data;
  if (!t || !data) return "";
  const units = data.units.length;
  const figures = Object.values(data.values).filter((v) => typeof v === "number").length;
  return `Bản tổng hợp: ${formatNumber(units)} đơn vị, ${formatNumber(figures)} số liệu tổng.`;
}

export async function consolidateCommand(
  inputs: string[],
  opts: ConsolidateCliOptions,
  io: Output
): Promise<number> {
  if (inputs.length === 0) throw new CliError("Chưa chọn tệp hay thư mục nào để tổng hợp.");
  const paths = expandInputs(inputs, io);
  checkOutput(opts.output, opts.force ?? false, opts.expected ? [...paths, opts.expected] : paths);
  const { find } = cliTemplates(opts.templateFile, io);
  const expected = opts.expected ? await expectedUnits(opts.expected, find) : undefined;
  const progress = opts.progress ?? process.stderr.isTTY === true;
  const files: UnitFile[] = paths.map((p) => ({
    name: p,
    read: async () => readBytes(p),
  }));
  const result = await consolidateFiles(files, {
    exceljs,
    sha256: async (bytes) => crypto.createHash("sha256").update(bytes).digest("hex"),
    onProgress: progress
      ? (done, total, file) => {
          if (done < total) io.err(`\rĐang đọc ${done + 1}/${total}: ${path.basename(file)}\x1b[K`);
          else io.err(`\rĐã đọc ${total}/${total} tệp.\x1b[K\n`);
        }
      : undefined,
    template: opts.template,
    find,
    period: opts.period,
    insist: opts.insist,
    expectedUnits: expected,
    issuer: opts.issuer,
  });
  if (!progress) io.err(`Đã đọc ${paths.length} tệp.\n`);

  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          output: result.exitCode === EXIT.unusable ? null : opts.output,
          exitCode: result.exitCode,
          template: result.template?.id ?? null,
          period: result.data?.header.period ?? null,
          sources: result.sources,
          expected: result.expected,
          received: result.received,
          missing: result.missing,
          messages: result.messages,
          consolidations: result.consolidations ?? [],
          findings: result.findings ?? [],
          hierarchy: result.hierarchy ?? null,
        },
        null,
        2
      ) + "\n"
    );
  }
  report(result, io);
  if (result.exitCode === 2 || !result.data) {
    io.err("Không ghi tệp kết quả.\n");
    return EXIT.unusable;
  }
  writeAtomic(opts.output, await consolidationToXlsx(exceljs, result));
  io.err(`${totalsLine(result)}\nĐã ghi bản tổng hợp vào "${opts.output}".\n`);
  return result.exitCode;
}
