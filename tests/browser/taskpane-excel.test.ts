/**
 * The built task pane on the simulated Excel (dist/web/excel-sim.html) in headless Chromium, on the
 * seed fixture workbooks: issue 7's real-browser end-to-end test. The cross-host round trip here is
 * marked in the WPS page and cleared in the Excel page (taskpane-wps.test.ts does the reverse).
 */
import { EXCEL_SIM, WPS_SIM } from "../support/taskpane-e2e";
import { taskPaneSuite } from "../support/taskpane-suite";

taskPaneSuite(EXCEL_SIM, WPS_SIM);
