// The JSON Schema of a template file, generated from the zod schema that checks it, so the two
// agree. Editors use it for completion and hints ("$schema" in the file); BáoCáo itself checks a
// template file with zod and the loader (template-file.ts), which also check what a JSON Schema
// cannot: references between entries, cycles, rules that parse, sheet names Excel refuses.
import { z } from "zod";
import { templateFileSchema } from "./template-file";

export const TEMPLATE_FILE_SCHEMA_ID = "https://baocao.local/schemas/template-file.schema.json";

export function templateFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(templateFileSchema, {
    io: "input",
    target: "draft-2020-12",
  }) as Record<string, unknown>;
  return {
    $id: TEMPLATE_FILE_SCHEMA_ID,
    title: "BáoCáo template file (mẫu báo cáo)",
    description:
      "Một mẫu báo cáo của BáoCáo (tệp mẫu; danh sách mẫu in ra ở dạng JSON cho mỗi mẫu một tệp như vậy). Danh sách phẳng: mục (sections) ghi mục cha (parent), " +
      "bảng (tables) và chỉ số (indicators) ghi mục (section), chỉ số của bảng ghi bảng (table). Các trường suy ra (definedName, perUnit, " +
      "hasText, columns của bảng) có thể bỏ; nếu ghi thì phải đúng.",
    ...schema,
  };
}
