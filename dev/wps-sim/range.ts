/// <reference types="et-jsapi-declare" />
/**
 * Et.Range and the objects hanging off it (Interior, Font, Borders, Validation, Comment, Areas),
 * over the Excel simulator's WorkbookModel. Synchronous COM semantics: reads see every earlier
 * write; a multi-cell read of a property the cells do not share returns null.
 *
 * Shapes chosen where WPS documents nothing (README lists them as assumptions):
 * - `Value2` of one cell is a scalar; of several cells an array of row arrays (rows × columns);
 * - an empty cell reads `undefined` in `Value2` (COM's VT_EMPTY);
 * - an error cell reads its CVErr integer in `Value2` (constants.ts CVERR) and "#DIV/0!" in `Text`.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../src/core/grid";
import { MAX_COLS, MAX_ROWS, contains, intersects, parseAddress, type Rect } from "../excel-sim/a1";
import {
  officeFillOf,
  withColor,
  withPattern,
  withPatternColor,
  colorHex,
} from "../excel-sim/fill";
import { patchStyle, type SheetModel } from "../excel-sim/model";
import { ComError, ComObject, HRESULT } from "./com";
import { CVERR, XL } from "./constants";
import { bgrToHex, hexToBgr, nearestColorIndex, PALETTE, patternName, xlPatternOf } from "./colors";
import type { WpsSimulator } from "./simulator";
import { SimWorksheet } from "./sheet";

/** More cells than this in one call is refused (the simulator would build huge arrays). */
const MAX_CELLS_PER_CALL = 5_000_000;
/** WPS's default column width (characters) and row height (points) when the file sets none. */
export const DEFAULT_COLUMN_WIDTH = 8.38;
export const DEFAULT_ROW_HEIGHT = 13.5;
/** Cells without an explicit font read as this. */
const DEFAULT_FONT = { name: "宋体", size: 11 };

type Mode = "cells" | "rows" | "columns";

/** One value when every item agrees, else null (COM's reading of a mixed range). */
export function common<T>(values: Iterable<T>): T | null {
  let first = true;
  let result: T | null = null;
  for (const value of values) {
    if (first) {
      result = value;
      first = false;
    } else if (value !== result) {
      return null;
    }
  }
  return result;
}

export function protectedError(): ComError {
  return new ComError(
    "The cell or chart that you are trying to change is protected and therefore read-only.",
    HRESULT.appDefined,
  );
}

/** Below this many cells a read visits the whole rectangle (cells that do not exist read empty). */
const SMALL_RANGE = 65_536;

/**
 * A large rectangle (a whole row, column or sheet) cut to the last row and column that hold a
 * cell, so reading `Cells` does not visit 17 billion empty cells; undefined when nothing is left.
 */
export function cutToSheet(ws: ExcelJS.Worksheet, rect: Rect): Rect | undefined {
  if (rows(rect) * cols(rect) <= SMALL_RANGE) return rect;
  let lastCol = 0;
  ws.eachRow({ includeEmpty: true }, (row) => {
    lastCol = Math.max(lastCol, row.cellCount);
  });
  const bottom = Math.min(rect.bottom, ws.rowCount);
  const right = Math.min(rect.right, lastCol);
  if (bottom < rect.top || right < rect.left) return undefined;
  return { top: rect.top, left: rect.left, bottom, right };
}

const rows = (rect: Rect) => rect.bottom - rect.top + 1;
const cols = (rect: Rect) => rect.right - rect.left + 1;

function errorCodeOf(cell: ExcelJS.Cell | undefined): string | undefined {
  const raw = cell?.value as unknown;
  if (!raw || typeof raw !== "object" || raw instanceof Date) return undefined;
  const direct = (raw as { error?: unknown }).error;
  if (typeof direct === "string") return direct;
  const result = (raw as { result?: unknown }).result;
  if (result && typeof result === "object" && "error" in result) {
    return String((result as { error: unknown }).error);
  }
  return undefined;
}

export class SimRange extends ComObject {
  constructor(
    readonly sim: WpsSimulator,
    readonly sheet: SheetModel,
    readonly rect: Rect,
    readonly mode: Mode = "cells",
  ) {
    super(sim, "Range");
  }

  // ---------------------------------------------------------------- plumbing (not counted)

  private get model() {
    return this.sim.model;
  }

  private live(): SheetModel {
    if (!this.model.sheets.includes(this.sheet)) {
      throw new ComError("The object has been deleted (its worksheet no longer exists).");
    }
    return this.sheet;
  }

  private cellCount(): number {
    return rows(this.rect) * cols(this.rect);
  }

  /** The cells a read visits: the rectangle cut to the sheet's extent (nothing lies beyond it). */
  readRect(): Rect | undefined {
    return cutToSheet(this.live().ws, this.rect);
  }

  private guardSize(): void {
    if (this.cellCount() > MAX_CELLS_PER_CALL) {
      throw new ComError("Range too large for the simulator (more than 5,000,000 cells).");
    }
  }

