// The Chỉ tiêu sheet: each target with its comparator and level (editable to what was assigned),
// the result taken from the figures, the completion ratio and a status, all live formulas.
import type { TargetDefinition } from "../model/schema";
import { isNumericType } from "../model/load";
import { ratio } from "../rollup/aggregate";
import {
  COMPARATOR_LABELS,
  STATUS_LABELS,
  comparatorFromLabel,
  targetStatus,
} from "../rollup/status";
import { reportedValue } from "../rollup/totals";
import { cellA1 } from "./a1";
import { numberFormatOf, type PlanContext } from "./context";
import { listValidation, toPlanValidation, validationFor } from "./messages";
import { definedName } from "./names";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { NUMBER_FORMATS } from "./styles";

const COL = {
  n: 1,
  label: 2,
  cmp: 3,
  value: 4,
  unit: 5,
  result: 6,
  ratio: 7,
  status: 8,
  code: 9,
} as const;

export function statusFormula(result: string, cmp: string, target: string): string {
  const { exceeded, met, notMet } = {
    exceeded: STATUS_LABELS.exceeded.vi,
    met: STATUS_LABELS.met.vi,
    notMet: STATUS_LABELS.notMet.vi,
  };
  const tol = `1E-9*MAX(1,ABS(${target}))`;
  return (
    `IF(OR(NOT(ISNUMBER(${result})),NOT(ISNUMBER(${target}))),"",` +
    `IF(LEFT(${cmp},1)="=",IF(ABS(${result}-${target})<=${tol},"${met}","${notMet}"),` +
    `IF(OR(LEFT(${cmp},1)="≥",LEFT(${cmp},2)=">="),IF(${result}>${target}+${tol},"${exceeded}",IF(${result}>=${target}-${tol},"${met}","${notMet}")),` +
    `IF(OR(LEFT(${cmp},1)="≤",LEFT(${cmp},2)="<="),IF(${result}<=${target}+${tol},"${met}","${notMet}"),` +
    `IF(LEFT(${cmp},1)=">",IF(${result}>${target}+${tol},"${met}","${notMet}"),` +
    `IF(LEFT(${cmp},1)="<",IF(${result}<${target}-${tol},"${met}","${notMet}"),""))))))`
  );
}

export function buildTargetsSheet(ctx: PlanContext): SheetBuilder {
  const t = ctx.template;
  const b = new SheetBuilder(
    "targets",
    ctx.sheetName("targets"),
    "targets",
    [6, 54, 16, 14, 12, 14, 12, 13, 18],
    ctx.names
  );
  const last = 9;
  b.set(1, 1, { value: "CHỈ TIÊU VÀ KẾT QUẢ THỰC HIỆN", style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: last });
  const help =
    'Sửa cột "So sánh" và "Mức chỉ tiêu" theo chỉ tiêu được giao. "Kết quả" lấy từ số liệu đã nhập ở các trang mục và bảng; ' +
    '"Tỷ lệ đạt" = kết quả / mức chỉ tiêu; "Đánh giá": Vượt, Đạt hoặc Chưa đạt theo cách so sánh ("trên 85%" chỉ đạt khi lớn hơn 85%).';
  b.set(2, 1, { value: help, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right: last });
  b.height(2, estimateHeight(help, 150, 2));
  [
    "STT",
    "Chỉ tiêu",
    "So sánh",
    "Mức chỉ tiêu",
    "Đơn vị tính",
    "Kết quả",
    "Tỷ lệ đạt",
    "Đánh giá",
    "Mã chỉ tiêu",
  ].forEach((h, i) => b.set(4, i + 1, { value: h, style: "header" }));
  b.height(4, 32);
  b.sheet.freeze = { rows: 4, columns: 0 };
  b.sheet.print = { landscape: true, titleRows: { first: 4, last: 4 } };

  t.targets.forEach((target, i) => {
    const r = 5 + i;
    const given = ctx.data.targets?.[target.id];
    const comparator = given?.comparator ?? target.comparator;
    const level = given ? given.value : target.value;
    const ind = target.indicator ? t.indicatorById.get(target.indicator) : undefined;
    const fmt = ind && isNumericType(ind.type) ? numberFormatOf(ind) : NUMBER_FORMATS.decimal(0);

    b.set(r, COL.n, { value: i + 1, style: "rowNumber" });
    b.set(r, COL.label, { value: target.text ?? target.label, style: "label" });
    b.height(r, estimateHeight(target.text ?? target.label, 54));
    b.set(r, COL.cmp, { value: COMPARATOR_LABELS[comparator], style: "input" });
    b.validate(
      listValidation(
        { top: r, left: COL.cmp, bottom: r, right: COL.cmp },
        "So sánh",
        Object.values(COMPARATOR_LABELS),
        "Chọn cách so sánh: = bằng; ≥ ít nhất; > trên; ≤ không quá; < dưới.",
        "Chọn một cách so sánh trong danh sách (=, ≥, >, ≤, <)."
      )
    );
    b.set(r, COL.value, { value: level, style: "input", numFmt: fmt });
    const rule = ind
      ? validationFor({ ...ind, min: 0, max: ind.type === "percent" ? 10 : null })
      : null;
    if (rule)
      b.validate(
        toPlanValidation(
          { top: r, left: COL.value, bottom: r, right: COL.value },
          "Mức chỉ tiêu",
          rule
        )
      );
    b.set(r, COL.unit, { value: target.unit || ind?.unit || null, style: "unit" });
    b.name(
      { kind: "targetComparator", target: target.id },
      { top: r, left: COL.cmp, bottom: r, right: COL.cmp }
    );
    b.name(
      { kind: "targetValue", target: target.id },
      { top: r, left: COL.value, bottom: r, right: COL.value }
    );

    const result = resultRef(ctx, target);
    const resultValue = target.indicator
      ? reportedValue(t, ctx.data, target.indicator, ctx.totals)
      : null;
    b.set(
      r,
      COL.result,
      result
        ? {
            formula: `IF(ISNUMBER(${result}),${result},"")`,
            result: resultValue ?? "",
            style: "computed",
            numFmt: fmt,
          }
        : { value: "Đánh giá trong nội dung", style: "unit" }
    );
    const res = cellA1(r, COL.result);
    const val = cellA1(r, COL.value);
    const cmp = cellA1(r, COL.cmp);
    b.set(r, COL.ratio, {
      formula: `IF(AND(ISNUMBER(${res}),ISNUMBER(${val})),IF(${val}<>0,${res}/${val},""),"")`,
      result: ratio(resultValue, level) ?? "",
      style: "computed",
      numFmt: NUMBER_FORMATS.percent(1),
    });
    const status = targetStatus(
      resultValue,
      comparatorFromLabel(COMPARATOR_LABELS[comparator]) ?? comparator,
      level
    );
    b.set(r, COL.status, {
      formula: statusFormula(res, cmp, val),
      result: status ? STATUS_LABELS[status].vi : "",
      style: "computed",
    });
    b.set(r, COL.code, { value: target.id, style: "code" });
  });
  return b;
}

function resultRef(ctx: PlanContext, target: TargetDefinition): string | null {
  if (!target.indicator) return null;
  const ind = ctx.template.indicatorById.get(target.indicator);
  if (!ind) return null;
  return ind.table
    ? definedName({ kind: "total", table: ind.table, indicator: ind.id })
    : definedName({ kind: "value", indicator: ind.id });
}
