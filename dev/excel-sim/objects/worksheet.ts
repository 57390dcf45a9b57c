/**
 * Excel.Worksheet with its protection, freeze panes and page layout.
 */
import { MAX_COLS, MAX_ROWS, parseAddress, type Rect } from "../a1";
import { SimObject, type SimRequestContext } from "../client";
import { SimOfficeError, invalidArgument, itemNotFound } from "../errors";
import type { SheetModel } from "../model";
import { SimRange } from "./range";
import { SimEventSource, SimNoteCollection, assertStructureEditable } from "./workbook";

const VISIBILITY_TO_STATE: Record<string, "visible" | "hidden" | "veryHidden"> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};
const STATE_TO_VISIBILITY: Record<string, string> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

export class SimWorksheet extends SimObject {
  private bound: SheetModel | undefined;
  private resolvedOnce = false;
  readonly protection: SimWorksheetProtection;
  readonly freezePanes: SimFreezePanes;
  readonly pageLayout: SimPageLayout;
  private notesCollection: SimNoteCollection | undefined;
  private changed: SimEventSource | undefined;

  private constructor(
    context: SimRequestContext,
    private readonly resolver: () => SheetModel | undefined,
    private readonly nullable: boolean,
    private readonly missing: string,
  ) {
    super(context, "Worksheet");
    this.protection = new SimWorksheetProtection(context, this);
    this.freezePanes = new SimFreezePanes(context, this);
    this.pageLayout = new SimPageLayout(context, this);
  }

  static bound(context: SimRequestContext, sheet: SheetModel): SimWorksheet {
    const ws = new SimWorksheet(context, () => sheet, false, sheet.name);
    return ws;
  }

  static byKey(context: SimRequestContext, key: string, nullable: boolean): SimWorksheet {
    const ws = new SimWorksheet(context, () => context.sim.model.sheetByKey(key), nullable, key);
    if (nullable) ws.trackNull();
    return ws;
  }

  static active(context: SimRequestContext): SimWorksheet {
    const model = context.sim.model;
    return new SimWorksheet(context, () => model.sheetById(model.activeSheetId), false, "active");
  }

  static lazy(context: SimRequestContext, resolver: () => SheetModel | undefined): SimWorksheet {
    return new SimWorksheet(context, resolver, false, "worksheet");
  }

  /** @internal The sheet, resolved once (at the first sync that uses it) and then bound by id. */
  resolve(): SheetModel {
    if (!this.resolvedOnce) {
      this.bound = this.resolver();
      this.resolvedOnce = true;
    }
    if (!this.bound || !this.context.sim.model.sheetById(this.bound.id)) {
      if (this.nullable)
        throw new SimOfficeError("InvalidObjectPath", "The worksheet is a null object.");
      throw itemNotFound(`worksheet ${this.missing}`);
    }
    return this.bound;
  }

  protected override isNullNow(): boolean {
    if (!this.nullable) return false;
    if (!this.resolvedOnce) {
      this.bound = this.resolver();
      this.resolvedOnce = true;
    }
    return this.bound === undefined;
  }

  protected scalars(): Record<string, () => unknown> {
    const model = this.context.sim.model;
    return {
      name: () => this.resolve().name,
      id: () => this.resolve().id,
      position: () => model.sheets.indexOf(this.resolve()),
      visibility: () => STATE_TO_VISIBILITY[this.resolve().ws.state] ?? "Visible",
      tabColor: () => {
        const argb = (this.resolve().ws.properties.tabColor as { argb?: string } | undefined)?.argb;
        return argb ? `#${argb.slice(-6).toUpperCase()}` : "";
      },
      standardWidth: () => this.resolve().ws.properties.defaultColWidth ?? 8.43,
      standardHeight: () => this.resolve().ws.properties.defaultRowHeight ?? 15,
      showGridlines: () => this.resolve().ws.views?.[0]?.showGridLines !== false,
    };
  }

  protected override navigations(): Record<string, SimObject> {
    return {
      protection: this.protection,
      freezePanes: this.freezePanes,
      pageLayout: this.pageLayout,
    };
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.write("name", value, () => {
      const sheet = this.resolve();
      assertStructureEditable(this.context);
      const other = this.context.sim.model.sheetByKey(value);
      if (other && other !== sheet) {
        throw new SimOfficeError("ItemAlreadyExists", `A sheet named ${value} already exists.`);
      }
      if (value.length === 0 || value.length > 31 || /[\\/?*[\]:]/.test(value)) {
        throw invalidArgument(`worksheet name "${value}"`);
      }
      sheet.ws.name = value;
    });
  }

