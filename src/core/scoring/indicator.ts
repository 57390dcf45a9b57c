/** Indicator scores and deviations (domain.md §4, "Indicator scores"). */
import { PerfError, type PerfErrorCode } from "../errors";
import { toCommonUnit } from "../values";
import type { Comparator, ParsedValue, Unit } from "../values/types";
import { cleanFloat, roundHalfUp } from "./decimal";

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

/** Indicator scores are rounded to 2 decimals, as the national platform prints them. */
const INDICATOR_SCORE_DECIMALS = 2;

/** Words that state a miss in a qualitative actual ("未完成", "未达成"…). */
const MISSED_WORDS = /^(未|没有|尚未|不)/;

/** A number with its unit, read from a target or an actual. */
interface Quantity {
  value: number;
  unit: Unit;
}

type Unscorable = Extract<IndicatorScore, { kind: "unscorable" }>;

function unscorable(code: PerfErrorCode, reason: string): Unscorable {
  return { kind: "unscorable", code, reason };
}

/** An empty, 不涉及 or unreadable cell cannot be scored, whether it is the target or the actual. */
function unreadable(
  label: "年度指标值" | "实际完成值",
  value: Extract<ParsedValue, { kind: "empty" | "na" | "invalid" }>,
): Unscorable {
  switch (value.kind) {
    case "empty":
      return unscorable("#N/A", `${label}为空，无法计算得分。`);
    case "na":
      return unscorable("#N/A", `${label}为“${value.text}”，不参与评分。`);
    case "invalid":
      return unscorable("#VALUE!", `${label}无法识别：${value.reason}`);
  }
}

/** What a target asks for: a comparison against a number, or a range. */
type Requirement =
  | { kind: "compare"; op: Comparator; quantity: Quantity }
  | { kind: "range"; min: Quantity; max: Quantity };

function requirementOf(input: IndicatorScoreInput): Requirement | Unscorable | "qualitative" {
  const { target } = input;
  const bareOp: Comparator = input.direction ?? (input.cost ? "<=" : ">=");
  switch (target.kind) {
    case "comparison":
      return { kind: "compare", op: target.op, quantity: target };
    case "number":
    case "approx":
      return { kind: "compare", op: bareOp, quantity: target };
    case "range":
      return {
        kind: "range",
        min: { value: target.min, unit: target.unit },
        max: { value: target.max, unit: target.unit },
      };
    case "time":
      // A due month ("11 月底前") or a duration ("≤12个月"): the actual must not be later/longer.
      if (target.month !== undefined) {
        return {
          kind: "compare",
          op: timeOp(target.op),
          quantity: { value: target.month, unit: "月" },
        };
      }
      if (target.months !== undefined) {
        return {
          kind: "compare",
          op: timeOp(target.op),
          quantity: { value: target.months, unit: "个月" },
        };
      }
      return "qualitative";
    case "qualitative":
    case "met":
      return "qualitative";
    case "empty":
    case "na":
    case "invalid":
      return unreadable("年度指标值", target);
  }
}

/** "by month N" is "at most N"; "at month N" is "equal". */
function timeOp(op: Comparator): Comparator {
  return op === "=" ? "=" : op === ">=" || op === ">" ? op : "<=";
}

/** The actual as a number in the unit of `like` (a month for a time target). */
function actualQuantity(actual: ParsedValue, timeTarget: "month" | "months" | undefined) {
  switch (actual.kind) {
    case "number":
    case "comparison":
    case "approx":
      return { value: actual.value, unit: actual.unit } as Quantity;
    case "time":
      if (timeTarget === "month" && actual.month !== undefined) {
        return { value: actual.month, unit: "月" } as Quantity;
      }
      if (timeTarget === "months" && actual.months !== undefined) {
        return { value: actual.months, unit: "个月" } as Quantity;
      }
      return unscorable("#VALUE!", "实际完成值的时间与年度指标值的时间类型不一致，无法比较。");
    case "met":
      return "met" as const;
    case "qualitative":
      return MISSED_WORDS.test(actual.text) ? ("missed" as const) : ("unknown" as const);
    case "range":
      return unscorable("#VALUE!", "实际完成值应为一个确定的数值，而不是范围。");
    case "empty":
    case "na":
    case "invalid":
      return unreadable("实际完成值", actual);
  }
}

/** Both sides in one unit; the same unit (or none on both) needs no conversion. */
function inCommonUnit(target: Quantity, actual: Quantity): { t: number; a: number } | undefined {
  if (target.unit === actual.unit) return { t: target.value, a: actual.value };
  const common = toCommonUnit(target, actual);
  return common ? { t: common.a, a: common.b } : undefined;
}

function qualitativeMet(actual: ParsedValue): boolean | undefined {
  if (actual.kind === "met") return true;
  if (actual.kind === "qualitative" && MISSED_WORDS.test(actual.text)) return false;
  return undefined;
}

/** weight × actual ÷ target, never below 0. */
function atLeastScore(weight: number, t: number, a: number): number {
  if (t <= 0) return weight;
  return roundHalfUp(Math.max(0, (weight * a) / t), INDICATOR_SCORE_DECIMALS);
}

/** weight × (1 − (actual − target) ÷ target), 0 from twice the target up. */
function atMostScore(weight: number, t: number, a: number): number {
  if (t <= 0) return a <= t ? weight : 0;
  const factor = cleanFloat(1 - cleanFloat(a - t) / t);
  return roundHalfUp(Math.max(0, weight * factor), INDICATOR_SCORE_DECIMALS);
}

function ratioOf(t: number, a: number): number {
  if (t === 0) return a === 0 ? 1 : Infinity;
  return cleanFloat(a / t);
}

