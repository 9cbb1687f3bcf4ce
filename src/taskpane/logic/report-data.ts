// The report data the template form produces: the period, the issuing body and the units the user
// gave (report-form.ts), or the template's sample when "Điền dữ liệu mẫu" is ticked.
import type { ReportData } from "../../core/data/types";
import type { Template } from "../../core/model/load";
import { loadSample, sampleIds } from "../../templates/samples";

export { buildReportData, type TemplateFormValues } from "./report-form";

export function hasSample(templateId: string): boolean {
  return sampleIds().includes(templateId);
}

/** The template's sample data, or null when it has none. */
export function sampleData(template: Template): ReportData | null {
  return hasSample(template.id) ? loadSample(template.id) : null;
}
