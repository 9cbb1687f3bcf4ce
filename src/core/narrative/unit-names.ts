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

/** Abbreviations kept in capitals when a name typed in capitals is written in body text. */
const ABBREVIATIONS = new Set([
  "LĐLĐ",
  "CĐCS",
  "CĐN",
  "CĐVC",
  "KCN",
  "TLĐ",
  "UBND",
  "HĐND",
  "MTTQ",
  "CNVCLĐ",
  "BHXH",
  "TW",
  "TP",
]);
/** Words after "Công đoàn" that are not the union's own name ("Công đoàn ngành Y tế"). */
const COMMON_AFTER_UNION = new Set(["ngành", "cơ", "cấp", "các", "khu", "tổng"]);
/** Words after which a place's own name follows ("tỉnh Lai Châu", "huyện Tam Đường"). */
const PLACE_WORDS = new Set([
  "tỉnh",
  "huyện",
  "thành phố",
  "phố",
  "thị xã",
  "xã",
  "quận",
  "phường",
]);

/** Words that open a region's name, and the regions ("phía Bắc", "miền Trung"). */
const REGION_BEFORE = new Set(["phía", "miền", "vùng"]);
const REGIONS = new Set(["bắc", "nam", "trung", "đông", "tây"]);

/**
 * A unit name typed in capitals ("CÔNG ĐOÀN VIÊN CHỨC TỈNH", "LĐLĐ HUYỆN TAM ĐƯỜNG") as body text
 * writes it: "Công đoàn viên chức tỉnh", "LĐLĐ huyện Tam Đường". Other names are kept as typed.
 */
export function bodyUnitName(name: string): string {
  const words = name.trim().split(/\s+/);
  const letters = name.replace(/[^\p{L}]/gu, "");
  if (words.length < 2 || letters === "" || letters !== letters.toLocaleUpperCase("vi"))
    return name;
  let afterPlace = false;
  const lowers = words.map((w) => w.toLocaleLowerCase("vi"));
  return words
    .map((w, i) => {
      if (ABBREVIATIONS.has(w)) return w;
      const lower = lowers[i];
      // "Công đoàn Viên chức tỉnh", "Công đoàn Giáo dục": the union's own name after "Công đoàn".
      const unionName =
        i === 2 && lowers[0] === "công" && lowers[1] === "đoàn" && !COMMON_AFTER_UNION.has(lower);
      // "phía Bắc", "miền Trung": a region is named like a place (seed 001: "7 tỉnh biên giới phía Bắc").
      const region = i > 0 && REGION_BEFORE.has(lowers[i - 1]) && REGIONS.has(lower);
      const out =
        i === 0 || afterPlace || unionName || region
          ? lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1)
          : lower;
      // "tỉnh Lai Châu" names a place; "7 tỉnh", "các tỉnh" count places and name none.
      const counted = i > 0 && /^(?:\d+|các|những)$/u.test(lowers[i - 1]);
      afterPlace = afterPlace || (PLACE_WORDS.has(lower) && !counted);
      return out;
    })
    .join(" ");
}

export function shortUnitNames(typed: readonly string[]): ShortNames {
  const names = typed.map(bodyUnitName);
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
