// Checking a data.json against its template before it is written into a workbook:
// shape (zod), then ids and types the template defines. Rule violations (a negative count,
// a part larger than its whole) are validation's business, not this check's.
import type { Indicator, Template } from "../model/load";
import { isNumericType } from "../model/load";
import { isValidIsoDate } from "../period";
import { PREAMBLE_KEY } from "../layout/names";
import { allTotals } from "../rollup/totals";
import type { Finding } from "../findings";
import { reportDataSchema, ROW_KEY, type DataValue, type ReportData } from "./types";
import { hedgeable } from "../layout/hedge-cells";
import { allHedgeTotals, totalHedgeFits } from "../rollup/hedge";
import { HEDGE_WORDS } from "../format/hedge";

export interface CheckResult {
  data: ReportData | null;
  findings: Finding[];
}

/** Excel's limit on the text in one cell. */
export const EXCEL_CELL_TEXT_MAX = 32767;

function issue(
  field: string,
  message: string,
  value: Finding["value"] = null,
  indicator: string | null = null
): Finding {
  return {
    severity: "error",
    sheet: null,
    cell: null,
    indicator,
    rule: "data",
    value,
    message: `${field}: ${message}`,
    field,
  };
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

const TYPE_WORDS: Record<Indicator["type"], string> = {
  integer: "số nguyên",
  decimal: "số",
  money: "số tiền (đồng, kiểu số)",
  percent: "tỷ lệ kiểu số (0.875 cho 87,5%)",
  text: "chuỗi văn bản",
  date: 'ngày dạng "YYYY-MM-DD"',
  docref: 'số, ký hiệu văn bản (chuỗi, vd. "62/BC-LĐLĐ")',
};

function checkValue(field: string, ind: Indicator, v: DataValue, out: Finding[]): void {
  if (v === null) return;
  const fail = (): void => {
    out.push(
      issue(
        field,
        `"${ind.label}" cần ${TYPE_WORDS[ind.type]}, nhận được ${JSON.stringify(v)}`,
        v,
        ind.id
      )
    );
  };
  if (isNumericType(ind.type)) {
    if (typeof v !== "number" || !Number.isFinite(v)) return fail();
    if (ind.type === "integer" && !Number.isInteger(v)) return fail();
    return;
  }
  if (typeof v !== "string") return fail();
  if (ind.type === "date" && !isValidIsoDate(v)) return fail();
  if (v.length > EXCEL_CELL_TEXT_MAX) {
    out.push(
      issue(
        field,
        `dài ${v.length} ký tự, quá giới hạn ${EXCEL_CELL_TEXT_MAX} ký tự của một ô Excel`,
        null,
        ind.id
      )
    );
  }
}

export function checkReportData(template: Template, raw: unknown): CheckResult {
  const parsed = reportDataSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      data: null,
      findings: parsed.error.issues.map((i) => issue(pathText(i.path) || "(gốc)", i.message)),
    };
  }
  const data = parsed.data;
  const out: Finding[] = [];

  if (data.template !== template.id) {
    out.push(
      issue(
        "template",
        `dữ liệu của mẫu "${data.template}", không phải mẫu "${template.id}"`,
        data.template
      )
    );
  }
  if (data.templateVersion.split(".")[0] !== template.version.split(".")[0]) {
    out.push(
      issue(
        "templateVersion",
        `phiên bản ${data.templateVersion} không tương thích với mẫu phiên bản ${template.version}`,
        data.templateVersion
      )
    );
  }
  if (data.header.date !== undefined && !isValidIsoDate(data.header.date)) {
    out.push(
      issue("header.date", 'ngày phải có dạng "YYYY-MM-DD", ví dụ "2024-03-08"', data.header.date)
    );
  }

  for (const [id, v] of Object.entries(data.values)) {
    const ind = template.indicatorById.get(id);
    const field = `values.${id}`;
    if (!ind) {
      out.push(
        issue(
          field,
          `mẫu "${template.id}" không có chỉ số mã "${id}" (xem danh sách chỉ số trong tệp mẫu)`,
          id
        )
      );
      continue;
    }
    if (ind.computed) {
      out.push(
        issue(
          field,
          `"${ind.label}" là tỷ lệ tự tính từ ${ind.ratioOf?.part}/${ind.ratioOf?.whole}; bỏ trường này`,
          v,
          id
        )
      );
      continue;
    }
    if (ind.table && !ind.perUnit) {
      const table = template.tableById.get(ind.table)!;
      if (table.kind === "list" || !table.total) {
        out.push(
          issue(
            field,
            `"${ind.label}" thuộc bảng "${table.title}": ghi trong tables.${table.id}`,
            v,
            id
          )
        );
        continue;
      }
    }
    checkValue(field, ind, v, out);
  }

  const perUnit = new Set(template.indicators.filter((i) => i.perUnit).map((i) => i.id));
  const seen = new Map<string, number>();
  data.units.forEach((u, i) => {
    const base = `units[${i}]`;
    if (u.name.trim() === "") out.push(issue(`${base}.name`, "tên đơn vị không được để trống"));
    const key = u.name.trim().toLocaleLowerCase("vi");
    if (seen.has(key))
      out.push(
        issue(`${base}.name`, `đơn vị "${u.name}" trùng với units[${seen.get(key)}]`, u.name)
      );
    seen.set(key, i);
    for (const [id, v] of Object.entries(u.values)) {
      const ind = template.indicatorById.get(id);
      const field = `${base}.values.${id}`;
      if (!ind) out.push(issue(field, `mẫu "${template.id}" không có chỉ số mã "${id}"`, id));
      else if (!perUnit.has(id))
        out.push(issue(field, `"${ind.label}" không nhập theo đơn vị; ghi trong values`, v, id));
      else if (ind.computed)
        out.push(issue(field, `"${ind.label}" là tỷ lệ tự tính; bỏ trường này`, v, id));
      else checkValue(field, ind, v, out);
    }
  });
  if (data.units.length > 0 && !template.hasPerUnitTables) {
    out.push(issue("units", `mẫu "${template.id}" không có bảng theo đơn vị`));
  }

  for (const [tableId, rows] of Object.entries(data.tables)) {
    const table = template.tableById.get(tableId);
    if (!table) {
      out.push(
        issue(`tables.${tableId}`, `mẫu "${template.id}" không có bảng mã "${tableId}"`, tableId)
      );
      continue;
    }
    if (table.kind === "perUnit") {
      out.push(
        issue(
          `tables.${tableId}`,
          `bảng "${table.title}" nhập theo đơn vị: ghi trong units[].values`
        )
      );
      continue;
    }
    if (table.kind === "list" && rows.length > table.maxRows) {
      out.push(
        issue(
          `tables.${tableId}`,
          `có ${rows.length} dòng, bảng "${table.title}" nhận tối đa ${table.maxRows} dòng`
        )
      );
    }
    const usedRows = new Set<string>();
    rows.forEach((row, i) => {
      for (const [key, v] of Object.entries(row)) {
        const field = `tables.${tableId}[${i}].${key}`;
        if (key === ROW_KEY && table.kind === "fixed") {
          const rowDef = table.rows!.find((r) => r.id === v);
          if (!rowDef) {
            out.push(
              issue(
                field,
                `bảng "${table.title}" không có dòng "${String(v)}" (các dòng: ${table.rows!.map((r) => r.id).join(", ")})`,
                v
              )
            );
          } else if (usedRows.has(rowDef.id))
            out.push(issue(field, `dòng "${rowDef.id}" ghi hai lần`, v));
          else usedRows.add(rowDef.id);
          continue;
        }
        const col = table.columns.find((c) => c.id === key);
        if (!col) out.push(issue(field, `bảng "${table.title}" không có cột mã "${key}"`, key));
        else if (col.computed)
          out.push(issue(field, `"${col.label}" là tỷ lệ tự tính; bỏ trường này`, v, key));
        else checkValue(field, col, v, out);
      }
      if (table.kind === "fixed" && !(ROW_KEY in row)) {
        out.push(
          issue(
            `tables.${tableId}[${i}]`,
            `thiếu "${ROW_KEY}": mã dòng (${table.rows!.map((r) => r.id).join(", ")})`
          )
        );
      }
    });
  }

  const textKeys = new Set([
    PREAMBLE_KEY,
    ...template.allSections.filter((s) => s.text).map((s) => s.id),
  ]);
  for (const [key, text] of Object.entries(data.texts)) {
    if (!textKeys.has(key)) {
      out.push(
        issue(
          `texts.${key}`,
          `mẫu "${template.id}" không có ô nội dung cho mục "${key}" (các mục: ${[...textKeys].join(", ")})`,
          key
        )
      );
    } else if (key === PREAMBLE_KEY && !template.preamble) {
      out.push(issue(`texts.${key}`, `mẫu "${template.id}" không có đoạn mở đầu`));
    } else if (text.length > EXCEL_CELL_TEXT_MAX) {
      out.push(
        issue(
          `texts.${key}`,
          `dài ${text.length} ký tự, quá giới hạn ${EXCEL_CELL_TEXT_MAX} ký tự của một ô Excel`
        )
      );
    }
  }

  for (const id of Object.keys(data.targets ?? {})) {
    if (!template.targetById.has(id))
      out.push(issue(`targets.${id}`, `mẫu "${template.id}" không có chỉ tiêu mã "${id}"`, id));
  }
  for (const [bl, vals] of Object.entries(data.baselines ?? {})) {
    if (!template.baselines.includes(bl as never)) {
      out.push(issue(`baselines.${bl}`, `mẫu "${template.id}" không có cột so sánh "${bl}"`, bl));
      continue;
    }
    for (const [id, v] of Object.entries(vals ?? {})) {
      const ind = template.indicatorById.get(id);
      if (!ind || ind.table || ind.computed || !isNumericType(ind.type)) {
        out.push(issue(`baselines.${bl}.${id}`, `không có chỉ số kiểu số "${id}" để so sánh`, id));
      } else checkValue(`baselines.${bl}.${id}`, ind, v, out);
    }
  }

  checkHedges(template, data, out);

  // Totals of tables are computed from rows; a stated total must agree with them.
  if (out.length === 0) {
    const totals = allTotals(template, data);
    for (const [id, v] of Object.entries(data.values)) {
      const ind = template.indicatorById.get(id)!;
      if (!ind.table || typeof v !== "number") continue;
      const total = totals.get(id);
      if (total === null || total === undefined) {
        out.push(
          issue(
            `values.${id}`,
            `"${ind.label}" là tổng của bảng, được tính từ các dòng; các dòng chưa có số liệu nên bỏ trường này hoặc ghi số liệu từng dòng`,
            v,
            id
          )
        );
      } else if (Math.abs(total - v) > 1e-9 * Math.max(1, Math.abs(total))) {
        out.push(
          issue(
            `values.${id}`,
            `tổng ghi ${v} khác tổng các dòng ${total}; tổng được tính tự động, bỏ trường này hoặc sửa cho khớp`,
            v,
            id
          )
        );
      }
    }
  }
  return { data: out.length === 0 ? data : null, findings: out };
}

