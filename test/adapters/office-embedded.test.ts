// The Office.js writer puts the template definition in the open workbook as the .xlsx writer does,
// it reads back (two syncs, as before), and the pane identifies a workbook of a template it does
// not have from it. Inserting stays one sync to look and one to write.
import * as fs from "node:fs";
import * as path from "node:path";
import { createExcelHost } from "../excel-host";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadTemplateFile } from "../../src/core/model/template-file";
import { templateContract } from "../../src/core/model/contract";
import { embeddedTemplate } from "../../src/core/model/embedded";
import { planWorkbook } from "../../src/core/layout/planner";
import type { WorkbookPlan } from "../../src/core/layout/plan";
import type { Template } from "../../src/core/model/load";
import { insertTemplate } from "../../src/adapters/office/insert";
import { readOpenWorkbook } from "../../src/adapters/office/read";
import { chunk, DEFAULT_CHUNK_BYTES } from "../../src/adapters/office/batch";
import { planOps } from "../../src/adapters/office/write-plan";
import { identifyTemplate } from "../../src/taskpane/logic/workbook-identify";
import { planWithoutDefinition as withoutDefinition } from "../support/without-definition";

const custom = loadTemplateFile(
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "../fixtures/templates/mai-am-cong-doan.json"), "utf8")
  )
);

async function insertAndRead(template: Template) {
  const made = createExcelHost({ profile: "latest" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  const inserted = await made.Excel.run((context) =>
    insertTemplate(context, template, { supports })
  );
  const payload = made.host.stats.reduce((s, x) => s + x.payloadBytes, 0);
  const read = await made.Excel.run((context) => readOpenWorkbook(context, { supports }));
  return { inserted, payload, ...read };
}

describe.each([...builtInTemplates(), custom].map((t) => [t.id, t] as const))(
  "inserting %s through Office.js",
  (_id, template) => {
    it("writes the definition, which reads back as the template, in as many syncs as before", async () => {
      const { inserted, payload, snapshot, syncs } = await insertAndRead(template);
      expect(inserted).toMatchObject({ status: "inserted", syncs: 2 });
      // The read asks for the sheets by position: one sync.
      expect(syncs).toBe(1);
      const got = embeddedTemplate(snapshot);
      expect(got.status).toBe("ok");
      if (got.status === "ok")
        expect(templateContract(got.template)).toEqual(templateContract(template));

      // What the definition adds to the request, by the writer's own estimate and in batches.
      const supports = () => true;
      const plan = planWorkbook(template);
      const bytes = (p: WorkbookPlan) => planOps(p, { supports }).reduce((s, o) => s + o.bytes, 0);
      const before = withoutDefinition(plan);
      expect(chunk(planOps(plan, { supports }), DEFAULT_CHUNK_BYTES).length).toBe(
        chunk(planOps(before, { supports }), DEFAULT_CHUNK_BYTES).length
      );
      process.stdout.write(
        `${template.id}: insert payload ${payload} B; estimate ${bytes(before)} → ${bytes(plan)} B\n`
      );
    });
  }
);

describe("the pane identifies a workbook of a template it does not have", () => {
  it("from the definition the workbook carries", async () => {
    expect(findTemplate(custom.id)).toBeUndefined();
    const { snapshot } = await insertAndRead(custom);
    const found = identifyTemplate(snapshot);
    expect(found).toMatchObject({ ok: true, version: custom.version });
    if (found.ok) expect(templateContract(found.template)).toEqual(templateContract(custom));
  });
});
