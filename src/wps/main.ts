/**
 * The WPS 表格 add-in's main page script (main.js, loaded by index.html, which WPS opens hidden when
 * it starts). It registers the PERF functions — once, from here only — and answers the ribbon
 * (ribbon.xml): WPS calls the global functions named there, OnAddinLoad first, then OnAction,
 * GetImage and OnGetEnabled for the buttons. The task pane is the Excel pane's bundle
 * (taskpane.html), created with wps.CreateTaskPane and found again by the id kept in
 * wps.PluginStorage, which every page of the add-in shares while WPS runs.
 */
import { registerOnceInWps, type WpsRegistrationRoot } from "../functions/wps";
import { paneCommandHash, type PaneCommand } from "../taskpane/commands";

export const PANE_TITLE = "绩效自评助手";
/** Wide enough for the pane's 320 px layout plus WPS's border and scroll bar. */
export const PANE_WIDTH = 360;
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;
/** PluginStorage key holding the task pane's id. */
export const PANE_ID_KEY = "perf-eval.taskpane-id";
/** The icon WPS shows on every button of the tab (a path inside the add-in folder). */
export const BUTTON_IMAGE = "assets/icon-32.png";

/** ribbon.xml's button ids and what each does (undefined: only open the pane). */
export const RIBBON_BUTTONS: Readonly<Record<string, PaneCommand | undefined>> = {
  perfEvalOpenPane: undefined,
  perfEvalCheck: "check",
  perfEvalClearMarks: "clear",
  perfEvalInsertTemplate: "template",
};

/** The task pane object (et-jsapi-declare: WPS.CustomTaskpane), as much as is used here. */
export interface WpsTaskPane {
  ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Navigate(url: string): void;
}

interface WpsStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

/** The `wps` global (et-jsapi-declare: WPSMergedRoot), as much as the main page uses. */
export interface WpsMainRoot extends WpsRegistrationRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  PluginStorage?: WpsStorage;
  ribbonUI?: unknown;
}

/** A ribbon control as WPS passes it to callbacks. */
export interface RibbonControl {
  Id?: string;
  id?: string;
}

function wpsRoot(): WpsMainRoot | undefined {
  const page = globalThis as { wps?: WpsMainRoot; Application?: WpsMainRoot };
  return page.wps ?? page.Application;
}

/** The add-in folder's address (ending in "/") from the main page's own address. */
export function addinBaseUrl(pageHref: string): string {
  const withoutHash = pageHref.split("#")[0]!.split("?")[0]!;
  return withoutHash.slice(0, withoutHash.lastIndexOf("/") + 1);
}

function pageHref(): string {
  return (globalThis as { location?: { href?: string } }).location?.href ?? "";
}

let commandsSent = 0;

function existingPane(wps: WpsMainRoot): WpsTaskPane | undefined {
  const id = Number(wps.PluginStorage?.getItem(PANE_ID_KEY));
  if (!Number.isFinite(id) || id <= 0) return undefined;
  try {
    return wps.GetTaskPane(id) ?? undefined;
  } catch {
    // The pane was deleted (WPS closed it with its window): a new one is made.
    return undefined;
  }
}

/**
 * Shows the task pane, creating it docked on the right the first time; with a command, the pane is
 * (re)opened at taskpane.html#command=… and carries it out (src/taskpane/commands.ts).
 */
export function showPane(wps: WpsMainRoot, baseUrl: string, command?: PaneCommand): WpsTaskPane {
  const url =
    `${baseUrl}taskpane.html` +
    (command === undefined ? "" : paneCommandHash(command, ++commandsSent));
  let pane = existingPane(wps);
  if (pane === undefined) {
    pane = wps.CreateTaskPane(url, PANE_TITLE);
    try {
      pane.DockPosition = DOCK_RIGHT;
      pane.Width = PANE_WIDTH;
    } catch {
      // Position and width are comfort only; a WPS that refuses them still shows the pane.
    }
    wps.PluginStorage?.setItem(PANE_ID_KEY, String(pane.ID));
  } else if (command !== undefined) {
    pane.Navigate(url);
  }
  pane.Visible = true;
  return pane;
}

function tell(text: string): void {
  const page = globalThis as { alert?: (message: string) => void };
  page.alert?.(text);
}

function registerFunctions(): void {
  // Never throws: an old WPS without AddCustomFunction is recorded for the pane to explain.
  registerOnceInWps(wpsRoot());
}

/** First callback of ribbon.xml (customUI onLoad). */
export function OnAddinLoad(ribbonUI: unknown): boolean {
  const wps = wpsRoot();
  if (wps !== undefined && typeof wps.ribbonUI !== "object") {
    try {
      wps.ribbonUI = ribbonUI;
    } catch {
      // Read-only in newer WPS, which keeps the ribbon itself.
    }
  }
  registerFunctions();
  return true;
}

/** Every button's onAction. */
export function OnAction(control: RibbonControl): boolean {
  const id = control?.Id ?? control?.id ?? "";
  if (!(id in RIBBON_BUTTONS)) return false;
  const wps = wpsRoot();
  if (wps === undefined || typeof wps.CreateTaskPane !== "function") {
    tell("当前 WPS 不支持加载项任务窗格，无法打开绩效自评助手。请升级 WPS 后重试。");
    return false;
  }
  try {
    showPane(wps, addinBaseUrl(pageHref()), RIBBON_BUTTONS[id]);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    tell(`无法打开绩效自评助手（${reason}）。请关闭 WPS 后重新打开再试。`);
    return false;
  }
}

/** Every button's getImage. */
export function GetImage(_control: RibbonControl): string {
  return BUTTON_IMAGE;
}

/**
 * Every button's getEnabled. Always enabled: WPS asks only when the ribbon loads, so a button
 * disabled for "no workbook open" would stay disabled after one is opened; the pane says what is
 * missing instead.
 */
export function OnGetEnabled(_control: RibbonControl): boolean {
  return true;
}

/** The callbacks ribbon.xml names, as page globals (webpack wraps this module in a function). */
export const RIBBON_CALLBACKS = { OnAddinLoad, OnAction, GetImage, OnGetEnabled } as const;

Object.assign(globalThis, RIBBON_CALLBACKS);
registerFunctions();
