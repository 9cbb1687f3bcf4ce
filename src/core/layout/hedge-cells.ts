// The hedge companion of a figure: a small cell (section figures) or column (table figures) where
// the writer picks "trên", "gần", "hơn", "khoảng" or "ít nhất" when the figure is not exact
// ("trên 55.680 lượt"). Blank means exact. The cells sit after the existing columns, so every
// input of a workbook made before hedges keeps its address (readers and the "moved" check key on
// addresses planned by the current layout).
import type { Indicator } from "../model/load";
import { isNumericType } from "../model/load";
import { HEDGE_LIST, HEDGE_LIST_TEXT, HEDGE_WORDS, type Hedge } from "../format/hedge";
import { rangeA1, type RangeAddress } from "./a1";
import { listValidation } from "./messages";
import type { PlanValidation, PlanValue } from "./plan";

/** Header of a hedge column (the table's figure label follows on table sheets). */
export const HEDGE_HEADER = "Trên/gần… (nếu ước)";

/** Width of a hedge column, in characters: "ít nhất" and its dropdown arrow. */
export const HEDGE_WIDTH = 10;

/** Figures a writer may hedge: typed numbers (rates computed by the sheet take their parts' hedge). */
export function hedgeable(ind: Pick<Indicator, "type" | "computed" | "role">): boolean {
  return isNumericType(ind.type) && !ind.computed && ind.role !== "target";
}

export function hedgeValidation(range: RangeAddress, label: string): PlanValidation {
  return listValidation(
    range,
    "Trên / gần / khoảng",
    [...HEDGE_LIST],
    `Để trống nếu "${label}" là số chính xác. Nếu là số ước, chọn từ đứng trước số khi viết báo cáo: ${HEDGE_LIST_TEXT} (ví dụ "trên 55.680 lượt").`,
    `Chỉ chọn một trong các từ: ${HEDGE_LIST_TEXT}; hoặc để trống khi số liệu chính xác.`
  );
}

/** A hedge as the cell holds it: its Vietnamese word, or blank. */
export function hedgeCellValue(h: Hedge | null | undefined): PlanValue {
  return h ? HEDGE_WORDS[h] : null;
}

/**
 * A total row's hedge: the rule of rollup/hedge.ts (combineHedges) in Excel, so the cell follows
 * the units' hedges as they are edited. Only rows whose figure is a number count. Written for sums
 * and averages; other aggregations get no formula (the draft still applies aggregateHedge).
 */
export function hedgeTotalFormula(hedges: RangeAddress, values: RangeAddress): string {
  const h = rangeA1(hedges);
  const v = rangeA1(values);
  const n = (word: string) => `SUMPRODUCT((TRIM(${h})="${word}")*ISNUMBER(${v}))`;
  const about = n(HEDGE_WORDS.about);
  const nearly = n(HEDGE_WORDS.nearly);
  const over = n(HEDGE_WORDS.over);
  const more = n(HEDGE_WORDS.moreThan);
  const least = n(HEDGE_WORDS.atLeast);
  const lower = `(${over}+${more}+${least})`;
  return (
    `IF(${about}+${nearly}*${lower}>0,"${HEDGE_WORDS.about}",` +
    `IF(${nearly}>0,"${HEDGE_WORDS.nearly}",` +
    `IF(${lower}=0,"",` +
    `IF(${more}=${lower},"${HEDGE_WORDS.moreThan}",` +
    `IF(${least}=${lower},"${HEDGE_WORDS.atLeast}","${HEDGE_WORDS.over}")))))`
  );
}
