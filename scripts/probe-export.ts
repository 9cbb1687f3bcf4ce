// Probe (10b): Word export of an n-unit consolidation, one size per process, CPU time and peak
// RSS from the kernel, split into building the model, building the docx tree and packing.
// Usage: npx tsx scripts/probe-export.ts <units> [--out file.docx]
import * as fs from "node:fs";
import { largeConsolidation } from "./bench-export-consolidated";
import { buildReportDocument, DEFAULT_SETTINGS } from "../src/core/document";
import { renderDocx } from "../src/adapters/docx";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 300);
  const out = process.argv.indexOf("--out");
  const c = largeConsolidation(n);
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const t0 = cpu();
  const doc = buildReportDocument(c.template, c.data, { settings: DEFAULT_SETTINGS });
  const t1 = cpu();
  const bytes = await renderDocx(doc);
  const t2 = cpu();
  if (out > 0) fs.writeFileSync(process.argv[out + 1], bytes);
  process.stdout.write(
    `${JSON.stringify({
      units: n,
      buildMs: Math.round(t1 - t0),
      renderMs: Math.round(t2 - t1),
      exportMs: Math.round(t2 - t0),
      rssBeforeMB: Math.round(rssBefore),
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
      docxKB: Math.round(bytes.length / 1024),
    })}\n`
  );
}
void main();
