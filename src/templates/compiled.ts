// The built-in templates as the pane loads them: the same definitions index.ts checks from the
// template files, compiled ahead of time into builtin.compiled.json (scripts/gen-schema.ts; a test
// keeps it equal to the files), and built without zod, so the schema library stays out of what
// the pane downloads before its gallery is usable. webpack.config.js puts this module in place of
// index.ts for the browser; the CLI and the tests load the files themselves.
import { loadTemplateDefinition, type Template } from "../core/model/load";
import type { TemplateDefinition } from "../core/model/schema";
import compiled from "./builtin.compiled.json";

const DEFINITIONS = compiled as unknown as TemplateDefinition[];

let cache: Template[] | null = null;

export function builtInTemplates(): Template[] {
  cache ??= DEFINITIONS.map((d) => loadTemplateDefinition(d));
  return cache;
}

export function findTemplate(id: string): Template | undefined {
  return builtInTemplates().find((t) => t.id === id);
}

export function templateIds(): string[] {
  return DEFINITIONS.map((d) => d.id);
}

/** The cluster's provinces, in the order the seed document's footnotes list them (its units). */
export const CLUSTER_PROVINCES: string[] =
  DEFINITIONS.find((d) => d.id === "cluster-emulation")?.units?.defaults.map((u) => u.name) ?? [];
