// One worksheet part into the grid: values as stored, cached formula results, display text through
// the cell's number format, formulas (shared ones moved to each cell), merges. Walks the part once.
import {
  MemorySheet,
  displayText,
  toA1,
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
import { CLOSE, END, OPEN, XmlTokens, decodeEntities } from "./xml-tokens";

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

/**
 * "B12" in text[start, end) → column 2 into out[0], row 12 into out[1]; false when it is not a
 * cell reference. A range of the part's XML, so a cell's r="" is read without a string for it.
 */
function parseRef(text: string, start: number, end: number, out: number[]): boolean {
  let i = start;
  let col = 0;
  if (i < end && text.charCodeAt(i) === 36) i++; // $
  const letters = i;
  for (; i < end; i++) {
    const code = text.charCodeAt(i) & 0xdf; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (col > 1e7) return false;
  }
  if (i === letters) return false;
  if (i < end && text.charCodeAt(i) === 36) i++;
  const digits = i;
  let row = 0;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
    if (row > 1e10) return false;
  }
  if (i === digits) return false;
  out[0] = col;
  out[1] = row;
  return true;
}

/**
 * Attribute k of the current tag as the number Number() makes of its value, read in place when
 * it is plain digits (a row's r="", a cell's s="").
 */
function numberAttr(tokens: XmlTokens, k: number): number {
  const xml = tokens.xml;
  const start = tokens.valueStart(k);
  const end = tokens.valueEnd(k);
  if (end > start && end - start <= 9) {
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const code = xml.charCodeAt(i);
      if (code < 48 || code > 57) break;
      value = value * 10 + (code - 48);
    }
    if (i === end) return value;
  }
  return Number(tokens.attrValue(k));
}

/** A cell's r="" into out as parseRef does, in place unless it holds an entity. */
function parseRefAttr(tokens: XmlTokens, k: number, out: number[]): boolean {
  const xml = tokens.xml;
  const start = tokens.valueStart(k);
  const end = tokens.valueEnd(k);
  if (!hasEntity(xml, start, end)) return parseRef(xml, start, end, out);
  const ref = tokens.attrValue(k);
  return parseRef(ref, 0, ref.length, out);
}

/**
 * "A1:H30" (or "A1") in text[start, end) as a range; undefined when it is not one. As with
 * split(":"), a third part ("A1:B2:C3") is ignored.
 */
function parseRange(text: string, start = 0, end = text.length): CellRange | undefined {
  const at = [0, 0];
  let colon = text.indexOf(":", start);
  if (colon < 0 || colon >= end) colon = end;
  if (!parseRef(text, start, colon, at)) return undefined;
  const left = at[0];
  const top = at[1];
  if (colon < end) {
    let next = text.indexOf(":", colon + 1);
    if (next < 0 || next >= end) next = end;
    if (!parseRef(text, colon + 1, next, at)) return undefined;
  }
  return {
    top: Math.min(top, at[1]),
    left: Math.min(left, at[0]),
    bottom: Math.max(top, at[1]),
    right: Math.max(left, at[0]),
  };
}

/** Attribute k of the current tag as parseRange reads it, in place unless it holds an entity. */
function parseRangeAttr(tokens: XmlTokens, k: number): CellRange | undefined {
  const xml = tokens.xml;
  const start = tokens.valueStart(k);
  const end = tokens.valueEnd(k);
  if (!hasEntity(xml, start, end)) return parseRange(xml, start, end);
  return parseRange(tokens.attrValue(k));
}

function hasEntity(xml: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === 38 /* & */) return true;
  return false;
}

/**
 * The grid sheet the reader fills: MemorySheet with its own merge index. Detection asks for the
 * merge at nearly every cell it reads, and the reader itself at every cell it keeps, so when the
 * merges lie within a box not much larger than the cells they cover, the index is one array over
 * that box (a number per cell) instead of a map entry per merged cell.
 */
class ReadSheet extends MemorySheet {
  private readonly mergeRanges: CellRange[] = [];
  /** Built on the first lookup after a merge is added. */
  private index: MergeIndex | undefined;

  override get merges(): readonly CellRange[] {
    return this.mergeRanges;
  }

  override addMerge(range: CellRange): void {
    this.mergeRanges.push(range);
    this.index = undefined;
  }

  override mergeAt(row: number, col: number): CellRange | undefined {
    if (this.index === undefined) this.index = mergeIndex(this.mergeRanges);
    return this.index(row, col);
  }
}

type MergeIndex = (row: number, col: number) => CellRange | undefined;

