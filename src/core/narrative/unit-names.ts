// Unit names as footnotes write them. The words every unit's name starts with are said once, or
// not at all: "LĐLĐ tỉnh Lai Châu", "LĐLĐ tỉnh Điện Biên" → "LĐLĐ tỉnh: Lai Châu ...; Điện Biên ..."
// (seed 001); "LĐLĐ huyện Tam Đường", "LĐLĐ thành phố Lai Châu" → "huyện Tam Đường", "thành phố
// Lai Châu" under "Trong đó:". One rule for the cluster report and for consolidated workbooks.

export interface ShortNames {
  /** The shared words, "" when the names share none (or only the whole of a name). */
  prefix: string;
  /** Each name without the prefix, in the order given. */
  names: string[];
  /**
   * What the footnote starts with: the prefix when it names the kind of unit (two words or more,
   * "LĐLĐ tỉnh:"), else "Trong đó:" — a lone "LĐLĐ:" before "huyện Tam Đường" reads oddly.
   */
  head: string;
}

/** A word of a proper name ("Tam", "Lai"): upper case then lower case. Abbreviations ("LĐLĐ") are not. */
function properNameWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/**
 * The words all names share at the start, by whole words. After the first word, the prefix stops
 * at a word of a proper name, so "LĐLĐ huyện Tam Đường" and "LĐLĐ huyện Tam Nông" keep "Tam": a
 * place name is never cut in two. A name is never left empty.
 */
export function sharedPrefix(names: readonly string[]): string {
  if (names.length < 2) return "";
  const split = names.map((n) => n.trim().split(/\s+/));
  const shortest = Math.min(...split.map((w) => w.length));
  let k = 0;
  while (
    k < shortest - 1 &&
    split.every((w) => w[k] === split[0][k]) &&
    (k === 0 || !properNameWord(split[0][k]))
  ) {
    k++;
  }
  return split[0].slice(0, k).join(" ");
}

export function shortUnitNames(names: readonly string[]): ShortNames {
  const prefix = sharedPrefix(names);
  const words = prefix ? prefix.split(" ").length : 0;
  return {
    prefix,
    names: names.map((n) => {
      const t = n.trim().replace(/\s+/g, " ");
      return prefix ? t.slice(prefix.length).trim() : t;
    }),
    head: words >= 2 ? `${prefix}:` : "Trong đó:",
  };
}
