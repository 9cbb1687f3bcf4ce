// Sample data for every built-in template, with figures from the seed documents.
import type { ReportData } from "../../core/data/types";
import quarterlyActivity from "./quarterly-activity.json";
import clusterEmulation from "./cluster-emulation.json";
import annualPlan from "./annual-plan.json";
import implementationReview from "./implementation-review.json";
import midtermReview from "./midterm-review.json";

const SAMPLES: Record<string, unknown> = {
  "quarterly-activity": quarterlyActivity,
  "cluster-emulation": clusterEmulation,
  "annual-plan": annualPlan,
  "implementation-review": implementationReview,
  "midterm-review": midtermReview,
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
