/// <reference types="et-jsapi-declare" />
/**
 * Et.Worksheet, the Sheets / Worksheets collection, PageSetup, Protection and Comments.
 */
import { MAX_COLS, MAX_ROWS, parseAddress, type Rect } from "../excel-sim/a1";
import type { SheetModel } from "../excel-sim/model";
import { ComError, ComObject, HRESULT } from "./com";
import { XL } from "./constants";
import { SimComment, SimRange } from "./range";
import type { WpsSimulator } from "./simulator";

const STATE_TO_VISIBLE: Record<string, number> = {
  visible: XL.xlSheetVisible,
  hidden: XL.xlSheetHidden,
  veryHidden: XL.xlSheetVeryHidden,
};

/** Workbook structure protection refuses adding, deleting, renaming, hiding and showing sheets. */
export function assertStructureEditable(sim: WpsSimulator): void {
  if (sim.model.structureProtected) {
    throw new ComError(
      "The workbook's structure is protected: sheets cannot be added, removed, renamed, hidden or shown.",
    );
  }
}

const WHOLE_SHEET: Rect = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };

export class SimWorksheet extends ComObject {
  constructor(
    readonly sim: WpsSimulator,
    readonly sheet: SheetModel,
  ) {
    super(sim, "Worksheet");
  }

  /** @internal The sheet, or a COM error once it has been deleted. */
  live(): SheetModel {
    if (!this.sim.model.sheets.includes(this.sheet)) {
      throw new ComError("The object has been deleted (worksheet)");
    }
    return this.sheet;
  }

  private range(rect: Rect, mode: "cells" | "rows" | "columns" = "cells"): SimRange {
    return new SimRange(this.sim, this.live(), rect, mode);
  }

  get Name(): string {
    return this.live().name;
  }