/** A lookup of the merge covering each cell; where merges overlap, the later one, as a map has it. */
function mergeIndex(ranges: readonly CellRange[]): MergeIndex {
  if (ranges.length === 0) return () => undefined;
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  let covered = 0;
  for (const range of ranges) {
    top = Math.min(top, range.top);
    left = Math.min(left, range.left);
    bottom = Math.max(bottom, range.bottom);
    right = Math.max(right, range.right);
    covered += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  }
  const width = right - left + 1;
  const area = (bottom - top + 1) * width;
  // At most 16 bytes per merged cell (a map entry costs more), or 256 KB for a small sheet.
  if (area > Math.max(covered * 4, 1 << 16)) {
    const cells = new Map<number, CellRange>();
    for (const range of ranges) {
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) cells.set(r * 16_385 + c, range);
      }
    }
    return (row, col) => cells.get(row * 16_385 + col);
  }
  // 1 + the range's position in `ranges`; 0 where no merge is.
  const grid = new Int32Array(area);
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i];
    for (let r = range.top; r <= range.bottom; r++) {
      const base = (r - top) * width - left;
      grid.fill(i + 1, base + range.left, base + range.right + 1);
    }
  }
  return (row, col) => {
    if (row < top || row > bottom || col < left || col > right) return undefined;
    const at = grid[(row - top) * width + (col - left)];
    return at === 0 ? undefined : ranges[at - 1];
  };
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
  const read: ReadCells = { cells: [], rows: [], cols: [], merges: [] };
  scanSheet(new XmlTokens(xml), name, context, read);
  fillSheet(sheet, read, context);
  return sheet;
}

/**
 * What a sheet's part holds, before the sheet is filled: the cells as three parallel lists (no
 * object per cell), kept or dropped once the merges, which the part lists after its cells, are
 * known.
 */
interface ReadCells {
  readonly cells: GridCell[];
  readonly rows: number[];
  readonly cols: number[];
  readonly merges: CellRange[];
}

/**
 * Walks the part once. The loop does only what every cell needs; rarer elements are handled by
 * functions of their own (the loop is what the engine compiles and keeps hot, read after read).
 */
function scanSheet(tokens: XmlTokens, name: string, context: SheetContext, read: ReadCells): void {
  const shared = new Map<string, SharedFormula>();
  const at = [0, 0];
  let row = 0;
  let col = 0;
  for (let token = tokens.next(); token !== END; token = tokens.next()) {
    if (token !== OPEN) continue;
    const tag = tokens.name;
    if (tag === "c") {
      const r = tokens.attrIndex("r");
      if (r < 0) {
        col++;
        if (row === 0) row = 1;
      } else {
        if (!parseRefAttr(tokens, r, at) || at[1] < 1) {
          throw new CellReferenceError(`cell ${tokens.attrValue(r)}`);
        }
        col = at[0];
        row = at[1];
      }
      if (row > MAX_ROWS || col > MAX_COLS) {
        throw beyondSheetLimits(name, `单元格 ${toA1(row, col)}`);
      }
      const cell = readCell(tokens, row, col, name, context, shared);
      if (cell) {
        read.rows.push(row);
        read.cols.push(col);
        read.cells.push(cell);
      }
    } else if (tag === "row") {
      row = rowIndex(tokens, row, name);
      col = 0;
    } else if (tag === "mergeCell") {
      readMerge(tokens, name, context, read.merges);
    } else if (tag === "dimension") {
      checkDimension(tokens, name);
    }
  }
}

/** The <row> just opened: its r="", or the row after `previous` when it has none. */
function rowIndex(tokens: XmlTokens, previous: number, sheetName: string): number {
  const r = tokens.attrIndex("r");
  const index = r < 0 ? previous + 1 : numberAttr(tokens, r);
  if (!Number.isInteger(index) || index < 1) {
    throw new CellReferenceError(`row ${r < 0 ? undefined : tokens.attrValue(r)}`);
  }
  if (index > MAX_ROWS) throw beyondSheetLimits(sheetName, `第 ${index} 行`);
  return index;
}

function readMerge(
  tokens: XmlTokens,
  sheetName: string,
  context: SheetContext,
  merges: CellRange[],
): void {
  const ref = tokens.attrIndex("ref");
  const range = ref < 0 ? parseRange("") : parseRangeAttr(tokens, ref);
  if (!range) return; // a damaged merge is dropped, the cells stay
  if (range.bottom > MAX_ROWS || range.right > MAX_COLS) {
    throw beyondSheetLimits(sheetName, `合并区域 ${tokens.attr("ref")}`);
  }
  context.mergedCells += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  if (context.mergedCells > MAX_MERGED_CELLS) throw tooManyMergedCells();
  merges.push(range);
}