  /** Every cell of the rectangle, for writes. */
  eachCell(fn: (row: number, col: number) => void): void {
    this.guardSize();
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) fn(r, c);
    }
  }

  /** Values of a per-cell reader over the whole rectangle, cells beyond the sheet read as empty. */
  private readEach<T>(read: (row: number, col: number) => T): T[] {
    const out: T[] = [];
    const limit = this.readRect();
    const empty = read(MAX_ROWS, MAX_COLS);
    const total = this.cellCount();
    if (!limit) return total > 0 ? [empty] : [];
    for (let r = limit.top; r <= limit.bottom; r++) {
      for (let c = limit.left; c <= limit.right; c++) out.push(read(r, c));
    }
    if (out.length < total) out.push(empty);
    return out;
  }

  private isProtectedForMe(): boolean {
    const sheet = this.live();
    return this.model.isProtected(sheet) && !this.sim.userInterfaceOnly.has(sheet.id);
  }

  private protectionFlag(key: string): boolean {
    return this.model.protection(this.sheet)?.[key] === true;
  }

  /** Values and formulas: refused on a locked cell of a protected sheet. */
  guardValues(): void {
    if (!this.isProtectedForMe()) return;
    const limit = this.readRect() ?? this.rect;
    for (let r = limit.top; r <= limit.bottom; r++) {
      for (let c = limit.left; c <= limit.right; c++) {
        if (this.model.isLocked(this.sheet, r, c)) throw protectedError();
      }
    }
    if (limit.bottom < this.rect.bottom || limit.right < this.rect.right) throw protectedError();
  }

  /** Formats: refused on a protected sheet unless it allows formatting cells. */
  guardFormat(kind = "formatCells"): void {
    if (this.isProtectedForMe() && !this.protectionFlag(kind)) throw protectedError();
  }

  /** Merges, validation, comments, deletions: refused on a protected sheet. */
  guardStructure(kind?: string): void {
    if (this.isProtectedForMe() && !(kind && this.protectionFlag(kind))) throw protectedError();
  }

  private cell(row: number, col: number): ExcelJS.Cell {
    return this.sheet.ws.getCell(row, col);
  }

  private findCell(row: number, col: number): ExcelJS.Cell | undefined {
    return this.model.findCell(this.sheet, row, col);
  }

  private value2At(row: number, col: number): unknown {
    const cell = this.findCell(row, col);
    const error = errorCodeOf(cell);
    if (error !== undefined) return CVERR[error] ?? CVERR["#VALUE!"];
    const view = this.model.cellView(this.sheet, row, col);
    return view.value === "" ? undefined : view.value;
  }

  /** One scalar or a rows × columns array, from a per-cell reader. */
  private block(read: (row: number, col: number) => unknown): unknown {
    this.live();
    this.sim.ensureCalculated();
    this.guardSize();
    this.sim.countCells(this.cellCount());
    if (this.cellCount() === 1) return read(this.rect.top, this.rect.left);
    const limit = this.readRect();
    const empty = read(MAX_ROWS, MAX_COLS);
    const out: unknown[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const line: unknown[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        const inside = limit && r <= limit.bottom && c <= limit.right;
        line.push(inside ? read(r, c) : empty);
      }
      out.push(line);
    }
    return out;
  }

  /** Writes one input per cell: a scalar goes to every cell, an array of rows cell by cell. */
  private writeBlock(value: unknown): void {
    this.live();
    this.guardValues();
    this.guardSize();
    this.sim.countCells(this.cellCount());
    const grid = Array.isArray(value) ? (value as unknown[]) : undefined;
    this.eachCell((r, c) => {
      let input: unknown = value;
      if (grid) {
        const line = grid[r - this.rect.top];
        input = Array.isArray(line) ? (line as unknown[])[c - this.rect.left] : line;
        if (grid.length === 1 && !Array.isArray(line)) input = grid[c - this.rect.left];
      }
      if (input === undefined || input === null || input === "") {
        this.model.clearCell(this.sheet, r, c);
      } else if (typeof input === "object" && !(input instanceof Date)) {
        throw new ComError("Type mismatch", HRESULT.invalidArg);
      } else {
        this.model.writeInput(this.sheet, r, c, input);
      }
    });
    this.sim.ensureCalculated();
    this.sim.changed(this.sheet, this.rect);
  }

  private derive(rect: Rect, mode: Mode = "cells"): SimRange {
    if (rect.top < 1 || rect.left < 1 || rect.bottom > MAX_ROWS || rect.right > MAX_COLS) {
      throw new ComError("Application-defined or object-defined error");
    }
    return new SimRange(this.sim, this.sheet, rect, mode);
  }

  private isEntireRows(): boolean {
    return this.rect.left === 1 && this.rect.right === MAX_COLS;
  }

  private isEntireColumns(): boolean {
    return this.rect.top === 1 && this.rect.bottom === MAX_ROWS;
  }

  private isActiveSheet(): boolean {
    return this.model.activeSheetId === this.sheet.id;
  }

  // ---------------------------------------------------------------- geometry

  get Row(): number {
    return this.rect.top;
  }

  get Column(): number {
    return this.rect.left;
  }

  get Count(): number {
    if (this.mode === "rows") return rows(this.rect);
    if (this.mode === "columns") return cols(this.rect);
    return this.cellCount();
  }

  get CountLarge(): number {
    return this.Count;
  }

  /** Address(RowAbsolute = true, ColumnAbsolute = true, ReferenceStyle = xlA1, External = false). */
  Address(
    rowAbsolute: unknown = true,
    columnAbsolute: unknown = true,
    referenceStyle: unknown = 1,
    external: unknown = false,
  ): string {
    const r = rowAbsolute === false || rowAbsolute === 0 ? "" : "$";
    const c = columnAbsolute === false || columnAbsolute === 0 ? "" : "$";
    const { top, left, bottom, right } = this.rect;
    let text: string;
    if (referenceStyle === -4150) {
      const cell = (row: number, col: number) => `R${row}C${col}`;
      text = cell(top, left) + (this.cellCount() > 1 ? `:${cell(bottom, right)}` : "");
    } else if (this.isEntireRows()) {
      text = `${r}${top}:${r}${bottom}`;
    } else if (this.isEntireColumns()) {
      text = `${c}${columnLetter(left)}:${c}${columnLetter(right)}`;
    } else {
      const cell = (row: number, col: number) => `${c}${columnLetter(col)}${r}${row}`;
      text = cell(top, left) + (top === bottom && left === right ? "" : `:${cell(bottom, right)}`);
    }
    if (external === true) {
      const name = this.sheet.name;
      const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)
        ? name
        : `'${name.replace(/'/g, "''")}'`;
      return `[${this.sim.fileName}]${quoted}!${text}`;
    }
    return text;
  }

  get Worksheet(): SimWorksheet {
    return new SimWorksheet(this.sim, this.live());
  }

  get Parent(): SimWorksheet {
    return this.Worksheet;
  }

  get Cells(): SimRange {
    return this.derive(this.rect, "cells");
  }

  get Rows(): SimRange {
    return this.derive(this.rect, "rows");
  }

  get Columns(): SimRange {
    return this.derive(this.rect, "columns");
  }

  get EntireRow(): SimRange {
    return this.derive(
      { top: this.rect.top, bottom: this.rect.bottom, left: 1, right: MAX_COLS },
      "rows",
    );
  }

  get EntireColumn(): SimRange {
    return this.derive(
      { top: 1, bottom: MAX_ROWS, left: this.rect.left, right: this.rect.right },
      "columns",
    );
  }

  /**
   * Item(row, column) relative to the top-left cell (may reach outside the range, as in COM);
   * Item(i) alone: the i-th row of `Rows`, column of `Columns`, or cell counted across then down.
   */
  Item(rowIndex: unknown, columnIndex?: unknown): SimRange {
    const index = Number(rowIndex);
    if (!Number.isInteger(index)) throw new ComError("Type mismatch", HRESULT.invalidArg);
    if (columnIndex === undefined) {
      if (this.mode === "rows") {
        const row = this.rect.top + index - 1;
        return this.derive(
          { top: row, bottom: row, left: this.rect.left, right: this.rect.right },
          "rows",
        );
      }
      if (this.mode === "columns") {
        const col = this.rect.left + index - 1;
        return this.derive(
          { top: this.rect.top, bottom: this.rect.bottom, left: col, right: col },
          "columns",
        );
      }
      const width = cols(this.rect);
      const row = this.rect.top + Math.floor((index - 1) / width);
      const col = this.rect.left + ((index - 1) % width);
      return this.derive({ top: row, bottom: row, left: col, right: col });
    }
    const colIndex =
      typeof columnIndex === "string" && /^[A-Za-z]{1,3}$/.test(columnIndex)
        ? parseAddress(`${columnIndex}1`).rect.left - this.rect.left + 1
        : Number(columnIndex);
    if (!Number.isInteger(colIndex)) throw new ComError("Type mismatch", HRESULT.invalidArg);
    const row = this.rect.top + index - 1;
    const col = this.rect.left + colIndex - 1;
    return this.derive({ top: row, bottom: row, left: col, right: col });
  }

  /** A range relative to this one: Range("A1") of Range("B2:C3") is B2. */
  Range(cell1: unknown, cell2?: unknown): SimRange {
    const a = typeof cell1 === "string" ? parseAddress(cell1).rect : (cell1 as SimRange).rect;
    const b =
      cell2 === undefined
        ? a
        : typeof cell2 === "string"
          ? parseAddress(cell2).rect
          : (cell2 as SimRange).rect;
    const dr = this.rect.top - 1;
    const dc = this.rect.left - 1;
    return this.derive({
      top: Math.min(a.top, b.top) + dr,
      left: Math.min(a.left, b.left) + dc,
      bottom: Math.max(a.bottom, b.bottom) + dr,
      right: Math.max(a.right, b.right) + dc,
    });
  }

  Offset(rowOffset: unknown = 0, columnOffset: unknown = 0): SimRange {
    const dr = Number(rowOffset ?? 0);
    const dc = Number(columnOffset ?? 0);
    const { top, left, bottom, right } = this.rect;
    return this.derive(
      { top: top + dr, left: left + dc, bottom: bottom + dr, right: right + dc },
      this.mode,
    );
  }

  Resize(rowSize?: unknown, columnSize?: unknown): SimRange {
    const r = rowSize === undefined ? rows(this.rect) : Number(rowSize);
    const c = columnSize === undefined ? cols(this.rect) : Number(columnSize);
    if (r < 1 || c < 1) throw new ComError("Application-defined or object-defined error");
    const { top, left } = this.rect;
    return this.derive({ top, left, bottom: top + r - 1, right: left + c - 1 });
  }

  /** One area: the simulator does not build multi-area ranges (see README). */
  get Areas(): SimAreas {
    return new SimAreas(this.sim, this);
  }

  // ---------------------------------------------------------------- values

  get Value2(): Et.Range["Value2"] {
    return this.block((r, c) => this.value2At(r, c)) as Et.Range["Value2"];
  }

  set Value2(value: Et.Range["Value2"]) {
    this.writeBlock(value);
  }

  /**
   * `Value` is a parameterised property (et-jsapi-declare types it as a method): reading it works
   * (dates come back as Date objects); assigning to it throws, as writing `Range.Value` has been
   * reported to fail in WPS — write `Value2`.
   */
  get Value(): (rangeValueDataType?: unknown) => unknown {
    return () =>
      this.block((r, c) => {
        const raw = this.findCell(r, c)?.value;
        return raw instanceof Date ? raw : this.value2At(r, c);
      });
  }

  set Value(_value: unknown) {
    throw new ComError(
      "Range.Value cannot be written through the WPS JS bridge in this simulator (reported to fail in WPS): write Value2.",
    );
  }

  /** The displayed text of one cell; of several, the text when they all show the same, else null. */
  get Text(): string | null {
    this.live();
    this.sim.ensureCalculated();
    this.sim.countCells(this.cellCount());
    return common(this.readEach((r, c) => this.model.cellView(this.sheet, r, c).text));
  }

  get NumberFormat(): string | null {
    this.live();
    this.sim.countCells(this.cellCount());
    return common(this.readEach((r, c) => this.findCell(r, c)?.numFmt || "General"));
  }

  set NumberFormat(value: string | null) {
    this.guardFormat();
    const format = String(value ?? "General");
    this.eachCell((r, c) =>
      patchStyle(this.cell(r, c), { numFmt: format === "General" ? undefined : format }),
    );
    this.sim.notify();
  }

  get NumberFormatLocal(): string | null {
    const format = this.NumberFormat;
    return format === "General" ? "G/通用格式" : format;
  }

  /** en-US formula text ("=A1+1"); a constant cell reads its value as text; several cells: an array. */
  get Formula(): Et.Range["Formula"] {
    return this.block((r, c) => {
      const view = this.model.cellView(this.sheet, r, c);
      const formula = view.formula;
      if (typeof formula === "boolean") return formula ? "TRUE" : "FALSE";
      return String(formula);
    }) as Et.Range["Formula"];
  }

  /** Formula references are written as given to every cell (COM would shift relative ones). */
  set Formula(value: Et.Range["Formula"]) {
    this.writeBlock(value);
  }

  get HasFormula(): boolean | null {
    this.sim.countCells(this.cellCount());
    return common(
      this.readEach((r, c) => {
        const raw = this.findCell(r, c)?.value as
          { formula?: unknown; sharedFormula?: unknown } | null | undefined;
        return Boolean(
          raw && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw),
        );
      }),
    );
  }

  ClearContents(): boolean {
    this.live();
    this.guardValues();
    const limit = this.readRect();
    if (limit) {
      for (let r = limit.top; r <= limit.bottom; r++) {
        for (let c = limit.left; c <= limit.right; c++) this.model.clearCell(this.sheet, r, c);
      }
    }
    this.sim.ensureCalculated();
    this.sim.changed(this.sheet, this.rect);
    return true;
  }

  // ---------------------------------------------------------------- merges

  /** True when every cell is in a merged area, false when none is, null when mixed. */
  get MergeCells(): boolean | null {
    const merges = this.model.mergesIn(this.live(), this.rect);
    if (merges.length === 0) return false;
    let covered = 0;
    for (const m of merges) {
      const top = Math.max(m.top, this.rect.top);
      const bottom = Math.min(m.bottom, this.rect.bottom);
      const left = Math.max(m.left, this.rect.left);
      const right = Math.min(m.right, this.rect.right);
      covered += (bottom - top + 1) * (right - left + 1);
    }
    return covered === this.cellCount() ? true : null;
  }

  set MergeCells(value: boolean | null) {
    if (value) this.Merge();
    else this.UnMerge();
  }

  /** The merged area holding the top-left cell, or that cell alone. */
  get MergeArea(): SimRange {
    const at = {
      top: this.rect.top,
      left: this.rect.left,
      bottom: this.rect.top,
      right: this.rect.left,
    };
    const merge = this.model.mergesIn(this.live(), at).find((m) => contains(m, at));
    return this.derive(merge ?? at);
  }

  /** Merge(Across): one merged area (or one per row); only the top-left value is kept. */
  Merge(across?: unknown): void {
    this.live();
    this.guardStructure();
    const overlapping = this.model.mergesIn(this.sheet, this.rect);
    // COM grows the merge over areas it cuts into; the simulator unmerges them first.
    for (const m of overlapping) {
      if (!contains(this.rect, m)) this.model.unmerge(this.sheet, m);
    }
    if (across === true) {
      for (let r = this.rect.top; r <= this.rect.bottom; r++) {
        this.model.merge(this.sheet, {
          top: r,
          bottom: r,
          left: this.rect.left,
          right: this.rect.right,
        });
      }
    } else {
      this.model.merge(this.sheet, this.rect);
    }
    this.sim.ensureCalculated();
    this.sim.notify();
  }

  UnMerge(): void {
    this.live();
    this.guardStructure();
    this.model.unmerge(this.sheet, this.rect);
    this.sim.notify();
  }

  // ---------------------------------------------------------------- formats

  get Interior(): SimInterior {
    return new SimInterior(this.sim, this);
  }

  get Font(): SimFont {
    return new SimFont(this.sim, this);
  }

  get Borders(): SimBorders {
    return new SimBorders(this.sim, this);
  }

  get HorizontalAlignment(): number | null {
    return common(
      this.readEach(
        (r, c) =>
          H_ALIGN_BACK[this.findCell(r, c)?.alignment?.horizontal ?? ""] ?? XL.xlHAlignGeneral,
      ),
    );
  }

  set HorizontalAlignment(value: number | null) {
    const horizontal = H_ALIGN[Number(value)];
    if (horizontal === undefined && Number(value) !== XL.xlHAlignGeneral)
      throw new ComError("Invalid HorizontalAlignment", HRESULT.invalidArg);
    this.patchAlignment({ horizontal: horizontal as ExcelJS.Alignment["horizontal"] });
  }

  get VerticalAlignment(): number | null {
    return common(
      this.readEach(
        (r, c) => V_ALIGN_BACK[this.findCell(r, c)?.alignment?.vertical ?? ""] ?? XL.xlVAlignBottom,
      ),
    );
  }

  set VerticalAlignment(value: number | null) {
    const vertical = V_ALIGN[Number(value)];
    if (vertical === undefined) throw new ComError("Invalid VerticalAlignment", HRESULT.invalidArg);
    this.patchAlignment({ vertical: vertical as ExcelJS.Alignment["vertical"] });
  }

  get WrapText(): boolean | null {
    return common(this.readEach((r, c) => this.findCell(r, c)?.alignment?.wrapText === true));
  }

  set WrapText(value: boolean | null) {
    this.patchAlignment({ wrapText: Boolean(value) });
  }

  private patchAlignment(patch: Partial<ExcelJS.Alignment>): void {
    this.guardFormat();
    this.eachCell((r, c) => {
      const cell = this.cell(r, c);
      const alignment = { ...(cell.alignment ?? {}), ...patch } as Record<string, unknown>;
      for (const [k, v] of Object.entries(alignment)) if (v === undefined) delete alignment[k];
      patchStyle(cell, {
        alignment: Object.keys(alignment).length
          ? (alignment as Partial<ExcelJS.Alignment>)
          : undefined,
      });
    });
    this.sim.notify();
  }

  get Locked(): boolean | null {
    return common(this.readEach((r, c) => this.model.isLocked(this.sheet, r, c)));
  }

  /** COM refuses to change Locked on a protected sheet. */
  set Locked(value: boolean | null) {
    this.guardStructure();
    this.eachCell((r, c) => {
      const cell = this.cell(r, c);
      patchStyle(cell, { protection: { ...(cell.protection ?? {}), locked: Boolean(value) } });
    });
  }

  /** Characters (WPS's default 8.38 when the file sets none); null when the columns differ. */
  get ColumnWidth(): number | null {
    const ws = this.live().ws;
    const fallback = ws.properties.defaultColWidth ?? DEFAULT_COLUMN_WIDTH;
    const widths: number[] = [];
    const defined = (ws.columns ?? []) as Array<{ width?: number } | undefined>;
    const last = Math.min(this.rect.right, defined.length);
    for (let c = this.rect.left; c <= last; c++) widths.push(defined[c - 1]?.width ?? fallback);
    if (last < this.rect.right) widths.push(fallback);
    return common(widths);
  }

  set ColumnWidth(value: number | null) {
    this.guardFormat("formatColumns");
    const width = Number(value);
    if (!(width >= 0 && width <= 255))
      throw new ComError("Unable to set the ColumnWidth property", HRESULT.appDefined);
    for (let c = this.rect.left; c <= this.rect.right; c++)
      this.live().ws.getColumn(c).width = width;
    this.sim.notify();
  }

  /** Points (WPS's default 13.5 when the file sets none); null when the rows differ. */
  get RowHeight(): number | null {
    const ws = this.live().ws;
    const fallback = ws.properties.defaultRowHeight ?? DEFAULT_ROW_HEIGHT;
    const heights: number[] = [];
    const last = Math.min(this.rect.bottom, Math.max(ws.rowCount, this.rect.top));
    for (let r = this.rect.top; r <= last; r++) heights.push(ws.findRow(r)?.height ?? fallback);
    if (last < this.rect.bottom) heights.push(fallback);
    return common(heights);
  }

  set RowHeight(value: number | null) {
    this.guardFormat("formatRows");
    const height = Number(value);
    if (!(height >= 0 && height <= 409))
      throw new ComError("Unable to set the RowHeight property", HRESULT.appDefined);
    for (let r = this.rect.top; r <= this.rect.bottom; r++)
      this.live().ws.getRow(r).height = height;
    this.sim.notify();
  }

  // ---------------------------------------------------------------- validation, comments

  get Validation(): SimValidation {
    return new SimValidation(this.sim, this);
  }

  /** The top-left cell's comment (批注), or null when it has none. */
  get Comment(): SimComment | null {
    const { top, left } = this.rect;
    if (this.model.noteOf(this.live(), top, left) === null) return null;
    return new SimComment(this.sim, this.sheet, top, left);
  }

  /** AddComment(Text): one cell only; a cell that already has a comment makes COM throw. */
  AddComment(text?: unknown): SimComment {
    this.live();
    if (this.cellCount() !== 1) throw new ComError("AddComment needs a single cell");
    this.guardStructure("objects");
    const { top, left } = this.rect;
    if (this.model.noteOf(this.sheet, top, left) !== null) {
      throw new ComError(
        "Application-defined or object-defined error (the cell already has a comment)",
      );
    }
    this.model.setNote(this.sheet, top, left, text === undefined ? "" : String(text));
    this.sim.notify();
    return new SimComment(this.sim, this.sheet, top, left);
  }

  ClearComments(): void {
    this.live();
    this.guardStructure("objects");
    const limit = this.readRect();
    if (!limit) return;
    for (let r = limit.top; r <= limit.bottom; r++) {
      for (let c = limit.left; c <= limit.right; c++) {
        if (this.model.noteOf(this.sheet, r, c) !== null)
          this.model.setNote(this.sheet, r, c, null);
      }
    }
    this.sim.notify();
  }

  // ---------------------------------------------------------------- selection, structure

  /** Select(): COM fails unless the range's sheet is the active one (Activate it first). */
  Select(): boolean {
    this.live();
    if (!this.isActiveSheet()) throw new ComError("Select method of Range class failed");
    this.model.selection = { sheetId: this.sheet.id, rect: { ...this.rect } };
    this.sim.selectionChanged(this.sheet, this.rect);
    return true;
  }

  /** Activate(): makes the top-left cell the active cell; fails on another sheet, like Select. */
  Activate(): boolean {
    this.live();
    if (!this.isActiveSheet()) throw new ComError("Activate method of Range class failed");
    const current = this.model.selection;
    const at = {
      top: this.rect.top,
      left: this.rect.left,
      bottom: this.rect.top,
      right: this.rect.left,
    };
    if (!current || current.sheetId !== this.sheet.id || !contains(current.rect, at)) {
      this.model.selection = { sheetId: this.sheet.id, rect: { ...this.rect } };
    }
    this.sim.selectionChanged(this.sheet, this.rect);
    return true;
  }

  /**
   * Delete(Shift): whole rows are removed and the rows below move up (values, fills, comments,
   * merges); a block shifts up (xlShiftUp, the default here) — xlShiftToLeft and whole columns
   * are not modelled.
   */
  Delete(shift?: unknown): boolean {
    const sheet = this.live();
    if (this.isEntireColumns() && !this.isEntireRows()) {
      throw new ComError("Deleting columns is not modelled by the simulator");
    }
    if (shift !== undefined && shift !== XL.xlShiftUp) {
      throw new ComError("Only xlShiftUp is modelled by the simulator");
    }
    if (this.isProtectedForMe() && !this.protectionFlag("deleteRows")) throw protectedError();
    this.model.deleteShiftUp(sheet, this.rect, this.isEntireRows());
    this.sim.ensureCalculated();
    this.sim.changed(sheet, this.rect);
    return true;
  }

  /** @internal For other sim objects: does this range overlap that rectangle? */
  overlaps(rect: Rect): boolean {
    return intersects(this.rect, rect);
  }
}

