// The template definition a workbook carries in its hidden meta sheet (layout/meta-sheet.ts): the
// template file as JSON, split over cells, with its SHA-256. Reading it back lets a workbook made
// from a template the reader has not installed be validated, consolidated and exported. A
// definition whose checksum does not match was edited outside BáoCáo and is never used: the
// workbook's cells were laid out by the definition as written, not by the edited one.
import type { WorkbookMeta } from "../data/read";
import { readMeta } from "../data/read";
import type { WorkbookSnapshot } from "../data/snapshot";
import { DEFINITION_FORMAT } from "../layout/meta-sheet";
import { TemplateError, type Template, type TemplateIssue } from "./load";
import { sha256Hex } from "./sha256";
import { loadTemplateFile } from "./template-file";

/** Where the definition is, for messages: the meta sheet and the cell of its first part. */
export interface DefinitionPlace {
  sheet: string;
  cell: string;
}

export type EmbeddedTemplate =
  /** A workbook made before workbooks carried their template (or not a BáoCáo workbook). */
  | { status: "absent" }
  | { status: "ok"; template: Template; checksum: string }
  /** The text no longer matches its checksum (or the checksum is gone): edited by hand. */
  | ({ status: "edited"; message: string } & DefinitionPlace)
  /** Intact but not loadable here: a newer format, or a template this version cannot load. */
  | ({ status: "invalid"; message: string; issues: TemplateIssue[] } & DefinitionPlace);

// Loading a template is far dearer than hashing its text, and a consolidation reads hundreds of
// workbooks of one template: loaded definitions are kept, a few at a time, by their text (the
// engine hashes and compares strings natively), with the checksum that text was found to have.
const loaded = new Map<string, { checksum: string; template: Template }>();
const KEEP = 8;

/** The template definition a workbook carries (see EmbeddedTemplate). */
export function embeddedTemplate(snapshot: WorkbookSnapshot): EmbeddedTemplate {
  return embeddedFromMeta(readMeta(snapshot));
}

/** The same, from metadata already read. */
export function embeddedFromMeta(meta: WorkbookMeta | null): EmbeddedTemplate {
  const d = meta?.definition;
  if (!meta || !d) return { status: "absent" };
  const place: DefinitionPlace = { sheet: d.sheet, cell: d.cell };
  const where = `trang ẩn "${d.sheet}", ô ${d.cell}`;
  if (d.format !== String(DEFINITION_FORMAT)) {
    return {
      status: "invalid",
      ...place,
      issues: [],
      message: `Định nghĩa mẫu lưu trong sổ (${where}) có định dạng ${d.format ?? "(không ghi)"}, phiên bản BáoCáo này chỉ đọc được định dạng ${DEFINITION_FORMAT}: có thể sổ được tạo bằng phiên bản BáoCáo mới hơn.`,
    };
  }
  const expected = d.checksum?.replace(/^sha256:/, "") ?? null;
  const known = loaded.get(d.json);
  const actual = known?.checksum ?? sha256Hex(d.json);
  if (expected !== actual) {
    return {
      status: "edited",
      ...place,
      message: `Định nghĩa mẫu lưu trong sổ (${where}) đã bị sửa ngoài BáoCáo: mã kiểm tra không khớp với nội dung, nên không dùng được định nghĩa này.`,
    };
  }
  if (known) return checkIds(meta, known.template, actual, place, where);
  let raw: unknown;
  try {
    raw = JSON.parse(d.json);
  } catch {
    return {
      status: "invalid",
      ...place,
      issues: [],
      message: `Định nghĩa mẫu lưu trong sổ (${where}) không phải JSON hợp lệ.`,
    };
  }
  let template: Template;
  try {
    template = loadTemplateFile(raw);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    return {
      status: "invalid",
      ...place,
      issues: e.issues,
      message: `Định nghĩa mẫu lưu trong sổ (${where}) có ${e.issues.length} lỗi mà phiên bản BáoCáo này không chấp nhận.`,
    };
  }
  if (loaded.size >= KEEP) loaded.delete(loaded.keys().next().value!);
  loaded.set(d.json, { checksum: actual, template });
  return checkIds(meta, template, actual, place, where);
}

/** The definition must be of the template the meta sheet names (else one of them was edited). */
function checkIds(
  meta: WorkbookMeta,
  template: Template,
  checksum: string,
  place: DefinitionPlace,
  where: string
): EmbeddedTemplate {
  if (template.id === meta.templateId && template.version === meta.templateVersion)
    return { status: "ok", template, checksum };
  return {
    status: "edited",
    ...place,
    message: `Định nghĩa mẫu lưu trong sổ (${where}) là mẫu "${template.id}" phiên bản ${template.version}, nhưng sổ ghi mẫu "${meta.templateId}" phiên bản ${meta.templateVersion}: trang ẩn đã bị sửa ngoài BáoCáo.`,
  };
}
