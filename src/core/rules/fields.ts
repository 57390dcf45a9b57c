import type { Field, IndicatorRow } from "../forms/model";
import type { PrintedNumber } from "../scoring";
import { compactText, decimalsOf, parseNumber, parseValue } from "../values";
import { memoByObject, memoByText } from "../memo";
import { NUMBER_SOURCE, readDecimal } from "../values/number";
import type { NumberParse, ParsedValue } from "../values/types";

/** Shared field readers for rules: one place decides how a cell's text becomes a number. */

export function isBlank(field: Field | undefined): boolean {
  return field === undefined || field.text.trim() === "";
}

/**
 * A numeric cell as printed. The displayed text wins because it carries the printed precision and
 * the unit ("99.04%" for a stored 0.9904); the stored number is the fallback for odd formats.
 */
export function readNumber(field: Field | undefined): NumberParse {
  if (field === undefined) return { ok: false, empty: true, reason: "单元格为空" };
  return numberOfField(field);
}

/*
 * Every rule reads the same few dozen cells of a form; parsing each once per Field (forms are
 * read-only once detected) keeps the engine well above its 2,000 forms/s target.
 */
const numberOfField = memoByObject((field: Field): NumberParse => {
  const parsed = parseNumberText(field.text);
  if (parsed.ok || field.numeric === undefined) return parsed;
  return { ok: true, value: field.numeric, unit: undefined, decimals: decimalsOf(field.numeric) };
});

/**
 * The text's reading, shared by every cell that shows the same text ("100%", "10", "—" recur on
 * every form of a workbook). Results are not changed by callers, so one object can serve them all.
 */
const parseNumberText = memoByText(
  (text: string): NumberParse => {
    const parsed: NumberParse = DASH_LOOKALIKE.test(text)
      ? { ok: false, empty: true, reason: `“${excerpt(text.trim())}”表示不涉及` }
      : parseNumber(text);
    return !parsed.ok && !parsed.empty ? (readPoints(text) ?? parsed) : parsed;
  },
  { maxLength: 64, limit: 20_000 },
);

/** "10分", "4.8 分": a weight or score typed with its unit, points (分). */
const POINTS = new RegExp(`^([+-]?${NUMBER_SOURCE})分$`);

/**
 * A number of points. parseNumber takes only money and percent units; 分 is read here, where the
 * cells are known to be form cells, so "10分" in a 分值 cell is the 10 it says (number-as-text warns
 * that formulas cannot add it) rather than an unreadable value that silences every sum.
 */
function readPoints(text: string): NumberParse | undefined {
  if (text.length > 64 || !text.includes("分")) return undefined;
  const match = POINTS.exec(compactText(text));
  if (match === null) return undefined;
  const { value, decimals } = readDecimal(match[1]);
  return Number.isFinite(value) ? { ok: true, value, unit: "分", decimals } : undefined;
}

/**
 * Characters typed for "—" in the breakdown rows' 分值 / 得分 cells: the digit-like 一 of a Chinese
 * input method, figure dash, minus sign, katakana long mark, small hyphen. Alone they mean "not
 * applicable", as "—" does; reporting them as invalid numbers would be a false error.
 */
const DASH_LOOKALIKE = /^\s*[一‒−ー﹣]+\s*$/;

/** The printed number with its precision, or undefined when the cell holds no number. */
export function printedNumber(field: Field | undefined): PrintedNumber | undefined {
  const parsed = readNumber(field);
  return parsed.ok ? { value: parsed.value, decimals: parsed.decimals } : undefined;
}

/** What a target or actual cell means. */
export function readValue(field: Field | undefined): ParsedValue {
  return field === undefined ? { kind: "empty" } : valueOfField(field);
}

const valueOfField = memoByObject((field: Field) => parseValue(field.text));

/** The cell's text with all white space removed: PDF and merged cells break words ("产出指\n标"). */
export function withoutSpaces(text: string): string {
  // Most cells have no white space at all: no new string for them.
  return ANY_SPACE.test(text) ? text.replace(/\s+/g, "") : text;
}

const ANY_SPACE = /\s/;

/** The cell's text for a message: line breaks and runs of spaces collapsed to one space. */
export function shownText(field: Field | undefined): string {
  if (field === undefined) return "";
  const text = field.text;
  return ANY_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text;
}

/**
 * The most characters of one cell's text a message quotes. A message points at the cell; quoting
 * a whole 30,000-character cell made reports huge and froze the web checker (issue 11). The whole
 * text stays in the finding's expected / actual.
 */
export const QUOTE_LIMIT = 50;

/** Text cut to QUOTE_LIMIT characters with "…" (a surrogate pair is never split). */
export function excerpt(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}

/** shownText to quote inside a message: at most QUOTE_LIMIT characters. */
export function quotedText(field: Field | undefined): string {
  return excerpt(shownText(field));
}

/** The number in a cell, or undefined when it holds none. */
export function numberOf(field: Field | undefined): number | undefined {
  const parsed = readNumber(field);
  return parsed.ok ? parsed.value : undefined;
}

/** `不涉及` / `不涉及此项内容`: the placeholder text of rows that do not apply (domain.md §2). */
export function isNotApplicableText(text: string): boolean {
  return withoutSpaces(text).startsWith("不涉及");
}

