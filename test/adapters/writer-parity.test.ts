// Writer parity, property by property: every property the workbook plan carries — data validation
// (type, operator, bounds, messages, alert style), page setup (paper, orientation, fit, centring,
// margins, footer, repeated rows), protection options, column widths, freeze panes, merges, names —
// comes out the same from the ExcelJS writer (read from the file's XML, not through our reader or
// ExcelJS's, which would undo its own conversions) and from the Office.js writer on the in-memory host.
// Also: what the plan says is what the file holds (a date bound is the plan's serial, not a
// millisecond count), so a writer that mistranslates a property fails here even if both agreed.
import JSZip from "jszip";
import * as ExcelJS from "exceljs";
import { createExcelHost } from "../excel-host";
import type { SheetSnapshot } from "../excel-host/snapshot";
import { builtInTemplates, findTemplate } from "../../src/templates";
import { loadSample } from "../../src/templates/samples";
import { planWorkbook } from "../../src/core/layout/planner";
import { rangeA1 } from "../../src/core/layout/a1";
import type { PlanValidation, SheetPlan, WorkbookPlan } from "../../src/core/layout/plan";
import { planToXlsx, type ExcelJsModule } from "../../src/adapters/xlsx/render";
import { columnWidthPoints } from "../../src/adapters/office/write-plan";
import { insertTemplate } from "../../src/adapters/office/insert";
import { isTemplateName } from "../../src/adapters/office/existing";
import { consolidate } from "../../src/core/consolidate";
import { CLUSTER_PROVINCES } from "../../src/templates";
import type { Template } from "../../src/core/model/load";
import type { ReportData } from "../../src/core/data/types";
import { screened, unitData } from "../core/consolidate/fixtures";

const exceljs = ExcelJS as unknown as ExcelJsModule;

/** What a writer made of one sheet, in the plan's own terms. */
interface SheetView {
  validations: ValidationView[];
  page: {
    orientation: "portrait" | "landscape";
    paper: string;
    fitToPagesWide: number;
    fitToPagesTall: number;
    centerHorizontally: boolean;
    margins: Record<string, number>;
    footer: { left: string; center: string; right: string };
    titleRows: string | null;
  };
  protection: { formatColumns: boolean; formatRows: boolean } | null;
  /** Column widths in Excel's character units, rounded to 0.1. */
  columns: number[];
  freeze: { rows: number; columns: number };
  merges: string[];
  /** Row heights in points, by row number. */
  rowHeights: Record<string, number>;
  hidden: boolean;
}

interface ValidationView {
  range: string;
  kind: string;
  operator: string;
  formula1: string;
  formula2: string | null;
  allowBlank: boolean;
  prompt: [string, string];
  error: [string, string];
  errorStyle: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---- The .xlsx side: raw SpreadsheetML ------------------------------------------------------

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

function firstTag(xml: string, name: string): Record<string, string> | null {
  const m = new RegExp(`<${name}(\\s[^>]*)?/?>`).exec(xml);
  return m ? attrs(m[0]) : null;
}

/** "&L…&C…&R…" into its three parts. */
function footerParts(text: string): { left: string; center: string; right: string } {
  const parts = { left: "", center: "", right: "" };
  let current: keyof typeof parts = "center";
  for (const piece of text.split(/(&[LCR])/)) {
    if (piece === "&L") current = "left";
    else if (piece === "&C") current = "center";
    else if (piece === "&R") current = "right";
    else parts[current] += piece;
  }
  return parts;
}

/** Office.js reports date bounds as ISO dates; SpreadsheetML holds serials. Compare as serials. */
function isoToSerial(iso: string): string {
  return String(Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86400000 + 25569));
}

