/** Vietnamese figures: rounding, formatting and reading numbers as the documents write them. */
export { roundHalfAwayFromZero } from "./round";
export { type Decimals, AUTO_MAX_DECIMALS } from "./options";
export { formatNumber, formatInteger, formatRatioPair } from "./number";
export { formatPercent } from "./percent";
export { formatMoney, type MoneyStyle, TY, TRIEU, NGHIN } from "./money";
export {
  parseVietnameseNumber,
  isParseError,
  type NumberTextKind,
  type ParsedNumber,
  type ParseError,
  type ParseNumberResult,
} from "./parse";
export {
  HEDGES,
  HEDGE_LIST,
  HEDGE_WORDS,
  HEDGE_WORDS_EN,
  hedgeWord,
  hedged,
  parseHedge,
  type Hedge,
} from "./hedge";