/** The row is under a 成本 heading (一级 成本指标 in 2021+ forms, 二级 成本指标 under 产出 before). */
export function isCostRow(row: IndicatorRow): boolean {
  return withoutSpaces(row.level1).includes("成本") || withoutSpaces(row.level2).includes("成本");
}

export type Level1Group = "产出指标" | "效益指标" | "满意度指标" | "成本指标";

/** The standard 一级指标 a heading stands for, accepting broken or shortened spellings. */
export function level1Group(level1: string): Level1Group | undefined {
  const text = withoutSpaces(level1);
  if (text.startsWith("产出")) return "产出指标";
  if (text.startsWith("效益")) return "效益指标";
  if (text.startsWith("满意度")) return "满意度指标";
  if (text.startsWith("成本")) return "成本指标";
  return undefined;
}

export type Achievement = "met" | "partial" | "missed";

// Negations are tested first: "未完成" contains "完成".
const MISSED_WORDS =
  /(未|没有|没|尚未|未能|无法)(全部|完全|按时|如期)?(完成|达成|达到|实现|达标)|未达预期|效果较差/;
const PARTIAL_WORDS = /部分(完成|达成|达到|实现|达标)/;

/**
 * The achievement an actual states in words (未达成 / 部分达成 / 已完成 …), or undefined when the
 * text states none (a number, "得到提高"). Only explicit words count: the band of a qualitative
 * score is an error check, so a guess must never drive it.
 */
export function statedAchievement(field: Field | undefined): Achievement | undefined {
  if (field === undefined) return undefined;
  const text = withoutSpaces(field.text);
  if (text === "") return undefined;
  if (MISSED_WORDS.test(text)) return "missed";
  if (PARTIAL_WORDS.test(text)) return "partial";
  return readValue(field).kind === "met" ? "met" : undefined;
}

/** 三级指标 (or, failing that, 年度指标值) says 不涉及 / 不涉及此项内容: a placeholder row. */
export function isNotApplicableRow(row: IndicatorRow): boolean {
  return isNotApplicableText(row.name.text) || isNotApplicableText(row.target.text);
}

/** Text in a numeric cell that is not a number (empty, "—" and 不涉及 are not "invalid"). */
export function isInvalidNumber(field: Field | undefined): boolean {
  if (field === undefined) return false;
  const parsed = readNumber(field);
  return !parsed.ok && !parsed.empty;
}

/** Empty, "—", "-" or 不涉及 in a numeric cell: nothing was filled in. */
export function isEmptyNumber(field: Field | undefined): boolean {
  if (field === undefined) return true;
  const parsed = readNumber(field);
  return !parsed.ok && parsed.empty;
}

/** Powers of ten of the money units, in 元. */
const MONEY_EXPONENT: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 万: 4, 亿元: 8, 亿: 8 };

/** The unit a funds block states for its amounts: 万元 unless its head says 元 (`项目资金(元)`). */
export type BlockUnit = "元" | "万元";

/**
 * The coarsest precision an amount is taken to have, in decimals of its own unit (domain.md §4):
 * budgets are set in whole hundreds of yuan, so "76万", "6" and "0" are exact to ±0.005 of their
 * unit, not ±0.5. Reading "6" as 5.5–6.5 let 6 / 6 printed as 98% and 0 + 0.3 + 0 = 0.37 pass.
 */
export const AMOUNT_MIN_DECIMALS = 2;

/**
 * An amount of the 项目资金 block in the block's unit (万元 unless `blockUnit` says 元), with its
 * printed precision: in a 万元 block "3.5万" is 3.5 and "35000元" is 3.5 with 4 more decimals; in a
 * 元 block "3.5万" is 35000. Never coarser than 0.01 of the unit written. A cell that stores a
 * number but displays it rounded ("30" for 29.84) is read as the stored number: that is what its
 * formulas compute with. Undefined for no number, or a percentage.
 */
export function readAmount(
  field: Field | undefined,
  blockUnit: BlockUnit = "万元",
): PrintedNumber | undefined {
  const parsed = readNumber(field);
  if (!parsed.ok) return undefined;
  if (parsed.unit === undefined) {
    const stored = field?.numeric;
    if (stored !== undefined && Number.isFinite(stored) && stored !== parsed.value) {
      return { value: stored, decimals: Math.max(decimalsOf(stored), AMOUNT_MIN_DECIMALS) };
    }
    return { value: parsed.value, decimals: Math.max(parsed.decimals, AMOUNT_MIN_DECIMALS) };
  }
  const exponent = MONEY_EXPONENT[parsed.unit];
  if (exponent === undefined) return undefined;
  // Positive: the unit written is larger than the block's (万 in a 元 block).
  const shift = exponent - MONEY_EXPONENT[blockUnit];
  const value = Number((parsed.value * 10 ** shift).toPrecision(15));
  return { value, decimals: Math.max(0, Math.max(parsed.decimals, AMOUNT_MIN_DECIMALS) - shift) };
}

/** A number for a message: at most `decimals` decimals, no trailing zeros (190, 96.16, 0.045). */
export function formatNumber(value: number, decimals = 6): string {
  return String(Number(value.toFixed(decimals)));
}

/** A fraction as a percentage for a message, trailing zeros dropped: 0.105 → "10.5%". */
export function formatPercent(fraction: number, decimals = 6): string {
  return `${formatNumber(fraction * 100, decimals)}%`;
}
