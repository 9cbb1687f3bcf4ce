/**
 * Dates as trade-union documents write them. Seeds and Quyết định 933/QĐ-TLĐ agree on one rule
 * for both forms: the day takes a leading zero below 10, the month only for January and
 * February ("ngày 08 tháng 3 năm 2024", "ngày 10 tháng 01 năm 2022", "03/3/2021", "15/02/2022"),
 * so that "1" or "2" cannot later be turned into "11" or "12" by hand.
 */
import { type CalendarDate, parseIsoDate } from "./isoDate";

/** Place and date line of the header: "Lai Châu, ngày 08 tháng 3 năm 2024". */
export function formatDocumentDate(place: string, isoDate: string): string {
  const d = requireDate(isoDate);
  const date = `ngày ${dayText(d)} tháng ${monthText(d)} năm ${d.year}`;
  const trimmed = place.trim();
  return trimmed === "" ? date : `${trimmed}, ${date}`;
}

/** Date inside the text: "08/3/2024", "15/02/2022" (write "ngày " before it yourself). */
export function formatShortDate(isoDate: string): string {
  const d = requireDate(isoDate);
  return `${dayText(d)}/${monthText(d)}/${d.year}`;
}

function dayText(d: CalendarDate): string {
  return String(d.day).padStart(2, "0");
}

function monthText(d: CalendarDate): string {
  return d.month <= 2 ? `0${d.month}` : String(d.month);
}

/** Callers validate user dates first (isValidIsoDate); a bad one here is a programming error. */
function requireDate(isoDate: string): CalendarDate {
  const d = parseIsoDate(isoDate);
  if (!d) {
    throw new RangeError(`not a valid ISO date (YYYY-MM-DD): "${isoDate}"`);
  }
  return d;
}