function compare(op: Comparator, t: number, a: number): boolean {
  switch (op) {
    case ">=":
      return a >= t;
    case ">":
      return a > t;
    case "<=":
      return a <= t;
    case "<":
      return a < t;
    case "=":
      return a === t;
  }
}

/**
 * The score an indicator earns: full weight when met, proportional when an "at least" target is
 * missed, reduced by the excess when an "at most" target is exceeded (0 from twice the target),
 * an "equal" target like either side. Qualitative rows only say whether the actual states "met".
 */
export function indicatorScore(input: IndicatorScoreInput): IndicatorScore {
  const { weight } = input;
  if (!Number.isFinite(weight) || weight < 0) {
    return unscorable("#NUM!", "分值应为不小于 0 的数字。");
  }
  const requirement = requirementOf(input);
  if (requirement === "qualitative") {
    const numericActual =
      input.actual.kind === "number" ||
      input.actual.kind === "comparison" ||
      input.actual.kind === "approx";
    if (numericActual) {
      return unscorable("#N/A", "年度指标值未量化（定性指标），无法与数值型的实际完成值比较计分。");
    }
    return { kind: "qualitative", met: qualitativeMet(input.actual) };
  }
  if (requirement.kind === "unscorable") return requirement;

  const timeTarget =
    input.target.kind === "time"
      ? input.target.month !== undefined
        ? "month"
        : "months"
      : undefined;
  const actual = actualQuantity(input.actual, timeTarget);
  if (actual === "met") return { kind: "qualitative", met: true };
  if (actual === "missed") return { kind: "qualitative", met: false };
  if (actual === "unknown") return { kind: "qualitative", met: undefined };
  if ("kind" in actual) return actual;

  if (requirement.kind === "range") {
    const low = inCommonUnit(requirement.min, actual);
    const high = inCommonUnit(requirement.max, actual);
    if (!low || !high) return unitMismatch(requirement.min.unit, actual.unit);
    if (low.a < low.t) return scoreFor(">=", false, weight, low.t, low.a);
    if (high.a > high.t) return scoreFor("<=", false, weight, high.t, high.a);
    return { kind: "quantitative", score: weight, met: true, direction: "=", ratio: 1 };
  }

  const common = inCommonUnit(requirement.quantity, actual);
  if (!common) return unitMismatch(requirement.quantity.unit, actual.unit);
  const t = cleanFloat(common.t);
  const a = cleanFloat(common.a);
  const { op } = requirement;
  const met = compare(op, t, a);
  const direction: ">=" | "<=" | "=" = op === "=" ? "=" : op === ">=" || op === ">" ? ">=" : "<=";
  if (direction === "=" && !met) {
    return { ...scoreFor(a < t ? ">=" : "<=", false, weight, t, a), direction: "=" };
  }
  return scoreFor(direction, met, weight, t, a);
}

function scoreFor(
  direction: ">=" | "<=" | "=",
  met: boolean,
  weight: number,
  t: number,
  a: number,
): Extract<IndicatorScore, { kind: "quantitative" }> {
  const ratio = ratioOf(t, a);
  if (met) return { kind: "quantitative", score: weight, met, direction, ratio };
  const score = direction === "<=" ? atMostScore(weight, t, a) : atLeastScore(weight, t, a);
  return { kind: "quantitative", score: Math.min(score, weight), met, direction, ratio };
}

function unitMismatch(targetUnit: Unit, actualUnit: Unit): Unscorable {
  return unscorable(
    "#VALUE!",
    `年度指标值的单位“${targetUnit ?? "无"}”与实际完成值的单位“${actualUnit ?? "无"}”无法换算比较。`,
  );
}

/** A number from a target or actual for `deviation`; throws a PerfError otherwise. */
function numericOf(value: ParsedValue, what: string): Quantity {
  switch (value.kind) {
    case "number":
    case "comparison":
    case "approx":
      return { value: value.value, unit: value.unit };
    case "time":
      if (value.month !== undefined) return { value: value.month, unit: "月" };
      if (value.months !== undefined) return { value: value.months, unit: "个月" };
      throw new PerfError("#N/A", `${what}是定性的时间要求（如“年底前完成”），无法计算偏差。`);
    case "qualitative":
    case "met":
      throw new PerfError("#N/A", `${what}“${value.text}”是定性描述，无法计算偏差。`);
    case "empty":
      throw new PerfError("#VALUE!", `${what}为空，无法计算偏差。`);
    case "na":
      throw new PerfError("#N/A", `${what}为“${value.text}”，不参与计算。`);
    case "range":
      throw new PerfError("#VALUE!", `${what}是一个范围，无法计算偏差。`);
    case "invalid":
      throw new PerfError("#VALUE!", `${what}无法识别：${value.reason}`);
  }
}

/**
 * Signed relative deviation of actual from target: (actual − target) ÷ target in a common unit
 * (248 vs 257 → −0.035…). Unrounded. Throws PerfError #DIV/0! for a 0 target, #N/A for a
 * qualitative side, #VALUE! for units that cannot be compared.
 */
export function deviation(target: ParsedValue, actual: ParsedValue): number {
  const t = numericOf(target, "年度指标值");
  const a = numericOf(actual, "实际完成值");
  const common = inCommonUnit(t, a);
  if (!common) throw new PerfError("#VALUE!", unitMismatch(t.unit, a.unit).reason);
  if (common.t === 0) {
    throw new PerfError("#DIV/0!", "年度指标值为 0，无法计算相对偏差。");
  }
  return (common.a - common.t) / common.t;
}
