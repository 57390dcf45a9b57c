/**
 * Value grammar (domain.md §3): what a cell means, as people type it.
 * - `parseValue`: any cell → a ParsedValue kind (number, comparison, range, time, met …).
 * - `parseNumber`: strict numeric read for amounts, weights, scores and printed rates.
 * - `moneyFactor`, `toCommonUnit`: units, so 元 and 万元 compare correctly.
 * - `findStandards`, `soleStandard`: the times, amounts, counts and rates written inside a sentence.
 * None of them throws, on any input.
 */
export * from "./types";
export { parseValue } from "./parse";
export { parseNumber, decimalsOf } from "./number";
export { moneyFactor, toCommonUnit } from "./units";
export { compactText } from "./normalize";
export { findStandards, soleStandard, type FoundStandard } from "./standard";
