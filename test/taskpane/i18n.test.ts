import { CATALOGS, languageFromTag, localeOf } from "../../src/taskpane/i18n";
import { en } from "../../src/taskpane/i18n/en";
import { vi } from "../../src/taskpane/i18n/vi";

type Node = string | ((...args: never[]) => string) | { [k: string]: Node };

/** Every leaf of a catalog: "app.modeHosted" → string or function. */
function leaves(node: Node, prefix = ""): Map<string, string | ((...args: never[]) => string)> {
  const out = new Map<string, string | ((...args: never[]) => string)>();
  for (const [k, v] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "object") for (const [kk, vv] of leaves(v as Node, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

/** Calls a message function with sample arguments (numbers and text both render in a template). */
function render(key: string, v: string | ((...args: never[]) => string)): string {
  if (typeof v === "string") return v;
  const args: unknown[] =
    key === "result.sheets" || key === "result.sheetsMore"
      ? [7, ["Thông tin chung", "I. Kết quả"], 5]
      : key === "targets.summaryDetail"
        ? [{ notMet: 7, noData: 7, noLevel: 7, manual: 7 }]
        : Array(v.length).fill(7);
  return (v as unknown as (...a: unknown[]) => string)(...args);
}

const viLeaves = leaves(vi as unknown as Node);
const enLeaves = leaves(en as unknown as Node);

test("the English catalog has exactly the Vietnamese catalog's keys", () => {
  expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
});

test("messages have the same kind (text or function) and arity in both languages", () => {
  for (const [key, v] of viLeaves) {
    const e = enLeaves.get(key)!;
    expect({ key, type: typeof e }).toEqual({ key, type: typeof v });
    if (typeof v === "function" && typeof e === "function")
      expect({ key, arity: e.length }).toEqual({ key, arity: v.length });
  }
});

test("no message is empty, and Vietnamese text is in NFC (precomposed diacritics)", () => {
  for (const [lang, map] of [
    ["vi", viLeaves],
    ["en", enLeaves],
  ] as const) {
    for (const [key, v] of map) {
      const text = render(key, v);
      expect({ lang, key, empty: text.trim() === "" }).toEqual({ lang, key, empty: false });
      expect({ lang, key, nfc: text === text.normalize("NFC") }).toEqual({ lang, key, nfc: true });
    }
  }
});

test("the Vietnamese catalog is Vietnamese: domain terms with their diacritics", () => {
  expect(vi.app.modeHosted).toBe("Đang làm việc trong Excel");
  expect(vi.app.modePreview).toBe("Chế độ xem trước (không có Excel)");
  expect(vi.tabs.templates).toBe("Mẫu báo cáo");
  expect(vi.form.insert).toBe("Chèn mẫu vào sổ tính");
  expect(vi.form.create).toBe("Tạo sổ tính");
  expect(vi.form.remove).toBe("Gỡ mẫu khỏi sổ tính");
  expect(vi.form.sample).toBe("Điền dữ liệu mẫu (để dùng thử)");
  expect(vi.form.issuingBody).toBe("Cơ quan ban hành");
  expect(vi.units.label).toBe("Danh sách đơn vị");
  expect(vi.period.legend).toBe("Kỳ báo cáo");
  expect(vi.period.title).toBe("Trích yếu");
  expect(vi.preview.open).toBe("Mở tệp .xlsx");
  expect(vi.preview.download).toBe("Tải xuống");
  expect(vi.result.renamed("Đơn vị", "Đơn vị (2)")).toBe(
    'Trang "Đơn vị" đã có nên mẫu dùng tên "Đơn vị (2)".'
  );
  expect(vi.result.skipped.dataValidation).toBe(
    "Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (cần ExcelApi 1.8): các ô vẫn được tô màu nhưng không có thông báo nhập liệu."
  );
  expect(Object.values(vi.period.kinds)).toEqual([
    "Quý",
    "6 tháng",
    "9 tháng",
    "Năm",
    "Giai đoạn",
    "Nửa nhiệm kỳ",
    "Nhiệm kỳ",
    "Mốc số liệu",
  ]);
});

test("display language picks the catalog: en-* is English, everything else Vietnamese", () => {
  expect(languageFromTag("en-US")).toBe("en");
  expect(languageFromTag("en")).toBe("en");
  expect(languageFromTag("EN-gb")).toBe("en");
  expect(languageFromTag("vi-VN")).toBe("vi");
  expect(languageFromTag("fr-FR")).toBe("vi");
  expect(languageFromTag("")).toBe("vi");
  expect(languageFromTag(undefined)).toBe("vi");
  expect(languageFromTag("english")).toBe("vi");
  expect(CATALOGS.en).toBe(en);
  expect(localeOf("vi")).toBe("vi-VN");
});

test("the Kiểm tra tab says what `baocao validate` says, in both languages", () => {
  expect(vi.tabs.checks).toBe("Kiểm tra");
  expect(vi.checks.run).toBe("Kiểm tra");
  expect(vi.checks.clear).toBe("Xoá đánh dấu");
  expect(vi.checks.previous.label).toBe("So sánh với kỳ trước");
  expect(vi.checks.list.errorsOnly).toBe("Chỉ hiện lỗi");
  expect(vi.checks.list.general).toBe("Chung");
  expect(vi.checks.status.ready).toBe("Sẵn sàng gửi: không có lỗi");
  expect(vi.checks.status.notReady(1234)).toBe("Chưa sẵn sàng: 1.234 lỗi phải sửa");
  expect(vi.checks.counts.warnings(2)).toBe("2 lưu ý");
  expect(en.tabs.checks).toBe("Check");
  expect(en.checks.status.notReady(1)).toBe("Not ready: 1 error to fix");
  expect(en.checks.counts.errors(1234)).toBe("1,234 errors");
  expect(en.checks.counts.errors(1)).toBe("1 error");
});

/** Renders a message whatever its parameters (numbers, text or lists). */
function renderAny(key: string, v: string | ((...args: never[]) => string)): string {
  try {
    return render(key, v);
  } catch {
    const f = v as unknown as (...a: unknown[]) => string;
    return f(...Array<unknown>(f.length).fill(["7"]));
  }
}

test("no message shows the add-in's internals: hidden sheet, cell names, name counts", () => {
  for (const [lang, map] of [
    ["vi", viLeaves],
    ["en", enLeaves],
  ] as const) {
    for (const [key, v] of map) {
      // Debug lines are shown only with ?debug, to developers.
      if (key.includes("debug")) continue;
      const text = renderAny(key, v);
      const internal = /_BaoCao|BCG?_|defined name|tên vùng/i.exec(text)?.[0] ?? null;
      expect({ lang, key, internal }).toEqual({ lang, key, internal: null });
    }
  }
});

test("the English catalog has no Vietnamese outside quoted names and documented examples", () => {
  // Vietnamese on purpose: the language switch names its target language; the issuing-body hints
  // show what a Vietnamese document's heading looks like.
  const examples = new Set([
    "app.switchLanguage",
    "form.issuingBodyHint",
    "form.issuingBodyPlaceholder",
    "consolidate.options.issuerHint",
  ]);
  const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
  for (const [key, v] of enLeaves) {
    if (examples.has(key)) continue;
    // Sheet, column and button names are quoted ("Chỉ tiêu"); glosses and samples of the
    // Vietnamese draft's wording are in parentheses.
    const rest = renderAny(key, v)
      .replace(/"[^"]*"/g, "")
      .replace(/\([^)]*\)/g, "")
      .replace(/BáoCáo/g, "");
    expect({ key, vietnamese: vietnamese.exec(rest)?.[0] ?? null }).toEqual({
      key,
      vietnamese: null,
    });
  }
});
