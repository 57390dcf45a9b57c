// A shared formula is written once, on its first cell (<f t="shared" ref="B12:B13" si="0">A12*2</f>);
// the other cells name it by index (<f t="shared" si="0"/>). Each of them holds the formula moved
// by its offset from the first cell, as Excel shows it: relative references move, $-anchored
// parts stay. The evaluator needs that text for cells stored without a cached result.
import { columnLetter } from "../../core/grid";
import { MAX_COLS, MAX_ROWS } from "./read-limits";

function isWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 46 || // .
    code === 92 || // \
    code > 127 // names may hold any letter
  );
}

/** A cell reference at a token start: $A$1, A1, XFD1048576; not LOG10( nor a name like AB1X. */
const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!\\])/y;

function columnNumber(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) & 0xdf) - 64);
  return col;
}

/**
 * `formula` moved by `rows` and `cols`. String literals, quoted sheet names and bracketed parts
 * are copied as they are; a reference moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = "";
  let i = 0;
  let copiedTo = 0;
  const n = formula.length;
  while (i < n) {
    const code = formula.charCodeAt(i);
    if (code === 34 /* " */ || code === 39 /* ' */) {
      // A literal or a quoted sheet name; a doubled quote inside is an escaped one.
      let j = i + 1;
      for (; j < n; j++) {
        if (formula.charCodeAt(j) === code) {
          if (formula.charCodeAt(j + 1) === code) j++;
          else break;
        }
      }
      i = j + 1;
      continue;
    }
    if (code === 91 /* [ */) {
      const close = formula.indexOf("]", i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (i > 0 && isWordCode(formula.charCodeAt(i - 1))) {
      i++;
      continue;
    }
    REF.lastIndex = i;
    const match = REF.exec(formula);
    if (!match) {
      i++;
      continue;
    }
    const [whole, colAbs, letters, rowAbs, digits] = match;
    const col = columnNumber(letters) + (colAbs ? 0 : cols);
    const row = Number(digits) + (rowAbs ? 0 : rows);
    const moved =
      col < 1 || col > MAX_COLS || row < 1 || row > MAX_ROWS
        ? "#REF!"
        : `${colAbs}${columnLetter(col)}${rowAbs}${row}`;
    out += formula.slice(copiedTo, i) + moved;
    i += whole.length;
    copiedTo = i;
  }
  return out + formula.slice(copiedTo);
}
