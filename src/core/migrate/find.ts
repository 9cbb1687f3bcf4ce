// The one place that finds the template of an older workbook: its own version, exactly, so the
// workbook is read with the layout that made it before its data is carried into a newer version.
import type { Template } from "../model/load";
import type { WorkbookSnapshot } from "../data/snapshot";
import { embeddedTemplate as carriedDefinition } from "../model/embedded";

export interface TemplateSources {
  /** Templates by id: the built-ins, a --template-file, the pane's list. */
  find?: (id: string) => Template | undefined;
  /** More templates to look through (migrate's --to file, …). */
  others?: readonly (Template | null | undefined)[];
}

/** The template definition a workbook carries inside it (model/embedded.ts), once checked. */
export function embeddedTemplate(snapshot: WorkbookSnapshot): Template | null {
  const carried = carriedDefinition(snapshot);
  return carried.status === "ok" ? carried.template : null;
}

/**
 * The template `id` at exactly `version`: the one the workbook carries, else one of the sources
 * whose version matches. Null when none is at hand (the caller then reads by defined names, or
 * asks for the template file).
 */
export function findTemplateVersion(
  id: string,
  version: string,
  sources: TemplateSources,
  snapshot?: WorkbookSnapshot
): Template | null {
  const embedded = snapshot ? embeddedTemplate(snapshot) : null;
  const candidates = [embedded, sources.find?.(id), ...(sources.others ?? [])];
  for (const t of candidates) if (t && t.id === id && t.version === version) return t;
  return null;
}
