/// <reference types="et-jsapi-declare" />
/**
 * The root object — et-jsapi-declare types both globals `Application` and `wps` as
 * WPSMergedRoot (AddonRoot & EtAddonRoot & Et.Application); the simulator makes them one object —
 * with the Workbook, its custom document properties, ApiEvent, task panes, PluginStorage and the
 * ribbon.
 */
import { parseAddress } from "../excel-sim/a1";
import { ComError, ComObject, HRESULT } from "./com";
import { XL } from "./constants";
import { SimRange } from "./range";
import { SimSheets, SimWorksheet } from "./sheet";
import type { WpsSimulator } from "./simulator";

/** Custom function and namespace names WPS accepts (hosts.md). */
const FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export class SimApplication extends ComObject {
  private readonly workbook: SimWorkbook;
  private readonly apiEvent: SimApiEvent;
  private readonly storage: SimPluginStorage;
  private readonly ribbon: SimRibbonUI;
  private readonly panes: SimTaskPanes;

  constructor(private readonly sim: WpsSimulator) {
    super(sim, "Application");
    this.workbook = new SimWorkbook(sim);
    this.apiEvent = new SimApiEvent(sim);
    this.storage = new SimPluginStorage(sim);
    this.ribbon = new SimRibbonUI(sim);
    this.panes = new SimTaskPanes(sim);
    if (sim.supportsCustomFunctions) {
      // An own property, present only from WPS 12.1.0.20540: older builds have no such member.
      Object.defineProperty(this, "AddCustomFunction", {
        value: (namespace: unknown, name: unknown, callback: unknown, metadata?: unknown) =>
          this.addCustomFunction(namespace, name, callback, metadata),
        enumerable: true,
        // Configurable so the counting proxy may hand out its wrapper (a proxy invariant).
        configurable: true,
      });
    }
  }

  /** @internal The workbook, uncounted. */
  activeWorkbook(): SimWorkbook {
    return this.workbook;
  }

  private addCustomFunction(
    namespace: unknown,
    name: unknown,
    callback: unknown,
    metadata: unknown,
  ): void {
    if (typeof namespace !== "string" || !FUNCTION_NAME.test(namespace)) {
      throw new ComError(
        `Invalid custom function namespace: ${String(namespace)}`,
        HRESULT.invalidArg,
      );
    }
    if (typeof name !== "string" || !FUNCTION_NAME.test(name)) {
      throw new ComError(`Invalid custom function name: ${String(name)}`, HRESULT.invalidArg);
    }
    if (typeof callback !== "function")
      throw new ComError("The callback must be a function", HRESULT.invalidArg);
    const fn = callback as (...args: unknown[]) => unknown;
    this.sim.registrations.push({ namespace, name, fn, metadata });
    this.sim.customFunctions[`${namespace}.${name}`.toUpperCase()] = fn;
  }

  // ---------------------------------------------------------------- Et.Application

  get Application(): SimApplication {
    return this.sim.root;
  }

  /** Deprecated alias of the application (et-jsapi-declare: AddonRoot.EtApplication). */
  get EtApplication(): SimApplication {
    return this.sim.root;
  }

  get Name(): string {
    return "WPS 表格";
  }

  get Version(): string {
    return this.sim.version;
  }

  /** The build number (et-jsapi-declare types it as a number): the last part of Version. */
  get Build(): number {
    return Number(this.sim.version.split(".").pop());
  }

  get ActiveWorkbook(): SimWorkbook {
    return this.workbook;
  }

  get ThisWorkbook(): SimWorkbook {
    return this.workbook;
  }

  get Worksheets(): SimSheets {
    return new SimSheets(this.sim);
  }

  get Sheets(): SimSheets {
    return new SimSheets(this.sim);
  }

  get ActiveSheet(): SimWorksheet {
    return this.workbook.activeSheet();
  }

  /** The window showing the active sheet (only what the adapter uses: DisplayGridlines). */
  get ActiveWindow(): SimWindow {
    return new SimWindow(this.sim, this.workbook.activeSheet().sheet);
  }

  /** The selection on the active sheet (A1 when nothing was selected). */
  get Selection(): SimRange {
    const model = this.sim.model;
    const sheet = this.workbook.activeSheetModel();
    const sel = model.selection;
    const rect =
      sel && sel.sheetId === sheet.id ? sel.rect : { top: 1, left: 1, bottom: 1, right: 1 };
    return new SimRange(this.sim, sheet, { ...rect });
  }

  get ActiveCell(): SimRange {
    const model = this.sim.model;
    const sheet = this.workbook.activeSheetModel();
    const sel = model.selection;
    const rect =
      sel && sel.sheetId === sheet.id ? sel.rect : { top: 1, left: 1, bottom: 1, right: 1 };
    return new SimRange(this.sim, sheet, {
      top: rect.top,
      left: rect.left,
      bottom: rect.top,
      right: rect.left,
    });
  }

  /** Range("A1") on the active sheet, or Range("Sheet2!A1"). */
  Range(cell1: unknown, cell2?: unknown): SimRange {
    if (typeof cell1 === "string") {
      const parsed = parseAddress(cell1);
      if (parsed.sheet !== undefined) {
        const sheet = this.sim.model.sheetByKey(parsed.sheet);
        if (!sheet) throw new ComError("Method 'Range' of object '_Application' failed");
        return new SimWorksheet(this.sim, sheet).Range(
          cell1.slice(cell1.lastIndexOf("!") + 1),
          cell2,
        );
      }
    }
    return this.workbook.activeSheet().Range(cell1, cell2);
  }

  /** When false, no SheetChange (or any other event) reaches the add-in — user edits included. */
  get EnableEvents(): boolean {
    return this.sim.enableEvents;
  }
  set EnableEvents(value: boolean) {
    this.sim.enableEvents = Boolean(value);
  }

  get ScreenUpdating(): boolean {
    return this.sim.screenUpdating;
  }
  set ScreenUpdating(value: boolean) {
    this.sim.screenUpdating = Boolean(value);
    if (value) this.sim.notify();
  }

  get DisplayAlerts(): boolean {
    return this.sim.displayAlerts;
  }
  set DisplayAlerts(value: boolean) {
    this.sim.displayAlerts = Boolean(value);
  }

  Calculate(): void {
    this.sim.ensureCalculated();
  }

  // ---------------------------------------------------------------- the add-in root (wps.*)

  get ApiEvent(): SimApiEvent {
    return this.apiEvent;
  }

  get PluginStorage(): SimPluginStorage {
    return this.storage;
  }

  get ribbonUI(): SimRibbonUI {
    return this.ribbon;
  }

  /** The constants this simulator knows, by name (et-jsapi-declare: AddonRoot.Enum). */
  get Enum(): Record<string, number> {
    return { ...XL };
  }

  /** CreateTaskPane(url, title): a hidden pane docked right (set Visible = true to show it). */
  CreateTaskPane(url: string, title?: string): SimTaskPane {
    return this.panes.create(String(url), title === undefined ? "" : String(title));
  }

  /** GetTaskPane(id): the pane, or null when no pane has that id (deleted or never created). */
  GetTaskPane(id: number | string): SimTaskPane | null {
    return this.panes.get(Number(id));
  }
}

