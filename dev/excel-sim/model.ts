/**
 * The simulated Excel's document: an exceljs Workbook plus the state Excel keeps outside the cells
 * (sheet ids, the active sheet and selection, custom properties, add-in settings, passwords set in
 * this session). The Office.js-shaped proxies (objects/*.ts) read and write only through this class,
 * at sync time.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MemorySheet, displayText, type GridCell, type StoredValue } from "../../src/core/grid";
import {
  computeMissingResults,
  namespaced,
  type FormulaFunctions,
  type PendingCell,
} from "../../src/core/grid/evaluate";
import { formatValue } from "../../src/core/grid/format";
import { PERF } from "../../src/functions/perf";
import { contains, intersects, type Rect } from "./a1";
import { officeFillOf, type OfficeFill } from "./fill";

const FORMULA_FUNCTIONS = namespaced("PERF", PERF);
/** Excel's day 0 of the 1900 date system, as exceljs' UTC dates count it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export type CellScalar = number | string | boolean;

/** What a cell shows to Office.js: `values`, `text`, `numberFormat`, `formulas`. */
export interface CellView {
  value: CellScalar;
  text: string;
  numberFormat: string;
  /** "=…" for a formula cell, else the value. */
  formula: CellScalar;
}

const EMPTY_VIEW: CellView = { value: "", text: "", numberFormat: "General", formula: "" };

export class SheetModel {
  constructor(
    readonly id: string,
    readonly ws: ExcelJS.Worksheet,
  ) {}

  get name(): string {
    return this.ws.name;
  }
}

export interface ChangeRecord {
  sheetId: string;
  rect: Rect;
  changeType: string;
}

let sheetIdCounter = 0;
function newSheetId(): string {
  sheetIdCounter++;
  const hex = sheetIdCounter.toString(16).toUpperCase().padStart(4, "0");
  return `{00000000-${hex}-0000-C000-000000000046}`;
}

