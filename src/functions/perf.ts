/**
 * The PERF custom functions as pure code (product.md §1). No host API here: Excel (functions.ts),
 * WPS (wps.ts) and Node (src/node) all call this one object, so a formula gives the same number
 * everywhere. Errors are thrown as PerfError; each host translates them into its own error values.
 */
import { PerfError, isPerfError } from "../core/errors";
import { defaultProfileName, getProfile, type Profile } from "../core/profiles";
import {
  deviation as scoringDeviation,
  executionRate,
  executionScore,
  grade as scoringGrade,
  indicatorScore,
  sumScores,
  type Grade,
} from "../core/scoring";
import { parseNumber, parseValue, soleStandard, toCommonUnit } from "../core/values";
import type { ParsedValue, Unit } from "../core/values/types";

/** What a spreadsheet may pass for one argument: a number, text, a boolean, or nothing. */
export type CellInput = number | string | boolean | null | undefined;

/** TOTAL also takes ranges: Excel passes them as arrays of rows. */
export type CellOrRange = CellInput | readonly CellOrRange[];

const DEFAULT_FUNDS_WEIGHT = 10;

/** An amount with its unit as written ("3.5万" → 3.5, 万). */
interface Amount {
  value: number;
  unit: Unit;
}

function isEmptyInput(input: CellInput): boolean {
  return (
    input === null || input === undefined || (typeof input === "string" && input.trim() === "")
  );
}

/**
 * Reads an amount. `label` names the argument in Chinese so the message tells the user which cell
 * to fix. `emptyCode` lets the caller decide what an empty cell means (an empty budget is #DIV/0!).
 */
function readAmount(
  input: CellInput,
  label: string,
  emptyCode: "#DIV/0!" | "#VALUE!" = "#VALUE!",
): Amount {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new PerfError("#NUM!", `${label}不是有限的数字。`);
    return { value: input, unit: undefined };
  }
  if (typeof input === "boolean") {
    throw new PerfError("#VALUE!", `${label}应为数字，不能是逻辑值 ${input ? "TRUE" : "FALSE"}。`);
  }
  if (isEmptyInput(input)) {
    throw new PerfError(emptyCode, `${label}为空，请先填写${label}。`);
  }
  const parsed = parseNumber(input);
  if (!parsed.ok) {
    if (parsed.empty)
      throw new PerfError(emptyCode, `${label}为空（“${input}”），请先填写${label}。`);
    throw new PerfError("#VALUE!", `${label}“${input}”不是数字：${parsed.reason}`);
  }
  return { value: parsed.value, unit: parsed.unit };
}

function requireNonNegative(value: number, label: string): void {
  if (value < 0) throw new PerfError("#NUM!", `${label}不能为负数（${value}）。`);
}

/** A fraction from a number (0.9904) or a percentage text ("99.04%"); "0.9904" as text stays 0.9904. */
function readFraction(input: CellInput, label: string): number {
  const amount = readAmount(input, label);
  if (amount.unit === undefined) return amount.value;
  if (amount.unit === "%") return amount.value / 100;
  throw new PerfError("#VALUE!", `${label}应为比率或百分数，不能带单位“${amount.unit}”。`);
}

function readPlainNumber(input: CellInput, label: string): number {
  const amount = readAmount(input, label);
  if (amount.unit === "%") return amount.value / 100;
  return amount.value;
}

/**
 * A sentence that states exactly one standard ("群众满意率达到95%", "维修及时（3日内到场）") is
 * scored by it; a sentence with none or several stays what parseValue made of it (qualitative or
 * unreadable), so SCORE never guesses which of two numbers was meant.
 */
function withStandardInside(parsed: ParsedValue, input: CellInput): ParsedValue {
  if (parsed.kind !== "invalid" && parsed.kind !== "qualitative") return parsed;
  if (typeof input !== "string") return parsed;
  return soleStandard(input) ?? parsed;
}

/** Target and actual through the value grammar; SCORE and DEVIATION need both filled in. */
function readTargetActual(
  target: CellInput,
  actual: CellInput,
  purpose: "计分" | "计算偏差",
): { t: ParsedValue; a: ParsedValue } {
  const t = withStandardInside(parseValue(target), target);
  const a = withStandardInside(parseValue(actual), actual);
  if (t.kind === "empty" || t.kind === "na") {
    throw new PerfError("#VALUE!", `年度指标值为空或不涉及，无法${purpose}。`);
  }
  if (a.kind === "empty" || a.kind === "na") {
    throw new PerfError("#VALUE!", `实际完成值为空或不涉及，无法${purpose}。`);
  }
  return { t, a };
}

function readProfile(input: CellInput): Profile {
  return getProfile(isEmptyInput(input) ? defaultProfileName : String(input));
}

function readDirection(input: CellInput): ">=" | "<=" | undefined {
  if (isEmptyInput(input)) return undefined;
  const text = String(input).trim();
  if (text === "≥" || text === ">=" || text === "≧" || text === "不少于" || text === "不低于") {
    return ">=";
  }
  if (text === "≤" || text === "<=" || text === "≦" || text === "不超过" || text === "不高于") {
    return "<=";
  }
  throw new PerfError("#VALUE!", `方向“${text}”无法识别，请填写“≥”或“≤”。`);
}

