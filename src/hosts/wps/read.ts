/**
 * Reads the workbook (or the active sheet) into the grid the validator takes. Every property read
 * in WPS is a round trip through the JS↔COM bridge, so the used range of each sheet is read in
 * whole-range calls rather than cell by cell:
 *   - `Value2` of row blocks (a 2-D array; any other shape and that block is read per cell);
 *   - `NumberFormat` of a range is one string when all its cells share it and null when mixed, so
 *     the blocks are split in halves until each part is uniform, skipping parts with no values;
 *   - `Text` is what the cell shows (COM returns null for a multi-cell range unless all agree): read
 *     per cell, and only where the value does not say it already (numbers, booleans, errors, text
 *     under a format with a text section);
 *   - `MergeCells` of the used range is false when nothing is merged (one call); otherwise the
 *     range is split the same way and each merged area is read once through `MergeArea`.
 * bench/wps-read.mjs measures this against reading every cell (`perCell`).
 */
import {
  MemorySheet,
  rangeToA1,
  toA1,
  type CellRange,
  type GridCell,
  type StoredValue,
  type WorkbookGrid,
} from "../../core/grid";
import { formatValue } from "../../core/grid/format";
import { LEDGER_SHEET } from "../marks/ledger";
import { parseRange } from "../shared/address";
import { activeWorkbook, type WpsEnv } from "./env";
import { isHidden, worksheetsOf } from "./sheets";

/** Cells per Value2 read: keeps each array the bridge builds to a modest size. */
export const BLOCK_CELLS = 20_000;

/** Excel's error values as a COM bridge passes them in Value2 (VT_ERROR, 0x800A07D0 + xlErr). */
export const CVERR: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};
const CVERR_NAME = new Map(Object.entries(CVERR).map(([name, code]) => [code, name]));

export interface ReadOptions {
  /** Read every cell of the used range one by one (the baseline the bench compares with). */
  perCell?: boolean;
}

export function readWorkbookGrid(
  env: WpsEnv,
  scope: "sheet" | "workbook",
  options: ReadOptions = {},
): WorkbookGrid {
  const workbook = activeWorkbook(env);
  const activeName = scope === "sheet" ? (workbook.ActiveSheet as Et.Worksheet).Name : undefined;
  const sheets: MemorySheet[] = [];
  for (const worksheet of worksheetsOf(workbook)) {
    const name = worksheet.Name;
    if (name === LEDGER_SHEET || (activeName !== undefined && name !== activeName)) continue;
    const grid = new MemorySheet(name, isHidden(worksheet));
    if (options.perCell) readCellByCell(worksheet, grid);
    else readByRanges(worksheet, grid);
    sheets.push(grid);
  }
  return { sheets };
}

interface Used {
  top: number;
  left: number;
  rows: number;
  cols: number;
  range: Et.Range;
}

function usedOf(worksheet: Et.Worksheet): Used {
  const range = worksheet.UsedRange;
  return {
    top: range.Row,
    left: range.Column,
    rows: range.Rows.Count,
    cols: range.Columns.Count,
    range,
  };
}

function readByRanges(worksheet: Et.Worksheet, grid: MemorySheet): void {
  const used = usedOf(worksheet);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / used.cols));
  for (let first = 0; first < used.rows; first += rowsPerBlock) {
    const rect: CellRange = {
      top: used.top + first,
      left: used.left,
      bottom: used.top + Math.min(used.rows, first + rowsPerBlock) - 1,
      right: used.left + used.cols - 1,
    };
    readBlock(worksheet, grid, rect);
  }
  // One call says whether anything is merged at all (false), all of it (true) or some (null).
  const merged: unknown = used.range.MergeCells;
  if (merged !== false) {
    scanMerges(
      worksheet,
      grid,
      {
        top: used.top,
        left: used.left,
        bottom: used.top + used.rows - 1,
        right: used.left + used.cols - 1,
      },
      merged,
    );
  }
}

