// The next period's report ("Tạo kỳ sau", baocao next): the same template and version, rolled one
// period forward. What is carried is what stays true from one period to the next — the header's
// issuing body, signer and recipients, the units list, the targets, the wording of reworded
// sentences — and what is blank is what the new period must say: number, date, figures, texts.
// Comparison values "cùng kỳ năm trước" come from the workbook of the same period last year when
// the user gives it; "đầu nhiệm kỳ" stays with the term. The tasks the report set for the next
// period become the prompt of the sections where the next report gives its results.
import type { Template } from "../model/load";
import { templatePeriod } from "../model/title";
import { nextPeriod, periodLabel, samePeriodLastYear, type Period } from "../period";
import { ROW_KEY, type DataValue, type ReportData, type ReportHeader } from "../data/types";

/** Why a next period cannot be made, in Vietnamese (the CLI and the pane show it as is). */
export class NextPeriodError extends Error {}

export interface NextPeriodInput {
  template: Template;
  /** The report of this period, as read from its workbook. */
  data: ReportData;
  /** The report of the same period last year (for "cùng kỳ năm trước"), when the user gives it. */
  lastYear?: ReportData;
}

export interface NextPeriodResult {
  data: ReportData;
  period: Period;
  /** The period this one follows (the report it was made from). */
  previous: Period;
  /** Prompts for the planner (PlanOptions.sectionPrompts): the tasks set by the previous report. */
  sectionPrompts: Record<string, string>;
  /** Number of "cùng kỳ năm trước" figures filled from the last-year workbook. */
  baselinesFilled: number;
}

/** Header fields carried to the next period; number, date, period and the summary line are not. */
const CARRIED_HEADER = [
  "parentBody",
  "issuingBody",
  "place",
  "signerAuthority",
  "signerTitle",
  "signerName",
  "recipients",
] as const;

const NUMERIC = new Set(["integer", "decimal", "money", "percent"]);

function periodOf(template: Template, data: ReportData, what: string): Period {
  const text = data.header.period;
  if (!text) {
    throw new NextPeriodError(
      `${what} chưa ghi kỳ báo cáo (trang "Thông tin chung"), nên không biết kỳ sau là kỳ nào. Ghi kỳ báo cáo rồi làm lại.`
    );
  }
  const p = templatePeriod(template, text);
  if (!p) {
    throw new NextPeriodError(
      `${what} ghi kỳ báo cáo "${text}", không hợp với mẫu "${template.title}". Sửa kỳ báo cáo rồi làm lại.`
    );
  }
  return p;
}

/** The text the report wrote under a section and its subsections, in document order. */
export function sectionText(template: Template, data: ReportData, sectionId: string): string {
  const root = template.sectionById.get(sectionId);
  if (!root) return "";
  const parts: string[] = [];
  const visit = (id: string) => {
    const s = template.sectionById.get(id);
    if (!s) return;
    const text = data.texts[s.id]?.trim();
    if (text) parts.push(text);
    for (const c of s.children) visit(c.id);
  };
  visit(root.id);
  return parts.join("\n");
}

function carriedHeader(header: ReportHeader, period: Period): ReportHeader {
  const out: ReportHeader = {};
  for (const k of CARRIED_HEADER) {
    const v = header[k];
    if (v === undefined) continue;
    if (k === "recipients") out.recipients = [...(v as string[])];
    else out[k] = v as string;
  }
  out.period = period.text;
  return out;
}

/** Only the chỉ tiêu columns (role "target") of a row of figures. */
function targetsOnly(
  template: Template,
  values: Record<string, DataValue>
): Record<string, DataValue> {
  const out: Record<string, DataValue> = {};
  for (const [k, v] of Object.entries(values)) {
    if (template.indicatorById.get(k)?.role === "target" && v !== null) out[k] = v;
  }
  return out;
}

