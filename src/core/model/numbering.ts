import type { SectionLevel } from "./schema";

/** Section numbers as the documents write them: "I.", "1.", "2.1.", "a)", "PHẦN THỨ NHẤT". */
export function formatSectionNumber(number: string, level: SectionLevel): string {
  if (!number) return "";
  switch (level) {
    case "part":
      return number;
    case "letter":
      return number.endsWith(")") ? number : `${number})`;
    default:
      return number.endsWith(".") ? number : `${number}.`;
  }
}
