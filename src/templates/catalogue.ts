// The shared indicator catalogue (catalogue.json): one definition per meaning, so a figure that
// several templates ask for has one id, label, unit, type and relation everywhere. A built-in
// template file refers to an entry by using its id: the fields it leaves out (label, labelEn,
// unit, type, partOf, ratioOf) are filled from the catalogue. It may word its own row label
// (and labelEn): a table column under a group header says "Ký mới" where the catalogue says "Bản
// TULĐTT ký mới". It may not give the id another unit, type or relation (another meaning): that
// needs a new id, and the old one a "renamed" entry in the template's history.
// The catalogue is our own data, checked by its zod schema (catalogue-schema.ts) in the tests and
// the JSON Schema; the pane does not carry that schema to read it at start-up.
import { TemplateError, type TemplateIssue } from "../core/model/load";
import type { CatalogueEntry } from "./catalogue-schema";
import catalogueJson from "./catalogue.json";

export type { CatalogueEntry };

let cache: ReadonlyMap<string, CatalogueEntry> | null = null;

/** The catalogue, by id. */
export function catalogue(): ReadonlyMap<string, CatalogueEntry> {
  cache ??= new Map(
    (catalogueJson as { indicators: CatalogueEntry[] }).indicators.map((e) => [e.id, e])
  );
  return cache;
}

/** The fields an entry defines and a template may leave out; the first two it may reword. */
const FILLED = ["label", "labelEn", "unit", "type", "partOf", "ratioOf"] as const;
const MEANING = ["unit", "type", "partOf", "ratioOf"] as const;

type FileIndicator = Record<string, unknown> & { id: string };

/**
 * A template file with its catalogue ids completed from the catalogue. An indicator that gives
 * one of them a different unit, type, partOf or ratioOf is refused at its JSON path.
 */
export function withCatalogue<F extends { id: string; indicators?: unknown }>(
  file: F,
  entries: ReadonlyMap<string, CatalogueEntry> = catalogue()
): F {
  if (!Array.isArray(file.indicators)) return file;
  const issues: TemplateIssue[] = [];
  const indicators = (file.indicators as FileIndicator[]).map((ind, i) => {
    const e = entries.get(ind.id);
    if (!e) return ind;
    for (const key of MEANING) {
      const own = ind[key];
      if (own === undefined || (own === null && e[key] === undefined)) continue;
      if (JSON.stringify(own) !== JSON.stringify(e[key] ?? null) && (key !== "partOf" || e.partOf))
        issues.push({
          path: `indicators[${i}](${ind.id}).${key}`,
          message:
            `danh mục chỉ số dùng chung định nghĩa "${ind.id}" với ${key} là ${JSON.stringify(e[key] ?? null)}; ` +
            `bỏ ${key} để dùng định nghĩa chung, hoặc đặt mã khác nếu đây là một chỉ số khác nghĩa`,
        });
    }
    const filled: FileIndicator = { ...ind };
    for (const key of FILLED)
      if (filled[key] === undefined && e[key] !== undefined) filled[key] = e[key];
    return filled;
  });
  if (issues.length > 0) throw new TemplateError(file.id, issues);
  return { ...file, indicators };
}
