// Builds the Word draft from the export inputs: the one function the Web Worker runs and the main
// thread runs when there is no worker, so both give the same bytes. The core builds the document
// (as `baocao export` does), the docx adapter draws it, and the HTML adapter draws the same
// document for "Sao chép bản nháp".
import { draftDocument } from "../../usecases/draft-document";
import type { ReportDocument } from "../../core/document/model";
import { templateForMeta } from "../../core/consolidate/resolve";
import type { Template } from "../../core/model/load";
import { templateFinder } from "../templates/worker-templates";
import { renderDocx } from "../../adapters/docx";
import { renderHtml, renderPlainText } from "../../adapters/html";
import { isTemplateRef, type ExportInputs } from "./export-inputs";

export interface ExportedDraft {
  /** The .docx file. */
  bytes: Uint8Array;
  /** The same draft as HTML and plain text, for the clipboard. */
  html: string;
  text: string;
}

/** Thrown for inputs no draft can be built from (an unknown template, settings out of range). */
export class ExportInputError extends Error {
  override readonly name = "ExportInputError";
}

function templateOf(inputs: ExportInputs): Template {
  const t = inputs.template;
  if (!isTemplateRef(t)) return t;
  const found = templateFinder(t.file ? [t.file] : [])(t.id);
  if (!found) throw new ExportInputError(`Không có mẫu "${t.id}" trong phiên bản BáoCáo này.`);
  return templateForMeta(found, { consolidated: t.consolidated });
}

/** The draft's model, exactly as `baocao export` builds it (the use case src/usecases/export.ts). */
export function buildDraftDocument(inputs: ExportInputs): ReportDocument {
  const template = templateOf(inputs);
  const built = draftDocument(template, inputs.data, inputs.settings, inputs.locate);
  if (!built.ok) {
    throw new ExportInputError(
      `Cài đặt xuất Word không hợp lệ: ${built.problem.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`
    );
  }
  return built.document;
}

export async function exportDraft(inputs: ExportInputs): Promise<ExportedDraft> {
  const doc = buildDraftDocument(inputs);
  const bytes = await renderDocx(doc);
  return { bytes, html: renderHtml(doc), text: renderPlainText(doc) };
}
