// Hands the .docx to the user through the browser's download (a Blob and an <a download>). Excel on
// Mac runs the pane in a WKWebView that ignores such downloads: see platform.ts and DraftFallback.
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function downloadBytes(
  bytes: Uint8Array,
  fileName: string,
  mime: string,
  doc: Document = document
): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
