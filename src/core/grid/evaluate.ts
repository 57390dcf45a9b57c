/**
 * Computes formula cells that a workbook stores without a cached result. Excel and WPS save the
 * last computed value next to every formula, but files written by scripts (exceljs, openpyxl) and
 * our own templates hold only the formula; read as is, a 执行率, 得分 or 总分 would look empty.
 *
 * Pure and host-neutral: the host passes the functions it can compute beyond the built-ins (the
 * PERF.* functions) as a table. Only the Excel behaviour forms rely on is implemented; an unknown
 * function or name, a cycle or a syntax error leaves the cell as it was rather than guessing.
 */
import { isPerfError } from "../errors";
import { cleanFloat } from "../scoring/decimal";
import { BUILTINS, LAZY_BUILTINS } from "./builtins";
import { formatValue } from "./format";
import { parseFormula, type FormulaNode } from "./formula-parse";
import {
  DIV0,
  NUM,
  VALUE,
  err,
  finite,
  isError,
  isRange,
  toNumber,
  toText,
  type ErrorValue,
  type RangeValue,
  type Scalar,
  type Value,
} from "./formula-values";
import {
  displayText,
  type GridCell,
  type MemorySheet,
  type SheetGrid,
  type StoredValue,
} from "./index";

export type { ErrorValue, Scalar } from "./formula-values";

/** What an injected function receives: scalars, and ranges as arrays of rows (as Excel passes). */
export type FunctionArg = Scalar | Scalar[][];

/**
 * Extra functions by their full upper-case name ("PERF.RATE"). A function may throw an error with
 * a spreadsheet `code` (PerfError) to return that error value.
 */
export type FormulaFunctions = Record<string, (...args: FunctionArg[]) => unknown>;

/** Prefixes a namespace's functions: ("PERF", { RATE }) → { "PERF.RATE": RATE }. */
export function namespaced(
  namespace: string,
  functions: Record<string, (...args: never[]) => unknown>,
): FormulaFunctions {
  const table: FormulaFunctions = {};
  for (const [id, fn] of Object.entries(functions)) {
    table[`${namespace}.${id}`.toUpperCase()] = fn as (...args: FunctionArg[]) => unknown;
  }
  return table;
}

/** Thrown inside evaluation when the result cannot be known; the cell is then left as it was. */
class Unknown {
  constructor(readonly reason: string) {}
}

/**
 * A dependency chain deeper than the call stack. Not memoised: computing the cells in sheet order
 * (as computeMissingResults does) reaches them through short chains.
 */
class TooDeep extends Unknown {}

/** Excel's serial day number of a date (1900 system). */
function dateSerial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function storedToScalar(value: StoredValue): Scalar {
  if (value instanceof Date) return dateSerial(value);
  return value;
}

/** Type rank in Excel comparisons: numbers < text < booleans. */
function rank(value: number | string | boolean): number {
  return typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;
}

function compare(a: Scalar, b: Scalar): number | ErrorValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // An empty cell takes the type of the other side: 0, "" or FALSE.
  const blank = (other: Scalar) =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = a === null ? blank(b) : a;
  const y = b === null ? blank(a) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "number" && typeof y === "number") {
    // 15 significant digits, as Excel compares: 0.1 + 0.2 = 0.3 is TRUE.
    const cx = cleanFloat(x);
    const cy = cleanFloat(y);
    return cx === cy ? 0 : cx < cy ? -1 : 1;
  }
  if (typeof x === "string" && typeof y === "string") {
    const ux = x.toUpperCase();
    const uy = y.toUpperCase();
    return ux === uy ? 0 : ux < uy ? -1 : 1;
  }
  return Number(x) - Number(y);
}