const H_ALIGN: Record<number, string | undefined> = {
  [XL.xlHAlignGeneral]: undefined,
  [XL.xlHAlignLeft]: "left",
  [XL.xlHAlignCenter]: "center",
  [XL.xlHAlignRight]: "right",
  [XL.xlHAlignFill]: "fill",
  [XL.xlHAlignJustify]: "justify",
  [XL.xlHAlignCenterAcrossSelection]: "centerContinuous",
  [XL.xlHAlignDistributed]: "distributed",
};
const H_ALIGN_BACK: Record<string, number> = Object.fromEntries(
  Object.entries(H_ALIGN)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [v as string, Number(k)]),
);
const V_ALIGN: Record<number, string> = {
  [XL.xlVAlignTop]: "top",
  [XL.xlVAlignCenter]: "middle",
  [XL.xlVAlignBottom]: "bottom",
  [XL.xlVAlignJustify]: "justify",
  [XL.xlVAlignDistributed]: "distributed",
};
const V_ALIGN_BACK: Record<string, number> = Object.fromEntries(
  Object.entries(V_ALIGN).map(([k, v]) => [v, Number(k)]),
);

// ------------------------------------------------------------------ Areas

export class SimAreas extends ComObject {
  constructor(
    sim: WpsSimulator,
    private readonly range: SimRange,
  ) {
    super(sim, "Areas");
  }

