// A consolidated template states its origin as a field, so the draft of any consolidated workbook
// is written from the template it was made from — also one the core never saw in a registry (a
// user's template file): core holds no registry to find it by.
import { builtInTemplateFile } from "../../../src/templates";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import { consolidatedTemplate, isConsolidatedTemplate } from "../../../src/core/consolidate";
import { narrativeView } from "../../../src/core/narrative/view";

test("a template from a file, not a built-in object, consolidates to a template naming it", () => {
  const own = loadTemplateFile(builtInTemplateFile("quarterly-activity"));
  const c = consolidatedTemplate(own);
  expect(isConsolidatedTemplate(c)).toBe(true);
  expect(c.consolidatedFrom).toBe(own);
  const view = narrativeView(c);
  expect(view.template).toBe(own);
  expect(view.layout).toBe(c);
  expect(view.consolidation?.generatedTables.size).toBeGreaterThan(0);
  // A unit's template is narrated as itself.
  expect(narrativeView(own).template).toBe(own);
  expect(own.consolidatedFrom).toBeUndefined();
});