  get id(): string {
    return this.read("id");
  }

  get position(): number {
    return this.read("position");
  }

  set position(value: number) {
    this.write("position", value, () => {
      assertStructureEditable(this.context);
      this.context.sim.model.moveSheet(this.resolve(), value);
    });
  }

  get visibility(): string {
    return this.read("visibility");
  }

  /**
   * Excel refuses to hide the last visible sheet and to hide the active sheet while it is the only
   * visible one; hiding the active sheet activates the next visible one.
   */
  set visibility(value: string) {
    this.write("visibility", value, () => {
      const state = VISIBILITY_TO_STATE[value];
      if (!state) throw invalidArgument(`visibility "${value}"`);
      const model = this.context.sim.model;
      const sheet = this.resolve();
      if (STATE_TO_VISIBILITY[sheet.ws.state] !== value) assertStructureEditable(this.context);
      if (state !== "visible") {
        const othersVisible = model.sheets.some((s) => s !== sheet && s.ws.state === "visible");
        if (!othersVisible) {
          throw new SimOfficeError(
            "InvalidOperation",
            "A workbook must contain at least one visible worksheet.",
          );
        }
      }
      sheet.ws.state = state;
      if (state !== "visible" && model.activeSheetId === sheet.id) {
        model.activeSheetId = model.sheets.find((s) => s.ws.state === "visible")!.id;
      }
    });
  }

  get tabColor(): string {
    return this.read("tabColor");
  }

  get showGridlines(): boolean {
    return this.read("showGridlines");
  }

  set showGridlines(value: boolean) {
    this.write("showGridlines", value, () => {
      const ws = this.resolve().ws;
      const view = { ...(ws.views?.[0] ?? {}), showGridLines: value };
      ws.views = [view as (typeof ws.views)[number]];
    });
  }

  get notes(): SimNoteCollection {
    this.notesCollection ??= new SimNoteCollection(this.context, this);
    return this.notesCollection;
  }

  /** onChanged (ExcelApi 1.7). */
  get onChanged(): SimEventSource {
    this.changed ??= new SimEventSource(this.context, () => this.resolve().id, "1.7");
    return this.changed;
  }

