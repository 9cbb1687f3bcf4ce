// Screening one unit file: which template made it, whether it passes validation, and its figures.
// The result is small (the file's ReportData and a few counts), so a driver can drop the parsed
// workbook right after and hold a thousand files in memory.
import type { Template } from "../model/load";
import { readMeta } from "../data/read";
import type { WorkbookSnapshot } from "../data/snapshot";
import type { ReportData } from "../data/types";
import { validateWorkbook } from "../validate";
import { resolveWorkbookTemplate, templateForMeta } from "./resolve";
import { isValidIsoDate } from "../period/isoDate";
import type { Finding } from "../findings";
import { readOlderWorkbook } from "../migrate/read";
import type { NotCarried } from "../migrate/data";

export interface SourceFile {
  /** The file name as the user gave it (shown in findings and the sources sheet). */
  file: string;
  /** SHA-256 of the bytes, hex ("" when the bytes could not be read). */
  checksum: string;
  /** When the file was read, ISO 8601. */
  readAt: string;
  /** When the workbook was last saved (docProps/core.xml modified), ISO 8601; to pick a resend. */
  savedAt?: string | null;
  /** The file's own modification time (disk, or the browser's File), ISO 8601; the last tie-break. */
  fileTime?: string | null;
}

/** One error or warning of a unit's file, at its place: what a return note lists. */
export interface SourceIssue {
  severity: "error" | "warning";
  sheet: string | null;
  cell: string | null;
  message: string;
}

export interface ScreenedSource extends SourceFile {
  /** Why the file cannot be used at all (unreadable, not a BáoCáo workbook, unknown template). */
  problem: string | null;
  template: string | null;
  templateVersion: string | null;
  /** The unit: the file's cơ quan ban hành (header.issuingBody), trimmed. */
  unit: string | null;
  parentBody: string | null;
  period: string | null;
  errors: number;
  warnings: number;
  /** The first error messages, with their place, for the reasons a file is left out. */
  errorSamples: string[];
  /** Every error and warning, at its sheet and cell, for the review and the return note. */
  issues: SourceIssue[];
  /** The report's date (header.date, YYYY-MM-DD) when it is one. */
  reportDate: string | null;
  /** A consolidated workbook (its meta says so): its units are brought into the result. */
  consolidated: boolean;
  /** Canonical data, of the consolidated template when `consolidated`. */
  data: ReportData | null;
  /** A workbook of an older version of the template, carried in memory into the current one. */
  migration?: SourceMigration;
  /** The template definition the file carried, when it was used (none installed matched). */
  carried?: Template;
}

/** How a workbook of an older version was carried: `data` is of version `to`. */
export interface SourceMigration {
  from: string;
  to: string;
  /** Read with the old version's own template, or by the workbook's defined names. */
  how: "template" | "names";
  /** Values the newer version has no place for (listed on the sources sheet). */
  notCarried: NotCarried[];
}

const ERROR_SAMPLES = 3;

function unusable(
  src: SourceFile,
  problem: string,
  meta?: { id: string; version: string }
): ScreenedSource {
  return {
    ...src,
    problem,
    template: meta?.id ?? null,
    templateVersion: meta?.version ?? null,
    unit: null,
    parentBody: null,
    period: null,
    errors: 0,
    warnings: 0,
    errorSamples: [],
    issues: [],
    reportDate: null,
    consolidated: false,
    data: null,
  };
}

/**
 * Screens one file. Pass the snapshot, or the reason it could not be read (damaged zip, not an
 * .xlsx: the adapter's Vietnamese message). `find` resolves template ids (the caller's templates).
 */
