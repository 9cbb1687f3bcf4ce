import { periodLabel, PERIOD_KINDS } from "../../src/core/period";
import {
  defaultPickerState,
  fieldsOf,
  pickerCode,
  resolvePicker,
  stateFromPeriod,
  withKind,
  type PeriodPickerState,
} from "../../src/taskpane/logic/period-picker";

const base: PeriodPickerState = {
  kind: "quarter",
  year: "2024",
  quarter: 1,
  half: 1,
  startYear: "2021",
  endYear: "2024",
};

function resolved(s: Partial<PeriodPickerState>) {
  const r = resolvePicker({ ...base, ...s });
  if (!r.ok) throw new Error(`not a period: ${JSON.stringify(r)}`);
  return {
    code: r.period.text,
    vi: periodLabel(r.period),
    en: periodLabel(r.period, { lang: "en" }),
  };
}

test.each([
  [{ kind: "quarter", quarter: 1 }, "2024-Q1", "quý I/2024", "Q1 2024"],
  [{ kind: "quarter", quarter: 4 }, "2024-Q4", "quý IV/2024", "Q4 2024"],
  [{ kind: "half", half: 1 }, "2024-H1", "6 tháng đầu năm 2024", "first half of 2024"],
  [{ kind: "half", half: 2 }, "2024-H2", "6 tháng cuối năm 2024", "second half of 2024"],
  [{ kind: "nineMonths" }, "2024-M9", "9 tháng đầu năm 2024", "first nine months of 2024"],
  [{ kind: "year" }, "2024", "năm 2024", "year 2024"],
  [{ kind: "multiYear" }, "2021-2024", "giai đoạn 2021 - 2024", "period 2021–2024"],
  [
    { kind: "midTerm", startYear: "2023", endYear: "2028" },
    "2023-2028",
    "nửa nhiệm kỳ 2023 - 2028",
    "first half of the 2023–2028 term",
  ],
  [
    { kind: "term", startYear: "2023", endYear: "2028" },
    "2023-2028",
    "nhiệm kỳ 2023 - 2028",
    "2023–2028 term",
  ],
] as [Partial<PeriodPickerState>, string, string, string][])(
  "%o → %s (%s)",
  (state, code, vi, en) => {
    expect(resolved(state)).toEqual({ code, vi, en });
    expect(pickerCode({ ...base, ...state })).toBe(code);
  }
);

test("each kind shows the fields it needs", () => {
  expect(fieldsOf("quarter")).toEqual(["quarter", "year"]);
  expect(fieldsOf("half")).toEqual(["half", "year"]);
  expect(fieldsOf("nineMonths")).toEqual(["year"]);
  expect(fieldsOf("year")).toEqual(["year"]);
  for (const k of ["multiYear", "midTerm", "term"] as const)
    expect(fieldsOf(k)).toEqual(["startYear", "endYear"]);
});

test("years are checked: four digits within the core's range, ranges go forward", () => {
  expect(resolvePicker({ ...base, year: "" })).toEqual({
    ok: false,
    error: "yearRange",
    field: "year",
  });
  expect(resolvePicker({ ...base, year: "24" })).toEqual({
    ok: false,
    error: "yearRange",
    field: "year",
  });
  expect(resolvePicker({ ...base, year: "1899" })).toEqual({
    ok: false,
    error: "yearRange",
    field: "year",
  });
  expect(resolvePicker({ ...base, year: "2024.5" })).toEqual({
    ok: false,
    error: "yearRange",
    field: "year",
  });
  expect(resolvePicker({ ...base, year: " 2024 " }).ok).toBe(true);
  expect(resolvePicker({ ...base, kind: "term", startYear: "2028", endYear: "2023" })).toEqual({
    ok: false,
    error: "rangeOrder",
    field: "endYear",
  });
  expect(
    resolvePicker({ ...base, kind: "multiYear", startYear: "2024", endYear: "2024" })
  ).toMatchObject({
    error: "rangeOrder",
  });
  expect(resolvePicker({ ...base, kind: "multiYear", startYear: "x" })).toMatchObject({
    field: "startYear",
  });
});

test("defaults: the template's first kind, around today (current quarter and half, current term)", () => {
  const today = new Date(2024, 2, 8); // 8 March 2024, the date of seed 002
  expect(resolved(defaultPickerState(["quarter", "half", "year"], today)).code).toBe("2024-Q1");
  expect(resolved({ ...defaultPickerState(["half"], new Date(2024, 6, 1)) }).code).toBe("2024-H2");
  expect(resolved(defaultPickerState(["year"], today)).code).toBe("2024");
  expect(resolved(defaultPickerState(["multiYear"], today)).code).toBe("2021-2024");
  expect(resolved(defaultPickerState(["midTerm"], new Date(2025, 5, 1))).code).toBe("2023-2028");
  expect(resolved(defaultPickerState(["term"], new Date(2029, 0, 1))).code).toBe("2028-2033");
});

test("switching kind keeps the chosen year", () => {
  const s = { ...base, year: "2022" };
  expect(resolved(withKind(s, "year")).code).toBe("2022");
  expect(resolved(withKind(s, "multiYear")).code).toBe("2019-2022");
  expect(resolved(withKind(s, "term")).code).toBe("2018-2023");
  expect(resolved(withKind(withKind(s, "multiYear"), "year")).code).toBe("2022");
  expect(withKind(s, "quarter")).toBe(s);
});

test("a period round-trips through the picker state", () => {
  for (const kind of PERIOD_KINDS) {
    const first = resolvePicker({ ...base, kind, startYear: "2023", endYear: "2028" });
    if (!first.ok) throw new Error(kind);
    const again = resolvePicker(stateFromPeriod(first.period));
    expect(again).toEqual(first);
  }
});
