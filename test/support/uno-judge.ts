// The LibreOffice judge (uno-judge.py) seen from the tests: what the core expects of a workbook,
// written as the judge's spec, and the judge's verdicts read back. The expectations come from the
// workbook plan (formula results, defined names, validation rules); the verdicts from Calc alone.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PlanValidation, PlanValue, WorkbookPlan } from "../../src/core/layout/plan";

export const UNO_PYTHON = process.env.BAOCAO_UNO_PYTHON ?? "/usr/bin/python3";
const SCRIPT = path.join(__dirname, "uno-judge.py");

type Input = { type: "typed" | "string"; v: string } | { type: "number"; v: number };
interface Step {
  input: Input;
  valid: boolean;
  /** For typed dates: the serial Calc must have made of the text. */
  serial?: number;
}
/** A validation range: every cell of it is typed into, pass after pass. */
export interface Probe {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  kind: PlanValidation["kind"];
  passes: Step[];
}
export interface JudgedWorkbook {
  label: string;
  file: string;
  formulas: { sheet: string; row: number; col: number; formula: string; expect: PlanValue }[];
  names: {
    name: string;
    sheet: string;
    top: number;
    left: number;
    bottom: number;
    right: number;
  }[];
  probes: Probe[];
}

/** Excel's serial of a calendar date (1900 date system, as BáoCáo writes). */
export const serialOf = (y: number, m: number, d: number): number =>
  Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

// The date acceptance line of issue 12, independent of what the plan says the bounds are: a 2024
// date is a report date; 1969 and 2150 are not (the millisecond bug accepted only 1970-01-01).
const DATE_VALID = { text: "2024-03-15", serial: serialOf(2024, 3, 15) };
const DATE_INVALID = [
  { text: "1969-12-31", serial: serialOf(1969, 12, 31) },
  { text: "2150-01-01", serial: serialOf(2150, 1, 1) },
];

/** A number the rule accepts and numbers it refuses, from the rule's operator and bounds. */
function numericSteps(v: PlanValidation): Step[] {
  const whole = v.kind === "whole";
  const a = Number(v.formula1);
  const b = v.formula2 ?? a;
  const step = whole ? 1 : Math.max(Math.abs(b - a) / 10, 0.1);
  let valid: number;
  const invalid: number[] = [];
  switch (v.operator) {
    case "between":
      valid = whole ? Math.floor((a + b) / 2) : (a + b) / 2;
      invalid.push(a - step, b + step);
      break;
    case "greaterThanOrEqual":
      valid = a + 7 * step;
      invalid.push(a - step);
      break;
    case "greaterThan":
      valid = a + 7 * step;
      invalid.push(a);
      break;
    case "lessThanOrEqual":
      valid = a - 7 * step;
      invalid.push(a + step);
      break;
    case "lessThan":
      valid = a - 7 * step;
      invalid.push(a);
      break;
    case "equal":
      valid = a;
      invalid.push(a + step);
      break;
  }
  // A whole-number rule refuses fractions, whatever its bounds.
  if (whole) invalid.push(valid + 0.5);
  return [
    { input: { type: "number", v: valid }, valid: true },
    ...invalid.map((n): Step => ({ input: { type: "number", v: n }, valid: false })),
  ];
}

function textSteps(v: PlanValidation): Step[] {
  const a = Number(v.formula1);
  const b = v.formula2 ?? a;
  const text = (n: number) => "Công đoàn cơ sở ".repeat(20).slice(0, n);
  const lengths: Record<PlanValidation["operator"], [number, number[]]> = {
    between: [Math.min(b, a + 2), [a - 1, b + 1]],
    greaterThanOrEqual: [a + 2, [a - 1]],
    greaterThan: [a + 2, [a]],
    lessThanOrEqual: [Math.max(0, a - 2), [a + 1]],
    lessThan: [Math.max(0, a - 2), [a]],
    equal: [a, [a + 1]],
  };
  const [ok, bad] = lengths[v.operator];
  return [
    { input: { type: "string", v: text(ok) }, valid: true },
    // A text of length 0 is an empty cell, which no rule judges.
    ...bad
      .filter((n) => n > 0)
      .map((n): Step => ({ input: { type: "string", v: text(n) }, valid: false })),
  ];
}

export function stepsFor(v: PlanValidation): Step[] {
  switch (v.kind) {
    case "date":
      return [
        { input: { type: "typed", v: DATE_VALID.text }, valid: true, serial: DATE_VALID.serial },
        ...DATE_INVALID.map((d): Step => ({
          input: { type: "typed", v: d.text },
          valid: false,
          serial: d.serial,
        })),
      ];
    case "list": {
      const items = v.formula1 as string[];
      // An item starting with "=" would be typed as a formula; setString types it as text anyway.
      return [
        { input: { type: "string", v: items[0] }, valid: true },
        { input: { type: "string", v: "Không có trong danh sách" }, valid: false },
      ];
    }
    case "textLength":
      return textSteps(v);
    default:
      return numericSteps(v);
  }
}

/**
 * A text as an XML part can hold it: XML 1.0 has no C0 controls but tab, LF and CR, and UTF-8 no
 * lone surrogates (they become U+FFFD). The plan keeps a hostile text as typed; the file cannot.
 */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- the controls XML cannot hold are the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
  );
}

/** What the core expects of a workbook written from `plan`, for the judge. */
export function judgedWorkbook(label: string, file: string, plan: WorkbookPlan): JudgedWorkbook {
  const formulas: JudgedWorkbook["formulas"] = [];
  const probes: Probe[] = [];
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells)
      if (c.formula !== undefined)
        formulas.push({
          sheet: sheet.name,
          row: c.row,
          col: c.col,
          formula: c.formula,
          expect: typeof c.result === "string" ? xmlText(c.result) : (c.result ?? null),
        });
    for (const v of sheet.validations)
      probes.push({ sheet: sheet.name, ...v.range, kind: v.kind, passes: stepsFor(v) });
  }
  const names = plan.names.map((n) => ({ name: n.name, sheet: n.sheet, ...n.range }));
  return { label, file, formulas, names, probes };
}

export interface Verdict {
  label: string;
  error?: string;
  seconds: number;
  loadSeconds: number;
  formulas: { checked: number; wrong: Record<string, unknown>[] };
  names: { checked: number; wrong: Record<string, unknown>[]; extra: string[] };
  probes: {
    checked: number;
    wrong: Record<string, unknown>[];
    typedWrong: Record<string, unknown>[];
  };
  phases: Record<string, number>;
}
export interface JudgeRun {
  startSeconds: number;
  seconds: number;
  workbooks: Verdict[];
}

/** Runs the judge over the workbooks in one LibreOffice session. */
export function runUnoJudge(workbooks: JudgedWorkbook[], timeoutSeconds = 240): JudgeRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-judge-"));
  try {
    const spec = path.join(dir, "spec.json");
    const result = path.join(dir, "result.json");
    fs.writeFileSync(spec, JSON.stringify({ workbooks }));
    execFileSync(UNO_PYTHON, [SCRIPT, spec, result], {
      stdio: ["ignore", "pipe", "pipe"],
      // The script stops itself (and soffice) at its own limit; this one is the backstop.
      timeout: (timeoutSeconds + 30) * 1000,
      env: { ...process.env, BAOCAO_UNO_TIMEOUT: String(timeoutSeconds) },
    });
    return JSON.parse(fs.readFileSync(result, "utf8")) as JudgeRun;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