// ------------------------------------------------------------------ Workbook

/**
 * Et.Window, minimally: DisplayGridlines belongs to the window and shows the active sheet's
 * setting, which the file keeps in the sheet's view (showGridLines).
 */
export class SimWindow extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly sheet: SimWorksheet["sheet"],
  ) {
    super(sim, "Window");
  }

  get DisplayGridlines(): boolean {
    return this.sheet.ws.views?.[0]?.showGridLines !== false;
  }

  set DisplayGridlines(value: boolean) {
    const [first, ...rest] = this.sheet.ws.views ?? [];
    this.sheet.ws.views = [{ ...(first ?? {}), showGridLines: value !== false }, ...rest];
    this.sim.notify();
  }
}

export class SimWorkbook extends ComObject {
  private readonly properties: SimDocumentProperties;

  constructor(private readonly sim: WpsSimulator) {
    super(sim, "Workbook");
    this.properties = new SimDocumentProperties(sim);
  }

  /** @internal */
  activeSheetModel() {
    const model = this.sim.model;
    return model.sheetById(model.activeSheetId) ?? model.sheets[0];
  }

  /** @internal */
  activeSheet(): SimWorksheet {
    return new SimWorksheet(this.sim, this.activeSheetModel());
  }

  get Name(): string {
    return this.sim.fileName;
  }

  get FullName(): string {
    return this.sim.fileName;
  }

  get Worksheets(): SimSheets {
    return new SimSheets(this.sim);
  }

  get Sheets(): SimSheets {
    return new SimSheets(this.sim);
  }

  get ActiveSheet(): SimWorksheet {
    return this.activeSheet();
  }

  get ProtectStructure(): boolean {
    return this.sim.model.structureProtected;
  }