/**
 * Hedges name figures that can carry one (typed numbers, not rates the sheet computes), where the
 * workbook has a hedge cell for them. A table total's hedge is derived from its rows', as the
 * total is from their figures: a stated one must agree.
 */
function checkHedges(template: Template, data: ReportData, out: Finding[]): void {
  const can = (id: string) => {
    const ind = template.indicatorById.get(id);
    return ind && hedgeable(ind) ? ind : null;
  };
  const derived = allHedgeTotals(template, data, false);
  for (const [id, h] of Object.entries(data.hedges?.values ?? {})) {
    const field = `hedges.values.${id}`;
    const ind = can(id);
    if (!ind) {
      out.push(issue(field, `không có số liệu "${id}" để ghi "${HEDGE_WORDS[h]}" trước`, id, id));
    } else if (ind.table && !totalHedgeFits(h, derived.get(id) ?? null)) {
      const want = derived.get(id);
      out.push(
        issue(
          field,
          `"${ind.label}" là tổng của bảng; các dòng cho tổng là "${want ? HEDGE_WORDS[want] : ""}", không thể viết "${HEDGE_WORDS[h]}": ghi "${want ? HEDGE_WORDS[want] : ""}" hoặc "${HEDGE_WORDS.about}", hoặc bỏ trường này`,
          h,
          id
        )
      );
    }
  }
  data.units.forEach((u, i) => {
    for (const id of Object.keys(u.hedges ?? {})) {
      const ind = can(id);
      if (!ind || !ind.perUnit)
        out.push(
          issue(
            `units[${i}].hedges.${id}`,
            `không có số liệu theo đơn vị "${id}" để ghi từ ước lượng`,
            id,
            id
          )
        );
    }
  });
  for (const [tableId, rows] of Object.entries(data.hedges?.tables ?? {})) {
    const table = template.tableById.get(tableId);
    if (!table || table.kind !== "fixed") {
      out.push(
        issue(
          `hedges.tables.${tableId}`,
          `mẫu "${template.id}" không có bảng dòng cố định "${tableId}"`,
          tableId
        )
      );
      continue;
    }
    for (const [rowId, cols] of Object.entries(rows)) {
      if (!(table.rows ?? []).some((r) => r.id === rowId)) {
        out.push(
          issue(
            `hedges.tables.${tableId}.${rowId}`,
            `bảng "${table.title}" không có dòng "${rowId}"`,
            rowId
          )
        );
        continue;
      }
      for (const col of Object.keys(cols)) {
        const ind = can(col);
        if (!ind || ind.table !== tableId)
          out.push(
            issue(
              `hedges.tables.${tableId}.${rowId}.${col}`,
              `bảng "${table.title}" không có cột số liệu "${col}"`,
              col,
              col
            )
          );
      }
    }
  }
}
