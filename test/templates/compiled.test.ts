// The pane loads the built-ins from builtin.compiled.json (compiled.ts, no zod); the CLI and the
// tests from the template files (index.ts). The compiled file must be exactly what the files give
// today — regenerate it with `npx tsx scripts/gen-schema.ts` after editing a template file — and
// build the same templates.
import * as fs from "node:fs";
import * as path from "node:path";
import { builtInDefinitions, builtInTemplates } from "../../src/templates";
import * as compiled from "../../src/templates/compiled";
import { templateContract } from "../../src/core/model/contract";

describe("the pane's compiled built-in templates", () => {
  it("are the definitions the template files give (run scripts/gen-schema.ts when this fails)", () => {
    const file = path.resolve(__dirname, "../../src/templates/builtin.compiled.json");
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(
      JSON.parse(JSON.stringify(builtInDefinitions()))
    );
  });

  it("build the same templates, in the same order", () => {
    expect(compiled.builtInTemplates().map(templateContract)).toEqual(
      builtInTemplates().map(templateContract)
    );
    expect(compiled.templateIds()).toEqual(builtInTemplates().map((t) => t.id));
    expect(compiled.CLUSTER_PROVINCES.length).toBeGreaterThan(0);
  });
});