  set Name(value: string) {
    const sheet = this.live();
    assertStructureEditable(this.sim);
    const name = String(value);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
      throw new ComError("Invalid sheet name", HRESULT.appDefined);
    }
    const other = this.sim.model.sheetByKey(name);
    if (other && other !== sheet) throw new ComError("A sheet with that name already exists");
    sheet.ws.name = name;
    this.sim.notify();
  }

  /** 1-based position among all sheets (hidden ones included). */
  get Index(): number {
    return this.sim.model.sheets.indexOf(this.live()) + 1;
  }

  get Type(): number {
    return XL.xlWorksheet;
  }

  /** xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2 (true/false accepted on write). */
  get Visible(): number {
    return STATE_TO_VISIBLE[this.live().ws.state] ?? XL.xlSheetVisible;
  }

  set Visible(value: number) {
    const sheet = this.live();
    const model = this.sim.model;
    const v =
      value === (true as unknown)
        ? XL.xlSheetVisible
        : value === (false as unknown)
          ? XL.xlSheetHidden
          : Number(value);
    const state =
      v === XL.xlSheetVisible
        ? "visible"
        : v === XL.xlSheetHidden
          ? "hidden"
          : v === XL.xlSheetVeryHidden
            ? "veryHidden"
            : undefined;
    if (!state) throw new ComError("Invalid Visible value", HRESULT.invalidArg);
    if (sheet.ws.state === state) return;
    assertStructureEditable(this.sim);
    if (state !== "visible" && !model.sheets.some((s) => s !== sheet && s.ws.state === "visible")) {
      throw new ComError("A workbook must contain at least one visible worksheet.");
    }
    sheet.ws.state = state;
    if (state !== "visible" && model.activeSheetId === sheet.id) {
      model.activeSheetId = model.sheets.find((s) => s.ws.state === "visible")!.id;
    }
    this.sim.notify();
  }

  /** The used range, formatted cells included; $A$1 on an empty sheet. */
  get UsedRange(): SimRange {
    const rect = this.sim.model.usedRect(this.live(), false);
    return this.range(rect ?? { top: 1, left: 1, bottom: 1, right: 1 });
  }

  /** Range("A1:B3"), Range("A1", "B3") or Range(cell1, cell2) with Range objects. */
  Range(cell1: unknown, cell2?: unknown): SimRange {
    const rectOf = (arg: unknown): Rect => {
      if (typeof arg === "string") {
        const parsed = parseAddress(arg);
        if (
          parsed.sheet !== undefined &&
          parsed.sheet.toLowerCase() !== this.sheet.name.toLowerCase()
        ) {
          throw new ComError("Method 'Range' of object '_Worksheet' failed");
        }
        return parsed.rect;
      }
      if (arg instanceof SimRange) return arg.rect;
      throw new ComError("Method 'Range' of object '_Worksheet' failed", HRESULT.invalidArg);
    };
    let a: Rect;
    try {
      a = rectOf(cell1);
    } catch (error) {
      if (error instanceof ComError) throw error;
      throw new ComError("Method 'Range' of object '_Worksheet' failed", HRESULT.invalidArg);
    }
    const b = cell2 === undefined ? a : rectOf(cell2);
    return this.range({
      top: Math.min(a.top, b.top),
      left: Math.min(a.left, b.left),
      bottom: Math.max(a.bottom, b.bottom),
      right: Math.max(a.right, b.right),
    });
  }

  get Cells(): SimRange {
    return this.range(WHOLE_SHEET);
  }

  get Rows(): SimRange {
    return this.range(WHOLE_SHEET, "rows");
  }

  get Columns(): SimRange {
    return this.range(WHOLE_SHEET, "columns");
  }

  get StandardWidth(): number {
    return this.live().ws.properties.defaultColWidth ?? 8.38;
  }

  get StandardHeight(): number {
    return this.live().ws.properties.defaultRowHeight ?? 13.5;
  }

  /** Activate(): a hidden sheet cannot be activated. */
  Activate(): void {
    const sheet = this.live();
    if (sheet.ws.state !== "visible")
      throw new ComError("Activate method of Worksheet class failed");
    const model = this.sim.model;
    model.activeSheetId = sheet.id;
    if (model.selection?.sheetId !== sheet.id) {
      model.selection = { sheetId: sheet.id, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    }
    this.sim.notify();
  }

  Select(_replace?: unknown): void {
    this.Activate();
  }

  Delete(): void {
    const sheet = this.live();
    const model = this.sim.model;
    assertStructureEditable(this.sim);
    if (!model.sheets.some((s) => s !== sheet && s.ws.state === "visible")) {
      throw new ComError("A workbook must contain at least one visible worksheet.");
    }
    model.removeSheet(sheet);
    this.sim.notify();
  }

  // ---------------------------------------------------------------- protection

  private sheetProtection(): Record<string, unknown> | undefined {
    return this.sim.model.protection(this.live());
  }

  get ProtectContents(): boolean {
    return this.sheetProtection() !== undefined;
  }

  get ProtectDrawingObjects(): boolean {
    const p = this.sheetProtection();
    return p !== undefined && p.objects !== true;
  }

  get ProtectScenarios(): boolean {
    const p = this.sheetProtection();
    return p !== undefined && p.scenarios !== true;
  }

  get Protection(): SimProtection {
    return new SimProtection(this.sim, this.live());
  }

  /**
   * Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells,
   * AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows,
   * AllowInsertingHyperlinks, AllowDeletingColumns, AllowDeletingRows, AllowSorting,
   * AllowFiltering, AllowUsingPivotTables). On a sheet protected with another password COM fails.
   */
  Protect(
    password?: unknown,
    drawingObjects?: unknown,
    contents?: unknown,
    scenarios?: unknown,
    userInterfaceOnly?: unknown,
    ...allow: unknown[]
  ): void {
    const sheet = this.live();
    const model = this.sim.model;
    const pw = typeof password === "string" && password !== "" ? password : undefined;
    if (model.isPasswordProtected(sheet) && model.passwords.get(sheet.id) !== pw) {
      throw new ComError("The password you supplied is not correct.");
    }
    if (contents === false) return;
    const keys = [
      "formatCells",
      "formatColumns",
      "formatRows",
      "insertColumns",
      "insertRows",
      "insertHyperlinks",
      "deleteColumns",
      "deleteRows",
      "sort",
      "autoFilter",
      "pivotTables",
    ];
    const protection: Record<string, unknown> = {
      sheet: true,
      objects: drawingObjects === false,
      scenarios: scenarios === false,
    };
    keys.forEach((key, i) => (protection[key] = allow[i] === true));
    if (pw) {
      Object.assign(protection, {
        algorithmName: "SHA-512",
        hashValue: "c2ltdWxhdGVkLXBhc3N3b3Jk",
        saltValue: "c2FsdA==",
        spinCount: 100000,
      });
      model.passwords.set(sheet.id, pw);
    }
    (sheet.ws as unknown as { sheetProtection: unknown }).sheetProtection = protection;
    if (userInterfaceOnly === true) this.sim.userInterfaceOnly.add(sheet.id);
    else this.sim.userInterfaceOnly.delete(sheet.id);
    this.sim.notify();
  }

  /** Unprotect(Password): a password-protected sheet needs the right password, else COM throws. */
  Unprotect(password?: unknown): void {
    const sheet = this.live();
    const model = this.sim.model;
    if (!model.isProtected(sheet)) return;
    if (model.isPasswordProtected(sheet)) {
      const known = model.passwords.get(sheet.id);
      if (
        typeof password !== "string" ||
        password === "" ||
        known === undefined ||
        known !== password
      ) {
        throw new ComError(
          "The password you supplied is not correct. Verify that the CAPS LOCK key is off and be sure to use the correct capitalization.",
        );
      }
    }
    (sheet.ws as unknown as { sheetProtection: unknown }).sheetProtection = null;
    model.passwords.delete(sheet.id);
    this.sim.userInterfaceOnly.delete(sheet.id);
    this.sim.notify();
  }

  get PageSetup(): SimPageSetup {
    return new SimPageSetup(this.sim, this.live());
  }

  get Comments(): SimComments {
    return new SimComments(this.sim, this.live());
  }

  get Parent(): unknown {
    return this.sim.root.activeWorkbook();
  }
}

