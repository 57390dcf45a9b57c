/**
 * The value grammar's result types: what a cell means, as people type it (domain.md §3).
 * Parsing never throws; anything it cannot read is an `invalid` value with a Chinese reason.
 */

/** Comparators as they appear in targets: ≥ ≤ > < =, in symbols (≧ ≦ ＝) or in words (不少于 …). */
export type Comparator = ">=" | "<=" | ">" | "<" | "=";

/**
 * A unit written after a number: "%" for percentages, "元" / "万元" / "亿元" for money, any other
 * counting word (个, 次, 人, 篇, 份, 批次, 期, 米, 项, 条 …) as written. Undefined when none was written.
 */
export type Unit = string | undefined;

/** Empty cell or only white space. */
export interface EmptyValue {
  kind: "empty";
}

/** `—`, `-`, `不涉及`, `不涉及此项内容`: explicitly not applicable. */
export interface NotApplicableValue {
  kind: "na";
  text: string;
}

/**
 * A plain number, possibly with a unit: "1,663.27", "12.142 988", "3.5万", "99.06%", "95.00(%)".
 * `value` is the number as written (99.06 for "99.06%"), `decimals` how many decimals were written
 * (the printed precision used by interval checks).
 */
export interface NumberValue {
  kind: "number";
  value: number;
  unit: Unit;
  decimals: number;
}

/** A comparator and a number: "≥500", "≤6 万元", ">95(%)", "=8(个)", "不少于4次", "98%以上". */
export interface ComparisonValue {
  kind: "comparison";
  op: Comparator;
  value: number;
  unit: Unit;
  decimals: number;
}

/** "1-2 批次": a closed range. */
export interface RangeValue {
  kind: "range";
  min: number;
  max: number;
  unit: Unit;
}

/** "约30人": an approximate value. */
export interface ApproxValue {
  kind: "approx";
  value: number;
  unit: Unit;
}

/**
 * Time targets: "12 月底", "≤12月", "11 月底前", "年底前完成", "本年度内", "≤12个月".
 * `month` is the calendar month by which it is due (12 for the year end); `months` is set instead
 * for a duration ("≤12个月"). `op` is "<=" for "by/before" (月底, 前, 内, ≤, 年底前), "=" for "at"
 * (a bare "12月"). `yearEnd` is true whenever the deadline is December / the year end.
 */
export interface TimeValue {
  kind: "time";
  op: Comparator;
  month?: number;
  months?: number;
  yearEnd: boolean;
}

/** "得到提高", "健全", "有效", "优良中低差", "优": a qualitative target or achievement. */
export interface QualitativeValue {
  kind: "qualitative";
  text: string;
}

/**
 * "达成指标", "已完成", "完成预期", "按时完成", "预算内" …: a qualitative statement that the target was
 * met. The parser cannot tell a target cell from an actual cell, so a target written as "按时完成" is
 * also `met`: rules must treat a `met` TARGET as not quantified (domain.md §5), a `met` ACTUAL as met.
 */
export interface MetValue {
  kind: "met";
  text: string;
}

/** Text that is none of the above where a structured value was expected. */
export interface InvalidValue {
  kind: "invalid";
  text: string;
  reason: string;
}

export type ParsedValue =
  | EmptyValue
  | NotApplicableValue
  | NumberValue
  | ComparisonValue
  | RangeValue
  | ApproxValue
  | TimeValue
  | QualitativeValue
  | MetValue
  | InvalidValue;

/** Result of a strict numeric read (amounts, weights, scores, printed rates). */
export type NumberParse =
  | { ok: true; value: number; unit: Unit; decimals: number }
  | { ok: false; empty: boolean; reason: string };
