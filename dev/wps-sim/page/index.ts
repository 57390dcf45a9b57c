/**
 * The wps-sim page: a simulated WPS 表格 (grid, sheet tabs, formula bar, 下载工作簿) on the left
 * and the real task pane bundle on the right. This script opens the workbook, does what the WPS
 * add-in's hidden main page does (registers the PERF functions with wps.AddCustomFunction),
 * installs `Application` and `wps` on window, and only then loads taskpane.js — the pane picks the
 * WPS host from those globals as it starts. The grid view and workbook loading are shared with
 * excel-sim (dev/sim-page); this file holds only what is WPS's.
 *
 * The workbook is the sample, or `?workbook=<same-origin URL of an .xlsx>`; `?wps=<version>`
 * simulates another WPS build (e.g. 11.1.0.11744, without AddCustomFunction). Nothing is fetched
 * from another origin. End-to-end tests reach the simulator as `window.wpsSim`.
 */
import ExcelJS from "exceljs";
import { registerWpsFunctions, type WpsCustomFunctionHost } from "../../../src/functions/wps";
import { openWorkbook, showWorkbook, type SimPageHost } from "../../sim-page/sim-page";
import { installWpsGlobals } from "../globals";
import { WpsSimulator, type WpsSimulatorOptions } from "../simulator";

const TASKPANE_SCRIPT = "taskpane.js";
const NEW_BOOK_NAME = "工作簿1.xlsx";

const version = new URLSearchParams(location.search).get("wps") ?? undefined;
const host: SimPageHost<WpsSimulator> = {
  defaultFileName: NEW_BOOK_NAME,
  load: (bytes, fileName) => {
    const options: WpsSimulatorOptions = { fileName, version };
    return WpsSimulator.load(bytes, options);
  },
  blank: () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    return WpsSimulator.fromWorkbook(wb, { fileName: NEW_BOOK_NAME, version });
  },
  // Read the column list, never getColumn(): that would add columns to the saved file.
  columnWidth: (ws, col) => (ws.columns ?? [])[col - 1]?.width ?? 8.38,
  beforeRender: (sim) => sim.ensureCalculated(),
  screenUpdating: (sim) => sim.screenUpdating,
  scrollToSelection: false,
};

/** What the add-in's main page does once WPS has loaded it. */
function registerFunctions(sim: WpsSimulator): void {
  const wps = sim.wps as unknown as Partial<WpsCustomFunctionHost>;
  if (typeof wps.AddCustomFunction === "function") {
    registerWpsFunctions(wps as WpsCustomFunctionHost);
  }
}

function loadTaskPane(): void {
  const script = document.createElement("script");
  script.src = TASKPANE_SCRIPT;
  script.defer = true;
  document.body.append(script);
}

void openWorkbook(host).then((sim) => {
  registerFunctions(sim);
  installWpsGlobals(sim, window as unknown as Record<string, unknown>);
  (window as unknown as { wpsSim: WpsSimulator }).wpsSim = sim;
  showWorkbook(sim, host);
  loadTaskPane();
});
