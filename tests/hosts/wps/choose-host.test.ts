/**
 * The task pane picks the WPS adapter where office.js finds no Office host but WPS's globals are
 * there, and still prefers Excel when Office.onReady says Excel.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { WpsSimulator } from "../../../dev/wps-sim";
import { chooseHost } from "../../../src/taskpane/host";

function simulator(): WpsSimulator {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("自评表").getCell("B2").value = "项目名称";
  return WpsSimulator.fromWorkbook(workbook);
}

describe("chooseHost in WPS", () => {
  it("builds the WPS adapter on window.Application and window.wps", async () => {
    const sim = simulator();
    for (const info of [undefined, { host: null }]) {
      const host = chooseHost(info, { Application: sim.Application, wps: sim.wps });
      expect(host?.hostLabel).toBe("WPS 表格");
      const grid = await host!.readWorkbook("workbook");
      expect(grid.sheets[0].text(2, 2)).toBe("项目名称");
    }
  });

  it("keeps Excel first, and gives nothing without both WPS globals", () => {
    const sim = simulator();
    const excel = { run: () => Promise.reject(new Error("x")) };
    const both = { Application: sim.Application, wps: sim.wps, Excel: excel };
    expect(chooseHost({ host: "Excel" }, both)?.hostLabel).toBe("Excel");
    expect(chooseHost(undefined, { Application: sim.Application })).toBeUndefined();
    expect(chooseHost(undefined, { wps: sim.wps })).toBeUndefined();
    expect(chooseHost(undefined, {})).toBeUndefined();
  });
});
