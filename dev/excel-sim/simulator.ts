/**
 * The simulated Excel: one workbook (exceljs underneath), the host's requirement sets, the add-in
 * runtime's event switch, change-event subscribers and the counters tests assert on.
 */
import { parseAddress, sheetAddress, type Rect } from "./a1";
import { SimRequestContext, type SyncRecord } from "./client";
import { WorkbookModel, type SheetModel } from "./model";
import { SimWorkbook } from "./objects/workbook";

export interface SimulatorOptions {
  /**
   * Supported requirement sets: set name → highest version ("ExcelApi" → "1.18"). Default: ExcelApi
   * 1.18 only (Microsoft 365 on Windows; ExcelApiOnline is the web's own set).
   */
  requirements?: Record<string, string>;
}

/** What an onChanged handler receives (Excel.WorksheetChangedEventArgs, the parts modelled). */
export interface SimChangedEventArgs {
  type: "WorksheetChanged";
  source: "Local";
  changeType: string;
  address: string;
  worksheetId: string;
  /** ExcelApi 1.14 only. */
  triggerSource: "ThisLocalAddin" | "Unknown";
}

type Handler = (args: SimChangedEventArgs) => unknown;

interface PendingChange {
  sheetId: string;
  rect: Rect;
  changeType: string;
  byAddin: boolean;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class ExcelSimulator {
  /** Round trips: sync() calls that carried at least one action. */
  syncCount = 0;
  /** Every sync() call, empty ones included. */
  syncCalls = 0;
  /** One record per round trip: actions, approximate request and response bytes. */
  readonly syncLog: SyncRecord[] = [];
  readonly requirements: Map<string, string>;
  /** Excel's runtime.enableEvents for this add-in (ExcelApi 1.8); kept across Excel.run batches. */
  enableEvents = true;
  /** Errors thrown by event handlers (Excel would swallow them; tests can look). */
  readonly handlerErrors: unknown[] = [];
  /** @internal */ readonly handlers = new Map<string, Set<Handler>>();
  private pendingChanges: PendingChange[] = [];
  /** Called after every batch and user action (the excel-sim page redraws its grid). */
  readonly listeners = new Set<() => void>();
  private readonly dispatches = new Set<Promise<void>>();

  constructor(
    readonly model: WorkbookModel,
    options: SimulatorOptions = {},
  ) {
    this.requirements = new Map(Object.entries(options.requirements ?? { ExcelApi: "1.18" }));
  }

  /** Office.context.requirements.isSetSupported. */
  isSetSupported(name: string, version = "1.1"): boolean {
    const supported = this.requirements.get(name);
    return supported !== undefined && compareVersions(supported, String(version)) >= 0;
  }

  /** Excel.run(batch): a fresh request context; one last sync after the batch, as office.js does. */
  async run<T>(batch: (context: SimRequestContext) => Promise<T> | T): Promise<T> {
    const context = new SimRequestContext(this);
    context.workbook = new SimWorkbook(context);
    context.runtime = new SimRuntime(context);
    try {
      const result = await batch(context);
      if (context.pendingActions > 0) await context.sync();
      return result;
    } finally {
      context.finish();
    }
  }

  /** @internal Records a change made by an action; delivered after the batch if events are on. */
  recordChange(sheet: SheetModel, rect: Rect, changeType = "RangeEdited", byAddin = true): void {
    if (!this.enableEvents) return;
    this.pendingChanges.push({ sheetId: sheet.id, rect, changeType, byAddin });
  }

  /** @internal After each sync: formulas recalculate, then change events go out asynchronously. */
  afterBatch(): void {
    this.model.recalculate();
    for (const listener of this.listeners) listener();
    const changes = this.pendingChanges;
    this.pendingChanges = [];
    if (changes.length === 0) return;
    const dispatch = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
      for (const change of changes) await this.deliver(change);
    });
    this.dispatches.add(dispatch);
    void dispatch.finally(() => this.dispatches.delete(dispatch));
  }

  private async deliver(change: PendingChange): Promise<void> {
    const sheet = this.model.sheetById(change.sheetId);
    if (!sheet) return;
    const args: SimChangedEventArgs = {
      type: "WorksheetChanged",
      source: "Local",
      changeType: change.changeType,
      address: sheetAddress(sheet.name, change.rect).split("!")[1],
      worksheetId: sheet.id,
      triggerSource: change.byAddin ? "ThisLocalAddin" : "Unknown",
    };
    // triggerSource arrived with ExcelApi 1.14; older hosts leave it out.
    if (!this.isSetSupported("ExcelApi", "1.14")) {
      delete (args as Partial<SimChangedEventArgs>).triggerSource;
    }
    const targets = [...(this.handlers.get(sheet.id) ?? []), ...(this.handlers.get("*") ?? [])];
    for (const handler of targets) {
      try {
        await handler(args);
      } catch (error) {
        this.handlerErrors.push(error);
      }
    }
  }

  /** Resolves once every change event queued so far has been delivered. */
  async settle(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    while (this.dispatches.size > 0) await Promise.all([...this.dispatches]);
  }

  // ------------------------------------------------------------ what a user does in Excel

  private sheetNamed(name: string): SheetModel {
    const sheet = this.model.sheetByKey(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  /**
   * A user typing into a cell (or a block: `values` as rows): the workbook changes, formulas
   * recalculate and onChanged fires — unless the add-in has turned events off.
   */
  async userEdit(sheetName: string, address: string, values: unknown): Promise<void> {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseAddress(address);
    const rows = Array.isArray(values) ? (values as unknown[][]) : [[values]];
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const input = rows[r - rect.top]?.[c - rect.left];
        if (input === "" || input === null) this.model.clearCell(sheet, r, c);
        else this.model.writeInput(sheet, r, c, input);
      }
    }
    this.recordChange(sheet, rect, "RangeEdited", false);
    this.afterBatch();
    await this.settle();
  }

  /** A user deleting whole rows (Home ▸ Delete ▸ Delete Sheet Rows). */
  async userDeleteRows(sheetName: string, firstRow: number, count = 1): Promise<void> {
    const sheet = this.sheetNamed(sheetName);
    const rect = { top: firstRow, bottom: firstRow + count - 1, left: 1, right: 16_384 };
    this.model.deleteShiftUp(sheet, rect, true);
    this.recordChange(sheet, rect, "RowDeleted", false);
    this.afterBatch();
    await this.settle();
  }

  /** A user activating a sheet tab. */
  userActivate(sheetName: string): void {
    this.model.activeSheetId = this.sheetNamed(sheetName).id;
    this.model.selection = undefined;
    for (const listener of this.listeners) listener();
  }

  /** A user selecting a cell or range on the active sheet. */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.sheetNamed(sheetName);
    this.model.activeSheetId = sheet.id;
    this.model.selection = { sheetId: sheet.id, rect: parseAddress(address).rect };
    for (const listener of this.listeners) listener();
  }

  /**
   * Protects a sheet with a password, as a user would in Excel (Review ▸ Protect Sheet). exceljs
   * would hash it for the file; the simulator remembers the password to check unprotect().
   */
  protectWithPassword(
    sheetName: string,
    password: string,
    options: Record<string, unknown> = {},
  ): void {
    const sheet = this.sheetNamed(sheetName);
    const ws = sheet.ws as unknown as { sheetProtection: Record<string, unknown> | null };
    ws.sheetProtection = {
      sheet: true,
      ...options,
      // A placeholder hash so the saved file says "password protected" (not a real SHA-512 hash).
      algorithmName: "SHA-512",
      hashValue: "c2ltdWxhdGVkLXBhc3N3b3Jk",
      saltValue: "c2FsdA==",
      spinCount: 100000,
    };
    this.model.passwords.set(sheet.id, password);
  }

  /** The workbook as .xlsx bytes (what Excel's Save writes). */
  toXlsx(): Promise<Uint8Array> {
    return this.model.toXlsx();
  }
}

/** context.runtime (ExcelApi 1.5; enableEvents 1.8). */
export class SimRuntime {
  private local: boolean | undefined;
  private loadedFlag = false;

  constructor(private readonly context: SimRequestContext) {}

  load(_option?: unknown): this {
    this.context.enqueue({
      label: "Runtime.load",
      requestBytes: 24,
      run: () => {
        const value = this.context.sim.enableEvents;
        return {
          responseBytes: 24,
          commit: () => {
            this.local = value;
            this.loadedFlag = true;
          },
        };
      },
    });
    return this;
  }

  get enableEvents(): boolean {
    if (!this.loadedFlag && this.local === undefined) {
      throw new (class extends Error {
        code = "PropertyNotLoaded";
      })("The property 'enableEvents' is not available. (Runtime.enableEvents)");
    }
    return this.local as boolean;
  }

  set enableEvents(value: boolean) {
    this.local = value;
    this.context.enqueue({
      label: "Runtime.enableEvents=",
      requestBytes: 24,
      run: () => {
        this.context.requireApi("1.8", "runtime.enableEvents");
        this.context.sim.enableEvents = Boolean(value);
      },
    });
  }
}
