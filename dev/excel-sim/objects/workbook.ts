/**
 * Excel.Workbook and its collections: worksheets, notes (ExcelApi 1.18), custom properties (1.12).
 */
import { parseAddress, sheetAddress } from "../a1";
import { SimCollection, SimObject, type SimRequestContext } from "../client";
import { SimOfficeError, invalidArgument, itemNotFound } from "../errors";
import type { SheetModel } from "../model";
import { SimRange } from "./range";
import { SimWorksheet } from "./worksheet";

export class SimWorkbook extends SimObject {
  readonly worksheets: SimWorksheetCollection;
  readonly properties: SimDocumentProperties;
  readonly protection: SimWorkbookProtection;
  private notesCollection: SimNoteCollection | undefined;

  constructor(context: SimRequestContext) {
    super(context, "Workbook");
    this.worksheets = new SimWorksheetCollection(context);
    this.properties = new SimDocumentProperties(context);
    this.protection = new SimWorkbookProtection(context);
  }

  protected scalars(): Record<string, () => unknown> {
    return { name: () => "Book1.xlsx" };
  }

  protected override navigations(): Record<string, SimObject> {
    return {
      worksheets: this.worksheets,
      properties: this.properties,
      protection: this.protection,
    };
  }

  get name(): string {
    return this.read("name");
  }

  /**
   * Notes need ExcelApi 1.18. The property exists in every office.js (the library is always the
   * newest); an Excel without the set rejects the sync that uses it with ApiNotFound.
   */
  get notes(): SimNoteCollection {
    this.notesCollection ??= new SimNoteCollection(this.context, undefined);
    return this.notesCollection;
  }

  getSelectedRange(): SimRange {
    const sim = this.context.sim;
    return new SimRange(this.context, SimWorksheet.active(this.context), () => {
      const sel = sim.model.selection;
      if (sel && sel.sheetId === sim.model.activeSheetId) return sel.rect;
      return { top: 1, left: 1, bottom: 1, right: 1 };
    });
  }

  getActiveCell(): SimRange {
    const sim = this.context.sim;
    return new SimRange(this.context, SimWorksheet.active(this.context), () => {
      const sel = sim.model.selection;
      if (sel && sel.sheetId === sim.model.activeSheetId) {
        return {
          top: sel.rect.top,
          left: sel.rect.left,
          bottom: sel.rect.top,
          right: sel.rect.left,
        };
      }
      return { top: 1, left: 1, bottom: 1, right: 1 };
    });
  }
}

