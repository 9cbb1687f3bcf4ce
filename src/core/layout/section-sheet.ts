// A report section's sheet: its headings and sub-items as in the document, the writer's guidance,
// an input row for each figure (with comparison columns where the template has baselines),
// links to its tables, and a free-text cell for the section's own wording.
import type { Indicator, Section } from "../model/load";
import { isNumericType } from "../model/load";
import { formatSectionNumber } from "../model/numbering";
import { expandPlaceholders } from "../model/title";
import type { Baseline } from "../model/schema";
import { ratio } from "../rollup/aggregate";
import { isUnitSentence, parseSegments, tokensOf } from "../narrative/tokens";
import { cellA1, quoteSheet } from "./a1";
import {
  cellValueOf,
  inputStyleOf,
  numberFormatOf,
  ratioFormula,
  type PlanContext,
} from "./context";
import { toPlanValidation, validationFor } from "./messages";
import {
  HEDGE_HEADER,
  HEDGE_WIDTH,
  hedgeCellValue,
  hedgeable,
  hedgeValidation,
} from "./hedge-cells";
import { definedName } from "./names";
import { SheetBuilder, estimateHeight } from "./sheet-builder";
import { sentenceKey } from "../narrative/tokens";
import { NUMBER_FORMATS, type StyleName } from "./styles";

const BASELINE_HEADERS: Record<Baseline, [string, string]> = {
  lastYear: ["Cùng kỳ năm trước", "So với cùng kỳ"],
  startOfTerm: ["Đầu nhiệm kỳ", "So với đầu nhiệm kỳ"],
};

const COL = { number: 1, label: 2, value: 3, unit: 4 } as const;
const WIDTH_LABEL = 56;

export function buildSectionSheet(ctx: PlanContext, sheetSection: Section): SheetBuilder {
  const t = ctx.template;
  const baselines = t.baselines;
  // The hedge column comes after the existing ones, so no input of an older workbook moves.
  const widths = [7, WIDTH_LABEL, 16, 12, ...baselines.flatMap(() => [15, 11]), HEDGE_WIDTH, 18];
  const b = new SheetBuilder(
    `section:${sheetSection.id}`,
    ctx.sheetName(`section:${sheetSection.id}`),
    "section",
    widths,
    ctx.names
  );
  const last = widths.length;
  const codeCol = last;
  const hedgeCol = last - 1;
  const textWidth = widths.slice(1, last - 1).reduce((a, w) => a + w, 0);

  const heading = (s: Section) => expandPlaceholders(t, s.heading, ctx.data.header.period);
  const titleText =
    `${formatSectionNumber(sheetSection.number, sheetSection.level)} ${heading(sheetSection)}`.trim();
  b.set(1, 1, { value: titleText.toLocaleUpperCase("vi"), style: "title" });
  b.merge({ top: 1, left: 1, bottom: 1, right: last });
  b.height(1, estimateHeight(titleText, textWidth + 20, 1, 20));
  const help =
    "Ô màu vàng: nhập số liệu hoặc nội dung; ô màu xanh: công thức tự tính. Để trống khi không có số liệu " +
    "(không ghi 0 thay cho ô trống). Số liệu ước: chọn trên, gần, hơn, khoảng hoặc ít nhất ở cột " +
    `"${HEDGE_HEADER}" cùng dòng. Nội dung tự viết được giữ nguyên khi xuất bản Word.`;
  b.set(2, 1, { value: help, style: "instructions" });
  b.merge({ top: 2, left: 1, bottom: 2, right: last });
  b.height(2, estimateHeight(help, textWidth + 20, 2));
  // Row 3 is free: a prompt carried from the previous report goes there, so no input moves.
  const carried = t.allSections
    .filter((s) => s.sheetSection === sheetSection.id && ctx.sectionPrompts?.[s.id])
    .map((s) => ctx.sectionPrompts![s.id])
    .join("\n");
  if (carried) {
    b.set(3, 1, { value: carried, style: "prompt" });
    b.merge({ top: 3, left: 1, bottom: 3, right: last });
    b.height(3, estimateHeight(carried, textWidth + 20));
  }

  const headers = [
    "Mục",
    "Nội dung",
    "Số liệu",
    "Đơn vị tính",
    ...baselines.flatMap((bl) => BASELINE_HEADERS[bl]),
    HEDGE_HEADER,
    "Mã chỉ số",
  ];
  headers.forEach((h, i) => b.set(4, i + 1, { value: h, style: "header" }));
  b.height(4, 32);
  b.sheet.freeze = { rows: 4, columns: 0 };
  b.sheet.print = { landscape: baselines.length > 0, titleRows: { first: 4, last: 4 } };

  let row = 5;

  // A PHẦN that groups roman sections is announced on its first section's sheet.
  const parent = sheetSection.parent ? t.sectionById.get(sheetSection.parent) : undefined;
  if (parent && parent.level === "part" && parent.children[0]?.id === sheetSection.id) {
    row = writeHeading(b, row, parent, heading(parent), "heading1", last, textWidth);
    row = writeGuidance(ctx, b, row, parent, last, textWidth);
  }

  const visit = (s: Section, depth: number) => {
    const style: StyleName = depth === 0 ? "heading1" : depth === 1 ? "heading2" : "heading3";
    // The sheet's own section is already its title.
    if (depth > 0) row = writeHeading(b, row, s, heading(s), style, last, textWidth);
    row = writeGuidance(ctx, b, row, s, last, textWidth);
    for (const ind of s.indicators)
      row = writeIndicator(ctx, b, row, ind, baselines, codeCol, hedgeCol);
    for (const table of s.tables) {
      const sheet = ctx.sheetName(`table:${table.id}`);
      const text = `Bảng "${table.title}": nhập ở trang "${sheet}" (bấm để mở).`;
      b.set(row, COL.label, {
        formula: `HYPERLINK("#${quoteSheet(sheet).replace(/"/g, '""')}!A1","${text.replace(/"/g, '""')}")`,
        result: text,
        style: "note",
      });
      b.merge({ top: row, left: COL.label, bottom: row, right: last - 1 });
      row++;
    }
    if (s.sentences.length > 0) row = writeSentences(ctx, b, row, s, last, textWidth);
    if (s.text) row = writeTextSlot(ctx, b, row, s, last, textWidth);
    for (const child of s.children) visit(child, depth + 1);
  };
  visit(sheetSection, 0);
  return b;
}