/** 全年执行数 ÷ 全年预算数, as a fraction. */
function RATE(budget: CellInput, executed: CellInput): number {
  // Fast path first: formulas like =PERF.RATE(D7,E7) over numeric cells are by far the common call,
  // and a sheet may recalculate thousands of them at once.
  if (typeof budget === "number" && typeof executed === "number" && budget > 0 && executed >= 0) {
    return executed / budget;
  }
  const b = readAmount(budget, "全年预算数", "#DIV/0!");
  const e = readAmount(executed, "全年执行数");
  requireNonNegative(b.value, "全年预算数");
  requireNonNegative(e.value, "全年执行数");
  if (b.unit === "%" || e.unit === "%") {
    throw new PerfError("#VALUE!", "全年预算数和全年执行数应为金额，不能是百分数。");
  }
  let budgetValue = b.value;
  let executedValue = e.value;
  if (b.unit !== e.unit) {
    const common = toCommonUnit(b, e);
    if (common === undefined) {
      throw new PerfError(
        "#VALUE!",
        `全年预算数（${b.unit ?? "无单位"}）与全年执行数（${e.unit ?? "无单位"}）的单位无法换算。`,
      );
    }
    budgetValue = common.a;
    executedValue = common.b;
  }
  return executionRate(budgetValue, executedValue);
}

/** The execution 得分 for a rate, per profile (national: 分值 × min(rate, 1), half-up to 0.01). */
function RATESCORE(rate: CellInput, weight?: CellInput, profile?: CellInput): number {
  const r = readFraction(rate, "执行率");
  requireNonNegative(r, "执行率");
  const w = isEmptyInput(weight) ? DEFAULT_FUNDS_WEIGHT : readPlainNumber(weight, "分值");
  requireNonNegative(w, "分值");
  return executionScore(r, w, readProfile(profile));
}

/** An indicator's 得分: the full weight when met, proportional when not (domain.md §4). */
function SCORE(
  target: CellInput,
  actual: CellInput,
  weight: CellInput,
  direction?: CellInput,
): number {
  const w = readPlainNumber(weight, "分值");
  requireNonNegative(w, "分值");
  const { t, a } = readTargetActual(target, actual, "计分");
  const result = indicatorScore({
    target: t,
    actual: a,
    weight: w,
    direction: readDirection(direction),
  });
  switch (result.kind) {
    case "quantitative":
      return result.score;
    case "qualitative":
      throw new PerfError("#N/A", "定性指标只能确定得分区间，请按达成情况人工评分。");
    case "unscorable":
      throw new PerfError(result.code, result.reason);
  }
}

/** Adds one cell of a TOTAL argument to `scores`; `—`, empty and 不涉及 count as nothing. */
function collectScore(cell: CellInput, scores: number[]): void {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new PerfError("#NUM!", "得分不是有限的数字。");
    requireNonNegative(cell, "得分");
    scores.push(cell);
    return;
  }
  if (isEmptyInput(cell)) return;
  if (typeof cell === "boolean") {
    throw new PerfError("#VALUE!", "得分应为数字，不能是逻辑值。");
  }
  const parsed = parseNumber(cell as string);
  if (parsed.ok) {
    if (parsed.unit !== undefined && parsed.unit !== "分") {
      throw new PerfError("#VALUE!", `得分“${cell}”带有单位“${parsed.unit}”，应为分数。`);
    }
    requireNonNegative(parsed.value, "得分");
    scores.push(parsed.value);
    return;
  }
  if (parsed.empty) return;
  const value = parseValue(cell as string);
  if (value.kind === "na" || value.kind === "empty") return;
  throw new PerfError("#VALUE!", `得分“${cell}”不是数字：${parsed.reason}`);
}

function collectScores(arg: CellOrRange, scores: number[]): void {
  if (Array.isArray(arg)) {
    for (const item of arg as readonly CellOrRange[]) collectScores(item, scores);
  } else {
    collectScore(arg as CellInput, scores);
  }
}

/** Sum of scores over values and ranges. */
function TOTAL(...args: CellOrRange[]): number {
  const scores: number[] = [];
  for (const arg of args) collectScores(arg, scores);
  return sumScores(scores);
}

/** 评分等级 of a total: 优 / 良 / 中 / 差. */
function GRADE(total: CellInput): Grade {
  const t = readPlainNumber(total, "总分");
  requireNonNegative(t, "总分");
  return scoringGrade(t);
}

/** (实际 − 目标) ÷ 目标, signed. */
function DEVIATION(target: CellInput, actual: CellInput): number {
  const { t, a } = readTargetActual(target, actual, "计算偏差");
  if (t.kind === "qualitative" || t.kind === "met") {
    throw new PerfError("#N/A", `年度指标值“${t.text}”是定性指标，没有可计算的数值。`);
  }
  return scoringDeviation(t, a);
}

/** The number in a cell as people type it: "29.616 9 万元" → 29.6169, "99.06%" → 0.9906. */
function VALUE(text: CellInput): number {
  if (typeof text === "number") return text;
  if (typeof text === "boolean")
    throw new PerfError("#VALUE!", "参数应为文本或数字，不能是逻辑值。");
  if (isEmptyInput(text)) throw new PerfError("#VALUE!", "单元格为空，没有可读取的数字。");
  const parsed = parseNumber(text as string);
  if (parsed.ok) return parsed.unit === "%" ? parsed.value / 100 : parsed.value;
  const value = parseValue(text as string);
  if (value.kind === "qualitative" || value.kind === "met") {
    throw new PerfError("#N/A", `“${text}”是定性表述，没有数值。`);
  }
  throw new PerfError("#VALUE!", `“${text}”不是数字：${parsed.reason}`);
}

/** The PERF namespace: keys are the function ids of product.md §1. */
export const PERF = { RATE, RATESCORE, SCORE, TOTAL, GRADE, DEVIATION, VALUE } as const;

export type PerfFunctionId = keyof typeof PERF;

/** The ids in the order the documentation lists them. */
export const PERF_FUNCTION_IDS: readonly PerfFunctionId[] = [
  "RATE",
  "RATESCORE",
  "SCORE",
  "TOTAL",
  "GRADE",
  "DEVIATION",
  "VALUE",
];

export { PerfError, isPerfError };
