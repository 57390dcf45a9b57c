/**
 * Scoring (domain.md §4): decimal-exact rounding, execution rate and score, indicator scores,
 * totals and grades, and the interval checks of printed figures.
 */
export type { Comparator } from "../values/types";
export { cleanFloat, decimalMultiply, decimalSum, roundHalfUp, truncateDecimals } from "./decimal";
export { displayRatePercent, executionRate, executionScore, formatRate } from "./execution";
export { grade, qualitativeBand, sumScores, totalCap, type Grade } from "./grade";
export {
  deviation,
  indicatorScore,
  type IndicatorScore,
  type IndicatorScoreInput,
} from "./indicator";
export {
  acceptsPrintedRate,
  acceptsPrintedScore,
  narrowByPrintedRate,
  printedInterval,
  printedRateInterval,
  rateInterval,
  type Interval,
  type PrintedNumber,
} from "./interval";
