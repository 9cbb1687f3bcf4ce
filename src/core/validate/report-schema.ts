// The JSON that `baocao validate --json` prints, as a zod schema (and its JSON Schema for others).
import { z } from "zod";

export const findingSchema = z
  .object({
    severity: z.enum(["error", "warning"]),
    sheet: z.string().nullable(),
    cell: z.string().nullable().describe("A1 address within the sheet"),
    indicator: z.string().nullable().describe("indicator id (in the template file)"),
    rule: z
      .string()
      .describe(
        'id of the check: "type", "required", "part-of-whole", "rule:<template rule id>", ...'
      ),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).describe("the value seen"),
    message: z.string().describe("Vietnamese: what is wrong, where, and what to do"),
    field: z.string().optional(),
  })
  .strict();

export const validationOutputSchema = z
  .object({
    file: z.string(),
    template: z.string(),
    templateVersion: z.string(),
    ready: z.boolean().describe("true when there is no error (warnings do not block submission)"),
    errors: z.number().int(),
    warnings: z.number().int(),
    findings: z.array(findingSchema),
  })
  .strict();

export type ValidationOutput = z.infer<typeof validationOutputSchema>;

export function validationOutputJsonSchema(): Record<string, unknown> {
  return {
    $id: "https://baocao.local/schemas/validation-report.schema.json",
    title: "BáoCáo validation report (JSON output of a check)",
    ...(z.toJSONSchema(validationOutputSchema, { target: "draft-2020-12" }) as Record<
      string,
      unknown
    >),
  };
}
