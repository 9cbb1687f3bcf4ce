// Reading a template the user or the office gives as a file: a template file (.json, as
// `baocao templates --json` prints one) or an authoring workbook (.xlsx, `baocao template export`).
// Every way a file can be wrong comes back as a typed problem the pane words (templates-vi.ts),
// a template's own mistakes at their place in the file, as the CLI lists them. Loaded on first use
// (its zod schemas are not part of what the gallery needs at start).
import { TemplateError, type Template, type TemplateIssue } from "../../core/model/load";
import {
  loadTemplateFile,
  templateToFile,
  type TemplateFileInput,
} from "../../core/model/template-file";

export type UploadProblem =
  /** The template's own mistakes, each at its place (JSON path, or sheet/row/column). */
  | { kind: "issues"; issues: TemplateIssue[] }
  /** Not JSON at all (the parser's words in `detail`). */
  | { kind: "notJson"; detail: string }
  /** A list of several templates (`baocao templates --json` prints every one). */
  | { kind: "list"; count: number }
  /** Neither .json nor .xlsx. */
  | { kind: "fileKind" }
  | { kind: "empty" }
  /** The workbook reader failed for a reason of its own (not a located mistake). */
  | { kind: "unreadable"; detail: string };

export type Upload =
  { ok: true; template: Template; file: TemplateFileInput } | { ok: false; problem: UploadProblem };

function fromError(e: unknown): Upload {
  if (e instanceof TemplateError)
    return { ok: false, problem: { kind: "issues", issues: e.issues } };
  // Issues thrown across a chunk or a worker lose their class: recognise them by their shape.
  const issues = (e as { issues?: unknown } | null)?.issues;
  if (Array.isArray(issues) && issues.every((i) => typeof i?.message === "string"))
    return { ok: false, problem: { kind: "issues", issues: issues as TemplateIssue[] } };
  return {
    ok: false,
    problem: { kind: "unreadable", detail: e instanceof Error ? e.message : String(e) },
  };
}

/** A template file already parsed from JSON (a stored one, or one the office index lists). */
export function parseTemplateJson(raw: unknown): Upload {
  if (Array.isArray(raw) && raw.length !== 1)
    return { ok: false, problem: { kind: "list", count: raw.length } };
  try {
    const template = loadTemplateFile(Array.isArray(raw) ? raw[0] : raw);
    // Kept as the contract prints it: every field filled in, the same for .json and .xlsx.
    return { ok: true, template, file: templateToFile(template) };
  } catch (e) {
    return fromError(e);
  }
}

/** The text of a file, JSON-parsed; a byte-order mark (Notepad writes one) is allowed. */
export function parseTemplateText(text: string): Upload {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, problem: { kind: "empty" } };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    return { ok: false, problem: { kind: "notJson", detail: e instanceof Error ? e.message : "" } };
  }
  return parseTemplateJson(raw);
}

/**
 * The one entry point for a file the user picked in "Mẫu của đơn vị": .json is read here; .xlsx
 * (an authoring workbook) goes to the authoring reader, loaded only when such a file is picked.
 */
export async function parseTemplateUpload(name: string, bytes: ArrayBuffer): Promise<Upload> {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return parseTemplateText(new TextDecoder("utf-8").decode(bytes));
  if (lower.endsWith(".xlsx")) {
    // THE .xlsx PATH: authoring-workbook.ts is the seam to src/core/authoring's
    // templateFromAuthoringWorkbook(bytes); its located mistakes come back as TemplateError issues.
    try {
      const authoring = await import(/* webpackChunkName: "authoring" */ "./authoring-workbook");
      return parseTemplateJson(await authoring.templateFileFromWorkbook(bytes));
    } catch (e) {
      return fromError(e);
    }
  }
  return { ok: false, problem: { kind: "fileKind" } };
}
