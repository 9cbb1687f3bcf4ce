// baocao consolidate <unit files or folders> -o tong-hop.xlsx: one workbook of the same template
// with a row per unit, totals, rates and a sources sheet. Exit 0: every file used; 1: some left out
// (the result is still written and lists them); 2: nothing usable (nothing written). Districts'
// consolidated workbooks are sources too; the units hierarchy is summarised ("Cộng theo cấp") and
// problems of its parent column are printed as findings, which do not change the exit code.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConsolidationResult, ConsolidationStop } from "../../core/consolidate";
import { completenessSummary, REVIEW_LABELS, STATUS_LABELS } from "../../core/layout/sources-sheet";
import { timelinessLabel, type Approval } from "../../core/consolidate";
import { isValidIsoDate } from "../../core/period/isoDate";
import { formatShortDate } from "../../core/period";
import {
  consolidateFiles,
  consolidationToXlsx,
  type UnitFile,
} from "../../adapters/xlsx/consolidate";
import { consolidateWorkbooks, type ConsolidateOutcome } from "../../usecases/consolidate";
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
  /** Files to use for their unit whatever their dates (repeatable). */
  prefer?: string[];
  /** Files the user approves (đã duyệt), recorded with the time of this run (repeatable). */
  approve?: string[];
  /** Deadline of the units' reports, YYYY-MM-DD. */
  deadline?: string;
  /** An earlier consolidated workbook whose approvals carry over to files unchanged since. */
  keepApprovals?: string;
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

/** --deadline as given: a real day written YYYY-MM-DD, else an error before anything is read. */
export function checkDeadline(deadline: string | undefined): string | undefined {
  if (deadline === undefined) return undefined;
  const d = deadline.trim();
  if (!isValidIsoDate(d))
    throw new CliError(
      `Hạn nộp "${deadline}" không phải ngày hợp lệ. Ghi --deadline dạng YYYY-MM-DD, vd. --deadline 2024-04-10.`
    );
  return d;
}

/** The file's modification time, to rank a unit's resends when nothing else tells them apart. */
export function fileTimeOf(p: string): string | null {
  try {
    return fs.statSync(p).mtime.toISOString();
  } catch {
    return null;
  }
}

/**
 * The approvals recorded on an earlier consolidated workbook's sources sheet, tied to the bytes
 * approved: a file sent again since (another checksum) must be approved again.
 */
async function approvalsOf(file: string, find: FindTemplate): Promise<Approval[]> {
  const opened = await readTemplateWorkbook(file, undefined, find);
  const c = readWorkbook(opened.template, opened.snapshot).data.consolidation;
  if (!c)
    throw new CliError(
      `"${file}" không phải sổ tổng hợp (không có trang "Nguồn tổng hợp"), nên không lấy được các tệp đã duyệt.`
    );
  return c.sources.flatMap((s) =>
    s.review === "approved" && s.approvedAt && s.checksum
      ? [{ file: s.file, at: s.approvedAt, checksum: s.checksum }]
      : []
  );
}

/** One expected unit's line: "đúng hạn", "muộn 3 ngày", "chưa nộp". */
function timelinessLines(result: ConsolidationResult): string[] {
  const c = result.data?.consolidation;
  if (!c?.deadline || !c.timeliness) return [];
  return [
    `Đúng hạn (hạn nộp ${isValidIsoDate(c.deadline) ? formatShortDate(c.deadline) : c.deadline}):`,
    ...c.timeliness.map(
      (t) => `  [${timelinessLabel(t)}] ${t.unit}${t.reportDate ? ` — ngày ${t.reportDate}` : ""}`
    ),
  ];
}

/** Where, on the command line, the user makes the choice the consolidation stopped at. */
function stopHint(stop: ConsolidationStop): string | null {
  switch (stop.kind) {
    case "unknownTemplate":
      return "Xem danh sách mẫu: baocao templates; mẫu của đơn vị: --template-file mau.json.";
    case "templateTie":
      return "Chọn mẫu bằng --template <mã mẫu>.";
    case "periodTie":
      return "Ghi kỳ bằng --period (vd. 2024-Q1).";
    default:
      return null;
  }
}

