/** The Word adapter: draws the core's ReportDocument as a .docx (Node and browser). */
export { renderDocx } from "./render";
export { xmlSafe } from "./xml-safe";