// ------------------------------------------------------------------ Sheets / Worksheets

export class SimSheets extends ComObject {
  constructor(private readonly sim: WpsSimulator) {
    super(sim, "Sheets");
  }

  get Count(): number {
    return this.sim.model.sheets.length;
  }

  /** Item(index) 1-based, or Item(name) (case-insensitive); COM's "subscript out of range" else. */
  Item(index: unknown): SimWorksheet {
    const sheets = this.sim.model.sheets;
    let sheet: SheetModel | undefined;
    if (typeof index === "number") sheet = sheets[index - 1];
    else if (typeof index === "string") sheet = this.sim.model.sheetByKey(index);
    if (!sheet || (typeof index === "string" && sheet.id === index)) {
      throw new ComError(`Subscript out of range (${String(index)})`, HRESULT.badIndex);
    }
    return new SimWorksheet(this.sim, sheet);
  }

  /**
   * Add(Before, After, Count, Type): new sheets named SheetN, before the active sheet unless
   * Before/After says otherwise; the (last) new sheet becomes active and is returned.
   */
  Add(before?: unknown, after?: unknown, count?: unknown, type?: unknown): SimWorksheet {
    assertStructureEditable(this.sim);
    if (type !== undefined && Number(type) !== XL.xlWorksheet) {
      throw new ComError("Only worksheets are modelled", HRESULT.invalidArg);
    }
    const model = this.sim.model;
    const anchor = (arg: unknown) => (arg instanceof SimWorksheet ? arg.live() : undefined);
    const n = count === undefined ? 1 : Number(count);
    let added: SheetModel | undefined;
    for (let i = 0; i < n; i++) {
      let k = model.sheets.length + 1;
      while (model.sheetByKey(`Sheet${k}`)) k++;
      const sheet = model.addSheet(`Sheet${k}`);
      const b = anchor(before);
      const a = anchor(after);
      const active = model.sheetById(model.activeSheetId);
      let position: number;
      if (b) position = model.sheets.indexOf(b);
      else if (a) position = model.sheets.indexOf(a) + 1 + i;
      else position = active ? model.sheets.indexOf(active) : 0;
      model.moveSheet(sheet, position);
      added = sheet;
    }
    if (!added) throw new ComError("Count must be at least 1", HRESULT.invalidArg);
    model.activeSheetId = added.id;
    model.selection = { sheetId: added.id, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    this.sim.notify();
    return new SimWorksheet(this.sim, added);
  }
}

// ------------------------------------------------------------------ Protection

const PROTECTION_KEYS: Record<string, string> = {
  AllowFormattingCells: "formatCells",
  AllowFormattingColumns: "formatColumns",
  AllowFormattingRows: "formatRows",
  AllowInsertingColumns: "insertColumns",
  AllowInsertingRows: "insertRows",
  AllowInsertingHyperlinks: "insertHyperlinks",
  AllowDeletingColumns: "deleteColumns",
  AllowDeletingRows: "deleteRows",
  AllowSorting: "sort",
  AllowFiltering: "autoFilter",
  AllowUsingPivotTables: "pivotTables",
};

export class SimProtection extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly sheet: SheetModel,
  ) {
    super(sim, "Protection");
  }

  private flag(name: string): boolean {
    return this.sim.model.protection(this.sheet)?.[PROTECTION_KEYS[name]] === true;
  }

  get AllowFormattingCells(): boolean {
    return this.flag("AllowFormattingCells");
  }
  get AllowFormattingColumns(): boolean {
    return this.flag("AllowFormattingColumns");
  }
  get AllowFormattingRows(): boolean {
    return this.flag("AllowFormattingRows");
  }
  get AllowInsertingColumns(): boolean {
    return this.flag("AllowInsertingColumns");
  }
  get AllowInsertingRows(): boolean {
    return this.flag("AllowInsertingRows");
  }
  get AllowInsertingHyperlinks(): boolean {
    return this.flag("AllowInsertingHyperlinks");
  }
  get AllowDeletingColumns(): boolean {
    return this.flag("AllowDeletingColumns");
  }
  get AllowDeletingRows(): boolean {
    return this.flag("AllowDeletingRows");
  }
  get AllowSorting(): boolean {
    return this.flag("AllowSorting");
  }
  get AllowFiltering(): boolean {
    return this.flag("AllowFiltering");
  }
  get AllowUsingPivotTables(): boolean {
    return this.flag("AllowUsingPivotTables");
  }
}

