// Templates in a worker (Xuất Word, Tổng hợp): a worker cannot see the pane's list, so the pane
// sends the files of the templates that are not built in (templateContract form) and the worker
// loads them here. Each distinct file is loaded once per worker: the worker is kept between jobs,
// and the same Template object keeps its consolidated form (cached by identity in the core).
import type { Template } from "../../core/model/load";
import { loadTemplateFile, type TemplateFileInput } from "../../core/model/template-file";
import { findTemplate } from "../../templates";

const loaded = new Map<string, Template>();

/** Finds a template by id: the files sent first (they shadow built-ins), then the built-ins. */
export function templateFinder(
  files: readonly TemplateFileInput[] | null | undefined
): (id: string) => Template | undefined {
  const own = new Map<string, Template>();
  for (const f of files ?? []) {
    const key = JSON.stringify(f);
    let t = loaded.get(key);
    if (!t) {
      t = loadTemplateFile(f);
      loaded.set(key, t);
    }
    own.set(t.id, t);
  }
  return (id) => own.get(id) ?? findTemplate(id);
}
