// The picker offers the cut-off dates of Mẫu số 1-HĐCĐ / 2-HĐCĐ (31/5, 30/11) as a choice beside the year.
import { periodLabel } from "../../src/core/period";
import {
  defaultPickerState,
  fieldsOf,
  pickerCode,
  resolvePicker,
  stateFromPeriod,
  withKind,
} from "../../src/taskpane/logic/period-picker";

test("a cut-off template shows the cut-off date and the year, and gives its code and label", () => {
  expect(fieldsOf("cutoff")).toEqual(["cutoff", "year"]);
  const june = defaultPickerState(["cutoff"], new Date(2025, 5, 10));
  expect(pickerCode(june)).toBe("2025-05-31");
  const dec = defaultPickerState(["cutoff"], new Date(2025, 11, 2));
  expect(pickerCode(dec)).toBe("2025-11-30");
  const r = resolvePicker(dec);
  expect(r.ok && periodLabel(r.period)).toBe("tính đến ngày 30/11/2025");
  expect(r.ok && stateFromPeriod(r.period)).toMatchObject({
    kind: "cutoff",
    year: "2025",
    half: 2,
  });
});

test("switching to a cut-off keeps the year; a bad year is reported on the year field", () => {
  const s = withKind(defaultPickerState(["year", "cutoff"], new Date(2024, 2, 1)), "cutoff");
  expect(pickerCode(s)).toBe("2024-05-31");
  expect(resolvePicker({ ...s, year: "24" })).toEqual({
    ok: false,
    error: "yearRange",
    field: "year",
  });
});
