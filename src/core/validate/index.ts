// One-click validation: every rule over a workbook snapshot, findings in a deterministic order.
// Validation only reads: it never changes a value or a format (marks are the adapters' business,
// kept apart from the user's cells).
import type { Template } from "../model/load";
import { readMeta, readWorkbook } from "../data/read";
import type { WorkbookSnapshot } from "../data/snapshot";
import type { ReportData } from "../data/types";
import { parseCell } from "../layout/a1";
import type { Finding } from "../findings";
import { ValidationContext } from "./context";
import { Figures } from "./figures";
import {
  checkDates,
  checkDocRefs,
  checkNumbers,
  checkPartOf,
  checkRequired,
  checkRowTargets,
  checkTypedRates,
} from "./values";
import { checkHeader } from "./header";
import { checkTargets } from "./targets";
import { checkTemplateRules } from "./rules";
import { checkSubtotalRows } from "./subtotal-rows";
import { checkStructure } from "./structure";
import { checkAgainstPrevious, type PreviousPeriod } from "./previous";
import { checkTextFigures } from "./text-figures";

export type { PreviousPeriod } from "./previous";

export interface ValidationReport {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** True when nothing blocks submission (no errors). */
  ready: boolean;
  data: ReportData;
}

export interface ValidateOptions {
  previous?: PreviousPeriod;
}

export function validateWorkbook(
  template: Template,
  snapshot: WorkbookSnapshot,
  options: ValidateOptions = {}
): ValidationReport {
  const read = readWorkbook(template, snapshot);
  const ctx = new ValidationContext(template, snapshot, read.data);
  ctx.findings.push(...read.findings);
  const figs = new Figures(ctx, read.raw);

  checkStructure(ctx, readMeta(snapshot));
  checkHeader(ctx);
  checkRequired(ctx, figs);
  checkNumbers(ctx, figs);
  checkPartOf(ctx, figs);
  checkTypedRates(ctx, figs);
  checkDates(ctx, figs);
  checkDocRefs(ctx, figs);
  checkRowTargets(ctx, figs);
  checkTargets(ctx);
  checkTemplateRules(ctx, read.raw.units);
  checkSubtotalRows(ctx, read.raw.units);
  checkTextFigures(ctx);
  if (options.previous) checkAgainstPrevious(ctx, template, read.raw.units, options.previous);

  const findings = sortFindings(dedupe(ctx.findings), snapshot);
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    findings,
    errors,
    warnings: findings.length - errors,
    ready: errors === 0,
    data: read.data,
  };
}

function dedupe(findings: Finding[]): Finding[] {
  // Keyed without the message (8,000 findings' messages made long keys to build and hash); a
  // finding whose short key was seen is a duplicate when one of those has its message too.
  const seen = new Map<string, string[]>();
  return findings.filter((f) => {
    const key = `${f.severity}|${f.sheet}|${f.cell}|${f.rule}|${f.indicator}`;
    const messages = seen.get(key);
    if (!messages) {
      seen.set(key, [f.message]);
      return true;
    }
    if (messages.includes(f.message)) return false;
    messages.push(f.message);
    return true;
  });
}

/** Workbook order: findings about the file first, then sheet by sheet, row by row. */
export function sortFindings(findings: Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const order = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  // Each finding's position is worked out once, not at every comparison of the sort.
  const at = findings.map((f) => {
    const c = f.cell ? parseCell(f.cell.split(":")[0]) : null;
    return {
      f,
      sheet: f.sheet === null ? -1 : (order.get(f.sheet) ?? 9999),
      row: c?.row ?? 0,
      col: c?.col ?? 0,
    };
  });
  return at
    .sort((pa, pb) => {
      if (pa.sheet !== pb.sheet) return pa.sheet - pb.sheet;
      if (pa.row !== pb.row) return pa.row - pb.row;
      if (pa.col !== pb.col) return pa.col - pb.col;
      const a = pa.f;
      const b = pb.f;
      if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
      return (
        a.rule.localeCompare(b.rule) ||
        (a.indicator ?? "").localeCompare(b.indicator ?? "") ||
        a.message.localeCompare(b.message)
      );
    })
    .map((p) => p.f);
}
