// The files picked for "Tổng hợp": only .xlsx, Excel's lock files ("~$…") left out, the same file
// picked twice kept once; and the name the consolidated workbook is downloaded under.
import { workbookFileName } from "./file-name";

export interface PickedFileInfo {
  name: string;
  size: number;
  lastModified?: number;
}

export function isLockFile(name: string): boolean {
  return name.startsWith("~$");
}

export function isXlsxName(name: string): boolean {
  return name.toLowerCase().endsWith(".xlsx");
}

/** Same name, size and date: the same file picked again (from another drop or a second pick). */
const identity = (f: PickedFileInfo) => `${f.name}\u0000${f.size}\u0000${f.lastModified ?? ""}`;

export interface AddedFiles<F extends PickedFileInfo> {
  files: F[];
  /** Names that are not .xlsx workbooks (e.g. .xls, .pdf), for a message. */
  notXlsx: string[];
  /** Excel's lock files, skipped silently in the count but named in the message. */
  lockFiles: string[];
  /** How many were already in the list. */
  repeated: number;
}

export function addPickedFiles<F extends PickedFileInfo>(
  current: readonly F[],
  incoming: readonly F[]
): AddedFiles<F> {
  const files = [...current];
  const seen = new Set(current.map(identity));
  const notXlsx: string[] = [];
  const lockFiles: string[] = [];
  let repeated = 0;
  for (const f of incoming) {
    if (isLockFile(f.name)) lockFiles.push(f.name);
    else if (!isXlsxName(f.name)) notXlsx.push(f.name);
    else if (seen.has(identity(f))) repeated++;
    else {
      seen.add(identity(f));
      files.push(f);
    }
  }
  return { files, notXlsx, lockFiles, repeated };
}

/** "tong-hop-cluster-emulation-2023-H1.xlsx". */
export function consolidatedFileName(templateId: string, period: string | null): string {
  return workbookFileName(templateId, period).replace(/^bao-cao-/, "tong-hop-");
}
