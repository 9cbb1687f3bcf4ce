// The cover sheet: the document's header fields (who issues it, number, date, period, signer,
// recipients) and the opening paragraph.
import type { HeaderField } from "../model/schema";
import { expandTitle, periodHint } from "../model/title";
import { isoToExcelSerial } from "../period";
import type { PlanContext } from "./context";
import {
  DATE_MAX_SERIAL,
  DATE_MIN_SERIAL,
  listValidation,
  toPlanValidation,
  clip,
} from "./messages";
import { PREAMBLE_KEY } from "./names";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { NUMBER_FORMATS } from "./styles";

const RECIPIENT_ROWS = 12;

interface FieldSpec {
  field: Exclude<HeaderField, "recipients">;
  label: string;
  hint: string;
}

export function buildCoverSheet(ctx: PlanContext): SheetBuilder {
  const t = ctx.template;
  const b = new SheetBuilder("cover", ctx.sheetName("cover"), "cover", [30, 64, 40], ctx.names);
  const header = { ...t.header, ...ctx.data.header };
  const symbol = t.header.symbol ?? "LĐLĐ";

  b.set(1, 1, { value: "THÔNG TIN CHUNG CỦA VĂN BẢN", style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: 3 });
  b.height(1, 24);
  b.set(2, 1, { value: t.title, style: "subtitle" });
  b.merge({ top: 2, left: 1, bottom: 2, right: 3 });
  const help =
    "Nhập vào các ô màu vàng; ô màu xanh do công thức tự tính. Các trang sau theo thứ tự các mục của văn bản. " +
    `Phiên bản mẫu ${t.version}. Dùng nút Kiểm tra của BáoCáo trước khi gửi.`;
  b.set(3, 1, { value: help, style: "instructions" });
  b.merge({ top: 3, left: 1, bottom: 3, right: 3 });
  b.height(3, estimateHeight(help, 130, 2));

  b.set(5, 1, { value: "Thông tin", style: "header" });
  b.set(5, 2, { value: "Nội dung", style: "header" });
  b.set(5, 3, { value: "Hướng dẫn", style: "header" });

  const fields: FieldSpec[] = [
    { field: "parentBody", label: "Cơ quan cấp trên", hint: "Viết hoa, ví dụ: TỔNG LĐLĐ VIỆT NAM" },
    {
      field: "issuingBody",
      label: "Cơ quan ban hành",
      hint: "Viết hoa, ví dụ: LĐLĐ TỈNH LAI CHÂU",
    },
    {
      field: "number",
      label: "Số, ký hiệu",
      hint: `Ví dụ: 62/${t.docType}-${symbol} (để trống phần số nếu chưa cấp số)`,
    },
    { field: "place", label: "Địa danh", hint: "Ví dụ: Lai Châu" },
    { field: "date", label: "Ngày ban hành", hint: "Ngày/tháng/năm, ví dụ 08/3/2024" },
    { field: "period", label: "Kỳ báo cáo", hint: periodHint(t.periodKinds) },
    { field: "title", label: "Trích yếu", hint: "Dòng tóm tắt nội dung dưới tên loại văn bản" },
    { field: "signerAuthority", label: "Thẩm quyền ký", hint: "Ví dụ: TM. BAN THƯỜNG VỤ" },
    {
      field: "signerTitle",
      label: "Chức vụ người ký",
      hint: "Viết hoa, ví dụ: CHỦ TỊCH, PHÓ CHỦ TỊCH",
    },
    { field: "signerName", label: "Họ và tên người ký", hint: "Ví dụ: Hoàng Thọ Trung" },
  ];

  let row = 6;
  for (const f of fields) {
    const required = t.requiredHeader.includes(f.field);
    b.set(row, 1, { value: required ? `${f.label} (*)` : f.label, style: "label" });
    b.set(row, 3, { value: f.hint, style: "note" });
    const range = { top: row, left: 2, bottom: row, right: 2 };
    let value: string | number | null = (header[f.field] as string | undefined) ?? null;
    if (f.field === "title" && !value) value = expandTitle(t, header.period);
    if (f.field === "date") {
      value = value ? (isoToExcelSerial(value) ?? value) : null;
      b.set(row, 2, { value, style: "input", numFmt: NUMBER_FORMATS.date });
      b.validate(
        toPlanValidation(range, f.label, {
          rule: {
            kind: "date",
            operator: "between",
            formula1: DATE_MIN_SERIAL,
            formula2: DATE_MAX_SERIAL,
          },
          prompt: "Nhập ngày ban hành dạng ngày/tháng/năm, ví dụ 08/3/2024.",
          error:
            "Ngày ban hành phải là ngày (ngày/tháng/năm) từ năm 2000 đến 2099, ví dụ 08/3/2024.",
        })
      );
    } else {
      b.set(row, 2, { value, style: "inputText", numFmt: NUMBER_FORMATS.text });
      if (f.field === "number") {
        b.validate(
          toPlanValidation(range, f.label, {
            rule: { kind: "textLength", operator: "between", formula1: 3, formula2: 60 },
            prompt: `Số và ký hiệu văn bản, ví dụ 62/${t.docType}-${symbol}.`,
            error: `Số, ký hiệu văn bản có dạng 62/${t.docType}-${symbol} (3–60 ký tự).`,
          })
        );
      }
      if (f.field === "period") {
        b.validate(
          toPlanValidation(range, f.label, {
            // 4 ("2024") to 12 ("2023-2028-H2"); a cut-off date ("2025-05-31") has 10.
            rule: { kind: "textLength", operator: "between", formula1: 4, formula2: 12 },
            prompt: clip(periodHint(t.periodKinds), 250),
            error: clip(`Kỳ báo cáo ghi theo mã. ${periodHint(t.periodKinds)}`, 250),
          })
        );
      }
      if (f.field === "signerAuthority") {
        b.validate(
          listValidation(
            range,
            f.label,
            [
              "TM. BAN THƯỜNG VỤ",
              "TM. BAN CHẤP HÀNH",
              "TM. CỤM THI ĐUA",
              "KT. CHỦ TỊCH",
              "TL. BAN THƯỜNG VỤ",
            ],
            "Chọn thẩm quyền ký trong danh sách.",
            "Chọn một thẩm quyền ký trong danh sách (TM., KT., TL. ...)."
          )
        );
      }
    }
    if (f.field === "title") b.height(row, 36);
    b.name({ kind: "header", field: f.field }, range);
    row++;
  }

  const recipients = header.recipients ?? [];
  const rows = Math.max(RECIPIENT_ROWS, recipients.length);
  b.set(row, 1, { value: "Nơi nhận", style: "label" });
  b.set(row, 3, {
    value: "Mỗi dòng một nơi nhận, không gõ dấu gạch đầu dòng; dòng cuối thường là: Lưu: VT, ...",
    style: "note",
  });
  for (let i = 0; i < rows; i++) {
    b.set(row + i, 2, {
      value: recipients[i] ?? null,
      style: "inputText",
      numFmt: NUMBER_FORMATS.text,
    });
    if (i > 0) {
      b.set(row + i, 1, { style: "label" });
      b.set(row + i, 3, { style: "note" });
    }
  }
  b.merge({ top: row, left: 1, bottom: row + rows - 1, right: 1 });
  b.merge({ top: row, left: 3, bottom: row + rows - 1, right: 3 });
  b.name(
    { kind: "header", field: "recipients" },
    { top: row, left: 2, bottom: row + rows - 1, right: 2 }
  );
  row += rows;

  if (t.preamble) {
    row++;
    const prompt = t.preamble.prompt ?? "Đoạn mở đầu: căn cứ ban hành, đánh giá chung tình hình.";
    b.set(row, 1, {
      value: t.preamble.required ? "Đoạn mở đầu (*)" : "Đoạn mở đầu",
      style: "label",
    });
    b.set(row, 2, { value: prompt, style: "prompt" });
    b.merge({ top: row, left: 2, bottom: row, right: 3 });
    b.height(row, estimateHeight(prompt, 100));
    row++;
    const text = ctx.data.texts[PREAMBLE_KEY] ?? null;
    b.set(row, 1, { style: "label" });
    b.set(row, 2, { value: text, style: "inputLongText", numFmt: NUMBER_FORMATS.text });
    b.merge({ top: row, left: 2, bottom: row, right: 3 });
    b.height(row, Math.max(120, estimateHeight(text ?? "", 100)));
    b.name({ kind: "text", section: PREAMBLE_KEY }, { top: row, left: 2, bottom: row, right: 2 });
  }
  b.sheet.print = { landscape: false };
  return b;
}