function readBlock(worksheet: Et.Worksheet, grid: MemorySheet, rect: CellRange): void {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const values =
    matrixOf(worksheet.Range(address(rect)).Value2, rows, cols) ??
    // An undocumented shape: this block is read cell by cell rather than guessed at.
    Array.from({ length: rows }, (_, r) =>
      Array.from(
        { length: cols },
        (_, c) => worksheet.Range(toA1(rect.top + r, rect.left + c)).Value2 as unknown,
      ),
    );
  const filled = values.map((row) => row.map((value) => !isEmptyValue(value)));
  const formats = uniformFormats(worksheet, rect, filled);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!filled[r][c]) continue;
      const value = values[r][c];
      const numFmt = formats[r][c];
      const row = rect.top + r;
      const col = rect.left + c;
      const text = textFromValue(value, numFmt) ?? textOf(worksheet.Range(toA1(row, col)).Text);
      const cell = gridCell(value, text, numFmt);
      if (cell) grid.set(row, col, cell);
    }
  }
}

/** Value2 as rows × cols, or undefined when the bridge gave some other shape. */
export function matrixOf(raw: unknown, rows: number, cols: number): unknown[][] | undefined {
  if (!Array.isArray(raw)) return rows === 1 && cols === 1 ? [[raw]] : undefined;
  if (raw.length !== rows) return undefined;
  for (const row of raw) if (!Array.isArray(row) || row.length !== cols) return undefined;
  return raw as unknown[][];
}

function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * The number format of every filled cell, by asking whole rectangles and halving the mixed ones
 * (NumberFormat is null when the cells of a range differ). Rectangles without a filled cell are
 * never asked: their formats do not reach the grid.
 */
function uniformFormats(
  worksheet: Et.Worksheet,
  rect: CellRange,
  filled: boolean[][],
): Array<Array<string | undefined>> {
  const rows = filled.length;
  const cols = rows > 0 ? filled[0].length : 0;
  const formats: Array<Array<string | undefined>> = filled.map((row) => row.map(() => undefined));
  // Prefix sums: filled cells in any sub-rectangle in constant time.
  const sums = Array.from({ length: rows + 1 }, () => new Int32Array(cols + 1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      sums[r + 1][c + 1] = sums[r][c + 1] + sums[r + 1][c] - sums[r][c] + (filled[r][c] ? 1 : 0);
    }
  }
  const count = (r0: number, c0: number, r1: number, c1: number) =>
    sums[r1 + 1][c1 + 1] - sums[r0][c1 + 1] - sums[r1 + 1][c0] + sums[r0][c0];
  const visit = (r0: number, c0: number, r1: number, c1: number): void => {
    if (count(r0, c0, r1, c1) === 0) return;
    const format: unknown = worksheet.Range(
      address({
        top: rect.top + r0,
        left: rect.left + c0,
        bottom: rect.top + r1,
        right: rect.left + c1,
      }),
    ).NumberFormat;
    if (typeof format === "string") {
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) formats[r][c] = format;
      return;
    }
    if (r0 === r1 && c0 === c1) return;
    if (r1 - r0 >= c1 - c0) {
      const mid = (r0 + r1) >> 1;
      visit(r0, c0, mid, c1);
      visit(mid + 1, c0, r1, c1);
    } else {
      const mid = (c0 + c1) >> 1;
      visit(r0, c0, r1, mid);
      visit(r0, mid + 1, r1, c1);
    }
  };
  if (rows > 0 && cols > 0) visit(0, 0, rows - 1, cols - 1);
  return formats;
}

/** Formats that mean "none": English and Chinese WPS's name for General. */
function isGeneral(numFmt: string | undefined): boolean {
  return numFmt === undefined || numFmt === "" || numFmt === "General" || numFmt === "G/通用格式";
}

/**
 * The displayed text where the value alone decides it: text under General or "@" shows as stored.
 * Undefined where only the host knows (numbers, booleans, errors; text under a format with a text
 * section, or when the format could not be read).
 */
function textFromValue(value: unknown, numFmt: string | undefined): string | undefined {
  if (typeof value !== "string" || numFmt === undefined) return undefined;
  if (isGeneral(numFmt) || numFmt === "@") return value;
  // A format shows text as is unless it has a text section (a fourth section or an "@").
  const sections = numFmt.replace(/"[^"]*"/g, "").split(";");
  return sections.length < 4 && !numFmt.includes("@") ? value : undefined;
}

function textOf(text: unknown): string {
  return typeof text === "string" ? text : text === null || text === undefined ? "" : String(text);
}

/**
 * One cell as the grid holds it. An error comes through Value2 as its CVErr code; it is taken for
 * an error only when the cell also shows that error's text. General is no number format, as in
 * the xlsx reader.
 */
