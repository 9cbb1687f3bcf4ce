import fc from "fast-check";
import {
  excelSerialToIso,
  formatDocumentDate,
  formatShortDate,
  isValidIsoDate,
  isoToExcelSerial,
  parseIsoDate,
} from "../../src/core/period";

describe("formatDocumentDate", () => {
  it.each([
    ["Lai Châu", "2024-03-08", "Lai Châu, ngày 08 tháng 3 năm 2024"], // seed 002
    ["Lai Châu", "2023-07-24", "Lai Châu, ngày 24 tháng 7 năm 2023"], // seed 001
    ["Lai Châu", "2022-01-10", "Lai Châu, ngày 10 tháng 01 năm 2022"], // seed 003
    ["Bắc Giang", "2024-02-05", "Bắc Giang, ngày 05 tháng 02 năm 2024"],
    ["Hà Nội", "2021-11-11", "Hà Nội, ngày 11 tháng 11 năm 2021"],
    [" Lai Châu ", "2024-12-01", "Lai Châu, ngày 01 tháng 12 năm 2024"],
    ["", "2024-03-08", "ngày 08 tháng 3 năm 2024"],
  ])("%p %p → %p", (place, iso, expected) => {
    expect(formatDocumentDate(place, iso)).toBe(expected);
  });

  it("refuses a date that does not exist", () => {
    expect(() => formatDocumentDate("Lai Châu", "2023-02-29")).toThrow(RangeError);
    expect(() => formatShortDate("8/3/2024")).toThrow(RangeError);
  });
});

describe("formatShortDate (as dates are cited in the seeds' text)", () => {
  it.each([
    ["2021-06-12", "12/6/2021"],
    ["2021-08-04", "04/8/2021"],
    ["2021-03-03", "03/3/2021"],
    ["2022-02-15", "15/02/2022"],
    ["2022-01-17", "17/01/2022"],
    ["2024-03-08", "08/3/2024"],
    ["2013-12-12", "12/12/2013"],
    ["2021-10-28", "28/10/2021"],
  ])("%p → %p", (iso, expected) => {
    expect(formatShortDate(iso)).toBe(expected);
  });
});

describe("ISO dates", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-3-8", false],
    ["2024-03-08T00:00", false],
    ["", false],
  ])("%p valid: %p", (iso, valid) => {
    expect(isValidIsoDate(iso)).toBe(valid);
  });

  it("parses into parts", () => {
    expect(parseIsoDate("2024-03-08")).toEqual({ year: 2024, month: 3, day: 8 });
  });
});

describe("Excel serial dates (1900 system)", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-02-29", 60], // Excel's phantom leap day
    ["1900-03-01", 61],
    ["2000-01-01", 36526],
    ["2024-03-08", 45359],
    ["2024-12-31", 45657],
    ["9999-12-31", 2958465],
  ])("%p ↔ %p", (iso, serial) => {
    expect(isoToExcelSerial(iso)).toBe(serial);
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it("drops the time of day", () => {
    expect(excelSerialToIso(45359.999)).toBe("2024-03-08");
    expect(excelSerialToIso(45359.5)).toBe("2024-03-08");
  });

  it.each([0, 0.5, -1, 2958466, NaN, Infinity])("serial %p is not a date", (serial) => {
    expect(excelSerialToIso(serial)).toBeNull();
  });

  it.each(["1899-12-31", "2023-02-29", "bad"])("%p has no serial", (iso) => {
    expect(isoToExcelSerial(iso)).toBeNull();
  });

  it("round-trips every serial from 1 to 9999-12-31", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial);
        expect(iso).not.toBeNull();
        expect(isoToExcelSerial(iso ?? "")).toBe(serial);
      }),
      { numRuns: 3000 }
    );
  });

  it("consecutive serials are consecutive days after 1900-03-01", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        const today = new Date(`${excelSerialToIso(serial)}T00:00:00Z`);
        const tomorrow = new Date(`${excelSerialToIso(serial + 1)}T00:00:00Z`);
        expect(tomorrow.getTime() - today.getTime()).toBe(86_400_000);
      })
    );
  });
});