const INVALID_SHEET_NAME = /[\\/?*[\]:]/;

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  private readonly changed = new SimEventSource(this.context, "*", "1.7");

  constructor(context: SimRequestContext) {
    super(context, "WorksheetCollection");
  }

  protected itemsNow(): SimWorksheet[] {
    return this.context.sim.model.sheets.map((s) => SimWorksheet.bound(this.context, s));
  }

  getItem(key: string): SimWorksheet {
    return SimWorksheet.byKey(this.context, key, false);
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return SimWorksheet.byKey(this.context, key, true);
  }

  getActiveWorksheet(): SimWorksheet {
    return SimWorksheet.active(this.context);
  }

  getFirst(visibleOnly = false): SimWorksheet {
    return SimWorksheet.lazy(this.context, () => {
      const sheets = this.context.sim.model.sheets;
      return visibleOnly ? sheets.find((s) => s.ws.state === "visible") : sheets[0];
    });
  }

  /** Adds a sheet at the end (Excel's documented behaviour); a name in use fails the sync. */
  add(name?: string): SimWorksheet {
    let created: SheetModel | undefined;
    this.queueAction("WorksheetCollection.add", 64, () => {
      const model = this.context.sim.model;
      assertStructureEditable(this.context);
      let sheetName = name;
      if (sheetName === undefined || sheetName === "") {
        let n = model.sheets.length + 1;
        while (model.sheetByKey(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      if (sheetName.length > 31 || INVALID_SHEET_NAME.test(sheetName) || /^'|'$/.test(sheetName)) {
        throw invalidArgument(`worksheet name "${sheetName}"`);
      }
      if (model.sheetByKey(sheetName)) {
        throw new SimOfficeError(
          "ItemAlreadyExists",
          `A resource with the same name or identifier already exists. (${sheetName})`,
        );
      }
      created = model.addSheet(sheetName);
    });
    return SimWorksheet.lazy(this.context, () => created);
  }

  get onChanged(): SimEventSource {
    return this.changed;
  }
}

/** `onChanged`-style event: add(handler) and the result's remove() are queued until sync. */
export class SimEventSource {
  constructor(
    private readonly context: SimRequestContext,
    private readonly key: string | (() => string),
    private readonly version: string,
  ) {}

  add(handler: (args: unknown) => unknown): { remove(): void; context: SimRequestContext } {
    const context = this.context;
    const sim = context.sim;
    let keyNow = "";
    context.enqueue({
      label: "onChanged.add",
      requestBytes: 32,
      run: () => {
        context.requireApi(this.version, "onChanged");
        keyNow = typeof this.key === "string" ? this.key : this.key();
        const set = sim.handlers.get(keyNow) ?? new Set();
        set.add(handler);
        sim.handlers.set(keyNow, set);
      },
    });
    return {
      context,
      remove: () => {
        // The handler's own context: removing from a later batch is what Excel forbids, so the
        // removal is applied directly at the next sync of any context (a simplification).
        sim.handlers.get(keyNow)?.delete(handler);
      },
    };
  }
}

// ------------------------------------------------------------------ notes (ExcelApi 1.18)

export class SimNoteCollection extends SimCollection<SimNote> {
  constructor(
    context: SimRequestContext,
    /** Restricts to one sheet (worksheet.notes); undefined for workbook.notes. */
    private readonly sheet: SimWorksheet | undefined,
  ) {
    super(context, "NoteCollection");
  }

  protected itemsNow(): SimNote[] {
    this.context.requireApi("1.18", "notes");
    const sheetModel = this.sheet?.resolve();
    return this.context.sim.model
      .allNotes()
      .filter((n) => !sheetModel || n.sheet === sheetModel)
      .map((n) => SimNote.at(this.context, n.sheet, n.row, n.col, false));
  }

  override load(option?: unknown): this {
    return super.load(option);
  }

  private locate(key: string | SimRange): { sheet: SheetModel; row: number; col: number } {
    const model = this.context.sim.model;
    if (key instanceof SimRange) {
      const { sheet, rect } = key.resolveNow();
      if (rect.top !== rect.bottom || rect.left !== rect.right) {
        throw invalidArgument("a note belongs to one cell");
      }
      return { sheet, row: rect.top, col: rect.left };
    }
    let parsed;
    try {
      parsed = parseAddress(key);
    } catch {
      throw invalidArgument(`note address "${key}"`);
    }
    const sheet = parsed.sheet
      ? model.sheetByKey(parsed.sheet)
      : (this.sheet?.resolve() ?? model.sheetById(model.activeSheetId));
    if (!sheet) throw itemNotFound(`sheet of "${key}"`);
    const { rect } = parsed;
    if (rect.top !== rect.bottom || rect.left !== rect.right) {
      throw invalidArgument(`a note belongs to one cell ("${key}")`);
    }
    return { sheet, row: rect.top, col: rect.left };
  }

  /** Adds a note to one cell; a cell that already has one fails (Excel: one note per cell). */
  add(cellAddress: string | SimRange, content: unknown): SimNote {
    let where: { sheet: SheetModel; row: number; col: number } | undefined;
    this.queueAction("NoteCollection.add", 64 + String(content).length * 2, () => {
      this.context.requireApi("1.18", "notes.add");
      where = this.locate(cellAddress);
      const model = this.context.sim.model;
      if (model.noteOf(where.sheet, where.row, where.col) !== null) {
        throw new SimOfficeError(
          "InvalidArgument",
          `The cell already has a note. (${sheetAddress(where.sheet.name, { top: where.row, left: where.col, bottom: where.row, right: where.col })})`,
        );
      }
      if (model.isProtected(where.sheet) && model.protection(where.sheet)?.objects !== false) {
        // Notes are objects: a protected sheet refuses them unless "edit objects" is allowed.
        throw new SimOfficeError("AccessDenied", `Cannot add a note on a protected sheet.`);
      }
      model.setNote(where.sheet, where.row, where.col, String(content));
    });
    return SimNote.lazy(this.context, () => where);
  }

  getItem(key: string): SimNote {
    return SimNote.lazy(
      this.context,
      () => {
        this.context.requireApi("1.18", "notes.getItem");
        const where = this.locate(key);
        if (this.context.sim.model.noteOf(where.sheet, where.row, where.col) === null) {
          throw itemNotFound(`note ${key}`);
        }
        return where;
      },
      false,
    );
  }

  getItemOrNullObject(key: string): SimNote {
    return SimNote.lazy(
      this.context,
      () => {
        this.context.requireApi("1.18", "notes.getItemOrNullObject");
        const where = this.locate(key);
        return this.context.sim.model.noteOf(where.sheet, where.row, where.col) === null
          ? undefined
          : where;
      },
      true,
    );
  }

  getItemAt(index: number): SimNote {
    return SimNote.lazy(
      this.context,
      () => {
        const all = this.itemsNow();
        const note = all[index];
        if (!note) throw itemNotFound(`note #${index}`);
        return note.where();
      },
      false,
    );
  }
}

type NoteWhere = { sheet: SheetModel; row: number; col: number };

export class SimNote extends SimObject {
  private resolved: NoteWhere | undefined;
  private resolvedOnce = false;

  private constructor(
    context: SimRequestContext,
    private readonly resolver: () => NoteWhere | undefined,
    private readonly nullable: boolean,
  ) {
    super(context, "Note");
  }

  static at(
    context: SimRequestContext,
    sheet: SheetModel,
    row: number,
    col: number,
    nullable: boolean,
  ) {
    return new SimNote(context, () => ({ sheet, row, col }), nullable);
  }

  static lazy(context: SimRequestContext, resolver: () => NoteWhere | undefined, nullable = false) {
    const note = new SimNote(context, resolver, nullable);
    if (nullable) note.trackNull();
    return note;
  }

  /** @internal */
  where(): NoteWhere {
    if (!this.resolvedOnce) {
      this.resolved = this.resolver();
      this.resolvedOnce = true;
    }
    if (!this.resolved) {
      if (this.nullable)
        throw new SimOfficeError("InvalidObjectPath", "The note is a null object.");
      throw itemNotFound("note");
    }
    return this.resolved;
  }

  protected override isNullNow(): boolean {
    if (!this.nullable) return false;
    if (!this.resolvedOnce) {
      this.resolved = this.resolver();
      this.resolvedOnce = true;
    }
    return this.resolved === undefined;
  }

  protected scalars(): Record<string, () => unknown> {
    const model = this.context.sim.model;
    return {
      content: () => {
        const w = this.where();
        return model.noteOf(w.sheet, w.row, w.col) ?? "";
      },
      authorName: () => "",
      // On Excel on the web these are not supported (hosts.md); the simulator reads them anyway.
      visible: () => false,
      height: () => 59.25,
      width: () => 96,
    };
  }

  get content(): string {
    return this.read("content");
  }

  set content(value: string) {
    this.write("content", value, () => {
      this.context.requireApi("1.18", "note.content");
      const w = this.where();
      this.context.sim.model.setNote(w.sheet, w.row, w.col, String(value));
    });
  }

  get authorName(): string {
    return this.read("authorName");
  }

  delete(): void {
    this.queueAction("Note.delete", 32, () => {
      this.context.requireApi("1.18", "note.delete");
      const w = this.where();
      this.context.sim.model.setNote(w.sheet, w.row, w.col, null);
    });
  }

  getLocation(): SimRange {
    const sheet = SimWorksheet.lazy(this.context, () => this.where().sheet);
    return new SimRange(this.context, sheet, () => {
      const w = this.where();
      return { top: w.row, left: w.col, bottom: w.row, right: w.col };
    });
  }
}

// ------------------------------------------------------------------ custom properties (1.12)

export class SimDocumentProperties extends SimObject {
  readonly custom: SimCustomPropertyCollection;

  constructor(context: SimRequestContext) {
    super(context, "DocumentProperties");
    this.custom = new SimCustomPropertyCollection(context);
  }

  protected scalars(): Record<string, () => unknown> {
    const wb = this.context.sim.model.wb;
    return {
      title: () => wb.title ?? "",
      author: () => wb.creator ?? "",
    };
  }

  protected override navigations(): Record<string, SimObject> {
    return { custom: this.custom };
  }
}

/** Excel cuts custom property strings at 255 characters (hosts.md). */
const CUSTOM_PROPERTY_MAX = 255;

export class SimCustomPropertyCollection extends SimCollection<SimCustomProperty> {
  constructor(context: SimRequestContext) {
    super(context, "CustomPropertyCollection");
  }

  protected itemsNow(): SimCustomProperty[] {
    this.context.requireApi("1.7", "properties.custom");
    return [...this.context.sim.model.customProperties.keys()].map(
      (key) => new SimCustomProperty(this.context, key, false),
    );
  }

  add(key: string, value: unknown): SimCustomProperty {
    this.queueAction(
      "CustomPropertyCollection.add",
      32 + JSON.stringify(value ?? null).length,
      () => {
        this.context.requireApi("1.7", "properties.custom.add");
        if (key.length === 0 || key.length > 255) throw invalidArgument("custom property key");
        const stored =
          typeof value === "string"
            ? value.slice(0, CUSTOM_PROPERTY_MAX)
            : typeof value === "number" || typeof value === "boolean"
              ? value
              : String(value).slice(0, CUSTOM_PROPERTY_MAX);
        this.context.sim.model.customProperties.set(key, stored);
      },
    );
    return new SimCustomProperty(this.context, key, false);
  }

  getItem(key: string): SimCustomProperty {
    return new SimCustomProperty(this.context, key, false);
  }

  getItemOrNullObject(key: string): SimCustomProperty {
    const property = new SimCustomProperty(this.context, key, true);
    return property;
  }

  deleteAll(): void {
    this.queueAction("CustomPropertyCollection.deleteAll", 16, () =>
      this.context.sim.model.customProperties.clear(),
    );
  }
}

export class SimCustomProperty extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly propertyKey: string,
    private readonly nullable: boolean,
  ) {
    super(context, "CustomProperty");
    if (nullable) this.trackNull();
  }

  private stored(): string | number | boolean {
    this.context.requireApi("1.7", "properties.custom");
    const props = this.context.sim.model.customProperties;
    const match = [...props.keys()].find((k) => k.toLowerCase() === this.propertyKey.toLowerCase());
    if (match === undefined) throw itemNotFound(`custom property ${this.propertyKey}`);
    return props.get(match)!;
  }

  protected override isNullNow(): boolean {
    if (!this.nullable) return false;
    const props = this.context.sim.model.customProperties;
    return ![...props.keys()].some((k) => k.toLowerCase() === this.propertyKey.toLowerCase());
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      key: () => this.propertyKey,
      value: () => this.stored(),
      type: () => {
        const v = this.stored();
        return typeof v === "number" ? "Number" : typeof v === "boolean" ? "Boolean" : "String";
      },
    };
  }

  get key(): string {
    return this.read("key");
  }

  get value(): unknown {
    return this.read("value");
  }

  set value(value: unknown) {
    this.write("value", value, () => {
      this.stored();
      this.context.sim.model.customProperties.set(
        this.propertyKey,
        typeof value === "string" ? value.slice(0, CUSTOM_PROPERTY_MAX) : (value as number),
      );
    });
  }

  get type(): string {
    return this.read("type");
  }

  delete(): void {
    this.queueAction("CustomProperty.delete", 16, () => {
      this.stored();
      this.context.sim.model.customProperties.delete(this.propertyKey);
    });
  }
}