function report(result: ConsolidationResult, io: Output): void {
  const lines: string[] = [];
  lines.push(
    `Đã đọc ${result.sources.length} tệp: dùng ${result.used.length}, loại ${result.leftOut.length}` +
      (result.superseded.length > 0
        ? `, thay bằng bản mới hoặc trùng ${result.superseded.length}.`
        : ".")
  );
  for (const s of result.sources) {
    const review = s.review ? ` (${REVIEW_LABELS[s.review]})` : "";
    lines.push(`  [${STATUS_LABELS[s.status]}] ${s.file}${s.unit ? ` — ${s.unit}` : ""}${review}`);
    for (const r of s.reasons) lines.push(`      ${r}`);
    if (s.status === "superseded") lines.push(`      Muốn dùng tệp này: --prefer "${s.file}".`);
  }
  for (const m of result.messages) lines.push(m);
  const hint = result.stop ? stopHint(result.stop) : null;
  if (hint) lines.push(hint);
  if (result.data?.consolidation) {
    lines.push(completenessSummary(result.data.consolidation));
    lines.push(...timelinessLines(result));
  } else if (result.missing.length > 0)
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
  checkOutput(opts.output, opts.force ?? false, [
    ...paths,
    ...(opts.expected ? [opts.expected] : []),
    ...(opts.keepApprovals ? [opts.keepApprovals] : []),
  ]);
  const deadline = checkDeadline(opts.deadline);
  const { find } = cliTemplates(opts.templateFile, io);
  const expected = opts.expected ? await expectedUnits(opts.expected, find) : undefined;
  const progress = opts.progress ?? process.stderr.isTTY === true;
  const files: UnitFile[] = paths.map((p) => ({
    name: p,
    read: async () => readBytes(p),
    fileTime: fileTimeOf(p),
  }));
  const approvedAt = new Date().toISOString();
  const kept = opts.keepApprovals ? await approvalsOf(opts.keepApprovals, find) : [];
  const outcome = await consolidateWorkbooks(
    files,
    {
      exceljs,
      sha256: async (bytes) => crypto.createHash("sha256").update(bytes).digest("hex"),
      onProgress: progress
        ? (done, total, file) => {
            if (done < total)
              io.err(`\rĐang đọc ${done + 1}/${total}: ${path.basename(file)}\x1b[K`);
            else io.err(`\rĐã đọc ${total}/${total} tệp.\x1b[K\n`);
          }
        : undefined,
      template: opts.template,
      find,
      period: opts.period,
      insist: opts.insist,
      expectedUnits: expected,
      issuer: opts.issuer,
      prefer: opts.prefer,
      approvals: [...kept, ...(opts.approve ?? []).map((file) => ({ file, at: approvedAt }))],
      deadline,
    },
    consolidateFiles
  );
  const { result } = outcome;
  const code = exitCodeOf(outcome);
  if (!progress) io.err(`Đã đọc ${paths.length} tệp.\n`);

  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          output: code === EXIT.unusable ? null : opts.output,
          exitCode: code,
          template: result.template?.id ?? null,
          period: result.data?.header.period ?? null,
          sources: result.sources,
          expected: result.expected,
          received: result.received,
          missing: result.missing,
          superseded: result.superseded.map((s) => ({
            file: s.file,
            unit: s.unit,
            supersededBy: s.supersededBy ?? null,
            status: s.status,
          })),
          deadline: result.data?.consolidation?.deadline ?? null,
          timeliness: result.data?.consolidation?.timeliness ?? null,
          messages: result.messages,
          consolidations: result.consolidations ?? [],
          findings: result.findings ?? [],
          hierarchy: result.hierarchy ?? null,
          migrated: result.migrated ?? [],
        },
        null,
        2
      ) + "\n"
    );
  }
  report(result, io);
  if (outcome.kind === "stopped") {
    io.err("Không ghi tệp kết quả.\n");
    return EXIT.unusable;
  }
  writeAtomic(opts.output, await consolidationToXlsx(exceljs, result));
  io.err(`${totalsLine(result)}\nĐã ghi bản tổng hợp vào "${opts.output}".\n`);
  return code;
}

/** The command's exit code: 0 every unit used, 1 some left out (written), 2 nothing written. */
export function exitCodeOf(outcome: ConsolidateOutcome): number {
  switch (outcome.kind) {
    case "complete":
      return EXIT.ok;
    case "partial":
      return EXIT.problems;
    case "stopped":
      return EXIT.unusable;
  }
}