  get ProtectWindows(): boolean {
    return false;
  }

  /** Custom document properties (docProps/custom.xml): the workbook's settings live here. */
  get CustomDocumentProperties(): SimDocumentProperties {
    return this.properties;
  }
}

// ------------------------------------------------------------------ DocumentProperties

/** Excel (and the Excel simulator) cut custom property strings at 255 characters. */
const PROPERTY_MAX = 255;

/** Office's DocumentProperties over the model's custom properties (shared with the Excel simulator). */
export class SimDocumentProperties extends ComObject {
  constructor(private readonly sim: WpsSimulator) {
    super(sim, "DocumentProperties");
  }

  private key(name: string): string | undefined {
    return [...this.sim.model.customProperties.keys()].find(
      (k) => k.toLowerCase() === name.toLowerCase(),
    );
  }

  get Count(): number {
    return this.sim.model.customProperties.size;
  }

  /** Item(name | index): a missing property makes COM throw (there is no OrNull form). */
  Item(index: unknown): SimDocumentProperty {
    const keys = [...this.sim.model.customProperties.keys()];
    const key = typeof index === "number" ? keys[index - 1] : this.key(String(index));
    if (key === undefined)
      throw new ComError(
        `Invalid procedure call or argument (${String(index)})`,
        HRESULT.invalidArg,
      );
    return new SimDocumentProperty(this.sim, key);
  }

  /** Add(Name, LinkToContent, Type, Value): fails when a property of that name exists. */
  Add(name: unknown, linkToContent: unknown, type?: unknown, value?: unknown): SimDocumentProperty {
    const key = String(name);
    if (key.length === 0 || key.length > 255)
      throw new ComError("Invalid property name", HRESULT.invalidArg);
    if (linkToContent === true)
      throw new ComError("Linked properties are not modelled", HRESULT.invalidArg);
    if (this.key(key) !== undefined) throw new ComError(`A property named ${key} already exists`);
    this.sim.model.customProperties.set(key, coerce(type, value));
    return new SimDocumentProperty(this.sim, key);
  }
}

function coerce(type: unknown, value: unknown): string | number | boolean {
  const t = Number(
    type ??
      (typeof value === "number"
        ? XL.msoPropertyTypeFloat
        : typeof value === "boolean"
          ? XL.msoPropertyTypeBoolean
          : XL.msoPropertyTypeString),
  );
  if (t === XL.msoPropertyTypeBoolean) return Boolean(value);
  if (t === XL.msoPropertyTypeNumber || t === XL.msoPropertyTypeFloat) {
    const n = Number(value);
    if (Number.isNaN(n)) throw new ComError("Type mismatch", HRESULT.invalidArg);
    return t === XL.msoPropertyTypeNumber ? Math.trunc(n) : n;
  }
  return String(value ?? "").slice(0, PROPERTY_MAX);
}

export class SimDocumentProperty extends ComObject {
  constructor(
    private readonly sim: WpsSimulator,
    private readonly key: string,
  ) {
    super(sim, "DocumentProperty");
  }

  private stored(): string | number | boolean {
    const props = this.sim.model.customProperties;
    if (!props.has(this.key)) throw new ComError("The property has been deleted");
    return props.get(this.key)!;
  }

  get Name(): string {
    this.stored();
    return this.key;
  }

  get Value(): string | number | boolean {
    return this.stored();
  }

  set Value(value: string | number | boolean) {
    const current = this.stored();
    const type =
      typeof current === "boolean"
        ? XL.msoPropertyTypeBoolean
        : typeof current === "number"
          ? XL.msoPropertyTypeFloat
          : XL.msoPropertyTypeString;
    this.sim.model.customProperties.set(this.key, coerce(type, value));
  }

  get Type(): number {
    const v = this.stored();
    return typeof v === "boolean"
      ? XL.msoPropertyTypeBoolean
      : typeof v === "number"
        ? XL.msoPropertyTypeFloat
        : XL.msoPropertyTypeString;
  }

  Delete(): void {
    this.stored();
    this.sim.model.customProperties.delete(this.key);
  }
}

// ------------------------------------------------------------------ ApiEvent

export class SimApiEvent extends ComObject {
  constructor(private readonly sim: WpsSimulator) {
    super(sim, "ApiEvent");
  }

