// The lines shown after a template was inserted (hosted) or a workbook created (preview).
import type { Messages } from "../i18n";

export interface InsertReportInput {
  sheets: readonly string[];
  renamed: readonly { wanted: string; actual: string }[];
  skipped: readonly string[];
  /** The previous template whose sheets were deleted, or null when nothing was replaced. */
  replaced: { sheets: readonly string[] } | null;
  syncs: number;
}

export function skippedMessage(feature: string, m: Messages): string {
  switch (feature) {
    case "dataValidation":
      return m.result.skipped.dataValidation;
    case "pageLayout":
      return m.result.skipped.pageLayout;
    default:
      return m.result.skipped.other(feature);
  }
}

/** Long lists of sheets (a cluster report has 20+) are cut to their first few names. */
const MAX_LISTED_SHEETS = 8;
const LISTED_WHEN_MANY = 5;

export interface InsertReport {
  lines: string[];
  warnings: string[];
  debug: string | null;
}

export function insertReport(
  r: InsertReportInput,
  m: Messages,
  opts: { debug: boolean; hosted: boolean }
): InsertReport {
  const visible = r.sheets.filter((s) => !s.startsWith("_"));
  const lines = [
    visible.length > MAX_LISTED_SHEETS
      ? m.result.sheetsMore(
          visible.length,
          visible.slice(0, LISTED_WHEN_MANY),
          visible.length - LISTED_WHEN_MANY
        )
      : m.result.sheets(visible.length, visible),
  ];
  for (const x of r.renamed) lines.push(m.result.renamed(x.wanted, x.actual));
  if (r.replaced) lines.push(m.result.replaced(r.replaced.sheets.length));
  lines.push(opts.hosted ? m.result.nextHosted : m.result.nextPreview);
  return {
    lines,
    warnings: r.skipped.map((f) => skippedMessage(f, m)),
    debug: opts.debug ? m.result.debugSyncs(r.syncs) : null,
  };
}