  get Count(): number {
    return 1;
  }

  Item(index: number): SimRange {
    if (Number(index) !== 1) throw new ComError("Subscript out of range", HRESULT.badIndex);
    return this.range;
  }
}

// ------------------------------------------------------------------ Interior

/**
 * Interior: `Color` BGR (no fill reads 16777215, white, as in Excel's COM; tell it apart by
 * `ColorIndex` / `Pattern` = xlNone -4142); for a patterned fill `Color` is the cell colour and
 * `PatternColor` the pattern's.
 */
export class SimInterior extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly range: SimRange,
  ) {
    super(sim, "Interior");
  }

  private fills() {
    const { sheet } = this.range;
    const model = this.sim.model;
    const rect = this.range.rect;
    this.sim.countCells((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1));
    const out: ReturnType<typeof officeFillOf>[] = [];
    const cut = cutToSheet(sheet.ws, rect);
    if (cut) {
      for (let r = cut.top; r <= cut.bottom; r++) {
        for (let c = cut.left; c <= cut.right; c++) out.push(model.fillOf(sheet, r, c));
      }
    }
    if (!cut || cut.bottom < rect.bottom || cut.right < rect.right)
      out.push(officeFillOf(undefined));
    return out;
  }

  private update(next: (fill: ExcelJS.Fill | undefined) => ExcelJS.Fill | undefined): void {
    this.range.guardFormat();
    this.range.eachCell((r, c) => {
      const cell = this.range.sheet.ws.getCell(r, c);
      const fill = next(cell.fill);
      patchStyle(cell, { fill });
    });
    this.sim.notify();
  }

  get Color(): number | null {
    return common(this.fills().map((f) => (f.pattern === "None" ? 0xffffff : hexToBgr(f.color))));
  }

  set Color(value: number | null) {
    const hex = bgrToHex(value);
    if (hex === undefined) throw new ComError("Invalid Color", HRESULT.invalidArg);
    this.update((fill) => withColor(fill, hex));
  }

  get ColorIndex(): number | null {
    return common(
      this.fills().map((f) =>
        f.pattern === "None" ? XL.xlColorIndexNone : nearestColorIndex(f.color.slice(1)),
      ),
    );
  }

  set ColorIndex(value: number | null) {
    const index = Number(value);
    if (index === XL.xlColorIndexNone || index === XL.xlColorIndexAutomatic) {
      this.update(() => undefined);
      return;
    }
    const hex = PALETTE[index - 1];
    if (!Number.isInteger(index) || hex === undefined)
      throw new ComError("Invalid ColorIndex", HRESULT.invalidArg);
    this.update((fill) => withColor(fill, hex));
  }

  get Pattern(): number | null {
    return common(this.fills().map((f) => xlPatternOf(f.pattern)));
  }

  set Pattern(value: number | null) {
    const name = patternName(Number(value));
    if (name === undefined) throw new ComError("Invalid Pattern", HRESULT.invalidArg);
    this.update((fill) => withPattern(fill, name));
  }

  /** The pattern's colour; 0 (automatic black) for a solid fill or none. */
  get PatternColor(): number | null {
    return common(this.fills().map((f) => (f.patternColor ? hexToBgr(f.patternColor) : 0)));
  }

  set PatternColor(value: number | null) {
    const hex = bgrToHex(value);
    if (hex === undefined) throw new ComError("Invalid PatternColor", HRESULT.invalidArg);
    this.update((fill) => withPatternColor(fill, hex));
  }

  get PatternColorIndex(): number | null {
    return common(
      this.fills().map((f) =>
        f.patternColor ? nearestColorIndex(f.patternColor.slice(1)) : XL.xlColorIndexAutomatic,
      ),
    );
  }

  get TintAndShade(): number | null {
    return common(this.fills().map((f) => f.tintAndShade ?? 0));
  }
}

