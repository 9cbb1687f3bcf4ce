import { isValidIsoDate } from "./isoDate";
import type { Period } from "./types";

/** True when the ISO date falls inside the period, both ends included; false for a bad date. */
export function isDateInPeriod(isoDate: string, p: Period): boolean {
  // ISO dates with 4-digit years sort as text, so string comparison is date comparison.
  return isValidIsoDate(isoDate) && isoDate >= p.start && isoDate <= p.end;
}