/** Excel refuses sheet changes (add, delete, rename, move, hide) in a workbook with protected structure. */
export function assertStructureEditable(context: SimRequestContext): void {
  if (context.sim.model.structureProtected) {
    throw new SimOfficeError(
      "AccessDenied",
      "The workbook structure is protected: sheets cannot be added, deleted, renamed, moved or hidden.",
    );
  }
}

/** Excel.WorkbookProtection (ExcelApi 1.7). */
export class SimWorkbookProtection extends SimObject {
  constructor(context: SimRequestContext) {
    super(context, "WorkbookProtection");
  }

  protected scalars(): Record<string, () => unknown> {
    return {
      protected: () => {
        this.context.requireApi("1.7", "workbook.protection");
        return this.context.sim.model.structureProtected;
      },
    };
  }

  get protected(): boolean {
    return this.read("protected");
  }

  protect(password?: string): void {
    this.queueAction("WorkbookProtection.protect", 32, () => {
      const model = this.context.sim.model;
      if (model.structureProtected) {
        throw new SimOfficeError("InvalidOperation", "The workbook is already protected.");
      }
      model.structureProtected = true;
      model.structurePassword = password || undefined;
    });
  }

  unprotect(password?: string): void {
    this.queueAction("WorkbookProtection.unprotect", 32, () => {
      const model = this.context.sim.model;
      if (model.structurePassword !== undefined && model.structurePassword !== password) {
        throw new SimOfficeError("InvalidArgument", "The password you supplied is not correct.");
      }
      model.structureProtected = false;
      model.structurePassword = undefined;
    });
  }
}
