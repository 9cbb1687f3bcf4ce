// Use case "which template made this workbook" (issue 13, item 6): the one place both front ends
// identify a workbook. It returns data, never words: the CLI turns a problem into a Vietnamese
// message and exit code, the pane into its own texts.
import { readMeta, type WorkbookMeta } from "../core/data/read";
import type { WorkbookSnapshot } from "../core/data/snapshot";
import type { Template } from "../core/model/load";
import { resolveWorkbookTemplate, type WorkbookTemplateProblem } from "../core/consolidate/resolve";

/** Finds a template by id; each front end passes its own list (built-ins, files, the user's). */
export type FindTemplate = (id: string) => Template | undefined;

/** Something a front end may tell the user although the workbook was identified. */
export type IdentifyNotice = {
  /** The workbook is read with the definition it carries, not an installed template. */
  kind: "carriedDefinition";
  templateId: string;
  /** The version the workbook was made from. */
  version: string;
  /** The installed template of the same id, when there is one (of another version). */
  installedVersion: string | null;
};

export type IdentifiedWorkbook = {
  ok: true;
  /** The template to read the workbook with (the consolidated form for a consolidation). */
  template: Template;
  meta: WorkbookMeta;
  notice: IdentifyNotice | null;
};

export type IdentifyResult = IdentifiedWorkbook | { ok: false; problem: WorkbookTemplateProblem };

/** The template a workbook was made from, or why it cannot be read (see core/consolidate/resolve). */
export function identifyWorkbook(snapshot: WorkbookSnapshot, find: FindTemplate): IdentifyResult {
  const found = resolveWorkbookTemplate(readMeta(snapshot), find);
  if (!found.ok) return { ok: false, problem: found.problem };
  const notice: IdentifyNotice | null =
    found.source === "embedded"
      ? {
          kind: "carriedDefinition",
          templateId: found.meta.templateId,
          version: found.meta.templateVersion,
          installedVersion: found.installed?.version ?? null,
        }
      : null;
  return { ok: true, template: found.template, meta: found.meta, notice };
}