// ------------------------------------------------------------------ Font

export class SimFont extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly range: SimRange,
  ) {
    super(sim, "Font");
  }

  private fonts(): Array<Partial<ExcelJS.Font>> {
    const { sheet, rect } = this.range;
    const out: Array<Partial<ExcelJS.Font>> = [];
    const ws = sheet.ws;
    const cut = cutToSheet(ws, rect);
    if (cut) {
      for (let r = cut.top; r <= cut.bottom; r++) {
        for (let c = cut.left; c <= cut.right; c++) out.push(ws.findCell(r, c)?.font ?? {});
      }
    }
    if (!cut || cut.bottom < rect.bottom || cut.right < rect.right) out.push({});
    return out;
  }

  private update(patch: Partial<ExcelJS.Font>): void {
    this.range.guardFormat();
    this.range.eachCell((r, c) => {
      const cell = this.range.sheet.ws.getCell(r, c);
      patchStyle(cell, { font: { ...(cell.font ?? {}), ...patch } });
    });
    this.sim.notify();
  }

  get Name(): string | null {
    return common(this.fonts().map((f) => f.name ?? DEFAULT_FONT.name));
  }
  set Name(value: string | null) {
    this.update({ name: String(value) });
  }

  get Size(): number | null {
    return common(this.fonts().map((f) => f.size ?? DEFAULT_FONT.size));
  }
  set Size(value: number | null) {
    this.update({ size: Number(value) });
  }

  get Bold(): boolean | null {
    return common(this.fonts().map((f) => f.bold === true));
  }
  set Bold(value: boolean | null) {
    this.update({ bold: Boolean(value) });
  }

  get Italic(): boolean | null {
    return common(this.fonts().map((f) => f.italic === true));
  }
  set Italic(value: boolean | null) {
    this.update({ italic: Boolean(value) });
  }

  /** BGR; 0 (black) when the cell sets no colour. */
  get Color(): number | null {
    return common(this.fonts().map((f) => hexToBgr(colorHex(f.color) ?? "000000")));
  }
  set Color(value: number | null) {
    const hex = bgrToHex(value);
    if (hex === undefined) throw new ComError("Invalid Color", HRESULT.invalidArg);
    this.update({ color: { argb: `FF${hex}` } });
  }
}

