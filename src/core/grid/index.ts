/**
 * A host-neutral cell grid: what every host adapter (xlsx, Excel, WPS, web) produces and what form
 * detection reads. Rows and columns are 1-based, as in spreadsheets.
 */

/** A cell's stored value. Errors are kept as their spreadsheet text ("#DIV/0!"). */
export type StoredValue = number | string | boolean | Date | { error: string } | null;

export interface GridCell {
  /** The value as stored (a number stays a number). */
  value: StoredValue;
  /** The value as the spreadsheet displays it, number format applied ("99.04", "100%"). */
  text: string;
  /** The number format code, when one is set ("0.00", "0%"). */
  numFmt?: string;
  /** The formula without the leading "=", when the cell has one. */
  formula?: string;
  /**
   * True when the workbook stored the formula without its result and the reader computed the
   * value (core/grid/evaluate.ts); absent for values the spreadsheet program saved.
   */
  computed?: boolean;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  readonly name: string;
  readonly hidden: boolean;
  /** Last used row and column (0 when the sheet is empty). */
  readonly maxRow: number;
  readonly maxCol: number;
  readonly merges: readonly CellRange[];
  cell(row: number, col: number): GridCell | undefined;
  /** Displayed text, "" for an empty or missing cell. */
  text(row: number, col: number): string;
  /** Rows that hold at least one non-empty cell, ascending. */
  usedRows(): readonly number[];
  /** Columns of `row` that hold a non-empty cell, ascending. */
  usedCols(row: number): readonly number[];
  /** The merged area containing the cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

/** A sparse in-memory grid that adapters fill cell by cell. */
export class MemorySheet implements SheetGrid {
  readonly name: string;
  readonly hidden: boolean;
  private readonly rows = new Map<number, Map<number, GridCell>>();
  private readonly mergeList: CellRange[] = [];
  /** Merged cells by cellKey: detection asks for every cell it reads. */
  private readonly mergeIndex = new Map<number, CellRange>();
  private sortedRows: number[] | undefined;
  /** usedCols per row, until the row changes: detection asks for each row more than once. */
  private readonly sortedCols = new Map<number, number[]>();
  private lastRow = 0;
  private lastCol = 0;

  constructor(name: string, hidden = false) {
    this.name = name;
    this.hidden = hidden;
  }

  get maxRow(): number {
    return this.lastRow;
  }

  get maxCol(): number {
    return this.lastCol;
  }

  get merges(): readonly CellRange[] {
    return this.mergeList;
  }

  /** Stores a cell; empty text with a null value is not stored (sparse). */
  set(row: number, col: number, cell: GridCell): void {
    if (cell.value === null && cell.text === "" && cell.formula === undefined) return;
    let rowCells = this.rows.get(row);
    if (!rowCells) {
      rowCells = new Map();
      this.rows.set(row, rowCells);
      this.sortedRows = undefined;
    }
    if (!rowCells.has(col)) this.sortedCols.delete(row);
    rowCells.set(col, cell);
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }

  /** Convenience for tests and generated sheets: a value whose displayed text is its string form. */
  setValue(row: number, col: number, value: StoredValue, numFmt?: string): void {
    this.set(row, col, { value, text: displayText(value), numFmt });
  }

  addMerge(range: CellRange): void {
    this.mergeList.push(range);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) this.mergeIndex.set(cellKey(r, c), range);
    }
  }

  cell(row: number, col: number): GridCell | undefined {
    return this.rows.get(row)?.get(col);
  }

  text(row: number, col: number): string {
    return this.rows.get(row)?.get(col)?.text ?? "";
  }

  usedRows(): readonly number[] {
    if (!this.sortedRows) this.sortedRows = [...this.rows.keys()].sort((a, b) => a - b);
    return this.sortedRows;
  }

  usedCols(row: number): readonly number[] {
    let cols = this.sortedCols.get(row);
    if (cols === undefined) {
      const rowCells = this.rows.get(row);
      if (!rowCells) return [];
      cols = [...rowCells.keys()].sort((a, b) => a - b);
      this.sortedCols.set(row, cols);
    }
    return cols;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeIndex.get(cellKey(row, col));
  }
}

/**
 * One number per cell for map keys: exact for every cell Excel allows (16,384 columns; 1-based), and a
 * number hashes without building a string per lookup.
 */
function cellKey(row: number, col: number): number {
  return row * 16_385 + col;
}

/** Plain display of a stored value, for cells without a number format. */
export function displayText(value: StoredValue): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "#NUM!";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return value.error;
  return value;
}

/** 1 → "A", 28 → "AB". */
export function columnLetter(col: number): string {
  let letters = "";
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** (7, 4) → "D7". */
export function toA1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "D7" → { row: 7, col: 4 }; undefined for anything else. */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), col };
}

/** A range as "A1:H30". */
export function rangeToA1(range: CellRange): string {
  return `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`;
}