/** Strips the prefixes Excel writes before newer and user-defined functions. */
function functionName(raw: string): string {
  let name = raw.toUpperCase();
  for (;;) {
    const stripped = name.replace(/^_(XLFN|XLUDF|XLWS)\./, "");
    if (stripped === name) break;
    name = stripped;
  }
  // Office add-in custom functions are saved as _xldudf_NAMESPACE_NAME when the add-in is absent.
  const udf = /^_XLDUDF_(.+)$/.exec(name);
  return udf ? udf[1]!.replace(/_/g, ".") : name;
}

function cellAsRange(ref: Extract<FormulaNode, { kind: "ref" }>): FormulaNode {
  const { sheet, row, col } = ref;
  return { kind: "range", sheet, top: row, bottom: row, left: col, right: col };
}

/**
 * Values of a range, row by row, within the sheet's used area: A:A or A1:XFD1048576 costs what the
 * sheet holds, and the blank cells left out change no function's result.
 */
function rangeRows(range: RangeValue, read: (sheet: SheetGrid, r: number, c: number) => Scalar) {
  const rows: Scalar[][] = [];
  const bottom = Math.min(range.bottom, range.sheet.maxRow);
  const right = Math.min(range.right, range.sheet.maxCol);
  for (let r = range.top; r <= bottom; r++) {
    const row: Scalar[] = [];
    for (let c = range.left; c <= right; c++) row.push(read(range.sheet, r, c));
    rows.push(row);
  }
  return rows;
}

/** What an injected function returned, as a cell value. */
function fromResult(result: unknown): Scalar {
  if (typeof result === "number") return finite(result);
  if (typeof result === "string" || typeof result === "boolean") return result;
  if (result === null || result === undefined) return 0;
  if (isError(result)) return result;
  return VALUE;
}

/** The error value an injected function's exception stands for. */
function fromException(error: unknown): ErrorValue {
  if (isPerfError(error)) return err(error.code);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("#")) return err(code);
  return VALUE;
}

export interface EvaluatorOptions {
  /** Extra functions by full upper-case name, e.g. namespaced("PERF", PERF). */
  functions?: FormulaFunctions;
}

type CellState = { state: "evaluating" } | { state: "done"; value: Scalar | Unknown };

/**
 * Evaluates formula cells of one workbook on demand. Cells with a stored value (the cached result
 * of a formula, or a constant) are read as stored; a formula cell without one is computed once
 * (memoised) when first needed.
 */
export class Evaluator {
  private readonly memo = new Map<SheetGrid, Map<number, CellState>>();
  private readonly parsed = new Map<string, FormulaNode | Unknown>();
  private readonly byName = new Map<string, SheetGrid>();
  private readonly functions: FormulaFunctions;

  constructor(
    private readonly sheets: readonly SheetGrid[],
    options: EvaluatorOptions = {},
  ) {
    for (const sheet of sheets) this.byName.set(sheet.name.toUpperCase(), sheet);
    this.functions = {};
    for (const [name, fn] of Object.entries(options.functions ?? {})) {
      this.functions[name.toUpperCase()] = fn;
    }
  }

  /** True when the cell holds a formula whose result is not stored. */
  static needsResult(cell: GridCell | undefined): boolean {
    return (
      cell !== undefined && cell.formula !== undefined && cell.value === null && !cell.computed
    );
  }

  /**
   * The value of a formula cell lacking a cached result, or undefined when it cannot be known
   * (unknown function or name, cycle, syntax error). Other cells return their stored value.
   */
  valueAt(sheet: SheetGrid, row: number, col: number): Scalar | undefined {
    try {
      return this.read(sheet, row, col);
    } catch (error) {
      if (error instanceof Unknown) return undefined;
      throw error;
    }
  }

