/**
 * The excel-sim page: a simulated Excel (grid, sheet tabs, formula bar, download) on the left and
 * the real task pane bundle (taskpane.js, loaded after this script) on the right. This script
 * installs `Office` and `Excel` before the pane starts; Office.onReady waits for the workbook.
 * The grid view and workbook loading are shared with wps-sim (dev/sim-page); this file holds
 * only what is Excel's.
 *
 * The workbook is the sample, or `?workbook=<same-origin URL of an .xlsx>`. Nothing is fetched
 * from another origin. For end-to-end tests the simulator is exposed as `window.excelSim`.
 */
import ExcelJS from "exceljs";
import { openWorkbook, showWorkbook, type SimPageHost } from "../../sim-page/sim-page";
import { installExcelGlobals } from "../globals";
import { loadExcelSimulator, createExcelSimulator } from "../index";
import type { ExcelSimulator } from "../simulator";

const host: SimPageHost<ExcelSimulator> = {
  defaultFileName: "工作簿.xlsx",
  load: (bytes) => loadExcelSimulator(bytes),
  blank: () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    return createExcelSimulator(wb);
  },
  columnWidth: (ws, col) => ws.getColumn(col).width ?? 8.43,
  scrollToSelection: true,
};

const simReady = openWorkbook(host);
installExcelGlobals(simReady, window as unknown as Record<string, unknown>);
void simReady.then((sim) => {
  (window as unknown as { excelSim: ExcelSimulator }).excelSim = sim;
  showWorkbook(sim, host);
});