export function screenSource(
  src: SourceFile,
  input: { snapshot: WorkbookSnapshot } | { readError: string },
  find: (id: string) => Template | undefined
): ScreenedSource {
  if ("readError" in input) return unusable(src, input.readError);
  const found = resolveWorkbookTemplate(readMeta(input.snapshot), find);
  if (!found.ok && found.problem.kind !== "incompatible") {
    const p = found.problem;
    if (p.kind === "notBaoCao" || !found.meta)
      return unusable(
        src,
        `Tệp "${src.file}" không phải sổ tính tạo từ mẫu của BáoCáo: đơn vị cần lập sổ từ một mẫu của BáoCáo rồi gửi lại.`
      );
    const ids = { id: found.meta.templateId, version: found.meta.templateVersion };
    return unusable(
      src,
      p.kind === "unknownTemplate"
        ? `Tệp "${src.file}" dùng mẫu "${p.templateId}" mà phiên bản BáoCáo này không có.`
        : `Tệp "${src.file}": ${p.message} Đơn vị cần gửi lại sổ tính (lập từ mẫu, không sửa trang ẩn), hoặc cài mẫu "${p.templateId}" vào BáoCáo.`,
      ids
    );
  }
  const meta = found.meta!;
  // One lookup per file: resolveWorkbookTemplate already found the installed template.
  const installed = found.ok ? found.installed : find(meta.templateId);
  const carried = found.ok && found.source === "embedded" ? found.base : undefined;
  // A workbook of another version than the installed template: same major.minor is the same
  // layout (a patch only rewords); another is carried into the installed version as its history
  // says — read with the definition it carries when it has one — or refused saying why.
  if (installed && majorMinor(meta.templateVersion) !== majorMinor(installed.version)) {
    const older = readOlderWorkbook(input.snapshot, meta, installed, {
      find,
      others: carried ? [carried] : [],
    });
    if (!older.ok)
      return unusable(
        src,
        `Tệp "${src.file}" dùng mẫu "${installed.title}" phiên bản ${meta.templateVersion}, không chuyển được sang phiên bản ${installed.version}: ${older.why}.`,
        { id: meta.templateId, version: meta.templateVersion }
      );
    return screened(src, meta, older, older.migrated.data, {
      from: meta.templateVersion,
      to: installed.version,
      how: older.how,
      notCarried: older.migrated.notCarried,
    });
  }
  // A consolidated workbook (a district's, sent up to the province) is read and validated with the
  // consolidated form of its template, as dump and validate read it; its units are used later.
  const template = found.ok ? found.template : templateForMeta(installed!, meta);
  const report = validateWorkbook(template, input.snapshot);
  return screened(src, meta, report, report.data, null, carried);
}

const majorMinor = (v: string) => v.split(".").slice(0, 2).join(".");

function screened(
  src: SourceFile,
  meta: NonNullable<ReturnType<typeof readMeta>>,
  report: { findings: Finding[]; errors: number; warnings: number },
  data: ReportData,
  migration: SourceMigration | null,
  carried?: Template
): ScreenedSource {
  const errorSamples = report.findings
    .filter((f) => f.severity === "error")
    .slice(0, ERROR_SAMPLES)
    .map(
      (f) =>
        `${f.sheet ? `trang "${f.sheet}"` : ""}${f.cell ? ` ô ${f.cell}` : ""}${f.sheet || f.cell ? ": " : ""}${f.message}`
    );
  const header = data.header;
  const issues: SourceIssue[] = report.findings.map((f) => ({
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    message: f.message,
  }));
  const date = header.date?.trim() ?? "";
  return {
    ...src,
    problem: null,
    template: meta.templateId,
    templateVersion: meta.templateVersion,
    unit: header.issuingBody?.replace(/\s+/g, " ").trim() || null,
    parentBody: header.parentBody?.replace(/\s+/g, " ").trim() || null,
    period: header.period?.trim() || null,
    errors: report.errors,
    warnings: report.warnings,
    errorSamples,
    issues,
    reportDate: isValidIsoDate(date) ? date : null,
    consolidated: meta.consolidated,
    data,
    ...(migration ? { migration } : {}),
    ...(carried ? { carried } : {}),
  };
}
