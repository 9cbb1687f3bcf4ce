// The shared indicator catalogue's shape (catalogue.ts reads the data): the zod schema the tests
// check catalogue.json with, and the JSON Schema scripts/gen-schema.ts writes from it.
import { z } from "zod";
import { columnSchema, indicatorSchema } from "../core/model/schema";

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
