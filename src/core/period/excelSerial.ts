/**
 * Excel serial dates, 1900 date system (the default on Windows and in every .xlsx we read).
 * Excel counts 1900-01-01 as 1 and, copying a Lotus 1-2-3 bug, believes 1900 was a leap year:
 * serial 60 is the phantom 1900-02-29 and every later serial is one more than a true day count.
 * So from 1900-03-01 (serial 61) on, serial = days since 1899-12-30; before it, since 1899-12-31.
 */
import { fromDayNumber, parseIsoDate, toDayNumber, toIsoDate } from "./isoDate";

const PHANTOM_SERIAL = 60;
const PHANTOM_ISO = "1900-02-29";
/** 9999-12-31, Excel's last date. */
export const MAX_EXCEL_SERIAL = 2_958_465;

const EPOCH = toDayNumber({ year: 1899, month: 12, day: 30 });

/**
 * '2024-03-08' → 45359. Null for an invalid date or one outside Excel's range
 * (1900-01-01..9999-12-31). "1900-02-29" → 60, Excel's phantom day, so such a cell round-trips.
 */
export function isoToExcelSerial(isoDate: string): number | null {
  if (isoDate === PHANTOM_ISO) {
    return PHANTOM_SERIAL;
  }
  const d = parseIsoDate(isoDate);
  if (!d || d.year < 1900) {
    return null;
  }
  const days = toDayNumber(d) - EPOCH;
  return days > PHANTOM_SERIAL ? days : days - 1;
}

/**
 * 45359 → '2024-03-08'. A time of day (fractional part) is dropped by flooring. Null below 1
 * (Excel's "0 January 1900") or beyond 9999-12-31; 60 → "1900-02-29" as Excel displays it.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) {
    return null;
  }
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL) {
    return null;
  }
  if (whole === PHANTOM_SERIAL) {
    return PHANTOM_ISO;
  }
  const d = fromDayNumber(EPOCH + (whole > PHANTOM_SERIAL ? whole : whole + 1));
  return toIsoDate(d.year, d.month, d.day);
}
