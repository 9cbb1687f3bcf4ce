// The ratchet over the drafts' prose hits (test/prose/known-hits.json): today's drafts have many
// hits; the list holds them, the tests fail on any hit not listed (a new defect) and on any
// listed hit that no longer occurs (so the list only shrinks: delete the entry, or run the test
// with PROSE_KNOWN_HITS=shrink or =rewrite, see updateKnownHits; new hits are never written).
import * as fs from "node:fs";
import * as path from "node:path";
import { checkProse, PATTERNS, type PatternId, type ProseDraft } from "./prose-check";

export const KNOWN_HITS_FILE = path.resolve(__dirname, "../prose/known-hits.json");

/** draft → pattern → snippets (a snippet listed twice is two hits). */
export type KnownHits = Record<string, Partial<Record<PatternId, string[]>>>;

export function readKnownHits(): KnownHits {
  return JSON.parse(fs.readFileSync(KNOWN_HITS_FILE, "utf8")) as KnownHits;
}

export function hitsOf(drafts: readonly ProseDraft[]): KnownHits {
  const out: KnownHits = {};
  for (const d of drafts) {
    const byPattern: Partial<Record<PatternId, string[]>> = {};
    for (const h of checkProse(d)) (byPattern[h.pattern] ??= []).push(h.snippet);
    for (const list of Object.values(byPattern)) list.sort();
    out[d.name] = byPattern;
  }
  return out;
}

export interface RatchetResult {
  /** "draft · pattern · snippet" of hits not in the list. */
  added: string[];
  /** Listed hits that no longer occur. */
  gone: string[];
  /** Hits per pattern over these drafts. */
  perPattern: Record<PatternId, number>;
}

function multiset(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

export function compareWithKnown(now: KnownHits, known: KnownHits): RatchetResult {
  const added: string[] = [];
  const gone: string[] = [];
  const perPattern = Object.fromEntries(PATTERNS.map((p) => [p.id, 0])) as Record<
    PatternId,
    number
  >;
  for (const [draft, byPattern] of Object.entries(now))
    for (const p of PATTERNS) {
      const cur = multiset(byPattern[p.id] ?? []);
      const was = multiset(known[draft]?.[p.id] ?? []);
      perPattern[p.id] += byPattern[p.id]?.length ?? 0;
      for (const [s, n] of cur)
        for (let k = was.get(s) ?? 0; k < n; k++) added.push(`${draft} · ${p.id} · ${s}`);
      for (const [s, n] of was)
        for (let k = cur.get(s) ?? 0; k < n; k++) gone.push(`${draft} · ${p.id} · ${s}`);
    }
  return { added, gone, perPattern };
}

/**
 * Updates the list from these drafts, never letting it grow:
 * - PROSE_KNOWN_HITS=shrink drops the listed hits that no longer occur;
 * - PROSE_KNOWN_HITS=rewrite replaces the drafts' entries with today's hits when no draft has more
 *   hits of any pattern than listed (for reworded text whose snippets changed); otherwise it writes
 *   nothing and the test fails on the new hits.
 */
export function updateKnownHits(now: KnownHits): void {
  const mode = process.env.PROSE_KNOWN_HITS;
  if (mode !== "shrink" && mode !== "rewrite") return;
  const known = readKnownHits();
  if (mode === "rewrite") {
    const grows = Object.entries(now).some(([draft, byPattern]) =>
      PATTERNS.some((p) => (byPattern[p.id]?.length ?? 0) > (known[draft]?.[p.id]?.length ?? 0))
    );
    if (grows) return;
    for (const [draft, byPattern] of Object.entries(now)) known[draft] = byPattern;
  } else
    for (const [draft, byPattern] of Object.entries(known)) {
      if (!now[draft]) continue;
      for (const p of Object.keys(byPattern) as PatternId[]) {
        const cur = multiset(now[draft][p] ?? []);
        const kept = (byPattern[p] ?? []).filter((s) => {
          const n = cur.get(s) ?? 0;
          if (n === 0) return false;
          cur.set(s, n - 1);
          return true;
        });
        if (kept.length > 0) byPattern[p] = kept;
        else delete byPattern[p];
      }
    }
  fs.writeFileSync(KNOWN_HITS_FILE, `${JSON.stringify(known, null, 1)}\n`);
}

export function report(group: string, drafts: number, r: RatchetResult): string {
  const total = Object.values(r.perPattern).reduce((a, b) => a + b, 0);
  return (
    `prose hits on ${group} (${drafts} drafts): ${total}\n` +
    Object.entries(r.perPattern)
      .map(([p, n]) => `  ${p}: ${n}`)
      .join("\n")
  );
}
