// One worksheet part into the grid: values as stored, cached formula results, display text through
// the cell's number format, formulas (shared ones moved to each cell), merges. Walks the part once.
import {
  MemorySheet,
  displayText,
  type CellRange,
  type GridCell,
  type StoredValue,
} from "../../core/grid";
import type { PendingCell } from "../../core/grid/evaluate";
import { formatValue } from "../../core/grid/format";
import {
  MAX_CELL_CHARS,
  MAX_COLS,
  MAX_ROWS,
  beyondSheetLimits,
  cellTextTooLong,
  tooManyMergedCells,
  MAX_MERGED_CELLS,
} from "./read-limits";
import { GENERAL_STYLE, type CellStyle } from "./read-styles";
import { readStringItem } from "./read-strings";
import { shiftFormula } from "./shared-formula";
import { CLOSE, END, OPEN, XmlTokens } from "./xml-tokens";

/** What every sheet of a workbook shares. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
  readonly pending: PendingCell[];
  /** Cells covered by merges so far, over the workbook (read-limits.ts). */
  mergedCells: number;
}

/** A damaged reference (r="1A"); the reader reports the file as damaged. */
export class CellReferenceError extends Error {}

interface SharedFormula {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

/** A cell as read, before merges decide whether it is kept. */
interface ReadCell {
  readonly row: number;
  readonly col: number;
  readonly cell: GridCell;
}

/** "B12" → column 2 into out[0], row 12 into out[1]; false when it is not a cell reference. */
function parseRef(ref: string, out: number[]): boolean {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 36) i++; // $
  const letters = i;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i) & 0xdf; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (col > 1e7) return false;
  }
  if (i === letters) return false;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
    if (row > 1e10) return false;
  }
  if (i === digits) return false;
  out[0] = col;
  out[1] = row;
  return true;
}

/** "A1:H30" (or "A1") as a range; undefined when it is not one. */
function parseRange(ref: string): CellRange | undefined {
  const at = [0, 0];
  const [first, last = first] = ref.split(":");
  if (!parseRef(first, at)) return undefined;
  const [left, top] = at;
  if (!parseRef(last, at)) return undefined;
  return {
    top: Math.min(top, at[1]),
    left: Math.min(left, at[0]),
    bottom: Math.max(top, at[1]),
    right: Math.max(left, at[0]),
  };
}

function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * The grid sheet the reader fills: MemorySheet with its merge index keyed by number instead of
 * by "row,col" text, which cost a string per merged cell to build and one per lookup (a quarter
 * of the reading time on the 1,000-form workbook).
 */
class ReadSheet extends MemorySheet {
  private readonly mergeRanges: CellRange[] = [];
  private readonly mergeCells = new Map<number, CellRange>();

  override get merges(): readonly CellRange[] {
    return this.mergeRanges;
  }

  override addMerge(range: CellRange): void {
    this.mergeRanges.push(range);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) this.mergeCells.set(r * 16_385 + c, range);
    }
  }

  override mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeCells.get(row * 16_385 + col);
  }
}

/** Serial day number → Date (UTC), the 1900 or 1904 system, as exceljs converted it. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export function readSheet(
  xml: string,
  name: string,
  hidden: boolean,
  context: SheetContext,
): MemorySheet {
  const sheet = new ReadSheet(name, hidden);
  const tokens = new XmlTokens(xml);
  const cells: ReadCell[] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedFormula>();
  const at = [0, 0];
  const checkPosition = (row: number, col: number) => {
    if (row > MAX_ROWS || col > MAX_COLS) {
      throw beyondSheetLimits(name, `单元格 ${columnLetters(col)}${row}`);
    }
  };

  let row = 0;
  let col = 0;
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token !== OPEN) continue;
    const tag = tokens.name;
    if (tag === "row") {
      const r = tokens.attr("r");
      const index = r === undefined ? row + 1 : Number(r);
      if (!Number.isInteger(index) || index < 1) throw new CellReferenceError(`row ${r}`);
      if (index > MAX_ROWS) throw beyondSheetLimits(name, `第 ${index} 行`);
      row = index;
      col = 0;
    } else if (tag === "c") {
      const r = tokens.attr("r");
      if (r === undefined) {
        col++;
        if (row === 0) row = 1;
      } else {
        if (!parseRef(r, at) || at[1] < 1) throw new CellReferenceError(`cell ${r}`);
        col = at[0];
        row = at[1];
      }
      checkPosition(row, col);
      const read = readCell(tokens, row, col, name, context, shared);
      if (read) cells.push({ row, col, cell: read });
    } else if (tag === "mergeCell") {
      const range = parseRange(tokens.attr("ref") ?? "");
      if (!range) continue; // a damaged merge is dropped, the cells stay
      if (range.bottom > MAX_ROWS || range.right > MAX_COLS) {
        throw beyondSheetLimits(name, `合并区域 ${tokens.attr("ref")}`);
      }
      context.mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (context.mergedCells > MAX_MERGED_CELLS) throw tooManyMergedCells();
      merges.push(range);
    } else if (tag === "dimension") {
      const ref = tokens.attr("ref") ?? "";
      const range = parseRange(ref);
      if (range && (range.bottom > MAX_ROWS || range.right > MAX_COLS)) {
        throw beyondSheetLimits(name, `已用区域（dimension）${ref}`);
      }
    }
  }

  for (const range of merges) {
    if (range.top > 0 && range.left > 0) sheet.addMerge(range);
  }
  const merged = merges.length > 0;
  for (const { row: r, col: c, cell } of cells) {
    // Only the top-left cell of a merge holds its value; Excel ignores whatever the others store.
    if (merged) {
      const range = sheet.mergeAt(r, c);
      if (range && (range.top !== r || range.left !== c)) continue;
    }
    sheet.set(r, c, cell);
    if (cell.formula !== undefined && cell.value === null) {
      context.pending.push({ sheet, row: r, col: c });
    }
  }
  return sheet;
}

/**
 * Reads the <c> element just opened, up to its end tag. Returns undefined for a cell without a
 * value or formula (a formatted empty cell).
 */
