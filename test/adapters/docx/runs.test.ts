// One run per stretch of text in one format: the narrative builds a sentence from fragments
// ("; ", a unit's name, " ", a figure, " buổi"), and a run each made a consolidation's
// footnotes.xml nearly three times its size. Footnote references and commented figures stay apart.
import { unzipSync } from "fflate";
import { renderDocx } from "../../../src/adapters/docx";
import { findTemplate } from "../../../src/templates";
import { loadSample } from "../../../src/templates/samples";
import {
  buildReportDocument,
  DEFAULT_SETTINGS,
  type DocumentSettings,
} from "../../../src/core/document";
import type { Run } from "../../../src/core/document/model";

const figure = (text: string): Run => ({
  kind: "figure",
  text,
  what: "Số buổi",
  location: null,
  source: { indicator: "tt_so_buoi" },
});

const RUNS: Run[] = [
  { kind: "text", text: "Trong đó: ", bold: false },
  { kind: "text", text: "Công ty số 1", bold: true },
  { kind: "text", text: " " },
  figure("1.192"),
  { kind: "text", text: " buổi" },
  { kind: "text", text: "; " },
  { kind: "footnote", id: 1 },
  { kind: "text", text: "cần ", italic: true },
  { kind: "text", text: "bổ sung", italic: true, highlight: true },
];

/** The runs' texts of the paragraph holding "Trong đó: ", in order. */
async function runTexts(settings: Partial<DocumentSettings> = {}): Promise<string[]> {
  const t = findTemplate("quarterly-activity")!;
  const doc = buildReportDocument(t, loadSample(t.id), {
    settings: { ...DEFAULT_SETTINGS, ...settings },
  });
  doc.body.push({ kind: "paragraph", runs: RUNS });
  if (!doc.footnotes.some((f) => f.id === 1))
    doc.footnotes.push({ id: 1, runs: [{ kind: "text", text: "ghi chú" }] });
  const xml = new TextDecoder().decode(unzipSync(await renderDocx(doc))["word/document.xml"]);
  const p = xml.split("<w:p>").find((x) => x.includes("Trong đó: "))!;
  return [...p.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) =>
    m[1].includes("w:footnoteReference")
      ? "[chú thích]"
      : m[1].includes("w:commentReference")
        ? "[ý kiến]"
        : m[1].replace(/<[^>]+>/g, "")
  );
}

describe("runs in the Word draft", () => {
  it("are joined while the format stays the same", async () => {
    expect(await runTexts()).toEqual([
      "Trong đó: ",
      "Công ty số 1",
      " 1.192 buổi; ",
      "[chú thích]",
      "cần ",
      "bổ sung",
    ]);
  });

  it("keep a figure with its comment on its own", async () => {
    expect(await runTexts({ sources: "comments" })).toEqual([
      "Trong đó: ",
      "Công ty số 1",
      " ",
      "1.192",
      "[ý kiến]",
      " buổi; ",
      "[chú thích]",
      "cần ",
      "bổ sung",
    ]);
  });
});
