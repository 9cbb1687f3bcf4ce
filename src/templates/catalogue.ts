// The shared indicator catalogue (catalogue.json): one definition per meaning, so a figure that
// several templates ask for has one id, label, unit, type and relation everywhere. A built-in
// template file refers to an entry by using its id: the fields it leaves out (label, labelEn,
// unit, type, partOf, ratioOf) are filled from the catalogue. It may word its own row label
// (and labelEn): a table column under a group header says "Ký mới" where the catalogue says "Bản
// TULĐTT ký mới". It may not give the id another unit, type or relation (another meaning): that
// needs a new id, and the old one a "renamed" entry in the template's history.
import { z } from "zod";
import { columnSchema, indicatorSchema } from "../core/model/schema";
import { TemplateError, type TemplateIssue } from "../core/model/load";
import catalogueJson from "./catalogue.json";

const id = columnSchema.shape.id;

export const catalogueEntrySchema = z
  .object({
    id,
    /** The wording a template uses unless it words its own row. */
    label: z.string().min(1),
    labelEn: z.string().optional(),
    unit: z.string().optional(),
    type: indicatorSchema.shape.type,
    /** Only where the figure is by definition a part of another ("đã tổ chức" of "phải tổ chức"). */
    partOf: id.optional(),
    /** A rate is defined by what it divides. */
    ratioOf: z.object({ part: id, whole: id }).strict().optional(),
  })
  .strict();

export const catalogueSchema = z
  .object({
    $schema: z.string().optional(),
    indicators: z.array(catalogueEntrySchema),
  })
  .strict();

export type CatalogueEntry = z.output<typeof catalogueEntrySchema>;

let cache: ReadonlyMap<string, CatalogueEntry> | null = null;

/** The catalogue, checked on first use. */
export function catalogue(): ReadonlyMap<string, CatalogueEntry> {
  cache ??= new Map(catalogueSchema.parse(catalogueJson).indicators.map((e) => [e.id, e]));
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

/** The JSON Schema of catalogue.json (scripts/gen-schema.ts writes catalogue.schema.json). */
export function catalogueJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://baocao.local/schemas/catalogue.schema.json",
    title: "BáoCáo indicator catalogue (danh mục chỉ số dùng chung)",
    description:
      "Mỗi nghĩa một định nghĩa: mã, nhãn, đơn vị tính, kiểu, và quan hệ (partOf, ratioOf) khi quan hệ là một phần nghĩa của chỉ số. " +
      "Mẫu có sẵn dùng mã trong danh mục và bỏ các trường này; mẫu có thể tự ghi nhãn (label, labelEn) của dòng, nhưng không được ghi đơn vị, kiểu hay quan hệ khác.",
    ...(z.toJSONSchema(catalogueSchema, { io: "input", target: "draft-2020-12" }) as Record<
      string,
      unknown
    >),
  };
}
