import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { reportDataJsonSchema } from "../../src/core/data/json-schema";
import { sampleIds, loadSample } from "../../src/templates/samples";
import { builtInTemplates } from "../../src/templates";
import { templateFileJsonSchema } from "../../src/core/model/json-schema";
import { templateToFile } from "../../src/core/model/template-file";

const committed = path.resolve(__dirname, "../../src/core/data/report-data.schema.json");

describe("data.json JSON Schema", () => {
  it("is the one generated from the zod schema (regenerate: npx tsx scripts/gen-schema.ts)", () => {
    expect(JSON.parse(fs.readFileSync(committed, "utf8"))).toEqual(reportDataJsonSchema());
  });

  it("accepts every sample and rejects wrong shapes, as a consumer's validator would", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(committed, "utf8")));
    for (const id of sampleIds())
      expect({ id, ok: validate(loadSample(id)), errors: validate.errors }).toMatchObject({
        id,
        ok: true,
      });
    expect(validate({ template: "x", templateVersion: "1.0.0", values: { a: [1] } })).toBe(false);
    expect(validate({ template: "x", templateVersion: "1.0.0", unknownField: 1 })).toBe(false);
    expect(validate({ templateVersion: "1.0.0" })).toBe(false);
  });
});

describe("template file JSON Schema", () => {
  const committedTemplate = path.resolve(
    __dirname,
    "../../src/core/model/template-file.schema.json"
  );

  it("is the one generated from the zod schema (regenerate: npx tsx scripts/gen-schema.ts)", () => {
    expect(JSON.parse(fs.readFileSync(committedTemplate, "utf8"))).toEqual(
      templateFileJsonSchema()
    );
  });

  it("accepts every built-in template as printed and the hand-written example; rejects wrong shapes", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(committedTemplate, "utf8")));
    for (const t of builtInTemplates()) {
      const file = templateToFile(t);
      expect({ id: t.id, ok: validate(file), errors: validate.errors }).toMatchObject({ ok: true });
    }
    const handWritten = JSON.parse(
      fs.readFileSync(
        path.resolve(__dirname, "../fixtures/templates/mai-am-cong-doan.json"),
        "utf8"
      )
    ) as { indicators: Record<string, unknown>[] };
    expect(validate(handWritten)).toBe(true);
    const typo = structuredClone(handWritten);
    typo.indicators[0].lable = "x";
    expect(validate(typo)).toBe(false);
    const badType = structuredClone(handWritten);
    badType.indicators[0].type = "so_nguyen";
    expect(validate(badType)).toBe(false);
  });
});