  getRange(address?: string): SimRange {
    let rect: Rect;
    if (address === undefined || address === "") {
      rect = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS };
    } else {
      try {
        const parsed = parseAddress(address);
        rect = parsed.rect;
        if (parsed.sheet !== undefined) {
          // "Sheet1!A1" on another sheet: Excel fails the sync (the range must be on this sheet).
          const sheetName = parsed.sheet;
          return new SimRange(this.context, this, () => {
            if (this.resolve().name.toLowerCase() !== sheetName.toLowerCase()) {
              throw invalidArgument(`address ${address} is not on sheet ${this.resolve().name}`);
            }
            return rect;
          });
        }
      } catch (error) {
        if (error instanceof SimOfficeError) throw error;
        return new SimRange(this.context, this, () => {
          throw invalidArgument(`address "${address}"`);
        });
      }
    }
    return new SimRange(this.context, this, () => rect);
  }

  /** getRangeByIndexes (ExcelApi 1.7): zero-based start, counts ≥ 1. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): SimRange {
    return new SimRange(this.context, this, () => {
      this.context.requireApi("1.7", "getRangeByIndexes");
      const rect = {
        top: startRow + 1,
        left: startColumn + 1,
        bottom: startRow + rowCount,
        right: startColumn + columnCount,
      };
      if (
        !Number.isInteger(startRow) ||
        !Number.isInteger(startColumn) ||
        rowCount < 1 ||
        columnCount < 1 ||
        startRow < 0 ||
        startColumn < 0 ||
        rect.bottom > MAX_ROWS ||
        rect.right > MAX_COLS
      ) {
        throw invalidArgument(
          `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`,
        );
      }
      return rect;
    });
  }

  getCell(row: number, column: number): SimRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** getUsedRange: an empty sheet gives A1 (Excel's behaviour), never a failure. */
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.context, this, () => {
      return (
        this.context.sim.model.usedRect(this.resolve(), valuesOnly) ?? {
          top: 1,
          left: 1,
          bottom: 1,
          right: 1,
        }
      );
    });
  }

  /** getUsedRangeOrNullObject (ExcelApi 1.4): a null object for an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const range = new SimRange(
      this.context,
      this,
      () => {
        this.context.requireApi("1.4", "getUsedRangeOrNullObject");
        return this.context.sim.model.usedRect(this.resolve(), valuesOnly);
      },
      true,
    );
    return range;
  }

  activate(): void {
    this.queueAction("Worksheet.activate", 32, () => {
      const sheet = this.resolve();
      if (sheet.ws.state !== "visible") {
        throw new SimOfficeError("InvalidOperation", "A hidden worksheet cannot be activated.");
      }
      const model = this.context.sim.model;
      if (model.activeSheetId !== sheet.id) model.selection = undefined;
      model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.queueAction("Worksheet.delete", 32, () => {
      assertStructureEditable(this.context);
      const model = this.context.sim.model;
      const sheet = this.resolve();
      if (model.sheets.filter((s) => s !== sheet && s.ws.state === "visible").length === 0) {
        throw new SimOfficeError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
        );
      }
      model.removeSheet(sheet);
    });
  }
}

// ------------------------------------------------------------------ protection

/** Office.js option names ↔ exceljs sheetProtection keys (both say "allowed" when true). */
const OPTION_KEYS: Record<string, string> = {
  allowAutoFilter: "autoFilter",
  allowDeleteColumns: "deleteColumns",
  allowDeleteRows: "deleteRows",
  allowFormatCells: "formatCells",
  allowFormatColumns: "formatColumns",
  allowFormatRows: "formatRows",
  allowInsertColumns: "insertColumns",
  allowInsertHyperlinks: "insertHyperlinks",
  allowInsertRows: "insertRows",
  allowPivotTables: "pivotTables",
  allowSort: "sort",
};

export class SimWorksheetProtection extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(context, "WorksheetProtection");
  }

  protected scalars(): Record<string, () => unknown> {
    const model = this.context.sim.model;
    return {
      protected: () => model.isProtected(this.sheet.resolve()),
      options: () => optionsOf(model.protection(this.sheet.resolve())),
      /** ExcelApiOnline 1.1 only: desktop Excel cannot tell whether a password is set. */
      isPasswordProtected: () => {
        this.context.requireApi("1.1", "protection.isPasswordProtected", "ExcelApiOnline");
        return model.isPasswordProtected(this.sheet.resolve());
      },
    };
  }

  get protected(): boolean {
    return this.read("protected");
  }

  get options(): Record<string, unknown> {
    return this.read("options");
  }

  get isPasswordProtected(): boolean {
    return this.read("isPasswordProtected");
  }

  /** Fails on a sheet that is already protected (the documented behaviour). */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.queueAction("WorksheetProtection.protect", 128, () => {
      const model = this.context.sim.model;
      const sheet = this.sheet.resolve();
      if (model.isProtected(sheet)) {
        throw new SimOfficeError("InvalidOperation", "The worksheet is already protected.");
      }
      const protection: Record<string, unknown> = { sheet: true };
      for (const [office, key] of Object.entries(OPTION_KEYS)) {
        if (options?.[office] !== undefined) protection[key] = Boolean(options[office]);
      }
      if (options?.allowEditObjects === true) protection.objects = true;
      else protection.objects = false;
      if (options?.allowEditScenarios === true) protection.scenarios = true;
      else protection.scenarios = false;
      const mode = options?.selectionMode;
      if (mode === "Unlocked") protection.selectLockedCells = false;
      if (mode === "None") {
        protection.selectLockedCells = false;
        protection.selectUnlockedCells = false;
      }
      if (password) {
        protection.algorithmName = "SHA-512";
        protection.hashValue = "c2ltdWxhdGVkLXBhc3N3b3Jk";
        protection.saltValue = "c2FsdA==";
        protection.spinCount = 100000;
        model.passwords.set(sheet.id, password);
      }
      (sheet.ws as unknown as { sheetProtection: unknown }).sheetProtection = protection;
    });
  }

  /**
   * Without the right password a password-protected sheet stays protected and the sync fails with
   * InvalidArgument (the code Office.js documents for a wrong password in pauseProtection; what
   * desktop Excel does for unprotect is unverified — it must not silently succeed).
   */
  unprotect(password?: string): void {
    this.queueAction("WorksheetProtection.unprotect", 64, () => {
      const model = this.context.sim.model;
      const sheet = this.sheet.resolve();
      if (!model.isProtected(sheet)) return;
      if (model.isPasswordProtected(sheet)) {
        const known = model.passwords.get(sheet.id);
        if (
          password === undefined ||
          password === "" ||
          known === undefined ||
          known !== password
        ) {
          throw new SimOfficeError(
            "InvalidArgument",
            "The password you supplied is not correct. (WorksheetProtection.unprotect)",
          );
        }
      }
      (sheet.ws as unknown as { sheetProtection: unknown }).sheetProtection = null;
      model.passwords.delete(sheet.id);
    });
  }
}

