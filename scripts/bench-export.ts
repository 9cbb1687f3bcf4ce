// Word export at scale: a 60-page report built in Node (every section filled, 20 per-unit tables,
// 200 footnotes), from data to .docx bytes. Budget: under 3 s. The template is synthetic so the
// size is fixed here rather than by the built-in templates, which will keep changing.
import { type Template } from "../src/core/model/load";
import { loadTemplate } from "../src/core/model/load-checked";
import type { TemplateInput } from "../src/core/model/schema";
import type { ReportData } from "../src/core/data/types";
import { buildReportDocument } from "../src/core/document";
import { renderDocx } from "../src/adapters/docx";
import type { Bench, BenchRow } from "./bench";

const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const PROVINCES = 15;
const SCALARS = 9;

export function benchTemplate(): Template {
  const sections: TemplateInput["sections"] = ROMANS.map((roman, r) => ({
    id: `muc_${r}`,
    number: roman,
    level: "roman" as const,
    heading: `Kết quả thực hiện nhóm nhiệm vụ thứ ${r + 1}`,
    sheetName: `${roman}. Mục ${r + 1}`,
    children: [0, 1].map((c) => {
      const k = r * 2 + c;
      return {
        id: `nd_${k}`,
        number: String(c + 1),
        level: "arabic" as const,
        heading: `Nội dung công tác số ${k + 1}`,
        text: { required: false },
        indicators: Array.from({ length: SCALARS }, (_, i) => ({
          id: `cs_${k}_${i}`,
          label: `Chỉ số ${i + 1} của nội dung ${k + 1}`,
          unit: i % 3 === 2 ? "đồng" : "lượt",
          type: i % 3 === 2 ? ("money" as const) : ("integer" as const),
          phrase: i % 3 === 2 ? undefined : `lượt đoàn viên tham gia hoạt động ${i + 1}`,
        })),
        tables: [
          {
            id: `bang_${k}`,
            title: `Bảng số liệu theo tỉnh của nội dung ${k + 1}`,
            sheetName: `Bảng ${k + 1}`,
            kind: "perUnit" as const,
            rowHeader: "Tỉnh",
            columns: [
              {
                id: `b_${k}_tong`,
                label: "Tổng số",
                unit: "đơn vị",
                type: "integer" as const,
                phrase: "đơn vị",
              },
              {
                id: `b_${k}_dat`,
                label: "Trong đó đạt",
                unit: "đơn vị",
                type: "integer" as const,
                partOf: `b_${k}_tong`,
                phrase: "đơn vị đạt yêu cầu",
              },
              {
                id: `b_${k}_ty_le`,
                label: "Tỷ lệ",
                unit: "%",
                type: "percent" as const,
                computed: true,
                ratioOf: { part: `b_${k}_dat`, whole: `b_${k}_tong` },
              },
              { id: `b_${k}_tien`, label: "Kinh phí", unit: "đồng", type: "money" as const },
            ],
          },
        ],
      };
    }),
  }));
  return loadTemplate({
    id: "bench-export",
    version: "1.0.0",
    title: "Báo cáo thử tải xuất Word",
    docType: "BC",
    periodKinds: ["year"],
    titlePattern: "Kết quả hoạt động công đoàn {period}",
    header: { parentBody: "TỔNG LĐLĐ VIỆT NAM", signerTitle: "CHỦ TỊCH", symbol: "LĐLĐ" },
    units: { label: "Tỉnh" },
    sections,
  });
}

const PARAGRAPH =
  "Các cấp công đoàn tiếp tục đổi mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở, lấy đoàn viên, người lao động làm trung tâm; chủ động phối hợp với chính quyền đồng cấp tổ chức các hoạt động chăm lo, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên, người lao động. ";

export function benchData(t: Template): ReportData {
  const units = Array.from({ length: PROVINCES }, (_, u) => ({
    name: `LĐLĐ tỉnh Số ${u + 1}`,
    parent: null,
    values: {} as Record<string, number>,
  }));
  const values: Record<string, number> = {};
  const texts: Record<string, string> = {};
  for (const s of t.allSections) {
    if (s.text) texts[s.id] = `${PARAGRAPH.repeat(3)}\n${PARAGRAPH.repeat(2)}`;
    s.indicators.forEach((ind, i) => {
      // Consolidated: the report's figure is the sum of the provinces' figures (footnoted).
      let sum = 0;
      units.forEach((u, k) => {
        const v = ind.type === "money" ? (k + 1) * 12_500_000 : (k + 1) * (i + 3);
        u.values[ind.id] = v;
        sum += v;
      });
      values[ind.id] = sum;
    });
  }
  for (const table of t.tables) {
    units.forEach((u, k) => {
      const total = 40 + ((k * 7) % 30);
      u.values[table.columns[0].id] = total;
      u.values[table.columns[1].id] = total - (k % 5);
      u.values[table.columns[3].id] = (k + 1) * 3_000_000;
    });
  }
  return {
    template: t.id,
    templateVersion: t.version,
    header: {
      issuingBody: "LĐLĐ tỉnh Thử Tải",
      number: "99/BC-LĐLĐ",
      place: "Hà Nội",
      date: "2024-12-15",
      period: "2024",
      signerName: "Nguyễn Văn A",
      recipients: ["Tổng LĐLĐ Việt Nam;", "Lưu: VT."],
    },
    values,
    units,
    tables: {},
    texts,
  };
}

/** Median of `runs` timed runs after one warm-up (bench.ts has the same helper, but importing a
 * value from it would start its main from here). */
async function median(fn: () => Promise<void>, runs: number): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export const exportBench: Bench = async () => {
  const t = benchTemplate();
  const data = benchData(t);
  let bytes: Uint8Array = new Uint8Array();
  let footnotes = 0;
  let tables = 0;
  const ms = await median(async () => {
    const doc = buildReportDocument(t, data);
    footnotes = doc.footnotes.length;
    tables = doc.appendix?.tables.length ?? 0;
    bytes = await renderDocx(doc);
  }, 3);
  const row: BenchRow = {
    group: "word export",
    case: `60-page report: ${t.allSections.length} sections, ${tables} tables, ${footnotes} footnotes (Node)`,
    ms,
    detail: `${(bytes.length / 1024).toFixed(0)} KB .docx`,
    budget: "< 3000 ms",
    overBudget: ms >= 3000,
  };
  return [row];
};
