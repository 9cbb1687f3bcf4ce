// Regenerates src/core/data/report-data.schema.json from the zod schema of data.json.
import * as fs from "node:fs";
import * as path from "node:path";
import { reportDataJsonSchema } from "../src/core/data/json-schema";

const file = path.resolve(__dirname, "../src/core/data/report-data.schema.json");
fs.writeFileSync(file, JSON.stringify(reportDataJsonSchema(), null, 2) + "\n");
process.stdout.write(`Đã ghi ${path.relative(process.cwd(), file)}\n`);