  /** A cell's value, computing it when needed; throws Unknown. */
  read(sheet: SheetGrid, row: number, col: number): Scalar {
    const cell = sheet.cell(row, col);
    if (cell === undefined) return null;
    if (!Evaluator.needsResult(cell)) return storedToScalar(cell.value);
    let cells = this.memo.get(sheet);
    if (!cells) {
      cells = new Map();
      this.memo.set(sheet, cells);
    }
    // Rows fit in 2^20 and columns in 2^14, so one number keys the cell.
    const key = row * 16_385 + col;
    const known = cells.get(key);
    if (known?.state === "done") {
      if (known.value instanceof Unknown) throw known.value;
      return known.value;
    }
    if (known?.state === "evaluating") throw new Unknown("circular reference");
    cells.set(key, { state: "evaluating" });
    let value: Scalar | Unknown;
    try {
      // A formula showing an empty cell (=A1 with A1 blank) shows 0, as in Excel.
      value = this.scalar(this.evaluate(this.parse(cell.formula!), sheet)) ?? 0;
    } catch (error) {
      // RangeError: the call stack ran out on a very long chain of references.
      if (error instanceof TooDeep || error instanceof RangeError) {
        cells.delete(key);
        throw error instanceof TooDeep ? error : new TooDeep("reference chain too deep");
      }
      if (!(error instanceof Unknown)) throw error;
      value = error;
    }
    cells.set(key, { state: "done", value });
    if (value instanceof Unknown) throw value;
    return value;
  }

  /** The values of a range, row by row. */
  rows(range: RangeValue): Scalar[][] {
    return rangeRows(range, (sheet, r, c) => this.read(sheet, r, c));
  }

  /** A value where one scalar is needed; a range there is #VALUE! (no implicit intersection). */
  scalar(value: Value): Scalar {
    if (!isRange(value)) return value;
    if (value.top === value.bottom && value.left === value.right) {
      return this.read(value.sheet, value.top, value.left);
    }
    return VALUE;
  }

  private parse(formula: string): FormulaNode {
    let node = this.parsed.get(formula);
    if (node === undefined) {
      try {
        node = parseFormula(formula);
      } catch {
        node = new Unknown("syntax");
      }
      this.parsed.set(formula, node);
    }
    if (node instanceof Unknown) throw node;
    return node;
  }

  private sheetOf(name: string | undefined, current: SheetGrid): SheetGrid | undefined {
    return name === undefined ? current : this.byName.get(name.toUpperCase());
  }