function lastYearBaselines(
  template: Template,
  next: Period,
  lastYear: ReportData
): Record<string, DataValue> {
  if (!template.baselines.includes("lastYear")) {
    throw new NextPeriodError(
      `Mẫu "${template.title}" không có cột "cùng kỳ năm trước"; bỏ sổ năm trước ra (không cần).`
    );
  }
  if (lastYear.template !== template.id) {
    throw new NextPeriodError(
      `Sổ năm trước dùng mẫu "${lastYear.template}", không phải mẫu "${template.id}" của sổ này. Chọn sổ cùng mẫu.`
    );
  }
  const want = samePeriodLastYear(next);
  const got = periodOf(template, lastYear, "Sổ năm trước");
  if (!want || got.text !== want.text) {
    const wanted = want ? `${periodLabel(want)} (${want.text})` : "không có";
    throw new NextPeriodError(
      `Sổ năm trước là của ${periodLabel(got)} (${got.text}); kỳ sau là ${periodLabel(next)}, cùng kỳ năm trước của nó là ${wanted}. Chọn đúng sổ của kỳ đó.`
    );
  }
  const out: Record<string, DataValue> = {};
  // The figures the section sheets show beside their comparison column: the scalar numeric
  // indicators (per-unit and fixed-table figures have no baseline cell; see data/read.ts).
  for (const ind of template.indicators) {
    if (ind.table || !NUMERIC.has(ind.type)) continue;
    const v = lastYear.values[ind.id];
    if (typeof v === "number") out[ind.id] = v;
  }
  return out;
}

/** The next period's report data and the prompts its workbook shows. */
export function nextPeriodReport(input: NextPeriodInput): NextPeriodResult {
  const { template, data } = input;
  if (data.template !== template.id) {
    throw new NextPeriodError(`Sổ này dùng mẫu "${data.template}", không phải "${template.id}".`);
  }
  if (data.consolidation) {
    throw new NextPeriodError(
      "Đây là sổ tổng hợp. Kỳ sau tạo từ sổ báo cáo của đơn vị (sổ tạo từ mẫu), không từ sổ tổng hợp."
    );
  }
  const previous = periodOf(template, data, "Sổ này");
  const period = nextPeriod(previous);
  if (!templatePeriod(template, period.text)) {
    throw new NextPeriodError(
      `Kỳ sau của ${periodLabel(previous)} là ${periodLabel(period)} (${period.text}), mẫu "${template.title}" không có loại kỳ này.`
    );
  }

  const out: ReportData = {
    template: template.id,
    templateVersion: template.version,
    header: carriedHeader(data.header, period),
    values: targetsOnly(template, data.values),
    units: data.units.map((u) => ({
      name: u.name,
      parent: u.parent,
      values: targetsOnly(template, u.values),
    })),
    tables: {},
    texts: {},
  };
  for (const table of template.tables) {
    if (table.kind !== "fixed") continue;
    const rows = data.tables[table.id] ?? [];
    const kept = rows
      .map((r) => ({ [ROW_KEY]: r[ROW_KEY] ?? null, ...targetsOnly(template, r) }))
      .filter((r) => Object.keys(r).length > 1);
    if (kept.length > 0) out.tables[table.id] = kept;
  }
  if (data.sentences) out.sentences = { ...data.sentences };
  if (data.targets) out.targets = JSON.parse(JSON.stringify(data.targets)) as ReportData["targets"];

  let baselinesFilled = 0;
  if (input.lastYear) {
    const ly = lastYearBaselines(template, period, input.lastYear);
    baselinesFilled = Object.keys(ly).length;
    if (baselinesFilled > 0) (out.baselines ??= {}).lastYear = ly;
  }
  // Đầu nhiệm kỳ is the same figure for every report of a term (midTerm half 1 → half 2).
  const sameTerm = period.startYear === previous.startYear && period.endYear === previous.endYear;
  const startOfTerm = data.baselines?.startOfTerm;
  if (template.baselines.includes("startOfTerm") && sameTerm && startOfTerm) {
    (out.baselines ??= {}).startOfTerm = { ...startOfTerm };
  }

  const sectionPrompts: Record<string, string> = {};
  if (template.carryTasks) {
    const tasks = sectionText(template, data, template.carryTasks.from);
    if (tasks) {
      for (const id of template.carryTasks.to)
        sectionPrompts[id] =
          `Nhiệm vụ báo cáo ${periodLabel(previous)} đã đề ra cho kỳ này:\n${tasks}`;
    }
  }
  return { data: out, period, previous, sectionPrompts, baselinesFilled };
}
