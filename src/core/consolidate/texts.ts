// The consolidated workbook's text cells start with the units' own texts, each paragraph marked by
// its unit ("[LĐLĐ huyện Tam Đường] ..."): material the consolidating body edits into its own
// wording, never lost between the units' files and the draft. A unit's "{mã}" token is replaced by
// the unit's own figure, since in the consolidated workbook the same token names the total.
import type { Template } from "../model/load";
import type { ReportData } from "../data/types";
import { PREAMBLE_KEY } from "../layout/names";
import { figureText } from "../narrative/figure";
import { parseSegments, tokenProblem } from "../narrative/tokens";
import { DEFAULT_SETTINGS } from "../document/settings";
import { bodyUnitName } from "../narrative/unit-names";

/** The unit's text with its tokens made its own figures ("……" where it has none). */
function ownFigures(template: Template, data: ReportData, text: string): string {
  if (!text.includes("{")) return text;
  return parseSegments(text, false)
    .map((s) => {
      if (s.kind === "text") return s.text;
      if (s.kind !== "token" || tokenProblem(template, s) !== null || s.part || s.row) {
        return s.kind === "token" ? "……" : "";
      }
      const ind = template.indicatorById.get(s.id);
      const v = data.values[s.id];
      return ind && typeof v === "number" ? figureText(ind, v, DEFAULT_SETTINGS) : "……";
    })
    .join("");
}

/** Each text slot's paragraphs from every unit that wrote one, in the units' order. */
export function unitTexts(
  template: Template,
  units: { unit: string; data: ReportData }[]
): Record<string, string> {
  const keys = [
    ...(template.preamble ? [PREAMBLE_KEY] : []),
    ...template.allSections.filter((s) => s.text).map((s) => s.id),
  ];
  const out: Record<string, string> = {};
  for (const key of keys) {
    // The same paragraph from several units (a shared model text) is written once, marked with
    // all of them, so 300 units do not make 300 copies.
    const byLine = new Map<string, string[]>();
    for (const u of units) {
      const raw = u.data.texts[key];
      if (!raw?.trim()) continue;
      for (const line of raw.split(/\r\n|\r|\n/)) {
        if (line.trim() === "") continue;
        const own = ownFigures(template, u.data, line.trim());
        byLine.set(own, [...(byLine.get(own) ?? []), u.unit]);
      }
    }
    const lines = [...byLine].map(([line, who]) => `[${unitsMark(who)}] ${line}`);
    if (lines.length > 0) out[key] = lines.join("\n");
  }
  return out;
}

/** "LĐLĐ huyện A", "LĐLĐ huyện A, LĐLĐ huyện B", "LĐLĐ huyện A, LĐLĐ huyện B và 5 đơn vị khác". */
function unitsMark(units: string[]): string {
  const names = units.map(bodyUnitName);
  if (names.length <= 3) return names.join(", ");
  return `${names[0]}, ${names[1]} và ${names.length - 2} đơn vị khác`;
}
