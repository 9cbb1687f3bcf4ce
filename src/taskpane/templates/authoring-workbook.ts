// The seam between "Mẫu của đơn vị" and the Excel authoring workbook (`baocao template build`).
// parse-upload.ts loads this module lazily when the user picks an .xlsx file. When
// src/core/authoring lands, this body becomes (and the stub below goes):
//
//   import { templateFromAuthoringWorkbook } from "../../core/authoring";
//   import { templateToFile } from "../../core/model/template-file";
//   export async function templateFileFromWorkbook(bytes: ArrayBuffer): Promise<unknown> {
//     const t = await templateFromAuthoringWorkbook(bytes); // throws TemplateError at sheet/row/column
//     return "allSections" in t ? templateToFile(t) : t;   // a Template, or already a file
//   }
import { TemplateError } from "../../core/model/load";

/** The template file an authoring workbook describes; throws TemplateError with located issues. */
export async function templateFileFromWorkbook(bytes: ArrayBuffer): Promise<unknown> {
  // Stub until the authoring reader is merged (this branch does not have it).
  throw new TemplateError("(sổ soạn mẫu)", [
    {
      path: "",
      message: `sổ soạn mẫu (${bytes.byteLength} byte) chưa đọc được trong bản dựng này; dựng tệp mẫu bằng "baocao template build mau.xlsx -o mau.json" rồi nhập tệp .json`,
    },
  ]);
}
