// Regenerates the JSON Schemas of data.json, of `baocao validate --json`, of template files and
// of the shared indicator catalogue from their zod schemas, and the pane's compiled built-in
// templates (src/templates/builtin.compiled.json) from the template files.
import * as fs from "node:fs";
import * as path from "node:path";
import { reportDataJsonSchema } from "../src/core/data/json-schema";
import { validationOutputJsonSchema } from "../src/core/validate/report-schema";
import { templateFileJsonSchema } from "../src/core/model/json-schema";
import { catalogueJsonSchema } from "../src/templates/catalogue-schema";
import { builtInDefinitions } from "../src/templates";

const files: [string, Record<string, unknown>][] = [
  ["src/core/data/report-data.schema.json", reportDataJsonSchema()],
  ["src/core/validate/validation-report.schema.json", validationOutputJsonSchema()],
  ["src/core/model/template-file.schema.json", templateFileJsonSchema()],
  ["src/templates/catalogue.schema.json", catalogueJsonSchema()],
];
for (const [rel, schema] of files) {
  const file = path.resolve(__dirname, "..", rel);
  fs.writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  process.stdout.write(`Đã ghi ${rel}\n`);
}
{
  // One line: a generated file nobody edits, kept small in the pane's bundle.
  const rel = "src/templates/builtin.compiled.json";
  fs.writeFileSync(path.resolve(__dirname, "..", rel), JSON.stringify(builtInDefinitions()) + "\n");
  process.stdout.write(`Đã ghi ${rel}\n`);
}
