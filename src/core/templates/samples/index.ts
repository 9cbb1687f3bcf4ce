// Sample data for every built-in template, with figures from the seed documents.
import type { ReportData } from "../../data/types";
import quarterlyActivity from "./quarterly-activity.json";

const SAMPLES: Record<string, unknown> = {
  "quarterly-activity": quarterlyActivity,
};

/** A fresh copy of a template's sample (callers may modify it). */
export function loadSample(templateId: string): ReportData {
  const s = SAMPLES[templateId];
  if (!s) throw new Error(`Không có dữ liệu mẫu cho mẫu "${templateId}"`);
  return JSON.parse(JSON.stringify(s)) as ReportData;
}

export function sampleIds(): string[] {
  return Object.keys(SAMPLES);
}
