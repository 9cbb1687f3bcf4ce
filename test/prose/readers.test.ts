// The judge's readers: LibreOffice's XHTML of a .docx and a seed's plain text, read as a draft
// (header block and signature left out, footnotes apart, headings with their level).
import { draftFromLibreOfficeHtml, draftFromPlainText } from "../support/prose-check";

describe("LibreOffice XHTML reader", () => {
  const html = `<html><body>
    <table><tr><td><p>TỔNG LĐLĐ VIỆT NAM</p><p>LĐLĐ TỈNH LAI CHÂU</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr>
    <tr><td><p>Số: 62/BC-LĐLĐ</p></td><td><p>Lai Châu, ngày 08 tháng 3 năm 2024</p></td></tr></table>
    <p class="P10"><span>BÁO CÁO</span></p><p>Hoạt động công tác Công đoàn quý I</p>
    <p>Trong quý I/2024, đại đa số đoàn viên &amp; CNVCLĐ tin tưởng.</p>
    <h1><span>I. KẾT QUẢ</span></h1><h2>1. Tuyên truyền</h2>
    <div>Các hoạt động thu hút 55.680 lượt đoàn viên<span class="" title="Footnote: LĐLĐ tỉnh: Lai Châu 92.000 lượt."><a href="#ftn1">1</a></span>.</div>
    <table><tr><td><p>Nơi nhận:</p><p>- Lưu: VT.</p></td><td><p>CHỦ TỊCH</p><p>Hoàng Thọ Trung</p></td></tr></table>
    <p>BIỂU TỔNG HỢP</p><table><tr><td><p>Lai Châu</p></td><td><p>260</p></td><td><p>134</p></td></tr></table>
    <p class="P22"><span class="footnodeNumber"><a>1</a></span>LĐLĐ tỉnh: Lai Châu 92.000 lượt.</p>
  </body></html>`;
  const d = draftFromLibreOfficeHtml(html, "x");

  it("reads the body from the opening paragraph, headings with their level", () => {
    expect(d.blocks).toEqual([
      { kind: "paragraph", text: "Trong quý I/2024, đại đa số đoàn viên & CNVCLĐ tin tưởng." },
      { kind: "heading", level: 1, text: "I. KẾT QUẢ" },
      { kind: "heading", level: 2, text: "1. Tuyên truyền" },
      { kind: "paragraph", text: "Các hoạt động thu hút 55.680 lượt đoàn viên." },
      { kind: "table-row", text: "Lai Châu | 260 | 134" },
    ]);
  });

  it("reads each footnote once, from its mark", () => {
    expect(d.footnotes).toEqual(["LĐLĐ tỉnh: Lai Châu 92.000 lượt."]);
  });
});

describe("plain-text reader (the seeds)", () => {
  const text = [
    "Số: 62/BC-LĐLĐ",
    "BÁO CÁO",
    "",
    "Hoạt động công tác Công đoàn quý I",
    "",
    "Trong quý I/2024, đại đa số đoàn viên tin tưởng.",
    "I. KẾT QUẢ TRIỂN KHAI",
    "1. Thuận lợi",
    "1. Tập trung chỉ đạo các cấp công đoàn đẩy mạnh công tác tuyên truyền với trên 55.680 lượt tham gia.",
    "¹ **LĐLĐ tỉnh:** Lai Châu 96 công trình",
    "III. KẾT QUẢ THỰC HIỆN CÁC CHƯƠNG TRÌNH. Đánh giá kết quả thực hiện.",
    "Nơi nhận:",
    "- Lưu: VT.",
  ].join("\n");
  const d = draftFromPlainText(text, "s");

  it("tells headings from numbered paragraphs, and keeps footnotes apart", () => {
    expect(d.blocks.map((b) => `${b.kind}${b.level ?? ""}: ${b.text.slice(0, 25)}`)).toEqual([
      "paragraph: Trong quý I/2024, đại đa ",
      "heading1: I. KẾT QUẢ TRIỂN KHAI",
      "heading2: 1. Thuận lợi",
      "paragraph: 1. Tập trung chỉ đạo các ",
      "heading1: III. KẾT QUẢ THỰC HIỆN CÁ",
      "paragraph: Đánh giá kết quả thực hiệ",
    ]);
    expect(d.footnotes).toEqual(["LĐLĐ tỉnh: Lai Châu 96 công trình"]);
  });
});
