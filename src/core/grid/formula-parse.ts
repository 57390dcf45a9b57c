/**
 * Parses the spreadsheet formulas found in forms into a small syntax tree for evaluate.ts. Only
 * the grammar forms use: literals, A1 references and ranges (optionally on another sheet), the
 * arithmetic, text and comparison operators, and function calls. Anything else is a parse error,
 * so the caller leaves the cell as it was instead of guessing.
 */
import { fromA1 } from "./index";

export type FormulaNode =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  /** An argument left out, as in IF(A1,,0). */
  | { kind: "missing" }
  | { kind: "ref"; sheet?: string; row: number; col: number }
  /** A rectangle; `bottom` is undefined for whole columns (A:A), bounded by the sheet's last row. */
  | { kind: "range"; sheet?: string; top: number; left: number; bottom?: number; right: number }
  /** A bare name: a defined name or something not understood. */
  | { kind: "name"; name: string }
  | { kind: "unary"; op: "-" | "+"; operand: FormulaNode }
  | { kind: "percent"; operand: FormulaNode }
  | { kind: "binary"; op: BinaryOp; left: FormulaNode; right: FormulaNode }
  | { kind: "call"; name: string; args: FormulaNode[] };

export type BinaryOp = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=";

export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulaSyntaxError";
  }
}

type Token =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "error"; code: string }
  /** A word (cell address, column, function or defined name), with the sheet that prefixes it. */
  | { type: "word"; text: string; sheet?: string }
  | { type: "op"; text: string }
  | { type: "end" };

/** Excel's limits: a formula's length in characters, and levels of nested parentheses and calls. */
const MAX_FORMULA_LENGTH = 8_192;
const MAX_NESTING = 64;

