// The pane's one list of templates: the built-in ones, the office-wide ones (a `templates/` folder
// next to the deployed add-in) and the user's own ("Mẫu của đơn vị", imported from a file). The
// gallery, the checks, the targets, the preview, the export and the consolidation all find
// templates here, so a template the user added works in every tab. A template of an id already
// listed shadows it (user over office over built-in), as --template-file does in the CLI, and says
// which one it replaces.
import type { Template } from "../../core/model/load";
import type { TemplateFileInput } from "../../core/model/template-file";

export type TemplateOrigin = "builtIn" | "office" | "user";

/** A template that is not built in, with the file it was loaded from (what workers are sent). */
export interface TemplateFileEntry {
  template: Template;
  /** The template file (templateContract form), loadable by loadTemplateFile in a worker. */
  file: TemplateFileInput;
  /** The file's name as the user or the office index gave it. */
  name: string;
}

export interface ListedTemplate {
  template: Template;
  origin: TemplateOrigin;
  /** Null for a built-in template (every thread has those). */
  file: TemplateFileInput | null;
  name: string | null;
  /** The template of the same id this one replaces, if any. */
  shadows: { origin: TemplateOrigin; version: string } | null;
}

export interface TemplateList {
  /** One entry per id, built-in ones first, in the order each origin lists them. */
  readonly entries: readonly ListedTemplate[];
  readonly templates: readonly Template[];
  find(id: string): Template | undefined;
  entry(id: string): ListedTemplate | undefined;
  /** The file of a template that is not built in (null for built-in and unknown ids). */
  fileOf(id: string): TemplateFileInput | null;
  /** The files of every template that is not built in: what a consolidation worker is sent. */
  files(): TemplateFileInput[];
}

export function buildTemplateList(
  builtIns: readonly Template[],
  office: readonly TemplateFileEntry[] = [],
  user: readonly TemplateFileEntry[] = []
): TemplateList {
  const byId = new Map<string, ListedTemplate>();
  const order: string[] = [];
  const add = (e: ListedTemplate) => {
    const before = byId.get(e.template.id);
    if (!before) order.push(e.template.id);
    byId.set(e.template.id, {
      ...e,
      shadows: before ? { origin: before.origin, version: before.template.version } : null,
    });
  };
  for (const t of builtIns)
    add({ template: t, origin: "builtIn", file: null, name: null, shadows: null });
  for (const f of office) add({ ...f, origin: "office", shadows: null });
  for (const f of user) add({ ...f, origin: "user", shadows: null });
  const entries = order.map((id) => byId.get(id)!);
  return {
    entries,
    templates: entries.map((e) => e.template),
    find: (id) => byId.get(id)?.template,
    entry: (id) => byId.get(id),
    fileOf: (id) => byId.get(id)?.file ?? null,
    files: () => entries.flatMap((e) => (e.file ? [e.file] : [])),
  };
}
