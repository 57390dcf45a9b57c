/**
 * Excel.Range and Excel.RangeAreas (merged areas). A range proxy holds a sheet proxy and a way to
 * find its rectangle at sync (fixed for getRange, computed for the used range).
 */
import { MAX_COLS, MAX_ROWS, contains, rectCols, rectRows, sheetAddress, type Rect } from "../a1";
import { SimCollection, SimObject, type SimRequestContext } from "../client";
import { SimOfficeError, accessDenied, invalidArgument } from "../errors";
import { patchStyle, type CellView, type SheetModel } from "../model";
import { SimDataValidation } from "./validation";
import { SimRangeFormat } from "./format";
import type { SimWorksheet } from "./worksheet";

/** Excel's limit on the cells of one read (every platform, hosts.md). */
export const MAX_READ_CELLS = 5_000_000;
/** Excel's limit on the areas of one getMergedAreas read (hosts.md). */
export const MAX_MERGED_AREAS = 512;

export interface ResolvedRange {
  sheet: SheetModel;
  rect: Rect;
  address: string;
}

export type ProtectedWrite = "value" | "format" | "column" | "row" | "structure" | "deleteRows";

export class SimRange extends SimObject {
  private rect: Rect | undefined;
  private rectKnown = false;
  readonly format: SimRangeFormat;
  readonly dataValidation: SimDataValidation;

  constructor(
    context: SimRequestContext,
    readonly worksheet: SimWorksheet,
    private readonly rectOf: () => Rect | undefined,
    private readonly nullable = false,
  ) {
    super(context, "Range");
    this.format = new SimRangeFormat(context, this);
    this.dataValidation = new SimDataValidation(context, this);
    if (nullable) this.trackNull();
  }

  /** @internal The sheet and rectangle, resolved at the first sync that needs them. */
  resolveNow(): ResolvedRange {
    const sheet = this.worksheet.resolve();
    if (!this.rectKnown) {
      this.rect = this.rectOf();
      this.rectKnown = true;
    }
    if (!this.rect) throw new SimOfficeError("InvalidObjectPath", "The range is a null object.");
    return { sheet, rect: this.rect, address: sheetAddress(sheet.name, this.rect) };
  }

  protected override isNullNow(): boolean {
    if (!this.nullable) return false;
    if (!this.rectKnown) {
      this.worksheet.resolve();
      this.rect = this.rectOf();
      this.rectKnown = true;
    }
    return this.rect === undefined;
  }

