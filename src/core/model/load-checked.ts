// Loading a template from raw input: the zod shape checks first, then load.ts. Kept apart from
// load.ts so that loading an already-checked definition (the pane's built-ins, compiled at build
// time) does not bring zod into the pane's start-up code.
import type { z } from "zod";
import { templateSchema } from "./schema";
import { loadTemplateDefinition, TemplateError, type Template, type TemplateIssue } from "./load";

function formatZodPath(path: ReadonlyArray<PropertyKey>, raw: unknown): string {
  // Show "sections[0](ket_qua).indicators[2](luot_tuyen_truyen).type" so a template author can find it.
  let node: unknown = raw;
  return path
    .map((key) => {
      if (typeof key === "number") {
        node = Array.isArray(node) ? node[key] : undefined;
        const nodeId =
          node && typeof node === "object" && "id" in node
            ? String((node as { id: unknown }).id)
            : "";
        return `[${key}]${nodeId ? `(${nodeId})` : ""}`;
      }
      node =
        node && typeof node === "object"
          ? (node as Record<string, unknown>)[String(key)]
          : undefined;
      return `.${String(key)}`;
    })
    .join("")
    .replace(/^\./, "");
}

export function zodIssues(error: z.ZodError, raw: unknown): TemplateIssue[] {
  return error.issues.map((issue) => ({
    path: formatZodPath(issue.path, raw),
    message: issue.message,
  }));
}

/** Parses and checks a template definition; throws TemplateError listing every problem found. */
export function loadTemplate(raw: unknown): Template {
  const rawId =
    raw && typeof raw === "object" && "id" in raw
      ? String((raw as { id: unknown }).id)
      : "(không có mã)";
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) throw new TemplateError(rawId, zodIssues(parsed.error, raw));
  return loadTemplateDefinition(parsed.data);
}
