// A finding: something wrong (error: blocks submission) or worth a look (warning) in a workbook
// or a data file, located as precisely as possible and explained in Vietnamese.

export type Severity = "error" | "warning";

export interface Finding {
  severity: Severity;
  /** Sheet name, or null for findings about the file or data.json. */
  sheet: string | null;
  /** A1 address within the sheet, or null. */
  cell: string | null;
  indicator: string | null;
  /** Stable id of the check that produced it (e.g. "type", "required", "missing-name"). */
  rule: string;
  value: string | number | boolean | null;
  message: string;
  /** For data.json findings: the field's path ("units[2].values.doan_vien_moi"). */
  field?: string;
}

export function finding(
  f: Omit<Finding, "indicator" | "value" | "sheet" | "cell"> & Partial<Finding>
): Finding {
  return { sheet: null, cell: null, indicator: null, value: null, ...f };
}
