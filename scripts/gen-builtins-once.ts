// One-shot (run once, then deleted with the TypeScript definitions): writes each built-in template
// as the template file `baocao templates --json` prints, less what the loader derives or defaults
// (null optional texts, definedName, perUnit, hasText, a table's columns), with the definition's
// own section numbers.
import * as fs from "node:fs";
import * as path from "node:path";
import { builtInTemplates } from "../src/core/templates";
import { templateToFile } from "../src/core/model/template-file";

const out = path.resolve(__dirname, "../src/templates/builtin");
const DERIVED = new Set(["definedName", "perUnit", "hasText"]);
// Keys whose null the file schema defaults (optional texts, no parent/table/rows/sheet).
const NULLABLE = new Set([
  ...["titleEn", "descriptionEn", "source", "labelEn", "headingEn", "prompt", "promptEn"],
  ...["when", "messageEn", "parent", "table", "rows", "sheet"],
]);
function strip(v: unknown, key = ""): unknown {
  if (Array.isArray(v)) return v.map((x) => strip(x));
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if ((x === null && NULLABLE.has(k)) || DERIVED.has(k)) continue;
      if (key === "tables" && k === "columns") continue;
      if (k === "sentences" && Array.isArray(x) && x.length === 0) continue;
      o[k] = strip(x, k);
    }
    return o;
  }
  return v;
}
for (const t of builtInTemplates()) {
  const f = templateToFile(t) as unknown as Record<string, unknown>;
  // The contract prints a section number as shown ("1."); the file keeps the definition's own.
  for (const x of f.sections as { id: string; number: string }[])
    x.number = t.sectionById.get(x.id)!.number;
  const file: Record<string, unknown> = {
    $schema: "../../core/model/template-file.schema.json",
    ...f,
  };
  file.tables = (f.tables as Record<string, unknown>[]).map((x) => strip(x, "tables"));
  const s = strip(file) as Record<string, unknown>;
  s.tables = file.tables;
  fs.writeFileSync(path.join(out, `${t.id}.json`), JSON.stringify(s, null, 2) + "\n");
  console.log(t.id, JSON.stringify(s).length);
}
