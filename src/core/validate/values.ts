// Rules on the figures themselves: required, bounds, whole numbers, a part never above its whole,
// a typed rate agreeing with its parts, dates inside the period, well-formed document numbers,
// and (advisory) each unit's figure against its own chỉ tiêu.
import { isNumericType, type Indicator } from "../model/load";
import { formatNumber, formatPercent, formatRatioPair } from "../format";
import { formatShortDate, isDateInPeriod, periodLabel } from "../period";
import type { DataValue } from "../data/types";
import type { ValidationContext } from "./context";
import { checkDocRef } from "./docref";
import type { Figure, Figures } from "./figures";

function shown(ind: Indicator, v: number): string {
  if (ind.type === "percent") return formatPercent(v, { decimals: "auto" });
  if (ind.type === "money") return `${formatNumber(v, { decimals: "auto" })} đồng`;
  return formatNumber(v, { decimals: "auto" });
}

/** Bounds as the sheet's data validation states them (counts ≥ 0, rates 0–100% unless set). */
export function boundsOf(ind: Indicator): { min: number | null; max: number | null } {
  let b = bounds.get(ind);
  if (!b) {
    b = boundsOfIndicator(ind);
    bounds.set(ind, b);
  }
  return b;
}

// Asked once per figure (100,000 in a large workbook), answered once per indicator.
const bounds = new WeakMap<Indicator, { min: number | null; max: number | null }>();

function boundsOfIndicator(ind: Indicator): { min: number | null; max: number | null } {
  if (ind.type === "percent") return { min: ind.min ?? 0, max: ind.max ?? 1 };
  if (isNumericType(ind.type)) return { min: ind.min ?? 0, max: ind.max };
  return { min: null, max: null };
}

// Which indicators each rule looks at: the rest of the figures are not visited at all.
const isRequired = (ind: Indicator) => !!ind.required;
const isNumeric = (ind: Indicator) => isNumericType(ind.type);
const isPart = (ind: Indicator) => !!ind.partOf;
const isTypedRate = (ind: Indicator) => ind.type === "percent" && !ind.computed && !!ind.ratioOf;
const isDate = (ind: Indicator) => ind.type === "date";
const isDocRef = (ind: Indicator) => ind.type === "docref";

const where = (f: Figure) => (f.rowLabel ? ` của ${f.rowLabel}` : "");

export function checkRequired(ctx: ValidationContext, figs: Figures): void {
  figs.each(isRequired, (f) => {
    if (f.value !== null) return;
    // A required column of a per-unit table is required for every unit; of a list table, never
    // for its empty rows.
    const table = f.ind.table ? ctx.template.tableById.get(f.ind.table) : undefined;
    if (
      table?.kind === "list" &&
      !Object.values(f.row ?? {}).some((v) => v !== null && v !== undefined)
    )
      return;
    ctx.add(
      "error",
      "required",
      f.place,
      f.ind.id,
      null,
      `chưa có "${f.ind.label}"${where(f)}, mục bắt buộc. Nhập số liệu (ghi 0 nếu thực sự bằng không).`
    );
  });
}

export function checkNumbers(ctx: ValidationContext, figs: Figures): void {
  // Figures come column by column: an indicator's bounds are looked up once per column.
  let boundsFor: Indicator | null = null;
  let bounds: { min: number | null; max: number | null } = { min: null, max: null };
  figs.each(isNumeric, (f) => {
    if (typeof f.value !== "number") return;
    const v = f.value;
    if (
      (f.ind.type === "integer" || f.ind.type === "money") &&
      !Number.isInteger(Math.round(v * 1e6) / 1e6)
    ) {
      ctx.add(
        "error",
        "whole-number",
        f.place,
        f.ind.id,
        v,
        `"${f.ind.label}"${where(f)} là ${formatNumber(v, { decimals: "auto" })}, phải là số nguyên${f.ind.type === "money" ? " (đồng)" : ""}. Gõ lại số nguyên.`
      );
    }
    if (f.ind !== boundsFor) {
      boundsFor = f.ind;
      bounds = boundsOf(f.ind);
    }
    const { min, max } = bounds;
    if (min !== null && v < min - 1e-9) {
      ctx.add(
        "error",
        "min",
        f.place,
        f.ind.id,
        v,
        `"${f.ind.label}"${where(f)} là ${shown(f.ind, v)}, nhỏ hơn mức tối thiểu ${shown(f.ind, min)}. Kiểm tra lại số liệu.`
      );
    }
    if (max !== null && v > max + 1e-9) {
      const hint =
        f.ind.type === "percent" && v > 1 && v <= 100
          ? ` Có thể đã gõ ${formatNumber(v)} thay vì ${formatNumber(v)}%: gõ kèm dấu %.`
          : "";
      ctx.add(
        "error",
        "max",
        f.place,
        f.ind.id,
        v,
        `"${f.ind.label}"${where(f)} là ${shown(f.ind, v)}, vượt mức tối đa ${shown(f.ind, max)}.${hint} Kiểm tra lại số liệu.`
      );
    }
  });
}

