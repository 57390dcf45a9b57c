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
 * Stands in, during one attempt at a formula, for a formula cell not computed yet. It behaves as an
 * error value, so it flows through operators and functions without deciding anything; the attempt's
 * result is thrown away and the formula is evaluated again once the cells it named are known.
 */
const PENDING: ErrorValue = { error: "#PENDING" };

/** Excel's longest text in a cell; a longer result of & is #VALUE!, as in Excel. */
const MAX_TEXT = 32_767;

/** Work done, counted so tests can check that it grows linearly with the number of cells. */
export interface EvaluationStats {
  /** Attempts at a formula: once per cell, plus one each time it named cells not yet computed. */
  attempts: number;
  /** Syntax-tree nodes evaluated, over all attempts. */
  nodes: number;
  /** Cell reads (a range counts each cell it reads). */
  reads: number;
}

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
  /** Counts of the work done are added to this object when given (tests check linear growth). */
  stats?: EvaluationStats;
}

type CellState = { state: "evaluating" } | { state: "done"; value: Scalar | Unknown };

const EVALUATING: CellState = { state: "evaluating" };

/** A formula cell waiting to be computed, on the evaluator's explicit stack. */
interface Frame {
  sheet: SheetGrid;
  row: number;
  col: number;
  formula: string;
  /**
   * The parsed formula, kept for the attempts after the first. Held by the frame rather than a
   * workbook-wide cache, so a million-cell chain does not keep a million syntax trees alive.
   */
  node?: FormulaNode | Unknown;
}

/** One attempt at a formula: the cells it read that were not computed yet. */
interface Attempt {
  missing: Frame[];
}

/**
 * Evaluates formula cells of one workbook on demand. Cells with a stored value (the cached result
 * of a formula, or a constant) are read as stored; a formula cell without one is computed once
 * (memoised) when first needed.
 *
 * Cells are computed from an explicit stack, never by the formula of one cell calling into the
 * formula of the next: a chain of 100,000 references in either direction costs 100,000 cells'
 * work and no call-stack depth. An attempt at a formula that meets cells not computed yet notes
 * them all (a range notes every cell it holds), pushes them, and is repeated once they are known;
 * so each cell is evaluated about twice at most, whatever the order of the chain.
 */
export class Evaluator {
  /** Work done so far; shared with the options' `stats` when one was given. */
  readonly stats: EvaluationStats;
  private readonly memo = new Map<SheetGrid, Map<number, CellState>>();
  private readonly byName = new Map<string, SheetGrid>();
  private readonly functions: FormulaFunctions;
  /** The attempt in progress, while a formula is being evaluated. */
  private attempt: Attempt | undefined;

