/**
 * `parseValue`: what a cell means, as people type it (domain.md §3). Tries the written forms from
 * the most specific to the least: empty / not applicable, plain numbers, time targets, comparisons
 * (symbols, words before or after), ranges, approximations, "met" statements, qualitative standards.
 */
import { PREFIX_SOURCE, SUFFIX_SOURCE, prefixOp, suffixOp } from "./comparator";
import { compactText, isBlank } from "./normalize";
import { NUMBER_SOURCE, decimalsOf, parseNumber, readDecimal } from "./number";
import { isMet, isNotApplicable, isQualitative } from "./qualitative";
import { parseTime } from "./time";
import type { Comparator, ParsedValue } from "./types";
import { UNIT_SOURCE, cleanUnit } from "./units";

const NUM = `([+-]?${NUMBER_SOURCE})`;
const UNSIGNED = `(${NUMBER_SOURCE})`;
const UNIT = `(${UNIT_SOURCE})?`;

const WITH_SUFFIX = new RegExp(`^${NUM}${UNIT}(${SUFFIX_SOURCE})$`);
const PLAIN = new RegExp(`^${NUM}${UNIT}$`);
const COMPARISON = new RegExp(`^([≥≤><=]|${PREFIX_SOURCE})${NUM}${UNIT}(${SUFFIX_SOURCE})?$`);
const RANGE = new RegExp(`^${UNSIGNED}${UNIT}(?:-|~|至|到|—|–|－)${UNSIGNED}${UNIT}$`);
const APPROX_BEFORE = new RegExp(`^(?:约|大约|大概|预计)${NUM}${UNIT}(?:左右|上下)?$`);
const APPROX_AFTER = new RegExp(`^${NUM}${UNIT}(?:左右|上下)$`);

function comparison(op: Comparator, num: string, unit: string | undefined): ParsedValue {
  const { value, decimals } = readDecimal(num);
  return { kind: "comparison", op, value, unit: cleanUnit(unit), decimals };
}

function approx(num: string, unit: string | undefined): ParsedValue {
  return { kind: "approx", value: readDecimal(num).value, unit: cleanUnit(unit) };
}

/** What a cell means, as people type it. Never throws. Numbers stored as numbers are plain numbers. */
export function parseValue(input: string | number | boolean | null | undefined): ParsedValue {
  try {
    const value = parseValueUnsafe(input);
    // Hundreds of digits overflow to Infinity: not a number anyone meant.
    if (!hasFiniteNumbers(value)) {
      return { kind: "invalid", text: String(input).trim(), reason: "数值过大，无法读取" };
    }
    return value;
  } catch {
    const text = typeof input === "string" ? input : String(input);
    return { kind: "invalid", text, reason: "无法读取该值" };
  }
}

function hasFiniteNumbers(value: ParsedValue): boolean {
  switch (value.kind) {
    case "number":
    case "comparison":
    case "approx":
      return Number.isFinite(value.value);
    case "range":
      return Number.isFinite(value.min) && Number.isFinite(value.max);
    default:
      return true;
  }
}

function parseValueUnsafe(input: unknown): ParsedValue {
  if (input === null || input === undefined) return { kind: "empty" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) {
      return { kind: "invalid", text: String(input), reason: "不是有效的数字" };
    }
    return { kind: "number", value: input, unit: undefined, decimals: decimalsOf(input) };
  }
  if (typeof input === "boolean") {
    return { kind: "invalid", text: String(input), reason: "逻辑值（TRUE/FALSE）不是指标值" };
  }
  if (typeof input !== "string") {
    return { kind: "invalid", text: String(input), reason: "无法识别的值" };
  }
  if (isBlank(input)) return { kind: "empty" };

  const quick = parseNumber(input);
  if (quick.ok && quick.unit === undefined) {
    return { kind: "number", value: quick.value, unit: undefined, decimals: quick.decimals };
  }

  const text = compactText(input);
  if (isNotApplicable(text)) return { kind: "na", text: input.trim() };

  const time = parseTime(text);
  if (time) return time;

  let m = WITH_SUFFIX.exec(text);
  if (m) return comparison(suffixOp(m[3]) ?? ">=", m[1], m[2]);

  // Before PLAIN, whose lazy CJK unit would otherwise swallow "左右" ("30人左右").
  m = APPROX_AFTER.exec(text);
  if (m) return approx(m[1], m[2]);

  m = PLAIN.exec(text);
  if (m) {
    const { value, decimals } = readDecimal(m[1]);
    return { kind: "number", value, unit: cleanUnit(m[2]), decimals };
  }

  m = COMPARISON.exec(text);
  if (m) {
    // A word after the number states the direction more precisely ("达到90%以上", "控制在5万元以内").
    const op = (m[4] !== undefined ? suffixOp(m[4]) : undefined) ?? prefixOp(m[1]) ?? ">=";
    return comparison(op, m[2], m[3]);
  }

  m = RANGE.exec(text);
  if (m) {
    const min = readDecimal(m[1]).value;
    const max = readDecimal(m[3]).value;
    const unit = cleanUnit(m[4]) ?? cleanUnit(m[2]);
    const otherUnit = cleanUnit(m[2]);
    if (min <= max && (otherUnit === undefined || otherUnit === unit)) {
      return { kind: "range", min, max, unit };
    }
  }

  m = APPROX_BEFORE.exec(text);
  if (m) return approx(m[1], m[2]);

  if (isMet(text)) return { kind: "met", text: input.trim() };
  if (!/\d/.test(text) && isQualitative(text)) return { kind: "qualitative", text: input.trim() };

  const shown = input.trim().length > 30 ? `${input.trim().slice(0, 30)}…` : input.trim();
  return {
    kind: "invalid",
    text: input.trim(),
    reason: `“${shown}”不是可识别的指标值（数字、比较式、区间、时间或定性标准）`,
  };
}
