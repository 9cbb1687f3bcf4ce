// The template to read a workbook with. The installed template (built-in or given by the user)
// of the workbook's id and version wins; else the definition the workbook carries (see
// model/embedded.ts), so a workbook made from a template this reader lacks still works; else,
// for workbooks made before they carried it, the installed template of the same major version.
// A consolidated workbook (meta "consolidated") is read with the consolidated form of its
// template, so validate, dump and the pane work on it unchanged.
import type { WorkbookMeta } from "../data/read";
import type { Template, TemplateIssue } from "../model/load";
import { embeddedFromMeta, type EmbeddedTemplate } from "../model/embedded";
import { consolidatedTemplate } from "./template";

export function templateForMeta(
  template: Template,
  meta: Pick<WorkbookMeta, "consolidated">
): Template {
  return meta.consolidated ? consolidatedTemplate(template) : template;
}

/** Why no template could be found for a workbook; each front end words it. */
export type WorkbookTemplateProblem =
  /** No meta sheet: not made by BáoCáo. */
  | { kind: "notBaoCao" }
  /** Neither installed nor carried by the workbook. */
  | { kind: "unknownTemplate"; templateId: string }
  /** Only another major version is installed, and the workbook carries no definition. */
  | { kind: "incompatible"; templateId: string; version: string; supported: string }
  /** The carried definition was edited by hand (its checksum does not match). */
  | { kind: "editedDefinition"; templateId: string; message: string; sheet: string; cell: string }
  /** The carried definition cannot be loaded here, and nothing installed can stand in. */
  | {
      kind: "invalidDefinition";
      templateId: string;
      message: string;
      issues: TemplateIssue[];
      sheet: string;
      cell: string;
    };

export type WorkbookTemplate =
  | {
      ok: true;
      meta: WorkbookMeta;
      /** The template to read the workbook with (the consolidated form for a consolidation). */
      template: Template;
      /** The template the workbook was made from (what it carries, when it carries one). */
      base: Template;
      /** Where `base` comes from: installed here, or the definition in the workbook. */
      source: "installed" | "embedded";
      /** The installed template of the workbook's id, whatever its version. */
      installed: Template | undefined;
      /** The carried definition; null when it was not needed (the installed one matched). */
      embedded: EmbeddedTemplate | null;
    }
  | { ok: false; meta: WorkbookMeta | null; problem: WorkbookTemplateProblem };

const major = (v: string) => v.split(".")[0];

/** Finds the template of a workbook from its metadata (readMeta); see the rule above. */
export function resolveWorkbookTemplate(
  meta: WorkbookMeta | null,
  find: (id: string) => Template | undefined
): WorkbookTemplate {
  if (!meta) return { ok: false, meta, problem: { kind: "notBaoCao" } };
  const installed = find(meta.templateId);
  const ok = (
    base: Template,
    source: "installed" | "embedded",
    embedded: EmbeddedTemplate | null
  ) =>
    ({
      ok: true,
      meta,
      template: templateForMeta(base, meta),
      base,
      source,
      installed,
      embedded,
    }) as const;
  if (installed && installed.version === meta.templateVersion)
    return ok(installed, "installed", null);
  const embedded = embeddedFromMeta(meta);
  const templateId = meta.templateId;
  if (embedded.status === "ok") return ok(embedded.template, "embedded", embedded);
  if (embedded.status === "edited") {
    const { message, sheet, cell } = embedded;
    return {
      ok: false,
      meta,
      problem: { kind: "editedDefinition", templateId, message, sheet, cell },
    };
  }
  const sameMajor = installed && major(installed.version) === major(meta.templateVersion);
  // A definition this version cannot load (a newer format): the installed template of the same
  // major version reads the workbook, as it did before workbooks carried their template.
  if (sameMajor) return ok(installed, "installed", embedded);
  if (embedded.status === "invalid") {
    const { message, issues, sheet, cell } = embedded;
    return {
      ok: false,
      meta,
      problem: { kind: "invalidDefinition", templateId, message, issues, sheet, cell },
    };
  }
  if (!installed) return { ok: false, meta, problem: { kind: "unknownTemplate", templateId } };
  return {
    ok: false,
    meta,
    problem: {
      kind: "incompatible",
      templateId,
      version: meta.templateVersion,
      supported: installed.version,
    },
  };
}

/**
 * A template finder that falls back to the definitions the given workbooks carried, for a
 * consolidation whose template is not installed: of one id, the version most files use.
 */
export function withCarried(
  find: (id: string) => Template | undefined,
  carried: readonly (Template | null | undefined)[]
): (id: string) => Template | undefined {
  return (id) => {
    const own = find(id);
    if (own) return own;
    const byVersion = new Map<string, { template: Template; n: number }>();
    for (const t of carried) {
      if (!t || t.id !== id) continue;
      const c = byVersion.get(t.version) ?? { template: t, n: 0 };
      byVersion.set(t.version, { template: c.template, n: c.n + 1 });
    }
    let best: { template: Template; n: number } | undefined;
    for (const c of byVersion.values()) if (!best || c.n > best.n) best = c;
    return best?.template;
  };
}
