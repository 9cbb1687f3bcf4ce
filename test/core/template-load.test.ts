// loadTemplateFile builds the nested definition from the file's checked fields and does not parse
// it with the template schema again (load.ts, loadTemplateDefinition). That is sound only while
// the nested form IS the schema's output: parsing it again must change nothing, for every
// built-in, the hand-written fixture and the bench's synthetic file of 300 indicators.
import * as fs from "node:fs";
import * as path from "node:path";
import * as load from "../../src/core/model/load";
import { loadTemplate } from "../../src/core/model/load-checked";
import { templateSchema, type TemplateDefinition } from "../../src/core/model/schema";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { builtInTemplateFile, templateIds } from "../../src/templates";
import { syntheticTemplateFile } from "../../scripts/bench-template";

const fixture = path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json");
const files: [string, unknown][] = [
  ...templateIds().map((id) => [id, builtInTemplateFile(id)] as [string, unknown]),
  ["mai-am-cong-doan (hand-written)", JSON.parse(fs.readFileSync(fixture, "utf8"))],
  ["bench-300 (synthetic)", syntheticTemplateFile(30)],
];

test.each(files)(
  "%s: the definition handed to the loader is already the schema's output",
  (_n, f) => {
    const spy = jest.spyOn(load, "loadTemplateDefinition");
    try {
      const t = loadTemplateFile(f);
      expect(spy).toHaveBeenCalledTimes(1);
      const def = spy.mock.calls[0][0] as TemplateDefinition;
      expect(templateSchema.parse(def)).toEqual(def);
      // And the template equals the one the schema-parsing loader makes of it.
      expect(loadTemplate(def)).toEqual(t);
    } finally {
      spy.mockRestore();
    }
  }
);
