/**
 * Excel's built-in functions the evaluator computes: the statistics, rounding and logic forms use.
 * Each receives its arguments and the evaluator (as BuiltinContext) to read cells and ranges.
 */
import { cleanFloat, roundHalfUp, truncateDecimals } from "../scoring/decimal";
import type { SheetGrid } from "./index";
import {
  DIV0,
  VALUE,
  finite,
  isError,
  isRange,
  toBoolean,
  toNumber,
  toText,
  type ErrorValue,
  type RangeValue,
  type Scalar,
  type Value,
} from "./formula-values";

/** What a built-in may ask of the evaluator. */
export interface BuiltinContext {
  /** A cell's value, computing it when needed. */
  read(sheet: SheetGrid, row: number, col: number): Scalar;
  /** The values of a range, row by row. */
  rows(range: RangeValue): Scalar[][];
  /** A value where one scalar is needed; a multi-cell range is #VALUE!. */
  scalar(value: Value): Scalar;
}

/** Excel's ROUND family on the decimal value; negative digits round to tens, hundreds, … */
function roundTo(x: number, digits: number, mode: "half-up" | "down" | "up"): number {
  const d = Math.trunc(digits);
  if (d > 15) return x;
  if (d < 0) {
    const scale = 10 ** -d;
    return roundTo(x / scale, 0, mode) * scale;
  }
  if (mode === "half-up") return roundHalfUp(x, d);
  const down = truncateDecimals(x, d);
  if (mode === "down" || down === cleanFloat(x)) return down;
  const step = 10 ** -d;
  return cleanFloat(down + (x < 0 ? -step : step));
}

export type Lazy = () => Value;

/** Built-ins that decide which arguments to evaluate (IF, IFERROR). */
export const LAZY_BUILTINS: Record<string, (args: Lazy[], self: BuiltinContext) => Value> = {
  IF: (args, self) => {
    if (args.length < 2 || args.length > 3) return VALUE;
    const condition = toBoolean(self.scalar(args[0]!()));
    if (isError(condition)) return condition;
    if (condition) return self.scalar(args[1]!());
    return args.length === 3 ? self.scalar(args[2]!()) : false;
  },
  IFERROR: (args, self) => {
    if (args.length !== 2) return VALUE;
    const value = self.scalar(args[0]!());
    return isError(value) ? self.scalar(args[1]!()) : value;
  },
};

/**
 * How a statistical function reads its arguments, as Excel does: a number typed or computed in an
 * argument counts (and TRUE, "3"), while text, booleans and blanks in a referenced cell or range
 * are skipped. Returns the numbers, or the first error met.
 */
function numbersOf(args: Value[], self: BuiltinContext): number[] | ErrorValue {
  const numbers: number[] = [];
  for (const arg of args) {
    if (isRange(arg)) {
      for (const row of self.rows(arg)) {
        for (const value of row) {
          if (isError(value)) return value;
          if (typeof value === "number") numbers.push(value);
        }
      }
    } else if (arg !== null) {
      const n = toNumber(arg);
      if (isError(n)) return n;
      numbers.push(n);
    }
  }
  return numbers;
}

function sumOf(numbers: number[]): number {
  return numbers.reduce((total, n) => total + n, 0);
}

/** Built-ins on evaluated arguments. */
export const BUILTINS: Record<string, (args: Value[], self: BuiltinContext) => Value> = {
  SUM: (args, self) => {
    const numbers = numbersOf(args, self);
    return isError(numbers) ? numbers : finite(sumOf(numbers));
  },
  MIN: (args, self) => {
    const numbers = numbersOf(args, self);
    if (isError(numbers)) return numbers;
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.min(a, b));
  },
  MAX: (args, self) => {
    const numbers = numbersOf(args, self);
    if (isError(numbers)) return numbers;
    return numbers.length === 0 ? 0 : numbers.reduce((a, b) => Math.max(a, b));
  },
  AVERAGE: (args, self) => {
    const numbers = numbersOf(args, self);
    if (isError(numbers)) return numbers;
    return numbers.length === 0 ? DIV0 : sumOf(numbers) / numbers.length;
  },
  COUNT: (args, self) => {
    // COUNT never fails: errors and text are simply not counted.
    let count = 0;
    for (const arg of args) {
      if (isRange(arg)) {
        for (const row of self.rows(arg)) {
          count += row.filter((value) => typeof value === "number").length;
        }
      } else if (arg !== null && !isError(arg) && !isError(toNumber(arg))) {
        count++;
      }
    }
    return count;
  },
  COUNTA: (args, self) => {
    let count = 0;
    for (const arg of args) {
      if (isRange(arg)) {
        for (const row of self.rows(arg)) count += row.filter((value) => value !== null).length;
      } else {
        count++;
      }
    }
    return count;
  },
  ROUND: (args, self) => roundFunction(args, self, "half-up"),
  ROUNDUP: (args, self) => roundFunction(args, self, "up"),
  ROUNDDOWN: (args, self) => roundFunction(args, self, "down"),
  TRUNC: (args, self) =>
    args.length === 1
      ? roundFunction([args[0]!, 0], self, "down")
      : roundFunction(args, self, "down"),
  ABS: (args, self) => {
    if (args.length !== 1) return VALUE;
    const n = toNumber(self.scalar(args[0]!));
    return isError(n) ? n : Math.abs(n);
  },
  AND: (args, self) => logical(args, self, (values) => values.every(Boolean)),
  OR: (args, self) => logical(args, self, (values) => values.some(Boolean)),
  NOT: (args, self) => {
    if (args.length !== 1) return VALUE;
    const b = toBoolean(self.scalar(args[0]!));
    return isError(b) ? b : !b;
  },
  N: (args, self) => {
    if (args.length !== 1) return VALUE;
    const arg = args[0]!;
    // N of a range reads its first cell.
    const value = isRange(arg) ? self.read(arg.sheet, arg.top, arg.left) : arg;
    if (typeof value === "number" || isError(value)) return value;
    if (typeof value === "boolean") return value ? 1 : 0;
    return 0;
  },
  LEN: (args, self) => {
    if (args.length !== 1) return VALUE;
    const text = toText(self.scalar(args[0]!));
    return isError(text) ? text : text.length;
  },
};

function roundFunction(
  args: Value[],
  self: BuiltinContext,
  mode: "half-up" | "down" | "up",
): Value {
  if (args.length !== 2) return VALUE;
  const x = toNumber(self.scalar(args[0]!));
  if (isError(x)) return x;
  const digits = toNumber(self.scalar(args[1]!));
  if (isError(digits)) return digits;
  return roundTo(x, digits, mode);
}

function logical(
  args: Value[],
  self: BuiltinContext,
  combine: (values: boolean[]) => boolean,
): Value {
  const values: boolean[] = [];
  for (const arg of args) {
    if (isRange(arg)) {
      for (const row of self.rows(arg)) {
        for (const value of row) {
          if (isError(value)) return value;
          if (typeof value === "number" || typeof value === "boolean") values.push(Boolean(value));
        }
      }
    } else {
      const b = toBoolean(arg);
      if (isError(b)) return b;
      values.push(b);
    }
  }
  return values.length === 0 ? VALUE : combine(values);
}