const num = (v: DataValue | undefined): number | null => (typeof v === "number" ? v : null);

export function checkPartOf(ctx: ValidationContext, figs: Figures): void {
  figs.each(isPart, (f) => {
    const wholeId = f.ind.partOf!;
    const part = num(f.value);
    if (part === null) return;
    const whole = num(f.row?.[wholeId]);
    if (whole === null || part <= whole + 1e-9) return;
    const wholeInd = ctx.template.indicatorById.get(wholeId)!;
    ctx.add(
      "error",
      "part-of-whole",
      f.place,
      f.ind.id,
      part,
      `"${f.ind.label}"${where(f)} là ${shown(f.ind, part)}, lớn hơn "${wholeInd.label}" (${shown(wholeInd, whole)}). Bộ phận không thể vượt tổng số: sửa một trong hai số.`
    );
  });
}

/**
 * A rate typed by the user must agree with its parts when both are given, at the precision it was
 * typed with: 87% for 572/651 (87,87%) is flagged, 88% or 87,9% is not.
 */
export function checkTypedRates(ctx: ValidationContext, figs: Figures): void {
  figs.each(isTypedRate, (f) => {
    const ratioOf = f.ind.ratioOf!;
    const typed = num(f.value);
    const part = num(f.row?.[ratioOf.part]);
    const whole = num(f.row?.[ratioOf.whole]);
    if (typed === null || part === null || whole === null || whole === 0) return;
    const actual = part / whole;
    const pct = typed * 100;
    const decimals = Math.min(4, (String(Math.round(pct * 1e6) / 1e6).split(".")[1] ?? "").length);
    const tolerance = (0.5 * Math.pow(10, -decimals)) / 100 + 1e-9;
    if (Math.abs(actual - typed) <= tolerance) return;
    ctx.add(
      "warning",
      "rate-mismatch",
      f.place,
      f.ind.id,
      typed,
      `"${f.ind.label}"${where(f)} ghi ${formatPercent(typed, { decimals: "auto" })} nhưng ${formatRatioPair(part, whole)} = ${formatPercent(actual, { decimals: 1 })}. Sửa tỷ lệ cho khớp, hoặc sửa số liệu.`
    );
  });
}

export function checkDates(ctx: ValidationContext, figs: Figures): void {
  const p = ctx.period;
  if (!p) return;
  figs.each(isDate, (f) => {
    if (typeof f.value !== "string") return;
    if (isDateInPeriod(f.value, p)) return;
    const after = f.value > p.end;
    ctx.add(
      after ? "error" : "warning",
      "date-in-period",
      f.place,
      f.ind.id,
      f.value,
      `"${f.ind.label}"${where(f)} là ${formatShortDate(f.value)}, ${after ? "sau" : "trước"} ${periodLabel(p)} (${formatShortDate(p.start)} – ${formatShortDate(p.end)}). ${after ? "Kiểm tra lại năm, tháng đã gõ." : "Kiểm tra lại nếu không cố ý."}`
    );
  });
}

export function checkDocRefs(ctx: ValidationContext, figs: Figures): void {
  figs.each(isDocRef, (f) => {
    if (typeof f.value !== "string") return;
    const c = checkDocRef(f.value);
    if (!c.ok) {
      ctx.add(
        "error",
        "docref",
        f.place,
        f.ind.id,
        f.value,
        `"${f.ind.label}"${where(f)}: ${c.reason}.`
      );
    } else if (c.hadSpaces) {
      ctx.add(
        "warning",
        "docref",
        f.place,
        f.ind.id,
        f.value,
        `"${f.ind.label}"${where(f)} "${f.value}" có khoảng trắng thừa quanh dấu / hoặc -; nên ghi "${c.normalized}".`
      );
    }
  });
}

/** Advisory: each unit's or row's figure against the chỉ tiêu column of the same row. */
export function checkRowTargets(ctx: ValidationContext, figs: Figures): void {
  const hasTarget = (ind: Indicator) => !!ind.target && ctx.template.indicatorById.has(ind.target);
  figs.each(hasTarget, (f) => {
    const targetId = f.ind.target!;
    const value = num(f.value);
    const target = num(f.row?.[targetId]);
    if (value === null || target === null || target <= 0 || value >= target) return;
    ctx.add(
      "warning",
      "target",
      f.place,
      f.ind.id,
      value,
      `"${f.ind.label}"${where(f)} đạt ${shown(f.ind, value)}/${shown(f.ind, target)}, bằng ${formatPercent(value / target, { decimals: "auto" })} chỉ tiêu: chưa đạt (chỉ để lưu ý).`
    );
  });
}
