// Every draft under the prose judge (issue 9, Acceptance 1): the five samples, generated data with
// random figures, zeros and blanks for every template, consolidated drafts of 7 and 300 units.
// Today they have many hits: test/prose/known-hits.json lists them, and this test is a ratchet:
// it fails on a hit not listed and on a listed hit that is gone (see test/support/prose-ratchet.ts).
import { consolidatedDrafts, randomDrafts, sampleDrafts } from "../support/prose-drafts";
import type { ProseDraft } from "../support/prose-check";
import {
  compareWithKnown,
  hitsOf,
  readKnownHits,
  report,
  updateKnownHits,
} from "../support/prose-ratchet";

function ratchet(group: string, prefix: string, drafts: ProseDraft[]): void {
  const now = hitsOf(drafts);
  updateKnownHits(now);
  const known = readKnownHits();
  const r = compareWithKnown(now, known);
  console.log(report(group, drafts.length, r));
  // New defects, one line each: "draft · pattern · snippet".
  expect(r.added).toEqual([]);
  // Fixed defects still listed: delete them from known-hits.json (PROSE_KNOWN_HITS=shrink or rewrite).
  expect(r.gone).toEqual([]);
  // A draft listed but no longer built would keep stale hits forever.
  const names = new Set(drafts.map((d) => d.name));
  expect(Object.keys(known).filter((k) => k.startsWith(prefix) && !names.has(k))).toEqual([]);
}

describe("prose of every draft (ratchet over known-hits.json)", () => {
  it("the five samples", () => {
    const drafts = sampleDrafts().map((s) => s.draft);
    expect(drafts).toHaveLength(5);
    ratchet("the samples", "sample/", drafts);
  });

  it("generated data with random figures, zeros and blanks, three seeds per template", () => {
    const generated = randomDrafts();
    expect(generated).toHaveLength(15);
    // The generator does give zeros and blanks (the defects "0 hội nghị", "0/0" need them).
    const values = generated.flatMap((g) => Object.values(g.data.values));
    expect(values).toContain(0);
    expect(values).toContain(null);
    ratchet(
      "random data",
      "random/",
      generated.map((g) => g.draft)
    );
  });

  it("consolidated drafts of 7 and 300 units", () => {
    const drafts = consolidatedDrafts();
    expect(drafts.map((d) => d.data.units.length)).toEqual([7, 300]);
    for (const d of drafts) expect(d.draft.blocks.length).toBeGreaterThan(30);
    ratchet(
      "consolidated drafts",
      "consolidated/",
      drafts.map((d) => d.draft)
    );
  }, 120000);
});
