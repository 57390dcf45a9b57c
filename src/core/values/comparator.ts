/**
 * Comparators as people write them in targets: symbols (≥ ≤ > < =, already canonical after
 * `compactText`), words before the number (不少于, 不超过, 大于, 达到 …) and words after it
 * (98%以上, 90%及以上, 5万元以内, 以下).
 */
import type { Comparator } from "./types";

export const SYMBOL_OPS: Record<string, Comparator> = {
  "≥": ">=",
  "≤": "<=",
  ">": ">",
  "<": "<",
  "=": "=",
};

/** Words written before the number. "达到" and "控制在" read as at least / at most. */
const PREFIX_WORDS: Array<[string, Comparator]> = [
  ["大于或等于", ">="],
  ["大于等于", ">="],
  ["高于或等于", ">="],
  ["不得少于", ">="],
  ["不得低于", ">="],
  ["不少于", ">="],
  ["不低于", ">="],
  ["不小于", ">="],
  ["不短于", ">="],
  ["至少", ">="],
  ["达到", ">="],
  ["小于或等于", "<="],
  ["小于等于", "<="],
  ["低于或等于", "<="],
  ["不得超过", "<="],
  ["不得高于", "<="],
  ["不超过", "<="],
  ["不超出", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["控制在", "<="],
  ["至多", "<="],
  ["最多", "<="],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["多于", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["少于", "<"],
  ["等于", "="],
];

/** Words written after the number (and unit). In Chinese usage 以上 / 以下 include the number. */
const SUFFIX_WORDS: Array<[string, Comparator]> = [
  ["及以上", ">="],
  ["或以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["或以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
];

const byLengthDesc = (words: Array<[string, Comparator]>) =>
  [...words].sort((x, y) => y[0].length - x[0].length);

export const PREFIX_SOURCE = byLengthDesc(PREFIX_WORDS)
  .map(([w]) => w)
  .join("|");
/** Suffix words, optionally followed by "(含)" as in "90%以上(含)". */
export const SUFFIX_SOURCE = `(?:${byLengthDesc(SUFFIX_WORDS)
  .map(([w]) => w)
  .join("|")})(?:\\(含(?:本数)?\\))?`;

const PREFIX_OPS = new Map(PREFIX_WORDS);
const SUFFIX_OPS = new Map(SUFFIX_WORDS);

export function prefixOp(word: string): Comparator | undefined {
  return SYMBOL_OPS[word] ?? PREFIX_OPS.get(word);
}

export function suffixOp(word: string): Comparator | undefined {
  return SUFFIX_OPS.get(word.replace(/\(含(?:本数)?\)$/, ""));
}