function writeHeading(
  b: SheetBuilder,
  row: number,
  s: Section,
  text: string,
  style: StyleName,
  last: number,
  textWidth: number
): number {
  const number = formatSectionNumber(s.number, s.level);
  if (s.level === "part") {
    b.set(row, COL.number, { value: `${number}: ${text}`, style });
    b.merge({ top: row, left: COL.number, bottom: row, right: last });
    return row + 1;
  }
  b.set(row, COL.number, { value: number, style });
  const heading = s.level === "roman" ? text.toLocaleUpperCase("vi") : text;
  b.set(row, COL.label, { value: heading, style });
  b.merge({ top: row, left: COL.label, bottom: row, right: last });
  b.height(row, estimateHeight(heading, textWidth + 18));
  return row + 1;
}

function writeGuidance(
  _ctx: PlanContext,
  b: SheetBuilder,
  row: number,
  s: Section,
  last: number,
  textWidth: number
): number {
  if (!s.prompt) return row;
  b.set(row, COL.label, { value: s.prompt, style: "prompt" });
  b.merge({ top: row, left: COL.label, bottom: row, right: last });
  b.height(row, estimateHeight(s.prompt, textWidth + 18));
  return row + 1;
}

function writeIndicator(
  ctx: PlanContext,
  b: SheetBuilder,
  row: number,
  ind: Indicator,
  baselines: Baseline[],
  codeCol: number,
  hedgeCol: number
): number {
  const label = ind.required ? `${ind.label} (*)` : ind.label;
  b.set(row, COL.number, { style: "rowNumber" });
  b.set(row, COL.label, { value: label, style: "labelIndent" });
  b.set(row, COL.unit, { value: ind.unit || null, style: "unit" });
  b.set(row, codeCol, { value: ind.id, style: "code" });
  const cell = { top: row, left: COL.value, bottom: row, right: COL.value };

  if (ind.computed && ind.ratioOf) {
    const part = definedName({ kind: "value", indicator: ind.ratioOf.part });
    const whole = definedName({ kind: "value", indicator: ind.ratioOf.whole });
    const num = (id: string) => {
      const v = ctx.data.values[id];
      return typeof v === "number" ? v : null;
    };
    b.set(row, COL.value, {
      formula: ratioFormula(part, whole),
      result: ratio(num(ind.ratioOf.part), num(ind.ratioOf.whole)) ?? "",
      style: "computed",
      numFmt: numberFormatOf(ind),
    });
  } else {
    b.set(row, COL.value, {
      value: cellValueOf(ind, ctx.data.values[ind.id]),
      style: inputStyleOf(ind),
      numFmt: numberFormatOf(ind),
    });
    const v = validationFor(ind);
    if (v) b.validate(toPlanValidation(cell, ind.label, v));
  }
  b.name({ kind: "value", indicator: ind.id }, cell);
  if (hedgeable(ind)) {
    const hedgeCell = { top: row, left: hedgeCol, bottom: row, right: hedgeCol };
    b.set(row, hedgeCol, {
      value: hedgeCellValue(ctx.data.hedges?.values?.[ind.id]),
      style: "input",
      numFmt: NUMBER_FORMATS.text,
    });
    b.validate(hedgeValidation(hedgeCell, ind.label));
    b.name({ kind: "hedge", indicator: ind.id }, hedgeCell);
  } else {
    b.set(row, hedgeCol, { style: "unit" });
  }

  let col = COL.unit + 1;
  for (const bl of baselines) {
    if (isNumericType(ind.type) && !ind.computed) {
      const baseCell = { top: row, left: col, bottom: row, right: col };
      const baseValue = ctx.data.baselines?.[bl]?.[ind.id];
      b.set(row, col, {
        value: cellValueOf(ind, baseValue),
        style: "input",
        numFmt: numberFormatOf(ind),
      });
      const v = validationFor(ind);
      if (v) b.validate(toPlanValidation(baseCell, `${BASELINE_HEADERS[bl][0]}`, v));
      b.name({ kind: "baseline", baseline: bl, indicator: ind.id }, baseCell);
      const current = cellA1(row, COL.value);
      const base = cellA1(row, col);
      const cur = ctx.data.values[ind.id];
      b.set(row, col + 1, {
        formula: `IF(AND(ISNUMBER(${current}),ISNUMBER(${base})),IF(${base}<>0,${current}/${base}-1,""),"")`,
        result:
          typeof cur === "number" && typeof baseValue === "number" && baseValue !== 0
            ? cur / baseValue - 1
            : "",
        style: "computed",
        numFmt: NUMBER_FORMATS.change,
      });
    } else {
      b.set(row, col, { style: "unit" });
      b.set(row, col + 1, { style: "unit" });
    }
    col += 2;
  }
  return row + 1;
}

