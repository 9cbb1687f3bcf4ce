// Authoring templates in Excel: the workbook model (book.ts) and building a template file from it
// (build.ts). Pure: the xlsx adapter (src/adapters/xlsx/authoring-workbook.ts) reads and writes it.
export {
  authoringBook,
  type AuthoringBook,
  type BookSheet,
  type BookColumn,
  type CellCheck,
  type Cell,
} from "./book";
export {
  buildTemplateFile,
  problemLines,
  type AuthoringSheet,
  type AuthoringProblem,
  type BuildResult,
} from "./build";
export { SHEET, SHEETS, FIRST_ROW, GUIDE_ROW, HEADER_ROW } from "./sheets";