// ------------------------------------------------------------------ Borders

type Side = "top" | "bottom" | "left" | "right";

/** OOXML border style ↔ (XlLineStyle, XlBorderWeight). */
const BORDER_STYLES: Array<[string, number, number]> = [
  ["hair", XL.xlContinuous, XL.xlHairline],
  ["thin", XL.xlContinuous, XL.xlThin],
  ["medium", XL.xlContinuous, XL.xlMedium],
  ["thick", XL.xlContinuous, XL.xlThick],
  ["dashed", XL.xlDash, XL.xlThin],
  ["mediumDashed", XL.xlDash, XL.xlMedium],
  ["dotted", XL.xlDot, XL.xlThin],
  ["double", XL.xlDouble, XL.xlThick],
  ["dashDot", XL.xlDashDot, XL.xlThin],
  ["mediumDashDot", XL.xlDashDot, XL.xlMedium],
  ["dashDotDot", XL.xlDashDotDot, XL.xlThin],
  ["mediumDashDotDot", XL.xlDashDotDot, XL.xlMedium],
  ["slantDashDot", XL.xlSlantDashDot, XL.xlMedium],
];

function styleFor(lineStyle: number, weight: number): string {
  return (
    BORDER_STYLES.find(([, l, w]) => l === lineStyle && w === weight)?.[0] ??
    BORDER_STYLES.find(([, l]) => l === lineStyle)?.[0] ??
    "thin"
  );
}

const EDGE_INDEXES = [
  XL.xlEdgeTop,
  XL.xlEdgeBottom,
  XL.xlEdgeLeft,
  XL.xlEdgeRight,
  XL.xlInsideVertical,
  XL.xlInsideHorizontal,
];

export class SimBorders extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly range: SimRange,
  ) {
    super(sim, "Borders");
  }

  get Count(): number {
    return EDGE_INDEXES.length;
  }

  Item(index: number): SimBorder {
    if (![...EDGE_INDEXES, XL.xlDiagonalDown, XL.xlDiagonalUp].includes(Number(index) as never)) {
      throw new ComError("Subscript out of range", HRESULT.badIndex);
    }
    return new SimBorder(this.sim, this.range, Number(index));
  }

  private all(): SimBorder[] {
    return EDGE_INDEXES.map((i) => new SimBorder(this.sim, this.range, i));
  }

  /** Setting a line style on Borders sets every edge and inside line. */
  get LineStyle(): number | null {
    return common(this.all().map((b) => b.lineStyle()));
  }
  set LineStyle(value: number | null) {
    for (const border of this.all()) border.setLineStyle(Number(value));
  }

  get Weight(): number | null {
    return common(this.all().map((b) => b.weight()));
  }
  set Weight(value: number | null) {
    for (const border of this.all()) border.setWeight(Number(value));
  }

  get Color(): number | null {
    return common(this.all().map((b) => b.color()));
  }
  set Color(value: number | null) {
    for (const border of this.all()) border.setColor(Number(value));
  }
}

