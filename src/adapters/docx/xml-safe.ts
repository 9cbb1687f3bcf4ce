// The one place where text enters the .docx: characters XML 1.0 cannot hold (control characters
// other than tab and line breaks, U+FFFE/U+FFFF, lone surrogates) are dropped, so no cell content
// can make Word or LibreOffice refuse the file. Line breaks are the caller's business (they become
// separate paragraphs); any left inside a run become spaces.
// No lookbehind (ES2018): Excel 2019's EdgeHTML webview cannot parse it, and this module is in the
// pane's export chunks. A pair is matched first and kept; a surrogate left alone is dropped.
const INVALID =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID, (m) => (m.length === 2 ? m : "")).replace(/\r\n|\r|\n/g, " ");
}

/** Splits user text into lines (for one paragraph each), then makes each safe. */
export function safeLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map(xmlSafe);
}
