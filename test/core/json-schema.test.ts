import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { reportDataJsonSchema } from "../../src/core/data/json-schema";
import { sampleIds, loadSample } from "../../src/core/templates/samples";

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
