// Advisory checks of the report's results against its chỉ tiêu (the Chỉ tiêu sheet).
import { formatNumber, formatPercent } from "../format";
import { reportedValue } from "../rollup/totals";
import { COMPARATOR_LABELS, STATUS_LABELS, targetStatus } from "../rollup/status";
import type { ValidationContext } from "./context";

export function checkTargets(ctx: ValidationContext): void {
  const t = ctx.template;
  const totals = ctx.totals;
  for (const target of t.targets) {
    const given = ctx.data.targets?.[target.id];
    const comparator = given?.comparator ?? target.comparator;
    const level = given ? given.value : target.value;
    if (!target.indicator || level === null) continue;
    const ind = t.indicatorById.get(target.indicator)!;
    const result = reportedValue(t, ctx.data, target.indicator, totals);
    const status = targetStatus(result, comparator, level);
    if (status !== "notMet" || result === null) continue;
    const fmt = (v: number) =>
      ind.type === "percent"
        ? formatPercent(v, { decimals: "auto" })
        : formatNumber(v, { decimals: "auto" });
    ctx.add(
      "warning",
      "target",
      ctx.place({ kind: "targetValue", target: target.id }),
      target.id,
      result,
      `chỉ tiêu "${target.label}": kết quả ${fmt(result)} ${STATUS_LABELS.notMet.vi.toLowerCase()} mức "${COMPARATOR_LABELS[comparator]} ${fmt(level)}"${ind.type !== "percent" && level > 0 ? ` (${formatPercent(result / level, { decimals: "auto" })})` : ""} (chỉ để lưu ý).`
    );
  }
}