export function gridCell(
  value: unknown,
  text: string,
  numFmt: string | undefined,
): GridCell | undefined {
  let stored: StoredValue;
  if (isEmptyValue(value)) stored = null;
  else if (typeof value === "number") {
    const error = CVERR_NAME.get(value);
    stored = error !== undefined && text === error ? { error } : value;
  } else if (typeof value === "string" || typeof value === "boolean") stored = value;
  else if (value instanceof Date) stored = value;
  else stored = String(value);
  if (stored === null && text === "") return undefined;
  // COM's Text shows "####" where the column is too narrow for the number (Office.js's `text`
  // never does): the number as its format prints it is what the form says.
  const shown =
    typeof stored === "number" && /^#+$/.test(text)
      ? formatValue(stored, isGeneral(numFmt) ? undefined : numFmt)
      : text;
  const cell: GridCell = { value: stored, text: shown };
  if (!isGeneral(numFmt)) cell.numFmt = numFmt;
  return cell;
}

/**
 * Merged areas in `rect`, given its MergeCells (true: every cell is in some merged area; null:
 * mixed). Mixed rectangles are halved; in an all-merged one each area is read once through the
 * first cell it covers.
 */
function scanMerges(
  worksheet: Et.Worksheet,
  grid: MemorySheet,
  rect: CellRange,
  merged: unknown,
): void {
  const seen = new Set<string>();
  const covered = new Set<string>();
  const visit = (part: CellRange, state: unknown): void => {
    if (state === true) {
      for (let row = part.top; row <= part.bottom; row++) {
        for (let col = part.left; col <= part.right; col++) {
          if (!covered.has(`${row},${col}`)) addArea(worksheet.Range(toA1(row, col)).MergeArea);
        }
      }
      return;
    }
    // false: nothing merged here; a single cell is never mixed.
    if (state !== null || (part.top === part.bottom && part.left === part.right)) return;
    const halves: CellRange[] =
      part.bottom - part.top >= part.right - part.left
        ? [
            { ...part, bottom: (part.top + part.bottom) >> 1 },
            { ...part, top: ((part.top + part.bottom) >> 1) + 1 },
          ]
        : [
            { ...part, right: (part.left + part.right) >> 1 },
            { ...part, left: ((part.left + part.right) >> 1) + 1 },
          ];
    for (const half of halves) {
      if (allCovered(half, covered)) continue;
      visit(half, worksheet.Range(address(half)).MergeCells as unknown);
    }
  };
  const addArea = (mergeArea: Et.Range) => {
    const area = parseRange(mergeArea.Address(false, false));
    if (!area) return;
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) covered.add(`${r},${c}`);
    }
    const key = `${area.top},${area.left},${area.bottom},${area.right}`;
    if (seen.has(key) || (area.top === area.bottom && area.left === area.right)) return;
    seen.add(key);
    grid.addMerge(area);
  };
  visit(rect, merged);
}

function allCovered(rect: CellRange, covered: ReadonlySet<string>): boolean {
  if (covered.size === 0) return false;
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let col = rect.left; col <= rect.right; col++) {
      if (!covered.has(`${row},${col}`)) return false;
    }
  }
  return true;
}

/** The naive reading: Value2, Text, NumberFormat and MergeCells of every cell, one by one. */
function readCellByCell(worksheet: Et.Worksheet, grid: MemorySheet): void {
  const used = usedOf(worksheet);
  const seen = new Set<string>();
  for (let row = used.top; row < used.top + used.rows; row++) {
    for (let col = used.left; col < used.left + used.cols; col++) {
      const range = worksheet.Range(toA1(row, col));
      const value: unknown = range.Value2;
      const numFmt: unknown = range.NumberFormat;
      const cell = gridCell(
        value,
        textOf(range.Text),
        typeof numFmt === "string" ? numFmt : undefined,
      );
      if (cell) grid.set(row, col, cell);
      if (range.MergeCells === true) {
        const area = parseRange(range.MergeArea.Address(false, false));
        const key = area && `${area.top},${area.left},${area.bottom},${area.right}`;
        if (area && key && !seen.has(key)) {
          seen.add(key);
          grid.addMerge(area);
        }
      }
    }
  }
}

function address(rect: CellRange): string {
  return rect.top === rect.bottom && rect.left === rect.right
    ? toA1(rect.top, rect.left)
    : rangeToA1(rect);
}
