// A synthetic template file for the load-time bench: `sections` sections (a roman section every
// five, arabic children under it), ten indicators each — counts with a part, money, a rate of the
// two counts, text — every third section with a per-unit table, sentences naming the figures,
// a target and a rule per section. The shape of the built-ins, at three times the largest one.
import type { TemplateFileInput } from "../src/core/model/template-file";

export function syntheticTemplateFile(sections: number): TemplateFileInput {
  const file: TemplateFileInput & Required<Pick<TemplateFileInput, "indicators" | "tables">> = {
    id: "bench-300",
    version: "1.0.0",
    title: "Mẫu thử tốc độ nạp",
    docType: "BC",
    periodKinds: ["quarter", "year"],
    titlePattern: "Báo cáo thử {period}",
    units: { label: "Đơn vị", defaults: [{ name: "Đơn vị 1" }, { name: "Đơn vị 2" }] },
    sections: [],
    tables: [],
    indicators: [],
    targets: [],
    rules: [],
  };
  let parent: string | null = null;
  for (let s = 0; s < sections; s++) {
    const sid = `muc_${s}`;
    const top = s % 5 === 0;
    if (top) parent = null;
    const table = s % 3 === 2 ? `bang_${s}` : null;
    const p = (k: number) => `m${s}_${k}`;
    const ids = Array.from({ length: 10 }, (_, k) => p(k));
    file.sections.push({
      id: sid,
      number: top ? ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][s / 5] : String(s % 5),
      level: top ? "roman" : "arabic",
      heading: `Mục thử số ${s + 1}`,
      parent,
      ...(top ? { sheet: `Mục ${s + 1}` } : {}),
      hasText: true,
      prompt: "Nêu kết quả nổi bật.",
      sentences: table
        ? []
        : [
            { id: `c${s}_a`, text: `Có {${p(1)}}/{${p(0)}} đơn vị thực hiện, đạt {${p(2)}}` },
            { id: `c${s}_b`, text: `[Tổng kinh phí {${p(3)}}]; {${p(4)}} lượt tham gia` },
          ],
    });
    if (top) parent = sid;
    if (table)
      file.tables.push({
        id: table,
        title: `Bảng số liệu mục ${s + 1}`,
        kind: "perUnit",
        section: sid,
        sheet: `Bảng ${s + 1}`,
      });
    const at = { section: sid, ...(table ? { table } : {}) };
    file.indicators.push(
      { id: ids[0], label: `Đơn vị phải thực hiện (${s})`, type: "integer", unit: "đơn vị", ...at },
      {
        id: ids[1],
        label: `Đơn vị đã thực hiện (${s})`,
        type: "integer",
        unit: "đơn vị",
        partOf: ids[0],
        ...at,
      },
      {
        id: ids[2],
        label: `Tỷ lệ thực hiện (${s})`,
        type: "percent",
        unit: "%",
        computed: true,
        ratioOf: { part: ids[1], whole: ids[0] },
        ...at,
      },
      { id: ids[3], label: `Kinh phí (${s})`, type: "money", unit: "đồng", ...at },
      { id: ids[4], label: `Lượt tham gia (${s})`, type: "integer", unit: "lượt", ...at },
      { id: ids[5], label: `Buổi sinh hoạt (${s})`, type: "integer", unit: "buổi", ...at },
      {
        id: ids[6],
        label: `Trong đó: buổi chuyên đề (${s})`,
        type: "integer",
        unit: "buổi",
        partOf: ids[5],
        ...at,
      },
      { id: ids[7], label: `Số tiền hỗ trợ (${s})`, type: "money", unit: "đồng", ...at },
      { id: ids[8], label: `Người được hỗ trợ (${s})`, type: "integer", unit: "người", ...at },
      { id: ids[9], label: `Ghi chú (${s})`, type: "text", ...at }
    );
    file.targets!.push({
      id: `tg_${s}`,
      label: `Chỉ tiêu mục ${s + 1}`,
      indicator: ids[2],
      comparator: "gte",
      value: 0.9,
      unit: "%",
    });
    file.rules!.push({
      id: `r_${s}`,
      when: `${ids[7]} > 0`,
      assert: `${ids[8]} > 0`,
      ...(table ? { scope: "perUnit" as const } : {}),
      severity: "warning",
      missing: "zero",
      message: `Có tiền hỗ trợ nhưng chưa ghi người được hỗ trợ (mục ${s + 1}).`,
    });
  }
  return file;
}
