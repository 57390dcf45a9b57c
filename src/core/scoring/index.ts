/**
 * Scoring (domain.md §4). STUB SIGNATURES — implemented by the scoring module owner.
 */
import type { PerfErrorCode } from "../errors";
import type { Profile } from "../profiles/schema";
import type { Comparator, ParsedValue } from "../values/types";

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

export type Grade = "优" | "良" | "中" | "差";

export type IndicatorScore =
  | {
      kind: "quantitative";
      /** Score rounded to 2 decimals. */
      score: number;
      met: boolean;
      /** The direction that was applied: at least, at most or equal. */
      direction: ">=" | "<=" | "=";
      /** actual ÷ target in a common unit. */
      ratio: number;
    }
  | {
      kind: "qualitative";
      /** true when the actual states "met", false when it states a miss, undefined if unknown. */
      met: boolean | undefined;
    }
  | { kind: "unscorable"; code: PerfErrorCode; reason: string };

export interface IndicatorScoreInput {
  target: ParsedValue;
  actual: ParsedValue;
  weight: number;
  /** Direction when the target text has none. */
  direction?: ">=" | "<=";
  /** The row is under a 成本 heading: a bare target means "at most". */
  cost?: boolean;
}

/** Half-up rounding on the decimal value (10 × 0.6775 → 6.78, not 6.77). */
export function roundHalfUp(x: number, decimals: number): number {
  void x;
  void decimals;
  throw new Error("not implemented");
}

/** Truncation on the decimal value (99.0399999… from float noise still gives 99.04 when exact is 99.04). */
export function truncateDecimals(x: number, decimals: number): number {
  void x;
  void decimals;
  throw new Error("not implemented");
}

/** 全年执行数 ÷ 全年预算数. Throws PerfError #DIV/0! for a 0 budget, #NUM! for negatives. */
export function executionRate(budget: number, executed: number): number {
  void budget;
  void executed;
  throw new Error("not implemented");
}

/** 分值 × min(rate, 1), rounded per profile. */
export function executionScore(rate: number, weight: number, profile: Profile): number {
  void rate;
  void weight;
  void profile;
  throw new Error("not implemented");
}

/** The execution rate as the profile displays it, in percent (0.99049 → 99.04 truncated). */
export function displayRatePercent(rate: number, profile: Profile): number {
  void rate;
  void profile;
  throw new Error("not implemented");
}

export function indicatorScore(input: IndicatorScoreInput): IndicatorScore {
  void input;
  throw new Error("not implemented");
}

/** Signed relative deviation of actual from target: (actual − target) ÷ target. */
export function deviation(target: ParsedValue, actual: ParsedValue): number {
  void target;
  void actual;
  throw new Error("not implemented");
}

/** The band [min, max] of a qualitative score for a stated achievement. */
export function qualitativeBand(
  achievement: "met" | "partial" | "missed",
  weight: number,
  profile: Profile,
): { min: number; max: number; minInclusive: boolean; maxInclusive: boolean } {
  void achievement;
  void weight;
  void profile;
  throw new Error("not implemented");
}

/** Decimal-safe sum of scores. */
export function sumScores(scores: readonly number[]): number {
  void scores;
  throw new Error("not implemented");
}

/** ≥ 90 优, 80–<90 良, 60–<80 中, < 60 差. */
export function grade(total: number): Grade {
  void total;
  throw new Error("not implemented");
}

/** The interval of exact values a printed number stands for (0.16 → 0.155 … 0.165). */
export function printedInterval(printed: PrintedNumber): Interval {
  void printed;
  throw new Error("not implemented");
}

/** The interval of exact rates consistent with printed 全年预算数 and 全年执行数. */
export function rateInterval(budget: PrintedNumber, executed: PrintedNumber): Interval {
  void budget;
  void executed;
  throw new Error("not implemented");
}

/** A printed 执行率 (in percent, e.g. 99.04 with 2 decimals) is accepted by rounding or truncating some rate in the interval. */
export function acceptsPrintedRate(rates: Interval, printedPercent: PrintedNumber): boolean {
  void rates;
  void printedPercent;
  throw new Error("not implemented");
}

/** A printed execution 得分 is accepted when the profile's rounding of some score in the interval, at the printed precision, gives it. */
export function acceptsPrintedScore(
  rates: Interval,
  weight: number,
  printed: PrintedNumber,
  profile: Profile,
): boolean {
  void rates;
  void weight;
  void printed;
  void profile;
  throw new Error("not implemented");
}

/** The cap on the total for an execution rate under the profile; undefined when none applies. */
export function totalCap(rate: number, profile: Profile): number | undefined {
  void rate;
  void profile;
  throw new Error("not implemented");
}

export type { Comparator };
