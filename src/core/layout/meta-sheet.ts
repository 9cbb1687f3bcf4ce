// The hidden metadata sheet: which template and version made the workbook, so readers,
// validation and consolidation can refuse workbooks they do not understand; and the template's
// own definition (its template file, with a checksum), so a workbook made from a template the
// reader has not installed still validates, consolidates and exports (core/model/embedded.ts).
import type { PlanContext } from "./context";
import { LAYOUT_VERSION } from "./plan";
import { sheetKeys } from "./sheet-keys";
import { SheetBuilder } from "./sheet-builder";
import { isConsolidatedTemplate, originalTemplate } from "../consolidate/template";
import type { Template } from "../model/load";
import { templateContract } from "../model/contract";
import { sha256Hex } from "../model/sha256";

export const META_SHEET_PREFIX = "sheet:";

export const META_KEYS = {
  product: "BáoCáo",
  templateId: "templateId",
  templateVersion: "templateVersion",
  layoutVersion: "layoutVersion",
  /** "1" in a consolidated workbook: read it with consolidatedTemplate(template). */
  consolidated: "consolidated",
  /** Format of the embedded definition (DEFINITION_FORMAT); readers refuse a newer one. */
  definitionFormat: "definitionFormat",
  /** "sha256:<hex>" of the definition's JSON text (the chunks joined), as UTF-8. */
  definitionChecksum: "definitionChecksum",
} as const;

/** Keys "definition:1", "definition:2"…: the template file's JSON text, in order. */
export const DEFINITION_PREFIX = "definition:";
/** Version 1: one template file (template-file.ts) as compact JSON, split over cells. */
export const DEFINITION_FORMAT = 1;
/**
 * Characters per cell, under Excel's limit of 32,767 per cell with room to spare: Excel truncates
 * longer text on open, and the definition would no longer match its checksum.
 */
export const DEFINITION_CHUNK = 30000;

export interface Embedding {
  checksum: string;
  chunks: string[];
}

/**
 * Splits a text into pieces of at most `size` characters. A piece never starts or ends with
 * white space (a writer or reader that trims cell text would change the definition) nor
 * splits a surrogate pair; compact JSON has white space only inside strings, so this moves a
 * boundary a few characters at most.
 */
export function splitChunks(text: string, size = DEFINITION_CHUNK): string[] {
  const chunks: string[] = [];
  let start = 0;
  const isHigh = (i: number) =>
    text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
  const bad = (i: number) => /\s/.test(text[i - 1]) || /\s/.test(text[i]) || isHigh(i);
  while (start < text.length) {
    const full = Math.min(start + size, text.length);
    let end = full;
    while (end < text.length && end > start + 1 && bad(end)) end--;
    // No boundary off white space (a run of spaces as long as a cell): split anywhere but
    // inside a surrogate pair; the readers here keep a cell's text as it is.
    if (end < text.length && bad(end)) end = isHigh(full) ? full - 1 : full;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

// Planning a workbook serialises and hashes the template once, not once per plan: validation
// plans the layout of every checked workbook.
const embeddings = new WeakMap<Template, Embedding>();

/** The definition a workbook of this template carries: its template file, split and hashed. */
export function templateEmbedding(template: Template): Embedding {
  let e = embeddings.get(template);
  if (!e) {
    const json = JSON.stringify(templateContract(template));
    e = { checksum: `sha256:${sha256Hex(json)}`, chunks: splitChunks(json) };
    embeddings.set(template, e);
  }
  return e;
}

export function buildMetaSheet(ctx: PlanContext): SheetBuilder {
  const b = new SheetBuilder("meta", ctx.sheetName("meta"), "meta", [20, 40], ctx.names);
  b.sheet.hidden = true;
  const rows: [string, string | number][] = [
    [META_KEYS.product, "Sổ tính tạo bởi BáoCáo; không sửa trang này."],
    [META_KEYS.templateId, ctx.template.id],
    [META_KEYS.templateVersion, ctx.template.version],
    [META_KEYS.layoutVersion, LAYOUT_VERSION],
  ];
  if (isConsolidatedTemplate(ctx.template) || ctx.data.consolidation)
    rows.push([META_KEYS.consolidated, "1"]);
  // The sheets this template owns, so the add-in can remove or replace exactly its own sheets.
  for (const key of sheetKeys(ctx.template, ctx.data))
    rows.push([`${META_SHEET_PREFIX}${key}`, ctx.sheetName(key)]);
  // A consolidated workbook carries the template it consolidates: "consolidated" above tells the
  // reader to derive the consolidated form, as it does for an installed template. The rows come
  // last so the rows above stay where workbooks made before them have them.
  const embedding = templateEmbedding(originalTemplate(ctx.template));
  rows.push([META_KEYS.definitionFormat, DEFINITION_FORMAT]);
  rows.push([META_KEYS.definitionChecksum, embedding.checksum]);
  embedding.chunks.forEach((c, i) => rows.push([`${DEFINITION_PREFIX}${i + 1}`, c]));
  rows.forEach(([k, v], i) => {
    b.set(i + 1, 1, { value: k, style: "meta" });
    b.set(i + 1, 2, { value: v, style: "meta" });
  });
  return b;
}
