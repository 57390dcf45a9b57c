/**
 * Decimal numbers as written: digits with optional thousands separators and decimals, and the strict
 * numeric read used for amounts, weights, scores and printed rates (`parseNumber`).
 */
import { PREFIX_SOURCE } from "./comparator";
import { compactText, isBlank } from "./normalize";
import { isNotApplicable } from "./qualitative";
import type { NumberParse } from "./types";
import { MONEY_OR_PERCENT_UNIT, UNIT_SOURCE, cleanUnit } from "./units";

/**
 * The hot path of PERF.RATE with text arguments ("1,663.27"): plain ASCII decimals, optionally
 * grouped by commas in threes. Tested before any normalisation or allocation.
 */
const FAST_NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** An unsigned decimal as it may appear inside a longer value (after `compactText`). */
export const NUMBER_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;

const SIGNED_WITH_UNIT = new RegExp(`^([+-]?${NUMBER_SOURCE})(${UNIT_SOURCE})?$`);
const HAS_COMPARATOR = new RegExp(`^(?:[≥≤><=]|${PREFIX_SOURCE})[+-]?\\d`);
/** A "unit" that is really a comparison or time word: "5万元以内", "30人左右", "12月底". */
const NOT_A_UNIT = /(?:以上|以下|以内|之内|左右|上下|底|前|内)$/;

/** Reads a decimal already known to match NUMBER_SOURCE (optionally signed). */
export function readDecimal(text: string): { value: number; decimals: number } {
  const value = text.indexOf(",") < 0 ? Number(text) : Number(text.replace(/,/g, ""));
  const dot = text.indexOf(".");
  return { value, decimals: dot < 0 ? 0 : text.length - dot - 1 };
}

/**
 * Decimals in a number's shortest printed form: 0.1 → 1, 29.837303 → 6, 1e-7 → 7, 1e21 → 0.
 * A number stored in a cell has no "written" precision, so this is the best honest guess.
 */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = String(Math.abs(value));
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const written = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, written - exponent);
}

function quote(text: string): string {
  const shown = text.length > 30 ? `${text.slice(0, 30)}…` : text;
  return `“${shown}”`;
}

/**
 * Strict numeric read for amounts, weights, scores, printed rates: "1,663.27", "12.142 988",
 * "29.616\n9 万元", "3.5万", "99.06%", "95.00(%)". Empty / "—" / "-" / "不涉及" give ok=false with
 * empty=true; anything else that is not one number (comparators, ranges, count units, words) gives
 * ok=false with a Chinese reason. Never throws.
 */
export function parseNumber(input: string | number | boolean | null | undefined): NumberParse {
  if (typeof input === "string" && FAST_NUMBER.test(input)) {
    const { value, decimals } = readDecimal(input);
    if (Number.isFinite(value)) return { ok: true, value, unit: undefined, decimals };
  }
  try {
    return parseNumberSlow(input);
  } catch {
    // Defensive: the parser must never throw into a spreadsheet function.
    return { ok: false, empty: false, reason: "无法读取该值" };
  }
}

function parseNumberSlow(input: unknown): NumberParse {
  if (input === null || input === undefined)
    return { ok: false, empty: true, reason: "单元格为空" };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, empty: false, reason: "不是有效的数字" };
    return { ok: true, value: input, unit: undefined, decimals: decimalsOf(input) };
  }
  if (typeof input === "boolean") {
    return { ok: false, empty: false, reason: "逻辑值（TRUE/FALSE）不是数字" };
  }
  if (typeof input !== "string") return { ok: false, empty: false, reason: "不是数字" };
  if (isBlank(input)) return { ok: false, empty: true, reason: "单元格为空" };
  const text = compactText(input);
  if (isNotApplicable(text)) return { ok: false, empty: true, reason: `${quote(text)}表示不涉及` };
  const match = SIGNED_WITH_UNIT.exec(text);
  if (match) {
    const unit = cleanUnit(match[2]);
    if (unit !== undefined && NOT_A_UNIT.test(unit)) {
      return { ok: false, empty: false, reason: `${quote(input.trim())}不是单个数字` };
    }
    if (unit !== undefined && !MONEY_OR_PERCENT_UNIT.test(unit)) {
      return {
        ok: false,
        empty: false,
        reason: `${quote(input.trim())}带有单位“${unit}”，此处只能填写数字（可带元、万元或%）`,
      };
    }
    const { value, decimals } = readDecimal(match[1]);
    if (!Number.isFinite(value)) {
      return { ok: false, empty: false, reason: `${quote(input.trim())}数值过大` };
    }
    return { ok: true, value, unit, decimals };
  }
  if (HAS_COMPARATOR.test(text)) {
    return {
      ok: false,
      empty: false,
      reason: `${quote(input.trim())}是比较式（指标值），此处只能填写一个数字`,
    };
  }
  return { ok: false, empty: false, reason: `${quote(input.trim())}不是数字` };
}
