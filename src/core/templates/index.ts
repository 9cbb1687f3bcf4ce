// The built-in templates, loaded (and checked) once on first use.
import { loadTemplate, type Template } from "../model/load";
import type { TemplateInput } from "../model/schema";
import { quarterlyActivity } from "./quarterly-activity";
import { clusterEmulation } from "./cluster-emulation";
import { annualPlan } from "./annual-plan";
import { implementationReview } from "./implementation-review";
import { midtermReview } from "./midterm-review";

// In the order of the report kinds in DOMAIN.md: periodic reports first, then plans and reviews.
const DEFINITIONS: TemplateInput[] = [
  quarterlyActivity,
  clusterEmulation,
  annualPlan,
  implementationReview,
  midtermReview,
];

let cache: Template[] | null = null;

export function builtInTemplates(): Template[] {
  cache ??= DEFINITIONS.map((d) => loadTemplate(d));
  return cache;
}

export function findTemplate(id: string): Template | undefined {
  return builtInTemplates().find((t) => t.id === id);
}

export function templateIds(): string[] {
  return DEFINITIONS.map((d) => d.id);
}
