// The document's header and its own words: required fields present and well formed, the period a
// code this template accepts, a dated document, recipients ending with the archive line, and the
// text every required section must have.
import { formatShortDate, periodLabel } from "../period";
import { expandPlaceholders, periodHint } from "../model/title";
import type { HeaderField } from "../model/schema";
import { PREAMBLE_KEY } from "../layout/names";
import type { ValidationContext } from "./context";
import { checkDocRef, docTypeOf } from "./docref";

const FIELD_LABELS: Record<HeaderField, string> = {
  parentBody: "Cơ quan cấp trên",
  issuingBody: "Cơ quan ban hành",
  number: "Số, ký hiệu",
  place: "Địa danh",
  date: "Ngày ban hành",
  period: "Kỳ báo cáo",
  title: "Trích yếu",
  signerAuthority: "Thẩm quyền ký",
  signerTitle: "Chức vụ người ký",
  signerName: "Họ và tên người ký",
  recipients: "Nơi nhận",
};

const DAY_MS = 86400000;

export function checkHeader(ctx: ValidationContext): void {
  const t = ctx.template;
  const h = ctx.data.header;
  const at = (field: HeaderField) => ctx.place({ kind: "header", field });

  for (const field of t.requiredHeader) {
    const v = h[field];
    const empty = field === "recipients" ? !(h.recipients && h.recipients.length > 0) : !v;
    if (empty) {
      ctx.add(
        "error",
        "header-required",
        at(field),
        null,
        null,
        `chưa điền "${FIELD_LABELS[field]}" ở trang thông tin chung, mục bắt buộc của văn bản.`
      );
    }
  }

  if (h.period && !ctx.period) {
    ctx.add(
      "error",
      "period",
      at("period"),
      null,
      h.period,
      `kỳ báo cáo "${h.period}" không hợp với mẫu này. ${periodHint(t.periodKinds)}`
    );
  }

  if (h.number) {
    const c = checkDocRef(h.number);
    if (!c.ok) {
      ctx.add("error", "docref", at("number"), null, h.number, `số, ký hiệu văn bản: ${c.reason}.`);
    } else {
      if (c.hadSpaces)
        ctx.add(
          "warning",
          "docref",
          at("number"),
          null,
          h.number,
          `số, ký hiệu "${h.number}" có khoảng trắng thừa; nên ghi "${c.normalized}".`
        );
      const type = docTypeOf(c.ref);
      if (type && type !== t.docType) {
        ctx.add(
          "warning",
          "docref-type",
          at("number"),
          null,
          h.number,
          `ký hiệu "${type}" khác loại văn bản của mẫu (${t.docType}); kiểm tra lại số, ký hiệu.`
        );
      }
      if (!c.ref.number) {
        ctx.add(
          "warning",
          "docref-number",
          at("number"),
          null,
          h.number,
          "văn bản chưa có số; nhớ điền số khi được cấp."
        );
      }
    }
  }

  if (h.date && ctx.period) {
    const date = Date.parse(h.date);
    const start = Date.parse(ctx.period.start);
    const end = Date.parse(ctx.period.end);
    if (date < start || date > end + 400 * DAY_MS) {
      ctx.add(
        "warning",
        "header-date",
        at("date"),
        null,
        h.date,
        `ngày ban hành ${formatShortDate(h.date)} ${date < start ? "trước khi" : "quá xa sau khi"} ${periodLabel(ctx.period)} ${date < start ? "bắt đầu" : "kết thúc"}; kiểm tra lại ngày hoặc kỳ báo cáo.`
      );
    }
  }

  const recipients = h.recipients ?? [];
  if (recipients.length > 0 && !/^Lưu\b/i.test(recipients[recipients.length - 1].trim())) {
    ctx.add(
      "warning",
      "recipients",
      at("recipients"),
      null,
      recipients[recipients.length - 1],
      'dòng cuối của "Nơi nhận" thường là "Lưu: VT, ..."; thêm dòng lưu văn bản.'
    );
  }

  const texts: { key: string; label: string; required: boolean }[] = [];
  if (t.preamble)
    texts.push({ key: PREAMBLE_KEY, label: "Đoạn mở đầu", required: t.preamble.required });
  for (const s of t.allSections) {
    if (s.text) {
      const heading = expandPlaceholders(t, s.heading, ctx.data.header.period);
      const number = s.level === "part" ? `${s.number} ` : s.number ? `${s.number}. ` : "";
      texts.push({ key: s.id, label: `mục ${number}${heading}`, required: s.text.required });
    }
  }
  for (const x of texts) {
    if (!x.required || (ctx.data.texts[x.key] ?? "").trim() !== "") continue;
    ctx.add(
      "error",
      "text-required",
      ctx.place({ kind: "text", section: x.key }),
      null,
      null,
      `chưa có nội dung cho ${x.label}; đây là phần bắt buộc của văn bản.`
    );
  }
}