  constructor(
    private readonly sheets: readonly SheetGrid[],
    options: EvaluatorOptions = {},
  ) {
    for (const sheet of sheets) this.byName.set(sheet.name.toUpperCase(), sheet);
    this.functions = {};
    for (const [name, fn] of Object.entries(options.functions ?? {})) {
      this.functions[name.toUpperCase()] = fn;
    }
    this.stats = options.stats ?? { attempts: 0, nodes: 0, reads: 0 };
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

  /**
   * A cell's value, computing it when needed; throws Unknown. Inside an attempt at a formula, a
   * cell not computed yet reads as PENDING and is noted for the attempt.
   */
  read(sheet: SheetGrid, row: number, col: number): Scalar {
    this.stats.reads++;
    const cell = sheet.cell(row, col);
    if (cell === undefined) return null;
    if (!Evaluator.needsResult(cell)) return storedToScalar(cell.value);
    const cells = this.cellsOf(sheet);
    // Rows fit in 2^20 and columns in 2^14, so one number keys the cell.
    const key = row * 16_385 + col;
    let known = cells.get(key);
    if (known === undefined) {
      const frame = { sheet, row, col, formula: cell.formula! };
      if (this.attempt) {
        this.attempt.missing.push(frame);
        return PENDING;
      }
      this.compute(frame);
      known = cells.get(key)!;
    }
    // A cell still being evaluated is one this formula depends on, and that depends on it.
    if (known.state === "evaluating") throw new Unknown("circular reference");
    if (known.value instanceof Unknown) throw known.value;
    return known.value;
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

  private cellsOf(sheet: SheetGrid): Map<number, CellState> {
    let cells = this.memo.get(sheet);
    if (!cells) {
      cells = new Map();
      this.memo.set(sheet, cells);
    }
    return cells;
  }

  /**
   * Computes a formula cell and every not-yet-computed cell it needs, deepest first, from an
   * explicit stack. A cell is marked evaluating from its first attempt until its result is known:
   * meeting it again on the way is a cycle, which leaves it and what depends on it unknown.
   */
  private compute(first: Frame): void {
    const stack: Frame[] = [first];
    const started: Frame[] = [];
    try {
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        const cells = this.cellsOf(frame.sheet);
        const key = frame.row * 16_385 + frame.col;
        const state = cells.get(key);
        // Pushed twice (two formulas named it) and computed at the upper place already.
        if (state?.state === "done") {
          stack.pop();
          continue;
        }
        if (state === undefined) {
          cells.set(key, EVALUATING);
          started.push(frame);
        }
        const outcome = this.tryFormula(frame);
        if (Array.isArray(outcome)) {
          // Computed in the order the formula reads them, as Excel would.
          for (let i = outcome.length - 1; i >= 0; i--) stack.push(outcome[i]!);
        } else {
          cells.set(key, { state: "done", value: outcome });
          stack.pop();
        }
      }
    } finally {
      // Only an unexpected exception leaves cells evaluating; forget them rather than report a
      // cycle the next time they are read.
      for (const frame of started) {
        const cells = this.cellsOf(frame.sheet);
        const key = frame.row * 16_385 + frame.col;
        if (cells.get(key) === EVALUATING) cells.delete(key);
      }
    }
  }

  /** One attempt at a cell's formula: its value, Unknown, or the cells to compute first. */
  private tryFormula(frame: Frame): Scalar | Unknown | Frame[] {
    this.stats.attempts++;
    const attempt: Attempt = { missing: [] };
    this.attempt = attempt;
    try {
      // A formula showing an empty cell (=A1 with A1 blank) shows 0, as in Excel.
      const value = this.scalar(this.evaluate(this.parse(frame), frame.sheet)) ?? 0;
      return attempt.missing.length > 0 ? attempt.missing : value;
    } catch (error) {
      if (error instanceof Unknown) return error;
      // The call stack ran out inside one formula nested thousands deep; no sheet does that.
      if (error instanceof RangeError) return new Unknown("formula nested too deeply");
      throw error;
    } finally {
      this.attempt = undefined;
    }
  }

  /**
   * True once the attempt in progress has met a cell not computed yet: values from then on may
   * stand on PENDING, so IF and IFERROR must not choose a branch by them (that could read cells
   * the formula does not need, and report a cycle that is not there).
   */
  private get guessing(): boolean {
    return this.attempt !== undefined && this.attempt.missing.length > 0;
  }

  private parse(frame: Frame): FormulaNode {
    if (frame.node === undefined) {
      try {
        frame.node = parseFormula(frame.formula);
      } catch {
        // A syntax error, or a formula nested deeper than the parser's call stack.
        frame.node = new Unknown("syntax");
      }
    }
    if (frame.node instanceof Unknown) throw frame.node;
    return frame.node;
  }

  private sheetOf(name: string | undefined, current: SheetGrid): SheetGrid | undefined {
    return name === undefined ? current : this.byName.get(name.toUpperCase());
  }

  private evaluate(node: FormulaNode, sheet: SheetGrid): Value {
    this.stats.nodes++;
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
      case "unary":
      case "percent":
        return this.signs(node, sheet);
      case "binary":
        return this.chain(node, sheet);
      case "call":
        return this.call(node.name, node.args, sheet);
    }
  }

  /**
   * Signs and percents around an operand (--A1, 50%%), applied innermost first. A loop, not
   * recursion: a hostile formula may stack thousands of them.
   */
  private signs(node: Extract<FormulaNode, { kind: "unary" | "percent" }>, sheet: SheetGrid) {
    const ops: Array<"-" | "+" | "%"> = [];
    let inner: FormulaNode = node;
    while (inner.kind === "unary" || inner.kind === "percent") {
      ops.push(inner.kind === "percent" ? "%" : inner.op);
      inner = inner.operand;
    }
    this.stats.nodes += ops.length - 1;
    let value: Scalar = this.scalar(this.evaluate(inner, sheet));
    for (let i = ops.length - 1; i >= 0; i--) {
      const n = toNumber(value);
      if (isError(n)) return n;
      value = ops[i] === "-" ? -n : ops[i] === "%" ? n / 100 : n;
    }
    return value;
  }

  /**
   * A binary operator and those chained to its left: operators bind to the left, so a long formula
   * (A1+A2+…+A2000) is a deep left spine, walked in a loop rather than by recursion.
   */
  private chain(node: Extract<FormulaNode, { kind: "binary" }>, sheet: SheetGrid): Scalar {
    const spine: Array<Extract<FormulaNode, { kind: "binary" }>> = [];
    let inner: FormulaNode = node;
    while (inner.kind === "binary") {
      spine.push(inner);
      inner = inner.left;
    }
    this.stats.nodes += spine.length - 1;
    let value = this.scalar(this.evaluate(inner, sheet));
    for (let i = spine.length - 1; i >= 0; i--) {
      const { op, right } = spine[i]!;
      value = this.binary(op, value, this.scalar(this.evaluate(right, sheet)));
    }
    return value;
  }

  /** One operator on its evaluated operands, left then right as Excel evaluates them. */
  private binary(op: string, left: Scalar, right: Scalar): Scalar {
    if (op === "&") {
      const a = toText(left);
      if (isError(a)) return a;
      const b = toText(right);
      if (isError(b)) return b;
      // Also keeps a chain of A2=A1&A1 from doubling its way to gigabytes.
      return a.length + b.length > MAX_TEXT ? VALUE : a + b;
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
    if (lazy) {
      const thunks = argNodes.map(
        (arg) => () => (this.guessing ? PENDING : this.evaluate(arg, sheet)),
      );
      return lazy(thunks, this);
    }
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
    // The arguments may stand on cells not computed yet; the attempt is repeated anyway.
    if (this.guessing) return PENDING;
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
