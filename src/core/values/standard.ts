/**
 * Measurable standards inside a sentence (issue 9): targets are often written as prose —
 * "全部工作11月底前完成", "群众满意率达到95%", "维修及时（3日内到场）", "补助标准不超过1500元/人",
 * "效益持续5年以上", "每周提供2－3期简报", "2024.1.1-2024.12.31", "于2024年12月20日前提交报告" —
 * and carry a time, an amount, a count or a rate all the same. `parseValue` reads a whole cell
 * that IS a value; `findStandards` finds the values a text CONTAINS. Never throws.
 */
import { PREFIX_SOURCE, SUFFIX_SOURCE, prefixOp, suffixOp } from "./comparator";
import { compactText } from "./normalize";
import { NUMBER_SOURCE, readDecimal } from "./number";
import { parseTime } from "./time";
import type { ComparisonValue, NumberValue, RangeValue, TimeValue } from "./types";

/** A value found inside a text, with the piece of (compacted) text it was read from. */
export interface FoundStandard {
  text: string;
  value: NumberValue | ComparisonValue | RangeValue | TimeValue;
}

/** Longer cells are prose pasted in; only their start is searched, so a search stays cheap. */
const SEARCH_LIMIT = 2000;

/** Time words before a date: "于", "不晚于", "截至", a comparator. */
const TIME_LEAD = "(?:[≥≤><=]|不晚于|不迟于|截至|截止至|截止到|截止|在|于)?";
const BEFORE = "(?:前|之前|以前|内|之内|以内)?";

/** "11月底前", "2024年12月20日前", "≤12月": a month, optionally a day, by/before words. */
const MONTH_DATE = new RegExp(
  `${TIME_LEAD}(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}[日号])?(?:底|末|份|下旬|中旬|上旬|初)?${BEFORE}`,
  "g",
);
/** "2024.1.1-2024.12.31", "2024/6/30", "2024-12-31": dotted dates, optionally a period. */
const DOTTED_DATE =
  /(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:(?:-|~|至|到|—|–)(\d{4})[./-](\d{1,2})[./-](\d{1,2}))?/g;
/** "年底前", "本年度内", "2024年年底", "年内": the year end. */
const YEAR_END = /(?:\d{4}年)?(?:年底|年末|年终|年内|年度内|本年度内?|当年内)(?:前|之前|以前|内)?/g;
/** "第四季度", "上半年": parts of the year. */
const QUARTER = new RegExp(
  `${TIME_LEAD}(?:\\d{4}年)?(?:第?[一二三四1-4]季度(?:末|底)?|[上下]半年(?:末|底)?)${BEFORE}`,
  "g",
);

/** Units after a number in prose: money, rates, durations, then one counting character. */
const UNIT =
  "万元|亿元|千元|元|万|亿|%|‰|个月|工作日|小时|平方米|公里|人次|批次|户次|台次|\\([^()\\d]{1,8}\\)|[\\u4e00-\\u9fff]";
/** Characters after a number that are grammar, not a unit ("达到95的", "3及以上"). */
const NOT_A_UNIT = /^[的以及或和与等并且在为是了至到之内前上下左右]$/;
/** After a unit: the comparator words of comparator.ts plus 内 / 前 of durations ("3日内"). */
const AFTER = `(?:${SUFFIX_SOURCE}|内|前)`;
const RANGE_DASH = "(?:-|~|至|到|—|–)";

/**
 * A number in prose: an optional comparator, the number (or a range), an optional unit and an
 * optional word after it. Not a digit of a longer token (lookbehind), not an ordinal (第3).
 */
const NUMBER_IN_TEXT = new RegExp(
  `(${PREFIX_SOURCE}|[≥≤><=])?(?<![第A-Za-z\\d.,])([+-]?${NUMBER_SOURCE})` +
    `(?:${RANGE_DASH}(${NUMBER_SOURCE}))?(?!${AFTER})(${UNIT})?(${AFTER})?`,
  "g",
);

