// LibreOffice Calc judges every workbook BáoCáo writes (issue 12): each template's blank and filled
// workbook, consolidated workbooks (one with units under units and the "Cộng theo cấp" sheet), and
// the cluster sample with hostile text. In one headless LibreOffice session
// (test/support/uno-judge.py), for each workbook Calc
//   (a) recalculates everything, and every formula's value must be the one the core computed;
//   (b) gets a valid and invalid values typed into every data-validated input cell, then circles
//       invalid data (XSheetAuditing.showInvalid): valid values must stay unmarked, invalid ones be
//       circled — a 2024 date is accepted in every date input, 1969 and 2150 are refused;
//   (c) resolves every defined name to the sheet and range the plan gives it.
// Copies broken on purpose (the old millisecond date bounds, a formula, a name) show the judge fails.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cellA1 } from "../../src/core/layout/a1";
import {
  judgedWorkbook,
  runUnoJudge,
  type JudgeRun,
  type JudgedWorkbook,
  type Verdict,
} from "../support/uno-judge";
import { writeAllWorkbooks, type Written } from "../support/written-workbooks";
import { mutatePart } from "../support/xlsx-mutate";
import { resultsDir } from "../support/office-tools";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-uno-"));
let written: Written[] = [];
let specs: JudgedWorkbook[] = [];
let run: JudgeRun;
let wallSeconds = 0;
const verdict = (label: string): Verdict => {
  const v = run.workbooks.find((w) => w.label === label);
  if (!v) throw new Error(`no verdict for ${label}`);
  return v;
};

// The bounds the date bug wrote: 2000-01-01 and 2099-12-31 read as milliseconds after 1970.
const OLD_DATE_BOUNDS = ["25569.000423", "25569.000846"];
let brokenFormula: { sheet: string; row: number; col: number };
let brokenName: string;

/** Copies of the filled quarterly-activity workbook, each broken in one way. */
async function brokenCopies(filled: Written): Promise<JudgedWorkbook[]> {
  const file = (s: string) => path.join(dir, `broken-${s}.xlsx`);
  await mutatePart(filled.file, file("date"), /^xl\/worksheets\/sheet\d+\.xml$/, (xml) =>
    xml.replace(
      /(<dataValidation type="date"[^>]*>)<formula1>[^<]*<\/formula1><formula2>[^<]*<\/formula2>/g,
      `$1<formula1>${OLD_DATE_BOUNDS[0]}</formula1><formula2>${OLD_DATE_BOUNDS[1]}</formula2>`
    )
  );
  // The first formula of the plan with a non-zero number for a result gets "+1".
  const sheetIndex = filled.plan.sheets.findIndex((s) =>
    s.cells.some((c) => c.formula && typeof c.result === "number" && c.result !== 0)
  );
  const sheet = filled.plan.sheets[sheetIndex];
  const cell = sheet.cells.find(
    (c) => c.formula && typeof c.result === "number" && c.result !== 0
  )!;
  brokenFormula = { sheet: sheet.name, row: cell.row, col: cell.col };
  const ref = cellA1(cell.row, cell.col);
  await mutatePart(
    filled.file,
    file("formula"),
    `xl/worksheets/sheet${sheetIndex + 1}.xml`,
    (xml) => xml.replace(new RegExp(`(<c r="${ref}"[^>]*><f>)([^<]*)(</f>)`), "$1($2)+1$3")
  );
  // A defined name moved one row down.
  const name = filled.plan.names[0];
  brokenName = name.name;
  await mutatePart(filled.file, file("name"), "xl/workbook.xml", (xml) =>
    xml.replace(
      new RegExp(`(<definedName name="${name.name}">[^<]*\\$)${name.range.top}(</definedName>)`),
      `$1${name.range.top + 1}$2`
    )
  );
  return ["date", "formula", "name"].map((s) =>
    judgedWorkbook(`broken-${s}`, file(s), filled.plan)
  );
}

