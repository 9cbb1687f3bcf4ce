// Consolidated workbooks for narrative tests: unit workbooks made as the consolidation tests make
// them (test/core/consolidate/fixtures.ts), consolidated by the core, laid out as a snapshot, and
// the draft built with sources located in that snapshot.
import { findTemplate } from "../../../src/templates";
import type { Template } from "../../../src/core/model/load";
import type { ReportData } from "../../../src/core/data/types";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import { consolidate } from "../../../src/core/consolidate";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  locateInWorkbook,
  runsText,
  type DocumentSettings,
  type ReportDocument,
  type Run,
} from "../../../src/core/document";
import { screened, snapshotOf, unitData } from "../consolidate/fixtures";

export const LAI_CHAU_DISTRICTS = [
  "LĐLĐ huyện Tam Đường",
  "LĐLĐ huyện Phong Thổ",
  "LĐLĐ huyện Sìn Hồ",
  "LĐLĐ thành phố Lai Châu",
];

export interface Consolidated {
  template: Template;
  data: ReportData;
  snapshot: WorkbookSnapshot;
}

export function consolidatedOf(templateId: string, units: string[], period: string): Consolidated {
  const t = findTemplate(templateId)!;
  const files = units.map((u, i) => screened(t, unitData(t, u, i + 101, period), `${i}.xlsx`));
  const r = consolidate(files, { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" });
  if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
  return { template: r.template, data: r.data, snapshot: snapshotOf(r.template, r.data) };
}

export function draftOf(c: Consolidated, over: Partial<DocumentSettings> = {}): ReportDocument {
  return buildReportDocument(c.template, c.data, {
    settings: { ...DEFAULT_SETTINGS, sources: "appendix", ...over },
    locate: locateInWorkbook(c.template, c.snapshot),
  });
}

export function paragraphs(doc: ReportDocument): Run[][] {
  return doc.body.flatMap((b) => (b.kind === "paragraph" ? [b.runs] : []));
}

export function bodyText(doc: ReportDocument): string {
  return paragraphs(doc)
    .map((r) => runsText(r))
    .join("\n");
}

/** The paragraph whose text starts with `start`, and the footnotes its marks point at. */
export function paragraphStarting(doc: ReportDocument, start: string) {
  const runs = paragraphs(doc).find((r) => runsText(r).startsWith(start));
  if (!runs) throw new Error(`no paragraph starts with ${start}`);
  const notes = runs.flatMap((r) =>
    r.kind === "footnote" ? [doc.footnotes.find((f) => f.id === r.id)!] : []
  );
  return { runs, text: runsText(runs), notes };
}

/**
 * The sentence containing `phrase` (sentences of a paragraph end with a "." run, as the draft
 * writes them), and the footnotes its marks point at.
 */
export function sentenceWith(doc: ReportDocument, phrase: string) {
  for (const runs of paragraphs(doc)) {
    let current: Run[] = [];
    const sentences: Run[][] = [];
    for (const r of runs) {
      current.push(r);
      if (r.kind === "text" && /^[.!?…]\s*$/.test(r.text)) {
        sentences.push(current);
        current = [];
      }
    }
    if (current.length > 0) sentences.push(current);
    const found = sentences.find((s) => runsText(s).includes(phrase));
    if (!found) continue;
    const notes = found.flatMap((r) =>
      r.kind === "footnote" ? [doc.footnotes.find((f) => f.id === r.id)!] : []
    );
    return { runs: found, text: runsText(found).trim(), notes };
  }
  throw new Error(`no sentence says ${phrase}`);
}
