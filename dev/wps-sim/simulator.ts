/**
 * The simulated WPS 表格 (ET): one workbook (the Excel simulator's WorkbookModel, exceljs
 * underneath), the `Application` / `wps` object the add-in sees, the events, custom functions,
 * task panes and the counters tests and benches read.
 *
 *   const sim = await WpsSimulator.load(bytes);        // or new WpsSimulator(new WorkbookModel(wb))
 *   const { Application, wps } = sim;                  // the same object, typed as et-jsapi-declare's
 *   Application.ActiveWorkbook.Worksheets.Item(1).Range("A1").Value2;
 *   sim.calls["Range.Value2"]; await sim.toXlsx();
 */
/// <reference types="et-jsapi-declare" />
import ExcelJS from "exceljs";
import { parseAddress, type Rect } from "../excel-sim/a1";
import { WorkbookModel, type SheetModel } from "../excel-sim/model";
import type { FormulaFunctions } from "../../src/core/grid/evaluate";
import { ComError, HRESULT, type CallSink } from "./com";
import { SimApplication, type SimTaskPane } from "./application";
import { SimRange } from "./range";
import { SimWorksheet } from "./sheet";

/** The first WPS build with `wps.AddCustomFunction` (hosts.md). */
export const CUSTOM_FUNCTIONS_SINCE = "12.1.0.20540";

export interface WpsSimulatorOptions {
  /** `Application.Version`, e.g. "12.1.0.20540" (the default); older builds lack AddCustomFunction. */
  version?: string;
  /** The workbook's file name (`Workbook.Name`). Default "工作簿1.xlsx". */
  fileName?: string;
  /**
   * When SheetChange handlers run: "sync" (default, as COM raises events inside the call that made
   * the change) or "async" (queued; `settle()` waits), for adapters that must cope with either.
   */
  eventDelivery?: "sync" | "async";
}

/** What a registered custom function looks like in the simulator's table. */
export interface CustomFunctionRegistration {
  namespace: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  metadata: unknown;
}

/** A per-call and per-cell cost for estimating what a read would take over the JS↔COM bridge. */
export interface BridgeCost {
  /** Microseconds per property get/set or method call. */
  perCallUs: number;
  /** Microseconds per cell moved inside one call (Value2 of a block). */
  perCellUs: number;
}

/** A guess, for the bench's printout only (no measurement of real WPS behind it). */
export const DEFAULT_BRIDGE_COST: BridgeCost = { perCallUs: 50, perCellUs: 0.5 };

