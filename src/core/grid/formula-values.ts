/**
 * The values formulas work with (scalars, errors, ranges) and Excel's coercions between them,
 * shared by the evaluator's operators and the built-in functions.
 */
import { formatGeneral } from "./format";
import type { SheetGrid } from "./index";

/** A spreadsheet error value ("#DIV/0!"). */
export interface ErrorValue {
  error: string;
}

/** One value a formula works with; null is an empty cell. */
export type Scalar = number | string | boolean | null | ErrorValue;

export interface RangeValue {
  kind: "range";
  sheet: SheetGrid;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Value = Scalar | RangeValue;

export const err = (code: string): ErrorValue => ({ error: code });
export const DIV0 = err("#DIV/0!");
export const VALUE = err("#VALUE!");
export const NUM = err("#NUM!");

export function isError(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && "error" in value && !("kind" in value);
}

export function isRange(value: Value): value is RangeValue {
  return typeof value === "object" && value !== null && "kind" in value;
}

/** Numeric text as Excel's operators read it ("3" → 3, " 50% " → 0.5); undefined otherwise. */
function textToNumber(text: string): number | undefined {
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) return undefined;
  const n = Number(match[1]);
  return match[2] ? n / 100 : n;
}

/** A scalar as a number for + − × ÷ ^: empty 0, TRUE 1, numeric text, else #VALUE!. */
export function toNumber(value: Scalar): number | ErrorValue {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return textToNumber(value) ?? VALUE;
  return value;
}

export function toText(value: Scalar): string | ErrorValue {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatGeneral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

export function toBoolean(value: Scalar): boolean | ErrorValue {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const upper = value.trim().toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    return VALUE;
  }
  return value;
}

/** A finite number stays; NaN and infinities become #NUM!, as Excel never stores them. */
export function finite(n: number): number | ErrorValue {
  return Number.isFinite(n) ? n : NUM;
}
