// The bench's cases, each as our operation and its floor: what the libraries alone cost for the
// same input. Both sides share one setup (untimed) and return a check: the numbers that describe
// the input, counted from what was actually read or written, so a row's label cannot drift from
// what it measured. scripts/bench-child.ts runs one side of one case in its own process.
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import * as docx from "docx";
import type { Template } from "../src/core/model/load";
import { findTemplate } from "../src/templates";
import { planWorkbook } from "../src/core/layout/planner";
import type { WorkbookPlan } from "../src/core/layout/plan";
import { readWorkbook } from "../src/core/data/read";
import type { WorkbookSnapshot } from "../src/core/data/snapshot";
import type { ReportData } from "../src/core/data/types";
import { validateWorkbook } from "../src/core/validate";
import { consolidate } from "../src/core/consolidate";
import { buildReportDocument, DEFAULT_SETTINGS } from "../src/core/document";
import type { Block, ReportDocument, Run, TableBlock } from "../src/core/document/model";
import { renderDocx } from "../src/adapters/docx";
import { planToXlsx, type ExcelJsModule } from "../src/adapters/xlsx/render";
import { consolidateFiles, consolidationToXlsx } from "../src/adapters/xlsx/consolidate";
import { planToSnapshot } from "../test/support/plan-snapshot";
import { screened, unitData } from "../test/core/consolidate/fixtures";
import { generatedData } from "./bench-data";
import { syntheticTemplateFile } from "./bench-template";
import { loadTemplateFile, templateFileSchema } from "../src/core/model/template-file";

const exceljs = ExcelJS as unknown as ExcelJsModule;

/** What a side returns: the figures that describe its input and output, counted. */
export type Check = Record<string, number>;

export interface Side {
  /** Untimed preparation; what it returns is handed to run. */
  setup: (scale: number, dir: string) => Promise<unknown>;
  run: (input: unknown) => Promise<Check>;
  /** A warm-up run, when it must differ from the timed one (default: run). */
  warmup?: (input: unknown) => Promise<unknown>;
}

export interface CaseGroup {
  id: string;
  /** Row label; `n` is the scale, `check` what ours counted. */
  label: (n: number, check: Check) => string;
  floorLabel: string;
  scales: number[];
  /** Items per scale unit, for the per-item curve ("cells", "files", "units"). */
  item: string;
  /** In-process warm-up runs before the timed one (JIT), for cases short enough to afford it. */
  warmups: number;
  ours: Side;
  floor: Side;
  /** Pass/fail against the budget, given medians; the text (per scale) says what it is. */
  budget: { text: string | ((n: number) => string); pass: (r: BudgetInput) => boolean };
  /** Writes shared inputs (files) once, in the parent, before any child runs. */
  prepare?: (maxScale: number, dir: string) => Promise<void>;
  /** The check ours must satisfy (a label's number really is the input's). */
  verify: (n: number, check: Check) => string | null;
}

export interface BudgetInput {
  n: number;
  ratio: number;
  oursCpuMs: number;
  oursWallMs: number;
  peakMB: number;
}

// ---------------------------------------------------------------------------------------------
// Validation: validateWorkbook over a snapshot vs readWorkbook over the same snapshot (the cells
// read into report data, which validation starts with). Cluster template, per-unit rows.

const CLUSTER = "cluster-emulation";

function filledInputs(data: ReportData): number {
  let n = 0;
  for (const u of data.units) for (const v of Object.values(u.values)) if (v !== null) n++;
  return n;
}

/** A cluster workbook with about `cells` filled per-unit input cells, as a snapshot. */
function clusterWorkbook(cells: number): { t: Template; plan: WorkbookPlan; data: ReportData } {
  const t = findTemplate(CLUSTER)!;
  const perUnit = filledInputs(generatedData(t, 10)) / 10;
  const data = generatedData(t, Math.max(1, Math.round(cells / perUnit)));
  return { t, plan: planWorkbook(t, data), data };
}

interface ValidationInput {
  t: Template;
  snapshot: WorkbookSnapshot;
}

const validationSetup = async (scale: number): Promise<ValidationInput> => {
  const { t, plan } = clusterWorkbook(scale);
  return { t, snapshot: planToSnapshot(plan) };
};

const withinTarget = (n: number, got: number, what: string) =>
  Math.abs(got - n) <= 0.05 * n ? null : `${got} ${what}, not about ${n}`;

