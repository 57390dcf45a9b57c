import type { IndicatorRow } from "../forms/model";
import { memoByObject } from "../memo";
import { indicatorScore, type IndicatorScore } from "../scoring";
import type { ParsedValue, TimeValue } from "../values/types";
import { isCostRow, numberOf, quotedText, readValue, statedAchievement } from "./fields";

/**
 * What an indicator row's target and actual say about its outcome, shared by the indicator rules so
 * that "missed", "met" and the computed score mean the same thing in every message.
 */

export type QuantitativeScore = Extract<IndicatorScore, { kind: "quantitative" }>;

export interface RowReading {
  target: ParsedValue;
  actual: ParsedValue;
  weight: number | undefined;
  score: number | undefined;
  /** Under a 成本 heading: a bare target means "at most". */
  cost: boolean;
}

/** Several rules read every row; rows do not change once detected (as fields.ts's readings). */
export const readRow = memoByObject((row: IndicatorRow): RowReading => ({
  target: readValue(row.target),
  actual: readValue(row.actual),
  weight: numberOf(row.weight),
  score: numberOf(row.score),
  cost: isCostRow(row),
}));

/** A target that PERF.SCORE can score proportionally: a number or a comparator and a number. */
export function isQuantitativeTarget(target: ParsedValue): boolean {
  return target.kind === "number" || target.kind === "comparison";
}

/**
 * PERF.SCORE for a number against a numeric target; undefined when the row is not quantitative or
 * the units cannot be compared. Without a numeric weight, a weight of 1 still tells met or missed.
 */
export function quantitativeScore(reading: RowReading): QuantitativeScore | undefined {
  if (!isQuantitativeTarget(reading.target) || reading.actual.kind !== "number") return undefined;
  const result = indicatorScore({
    target: reading.target,
    actual: reading.actual,
    weight: reading.weight ?? 1,
    cost: reading.cost,
  });
  return result.kind === "quantitative" ? result : undefined;
}

/** true when the actual time is later than the target time, undefined when not comparable. */
function isLate(target: TimeValue, actual: TimeValue): boolean | undefined {
  const pairs: [number | undefined, number | undefined][] = [
    [target.month, actual.month],
    [target.months, actual.months],
  ];
  for (const [due, done] of pairs) {
    if (due === undefined || done === undefined) continue;
    return target.op === "<" ? done >= due : done > due;
  }
  return undefined;
}

/**
 * Why the actual misses its target, in Chinese with the printed values, or undefined when it does
 * not (or when that cannot be told).
 */
export function describeMiss(row: IndicatorRow, reading: RowReading): string | undefined {
  const actualText = quotedText(row.actual);
  const targetText = quotedText(row.target);
  const achievement = statedAchievement(row.actual);
  if (achievement === "missed") return `实际完成值“${actualText}”表明指标未达成`;
  if (achievement === "partial") return `实际完成值“${actualText}”表明指标仅部分达成`;
  const { target, actual } = reading;
  if (target.kind === "time" && actual.kind === "time") {
    return isLate(target, actual)
      ? `实际完成时间 ${actualText} 晚于指标值 ${targetText}`
      : undefined;
  }
  const scored = quantitativeScore(reading);
  if (scored === undefined || scored.met) return undefined;
  if (scored.direction === "<=") return `实际完成值 ${actualText} 超出指标值 ${targetText}`;
  if (scored.direction === "=") return `实际完成值 ${actualText} 不等于指标值 ${targetText}`;
  return `实际完成值 ${actualText} 未达到指标值 ${targetText}`;
}