/**
 * The sentences the draft writes this section's figures in, each in a cell the unit can reword
 * ("Câu trong báo cáo"): the template's wording until the unit changes it. A cleared cell leaves
 * the sentence out.
 */
function writeSentences(
  ctx: PlanContext,
  b: SheetBuilder,
  row: number,
  s: Section,
  last: number,
  textWidth: number
): number {
  // A section with per-unit sentences says where they go: they are not in the body.
  const perUnit = s.sentences.some((x) => isUnitSentence(x.text))
    ? " Câu có {don_vi} là câu của từng đơn vị, in ở chú thích dưới câu nêu tổng; đơn vị cần lời" +
      ' riêng thì thêm một dòng trong ô: "Tên đơn vị: câu của đơn vị".'
    : "";
  // Only where an amount can be said: the style words apply to money alone.
  const money = s.sentences.some((x) =>
    tokensOf(parseSegments(x.text, true)).some(
      (t) => ctx.template.indicatorById.get(t.id)?.type === "money"
    )
  )
    ? " Số tiền: {mã:day_du} viết đủ chữ số, {mã:trieu} theo triệu, {mã:gon} theo tỷ/triệu."
    : "";
  const note =
    "Câu trong báo cáo (sửa được): {mã} là số liệu của ô có mã đó (cột Mã chỉ số); phần trong [ ] " +
    "được bỏ khi số liệu trong đó trống hoặc bằng 0; xoá trắng ô để không viết câu này." +
    perUnit +
    money;
  b.set(row, COL.label, { value: note, style: "note" });
  b.merge({ top: row, left: COL.label, bottom: row, right: last - 1 });
  b.height(row, estimateHeight(note, textWidth));
  row++;
  for (const sentence of s.sentences) {
    const key = sentenceKey(s.id, sentence.id);
    const value = ctx.data.sentences?.[key] ?? sentence.text;
    b.set(row, COL.number, { style: "rowNumber" });
    // One cell, not merged: validation reads a merge over an input as lost data.
    b.set(row, COL.label, { value, style: "inputLongText", numFmt: NUMBER_FORMATS.text });
    b.set(row, last, { value: key, style: "code" });
    b.height(row, estimateHeight(value, WIDTH_LABEL));
    b.name(
      { kind: "sentence", section: s.id, sentence: sentence.id },
      { top: row, left: COL.label, bottom: row, right: COL.label }
    );
    row++;
  }
  return row;
}

function writeTextSlot(
  ctx: PlanContext,
  b: SheetBuilder,
  row: number,
  s: Section,
  last: number,
  textWidth: number
): number {
  const slot = s.text!;
  const label =
    (slot.label ?? "Nội dung của mục (viết tự do; được giữ nguyên khi xuất Word)") +
    (slot.required ? " (*)" : "");
  b.set(row, COL.label, { value: label, style: "note" });
  b.merge({ top: row, left: COL.label, bottom: row, right: last - 1 });
  row++;
  const text = ctx.data.texts[s.id] ?? null;
  b.set(row, COL.number, { style: "rowNumber" });
  b.set(row, COL.label, { value: text, style: "inputLongText", numFmt: NUMBER_FORMATS.text });
  b.merge({ top: row, left: COL.label, bottom: row, right: last - 1 });
  b.set(row, last, { value: s.id, style: "code" });
  b.height(row, Math.max(slot.required ? 110 : 80, estimateHeight(text ?? "", textWidth)));
  b.name(
    { kind: "text", section: s.id },
    { top: row, left: COL.label, bottom: row, right: COL.label }
  );
  return row + 1;
}