export const validationGroup: CaseGroup = {
  id: "validation",
  label: (_n, c) => `validate ${c.cells.toLocaleString("en-US")} filled input cells`,
  floorLabel: "readWorkbook (the cells read into data)",
  scales: [10_000, 100_000, 300_000],
  item: "cell",
  warmups: 2,
  ours: {
    setup: validationSetup,
    run: async (input) => {
      const { t, snapshot } = input as ValidationInput;
      const r = validateWorkbook(t, snapshot);
      return { cells: filledInputs(r.data), findings: r.findings.length };
    },
  },
  floor: {
    setup: validationSetup,
    run: async (input) => {
      const { t, snapshot } = input as ValidationInput;
      return { cells: filledInputs(readWorkbook(t, snapshot).data) };
    },
  },
  // The budget is for 100,000 cells; the other scales draw the curve.
  budget: {
    text: (n) => (n === 100_000 ? "≤ 2×, < 300 ms CPU" : "none (curve)"),
    pass: (r) => r.n !== 100_000 || (r.ratio <= 2 && r.oursCpuMs < 300),
  },
  verify: (n, c) => withinTarget(n, c.cells, "cells"),
};

/**
 * The first check of a workbook of a new shape (unit rows, sheet names): the warm-ups check a
 * workbook with 1% more unit rows, so the timed check plans its expected layout, as the CLI's
 * single `baocao validate` does. The validation rows above measure the check repeated on one shape
 * (the pane's "Kiểm tra" again, every file after the first of a consolidation).
 */
interface FirstInput extends ValidationInput {
  other: WorkbookSnapshot;
}

const firstSetup = async (scale: number): Promise<FirstInput> => ({
  ...(await validationSetup(scale)),
  other: planToSnapshot(clusterWorkbook(scale * 1.01).plan),
});

export const validationFirstGroup: CaseGroup = {
  ...validationGroup,
  id: "validation-first",
  label: (_n, c) =>
    `validate ${c.cells.toLocaleString("en-US")} filled input cells, first check of its shape`,
  scales: [100_000],
  ours: {
    ...validationGroup.ours,
    setup: firstSetup,
    warmup: async (input) => validateWorkbook((input as FirstInput).t, (input as FirstInput).other),
  },
  floor: {
    ...validationGroup.floor,
    setup: firstSetup,
    warmup: async (input) => readWorkbook((input as FirstInput).t, (input as FirstInput).other),
  },
  budget: { text: "none (shown)", pass: () => true },
};

// ---------------------------------------------------------------------------------------------
// Consolidation: consolidateFiles + the output .xlsx vs ExcelJS loading the same files alone.

const QUARTERLY = "quarterly-activity";

function unitFileName(i: number): string {
  return `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`;
}

const unitFiles = (dir: string, n: number) =>
  Array.from({ length: n }, (_, i) => path.join(dir, "units", unitFileName(i)));

export const consolidationGroup: CaseGroup = {
  id: "consolidation",
  label: (_n, c) => `consolidate ${c.used.toLocaleString("en-US")} unit files + write .xlsx`,
  floorLabel: "ExcelJS loads the same files",
  scales: [100, 300, 1000],
  item: "file",
  warmups: 0,
  prepare: async (max, dir) => {
    const t = findTemplate(QUARTERLY)!;
    fs.mkdirSync(path.join(dir, "units"), { recursive: true });
    const files = unitFiles(dir, max);
    for (let i = 0; i < max; i++) {
      if (fs.existsSync(files[i])) continue;
      const data = unitData(t, `Công đoàn cơ sở số ${i + 1}`, i + 1, "2024-Q1");
      fs.writeFileSync(files[i], await planToXlsx(exceljs, planWorkbook(t, data)));
    }
  },
  ours: {
    setup: async (n, dir) => unitFiles(dir, n),
    run: async (input) => {
      const files = input as string[];
      const result = await consolidateFiles(
        files.map((f) => ({
          name: path.basename(f),
          read: async () => new Uint8Array(fs.readFileSync(f)),
        })),
        {
          exceljs,
          find: findTemplate,
          sha256: async (b) => crypto.createHash("sha256").update(b).digest("hex"),
        }
      );
      const bytes = await consolidationToXlsx(exceljs, result);
      return {
        used: result.used.length,
        leftOut: result.leftOut.length,
        units: result.data?.units.length ?? 0,
        outputKB: Math.round(bytes.length / 1024),
      };
    },
  },
  floor: {
    setup: async (n, dir) => unitFiles(dir, n),
    run: async (input) => {
      let sheets = 0;
      for (const f of input as string[]) {
        const wb = new exceljs.Workbook();
        await wb.xlsx.load(fs.readFileSync(f) as unknown as ArrayBuffer);
        sheets += wb.worksheets.length;
      }
      return { sheets };
    },
  },
  budget: {
    text: "≤ 1,5×",
    pass: (r) => r.ratio <= 1.5,
  },
  verify: (n, c) =>
    c.used === n && c.units >= n ? null : `${c.used} files used, ${c.units} units, not ${n}`,
};