function readCell(
  tokens: XmlTokens,
  row: number,
  col: number,
  sheetName: string,
  context: SheetContext,
  shared: Map<string, SharedFormula>,
): GridCell | undefined {
  const type = tokens.attr("t");
  const s = tokens.attr("s");
  const style = (s === undefined ? undefined : context.styles[Number(s)]) ?? GENERAL_STYLE;
  if (tokens.selfClosing) {
    tokens.next();
    return undefined;
  }
  let raw: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  for (let depth = 1; depth > 0;) {
    const token = tokens.next();
    if (token === OPEN) {
      const tag = tokens.name;
      if (tag === "v") {
        raw = tokens.elementText();
      } else if (tag === "f") {
        formula = readFormula(tokens, row, col, shared);
      } else if (tag === "is") {
        inline = readStringItem(tokens);
      } else if (!tokens.selfClosing) {
        depth++;
      } else {
        tokens.next();
      }
    } else if (token === CLOSE) {
      depth--;
    } else if (token === END) {
      break; // a truncated part: the cell as far as it was written
    }
  }

  let value: StoredValue = null;
  switch (type) {
    case "s": {
      const index = raw === undefined ? NaN : Number(raw);
      const text = Number.isInteger(index) ? context.strings[index] : undefined;
      value = text ?? null;
      break;
    }
    case "inlineStr":
      value = inline ?? raw ?? null;
      break;
    case "str":
      value = raw ?? null;
      break;
    case "b":
      value = raw === undefined ? null : raw.trim() === "1" || raw.trim() === "true";
      break;
    case "e":
      value = raw === undefined ? null : { error: raw };
      break;
    case "d": {
      if (raw === undefined) break;
      const date = new Date(raw);
      value = Number.isNaN(date.getTime()) ? null : date;
      break;
    }
    default: {
      if (raw === undefined || raw === "") break;
      // parseFloat, as exceljs read it; a damaged "#DIV/0!" or "1e999" in a number cell is no
      // number a spreadsheet stores, and shows as #NUM!.
      const number = parseFloat(raw);
      if (!Number.isFinite(number)) value = { error: "#NUM!" };
      else value = style.isDate ? serialToDate(number, context.date1904) : number;
    }
  }
  if (typeof value === "string" && value.length > MAX_CELL_CHARS) {
    throw cellTextTooLong(sheetName, `${columnLetters(col)}${row}`, value.length);
  }
  if (value === null && formula === undefined) return undefined;
  const text = typeof value === "number" ? formatValue(value, style.numFmt) : displayText(value);
  const cell: GridCell = { value, text };
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/** The <f> just opened: its text, or a shared formula moved to this cell. */
function readFormula(
  tokens: XmlTokens,
  row: number,
  col: number,
  shared: Map<string, SharedFormula>,
): string | undefined {
  const kind = tokens.attr("t");
  const si = kind === "shared" ? tokens.attr("si") : undefined;
  const text = tokens.elementText();
  if (si !== undefined) {
    const master = shared.get(si);
    if (text.trim() !== "" || !master) {
      if (text.trim() === "") return undefined;
      shared.set(si, { text, row, col });
    } else {
      return shiftFormula(master.text, row - master.row, col - master.col).replace(/^=/, "");
    }
  }
  if (text === "" && kind === "dataTable") return undefined;
  return text === "" ? undefined : text.replace(/^=/, "");
}