  private evaluate(node: FormulaNode, sheet: SheetGrid): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "boolean":
        return node.value;
      case "error":
        return err(node.code);
      case "missing":
        return null;
      case "name":
        throw new Unknown(`name ${node.name}`);
      case "ref": {
        const target = this.sheetOf(node.sheet, sheet);
        return target ? this.read(target, node.row, node.col) : err("#REF!");
      }
      case "range": {
        const target = this.sheetOf(node.sheet, sheet);
        if (!target) return err("#REF!");
        const bottom = node.bottom ?? target.maxRow;
        return {
          kind: "range",
          sheet: target,
          top: node.top,
          left: node.left,
          bottom,
          right: node.right,
        };
      }
      case "unary": {
        const n = toNumber(this.scalar(this.evaluate(node.operand, sheet)));
        if (isError(n)) return n;
        return node.op === "-" ? -n : n;
      }
      case "percent": {
        const n = toNumber(this.scalar(this.evaluate(node.operand, sheet)));
        return isError(n) ? n : n / 100;
      }
      case "binary":
        return this.binary(node.op, node.left, node.right, sheet);
      case "call":
        return this.call(node.name, node.args, sheet);
    }
  }

  private binary(op: string, leftNode: FormulaNode, rightNode: FormulaNode, sheet: SheetGrid) {
    const left = this.scalar(this.evaluate(leftNode, sheet));
    const right = this.scalar(this.evaluate(rightNode, sheet));
    if (op === "&") {
      const a = toText(left);
      if (isError(a)) return a;
      const b = toText(right);
      return isError(b) ? b : a + b;
    }
    if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
      const c = compare(left, right);
      if (isError(c)) return c;
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case ">":
          return c > 0;
        case "<=":
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const a = toNumber(left);
    if (isError(a)) return a;
    const b = toNumber(right);
    if (isError(b)) return b;
    switch (op) {
      case "+":
        return finite(a + b);
      case "-":
        return finite(a - b);
      case "*":
        return finite(a * b);
      case "/":
        return b === 0 ? DIV0 : finite(a / b);
      default:
        if (a === 0 && b === 0) return NUM;
        if (a === 0 && b < 0) return DIV0;
        return finite(a ** b);
    }
  }

  private call(rawName: string, argNodes: FormulaNode[], sheet: SheetGrid): Value {
    const name = functionName(rawName);
    const lazy = LAZY_BUILTINS[name];
    if (lazy)
      return lazy(
        argNodes.map((arg) => () => this.evaluate(arg, sheet)),
        this,
      );
    const builtin = BUILTINS[name];
    const injected = this.functions[name];
    if (!builtin && !injected) throw new Unknown(`function ${name}`);
    if (builtin) {
      // A built-in reads a referenced cell as a one-cell range: SUM(A1) skips text in A1 where
      // SUM("text") is #VALUE!.
      const args = argNodes.map((arg) =>
        this.evaluate(arg.kind === "ref" ? cellAsRange(arg) : arg, sheet),
      );
      return builtin(args, this);
    }
    const args = argNodes.map((arg) => this.evaluate(arg, sheet));
    // An injected (custom) function is not called with an error argument: Excel returns the error.
    const plain: FunctionArg[] = [];
    for (const arg of args) {
      if (isRange(arg)) {
        const rows = this.rows(arg);
        const inner = rows.flat().find(isError);
        if (inner) return inner;
        plain.push(rows);
      } else {
        if (isError(arg)) return arg;
        plain.push(arg);
      }
    }
    try {
      return fromResult(injected!(...plain));
    } catch (error) {
      return fromException(error);
    }
  }
}

/** The cell as it reads once its formula has been computed: value, display text, marked. */
export function computedCell(cell: GridCell, value: Scalar): GridCell {
  const stored: StoredValue = value;
  const text = typeof value === "number" ? formatValue(value, cell.numFmt) : displayText(stored);
  return { ...cell, value: stored, text, computed: true };
}

/** A cell of a sheet, as the reader records the formula cells it found without a result. */
export interface PendingCell {
  sheet: MemorySheet;
  row: number;
  col: number;
}

/**
 * Fills in the results of formula cells stored without one. `pending` lists those cells (the
 * reader records them while reading, so a sheet without formulas costs nothing); when omitted every
 * cell of every sheet is scanned. Cells whose result cannot be known stay as they were. Returns the
 * number of cells computed.
 */
export function computeMissingResults(
  sheets: readonly MemorySheet[],
  options: EvaluatorOptions & { pending?: readonly PendingCell[] } = {},
): number {
  const pending = options.pending ?? scanPending(sheets);
  if (pending.length === 0) return 0;
  const evaluator = new Evaluator(sheets, options);
  // Compute everything first, then write: results never depend on the order of writing.
  const results: Array<{ cell: PendingCell; grid: GridCell; value: Scalar }> = [];
  for (const cell of pending) {
    const grid = cell.sheet.cell(cell.row, cell.col);
    if (!Evaluator.needsResult(grid)) continue;
    const value = evaluator.valueAt(cell.sheet, cell.row, cell.col);
    if (value !== undefined) results.push({ cell, grid: grid!, value });
  }
  for (const { cell, grid, value } of results) {
    cell.sheet.set(cell.row, cell.col, computedCell(grid, value));
  }
  return results.length;
}

function scanPending(sheets: readonly MemorySheet[]): PendingCell[] {
  const pending: PendingCell[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.usedRows()) {
      for (const col of sheet.usedCols(row)) {
        if (Evaluator.needsResult(sheet.cell(row, col))) pending.push({ sheet, row, col });
      }
    }
  }
  return pending;
}
