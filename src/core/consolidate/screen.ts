// Screening one unit file: which template made it, whether it passes validation, and its figures.
// The result is small (the file's ReportData and a few counts), so a driver can drop the parsed
// workbook right after and hold a thousand files in memory.
import type { Template } from "../model/load";
import { readMeta } from "../data/read";
import type { WorkbookSnapshot } from "../data/snapshot";
import type { ReportData } from "../data/types";
import { validateWorkbook } from "../validate";
import { templateForMeta } from "./resolve";
import { isValidIsoDate } from "../period/isoDate";

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
  const meta = readMeta(input.snapshot);
  if (!meta) {
    return unusable(
      src,
      `Tệp "${src.file}" không phải sổ tính tạo từ mẫu của BáoCáo: đơn vị cần lập sổ từ một mẫu của BáoCáo rồi gửi lại.`
    );
  }
  const ids = { id: meta.templateId, version: meta.templateVersion };
  const found = find(meta.templateId);
  if (!found) {
    return unusable(
      src,
      `Tệp "${src.file}" dùng mẫu "${meta.templateId}" mà phiên bản BáoCáo này không có.`,
      ids
    );
  }
  // A consolidated workbook (a district's, sent up to the province) is read and validated with the
  // consolidated form of its template, as dump and validate read it; its units are used later.
  const template = templateForMeta(found, meta);
  const report = validateWorkbook(template, input.snapshot);
  const errorSamples = report.findings
    .filter((f) => f.severity === "error")
    .slice(0, ERROR_SAMPLES)
    .map(
      (f) =>
        `${f.sheet ? `trang "${f.sheet}"` : ""}${f.cell ? ` ô ${f.cell}` : ""}${f.sheet || f.cell ? ": " : ""}${f.message}`
    );
  const header = report.data.header;
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
    data: report.data,
  };
}
