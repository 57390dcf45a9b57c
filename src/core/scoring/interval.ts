/**
 * Interval checks of printed figures (domain.md §4): printed amounts are themselves rounded, so the
 * exact rate is only known to lie in an interval, and a printed 执行率 or 得分 is accepted when some
 * value in that interval explains it.
 */
import { PerfError } from "../errors";
import type { Profile } from "../profiles/schema";
import { cleanFloat, decimalMultiply } from "./decimal";

/** A number as printed, with the count of decimals printed (its precision). */
export interface PrintedNumber {
  value: number;
  decimals: number;
}

/** Closed interval of possible exact values. */
export interface Interval {
  lo: number;
  hi: number;
}

/**
 * Slack for float noise at bucket edges, relative to the magnitude compared. Inclusive edges are
 * widened by it (never reject an honest print because of noise); exclusive edges are narrowed by it
 * (0.535 rounds half-up to 0.54, so a printed 0.53 must stay rejected even if noise says 0.53499…).
 */
function epsilon(magnitude: number): number {
  return 1e-9 * Math.max(1, Math.abs(magnitude));
}

function unit(decimals: number): number {
  return Number(`1e-${decimals}`);
}

/** The interval of exact values a printed number stands for (0.16 → 0.155 … 0.165). */
export function printedInterval(printed: PrintedNumber): Interval {
  const half = unit(printed.decimals) / 2;
  return { lo: cleanFloat(printed.value - half), hi: cleanFloat(printed.value + half) };
}

/**
 * The interval of exact rates consistent with printed 全年预算数 and 全年执行数:
 * [executed.lo ÷ budget.hi, executed.hi ÷ budget.lo]. A budget whose interval reaches 0 leaves the
 * rate unbounded above; a printed budget of 0 (or less) has no rate at all (#DIV/0!).
 */
export function rateInterval(budget: PrintedNumber, executed: PrintedNumber): Interval {
  if (!(budget.value > 0)) {
    throw new PerfError("#DIV/0!", "全年预算数为 0，无法计算执行率，请填写调整后的全年预算数。");
  }
  if (executed.value < 0) {
    throw new PerfError("#NUM!", "全年执行数不能为负数，请检查填写的金额。");
  }
  const bud = printedInterval(budget);
  const ex = printedInterval(executed);
  const exLo = Math.max(0, ex.lo);
  return { lo: exLo / bud.hi, hi: bud.lo <= 0 ? Infinity : ex.hi / bud.lo };
}

/**
 * Whether [lo, hi] meets the half-open bucket [from, to): the values that print as one figure.
 */
function meetsBucket(values: Interval, from: number, to: number): boolean {
  return values.hi >= from - epsilon(from) && values.lo < to - epsilon(to);
}

/**
 * A printed 执行率 (in percent, e.g. 99.04 with 2 decimals) is accepted when rounding half-up or
 * truncating some rate in the interval to the printed decimals gives it: display is cosmetic.
 */
export function acceptsPrintedRate(rates: Interval, printedPercent: PrintedNumber): boolean {
  const percents: Interval = {
    lo: decimalMultiply(rates.lo, 100),
    hi: rates.hi === Infinity ? Infinity : decimalMultiply(rates.hi, 100),
  };
  const p = printedPercent.value;
  const step = unit(printedPercent.decimals);
  // Rounding gives p on [p − step/2, p + step/2), truncation on [p, p + step): together
  // [p − step/2, p + step).
  return meetsBucket(percents, cleanFloat(p - step / 2), cleanFloat(p + step));
}

/**
 * The rates a printed 执行率 (in percent) stands for when it is accepted: rounding gives p on
 * [p − step/2, p + step/2), truncation on [p, p + step), so the exact rate lies in
 * [p − step/2, p + step) as a fraction.
 */
export function printedRateInterval(printedPercent: PrintedNumber): Interval {
  const step = unit(printedPercent.decimals);
  return {
    lo: cleanFloat((printedPercent.value - step / 2) / 100),
    hi: cleanFloat((printedPercent.value + step) / 100),
  };
}

/**
 * The rates the score is checked against (domain.md §4): the amounts' interval, narrowed by the
 * printed 执行率 when that rate is accepted — "0.16 / 0.15" alone allows 87.9–100%, but a printed
 * 93.75% says which. A printed rate that is not accepted narrows nothing (exec-rate-mismatch
 * reports it), and neither does an intersection that float noise left empty.
 */
export function narrowByPrintedRate(
  rates: Interval,
  printedPercent: PrintedNumber | undefined,
): Interval {
  if (printedPercent === undefined || !acceptsPrintedRate(rates, printedPercent)) return rates;
  const printed = printedRateInterval(printedPercent);
  const lo = Math.max(rates.lo, printed.lo);
  const hi = Math.min(rates.hi, printed.hi);
  return lo <= hi ? { lo, hi } : rates;
}

/**
 * A printed execution 得分 is accepted when rounding half-up (the profile's rounding) some score
 * weight × min(rate, 1) with the rate in the interval, at the printed precision, gives it: for an
 * exact 9.906 the prints 10, 9.9 and 9.91 are right and 9 is wrong.
 */
export function acceptsPrintedScore(
  rates: Interval,
  weight: number,
  printed: PrintedNumber,
  profile: Profile,
): boolean {
  // Every profile rounds scores half-up today; the profile is the place a different rule would
  // come from, so it stays in the signature.
  void profile;
  const scores: Interval = {
    lo: decimalMultiply(weight, Math.min(Math.max(rates.lo, 0), 1)),
    hi: decimalMultiply(weight, Math.min(Math.max(rates.hi, 0), 1)),
  };
  const half = unit(printed.decimals) / 2;
  return meetsBucket(scores, cleanFloat(printed.value - half), cleanFloat(printed.value + half));
}