/** Units that make a number a duration: "5年以上", "3日内". */
const DURATION_UNITS = new Set(["年", "个月", "月", "周", "日", "天", "小时", "工作日"]);

function time(month: number | undefined, months?: number): TimeValue {
  return months === undefined
    ? { kind: "time", op: "<=", month, yearEnd: month === 12 }
    : { kind: "time", op: "<=", months, yearEnd: false };
}

/** Time pieces, each replaced by "|" in the text so their digits are not read again as numbers. */
function takeTimes(text: string, found: FoundStandard[]): string {
  let rest = text.replace(DOTTED_DATE, (piece, _y, m1: string, _d, _y2, m2?: string) => {
    const month = Number(m2 ?? m1);
    if (month >= 1 && month <= 12) found.push({ text: piece, value: time(month) });
    return "|";
  });
  for (const pattern of [MONTH_DATE, QUARTER]) {
    rest = rest.replace(pattern, (piece) => {
      const value = parseTime(piece);
      if (value === undefined) return piece;
      found.push({ text: piece, value });
      return "|";
    });
  }
  return rest.replace(YEAR_END, (piece) => {
    found.push({ text: piece, value: time(12) });
    return "|";
  });
}

function isYear(number: string, unit: string | undefined): boolean {
  return (
    unit === "年" && /^\d{4}$/.test(number) && Number(number) >= 1900 && Number(number) <= 2100
  );
}

function numberStandard(match: RegExpMatchArray): FoundStandard | undefined {
  const [piece, before, first, second, writtenUnit, after] = match as unknown as [
    string,
    string | undefined,
    string,
    string | undefined,
    string | undefined,
    string | undefined,
  ];
  let unit: string | undefined = writtenUnit;
  if (unit !== undefined && NOT_A_UNIT.test(unit)) unit = undefined;
  if (unit?.startsWith("(")) unit = unit.slice(1, -1);
  if (isYear(first, unit)) return undefined;
  const { value, decimals } = readDecimal(first);
  if (!Number.isFinite(value)) return undefined;
  if (second !== undefined) {
    const max = readDecimal(second).value;
    if (!(max >= value)) return undefined;
    return { text: piece, value: { kind: "range", min: value, max, unit } };
  }
  const duration = unit !== undefined && DURATION_UNITS.has(unit);
  const afterOp =
    after === undefined
      ? undefined
      : (suffixOp(after) ?? (duration && (after === "内" || after === "前") ? "<=" : undefined));
  const op = afterOp ?? (before === undefined ? undefined : prefixOp(before));
  if (op === undefined) return { text: piece, value: { kind: "number", value, unit, decimals } };
  return { text: piece, value: { kind: "comparison", op, value, unit, decimals } };
}

/**
 * Every measurable standard written in `text`: times (dates, months, the year end, quarters),
 * amounts, counts, rates, durations and ranges, in the order they appear after times are taken.
 * Years on their own ("2023年度") and ordinals ("第3") are not standards. Never throws.
 */
export function findStandards(
  input: string | number | boolean | null | undefined,
): FoundStandard[] {
  if (typeof input !== "string" || input.trim() === "") return [];
  try {
    const text = compactText(input.length > SEARCH_LIMIT ? input.slice(0, SEARCH_LIMIT) : input);
    const found: FoundStandard[] = [];
    const rest = takeTimes(text, found);
    for (const match of rest.matchAll(NUMBER_IN_TEXT)) {
      const standard = numberStandard(match);
      if (standard !== undefined) found.push(standard);
    }
    return found;
  } catch {
    return [];
  }
}

/** The one standard a text states, or undefined when it states none or several (ambiguous). */
export function soleStandard(
  input: string | number | boolean | null | undefined,
): FoundStandard["value"] | undefined {
  const found = findStandards(input);
  return found.length === 1 ? found[0].value : undefined;
}