const ERROR_LITERALS = ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"];
const NUMBER = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
/** Characters that end a word: operators, separators, quotes, whitespace. */
const WORD = /^[^\s+\-*/^&=<>(),:;%"'!{}#]+/;
const TWO_CHAR_OPS = ["<=", ">=", "<>"];
const ONE_CHAR_OPS = "+-*/^&=<>(),:%";

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = formula.slice(i);
    if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= formula.length) throw new FormulaSyntaxError("unterminated string");
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += formula[j];
        j++;
      }
      tokens.push({ type: "string", value });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!A1, with '' standing for a quote inside the name.
      let name = "";
      let j = i + 1;
      for (;;) {
        if (j >= formula.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      if (formula[j + 1] !== "!") throw new FormulaSyntaxError("quoted name without '!'");
      const word = WORD.exec(formula.slice(j + 2));
      if (!word) throw new FormulaSyntaxError("sheet reference without a cell");
      tokens.push({ type: "word", text: word[0], sheet: name });
      i = j + 2 + word[0].length;
      continue;
    }
    if (ch === "#") {
      // Compares only the literal's length: upper-casing the whole rest per "#" was quadratic.
      const code = ERROR_LITERALS.find((e) => formula.slice(i, i + e.length).toUpperCase() === e);
      if (!code) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      tokens.push({ type: "error", code });
      i += code.length;
      continue;
    }
    const number = NUMBER.exec(rest);
    // "2023年!A1" would be a sheet name starting with digits; Excel quotes those, so a digit run
    // followed by a letter is not a number only when a "!" follows the word.
    if (number && !/^[^\s+\-*/^&=<>(),:;%"'!{}#]*!/.test(rest)) {
      const value = Number(number[0]);
      // Beyond Excel's largest number (1E+309): Excel refuses the formula; never an Infinity.
      if (!Number.isFinite(value)) throw new FormulaSyntaxError(`number out of range at ${i}`);
      tokens.push({ type: "number", value });
      i += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      i += word[0].length;
      if (formula[i] === "!") {
        const target = WORD.exec(formula.slice(i + 1));
        if (!target) throw new FormulaSyntaxError("sheet reference without a cell");
        tokens.push({ type: "word", text: target[0], sheet: word[0] });
        i += 1 + target[0].length;
      } else {
        tokens.push({ type: "word", text: word[0] });
      }
      continue;
    }
    const two = rest.slice(0, 2);
    if (TWO_CHAR_OPS.includes(two)) {
      tokens.push({ type: "op", text: two });
      i += 2;
      continue;
    }
    if (ONE_CHAR_OPS.includes(ch)) {
      tokens.push({ type: "op", text: ch });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected "${ch}" at ${i}`);
  }
  tokens.push({ type: "end" });
  return tokens;
}

const COLUMN = /^\$?([A-Za-z]{1,3})$/;

function columnNumber(word: string): number | undefined {
  const match = COLUMN.exec(word);
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col <= 16384 ? col : undefined;
}

/** Recursive descent, lowest precedence first, as Excel binds: comparison, &, + -, * /, ^, %, −. */
class Parser {
  private pos = 0;
  /** Open parentheses and calls around the current token; bounded so nesting cannot overflow. */
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    const node = this.comparison();
    if (this.peek().type !== "end") throw new FormulaSyntaxError("unexpected trailing input");
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }

  private isOp(...ops: string[]): string | undefined {
    const token = this.peek();
    return token.type === "op" && ops.includes(token.text) ? token.text : undefined;
  }

  private expectOp(op: string): void {
    if (!this.isOp(op)) throw new FormulaSyntaxError(`expected "${op}"`);
    this.pos++;
  }

  private comparison(): FormulaNode {
    let left = this.concat();
    for (let op; (op = this.isOp("=", "<>", "<", ">", "<=", ">="));) {
      this.pos++;
      left = { kind: "binary", op: op as BinaryOp, left, right: this.concat() };
    }
    return left;
  }

  private concat(): FormulaNode {
    let left = this.additive();
    while (this.isOp("&")) {
      this.pos++;
      left = { kind: "binary", op: "&", left, right: this.additive() };
    }
    return left;
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    for (let op; (op = this.isOp("+", "-"));) {
      this.pos++;
      left = { kind: "binary", op: op as BinaryOp, left, right: this.multiplicative() };
    }
    return left;
  }

  private multiplicative(): FormulaNode {
    let left = this.power();
    for (let op; (op = this.isOp("*", "/"));) {
      this.pos++;
      left = { kind: "binary", op: op as BinaryOp, left, right: this.power() };
    }
    return left;
  }

  /** Left-associative, as in Excel: 2^3^2 = 64. */
  private power(): FormulaNode {
    let left = this.percent();
    while (this.isOp("^")) {
      this.pos++;
      left = { kind: "binary", op: "^", left, right: this.percent() };
    }
    return left;
  }

  private percent(): FormulaNode {
    let operand = this.unary();
    while (this.isOp("%")) {
      this.pos++;
      operand = { kind: "percent", operand };
    }
    return operand;
  }

  /** Negation binds tighter than ^ in Excel: -2^2 = 4. */
  private unary(): FormulaNode {
    // A loop, not recursion: "=------1" is legal, and thousands of signs must not exhaust the stack.
    const signs: Array<"-" | "+"> = [];
    for (let op; (op = this.isOp("-", "+")); this.pos++) signs.push(op as "-" | "+");
    let node = this.primary();
    for (let i = signs.length - 1; i >= 0; i--)
      node = { kind: "unary", op: signs[i]!, operand: node };
    return node;
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new FormulaSyntaxError("nested too deeply");
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.type) {
      case "number":
        this.pos++;
        return { kind: "number", value: token.value };
      case "string":
        this.pos++;
        return { kind: "string", value: token.value };
      case "error":
        this.pos++;
        return { kind: "error", code: token.code };
      case "word":
        this.pos++;
        return this.word(token);
      case "op":
        if (token.text === "(") {
          this.pos++;
          this.enter();
          const inner = this.comparison();
          this.expectOp(")");
          this.depth--;
          return inner;
        }
        throw new FormulaSyntaxError(`unexpected "${token.text}"`);
      case "end":
        throw new FormulaSyntaxError("unexpected end of formula");
    }
  }

  private word(token: Extract<Token, { type: "word" }>): FormulaNode {
    const { text, sheet } = token;
    if (sheet === undefined && this.isOp("(")) {
      this.pos++;
      this.enter();
      const args = this.args();
      this.depth--;
      return { kind: "call", name: text, args };
    }
    const cell = fromA1(text);
    if (cell && cell.col <= 16384 && cell.row >= 1) {
      if (this.isOp(":")) {
        this.pos++;
        const end = this.peek();
        const to = end.type === "word" ? fromA1(end.text) : undefined;
        if (!to || (end.type === "word" && end.sheet !== undefined)) {
          throw new FormulaSyntaxError("bad range end");
        }
        this.pos++;
        return {
          kind: "range",
          sheet,
          top: Math.min(cell.row, to.row),
          bottom: Math.max(cell.row, to.row),
          left: Math.min(cell.col, to.col),
          right: Math.max(cell.col, to.col),
        };
      }
      return { kind: "ref", sheet, row: cell.row, col: cell.col };
    }
    const col = columnNumber(text);
    if (col !== undefined && this.isOp(":")) {
      this.pos++;
      const end = this.peek();
      const to = end.type === "word" ? columnNumber(end.text) : undefined;
      if (to === undefined) throw new FormulaSyntaxError("bad column range end");
      this.pos++;
      return {
        kind: "range",
        sheet,
        top: 1,
        left: Math.min(col, to),
        right: Math.max(col, to),
      };
    }
    if (sheet === undefined && /^(TRUE|FALSE)$/i.test(text)) {
      return { kind: "boolean", value: text.toUpperCase() === "TRUE" };
    }
    return { kind: "name", name: text };
  }

  private args(): FormulaNode[] {
    const args: FormulaNode[] = [];
    if (this.isOp(")")) {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.isOp(",", ")") ? { kind: "missing" } : this.comparison());
      if (this.isOp(",")) {
        this.pos++;
        continue;
      }
      this.expectOp(")");
      return args;
    }
  }
}

/** Parses a formula (with or without its leading "="); throws FormulaSyntaxError. */
export function parseFormula(formula: string): FormulaNode {
  // Excel stores nothing longer; a longer one comes from a hostile or broken file.
  if (formula.length > MAX_FORMULA_LENGTH) throw new FormulaSyntaxError("formula too long");
  const text = formula.trim().replace(/^=/, "");
  return new Parser(tokenize(text)).parse();
}
