/** Totals, grades, qualitative bands and caps (domain.md §4). */
import { PerfError } from "../errors";
import type { Profile } from "../profiles/schema";
import { cleanFloat, decimalMultiply, decimalSum } from "./decimal";

export type Grade = "优" | "良" | "中" | "差";

/** Decimal-safe sum of scores: 0.1 + 0.2 gives 0.3, so a total compares equal to its print. */
export function sumScores(scores: readonly number[]): number {
  for (const score of scores) {
    if (typeof score !== "number" || !Number.isFinite(score)) {
      throw new PerfError("#VALUE!", "得分中含有不是数字的值，无法求和。");
    }
  }
  return decimalSum(scores);
}

/** ≥ 90 优, 80–<90 良, 60–<80 中, < 60 差 (on the decimal value: 89.99999999999999 is 90). */
export function grade(total: number): Grade {
  if (typeof total !== "number" || !Number.isFinite(total)) {
    throw new PerfError("#VALUE!", "总分不是有效的数字，无法评定等级。");
  }
  const value = cleanFloat(total);
  if (value >= 90) return "优";
  if (value >= 80) return "良";
  if (value >= 60) return "中";
  return "差";
}

/**
 * The band of a qualitative score for a stated achievement: 达成 [met·w, w], 部分达成
 * [partial·w, met·w), 未达成 [0, partial·w).
 */
export function qualitativeBand(
  achievement: "met" | "partial" | "missed",
  weight: number,
  profile: Profile,
): { min: number; max: number; minInclusive: boolean; maxInclusive: boolean } {
  const metLine = decimalMultiply(weight, profile.qualitativeBands.met);
  const partialLine = decimalMultiply(weight, profile.qualitativeBands.partial);
  switch (achievement) {
    case "met":
      return { min: metLine, max: weight, minInclusive: true, maxInclusive: true };
    case "partial":
      return { min: partialLine, max: metLine, minInclusive: true, maxInclusive: false };
    case "missed":
      return { min: 0, max: partialLine, minInclusive: true, maxInclusive: false };
  }
}

/**
 * The cap on the total for an execution rate under the profile: the lowest `maxTotal` among the
 * caps whose `rateBelow` the rate is under; undefined when none applies (always, in `national`).
 */
export function totalCap(rate: number, profile: Profile): number | undefined {
  const value = cleanFloat(rate);
  let cap: number | undefined;
  for (const entry of profile.totalCaps) {
    if (value < entry.rateBelow && (cap === undefined || entry.maxTotal < cap)) {
      cap = entry.maxTotal;
    }
  }
  return cap;
}
