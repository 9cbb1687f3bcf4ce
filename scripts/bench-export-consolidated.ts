// Word export of a large consolidation: 300 units' quarterly-activity workbooks consolidated by
// the core, then the draft built and rendered. What is measured is what a provincial federation
// consolidating every grassroots union would wait for, and how long the draft is: footnotes are
// capped (footnoteUnitLimit), the units' own figures go to the appendix. Budget: under 10 s.
import { findTemplate } from "../src/templates";
import { consolidate } from "../src/core/consolidate";
import { buildReportDocument, DEFAULT_SETTINGS, type ReportDocument } from "../src/core/document";
import { renderDocx } from "../src/adapters/docx";
import { screened, unitData } from "../test/core/consolidate/fixtures";
import type { Bench, BenchRow } from "./bench";

export const CONSOLIDATED_UNITS = 300;

/** The consolidated template and data of `n` generated unit workbooks. */
export function largeConsolidation(n = CONSOLIDATED_UNITS) {
  const t = findTemplate("quarterly-activity")!;
  const files = Array.from({ length: n }, (_, i) =>
    screened(t, unitData(t, `CĐCS Công ty số ${i + 1}`, i + 1, "2024-Q1"), `${i}.xlsx`)
  );
  const r = consolidate(files, { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" });
  if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
  return { template: r.template, data: r.data };
}

export async function exportLarge(
  c: ReturnType<typeof largeConsolidation>
): Promise<{ doc: ReportDocument; bytes: Uint8Array }> {
  const doc = buildReportDocument(c.template, c.data, { settings: DEFAULT_SETTINGS });
  return { doc, bytes: await renderDocx(doc) };
}

export const consolidatedExportBench: Bench = async () => {
  const c = largeConsolidation();
  let out: Awaited<ReturnType<typeof exportLarge>> | null = null;
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    out = await exportLarge(c);
    runs.push(performance.now() - t0);
  }
  const ms = runs.sort((a, b) => a - b)[1];
  const doc = out!.doc;
  const row: BenchRow = {
    group: "word export",
    case: `consolidated quarterly-activity, ${CONSOLIDATED_UNITS} units: build + render (Node)`,
    ms,
    detail: `${doc.footnotes.length} footnotes (≤ ${DEFAULT_SETTINGS.footnoteUnitLimit} units each), ${doc.appendix?.tables.length ?? 0} appendix tables, ${(out!.bytes.length / 1024).toFixed(0)} KB .docx`,
    budget: "< 10000 ms",
    overBudget: ms >= 10000,
  };
  return [row];
};
