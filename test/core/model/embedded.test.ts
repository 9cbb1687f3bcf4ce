// Self-describing workbooks: the template definition a workbook carries in its meta sheet reads
// back as the same template, through the ExcelJS writer and reader, and an edit is caught.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import * as ExcelJS from "exceljs";
import { builtInTemplates } from "../../../src/templates";
import { planWorkbook } from "../../../src/core/layout/planner";
import {
  DEFINITION_CHUNK,
  DEFINITION_PREFIX,
  META_KEYS,
  splitChunks,
} from "../../../src/core/layout/meta-sheet";
import { planToXlsx, type ExcelJsModule } from "../../../src/adapters/xlsx/render";
import { loadWorkbook, workbookSnapshot } from "../../../src/adapters/xlsx/read";
import { embeddedTemplate } from "../../../src/core/model/embedded";
import { sha256Hex } from "../../../src/core/model/sha256";
import { templateContract } from "../../../src/core/model/contract";
import { loadTemplateFile } from "../../../src/core/model/template-file";
import { consolidatedTemplate } from "../../../src/core/consolidate/template";
import type { WorkbookSnapshot } from "../../../src/core/data/snapshot";
import type { Template } from "../../../src/core/model/load";

const exceljs = ExcelJS as unknown as ExcelJsModule;
const custom = loadTemplateFile(
  JSON.parse(
    fs.readFileSync(path.join(__dirname, "../../fixtures/templates/mai-am-cong-doan.json"), "utf8")
  )
);
const templates: Template[] = [...builtInTemplates(), custom];

async function snapshotOf(
  template: Template
): Promise<{ bytes: Uint8Array; snap: WorkbookSnapshot }> {
  const bytes = await planToXlsx(exceljs, planWorkbook(template));
  return { bytes, snap: workbookSnapshot(await loadWorkbook(exceljs, bytes, template.id)) };
}

/** The meta sheet's value cell for a key, to edit it as a user would in Excel. */
function metaCell(
  snap: WorkbookSnapshot,
  key: string
): { row: number; sheet: WorkbookSnapshot["sheets"][number] } {
  const sheet = snap.sheets.find((s) => s.name === "_BaoCao")!;
  const row = sheet.values.findIndex((r) => r[0] === key);
  expect(row).toBeGreaterThanOrEqual(0);
  return { row, sheet };
}

describe("sha256Hex", () => {
  it.each(["", "abc", "Mái ấm công đoàn 🏠", "x".repeat(1000)])(
    "equals node:crypto for %j",
    (s) => {
      expect(sha256Hex(s)).toBe(crypto.createHash("sha256").update(s, "utf8").digest("hex"));
    }
  );
});

describe("splitChunks", () => {
  it("joins back to the text, keeps every piece under the limit and off white space", () => {
    const text = JSON.stringify({
      a: "xin chào ".repeat(30),
      b: "😀".repeat(40),
      c: "y".repeat(77),
    });
    for (const size of [7, 10, 13, 31]) {
      const chunks = splitChunks(text, size);
      expect(chunks.join("")).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(c).toBe(c.trim());
        expect(c.charCodeAt(c.length - 1) >= 0xd800 && c.charCodeAt(c.length - 1) <= 0xdbff).toBe(
          false
        );
      }
    }
  });
});

describe("splitChunks with no boundary off white space", () => {
  it("still splits under the limit and joins back", () => {
    const text = `"${" ".repeat(23)}😀${" ".repeat(9)}"`;
    const chunks = splitChunks(text, 5);
    expect(chunks.join("")).toBe(text);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(5);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))("workbook of %s", (_id, template) => {
  it("carries its template file, in cells under Excel's limit, and it reads back as the same template", async () => {
    const { bytes, snap } = await snapshotOf(template);
    const meta = snap.sheets.find((s) =>
      s.values.some((r) => r[0] === META_KEYS.definitionChecksum)
    )!;
    const parts = meta.values.filter((r) => String(r[0]).startsWith(DEFINITION_PREFIX));
    expect(parts.length).toBeGreaterThan(0);
    for (const r of parts) expect(String(r[1]).length).toBeLessThanOrEqual(DEFINITION_CHUNK);
    const got = embeddedTemplate(snap);
    expect(got.status).toBe("ok");
    if (got.status !== "ok") return;
    expect(templateContract(got.template)).toEqual(templateContract(template));
    const json = JSON.stringify(templateContract(template));
    expect(got.checksum).toBe(crypto.createHash("sha256").update(json, "utf8").digest("hex"));
    // The size it adds, for the report (bytes of JSON; deflated, roughly what the zip adds).
    const deflated = zlib.deflateRawSync(Buffer.from(json)).length;
    process.stdout.write(
      `${template.id}: ${Buffer.byteLength(json)} B JSON in ${parts.length} cell(s), ~${deflated} B deflated, workbook ${bytes.length} B\n`
    );
  });

  it("reports a definition edited by hand (one label changed, checksum kept)", async () => {
    const { snap } = await snapshotOf(template);
    const { row, sheet } = metaCell(snap, `${DEFINITION_PREFIX}1`);
    const text = String(sheet.values[row][1]);
    const label = template.title;
    const at = text.indexOf(JSON.stringify(label));
    expect(at).toBeGreaterThan(0);
    sheet.values[row][1] =
      text.slice(0, at) +
      JSON.stringify(label + " (sửa)") +
      text.slice(at + JSON.stringify(label).length);
    const got = embeddedTemplate(snap);
    expect(got).toMatchObject({ status: "edited", sheet: sheet.name });
    if (got.status === "edited") expect(got.message).toMatch(/đã bị sửa ngoài BáoCáo/);
  });

  it("is absent from a workbook made before workbooks carried their template", async () => {
    const { snap } = await snapshotOf(template);
    const sheet = metaCell(snap, META_KEYS.definitionChecksum).sheet;
    sheet.values = sheet.values.filter(
      (r) =>
        !String(r[0]).startsWith(DEFINITION_PREFIX) &&
        r[0] !== META_KEYS.definitionChecksum &&
        r[0] !== META_KEYS.definitionFormat
    );
    expect(embeddedTemplate(snap)).toEqual({ status: "absent" });
  });
});

describe("a consolidated workbook", () => {
  it("carries the template it consolidates, not the consolidated form", async () => {
    const base = builtInTemplates()[0];
    const { snap } = await snapshotOf(consolidatedTemplate(base));
    const got = embeddedTemplate(snap);
    expect(got.status).toBe("ok");
    if (got.status === "ok") expect(templateContract(got.template)).toEqual(templateContract(base));
  });
});
