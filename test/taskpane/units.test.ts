import {
  MAX_UNITS,
  cleanUnitLine,
  parseUnitsText,
  toUnitEntries,
  unitsToText,
} from "../../src/taskpane/logic/units";

test("one unit per line; blank lines, bullets, list punctuation and extra spaces are dropped", () => {
  const text = [
    "LĐLĐ huyện Tam Đường",
    "",
    "  - LĐLĐ   huyện Phong Thổ;",
    "• CĐ Viên chức tỉnh,",
    "CĐ ngành Giáo dục.",
    "   ",
  ].join("\r\n");
  expect(parseUnitsText(text)).toEqual({
    names: [
      "LĐLĐ huyện Tam Đường",
      "LĐLĐ huyện Phong Thổ",
      "CĐ Viên chức tỉnh",
      "CĐ ngành Giáo dục",
    ],
    errors: [],
  });
});

test("names are NFC: a decomposed paste equals the typed name", () => {
  const decomposed = "Lai Châu".normalize("NFD");
  expect(cleanUnitLine(decomposed)).toBe("Lai Châu");
  expect(parseUnitsText(`Lai Châu\n${decomposed}`).errors).toEqual([
    { kind: "duplicate", name: "Lai Châu", first: 1, line: 2 },
  ]);
});

test("duplicates are found whatever the case, with both line numbers", () => {
  const r = parseUnitsText("Lai Châu\nCao Bằng\nlai châu\nLAI CHÂU");
  expect(r.names).toEqual(["Lai Châu", "Cao Bằng"]);
  expect(r.errors).toEqual([
    { kind: "duplicate", name: "lai châu", first: 1, line: 3 },
    { kind: "duplicate", name: "LAI CHÂU", first: 1, line: 4 },
  ]);
});

test("at most 2000 units", () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `CĐCS số ${i + 1}`).join("\n");
  expect(parseUnitsText(lines(MAX_UNITS)).errors).toEqual([]);
  expect(parseUnitsText(lines(MAX_UNITS + 1)).errors).toEqual([
    { kind: "tooMany", count: MAX_UNITS + 1 },
  ]);
});

test("a pasted paragraph is too long for a unit name", () => {
  expect(parseUnitsText(`Sơn La\n${"x".repeat(201)}`).errors).toEqual([
    { kind: "tooLong", line: 2 },
  ]);
});

test("units keep the parent the template gives them; the text round-trips", () => {
  const defaults = [
    { name: "LĐLĐ huyện Tam Đường", parent: "LĐLĐ tỉnh Lai Châu" },
    { name: "CĐ Viên chức tỉnh", parent: null },
  ];
  expect(toUnitEntries(["lđlđ huyện tam đường", "Mới"], defaults)).toEqual([
    { name: "lđlđ huyện tam đường", parent: "LĐLĐ tỉnh Lai Châu", values: {} },
    { name: "Mới", parent: null, values: {} },
  ]);
  expect(parseUnitsText(unitsToText(defaults)).names).toEqual(defaults.map((d) => d.name));
});
