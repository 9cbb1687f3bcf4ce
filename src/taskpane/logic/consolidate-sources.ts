// When the page cannot compute SHA-256 (crypto.subtle exists only on https and localhost pages),
// the sources sheet must say so rather than show empty checksums without a word.
import type { ConsolidationResult } from "../../core/consolidate";
import type { SourceRecord } from "../../core/data/types";

/** Workbook text (the sources sheet is Vietnamese whatever the pane's language). */
export const CHECKSUM_NOTE =
  "Chưa có mã kiểm tra SHA-256: trình duyệt chỉ tính được mã này khi BáoCáo chạy trên trang https. " +
  "Tệp trùng vẫn được nhận ra theo đơn vị; muốn có mã kiểm tra, mở BáoCáo qua địa chỉ https hoặc dùng lệnh baocao consolidate.";

/** The result with the note added to every source read without a checksum (a new object). */
export function withChecksumNote(result: ConsolidationResult): ConsolidationResult {
  const noted = new Map<SourceRecord, SourceRecord>();
  const note = (s: SourceRecord): SourceRecord => {
    if (s.checksum !== "") return s;
    let n = noted.get(s);
    if (!n) {
      n = { ...s, reasons: [...s.reasons, CHECKSUM_NOTE] };
      noted.set(s, n);
    }
    return n;
  };
  const sources = result.sources.map(note);
  const data = result.data?.consolidation
    ? {
        ...result.data,
        consolidation: {
          ...result.data.consolidation,
          sources: result.data.consolidation.sources.map(note),
        },
      }
    : result.data;
  return {
    ...result,
    data,
    sources,
    used: result.used.map(note),
    leftOut: result.leftOut.map(note),
  };
}
