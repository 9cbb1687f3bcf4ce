// Outliers against the previous period's workbook (warnings only): a figure that grew more than
// threefold or fell below a third is more often a typing slip (an extra zero, a missing digit)
// than a real change. Figures under 10 on both sides are left alone: small counts swing.
import type { Indicator, Template } from "../model/load";
import { isNumericType } from "../model/load";
import { formatNumber, roundHalfAwayFromZero } from "../format";
import type { DataValue, ReportData } from "../data/types";
import type { ValidationContext } from "./context";

export const OUTLIER_FACTOR = 3;
export const OUTLIER_MIN_SIZE = 10;

export interface PreviousPeriod {
  data: ReportData;
  label: string;
}

function compare(
  ctx: ValidationContext,
  ind: Indicator,
  cur: DataValue | undefined,
  prev: DataValue | undefined,
  row: number | undefined,
  who: string,
  prevLabel: string
): void {
  if (typeof cur !== "number" || typeof prev !== "number") return;
  if (Math.max(Math.abs(cur), Math.abs(prev)) < OUTLIER_MIN_SIZE || prev === 0) return;
  const ratio = cur / prev;
  if (ratio <= OUTLIER_FACTOR && ratio >= 1 / OUTLIER_FACTOR) return;
  const change =
    ratio > 1
      ? `tăng gấp ${formatNumber(roundHalfAwayFromZero(ratio, 1), { decimals: "auto" })} lần`
      : cur === 0
        ? "giảm về 0"
        : `giảm còn ${formatNumber(ratio * 100, { decimals: 0 })}%`;
  ctx.add(
    "warning",
    "outlier",
    ctx.placeOf(ind, row),
    ind.id,
    cur,
    `"${ind.label}"${who} là ${formatNumber(cur, { decimals: "auto" })}, ${change} so với ${prevLabel} (${formatNumber(prev, { decimals: "auto" })}). Kiểm tra lại có gõ thừa hay thiếu chữ số không.`
  );
}

export function checkAgainstPrevious(
  ctx: ValidationContext,
  template: Template,
  rawUnits: { name: string; values: Record<string, DataValue> }[],
  previous: PreviousPeriod
): void {
  for (const ind of template.indicators) {
    if (!isNumericType(ind.type) || ind.computed || ind.type === "percent") continue;
    if (!ind.table) {
      compare(
        ctx,
        ind,
        ctx.data.values[ind.id],
        previous.data.values[ind.id],
        undefined,
        "",
        previous.label
      );
    } else if (ind.perUnit) {
      const prevByName = new Map(
        previous.data.units.map((u) => [u.name.trim().toLocaleLowerCase("vi"), u.values])
      );
      rawUnits.forEach((u, i) => {
        if (!u.name) return;
        const prev = prevByName.get(u.name.trim().toLocaleLowerCase("vi"));
        if (prev)
          compare(ctx, ind, u.values[ind.id], prev[ind.id], i, ` của ${u.name}`, previous.label);
      });
    }
  }
}
