/** The HTML adapter: draws the core's ReportDocument for the clipboard (pastes into Word). */
export { escapeHtml, renderHtml, renderPlainText } from "./render";
