// The report data the template form produces: the period, the issuing body and the units the user
// gave, or the template's sample when "Điền dữ liệu mẫu" is ticked.
import type { ReportData } from "../../core/data/types";
import { emptyData } from "../../core/layout/planner";
import type { Template } from "../../core/model/load";
import { expandTitle } from "../../core/model/title";
import { loadSample, sampleIds } from "../../core/templates/samples";
import { toUnitEntries } from "./units";

export interface TemplateFormValues {
  /** Canonical period code, e.g. "2024-Q1". */
  period: string;
  issuingBody: string;
  /** Unit names, already checked (only used when the template has per-unit tables). */
  units: readonly string[];
}

export function buildReportData(template: Template, form: TemplateFormValues): ReportData {
  const data = emptyData(template);
  const issuingBody = form.issuingBody.trim().replace(/\s+/g, " ");
  // The cover sheet adds the template's own header defaults (parent body, signer, recipients).
  data.header = {
    ...(issuingBody ? { issuingBody } : {}),
    period: form.period,
    title: expandTitle(template, form.period),
  };
  if (template.hasPerUnitTables && form.units.length > 0) {
    data.units = toUnitEntries(form.units, template.units?.defaults);
  }
  return data;
}

export function hasSample(templateId: string): boolean {
  return sampleIds().includes(templateId);
}

/** The template's sample data, or null when it has none. */
export function sampleData(template: Template): ReportData | null {
  return hasSample(template.id) ? loadSample(template.id) : null;
}