beforeAll(async () => {
  written = await writeAllWorkbooks(dir);
  specs = written.map((w) => judgedWorkbook(w.label, w.file, w.plan));
  const filled = written.find((w) => w.label === "quarterly-activity")!;
  specs.push(...(await brokenCopies(filled)));
  const t0 = Date.now();
  run = runUnoJudge(specs);
  wallSeconds = (Date.now() - t0) / 1000;
  // The figures of the run, to compare across machines and releases.
  const count = (f: (v: Verdict) => number) =>
    run.workbooks.filter((w) => !w.label.startsWith("broken")).reduce((n, v) => n + f(v), 0);
  fs.writeFileSync(
    path.join(resultsDir(), "uno-judge.json"),
    JSON.stringify(
      {
        wallSeconds,
        startSeconds: run.startSeconds,
        workbooks: run.workbooks.length,
        formulas: count((v) => v.formulas.checked),
        names: count((v) => v.names.checked),
        validationChecks: count((v) => v.probes.checked),
        // What the judge said of the copies broken on purpose.
        broken: run.workbooks
          .filter((w) => w.label.startsWith("broken"))
          .map((w) => ({
            label: w.label,
            formulas: w.formulas.wrong.slice(0, 2),
            names: w.names.wrong,
            validations: w.probes.wrong.slice(0, 2),
            validationsWrong: w.probes.wrong.length,
          })),
        perWorkbook: run.workbooks.map((v) => ({
          label: v.label,
          seconds: v.seconds,
          ...v.phases,
        })),
      },
      null,
      1
    )
  );
}, 300000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("LibreOffice Calc on every workbook BáoCáo writes", () => {
  it("judges the blank and filled workbook of every template and the consolidated ones", () => {
    expect(written.length).toBe(17);
    const two = written.find((w) => w.label.endsWith("2-cap"))!;
    expect(two.plan.sheets.map((s) => s.role)).toContain("subtotals");
    expect(run.workbooks.map((w) => w.label)).toEqual(specs.map((s) => s.label));
    // Every workbook has something to judge of each kind.
    for (const s of specs)
      expect([s.label, s.formulas.length > 0, s.names.length > 0, s.probes.length > 0]).toEqual([
        s.label,
        true,
        true,
        true,
      ]);
  });

  describe.each([
    "quarterly-activity-trong",
    "quarterly-activity",
    "cluster-emulation-trong",
    "cluster-emulation",
    "annual-plan-trong",
    "annual-plan",
    "implementation-review-trong",
    "implementation-review",
    "midterm-review-trong",
    "midterm-review",
    "quarterly-activity-tong-hop",
    "cluster-emulation-tong-hop",
    "annual-plan-tong-hop",
    "implementation-review-tong-hop",
    "midterm-review-tong-hop",
    "quarterly-activity-tong-hop-2-cap",
    "cluster-emulation-hostile",
  ])("%s", (label) => {
    it("opens in Calc", () => {
      expect(verdict(label).error).toBeUndefined();
    });
    it("(a) computes every formula as the core did", () => {
      const v = verdict(label);
      expect(v.formulas.checked).toBe(specs.find((s) => s.label === label)!.formulas.length);
      expect(v.formulas.wrong).toEqual([]);
    });
    it("(b) accepts every valid value and circles every invalid one", () => {
      const v = verdict(label);
      expect(v.probes.checked).toBeGreaterThan(0);
      expect(v.probes.typedWrong).toEqual([]);
      expect(v.probes.wrong).toEqual([]);
    });
    it("(c) resolves every defined name where the plan puts it, and has no other", () => {
      const v = verdict(label);
      expect(v.names.checked).toBe(specs.find((s) => s.label === label)!.names.length);
      expect(v.names.wrong).toEqual([]);
      expect(v.names.extra).toEqual([]);
    });
  });

  it("covers every validation kind the templates use, and a date input in every template", () => {
    const real = specs.filter((s) => !s.label.startsWith("broken"));
    expect(new Set(real.flatMap((s) => s.probes.map((p) => p.kind)))).toEqual(
      new Set(["whole", "decimal", "date", "list", "textLength"])
    );
    for (const s of real)
      expect({ s: s.label, date: s.probes.some((p) => p.kind === "date") }).toEqual({
        s: s.label,
        date: true,
      });
  });

  it("stays within its time budget", () => {
    expect(wallSeconds).toBeLessThan(90);
  });
});

describe("the LibreOffice judge fails when a workbook is broken on purpose", () => {
  it("refuses a 2024 date when the date bounds are the old milliseconds", () => {
    const v = verdict("broken-date");
    const refusedValid = v.probes.wrong.filter((w) => w.kind === "date" && w.valid === true);
    expect(refusedValid.length).toBeGreaterThan(0);
    expect(refusedValid[0]).toMatchObject({ input: { v: "2024-03-15" }, accepted: false });
  });

  it("reports a formula that no longer computes what the core computed", () => {
    const v = verdict("broken-formula");
    expect(v.formulas.wrong).toContainEqual(
      expect.objectContaining({ ...brokenFormula, problem: "number differs" })
    );
  });

  it("reports a defined name that points at another cell", () => {
    const v = verdict("broken-name");
    expect(v.names.wrong).toEqual([
      expect.objectContaining({ name: brokenName, problem: "refers elsewhere" }),
    ]);
  });
});