async function xlsxViews(bytes: Uint8Array): Promise<Map<string, SheetView>> {
  const zip = await JSZip.loadAsync(bytes);
  const read = (p: string) => zip.file(p)!.async("string");
  const workbook = await read("xl/workbook.xml");
  const rels = await read("xl/_rels/workbook.xml.rels");
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship [^>]*>/g)) {
    const a = attrs(m[0]);
    target.set(a.Id, `xl/${a.Target.replace(/^\/?xl\//, "")}`);
  }
  const sheets = [...workbook.matchAll(/<sheet [^>]*>/g)].map((m) => attrs(m[0]));
  const titleRows = new Map<number, string>();
  for (const m of workbook.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)) {
    const a = attrs(`<x ${m[1]}>`);
    if (a.name === "_xlnm.Print_Titles")
      titleRows.set(Number(a.localSheetId), unescapeXml(m[2]).replace(/^.*!/, ""));
  }
  const out = new Map<string, SheetView>();
  for (const [index, s] of sheets.entries()) {
    const xml = await read(target.get(s["r:id"])!);
    const validations: ValidationView[] = [];
    for (const m of xml.matchAll(/<dataValidation( [^>]*)>([\s\S]*?)<\/dataValidation>/g)) {
      const a = attrs(m[1]);
      const f1 = /<formula1>([^<]*)<\/formula1>/.exec(m[2]);
      const f2 = /<formula2>([^<]*)<\/formula2>/.exec(m[2]);
      validations.push({
        range: a.sqref,
        kind: a.type ?? "none",
        operator: a.operator ?? "between",
        formula1: f1 ? unescapeXml(f1[1]) : "",
        formula2: f2 ? unescapeXml(f2[1]) : null,
        allowBlank: a.allowBlank === "1",
        prompt: [a.promptTitle ?? "", a.prompt ?? ""],
        error: [a.errorTitle ?? "", a.error ?? ""],
        errorStyle: a.errorStyle ?? "stop",
      });
    }
    const setup = firstTag(xml, "pageSetup") ?? {};
    const fit = firstTag(xml, "pageSetUpPr");
    const margins = firstTag(xml, "pageMargins") ?? {};
    const footer = /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml);
    const protection = firstTag(xml, "sheetProtection");
    const pane = firstTag(xml, "pane");
    const columns: number[] = [];
    for (const m of xml.matchAll(/<col [^>]*>/g)) {
      const a = attrs(m[0]);
      for (let c = Number(a.min); c <= Number(a.max); c++)
        columns[c - 1] = Math.round(Number(a.width) * 10) / 10;
    }
    out.set(unescapeXml(s.name), {
      validations,
      page: {
        orientation: (setup.orientation as "portrait" | "landscape") ?? "portrait",
        paper: setup.paperSize === "9" ? "A4" : `code ${setup.paperSize ?? "1"}`,
        fitToPagesWide: fit?.fitToPage === "1" ? Number(setup.fitToWidth ?? 1) : 0,
        fitToPagesTall: fit?.fitToPage === "1" ? Number(setup.fitToHeight ?? 1) : 0,
        centerHorizontally: firstTag(xml, "printOptions")?.horizontalCentered === "1",
        margins: Object.fromEntries(
          ["left", "right", "top", "bottom", "header", "footer"].map((k) => [
            k,
            round2(Number(margins[k])),
          ])
        ),
        footer: footerParts(footer ? unescapeXml(footer[1]) : ""),
        titleRows: titleRows.get(index) ?? null,
      },
      // In SpreadsheetML formatColumns="0" means formatting columns is NOT locked.
      protection:
        protection?.sheet === "1"
          ? {
              formatColumns: protection.formatColumns === "0",
              formatRows: protection.formatRows === "0",
            }
          : null,
      columns: Array.from(columns, (w) => w ?? 0),
      freeze: {
        rows: pane?.state === "frozen" ? Number(pane.ySplit ?? 0) : 0,
        columns: pane?.state === "frozen" ? Number(pane.xSplit ?? 0) : 0,
      },
      merges: [...xml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]).sort(),
      rowHeights: Object.fromEntries(
        [...xml.matchAll(/<row [^>]*>/g)]
          .map((m) => attrs(m[0]))
          .filter((a) => a.customHeight === "1")
          .map((a) => [a.r, round2(Number(a.ht))])
      ),
      hidden: s.state === "hidden" || s.state === "veryHidden",
    });
  }
  return out;
}

// ---- The Office.js side: the in-memory host's state -----------------------------------------

const OPERATORS: Record<string, string> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
  GreaterThan: "greaterThan",
  LessThan: "lessThan",
  EqualTo: "equal",
};
const KINDS: Record<string, string> = {
  wholeNumber: "whole",
  decimal: "decimal",
  date: "date",
  list: "list",
  textLength: "textLength",
};

/** Excel's width in characters back from the points Office.js takes. */
const pointsToChars = (p: number) => Math.round(((p - 3.75) / 5.25) * 10) / 10;