function optionsOf(p: Record<string, unknown> | undefined): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [office, key] of Object.entries(OPTION_KEYS)) options[office] = p?.[key] === true;
  options.allowEditObjects = p ? p.objects !== false : false;
  options.allowEditScenarios = p ? p.scenarios !== false : false;
  options.selectionMode =
    p?.selectUnlockedCells === false
      ? "None"
      : p?.selectLockedCells === false
        ? "Unlocked"
        : "Normal";
  return options;
}

// ------------------------------------------------------------------ freeze panes (1.7)

export class SimFreezePanes extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(context, "WorksheetFreezePanes");
  }

  protected scalars(): Record<string, () => unknown> {
    return {};
  }

  private setFrozen(rows: number, cols: number): void {
    const ws = this.sheet.resolve().ws;
    const base = { ...(ws.views?.[0] ?? {}) } as Record<string, unknown>;
    if (rows === 0 && cols === 0) {
      ws.views = [
        {
          ...base,
          state: "normal",
          xSplit: undefined,
          ySplit: undefined,
        } as (typeof ws.views)[number],
      ];
    } else {
      ws.views = [
        { ...base, state: "frozen", xSplit: cols, ySplit: rows } as (typeof ws.views)[number],
      ];
    }
  }

  freezeRows(count = 1): void {
    this.queueAction("freezeRows", 16, () => {
      this.context.requireApi("1.7", "freezePanes");
      this.setFrozen(count, 0);
    });
  }

  freezeColumns(count = 1): void {
    this.queueAction("freezeColumns", 16, () => {
      this.context.requireApi("1.7", "freezePanes");
      this.setFrozen(0, count);
    });
  }

  freezeAt(frozenRange: SimRange | string): void {
    this.queueAction("freezeAt", 32, () => {
      this.context.requireApi("1.7", "freezePanes");
      const rect =
        typeof frozenRange === "string"
          ? parseAddress(frozenRange).rect
          : frozenRange.resolveNow().rect;
      this.setFrozen(rect.bottom, rect.right);
    });
  }

  unfreeze(): void {
    this.queueAction("unfreeze", 16, () => this.setFrozen(0, 0));
  }
}

// ------------------------------------------------------------------ page layout (1.9)

const PAPER: Record<string, number> = { Letter: 1, A3: 8, A4: 9, A5: 11, B4: 12, B5: 13, Legal: 5 };
const PAPER_NAME = Object.fromEntries(Object.entries(PAPER).map(([k, v]) => [v, k]));