export class SimBorder extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly range: SimRange,
    private readonly index: number,
  ) {
    super(sim, "Border");
  }

  private sides(): Array<{ row: number; col: number; side: Side }> {
    const { rect } = this.range;
    const out: Array<{ row: number; col: number; side: Side }> = [];
    const add = (row: number, col: number, side: Side) => out.push({ row, col, side });
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (this.index === XL.xlEdgeTop && r === rect.top) add(r, c, "top");
        if (this.index === XL.xlEdgeBottom && r === rect.bottom) add(r, c, "bottom");
        if (this.index === XL.xlEdgeLeft && c === rect.left) add(r, c, "left");
        if (this.index === XL.xlEdgeRight && c === rect.right) add(r, c, "right");
        if (this.index === XL.xlInsideHorizontal && r < rect.bottom) add(r, c, "bottom");
        if (this.index === XL.xlInsideVertical && c < rect.right) add(r, c, "right");
      }
    }
    return out;
  }

  private current(): Array<Partial<ExcelJS.Border> | undefined> {
    const ws = this.range.sheet.ws;
    return this.sides().map(({ row, col, side }) => ws.findCell(row, col)?.border?.[side]);
  }

  /** @internal */ lineStyle(): number | null {
    return common(
      this.current().map((b) =>
        b?.style
          ? (BORDER_STYLES.find(([s]) => s === b.style)?.[1] ?? XL.xlContinuous)
          : XL.xlLineStyleNone,
      ),
    );
  }

  /** @internal */ weight(): number | null {
    return common(
      this.current().map((b) =>
        b?.style ? (BORDER_STYLES.find(([s]) => s === b.style)?.[2] ?? XL.xlThin) : XL.xlThin,
      ),
    );
  }

  /** @internal */ color(): number | null {
    return common(this.current().map((b) => hexToBgr(colorHex(b?.color) ?? "000000")));
  }

  private update(
    next: (b: Partial<ExcelJS.Border> | undefined) => Partial<ExcelJS.Border> | undefined,
  ): void {
    this.range.guardFormat();
    const ws = this.range.sheet.ws;
    for (const { row, col, side } of this.sides()) {
      const cell = ws.getCell(row, col);
      const border = { ...(cell.border ?? {}) } as Record<string, unknown>;
      const b = next(border[side] as Partial<ExcelJS.Border> | undefined);
      if (b) border[side] = b;
      else delete border[side];
      patchStyle(cell, { border: border as unknown as ExcelJS.Borders });
    }
    this.sim.notify();
  }

  /** @internal */ setLineStyle(value: number): void {
    this.update((b) => {
      if (value === XL.xlLineStyleNone) return undefined;
      const weight = b?.style
        ? (BORDER_STYLES.find(([s]) => s === b.style)?.[2] ?? XL.xlThin)
        : XL.xlThin;
      return { ...(b ?? {}), style: styleFor(value, weight) as ExcelJS.BorderStyle };
    });
  }

  /** @internal */ setWeight(value: number): void {
    this.update((b) => {
      const line = b?.style
        ? (BORDER_STYLES.find(([s]) => s === b.style)?.[1] ?? XL.xlContinuous)
        : XL.xlContinuous;
      return { ...(b ?? {}), style: styleFor(line, value) as ExcelJS.BorderStyle };
    });
  }

  /** @internal */ setColor(value: number): void {
    const hex = bgrToHex(value);
    if (hex === undefined) throw new ComError("Invalid Color", HRESULT.invalidArg);
    this.update((b) => ({ style: "thin", ...(b ?? {}), color: { argb: `FF${hex}` } }));
  }

  get LineStyle(): number | null {
    return this.lineStyle();
  }
  set LineStyle(value: number | null) {
    this.setLineStyle(Number(value));
  }

  get Weight(): number | null {
    return this.weight();
  }
  set Weight(value: number | null) {
    this.setWeight(Number(value));
  }

  get Color(): number | null {
    return this.color();
  }
  set Color(value: number | null) {
    this.setColor(Number(value));
  }
}

// ------------------------------------------------------------------ Validation

type DataValidation = ExcelJS.DataValidation;

interface ValidationStore {
  find(address: string): DataValidation | undefined;
  add(address: string, v: DataValidation): void;
  remove(address: string): void;
}

const DV_TYPES: Record<number, string> = {
  [XL.xlValidateInputOnly]: "any",
  [XL.xlValidateWholeNumber]: "whole",
  [XL.xlValidateDecimal]: "decimal",
  [XL.xlValidateList]: "list",
  [XL.xlValidateDate]: "date",
  [XL.xlValidateTime]: "time",
  [XL.xlValidateTextLength]: "textLength",
  [XL.xlValidateCustom]: "custom",
};
const DV_OPERATORS: Record<number, string> = {
  [XL.xlBetween]: "between",
  [XL.xlNotBetween]: "notBetween",
  [XL.xlEqual]: "equal",
  [XL.xlNotEqual]: "notEqual",
  [XL.xlGreater]: "greaterThan",
  [XL.xlLess]: "lessThan",
  [XL.xlGreaterEqual]: "greaterThanOrEqual",
  [XL.xlLessEqual]: "lessThanOrEqual",
};
const DV_ALERTS: Record<number, string> = {
  [XL.xlValidAlertStop]: "stop",
  [XL.xlValidAlertWarning]: "warning",
  [XL.xlValidAlertInformation]: "information",
};
const back = (map: Record<number, string>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, Number(k)])) as Record<string, number>;
const DV_TYPES_BACK = back(DV_TYPES);
const DV_OPERATORS_BACK = back(DV_OPERATORS);
const DV_ALERTS_BACK = back(DV_ALERTS);

/** A formula as OOXML stores it: "=A1:A3" → "A1:A3"; a literal list "a,b" → "\"a,b\"". */
function toOoxmlFormula(type: string, formula: unknown): string | number {
  if (typeof formula === "number") return formula;
  const text = String(formula);
  if (text.startsWith("=")) return text.slice(1);
  return type === "list" ? `"${text}"` : text;
}

