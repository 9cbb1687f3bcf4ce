// A consolidation's template after crossing to or from the worker. Structured cloning copies it,
// and the core knows a consolidated template by identity (isConsolidatedTemplate, consolidationMap
// keep a registry of the templates consolidatedTemplate made): a copy would be taken for an
// ordinary template and consolidated a second time. So each side swaps the copy for its own
// catalogue's consolidated template, the one consolidate() chose (the pane passes no other).
// `find` is that side's list: the pane's, or the worker's (built-ins and the files it was sent).
import { consolidatedTemplate, isConsolidatedTemplate } from "../../core/consolidate/template";
import type { Template } from "../../core/model/load";
import { findTemplate } from "../../templates";

export function ownConsolidatedTemplate(
  copy: Template,
  find: (id: string) => Template | undefined = findTemplate
): Template {
  if (isConsolidatedTemplate(copy)) return copy;
  const found = find(copy.id);
  return found ? consolidatedTemplate(found) : copy;
}
