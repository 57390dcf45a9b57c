/**
 * Random formula text for the evaluator fuzz: mostly grammatical (references, ranges, sheet
 * names, functions the evaluator knows and some it does not, PERF.*, operators, strings, errors),
 * then sometimes damaged (characters inserted, deleted, parentheses unbalanced) so the parser's
 * error paths are walked too.
 */
import type { Prng } from "./prng";

const FUNCTIONS = [
  "SUM",
  "IF",
  "ROUND",
  "ROUNDUP",
  "ROUNDDOWN",
  "AVERAGE",
  "MIN",
  "MAX",
  "ABS",
  "AND",
  "OR",
  "NOT",
  "IFERROR",
  "COUNT",
  "COUNTA",
  "SUMPRODUCT",
  "TEXT",
  "VALUE",
  "LEN",
  "CONCATENATE",
  "INDEX",
  "VLOOKUP",
  "INDIRECT",
  "OFFSET",
  "PERF.RATE",
  "PERF.SCORE",
  "PERF.DEVIATION",
  "PERF.VALUE",
  "PERF.GRADE",
  "NOSUCH",
  "_xlfn.IFS",
];
const OPERATORS = ["+", "-", "*", "/", "^", "&", "=", "<>", "<", ">", "<=", ">=", " ", ",", ":"];
const LITERALS = [
  "0",
  "1",
  "-1",
  "0.5",
  "1e308",
  "1E+309",
  "1e-320",
  "99999999999999999999",
  "3.14159",
  ".5",
  "5.",
  '""',
  '"不涉及"',
  '"≥90%"',
  '"29.616 9 万元"',
  '"a""b"',
  "TRUE",
  "FALSE",
  "#DIV/0!",
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "50%",
  "{1,2;3,4}",
];
const SHEETS = ["", "", "", "Sheet1!", "'Sheet 2'!", "'表 1 自评'!", "'It''s'!", "NoSuch!", "'"];
const DAMAGE = [
  "(",
  ")",
  '"',
  "'",
  ",",
  "!",
  ":",
  "$",
  "=",
  "#",
  "{",
  "}",
  "\u0000",
  "\n",
  "é",
  "万",
];

export const COLUMNS = ["A", "B", "C", "D", "E"];

/** A1-style reference within a small grid (so references hit cells), sometimes far outside it. */
export function reference(rng: Prng): string {
  if (rng.chance(0.05)) return rng.pick(["XFD1048576", "A0", "ZZZZ1", "A1048577", "$A$1", "R1C1"]);
  const dollar = () => (rng.chance(0.2) ? "$" : "");
  return `${dollar()}${rng.pick(COLUMNS)}${dollar()}${rng.between(1, 6)}`;
}

function operand(rng: Prng, depth: number): string {
  const roll = rng.int(10);
  if (roll < 3) return `${rng.pick(SHEETS)}${reference(rng)}`;
  if (roll < 4) {
    const range = rng.chance(0.1)
      ? rng.pick(["A:A", "1:1", "A:XFD", "A1:XFD1048576"])
      : `${reference(rng)}:${reference(rng)}`;
    return `${rng.pick(SHEETS)}${range}`;
  }
  if (roll < 6) return rng.pick(LITERALS);
  if (roll < 8 && depth < 5) {
    const args = Array.from({ length: rng.int(4) }, () => expression(rng, depth + 1));
    return `${rng.pick(FUNCTIONS)}(${args.join(rng.chance(0.9) ? "," : ";")})`;
  }
  if (depth < 5) return `(${expression(rng, depth + 1)})`;
  return rng.pick(LITERALS);
}

function expression(rng: Prng, depth = 0): string {
  let text = (rng.chance(0.1) ? rng.pick(["-", "+", "--"]) : "") + operand(rng, depth);
  const terms = rng.int(depth > 2 ? 2 : 4);
  for (let i = 0; i < terms; i++) text += rng.pick(OPERATORS) + operand(rng, depth);
  if (rng.chance(0.05)) text += "%";
  return text;
}

/** One formula's text, without the leading "=" (as cells store it), sometimes damaged. */
export function formulaText(rng: Prng): string {
  let text = expression(rng);
  if (rng.chance(0.3)) {
    const edits = rng.between(1, 3);
    for (let i = 0; i < edits; i++) {
      const at = rng.int(text.length + 1);
      text = rng.chance(0.5)
        ? text.slice(0, at) + rng.pick(DAMAGE) + text.slice(at)
        : text.slice(0, at) + text.slice(at + rng.between(1, 3));
    }
  }
  if (rng.chance(0.02)) text = "(".repeat(rng.between(50, 3000)) + "1";
  if (rng.chance(0.02)) text = Array.from({ length: rng.between(100, 2000) }, () => "1").join("+");
  return text;
}
