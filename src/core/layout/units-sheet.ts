// The units sheet: the reporting units (provinces of a cluster, upper-level unions of a province)
// that every per-unit table lists, each with its parent for multi-level roll-ups.
import type { PlanContext } from "./context";
import { clip } from "./messages";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { NUMBER_FORMATS } from "./styles";
import { UNITS_FIRST_ROW, UNITS_NAME_COL } from "./table-sheet";

export function buildUnitsSheet(ctx: PlanContext): SheetBuilder {
  const t = ctx.template;
  const b = new SheetBuilder("units", ctx.sheetName("units"), "units", [6, 44, 40], ctx.names);
  const label = t.units?.label ?? "Đơn vị";
  b.set(1, 1, { value: `DANH SÁCH ${label.toLocaleUpperCase("vi")} BÁO CÁO`, style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: 3 });
  const help =
    "Mỗi dòng một đơn vị. Các bảng theo đơn vị lấy tên từ trang này, theo đúng thứ tự dòng. " +
    'Cột "Đơn vị cấp trên" để trống nếu đơn vị trực thuộc trực tiếp; ghi tên đơn vị cấp trên khi tổng hợp nhiều cấp. ' +
    "Cần thêm dòng: tạo lại sổ từ BáoCáo với danh sách đơn vị mới.";
  b.set(2, 1, { value: help, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right: 3 });
  b.height(2, estimateHeight(help, 90, 2));
  const headerRow = UNITS_FIRST_ROW - 1;
  b.set(headerRow, 1, { value: "STT", style: "header" });
  b.set(headerRow, UNITS_NAME_COL, {
    value: `Tên ${label.toLocaleLowerCase("vi")}`,
    style: "header",
  });
  b.set(headerRow, 3, { value: "Đơn vị cấp trên", style: "header" });

  const count = Math.max(1, ctx.units.length || (t.units?.blankRows ?? 10));
  for (let i = 0; i < count; i++) {
    const r = UNITS_FIRST_ROW + i;
    const unit = ctx.units[i];
    b.set(r, 1, { value: i + 1, style: "rowNumber" });
    b.set(r, UNITS_NAME_COL, {
      value: unit?.name ?? null,
      style: "inputText",
      numFmt: NUMBER_FORMATS.text,
    });
    b.set(r, 3, { value: unit?.parent ?? null, style: "inputText", numFmt: NUMBER_FORMATS.text });
  }
  const bottom = UNITS_FIRST_ROW + count - 1;
  const names = { top: UNITS_FIRST_ROW, left: UNITS_NAME_COL, bottom, right: UNITS_NAME_COL };
  b.validate({
    range: names,
    kind: "textLength",
    operator: "between",
    formula1: 1,
    formula2: 200,
    promptTitle: clip(`Tên ${label.toLocaleLowerCase("vi")}`, 32),
    prompt: "Tên đầy đủ của đơn vị, ví dụ: LĐLĐ tỉnh Lai Châu. Mỗi đơn vị chỉ ghi một lần.",
    errorTitle: "Tên đơn vị không hợp lệ",
    error: "Tên đơn vị dài từ 1 đến 200 ký tự.",
  });
  b.name({ kind: "unitName" }, names);
  b.name({ kind: "unitParent" }, { top: UNITS_FIRST_ROW, left: 3, bottom, right: 3 });
  b.sheet.freeze = { rows: headerRow, columns: 0 };
  b.sheet.print = { landscape: false, titleRows: { first: headerRow, last: headerRow } };
  return b;
}