/** A cell's exceljs style, copied before a change: exceljs shares style objects between cells. */
export function patchStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  const next = { ...(cell.style ?? {}) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  cell.style = next as Partial<ExcelJS.Style>;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheetId = "";
  /** The selected range on the active sheet (selectCell's target). */
  selection: { sheetId: string; rect: Rect } | undefined;
  /** Workbook custom properties (docProps/custom.xml), persisted by toXlsx. */
  readonly customProperties = new Map<string, CellScalar>();
  /** Office.context.document.settings, persisted by toXlsx in a simulator-only part. */
  readonly settings = new Map<string, unknown>();
  /** Sheet passwords set in this session (exceljs keeps only their hash). */
  readonly passwords = new Map<string, string>();
  /**
   * Workbook structure protection (Review ▸ Protect Workbook): sheets cannot be added, deleted,
   * renamed, moved, hidden or unhidden. Not saved to the file by the simulator (exceljs does not
   * write workbookProtection).
   */
  structureProtected = false;
  structurePassword: string | undefined;
  /**
   * Functions formulas may call beyond the built-ins: the PERF functions, as the add-in registers
   * them in Excel. The WPS simulator swaps in what `wps.AddCustomFunction` registered.
   */
  functions: FormulaFunctions = FORMULA_FUNCTIONS;
  /** Sheets whose values or formulas changed since the last recalculation. */
  private readonly dirtySheets = new Set<string>();
  /**
   * Merged areas by row, per sheet, so a range's merges are found without scanning every merge of
   * the sheet (the WPS adapter asks MergeCells of many small ranges). Dropped whenever this model
   * merges, unmerges or deletes rows — the only places merges change after loading.
   */
  private readonly mergeRows = new Map<string, Map<number, Rect[]>>();

  constructor(readonly wb: ExcelJS.Workbook) {
    for (const ws of wb.worksheets) this.sheets.push(new SheetModel(newSheetId(), ws));
    if (this.sheets.length === 0) this.addSheet("Sheet1");
    const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
    const visible = this.sheets.filter((s) => s.ws.state === "visible");
    this.activeSheetId = (this.sheets[activeTab] ?? visible[0] ?? this.sheets[0]).id;
    this.recalculate(false);
  }

  static async fromXlsx(bytes: Uint8Array | ArrayBuffer): Promise<WorkbookModel> {
    const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    const model = new WorkbookModel(wb);
    model.readSideParts(data);
    return model;
  }

  /** Saves as .xlsx: exceljs writes the workbook; custom properties and settings are added after. */
  async toXlsx(): Promise<Uint8Array> {
    const position = this.sheets.findIndex((s) => s.id === this.activeSheetId);
    this.wb.views = [
      { ...(this.wb.views?.[0] ?? {}), activeTab: Math.max(0, position) } as ExcelJS.WorkbookView,
    ];
    this.keepNotesOnBlankCells();
    const buffer = await this.wb.xlsx.writeBuffer();
    return this.writeSideParts(new Uint8Array(buffer as ArrayBuffer));
  }

  /**
   * exceljs writes no `<c>` for a cell without value or style, and its note goes with it; Excel
   * and WPS keep a note on an empty cell (a mark on a blank input cell). An empty font object gives
   * the cell a style that changes nothing visible and reads back as no formatting.
   */
  private keepNotesOnBlankCells(): void {
    for (const sheet of this.sheets) {
      sheet.ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.note === undefined || cell.note === null) return;
          if (cell.value !== null && cell.value !== undefined) return;
          if (Object.keys(cell.style ?? {}).length > 0) return;
          cell.style = { font: {} } as Partial<ExcelJS.Style>;
        });
      });
    }
  }

  // ---------------------------------------------------------------- sheets

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** Office.js looks sheets up by name (case-insensitive) or id. */
  sheetByKey(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
  }

  addSheet(name: string): SheetModel {
    const ws = this.wb.addWorksheet(name);
    const sheet = new SheetModel(newSheetId(), ws);
    this.sheets.push(sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    this.wb.removeWorksheet(sheet.ws.id);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = (this.sheets.find((s) => s.ws.state === "visible") ?? this.sheets[0]).id;
    }
  }

  moveSheet(sheet: SheetModel, position: number): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
    this.sheets.forEach((s, i) => ((s.ws as unknown as { orderNo: number }).orderNo = i + 1));
  }

  // ---------------------------------------------------------------- cells

  /** The exceljs cell if it exists; never creates one (a read must not grow the sheet). */
  findCell(sheet: SheetModel, row: number, col: number): ExcelJS.Cell | undefined {
    return sheet.ws.findCell(row, col);
  }

  cellView(sheet: SheetModel, row: number, col: number): CellView {
    const cell = this.findCell(sheet, row, col);
    if (!cell || cell.type === ExcelJS.ValueType.Merge) {
      const numberFormat = cell?.numFmt || "General";
      return numberFormat === "General" ? EMPTY_VIEW : { ...EMPTY_VIEW, numberFormat };
    }
    const numberFormat = cell.numFmt || "General";
    const raw = cell.value;
    let formulaText: string | undefined;
    let stored: ExcelJS.CellValue = raw;
    if (isFormulaValue(raw)) {
      formulaText = `=${formulaOf(cell, raw)}`;
      stored = resultOf(cell, raw) ?? null;
    }
    const value = toScalar(stored);
    const text = textOf(value, stored, numberFormat);
    return { value, text, numberFormat, formula: formulaText ?? value };
  }

  /** Writes what a user would type, or what `values` / `formulas` set (Excel parses strings). */
  writeInput(sheet: SheetModel, row: number, col: number, input: unknown): void {
    const cell = sheet.ws.getCell(row, col);
    const numFmt = cell.numFmt;
    if (input === null || input === undefined) return; // Office.js: null leaves the cell as it is.
    if (typeof input === "number" || typeof input === "boolean") {
      cell.value = input;
    } else if (typeof input === "string") {
      cell.value = parseInput(input, numFmt === "@");
    } else if (input instanceof Date) {
      cell.value = input;
    } else {
      throw new Error("unsupported value");
    }
    this.dirtySheets.add(sheet.id);
  }

  clearCell(sheet: SheetModel, row: number, col: number): void {
    const cell = this.findCell(sheet, row, col);
    if (cell && cell.value !== null) {
      cell.value = null;
      this.dirtySheets.add(sheet.id);
    }
  }

  markDirty(sheet: SheetModel): void {
    this.dirtySheets.add(sheet.id);
  }

  fillOf(sheet: SheetModel, row: number, col: number): OfficeFill {
    return officeFillOf(this.findCell(sheet, row, col)?.fill);
  }

  noteOf(sheet: SheetModel, row: number, col: number): string | null {
    const note = this.findCell(sheet, row, col)?.note;
    if (note === undefined || note === null) return null;
    if (typeof note === "string") return note;
    const texts = (note as { texts?: Array<{ text?: string }> }).texts ?? [];
    return texts.map((t) => t.text ?? "").join("");
  }

  setNote(sheet: SheetModel, row: number, col: number, text: string | null): void {
    const cell = sheet.ws.getCell(row, col);
    if (text === null) {
      const raw = cell as unknown as {
        _comment?: unknown;
        _value?: { model?: { comment?: unknown } };
      };
      raw._comment = undefined;
      // A cell loaded from .xlsx keeps the loaded comment in its value's model, and exceljs writes
      // that model on save: without this, a deleted note comes back in the saved file.
      if (raw._value?.model) delete raw._value.model.comment;
    } else {
      cell.note = text;
    }
  }

  /** Every note of the workbook in sheet order, then row-major (the order Excel lists them). */
  allNotes(): Array<{ sheet: SheetModel; row: number; col: number; text: string }> {
    const notes: Array<{ sheet: SheetModel; row: number; col: number; text: string }> = [];
    for (const sheet of this.sheets) {
      sheet.ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: true }, (_cell, colNumber) => {
          const text = this.noteOf(sheet, rowNumber, colNumber);
          if (text !== null) notes.push({ sheet, row: rowNumber, col: colNumber, text });
        });
      });
    }
    return notes;
  }

  /**
   * The used range: the smallest rectangle holding every cell with a value (valuesOnly) or also
   * every cell with formatting or a note; undefined for an empty sheet.
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | undefined {
    let rect: Rect | undefined;
    const grow = (row: number, col: number) => {
      if (!rect) rect = { top: row, left: col, bottom: row, right: col };
      else {
        rect.top = Math.min(rect.top, row);
        rect.bottom = Math.max(rect.bottom, row);
        rect.left = Math.min(rect.left, col);
        rect.right = Math.max(rect.right, col);
      }
    };
    sheet.ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const hasValue =
          cell.type !== ExcelJS.ValueType.Merge &&
          cell.value !== null &&
          cell.value !== undefined &&
          cell.value !== "";
        if (hasValue || (!valuesOnly && (hasFormatting(cell) || cell.note !== undefined))) {
          grow(rowNumber, colNumber);
        }
      });
    });
    if (!valuesOnly) {
      for (const merge of this.merges(sheet)) {
        grow(merge.top, merge.left);
        grow(merge.bottom, merge.right);
      }
    }
    return rect;
  }

  merges(sheet: SheetModel): Rect[] {
    const merges = (sheet.ws as unknown as { _merges?: Record<string, { model?: Rect }> })._merges;
    const list: Rect[] = [];
    for (const merge of Object.values(merges ?? {})) {
      const m = merge?.model;
      if (m) list.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
    return list.sort((a, b) => a.top - b.top || a.left - b.left);
  }

  mergesIn(sheet: SheetModel, rect: Rect): Rect[] {
    // Filter before sorting: a cell-by-cell read of a sheet with thousands of merged areas asks
    // this for every cell (the WPS bench), and sorting all of them each time made that hours long.
    const merges = (sheet.ws as unknown as { _merges?: Record<string, { model?: Rect }> })._merges;
    if (rect.top === rect.bottom && rect.left === rect.right) {
      // One cell (a per-cell MergeCells/MergeArea read): its master names the one merge it can be
      // in, so the lookup does not grow with the sheet's merges.
      const cell = sheet.ws.findCell(rect.top, rect.left) as ExcelJS.Cell | undefined;
      const master = cell?.isMerged ? cell.master : undefined;
      const m = master ? merges?.[master.address]?.model : undefined;
      return m && intersects(m, rect)
        ? [{ top: m.top, left: m.left, bottom: m.bottom, right: m.right }]
        : [];
    }
    const byRow = this.mergesByRow(sheet);
    const found = new Set<Rect>();
    const rows = rect.bottom - rect.top + 1;
    if (rows > byRow.size) {
      for (const [row, list] of byRow) {
        if (row >= rect.top && row <= rect.bottom) list.forEach((m) => found.add(m));
      }
    } else {
      for (let r = rect.top; r <= rect.bottom; r++) byRow.get(r)?.forEach((m) => found.add(m));
    }
    return [...found]
      .filter((m) => intersects(m, rect))
      .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }))
      .sort((a, b) => a.top - b.top || a.left - b.left);
  }

  private mergesByRow(sheet: SheetModel): Map<number, Rect[]> {
    const known = this.mergeRows.get(sheet.id);
    if (known) return known;
    const byRow = new Map<number, Rect[]>();
    for (const m of this.merges(sheet)) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = byRow.get(r);
        if (list) list.push(m);
        else byRow.set(r, [m]);
      }
    }
    this.mergeRows.set(sheet.id, byRow);
    return byRow;
  }

  /** Merges a rectangle; Excel keeps only the top-left value (the others are discarded). */
  merge(sheet: SheetModel, rect: Rect): void {
    this.mergeRows.delete(sheet.id);
    for (const m of this.mergesIn(sheet, rect)) {
      if (!contains(rect, m)) throw new Error("overlaps a merge");
      sheet.ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    }
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (r !== rect.top || c !== rect.left) this.clearCell(sheet, r, c);
      }
    }
    if (rect.top !== rect.bottom || rect.left !== rect.right) {
      sheet.ws.mergeCells(rect.top, rect.left, rect.bottom, rect.right);
    }
  }

  unmerge(sheet: SheetModel, rect: Rect): void {
    this.mergeRows.delete(sheet.id);
    for (const m of this.mergesIn(sheet, rect)) {
      sheet.ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    }
  }

  isProtected(sheet: SheetModel): boolean {
    return Boolean(
      (sheet.ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    );
  }

  protection(sheet: SheetModel): Record<string, unknown> | undefined {
    const p = (sheet.ws as unknown as { sheetProtection?: Record<string, unknown> | null })
      .sheetProtection;
    return p && p.sheet ? p : undefined;
  }

  isPasswordProtected(sheet: SheetModel): boolean {
    const p = this.protection(sheet);
    return Boolean(p && (p.hashValue || p.password || this.passwords.has(sheet.id)));
  }

  isLocked(sheet: SheetModel, row: number, col: number): boolean {
    return this.findCell(sheet, row, col)?.protection?.locked !== false;
  }

  // ---------------------------------------------------------------- rows

  /**
   * Deletes `rect`'s cells and shifts the cells below up (Excel's Delete ▸ Shift cells up, or an
   * entire-row delete when the rect spans every column): values, styles, notes and merges move.
   */
  deleteShiftUp(sheet: SheetModel, rect: Rect, entireRows: boolean): void {
    this.mergeRows.delete(sheet.id);
    const ws = sheet.ws;
    const count = rect.bottom - rect.top + 1;
    const lastRow = ws.rowCount;
    const lastCol = entireRows ? Math.max(ws.columnCount, 1) : rect.right;
    const firstCol = entireRows ? 1 : rect.left;
    const merges = this.merges(sheet);
    for (const m of merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    for (let r = rect.top; r <= lastRow; r++) {
      const src = r + count;
      for (let c = firstCol; c <= lastCol; c++) {
        const from = src <= lastRow ? ws.findCell(src, c) : undefined;
        const to = ws.findCell(r, c) ?? (from ? ws.getCell(r, c) : undefined);
        if (!to) continue;
        copyCell(from, to);
      }
      if (entireRows) {
        const fromRow = src <= lastRow ? ws.findRow(src) : undefined;
        const toRow = ws.findRow(r);
        if (toRow) toRow.height = fromRow?.height as number;
      }
    }
    for (const m of merges) {
      const inColumns = entireRows || (m.left >= firstCol && m.right <= lastCol);
      let next: Rect | undefined = { ...m };
      if (!inColumns) next = m;
      else if (m.top > rect.bottom) next = { ...m, top: m.top - count, bottom: m.bottom - count };
      else if (m.bottom >= rect.top) {
        // The deleted rows cut through the merge: it shrinks by the rows it lost.
        const lost = Math.min(m.bottom, rect.bottom) - Math.max(m.top, rect.top) + 1;
        const top = m.top < rect.top ? m.top : rect.top;
        const bottom = m.bottom - lost - (m.top > rect.top ? m.top - rect.top : 0);
        next = bottom >= top ? { ...m, top, bottom } : undefined;
      }
      if (next && (next.top !== next.bottom || next.left !== next.right)) {
        ws.mergeCells(next.top, next.left, next.bottom, next.right);
      }
    }
    this.dirtySheets.add(sheet.id);
  }

  // ---------------------------------------------------------------- formulas

  /**
   * Computes formula results as Excel would have them. At load only formulas stored without a
   * result are computed (as src/hosts/xlsx/read-buffer.ts does); after writes, every formula on a
   * changed sheet or naming one is computed again.
   */
  recalculate(afterWrites = true): number {
    if (afterWrites && this.dirtySheets.size === 0) return 0;
    const dirtyNames = [...this.dirtySheets]
      .map((id) => this.sheetById(id)?.name.toUpperCase())
      .filter((n): n is string => n !== undefined);
    this.dirtySheets.clear();
    const memory: MemorySheet[] = [];
    const pending: Array<PendingCell & { cell: ExcelJS.Cell }> = [];
    for (const sheet of this.sheets) {
      const mem = new MemorySheet(sheet.name, sheet.ws.state !== "visible");
      const sheetDirty = dirtyNames.includes(sheet.name.toUpperCase());
      sheet.ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.type === ExcelJS.ValueType.Merge) return;
          const raw = cell.value;
          const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
          if (isFormulaValue(raw)) {
            const formula = formulaOf(cell, raw);
            const result = resultOf(cell, raw);
            const recompute =
              result === undefined ||
              (afterWrites &&
                (sheetDirty || dirtyNames.some((n) => formula.toUpperCase().includes(n))));
            const value = recompute ? null : storedOf(result);
            const grid: GridCell = { value, text: gridText(value, numFmt), formula };
            if (numFmt) grid.numFmt = numFmt;
            mem.set(r, c, grid);
            if (recompute) pending.push({ sheet: mem, row: r, col: c, cell });
            return;
          }
          const value = storedOf(raw);
          if (value === null) return;
          const grid: GridCell = { value, text: gridText(value, numFmt) };
          if (numFmt) grid.numFmt = numFmt;
          mem.set(r, c, grid);
        });
      });
      memory.push(mem);
    }
    if (pending.length === 0) return 0;
    computeMissingResults(memory, { functions: this.functions, pending });
    for (const p of pending) {
      const value = p.sheet.cell(p.row, p.col)?.value ?? null;
      const raw = p.cell.value as ExcelJS.CellFormulaValue;
      const formula = formulaOf(p.cell, raw);
      const result = value === null ? undefined : toExcelResult(value);
      // A shared-formula clone keeps its own text so the result belongs to it alone.
      p.cell.value = { formula, result } as ExcelJS.CellFormulaValue;
    }
    return pending.length;
  }

  // ---------------------------------------------------------------- side parts

  /** Custom properties (docProps/custom.xml) and the add-in settings part, which exceljs ignores. */
  private readSideParts(bytes: Uint8Array): void {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => f.name === "docProps/custom.xml" || f.name === SETTINGS_PART,
      });
    } catch {
      return;
    }
    const custom = files["docProps/custom.xml"];
    if (custom) {
      const xml = strFromU8(custom);
      const re =
        /<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:(\w+)>([\s\S]*?)<\/vt:\w+>\s*<\/property>/g;
      for (const m of xml.matchAll(re)) {
        const [, name, type, text] = m;
        const value = unescapeXml(text);
        this.customProperties.set(
          unescapeXml(name),
          type === "bool"
            ? value === "true"
            : type === "lpwstr"
              ? value
              : Number.isNaN(Number(value))
                ? value
                : Number(value),
        );
      }
    }
    const settings = files[SETTINGS_PART];
    if (settings) {
      try {
        const parsed = JSON.parse(strFromU8(settings)) as Record<string, unknown>;
        for (const [k, v] of Object.entries(parsed)) this.settings.set(k, v);
      } catch {
        // A damaged settings part is dropped, as Office drops settings it cannot read.
      }
    }
  }

  private writeSideParts(bytes: Uint8Array): Uint8Array {
    if (this.customProperties.size === 0 && this.settings.size === 0) return bytes;
    const files = unzipSync(bytes);
    if (this.customProperties.size > 0) {
      const props = [...this.customProperties].map(([name, value], i) => {
        const [type, text] =
          typeof value === "boolean"
            ? ["bool", String(value)]
            : typeof value === "number"
              ? ["r8", String(value)]
              : ["lpwstr", value];
        return `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:${type}>${escapeXml(text)}</vt:${type}></property>`;
      });
      files["docProps/custom.xml"] = strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props.join("")}</Properties>`,
      );
      const types = strFromU8(files["[Content_Types].xml"]);
      if (!types.includes("/docProps/custom.xml")) {
        files["[Content_Types].xml"] = strToU8(
          types.replace(
            "</Types>",
            '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
          ),
        );
      }
      const rels = strFromU8(files["_rels/.rels"]);
      if (!rels.includes("docProps/custom.xml")) {
        files["_rels/.rels"] = strToU8(
          rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdCustomProps" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
          ),
        );
      }
    }
    if (this.settings.size > 0) {
      files[SETTINGS_PART] = strToU8(JSON.stringify(Object.fromEntries(this.settings)));
    }
    return zipSync(files);
  }
}

/**
 * Where the simulator keeps Office.context.document.settings in a saved file. Excel keeps them in
 * xl/webextensions/ keyed by the add-in id; this part is the simulator's own (not OOXML), so Excel
 * would drop it — only the simulator reads it back.
 */
const SETTINGS_PART = "customXml/perf-eval-sim-settings.json";

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function isFormulaValue(value: ExcelJS.CellValue): value is ExcelJS.CellFormulaValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !(value instanceof Date) &&
    ("formula" in value || "sharedFormula" in value)
  );
}

function formulaOf(cell: ExcelJS.Cell, raw: ExcelJS.CellFormulaValue): string {
  let text: string | undefined;
  try {
    text = cell.formula || undefined;
  } catch {
    text = undefined;
  }
  const f = raw as { formula?: string; sharedFormula?: string };
  return (text ?? f.formula ?? f.sharedFormula ?? "").replace(/^=/, "");
}

/** The cached result; exceljs drops a 0 result from `value` but keeps it in the model. */
function resultOf(
  cell: ExcelJS.Cell,
  raw: ExcelJS.CellFormulaValue,
): ExcelJS.CellValue | undefined {
  const result = (raw as { result?: ExcelJS.CellValue }).result;
  if (result !== undefined) return result;
  return (cell.model as { result?: ExcelJS.CellValue }).result;
}

function storedOf(value: ExcelJS.CellValue | undefined): StoredValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / DAY_MS;
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as { error: unknown }).error) };
    if ("richText" in value) {
      return (value.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("");
    }
    if ("text" in value) {
      const text = (value as { text?: unknown }).text;
      return typeof text === "string" ? text : storedOf(text as ExcelJS.CellValue);
    }
  }
  return String(value);
}

function toScalar(value: ExcelJS.CellValue | undefined): CellScalar {
  const stored = storedOf(value);
  if (stored === null) return "";
  if (stored instanceof Date) return (stored.getTime() - EXCEL_EPOCH) / DAY_MS;
  if (typeof stored === "object") return stored.error;
  return stored;
}

function gridText(value: StoredValue, numFmt: string | undefined): string {
  return typeof value === "number" ? formatValue(value, numFmt) : displayText(value);
}

function textOf(value: CellScalar, stored: ExcelJS.CellValue, numFmt: string): string {
  if (stored instanceof Date) return stored.toISOString().slice(0, 10);
  if (typeof value === "number")
    return formatValue(value, numFmt === "General" ? undefined : numFmt);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

function toExcelResult(value: StoredValue): ExcelJS.CellValue {
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return { error: value.error } as ExcelJS.CellErrorValue;
  }
  return value as ExcelJS.CellValue;
}

/** Excel's reading of typed text: "=…" a formula, numbers and TRUE/FALSE as such, "'…" as text. */
function parseInput(text: string, textFormat: boolean): ExcelJS.CellValue {
  if (text === "") return null;
  if (textFormat) return text;
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith("=") && text.length > 1)
    return { formula: text.slice(1) } as ExcelJS.CellValue;
  const trimmed = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return Number(trimmed);
  const percent = /^([-+]?(\d+\.?\d*|\.\d+))%$/.exec(trimmed);
  if (percent) return Number(percent[1]) / 100;
  if (/^true$/i.test(trimmed)) return true;
  if (/^false$/i.test(trimmed)) return false;
  return text;
}

function hasFormatting(cell: ExcelJS.Cell): boolean {
  const style = cell.style as Record<string, unknown> | undefined;
  if (!style) return false;
  return Object.entries(style).some(([key, value]) => {
    if (value === undefined || value === null) return false;
    if (key === "numFmt") return value !== "General";
    if (key === "fill") {
      const fill = value as ExcelJS.Fill;
      return !(fill.type === "pattern" && fill.pattern === "none");
    }
    return typeof value !== "object" || Object.keys(value as object).length > 0;
  });
}

function copyCell(from: ExcelJS.Cell | undefined, to: ExcelJS.Cell): void {
  const internal = to as unknown as { _comment?: unknown };
  if (!from) {
    to.value = null;
    to.style = {};
    internal._comment = undefined;
    return;
  }
  const value = from.value;
  if (isFormulaValue(value)) {
    // Formula references are not adjusted (see README): the text moves as it is.
    to.value = {
      formula: formulaOf(from, value),
      result: resultOf(from, value),
    } as ExcelJS.CellValue;
  } else {
    to.value = from.type === ExcelJS.ValueType.Merge ? null : value;
  }
  to.style = { ...(from.style ?? {}) };
  internal._comment = (from as unknown as { _comment?: unknown })._comment;
}