// ---------------------------------------------------------------------------------------------
// Word export of a consolidation of n units: build the draft + render it, vs the same document's
// content built directly with `docx` (one run per run of the model, plain tables) and packed.

interface ExportInput {
  t: Template;
  data: ReportData;
  doc: ReportDocument;
}

const exportSetup = async (n: number): Promise<ExportInput> => {
  const t = findTemplate(QUARTERLY)!;
  const files = Array.from({ length: n }, (_, i) =>
    screened(t, unitData(t, `CĐCS Công ty số ${i + 1}`, i + 1, "2024-Q1"), `${i}.xlsx`)
  );
  const r = consolidate(files, { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" });
  if (!r.template || !r.data) throw new Error(r.messages.join("\n"));
  const doc = buildReportDocument(r.template, r.data, { settings: DEFAULT_SETTINGS });
  return { t: r.template, data: r.data, doc };
};

function docxRuns(runs: readonly Run[]): docx.ParagraphChild[] {
  return runs.map((r) =>
    r.kind === "footnote"
      ? new docx.FootnoteReferenceRun(r.id)
      : new docx.TextRun({
          text: r.text,
          bold: r.bold,
          italics: r.kind === "text" ? r.italic : undefined,
        })
  );
}

function docxTable(b: TableBlock): (docx.Paragraph | docx.Table)[] {
  const row = (cells: TableBlock["body"][number], header: boolean) =>
    new docx.TableRow({
      tableHeader: header,
      children: cells.map(
        (c) =>
          new docx.TableCell({
            columnSpan: c.colSpan,
            rowSpan: c.rowSpan,
            children: [new docx.Paragraph({ children: docxRuns(c.runs) })],
          })
      ),
    });
  return [
    new docx.Paragraph({ children: [new docx.TextRun({ text: b.title, bold: true })] }),
    new docx.Table({
      rows: [...b.header.map((r) => row(r, true)), ...b.body.map((r) => row(r, false))],
    }),
  ];
}

function docxBlocks(blocks: readonly Block[]): (docx.Paragraph | docx.Table)[] {
  return blocks.flatMap((b) => {
    if (b.kind === "paragraph") return [new docx.Paragraph({ children: docxRuns(b.runs) })];
    if (b.kind === "heading")
      return [new docx.Paragraph({ children: [new docx.TextRun(`${b.number} ${b.text}`)] })];
    return docxTable(b);
  });
}

/** The floor: the model's content, as docx objects with no layout decisions, packed. */
async function packDirectly(d: ReportDocument): Promise<Uint8Array> {
  const lines = (texts: string[]) => texts.map((text) => new docx.Paragraph({ text }));
  const footnotes: Record<number, { children: docx.Paragraph[] }> = {};
  for (const f of d.footnotes)
    footnotes[f.id] = { children: [new docx.Paragraph({ children: docxRuns(f.runs) })] };
  const sections: docx.ISectionOptions[] = [
    {
      children: [
        ...lines([d.header.parentBody, d.header.issuingBody, d.header.numberLine]),
        ...lines([d.header.nation, d.header.motto, d.header.placeDate, d.docTypeTitle, d.summary]),
        ...docxBlocks(d.body),
        ...lines([d.signature.authority, d.signature.title, d.signature.name, ...d.recipients]),
      ],
    },
  ];
  if (d.appendix)
    sections.push({
      properties: { page: { size: { orientation: docx.PageOrientation.LANDSCAPE } } },
      children: [
        ...lines([d.appendix.title, d.appendix.subtitle]),
        ...docxBlocks(d.appendix.tables),
      ],
    });
  const document = new docx.Document({ footnotes, sections });
  return new Uint8Array(await docx.Packer.toArrayBuffer(document));
}

const appendixRows = (d: ReportDocument) =>
  Math.max(0, ...(d.appendix?.tables ?? []).map((t) => t.body.length));

export const exportGroup: CaseGroup = {
  id: "word-export",
  label: (_n, c) => `Word export, consolidation of ${c.units.toLocaleString("en-US")} units`,
  floorLabel: "the same content built with docx, packed",
  scales: [50, 300, 1000],
  item: "unit",
  warmups: 0,
  ours: {
    setup: exportSetup,
    run: async (input) => {
      const { t, data } = input as ExportInput;
      const doc = buildReportDocument(t, data, { settings: DEFAULT_SETTINGS });
      const bytes = await renderDocx(doc);
      return {
        units: data.units.length,
        footnotes: doc.footnotes.length,
        appendixRows: appendixRows(doc),
        docxKB: Math.round(bytes.length / 1024),
      };
    },
  },
  floor: {
    setup: exportSetup,
    run: async (input) => {
      const { doc } = input as ExportInput;
      const bytes = await packDirectly(doc);
      return { docxKB: Math.round(bytes.length / 1024) };
    },
  },
  budget: {
    text: (n) => (n === 1000 ? "< 15 s, < 1 GB" : "none (curve)"),
    pass: (r) => r.n !== 1000 || (r.oursCpuMs < 15_000 && r.peakMB < 1024),
  },
  verify: (n, c) =>
    c.units === n && c.appendixRows >= n
      ? null
      : `${c.units} units, ${c.appendixRows} appendix rows, not ${n}`,
};

// ---------------------------------------------------------------------------------------------
// Writing .xlsx: planToXlsx (styles, validations, names) vs ExcelJS writing the same cells'
// values and formulas with nothing else.

interface WriteInput {
  plan: WorkbookPlan;
  inputs: number;
}

const writeSetup = async (scale: number): Promise<WriteInput> => {
  const { plan, data } = clusterWorkbook(scale);
  return { plan, inputs: filledInputs(data) };
};

const planCells = (plan: WorkbookPlan) => plan.sheets.reduce((n, s) => n + s.cells.length, 0);

export const writeGroup: CaseGroup = {
  id: "xlsx-write",
  label: (_n, c) =>
    `write .xlsx, ${c.inputs.toLocaleString("en-US")} input cells (${c.cells.toLocaleString("en-US")} in all)`,
  floorLabel: "ExcelJS writes the same cells bare",
  scales: [10_000, 100_000, 300_000],
  item: "cell",
  warmups: 1,
  ours: {
    setup: writeSetup,
    run: async (input) => {
      const { plan, inputs } = input as WriteInput;
      const bytes = await planToXlsx(exceljs, plan);
      return { cells: planCells(plan), inputs, outputKB: bytes.length >> 10 };
    },
  },
  floor: {
    setup: writeSetup,
    run: async (input) => {
      const { plan } = input as WriteInput;
      const wb = new exceljs.Workbook();
      for (const s of plan.sheets) {
        const ws = wb.addWorksheet(s.name);
        for (const c of s.cells)
          ws.getCell(c.row, c.col).value =
            c.formula !== undefined
              ? { formula: c.formula, result: c.result ?? undefined }
              : (c.value ?? null);
      }
      const buf = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
      return { outputKB: buf.byteLength >> 10 };
    },
  },
  budget: { text: "≤ 1,5× (proposed)", pass: (r) => r.ratio <= 1.5 },
  verify: (n, c) => withinTarget(n, c.inputs, "input cells"),
};

// ---------------------------------------------------------------------------------------------
// Loading a template file (issue 13): loadTemplateFile on a synthetic file of 300 indicators in 30
// sections vs JSON.parse + the zod parse of the same file alone. Cold: the first load in a fresh
// process, as `baocao … --template-file` and the pane's "Mẫu của đơn vị" do it.

const templateFilePath = (dir: string) => path.join(dir, "template-300.json");

export const templateLoadGroup: CaseGroup = {
  id: "template-load",
  label: (_n, c) =>
    `load a template file of ${c.indicators} indicators and ${c.sections} sections (first load)`,
  floorLabel: "JSON.parse + zod parse of the same file alone",
  scales: [300],
  item: "indicator",
  warmups: 0,
  prepare: async (maxScale, dir) => {
    fs.writeFileSync(templateFilePath(dir), JSON.stringify(syntheticTemplateFile(maxScale / 10)));
  },
  ours: {
    setup: async (_n, dir) => fs.readFileSync(templateFilePath(dir), "utf8"),
    run: async (input) => {
      const t = loadTemplateFile(JSON.parse(input as string));
      return { indicators: t.indicators.length, sections: t.allSections.length };
    },
  },
  floor: {
    setup: async (_n, dir) => fs.readFileSync(templateFilePath(dir), "utf8"),
    run: async (input) => {
      const f = templateFileSchema.parse(JSON.parse(input as string));
      return { indicators: f.indicators.length, sections: f.sections.length };
    },
  },
  budget: { text: "< 50 ms CPU", pass: (r) => r.oursCpuMs < 50 },
  verify: (n, c) =>
    c.indicators === n && c.sections === n / 10
      ? null
      : `${c.indicators} indicators in ${c.sections} sections, not ${n} in ${n / 10}`,
};

export const GROUPS: CaseGroup[] = [
  validationGroup,
  validationFirstGroup,
  consolidationGroup,
  exportGroup,
  writeGroup,
  templateLoadGroup,
];