  /** A callback may be a function or the name of a global function (as WPS allows). */
  AddApiEventListener(eventName: string, callback: unknown): void {
    const fn =
      typeof callback === "function"
        ? (callback as (...args: unknown[]) => unknown)
        : typeof callback === "string"
          ? (...args: unknown[]) =>
              (globalThis as unknown as Record<string, (...a: unknown[]) => unknown>)[callback]?.(
                ...args,
              )
          : undefined;
    if (!fn)
      throw new ComError("The callback must be a function or a function name", HRESULT.invalidArg);
    const list = this.sim.eventListeners.get(eventName) ?? [];
    list.push(fn);
    if (typeof callback === "string") (fn as { callbackName?: string }).callbackName = callback;
    else (fn as { original?: unknown }).original = callback;
    this.sim.eventListeners.set(eventName, list);
  }

  /** Removes that callback, or every callback of the event when none is given. */
  RemoveApiEventListener(eventName: string, callback?: unknown): void {
    const list = this.sim.eventListeners.get(eventName);
    if (!list) return;
    if (callback === undefined) {
      this.sim.eventListeners.delete(eventName);
      return;
    }
    const kept = list.filter((fn) => {
      const f = fn as { original?: unknown; callbackName?: string };
      return fn !== callback && f.original !== callback && f.callbackName !== callback;
    });
    this.sim.eventListeners.set(eventName, kept);
  }

  get Cancel(): boolean {
    return false;
  }
}

// ------------------------------------------------------------------ task panes

export class SimTaskPane extends ComObject {
  private visible = false;
  private dock = XL.msoCTPDockPositionRight as number;
  private width = 300;
  private height = 600;
  url: string;
  deleted = false;

  constructor(
    private readonly sim: WpsSimulator,
    readonly id: number,
    url: string,
    readonly title: string,
  ) {
    super(sim, "TaskPane");
    this.url = url;
  }

  private alive(): void {
    if (this.deleted) throw new ComError("The task pane has been deleted");
  }

  get ID(): number {
    return this.id;
  }

  get Visible(): boolean {
    this.alive();
    return this.visible;
  }
  set Visible(value: boolean) {
    this.alive();
    this.visible = Boolean(value);
  }

  get DockPosition(): number {
    return this.dock;
  }
  set DockPosition(value: number) {
    this.alive();
    this.dock = Number(value);
  }

  get Width(): number {
    return this.width;
  }
  set Width(value: number) {
    this.alive();
    this.width = Number(value);
  }

  get Height(): number {
    return this.height;
  }
  set Height(value: number) {
    this.alive();
    this.height = Number(value);
  }

  Navigate(url: string): void {
    this.alive();
    this.url = String(url);
  }

  Delete(): void {
    this.alive();
    this.deleted = true;
    this.visible = false;
  }
}

/** The simulator's list of task panes (not an object-model collection). */
export class SimTaskPanes {
  readonly all: SimTaskPane[] = [];

  constructor(private readonly sim: WpsSimulator) {}

  create(url: string, title: string): SimTaskPane {
    const pane = new SimTaskPane(this.sim, this.all.length + 1, url, title);
    this.all.push(pane);
    this.sim.taskPanes.push(pane);
    return pane;
  }

  get(id: number): SimTaskPane | null {
    const pane = this.all.find((p) => p.id === id);
    return pane && !pane.deleted ? pane : null;
  }
}

// ------------------------------------------------------------------ PluginStorage, ribbon

/** Like localStorage: values are kept as strings; a missing key reads null. */
export class SimPluginStorage extends ComObject {
  constructor(private readonly sim: WpsSimulator) {
    super(sim, "PluginStorage");
  }

  setItem(key: string, value: number | boolean | string): void {
    this.sim.pluginStorage.set(String(key), String(value));
  }

  getItem(key: string): string | null {
    return this.sim.pluginStorage.get(String(key)) ?? null;
  }

  removeItem(key: string): void {
    this.sim.pluginStorage.delete(String(key));
  }

  clear(): void {
    this.sim.pluginStorage.clear();
  }

  key(index: number): string | null {
    return [...this.sim.pluginStorage.keys()][index] ?? null;
  }

  get length(): number {
    return this.sim.pluginStorage.size;
  }
}

export class SimRibbonUI extends ComObject {
  constructor(private readonly sim: WpsSimulator) {
    super(sim, "RibbonUI");
  }

  Invalidate(): void {
    this.sim.ribbonInvalidations.push("*");
  }

  InvalidateControl(controlId: string): void {
    this.sim.ribbonInvalidations.push(String(controlId));
  }

  ActivateTab(controlId: string): void {
    this.sim.ribbonInvalidations.push(`activate:${String(controlId)}`);
  }
}
