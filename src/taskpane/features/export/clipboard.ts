// "Sao chép bản nháp": the draft on the clipboard as HTML (pastes into Word with headings, tables
// and notes) and plain text. navigator.clipboard.write where the webview allows it; otherwise the
// HTML in an off-screen contenteditable, selected and copied with execCommand("copy"), which older
// webviews (and Safari without a user gesture left) still honour.
export type CopyMethod = "clipboard" | "execCommand";

interface ClipboardLike {
  write?: (items: ClipboardItem[]) => Promise<void>;
}

async function viaClipboardApi(html: string, text: string): Promise<boolean> {
  const clip = (globalThis.navigator as { clipboard?: ClipboardLike } | undefined)?.clipboard;
  if (!clip?.write || typeof ClipboardItem === "undefined") return false;
  try {
    await clip.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

function viaExecCommand(html: string, doc: Document): boolean {
  const box = doc.createElement("div");
  box.contentEditable = "true";
  box.setAttribute("aria-hidden", "true");
  Object.assign(box.style, { position: "fixed", left: "-10000px", top: "0", opacity: "0" });
  // The HTML is the renderer's own output, every piece of text in it escaped (adapters/html); only
  // its body goes in (a <title> would be copied as text).
  box.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  doc.body.appendChild(box);
  const selection = doc.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(box);
  selection?.removeAllRanges();
  selection?.addRange(range);
  let ok = false;
  try {
    ok = doc.execCommand("copy");
  } finally {
    selection?.removeAllRanges();
    box.remove();
  }
  return ok;
}

/** Copies the draft; null when neither way is allowed here. */
export async function copyDraft(
  html: string,
  text: string,
  doc: Document = document
): Promise<CopyMethod | null> {
  if (await viaClipboardApi(html, text)) return "clipboard";
  return viaExecCommand(html, doc) ? "execCommand" : null;
}