type Listener = (...args: unknown[]) => unknown;

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class WpsSimulator implements CallSink {
  /** Calls by member: "Range.Value2" (get), "Range.Value2=" (set), "Range.Item()" (call). */
  readonly calls: Record<string, number> = {};
  /** Every counted call. */
  callCount = 0;
  /** Cells moved by all calls (a 10×5 Value2 read moves 50). */
  cellsTransferred = 0;
  /** Members the caller used that the simulated object model does not have. */
  readonly missingMembers = new Set<string>();
  /** Errors thrown by event handlers (WPS would swallow them; tests can look). */
  readonly handlerErrors: unknown[] = [];
  /** `Application.EnableEvents`. */
  enableEvents = true;
  screenUpdating = true;
  displayAlerts = true;
  readonly version: string;
  readonly fileName: string;
  /** Sheets protected with UserInterfaceOnly in this session (the object model may write them). */
  readonly userInterfaceOnly = new Set<string>();
  /** Everything wps.AddCustomFunction was given, in order (duplicates included). */
  readonly registrations: CustomFunctionRegistration[] = [];
  /** Custom functions by "NAMESPACE.NAME" (upper case), as formulas call them. */
  readonly customFunctions: FormulaFunctions = {};
  /** Called after every change and user action (the wps-sim page redraws its grid). */
  readonly listeners = new Set<() => void>();
  /** `wps.PluginStorage` contents (shared by the add-in's pages, never persisted). */
  readonly pluginStorage = new Map<string, string>();
  /** Every task pane wps.CreateTaskPane made, deleted ones included. */
  readonly taskPanes: SimTaskPane[] = [];
  /** wps.ribbonUI.Invalidate / InvalidateControl calls ("*" for Invalidate). */
  readonly ribbonInvalidations: string[] = [];
  /** The root object: `Application` and `wps` are this same object. */
  readonly root: SimApplication;
  /** @internal */ readonly eventListeners = new Map<string, Listener[]>();
  private readonly eventDelivery: "sync" | "async";
  private readonly queued = new Set<Promise<void>>();

  constructor(
    readonly model: WorkbookModel,
    options: WpsSimulatorOptions = {},
  ) {
    this.version = options.version ?? CUSTOM_FUNCTIONS_SINCE;
    this.fileName = options.fileName ?? "工作簿1.xlsx";
    this.eventDelivery = options.eventDelivery ?? "sync";
    // Formulas saved without a result were computed at load with the PERF functions (WPS opened
    // the file with the add-in loaded); from now on only what the add-in registers is known.
    model.functions = this.customFunctions;
    this.root = new SimApplication(this);
  }

  static async load(
    bytes: Uint8Array | ArrayBuffer,
    options?: WpsSimulatorOptions,
  ): Promise<WpsSimulator> {
    return new WpsSimulator(await WorkbookModel.fromXlsx(bytes), options);
  }

  static fromWorkbook(workbook: ExcelJS.Workbook, options?: WpsSimulatorOptions): WpsSimulator {
    return new WpsSimulator(new WorkbookModel(workbook), options);
  }

  /** The global `Application`, typed as et-jsapi-declare declares it. */
  get Application(): WPSMergedRoot {
    return this.root as unknown as WPSMergedRoot;
  }

  /** The global `wps` (the same object as Application). */
  get wps(): WPSMergedRoot {
    return this.root as unknown as WPSMergedRoot;
  }

  get supportsCustomFunctions(): boolean {
    return compareVersions(this.version, CUSTOM_FUNCTIONS_SINCE) >= 0;
  }

  // ------------------------------------------------------------------ counting

  countCall(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    this.callCount++;
  }

  missingMember(name: string): void {
    this.missingMembers.add(name);
  }

  /** @internal */
  countCells(n: number): void {
    this.cellsTransferred += n;
  }

  resetCalls(): void {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
    this.callCount = 0;
    this.cellsTransferred = 0;
  }

  /** What the calls so far would cost over a bridge with this per-call and per-cell price. */
  estimatedBridgeMs(cost: BridgeCost = DEFAULT_BRIDGE_COST): number {
    return (this.callCount * cost.perCallUs + this.cellsTransferred * cost.perCellUs) / 1000;
  }

  // ------------------------------------------------------------------ calculation and events

  /**
   * Formulas on changed sheets are computed before anything is read (COM is synchronous: a value
   * read after a write sees the new results). A formula naming a function nobody registered
   * reads #NAME?, as in WPS without the add-in's functions.
   */
  ensureCalculated(): void {
    if (this.model.recalculate() === 0) return;
    const known = new Set(Object.keys(this.customFunctions));
    for (const sheet of this.model.sheets) {
      sheet.ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const value = cell.value as { formula?: string; result?: unknown } | null;
          if (!value || typeof value !== "object" || typeof value.formula !== "string") return;
          if (value.result !== undefined) return;
          const dotted = [...value.formula.matchAll(/([A-Za-z_][\w]*\.[A-Za-z_][\w.]*)\s*\(/g)];
          if (dotted.some((m) => !known.has(m[1].toUpperCase()))) {
            cell.value = {
              formula: value.formula,
              result: { error: "#NAME?" },
            } as ExcelJS.CellFormulaValue;
          }
        });
      });
    }
  }

  /** @internal After a change of values: SheetChange (when events are on) and a redraw. */
  changed(sheet: SheetModel, rect: Rect): void {
    this.notify();
    if (!this.enableEvents) return;
    const handlers = this.eventListeners.get("SheetChange");
    if (!handlers || handlers.length === 0) return;
    this.raise("SheetChange", () => [
      new SimWorksheet(this, sheet),
      new SimRange(this, sheet, rect),
    ]);
  }

  /** @internal */
  selectionChanged(sheet: SheetModel, rect: Rect): void {
    this.notify();
    if (!this.enableEvents) return;
    this.raise("SheetSelectionChange", () => [
      new SimWorksheet(this, sheet),
      new SimRange(this, sheet, rect),
    ]);
  }

  /** @internal */
  notify(): void {
    for (const listener of this.listeners) listener();
  }

  private raise(event: string, args: () => unknown[]): void {
    const handlers = [...(this.eventListeners.get(event) ?? [])];
    if (handlers.length === 0) return;
    const deliver = () => {
      const values = args();
      for (const handler of handlers) {
        try {
          handler(...values);
        } catch (error) {
          this.handlerErrors.push(error);
        }
      }
    };
    if (this.eventDelivery === "sync") {
      deliver();
      return;
    }
    const queued = Promise.resolve().then(deliver);
    this.queued.add(queued);
    void queued.finally(() => this.queued.delete(queued));
  }

  /** Resolves once every queued event has been delivered (eventDelivery "async"). */
  async settle(): Promise<void> {
    await Promise.resolve();
    while (this.queued.size > 0) await Promise.all([...this.queued]);
  }

  // ------------------------------------------------------------------ what a user does in WPS

  sheetNamed(name: string): SheetModel {
    const sheet = this.model.sheetByKey(name);
    if (!sheet) throw new ComError(`no sheet named ${name}`, HRESULT.badIndex);
    return sheet;
  }

  /**
   * A user typing into a cell (or a block: `values` as rows): the workbook changes, formulas
   * compute (with the registered custom functions) and SheetChange fires — unless
   * Application.EnableEvents is false, which in WPS as in Excel silences user edits too.
   */
  userEdit(sheetName: string, address: string, values: unknown): void {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseAddress(address);
    const rows = Array.isArray(values) ? (values as unknown[][]) : [[values]];
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const input = rows[r - rect.top]?.[c - rect.left];
        if (input === "" || input === null || input === undefined) {
          this.model.clearCell(sheet, r, c);
        } else {
          this.model.writeInput(sheet, r, c, input);
        }
      }
    }
    this.ensureCalculated();
    this.changed(sheet, rect);
  }

  /** A user deleting whole rows (开始 ▸ 行和列 ▸ 删除行). */
  userDeleteRows(sheetName: string, firstRow: number, count = 1): void {
    const sheet = this.sheetNamed(sheetName);
    const rect = { top: firstRow, bottom: firstRow + count - 1, left: 1, right: 16_384 };
    this.model.deleteShiftUp(sheet, rect, true);
    this.ensureCalculated();
    this.changed(sheet, rect);
  }

  /** A user clicking a sheet tab. */
  userActivate(sheetName: string): void {
    const sheet = this.sheetNamed(sheetName);
    this.model.activeSheetId = sheet.id;
    this.model.selection = { sheetId: sheet.id, rect: { top: 1, left: 1, bottom: 1, right: 1 } };
    this.notify();
  }

  /** A user selecting a cell or range (the sheet becomes the active one). */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.sheetNamed(sheetName);
    const { rect } = parseAddress(address);
    this.model.activeSheetId = sheet.id;
    this.model.selection = { sheetId: sheet.id, rect };
    this.selectionChanged(sheet, rect);
  }

  /** Protects a sheet with a password, as a user would (审阅 ▸ 保护工作表). */
  protectWithPassword(sheetName: string, password: string, options: Record<string, unknown> = {}) {
    const sheet = this.sheetNamed(sheetName);
    (sheet.ws as unknown as { sheetProtection: unknown }).sheetProtection = {
      sheet: true,
      ...options,
      algorithmName: "SHA-512",
      hashValue: "c2ltdWxhdGVkLXBhc3N3b3Jk",
      saltValue: "c2FsdA==",
      spinCount: 100000,
    };
    this.model.passwords.set(sheet.id, password);
    this.notify();
  }

  /** Protects the workbook's structure (审阅 ▸ 保护工作簿). */
  protectStructure(password?: string): void {
    this.model.structureProtected = true;
    this.model.structurePassword = password;
  }

  /** The workbook as .xlsx bytes (what 保存 writes); custom document properties included. */
  toXlsx(): Promise<Uint8Array> {
    this.ensureCalculated();
    return this.model.toXlsx();
  }
}