function hostView(s: SheetSnapshot, plan: SheetPlan): SheetView {
  const validations: ValidationView[] = (s.validations ?? []).flatMap(({ address, validation }) => {
    if (!validation?.rule) return [];
    const [ruleKind, rule] = Object.entries(validation.rule)[0];
    const kind = KINDS[ruleKind];
    const bound = (v: unknown) =>
      kind === "date" ? isoToSerial(String(v)) : v === undefined ? null : String(v);
    return [
      {
        range: address.replace(/^.*!/, "").replace(/\$/g, ""),
        kind,
        operator: kind === "list" ? "between" : OPERATORS[String(rule.operator)],
        formula1: kind === "list" ? `"${String(rule.source)}"` : (bound(rule.formula1) as string),
        formula2: kind === "list" ? null : bound(rule.formula2),
        allowBlank: validation.ignoreBlanks,
        prompt: [validation.prompt.title, validation.prompt.message],
        error: [validation.errorAlert.title, validation.errorAlert.message],
        errorStyle: validation.errorAlert.style.toLowerCase(),
      },
    ];
  });
  const pl = s.pageLayout!;
  const footer = pl.headersFooters!.defaultForAllPages;
  const widths = s.columnWidths ?? {};
  return {
    validations,
    page: {
      orientation: pl.orientation === "Landscape" ? "landscape" : "portrait",
      paper: pl.paperSize!,
      fitToPagesWide: pl.zoom?.horizontalFitToPages ?? 0,
      fitToPagesTall: pl.zoom?.verticalFitToPages ?? 0,
      centerHorizontally: pl.centerHorizontally!,
      margins: {
        left: round2(pl.leftMargin! / 72),
        right: round2(pl.rightMargin! / 72),
        top: round2(pl.topMargin! / 72),
        bottom: round2(pl.bottomMargin! / 72),
        header: round2(pl.headerMargin! / 72),
        footer: round2(pl.footerMargin! / 72),
      },
      footer: { left: footer.leftFooter, center: footer.centerFooter, right: footer.rightFooter },
      titleRows: pl.printTitleRows ? pl.printTitleRows.replace(/^.*!/, "") : null,
    },
    protection: s.protection?.protected
      ? {
          formatColumns: s.protection.options?.allowFormatColumns === true,
          formatRows: s.protection.options?.allowFormatRows === true,
        }
      : null,
    columns: plan.columns.map((_, i) => {
      const letter = rangeA1({ top: 1, left: i + 1, bottom: 1, right: i + 1 }).replace(/\d+/g, "");
      return widths[letter] === undefined ? 0 : pointsToChars(widths[letter]);
    }),
    freeze: { rows: s.frozenRows ?? 0, columns: s.frozenColumns ?? 0 },
    merges: (s.merges ?? []).map((m) => m.replace(/^.*!/, "").replace(/\$/g, "")).sort(),
    rowHeights: Object.fromEntries(
      Object.entries(s.rowHeights ?? {}).map(([r, h]) => [r, round2(h)])
    ),
    hidden: s.visibility === "Hidden" || s.visibility === "VeryHidden",
  };
}

// ---- What the plan says ---------------------------------------------------------------------

function planValidation(v: PlanValidation): ValidationView {
  const list = v.kind === "list";
  return {
    range: rangeA1(v.range),
    kind: v.kind,
    operator: list ? "between" : v.operator,
    formula1: list ? `"${(v.formula1 as string[]).join(",")}"` : String(v.formula1),
    formula2: list || v.formula2 === undefined ? null : String(v.formula2),
    allowBlank: true,
    prompt: [v.promptTitle, v.prompt],
    error: [v.errorTitle, v.error],
    errorStyle: "stop",
  };
}

function planView(sheet: SheetPlan): SheetView {
  const t = sheet.print.titleRows;
  return {
    validations: sheet.validations.map(planValidation),
    page: {
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      paper: sheet.page.paper,
      fitToPagesWide: sheet.page.fitToPagesWide,
      fitToPagesTall: 0,
      centerHorizontally: sheet.page.centerHorizontally,
      margins: { ...sheet.page.margins },
      footer: { ...sheet.page.footer },
      titleRows: t ? `$${t.first}:$${t.last}` : null,
    },
    protection: sheet.protection ? { ...sheet.protection } : null,
    columns: sheet.columns.map((w) => Math.round(w * 10) / 10),
    freeze: sheet.freeze ?? { rows: 0, columns: 0 },
    merges: sheet.merges.map((m) => rangeA1(m)).sort(),
    rowHeights: Object.fromEntries(
      Object.entries(sheet.rowHeights).map(([r, h]) => [r, round2(h)])
    ),
    hidden: sheet.hidden,
  };
}

/**
 * One entry per cell: ExcelJS joins neighbouring cells with the same rule into one sqref
 * ("C5:C6"), Office.js keeps the ranges as written; what a user meets is the rule of each cell.
 */