// ------------------------------------------------------------------ PageSetup

type Setup = Record<string, unknown>;

/** PageSetup over exceljs' pageSetup (margins: COM points ↔ exceljs inches). */
export class SimPageSetup extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly sheet: SheetModel,
  ) {
    super(sim, "PageSetup");
  }

  private setup(): Setup {
    return this.sheet.ws.pageSetup as unknown as Setup;
  }

  private edit(change: (s: Setup) => void): void {
    const range = new SimRange(this.sim, this.sheet, { top: 1, left: 1, bottom: 1, right: 1 });
    range.guardStructure();
    change(this.setup());
  }

  get PaperSize(): number {
    return Number(this.setup().paperSize ?? XL.xlPaperA4);
  }
  set PaperSize(value: number) {
    this.edit((s) => (s.paperSize = Number(value)));
  }

  get Orientation(): number {
    return this.setup().orientation === "landscape" ? XL.xlLandscape : XL.xlPortrait;
  }
  set Orientation(value: number) {
    if (value !== XL.xlLandscape && value !== XL.xlPortrait)
      throw new ComError("Invalid Orientation", HRESULT.invalidArg);
    this.edit((s) => (s.orientation = value === XL.xlLandscape ? "landscape" : "portrait"));
  }

  /** A percentage, or false when the page is fitted to FitToPagesWide × FitToPagesTall. */
  get Zoom(): number | boolean {
    const s = this.setup();
    return s.fitToPage ? false : Number(s.scale ?? 100);
  }
  set Zoom(value: number | boolean) {
    this.edit((s) => {
      if (value === false) {
        s.fitToPage = true;
      } else {
        const scale = Number(value);
        if (!(scale >= 10 && scale <= 400))
          throw new ComError("Zoom must be 10–400", HRESULT.invalidArg);
        s.fitToPage = false;
        s.scale = scale;
      }
    });
  }

  get FitToPagesWide(): number | boolean {
    const v = this.setup().fitToWidth;
    return v === 0 ? false : Number(v ?? 1);
  }
  set FitToPagesWide(value: number | boolean) {
    this.edit((s) => (s.fitToWidth = value === false ? 0 : Number(value)));
  }

  get FitToPagesTall(): number | boolean {
    const v = this.setup().fitToHeight;
    return v === 0 ? false : Number(v ?? 1);
  }
  set FitToPagesTall(value: number | boolean) {
    this.edit((s) => (s.fitToHeight = value === false ? 0 : Number(value)));
  }

  /** "$1:$3" ("" when none). */
  get PrintTitleRows(): string {
    const rows = this.setup().printTitlesRow;
    if (typeof rows !== "string" || rows === "") return "";
    return rows
      .split(":")
      .map((r) => `$${r.replace(/\$/g, "")}`)
      .join(":");
  }
  set PrintTitleRows(value: string) {
    this.edit((s) => {
      const text = String(value ?? "").replace(/\$/g, "");
      if (text === "") {
        delete s.printTitlesRow;
        return;
      }
      const m = /^(\d+)(?::(\d+))?$/.exec(text) ?? /^[A-Z]+(\d+)(?::[A-Z]+(\d+))?$/i.exec(text);
      if (!m) throw new ComError("Invalid PrintTitleRows", HRESULT.invalidArg);
      s.printTitlesRow = `${m[1]}:${m[2] ?? m[1]}`;
    });
  }

  get PrintArea(): string {
    return String(this.setup().printArea ?? "");
  }
  set PrintArea(value: string) {
    this.edit((s) => (s.printArea = String(value).replace(/\$/g, "")));
  }

  get CenterHorizontally(): boolean {
    return Boolean(this.setup().horizontalCentered);
  }
  set CenterHorizontally(value: boolean) {
    this.edit((s) => (s.horizontalCentered = Boolean(value)));
  }

  get CenterVertically(): boolean {
    return Boolean(this.setup().verticalCentered);
  }
  set CenterVertically(value: boolean) {
    this.edit((s) => (s.verticalCentered = Boolean(value)));
  }

  private margin(key: string): number {
    const margins = (this.setup().margins ?? {}) as Record<string, number>;
    const inches =
      margins[key] ??
      (key === "left" || key === "right" ? 0.7 : key === "top" || key === "bottom" ? 0.75 : 0.3);
    return Math.round(inches * 72 * 100) / 100;
  }

  private setMargin(key: string, points: number): void {
    this.edit((s) => {
      s.margins = {
        left: 0.7,
        right: 0.7,
        top: 0.75,
        bottom: 0.75,
        header: 0.3,
        footer: 0.3,
        ...((s.margins as object) ?? {}),
        [key]: Number(points) / 72,
      };
    });
  }

  get LeftMargin(): number {
    return this.margin("left");
  }
  set LeftMargin(v: number) {
    this.setMargin("left", v);
  }
  get RightMargin(): number {
    return this.margin("right");
  }
  set RightMargin(v: number) {
    this.setMargin("right", v);
  }
  get TopMargin(): number {
    return this.margin("top");
  }
  set TopMargin(v: number) {
    this.setMargin("top", v);
  }
  get BottomMargin(): number {
    return this.margin("bottom");
  }
  set BottomMargin(v: number) {
    this.setMargin("bottom", v);
  }
}

// ------------------------------------------------------------------ Comments

/** A sheet's comments in row-major order. */
export class SimComments extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly sheet: SheetModel,
  ) {
    super(sim, "Comments");
  }

  private cells(): Array<{ row: number; col: number }> {
    return this.sim.model
      .allNotes()
      .filter((n) => n.sheet === this.sheet)
      .map(({ row, col }) => ({ row, col }));
  }

  get Count(): number {
    return this.cells().length;
  }

  Item(index: number): SimComment {
    const at = this.cells()[Number(index) - 1];
    if (!at) throw new ComError("Subscript out of range", HRESULT.badIndex);
    return new SimComment(this.sim, this.sheet, at.row, at.col);
  }
}
