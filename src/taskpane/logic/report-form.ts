// The report data the template form produces from the period, the issuing body and the units the
// user gave. The samples ("Điền dữ liệu mẫu") are in report-data.ts: this module does not carry them.
import type { ReportData } from "../../core/data/types";
import { emptyData } from "../../core/data/empty";
import type { Template } from "../../core/model/load";
import { expandTitle } from "../../core/model/title";
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
