import type { Field, Form, IndicatorRow } from "../forms/model";
import { memoByPair } from "../memo";
import type { Profile } from "../profiles/schema";
import {
  executionRate,
  executionScore,
  narrowByPrintedRate,
  rateInterval,
  sumScores,
  type Interval,
  type PrintedNumber,
} from "../scoring";
import {
  formatNumber,
  isBlank,
  isEmptyNumber,
  isNotApplicableRow,
  printedNumber,
  readAmount,
  readNumber,
} from "./fields";

/**
 * What the 年度资金总额 row gives once read: shared by the execution rules and the validation
 * runner, so the rate and score shown in a report are the ones the rules checked.
 */
export interface ExecutionFigures {
  budget: PrintedNumber;
  executed: PrintedNumber;
  /** Exact rate from the printed amounts (fraction). */
  rate: number;
  /** Every rate the printed amounts allow (rounding of the amounts). */
  rates: Interval;
  /** `rates` narrowed by an accepted printed 执行率: what the printed 得分 is checked against. */
  scoreRates: Interval;
  /** Printed 分值 of the row, or the profile's when it is not filled. */
  weight: number;
  /** Execution score as the profile computes it from `rate`. */
  score: number;
}

/**
 * Undefined when 全年预算数 / 全年执行数 are missing, not numbers, negative, or the budget is 0.
 * Five rules and the form report ask for the same figures: computed once per form and profile
 * (forms and profiles are not changed once read).
 */
export const readExecution = memoByPair(computeExecution);

function computeExecution(form: Form, profile: Profile): ExecutionFigures | undefined {
  const total = form.funds?.total;
  const budget = readAmount(total?.budget, form.funds?.unit);
  const executed = readAmount(total?.executed, form.funds?.unit);
  if (budget === undefined || executed === undefined) return undefined;
  if (!(budget.value > 0) || executed.value < 0) return undefined;
  const weight = printedNumber(total?.weight)?.value ?? profile.fundsWeight;
  try {
    const rate = executionRate(budget.value, executed.value);
    const rates = rateInterval(budget, executed);
    return {
      budget,
      executed,
      rate,
      rates,
      scoreRates: narrowByPrintedRate(rates, readPrintedRate(total?.rate, rate)),
      weight,
      score: executionScore(rate, weight, profile),
    };
  } catch {
    // Negative weight and similar oddities: the execution checks cannot run; others report them.
    return undefined;
  }
}

/**
 * A printed 执行率 in percent. "99.04%" and "61.59" (a 执行率(%) column) are percents; a bare
 * fraction such as "0.9904" (a cell stored as a fraction without a % format) is read as a fraction
 * when that is the closer reading of the exact rate.
 */
export function readPrintedRate(
  field: Field | undefined,
  exactRate?: number,
): PrintedNumber | undefined {
  const parsed = readNumber(field);
  if (!parsed.ok) return undefined;
  if (parsed.unit === "%") return { value: parsed.value, decimals: parsed.decimals };
  if (parsed.unit !== undefined) return undefined;
  const asPercent = { value: parsed.value, decimals: parsed.decimals };
  if (parsed.value > 1.5 || exactRate === undefined) return asPercent;
  const asFraction = {
    value: Number((parsed.value * 100).toPrecision(15)),
    decimals: Math.max(0, parsed.decimals - 2),
  };
  const percent = exactRate * 100;
  return Math.abs(asFraction.value - percent) < Math.abs(asPercent.value - percent)
    ? asFraction
    : asPercent;
}

/** A row with nothing in it at all (a continuation line of a merged label, say). */
export function isEmptyIndicatorRow(row: IndicatorRow): boolean {
  return [row.name, row.target, row.actual, row.weight, row.score].every((field) => isBlank(field));
}

/**
 * Whether the row must carry target, actual and score: not a 不涉及 placeholder, not an empty line,
 * and not explicitly weighted 0.
 */
export function rowNeedsValues(row: IndicatorRow): boolean {
  if (isNotApplicableRow(row) || isEmptyIndicatorRow(row)) return false;
  const weight = readNumber(row.weight);
  return !(weight.ok && weight.value === 0);
}

/**
 * Σ printed indicator scores, with the printed scores themselves (for tolerances). Undefined when a
 * score is not a number or a row that needs a score has none: the sum would be meaningless.
 */
export function sumIndicatorScores(
  form: Form,
): { sum: number; parts: PrintedNumber[] } | undefined {
  const parts: PrintedNumber[] = [];
  for (const row of form.indicators?.rows ?? []) {
    const score = printedNumber(row.score);
    if (score !== undefined) {
      parts.push(score);
      continue;
    }
    if (!isEmptyNumber(row.score) || rowNeedsValues(row)) return undefined;
  }
  return { sum: sumScores(parts.map((part) => part.value)), parts };
}

/**
 * The execution score a total is built from: the printed 得分 when it is a number, else the
 * computed one (a form without a 得分 column). Undefined when neither is known.
 */
export function executionScoreForTotal(
  form: Form,
  execution: ExecutionFigures | undefined,
): PrintedNumber | undefined {
  const score = form.funds?.total?.score;
  const printed = printedNumber(score);
  if (printed !== undefined) return printed;
  if (score !== undefined && !isEmptyNumber(score)) return undefined;
  return execution === undefined ? undefined : { value: execution.score, decimals: 2 };
}

/**
 * Execution score + Σ printed indicator scores, or undefined when any part is unknown.
 * total-mismatch, grade-mismatch, exec-cap-exceeded and the report ask for it with the same
 * (cached) execution figures: computed once per form and figures.
 */
export const computedTotal = memoByPair(computeTotal);

type ComputedTotal = { total: number; parts: PrintedNumber[] };

function computeTotal(
  form: Form,
  execution: ExecutionFigures | undefined,
): ComputedTotal | undefined {
  const indicators = sumIndicatorScores(form);
  const executionPart = executionScoreForTotal(form, execution);
  if (indicators === undefined || executionPart === undefined) return undefined;
  const parts = [executionPart, ...indicators.parts];
  return { total: sumScores(parts.map((part) => part.value)), parts };
}

export { formatNumber };