  /** @internal Every cell of the range, row by row. */
  forEachCell(fn: (sheet: SheetModel, row: number, col: number) => void): void {
    const { sheet, rect } = this.resolveNow();
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) fn(sheet, r, c);
    }
  }

  /** @internal Refuses a write that Excel refuses on a protected sheet. */
  guard(kind: ProtectedWrite): void {
    const { sheet, rect, address } = this.resolveNow();
    const model = this.context.sim.model;
    const protection = model.protection(sheet);
    if (!protection) return;
    const allowed: Record<ProtectedWrite, boolean> = {
      value: false,
      format: protection.formatCells === true,
      column: protection.formatColumns === true,
      row: protection.formatRows === true,
      structure: false,
      deleteRows: protection.deleteRows === true,
    };
    if (allowed[kind]) return;
    if (kind === "value") {
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          if (model.isLocked(sheet, r, c)) throw accessDenied(address);
        }
      }
      return;
    }
    throw accessDenied(address);
  }

  private grid<T>(pick: (view: CellView) => T, views: () => CellView[][]): T[][] {
    return views().map((row) => row.map(pick));
  }

  protected scalars(): Record<string, () => unknown> {
    const model = this.context.sim.model;
    let cache: CellView[][] | undefined;
    const views = () => {
      if (cache) return cache;
      const { sheet, rect, address } = this.resolveNow();
      const cells = rectRows(rect) * rectCols(rect);
      if (cells > MAX_READ_CELLS) {
        throw new SimOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          `Reading ${cells} cells at once exceeds Excel's limit of 5,000,000 cells. (${address})`,
        );
      }
      const rows: CellView[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: CellView[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(model.cellView(sheet, r, c));
        rows.push(row);
      }
      cache = rows;
      return rows;
    };
    const rect = () => this.resolveNow().rect;
    return {
      address: () => this.resolveNow().address,
      addressLocal: () => this.resolveNow().address,
      rowIndex: () => rect().top - 1,
      columnIndex: () => rect().left - 1,
      rowCount: () => rectRows(rect()),
      columnCount: () => rectCols(rect()),
      cellCount: () => rectRows(rect()) * rectCols(rect()),
      isEntireRow: () => rect().left === 1 && rect().right === MAX_COLS,
      isEntireColumn: () => rect().top === 1 && rect().bottom === MAX_ROWS,
      values: () => this.grid((v) => v.value, views),
      text: () => this.grid((v) => v.text, views),
      numberFormat: () => this.grid((v) => v.numberFormat, views),
      numberFormatLocal: () => this.grid((v) => v.numberFormat, views),
      formulas: () => this.grid((v) => v.formula, views),
      formulasLocal: () => this.grid((v) => v.formula, views),
      valueTypes: () =>
        this.grid(
          (v) =>
            v.value === ""
              ? "Empty"
              : typeof v.value === "number"
                ? "Double"
                : typeof v.value === "boolean"
                  ? "Boolean"
                  : /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!)$/.test(v.value)
                    ? "Error"
                    : "String",
          views,
        ),
    };
  }

  protected override navigations(): Record<string, SimObject> {
    return { format: this.format, dataValidation: this.dataValidation, worksheet: this.worksheet };
  }

  get address(): string {
    return this.read("address");
  }
  get addressLocal(): string {
    return this.read("addressLocal");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get isEntireRow(): boolean {
    return this.read("isEntireRow");
  }
  get isEntireColumn(): boolean {
    return this.read("isEntireColumn");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(input: unknown[][]) {
    this.writeCells("values", input);
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(input: unknown[][]) {
    this.writeCells("formulas", input);
  }

  get formulasLocal(): unknown[][] {
    return this.read("formulasLocal");
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this.write("numberFormat", input, () => {
      const cells = this.shaped(input, "numberFormat");
      this.guard("format");
      const { sheet, rect } = this.resolveNow();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const fmt = cells(r - rect.top, c - rect.left);
          if (fmt === null || fmt === undefined) continue;
          // patchStyle, not cell.numFmt =: exceljs shares one style object among the cells that
          // had the same style in the file, so assigning in place changed them all.
          patchStyle(sheet.ws.getCell(r, c), { numFmt: String(fmt) });
        }
      }
    });
  }

  get numberFormatLocal(): unknown[][] {
    return this.read("numberFormatLocal");
  }

  /** A 2-D input must match the range's size; a single value (not an array) fills every cell. */
  private shaped(input: unknown, what: string): (row: number, col: number) => unknown {
    const { rect, address } = this.resolveNow();
    if (!Array.isArray(input)) return () => input;
    const rows = rectRows(rect);
    const cols = rectCols(rect);
    const ok =
      input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
    if (!ok) {
      throw invalidArgument(
        `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range ${address}`,
      );
    }
    return (r, c) => (input as unknown[][])[r][c];
  }

  private writeCells(name: "values" | "formulas", input: unknown[][]): void {
    this.write(name, input, () => {
      const cells = this.shaped(input, name);
      this.guard("value");
      const model = this.context.sim.model;
      const { sheet, rect } = this.resolveNow();
      for (let r = rect.top; r <= rect.bottom; r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const value = cells(r - rect.top, c - rect.left);
          if (value === null || value === undefined) continue;
          if (value === "") model.clearCell(sheet, r, c);
          else model.writeInput(sheet, r, c, value);
        }
      }
      model.markDirty(sheet);
      this.context.sim.recordChange(sheet, rect);
    });
  }

  // ---------------------------------------------------------------- methods

  getCell(row: number, column: number): SimRange {
    return this.derived((rect) => {
      const cell = {
        top: rect.top + row,
        left: rect.left + column,
        bottom: rect.top + row,
        right: rect.left + column,
      };
      if (row < 0 || column < 0 || cell.bottom > MAX_ROWS || cell.right > MAX_COLS)
        throw invalidArgument("getCell");
      return cell;
    });
  }

  getRow(row: number): SimRange {
    return this.derived((rect) => ({ ...rect, top: rect.top + row, bottom: rect.top + row }));
  }

  getColumn(column: number): SimRange {
    return this.derived((rect) => ({
      ...rect,
      left: rect.left + column,
      right: rect.left + column,
    }));
  }

  getEntireRow(): SimRange {
    return this.derived((rect) => ({
      top: rect.top,
      bottom: rect.bottom,
      left: 1,
      right: MAX_COLS,
    }));
  }

  getEntireColumn(): SimRange {
    return this.derived((rect) => ({
      top: 1,
      bottom: MAX_ROWS,
      left: rect.left,
      right: rect.right,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derived((rect) => {
      const next = {
        top: rect.top + rowOffset,
        bottom: rect.bottom + rowOffset,
        left: rect.left + columnOffset,
        right: rect.right + columnOffset,
      };
      if (next.top < 1 || next.left < 1 || next.bottom > MAX_ROWS || next.right > MAX_COLS) {
        throw invalidArgument("getOffsetRange");
      }
      return next;
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derived((rect) => {
      const next = { ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns };
      if (next.bottom < next.top || next.right < next.left)
        throw invalidArgument("getResizedRange");
      return next;
    });
  }

  private derived(compute: (rect: Rect) => Rect): SimRange {
    return new SimRange(this.context, this.worksheet, () => compute(this.resolveNow().rect));
  }

  /** Merges the range (ExcelApi 1.2); `across` merges each row on its own. */
  merge(across = false): void {
    this.queueAction("Range.merge", 32, () => {
      this.guard("structure");
      const { sheet, rect } = this.resolveNow();
      const model = this.context.sim.model;
      for (const m of model.mergesIn(sheet, rect)) {
        if (!contains(rect, m)) {
          throw new SimOfficeError(
            "MergedRangeConflict",
            "The range overlaps part of a merged cell.",
          );
        }
      }
      if (across) {
        for (let r = rect.top; r <= rect.bottom; r++)
          model.merge(sheet, { ...rect, top: r, bottom: r });
      } else {
        model.merge(sheet, rect);
      }
    });
  }

  unmerge(): void {
    this.queueAction("Range.unmerge", 32, () => {
      this.guard("structure");
      const { sheet, rect } = this.resolveNow();
      this.context.sim.model.unmerge(sheet, rect);
    });
  }

  /** Selects the range in the UI, activating its sheet (a hidden sheet cannot be selected on). */
  select(): void {
    this.queueAction("Range.select", 32, () => {
      const { sheet, rect } = this.resolveNow();
      if (sheet.ws.state !== "visible") {
        throw new SimOfficeError(
          "InvalidSelection",
          "Cannot select a range on a hidden worksheet.",
        );
      }
      const model = this.context.sim.model;
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, rect };
    });
  }

  /** clear(applyTo): "All" (default), "Contents", "Formats". */
  clear(applyTo: string = "All"): void {
    this.queueAction("Range.clear", 32, () => {
      const model = this.context.sim.model;
      const contents = applyTo === "All" || applyTo === "Contents";
      const formats = applyTo === "All" || applyTo === "Formats";
      if (contents) this.guard("value");
      if (formats) this.guard("format");
      this.forEachCell((sheet, r, c) => {
        if (contents) model.clearCell(sheet, r, c);
        const cell = model.findCell(sheet, r, c);
        if (formats && cell) cell.style = {};
      });
      if (contents) {
        const { sheet, rect } = this.resolveNow();
        this.context.sim.recordChange(sheet, rect);
      }
    });
  }

  /**
   * delete(shift): "Up" moves the cells below up (an entire-row range deletes the rows); values,
   * formats, notes and merges move with them. "Left" is not modelled.
   */
  delete(shift: string): void {
    this.queueAction("Range.delete", 32, () => {
      const { sheet, rect } = this.resolveNow();
      const entireRows = rect.left === 1 && rect.right === MAX_COLS;
      if (shift !== "Up") {
        throw new SimOfficeError("NotImplemented", `Range.delete("${shift}") is not simulated.`);
      }
      this.guard(entireRows ? "deleteRows" : "structure");
      this.context.sim.model.deleteShiftUp(sheet, rect, entireRows);
      this.context.sim.recordChange(sheet, rect, entireRows ? "RowDeleted" : "CellDeleted");
    });
  }

  /** getMergedAreasOrNullObject (ExcelApi 1.13): null when the range holds no merged cell. */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.context, this);
  }

  getMergedAreas(): SimRangeAreas {
    return new SimRangeAreas(this.context, this, false);
  }
}

/** The merged areas of a range, as Excel.RangeAreas. */
export class SimRangeAreas extends SimObject {
  readonly areas: SimAreaCollection;

  constructor(
    context: SimRequestContext,
    private readonly range: SimRange,
    private readonly nullable = true,
  ) {
    super(context, "RangeAreas");
    this.areas = new SimAreaCollection(context, this);
    if (nullable) this.trackNull();
  }

  /** @internal */
  mergedRects(): Rect[] {
    this.context.requireApi("1.13", "getMergedAreasOrNullObject");
    const { sheet, rect, address } = this.range.resolveNow();
    const merges = this.context.sim.model.mergesIn(sheet, rect);
    if (merges.length > MAX_MERGED_AREAS) {
      throw new SimOfficeError(
        "GeneralException",
        `The range holds ${merges.length} merged areas; Excel reads at most ${MAX_MERGED_AREAS} at once. (${address})`,
      );
    }
    return merges;
  }

  protected override isNullNow(): boolean {
    const none = this.mergedRects().length === 0;
    if (none && !this.nullable)
      throw new SimOfficeError("ItemNotFound", "The range has no merged cells.");
    return this.nullable && none;
  }

  protected scalars(): Record<string, () => unknown> {
    const sheetName = () => this.range.resolveNow().sheet.name;
    return {
      address: () =>
        this.mergedRects()
          .map((m) => sheetAddress(sheetName(), m))
          .join(", "),
      areaCount: () => this.mergedRects().length,
      cellCount: () => this.mergedRects().reduce((sum, m) => sum + rectRows(m) * rectCols(m), 0),
    };
  }

  protected override navigations(): Record<string, SimObject> {
    return { areas: this.areas };
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }

  /** @internal */
  worksheetProxy(): SimWorksheet {
    return this.range.worksheet;
  }
}

export class SimAreaCollection extends SimCollection<SimRange> {
  constructor(
    context: SimRequestContext,
    private readonly owner: SimRangeAreas,
  ) {
    super(context, "RangeCollection");
  }

  protected itemsNow(): SimRange[] {
    return this.owner
      .mergedRects()
      .map((rect) => new SimRange(this.context, this.owner.worksheetProxy(), () => rect));
  }
}