function perCell(validations: ValidationView[]): ValidationView[] {
  const out: ValidationView[] = [];
  for (const v of validations) {
    for (const part of v.range.split(" ")) {
      const [from, to = from] = part.split(":");
      const a = parseCell(from);
      const b = parseCell(to);
      for (let r = a.row; r <= b.row; r++)
        for (let c = a.col; c <= b.col; c++)
          out.push({ ...v, range: rangeA1({ top: r, left: c, bottom: r, right: c }) });
    }
  }
  return out.sort((x, y) => x.range.localeCompare(y.range));
}

function parseCell(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

const sorted = (v: SheetView): SheetView => ({ ...v, validations: perCell(v.validations) });

// ---- The cases --------------------------------------------------------------------------------

interface Case {
  name: string;
  template: Template;
  data: ReportData;
}

function cases(): Case[] {
  const out: Case[] = builtInTemplates().map((t) => ({
    name: t.id,
    template: t,
    data: loadSample(t.id),
  }));
  // A consolidation as the pane inserts it: the consolidated form with its sources sheet.
  const qa = findTemplate("quarterly-activity")!;
  const result = consolidate(
    CLUSTER_PROVINCES.slice(0, 7).map((unit, i) =>
      screened(qa, unitData(qa, unit, i + 11, "2024-Q1"), `${i + 1}-${unit}.xlsx`)
    ),
    { find: findTemplate, consolidatedAt: "2024-04-05T09:00:00.000Z" }
  );
  out.push({
    name: "consolidated quarterly-activity",
    template: result.template!,
    data: result.data!,
  });
  return out;
}

async function bothWriters(c: Case): Promise<{
  plan: WorkbookPlan;
  file: Map<string, SheetView>;
  host: Map<string, SheetView>;
}> {
  const plan = planWorkbook(c.template, c.data);
  const file = await xlsxViews(await planToXlsx(exceljs, plan));
  const made = createExcelHost({ profile: "latest" });
  const supports = (v: string) => made.Office.context.requirements.isSetSupported("ExcelApi", v);
  const result = await made.Excel.run((context) =>
    insertTemplate(context, c.template, { data: c.data, supports })
  );
  expect(result.status).toBe("inserted");
  expect(result.skipped).toEqual([]);
  const snapshot = made.host.toSnapshot();
  const host = new Map<string, SheetView>();
  for (const sheet of plan.sheets) {
    const s = snapshot.sheets.find((x) => x.name === sheet.name)!;
    host.set(sheet.name, hostView(s, sheet));
  }
  return { plan, file, host };
}

describe.each(cases().map((c) => [c.name, c] as const))("writer parity: %s", (_name, c) => {
  let views: Awaited<ReturnType<typeof bothWriters>>;
  beforeAll(async () => {
    views = await bothWriters(c);
  });

  it("both writers give every sheet the plan's validations, page setup, protection, widths, panes and merges", () => {
    for (const sheet of views.plan.sheets) {
      const expected = sorted(planView(sheet));
      expect({ sheet: sheet.name, view: sorted(views.file.get(sheet.name)!) }).toEqual({
        sheet: sheet.name,
        view: expected,
      });
      expect({ sheet: sheet.name, view: sorted(views.host.get(sheet.name)!) }).toEqual({
        sheet: sheet.name,
        view: expected,
      });
    }
  });

  it("date rules bound real dates: 2000-01-01 to 2099-12-31, not a count of milliseconds", () => {
    const dates = [...views.file.values()].flatMap((v) =>
      v.validations.filter((x) => x.kind === "date")
    );
    for (const d of dates) {
      expect(Number.isInteger(Number(d.formula1))).toBe(true);
      expect(new Date((Number(d.formula1) - 25569) * 86400000).toISOString().slice(0, 10)).toBe(
        "2000-01-01"
      );
      expect(new Date((Number(d.formula2) - 25569) * 86400000).toISOString().slice(0, 10)).toBe(
        "2099-12-31"
      );
    }
    // The cover's "Ngày ban hành" is a date input in every template.
    if (!c.name.startsWith("consolidated")) expect(dates.length).toBeGreaterThan(0);
  });

  it("the add-in recognises every name it writes as its own, so it can remove them all", () => {
    const strangers = views.plan.names.map((n) => n.name).filter((n) => !isTemplateName(n));
    expect(strangers).toEqual([]);
  });

  it("every sheet prints on A4 with page numbers in the footer", () => {
    for (const v of [...views.file.values(), ...views.host.values()]) {
      expect(v.page.paper).toBe("A4");
      expect(v.page.footer.center).toBe("&P/&N");
    }
  });
});

test("the column width conversion of the Office.js writer round-trips to 0.1 character", () => {
  for (const w of [4, 8.5, 12, 40, 60]) expect(pointsToChars(columnWidthPoints(w))).toBe(w);
});