function checkDimension(tokens: XmlTokens, sheetName: string): void {
  const ref = tokens.attr("ref") ?? "";
  const range = parseRange(ref);
  if (range && (range.bottom > MAX_ROWS || range.right > MAX_COLS)) {
    throw beyondSheetLimits(sheetName, `已用区域（dimension）${ref}`);
  }
}

/** The merges, then the cells they leave, into the sheet; formulas without a result to compute. */
function fillSheet(sheet: ReadSheet, read: ReadCells, context: SheetContext): void {
  for (const range of read.merges) {
    if (range.top > 0 && range.left > 0) sheet.addMerge(range);
  }
  const merged = read.merges.length > 0;
  const { cells, rows, cols } = read;
  for (let i = 0; i < cells.length; i++) {
    const r = rows[i];
    const c = cols[i];
    const cell = cells[i];
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
  if (tokens.selfClosing) {
    tokens.next();
    return undefined;
  }
  const type = tokens.attr("t");
  const s = tokens.attrIndex("s");
  const style = (s < 0 ? undefined : context.styles[numberAttr(tokens, s)]) ?? GENERAL_STYLE;
  let raw: string | undefined;
  // The last <v>'s text as written when it is plain text (nearly always): a number or a shared
  // string's index is read from it in place, and `raw` is made from it only when needed.
  let plainStart = -1;
  let plainEnd = -1;
  let inline: string | undefined;
  let formula: string | undefined;
  for (let depth = 1; depth > 0;) {
    const token = tokens.next();
    if (token === OPEN) {
      const tag = tokens.name;
      if (tag === "v") {
        if (tokens.plainContent()) {
          plainStart = tokens.textStart;
          plainEnd = tokens.textEnd;
        } else {
          raw = tokens.elementText();
          plainStart = -1;
        }
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

  const value =
    plainStart >= 0
      ? plainValue(tokens.xml, plainStart, plainEnd, type, inline, style, context)
      : storedValue(type, raw, inline, style, context);
  if (typeof value === "string" && value.length > MAX_CELL_CHARS) {
    throw cellTextTooLong(sheetName, toA1(row, col), value.length);
  }
  if (value === null && formula === undefined) return undefined;
  const text = typeof value === "number" ? formatValue(value, style.numFmt) : displayText(value);
  const cell: GridCell = { value, text };
  if (style.numFmt !== undefined) cell.numFmt = style.numFmt;
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/** Powers of ten a plain decimal's fraction is divided by, each exact as a double. */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/**
 * text[start, end) as parseFloat reads it, when it is a plain decimal of at most 15 digits
 * ("12", "-49.52"); NaN for anything else, which the caller gives to parseFloat. The digits make
 * an integer below 2^53 and the power of ten is exact, so the one division is rounded once, to the
 * double nearest the decimal: the value parseFloat gives.
 */
function plainDecimal(text: string, start: number, end: number): number {
  let i = start;
  const negative = i < end && text.charCodeAt(i) === 45; // -
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (code === 46 && scale < 0) {
      scale = 0; // .
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  const value = scale < 0 ? mantissa : mantissa / POWERS_OF_TEN[scale];
  return negative ? -value : value;
}

/** text[start, end) as a shared string's index when it is 1 to 9 plain digits, else -1. */
function plainIndex(text: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let index = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    index = index * 10 + (code - 48);
  }
  return index;
}

/**
 * The value of a cell whose <v> is xml[start, end) as written: a number or a shared string read
 * in place, anything else as storedValue reads the decoded text.
 */
function plainValue(
  xml: string,
  start: number,
  end: number,
  type: string | undefined,
  inline: string | undefined,
  style: CellStyle,
  context: SheetContext,
): StoredValue {
  if (type === "s") {
    const index = plainIndex(xml, start, end);
    if (index >= 0) return context.strings[index] ?? null;
  } else if (type === undefined || type === "n") {
    const number = plainDecimal(xml, start, end);
    if (!Number.isNaN(number)) {
      return style.isDate ? serialToDate(number, context.date1904) : number;
    }
  }
  const raw = end > start ? decodeEntities(xml.slice(start, end)) : "";
  return storedValue(type, raw, inline, style, context);
}

/** A cell's value from its type (t=""), the text of its <v> and of its <is>. */
function storedValue(
  type: string | undefined,
  raw: string | undefined,
  inline: string | undefined,
  style: CellStyle,
  context: SheetContext,
): StoredValue {
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
  return value;
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
