// The built-in templates: template files in ./builtin, read through the same loader as a user's
// --template-file (loadTemplateFile) once their shared indicators are completed from the
// catalogue (catalogue.ts), checked once on first use and then kept. Core never imports
// this module (eslint.config.mjs): its callers pass the templates, or a find function, to core.
import type { Template } from "../core/model/load";
import type { TemplateDefinition } from "../core/model/schema";
import { loadTemplateFile } from "../core/model/template-file";
import { withCatalogue } from "./catalogue";
import quarterlyActivity from "./builtin/quarterly-activity.json";
import clusterEmulation from "./builtin/cluster-emulation.json";
import annualPlan from "./builtin/annual-plan.json";
import implementationReview from "./builtin/implementation-review.json";
import midtermReview from "./builtin/midterm-review.json";

// In the order of the report kinds in DOMAIN.md: periodic reports first, then plans and reviews.
const FILES: { id: string }[] = [
  quarterlyActivity,
  clusterEmulation,
  annualPlan,
  implementationReview,
  midtermReview,
];

let cache: Template[] | null = null;

export function builtInTemplates(): Template[] {
  cache ??= FILES.map((f) => loadTemplateFile(withCatalogue(f)));
  return cache;
}

export function findTemplate(id: string): Template | undefined {
  return builtInTemplates().find((t) => t.id === id);
}

export function templateIds(): string[] {
  return FILES.map((f) => f.id);
}

/**
 * Each built-in's definition as the file loader checks it (defaults filled in, sections nested),
 * in the order of builtInTemplates(): what scripts/gen-schema.ts compiles into
 * builtin.compiled.json for the pane, which loads it without zod (compiled.ts).
 */
export function builtInDefinitions(): TemplateDefinition[] {
  return FILES.map((f) => {
    let definition: TemplateDefinition | undefined;
    loadTemplateFile(withCatalogue(f), (d) => (definition = d));
    return definition!;
  });
}

/**
 * A fresh copy of a built-in template's file, completed from the catalogue (a complete template
 * file, as a user would write one; callers may modify it, e.g. tests).
 */
export function builtInTemplateFile(id: string): Record<string, unknown> & { id: string } {
  const f = FILES.find((x) => x.id === id);
  if (!f) throw new Error(`Không có mẫu có sẵn mã "${id}"`);
  return JSON.parse(JSON.stringify(withCatalogue(f))) as Record<string, unknown> & { id: string };
}

/** The cluster's provinces, in the order the seed document's footnotes list them (its units). */
export const CLUSTER_PROVINCES: string[] = clusterEmulation.units.defaults.map((u) => u.name);
