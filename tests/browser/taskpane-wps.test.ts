/**
 * The built task pane on the simulated WPS 表格 (dist/web/wps-sim.html) in headless Chromium, on the
 * seed fixture workbooks: issue 8's real-browser end-to-end test. The cross-host round trip here is
 * marked in the Excel page and cleared in the WPS page (taskpane-excel.test.ts does the reverse).
 */
import { EXCEL_SIM, WPS_SIM } from "../support/taskpane-e2e";
import { taskPaneSuite } from "../support/taskpane-suite";

taskPaneSuite(WPS_SIM, EXCEL_SIM);
