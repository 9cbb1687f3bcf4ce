// Integration (LibreOffice): the prose judge reads the five samples' real .docx as LibreOffice
// shows them, footnotes included, so it judges what the user reads rather than the model. One
// soffice run converts all five to XHTML. Ratchet over the same known-hits.json ("docx/<id>").
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderDocx } from "../../src/adapters/docx";
import { draftFromLibreOfficeHtml, type ProseDraft } from "../support/prose-check";
import { sampleDrafts } from "../support/prose-drafts";
import {
  compareWithKnown,
  hitsOf,
  readKnownHits,
  report,
  updateKnownHits,
} from "../support/prose-ratchet";
import { convertWithLibreOffice } from "../support/office-tools";

function toXhtml(files: string[], outDir: string): void {
  // LibreOffice's text export drops footnotes; its XHTML export keeps them.
  convertWithLibreOffice(files, outDir, "html:XHTML Writer File:UTF8");
}

describe("integration: prose of the samples' .docx as LibreOffice shows them", () => {
  it("has only the known hits, and the same footnotes as the model", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baocao-prose-"));
    try {
      const samples = sampleDrafts();
      const files: string[] = [];
      for (const s of samples) {
        const file = path.join(dir, `${s.draft.name.replace("sample/", "")}.docx`);
        fs.writeFileSync(file, await renderDocx(s.doc));
        files.push(file);
      }
      toXhtml(files, dir);
      const drafts: ProseDraft[] = samples.map((s, i) =>
        draftFromLibreOfficeHtml(
          fs.readFileSync(files[i].replace(/\.docx$/, ".html"), "utf8"),
          s.draft.name.replace("sample/", "docx/"),
          s.draft.names
        )
      );
      // LibreOffice shows every footnote of the model, and the body's headings.
      for (const [i, d] of drafts.entries()) {
        expect(d.footnotes).toHaveLength(samples[i].doc.footnotes.length);
        expect(d.blocks.filter((b) => b.kind === "heading").length).toBe(
          samples[i].draft.blocks.filter((b) => b.kind === "heading").length
        );
      }
      const now = hitsOf(drafts);
      updateKnownHits(now);
      const r = compareWithKnown(now, readKnownHits());
      console.log(report("the samples' .docx in LibreOffice", drafts.length, r));
      expect(r.added).toEqual([]);
      expect(r.gone).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180000);
});
