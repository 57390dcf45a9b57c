/** Execution rate and execution score (domain.md §4). */
import { PerfError } from "../errors";
import type { Profile } from "../profiles/schema";
import { cleanFloat, decimalMultiply, roundHalfUp, truncateDecimals } from "./decimal";

function requireFinite(x: number, what: string): void {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new PerfError("#VALUE!", `${what}不是有效的数字，请填写数值。`);
  }
}

/**
 * 全年执行数 ÷ 全年预算数 (the full-year adjusted budget, not 年初预算数).
 * Throws PerfError #NUM! for a negative amount, #DIV/0! for a zero budget.
 */
export function executionRate(budget: number, executed: number): number {
  requireFinite(budget, "全年预算数");
  requireFinite(executed, "全年执行数");
  if (budget < 0 || executed < 0) {
    throw new PerfError("#NUM!", "全年预算数和全年执行数不能为负数，请检查填写的金额。");
  }
  if (budget === 0) {
    throw new PerfError("#DIV/0!", "全年预算数为 0，无法计算执行率，请填写调整后的全年预算数。");
  }
  return executed / budget;
}

/**
 * 分值 × min(rate, 1), rounded half-up to `profile.scoreDecimals` on the decimal value
 * (10 × 0.6775 → 6.78). Over-execution earns no more than the full weight.
 */
export function executionScore(rate: number, weight: number, profile: Profile): number {
  requireFinite(rate, "执行率");
  requireFinite(weight, "分值");
  if (rate < 0) throw new PerfError("#NUM!", "执行率不能为负数，请检查全年预算数和全年执行数。");
  if (weight < 0) throw new PerfError("#NUM!", "分值不能为负数。");
  return roundHalfUp(decimalMultiply(weight, cleanFloat(Math.min(rate, 1))), profile.scoreDecimals);
}

/**
 * The execution rate as the profile displays it, in percent: rounded or truncated to
 * `profile.rateDecimals` (Shanghai truncates: 0.99049 → 99.04).
 */
export function displayRatePercent(rate: number, profile: Profile): number {
  requireFinite(rate, "执行率");
  const percent = decimalMultiply(cleanFloat(rate), 100);
  return profile.rateDisplay === "truncate"
    ? truncateDecimals(percent, profile.rateDecimals)
    : roundHalfUp(percent, profile.rateDecimals);
}

/** The rate as the profile displays it, for messages and reports: "99.04%" (Shanghai truncates). */
export function formatRate(rate: number, profile: Profile): string {
  return `${displayRatePercent(rate, profile).toFixed(profile.rateDecimals)}%`;
}