function fromOoxmlFormula(type: string, formula: unknown): string {
  if (formula === undefined || formula === null) return "";
  const text = String(formula);
  if (type === "list" && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return `=${text}`;
}

/**
 * Validation (数据有效性): Add fails when the cells already have a rule (Delete first, as in COM);
 * reading a rule's properties where there is none fails too.
 */
export class SimValidation extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly range: SimRange,
  ) {
    super(sim, "Validation");
  }

  private store(): ValidationStore {
    return (this.range.sheet.ws as unknown as { dataValidations: ValidationStore }).dataValidations;
  }

  private address(row: number, col: number): string {
    return `${columnLetter(col)}${row}`;
  }

  private first(): DataValidation {
    const { rect } = this.range;
    const v = this.store().find(this.address(rect.top, rect.left));
    if (!v) throw new ComError("Application-defined or object-defined error (no validation)");
    return v;
  }

  private update(patch: (v: DataValidation) => DataValidation): void {
    this.range.guardStructure();
    this.first();
    const store = this.store();
    this.range.eachCell((r, c) => {
      const address = this.address(r, c);
      const v = store.find(address);
      if (v) store.add(address, patch({ ...v }));
    });
  }

  Add(
    type: number,
    alertStyle?: unknown,
    operator?: unknown,
    formula1?: unknown,
    formula2?: unknown,
  ): void {
    this.range.guardStructure();
    const kind = DV_TYPES[Number(type)];
    if (kind === undefined) throw new ComError("Invalid validation type", HRESULT.invalidArg);
    const store = this.store();
    this.range.eachCell((r, c) => {
      if (store.find(this.address(r, c))) {
        throw new ComError(
          "Application-defined or object-defined error (validation exists: Delete it first)",
        );
      }
    });
    if ((kind === "list" || kind === "custom") && (formula1 === undefined || formula1 === "")) {
      throw new ComError("Application-defined or object-defined error (Formula1 is required)");
    }
    const rule: Record<string, unknown> = {
      type: kind,
      allowBlank: true,
      showErrorMessage: true,
      showInputMessage: true,
      errorStyle: DV_ALERTS[Number(alertStyle ?? XL.xlValidAlertStop)] ?? "stop",
    };
    if (kind !== "list" && kind !== "custom" && kind !== "any") {
      rule.operator = DV_OPERATORS[Number(operator ?? XL.xlBetween)] ?? "between";
    }
    const formulae = [formula1, formula2].filter((f) => f !== undefined && f !== null && f !== "");
    if (formulae.length) rule.formulae = formulae.map((f) => toOoxmlFormula(kind, f));
    this.range.eachCell((r, c) =>
      store.add(this.address(r, c), { ...(rule as unknown as DataValidation) }),
    );
  }

  Delete(): void {
    this.range.guardStructure();
    const store = this.store();
    this.range.eachCell((r, c) => store.remove(this.address(r, c)));
  }

  get Type(): number {
    return DV_TYPES_BACK[this.first().type] ?? XL.xlValidateInputOnly;
  }

  get AlertStyle(): number {
    return DV_ALERTS_BACK[this.first().errorStyle ?? "stop"] ?? XL.xlValidAlertStop;
  }

  get Operator(): number {
    return DV_OPERATORS_BACK[this.first().operator ?? "between"] ?? XL.xlBetween;
  }

  get Formula1(): string {
    const v = this.first();
    return fromOoxmlFormula(v.type, v.formulae?.[0]);
  }

  get Formula2(): string {
    const v = this.first();
    return fromOoxmlFormula(v.type, v.formulae?.[1]);
  }

  get ErrorMessage(): string {
    return this.first().error ?? "";
  }
  set ErrorMessage(value: string) {
    this.update((v) => ({ ...v, error: String(value) }));
  }

  get ErrorTitle(): string {
    return this.first().errorTitle ?? "";
  }
  set ErrorTitle(value: string) {
    this.update((v) => ({ ...v, errorTitle: String(value) }));
  }

  get InputMessage(): string {
    return this.first().prompt ?? "";
  }
  set InputMessage(value: string) {
    this.update((v) => ({ ...v, prompt: String(value) }));
  }

  get InputTitle(): string {
    return this.first().promptTitle ?? "";
  }
  set InputTitle(value: string) {
    this.update((v) => ({ ...v, promptTitle: String(value) }));
  }

  get ShowError(): boolean {
    return this.first().showErrorMessage !== false;
  }
  set ShowError(value: boolean) {
    this.update((v) => ({ ...v, showErrorMessage: Boolean(value) }));
  }

  get ShowInput(): boolean {
    return this.first().showInputMessage !== false;
  }
  set ShowInput(value: boolean) {
    this.update((v) => ({ ...v, showInputMessage: Boolean(value) }));
  }

  get IgnoreBlank(): boolean {
    return this.first().allowBlank !== false;
  }
  set IgnoreBlank(value: boolean) {
    this.update((v) => ({ ...v, allowBlank: Boolean(value) }));
  }

  /** exceljs writes showDropDown="1" to hide the arrow (OOXML's inverted flag). */
  get InCellDropdown(): boolean {
    return !(this.first() as { showDropDown?: boolean }).showDropDown;
  }
  set InCellDropdown(value: boolean) {
    this.update((v) => ({ ...v, showDropDown: !value }) as DataValidation);
  }
}

// ------------------------------------------------------------------ Comment

/** A cell's comment (批注; OOXML note). */
export class SimComment extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly sheet: SheetModel,
    private readonly row: number,
    private readonly col: number,
  ) {
    super(sim, "Comment");
  }

  private text(): string {
    const text = this.sim.model.noteOf(this.sheet, this.row, this.col);
    if (text === null) throw new ComError("The comment has been deleted");
    return text;
  }

  /**
   * Text(): the comment's text. Text(value): replaces it (Start omitted), or inserts at Start
   * (1-based), overwriting when Overwrite is true; returns the new text.
   */
  Text(text?: unknown, start?: unknown, overwrite?: unknown): string {
    const current = this.text();
    if (text === undefined) return current;
    let next: string;
    if (start === undefined) {
      next = String(text);
    } else {
      const at = Math.max(0, Number(start) - 1);
      const insert = String(text);
      next =
        current.slice(0, at) + insert + current.slice(overwrite === true ? at + insert.length : at);
    }
    this.sim.model.setNote(this.sheet, this.row, this.col, next);
    this.sim.notify();
    return next;
  }

  Delete(): void {
    this.text();
    new SimRange(this.sim, this.sheet, {
      top: this.row,
      left: this.col,
      bottom: this.row,
      right: this.col,
    }).guardStructure("objects");
    this.sim.model.setNote(this.sheet, this.row, this.col, null);
    this.sim.notify();
  }

  get Parent(): SimRange {
    return new SimRange(this.sim, this.sheet, {
      top: this.row,
      left: this.col,
      bottom: this.row,
      right: this.col,
    });
  }

  get Author(): string {
    return "";
  }

  get Visible(): boolean {
    return false;
  }
}
