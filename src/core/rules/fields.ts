import type { Field } from "../forms/model";
import type { PrintedNumber } from "../scoring";
import { parseNumber, parseValue } from "../values";
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
  const parsed = parseNumber(field.text);
  if (parsed.ok || field.numeric === undefined) return parsed;
  return { ok: true, value: field.numeric, unit: undefined, decimals: decimalsOf(field.numeric) };
}

/** The printed number with its precision, or undefined when the cell holds no number. */
export function printedNumber(field: Field | undefined): PrintedNumber | undefined {
  const parsed = readNumber(field);
  return parsed.ok ? { value: parsed.value, decimals: parsed.decimals } : undefined;
}

/** What a target or actual cell means. */
export function readValue(field: Field | undefined): ParsedValue {
  if (field === undefined) return { kind: "empty" };
  return parseValue(field.text);
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}
