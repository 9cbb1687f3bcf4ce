// readTyped never passes on a value no spreadsheet can hold: a non-finite number (another adapter,
// a formula's cached result) or a cell the xlsx reader marked as storing unreadable text.
import { readTyped } from "../../src/core/data/typed";

const where = { sheet: "I. Kết quả", cell: "C7", indicator: "tt_so_buoi", label: "Số buổi" };

it.each([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
])("a number cell holding %s is an error finding, not a figure", (shown, raw) => {
  for (const type of ["integer", "decimal", "money", "percent", "date"] as const) {
    const r = readTyped(type, raw, where);
    expect(r.value).toBeNull();
    expect(r.findings).toEqual([
      expect.objectContaining({ rule: "unreadable-value", severity: "error", value: shown }),
    ]);
  }
});

it("a stored value the reader could not read is reported with the text the file holds", () => {
  const r = readTyped("integer", { error: "#VALUE!", stored: "12abc" }, where);
  expect(r.value).toBeNull();
  expect(r.findings[0]).toMatchObject({ sheet: "I. Kết quả", cell: "C7", value: "12abc" });
  expect(r.findings[0].message).toBe(
    '"Số buổi" lưu giá trị "12abc" mà Excel không đọc được thành số hay ngày (tệp có thể bị hỏng hoặc do công cụ khác ghi sai). Xoá ô rồi gõ lại số liệu trong Excel.'
  );
  // a plain Excel error is still reported as one
  expect(readTyped("integer", { error: "#DIV/0!" }, where).findings[0].rule).toBe("excel-error");
});