export class SimPageLayout extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly sheet: SimWorksheet,
  ) {
    super(context, "PageLayout");
  }

  private setup(): Record<string, unknown> {
    this.context.requireApi("1.9", "pageLayout");
    return this.sheet.resolve().ws.pageSetup as unknown as Record<string, unknown>;
  }

  protected scalars(): Record<string, () => unknown> {
    const margin = (key: string) => () =>
      ((this.setup().margins as Record<string, number> | undefined)?.[key] ?? 0.75) * 72;
    return {
      orientation: () => (this.setup().orientation === "landscape" ? "Landscape" : "Portrait"),
      paperSize: () => PAPER_NAME[Number(this.setup().paperSize ?? 9)] ?? "A4",
      centerHorizontally: () => Boolean(this.setup().horizontalCentered),
      centerVertically: () => Boolean(this.setup().verticalCentered),
      printGridlines: () => Boolean(this.setup().showGridLines),
      zoom: () => {
        const s = this.setup();
        return s.fitToPage
          ? { horizontalFitToPages: s.fitToWidth ?? 1, verticalFitToPages: s.fitToHeight ?? 1 }
          : { scale: s.scale ?? 100 };
      },
      leftMargin: margin("left"),
      rightMargin: margin("right"),
      topMargin: margin("top"),
      bottomMargin: margin("bottom"),
    };
  }

  private writeSetup(
    name: string,
    value: unknown,
    apply: (s: Record<string, unknown>) => void,
  ): void {
    this.write(name, value, () => apply(this.setup()));
  }

  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(value: string) {
    this.writeSetup(
      "orientation",
      value,
      (s) => (s.orientation = value === "Landscape" ? "landscape" : "portrait"),
    );
  }

  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(value: string) {
    this.writeSetup("paperSize", value, (s) => {
      if (!(value in PAPER)) throw invalidArgument(`paperSize ${value}`);
      s.paperSize = PAPER[value];
    });
  }

  get centerHorizontally(): boolean {
    return this.read("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.writeSetup("centerHorizontally", value, (s) => (s.horizontalCentered = value));
  }

  get centerVertically(): boolean {
    return this.read("centerVertically");
  }
  set centerVertically(value: boolean) {
    this.writeSetup("centerVertically", value, (s) => (s.verticalCentered = value));
  }

  get printGridlines(): boolean {
    return this.read("printGridlines");
  }
  set printGridlines(value: boolean) {
    this.writeSetup("printGridlines", value, (s) => (s.showGridLines = value));
  }

  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this.read("zoom");
  }
  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.writeSetup("zoom", value, (s) => {
      if (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined) {
        s.fitToPage = true;
        s.fitToWidth = value.horizontalFitToPages ?? 0;
        s.fitToHeight = value.verticalFitToPages ?? 0;
      } else {
        s.fitToPage = false;
        s.scale = value.scale ?? 100;
      }
    });
  }

  private setMargin(key: string, points: number): void {
    this.writeSetup(`${key}Margin`, points, (s) => {
      s.margins = { ...((s.margins as object) ?? {}), [key]: points / 72 };
    });
  }
  get leftMargin(): number {
    return this.read("leftMargin");
  }
  set leftMargin(v: number) {
    this.setMargin("left", v);
  }
  get rightMargin(): number {
    return this.read("rightMargin");
  }
  set rightMargin(v: number) {
    this.setMargin("right", v);
  }
  get topMargin(): number {
    return this.read("topMargin");
  }
  set topMargin(v: number) {
    this.setMargin("top", v);
  }
  get bottomMargin(): number {
    return this.read("bottomMargin");
  }
  set bottomMargin(v: number) {
    this.setMargin("bottom", v);
  }

  setPrintArea(printArea: SimRange | string): void {
    this.queueAction("PageLayout.setPrintArea", 32, () => {
      const s = this.setup();
      s.printArea =
        typeof printArea === "string" ? printArea : printArea.resolveNow().address.split("!")[1];
    });
  }

  /** setPrintMargins(unit, options): "Points" or "Inches". */
  setPrintMargins(unit: string, options: Record<string, number>): void {
    this.queueAction("PageLayout.setPrintMargins", 64, () => {
      const s = this.setup();
      const toInches = (v: number) => (unit === "Inches" ? v : v / 72);
      const margins = { ...((s.margins as Record<string, number>) ?? {}) };
      for (const key of ["left", "right", "top", "bottom", "header", "footer"]) {
        if (typeof options[key] === "number") margins[key] = toInches(options[key]);
      }
      s.margins = margins;
    });
  }

  setPrintTitleRows(titleRows: SimRange | string): void {
    this.queueAction("PageLayout.setPrintTitleRows", 32, () => {
      const s = this.setup();
      const rect =
        typeof titleRows === "string" ? parseAddress(titleRows).rect : titleRows.resolveNow().rect;
      s.printTitlesRow = `${rect.top}:${rect.bottom}`;
    });
  }
}
