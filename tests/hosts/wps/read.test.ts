import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { LEDGER_SHEET } from "../../../src/hosts/marks/ledger";
import { gridCell, matrixOf, readWorkbookGrid } from "../../../src/hosts/wps/read";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read";
import {
  expectSameFindingsAsXlsxReader,
  fixtureBytes,
  SEED_FIXTURES,
  snapshot,
  workbookOfForms,
} from "../../support/host-fixtures";
import { bytesOf, envOf, wpsHost } from "./sim-host";

describe("readWorkbook on the simulated WPS", () => {
  it("gives the grid the xlsx reader gives: values, text, number formats, merges", async () => {
    const bytes = await bytesOf(workbookOfForms(3));
    const { host } = await wpsHost(bytes);
    const fromWps = await host.readWorkbook("workbook");
    const fromFile = await readXlsxBuffer(bytes, "forms.xlsx");
    expect(snapshot(fromWps)).toEqual(snapshot(fromFile));
    expect(fromWps.sheets[0].merges.length).toBeGreaterThan(0);
  });

  it("reads in whole-range calls: far fewer than cell by cell, and the same grid", async () => {
    const { sim } = await wpsHost(workbookOfForms(2));
    const env = envOf(sim);
    sim.resetCalls();
    const byRanges = readWorkbookGrid(env, "workbook");
    const rangeCalls = sim.callCount;
    sim.resetCalls();
    const byCells = readWorkbookGrid(env, "workbook", { perCell: true });
    const cellCalls = sim.callCount;
    expect(snapshot(byRanges)).toEqual(snapshot(byCells));
    expect(rangeCalls * 3).toBeLessThan(cellCalls);
    expect(sim.missingMembers).toEqual(new Set());
  });

  it("keeps numbers as numbers, errors as errors, and hidden sheets hidden; empty sheets read empty", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("My Sheet");
    sheet.getCell("B2").value = 49.52;
    sheet.getCell("B2").numFmt = "0.00";
    sheet.getCell("C2").value = {
      formula: "1/0",
      result: { error: "#DIV/0!" },
    } as ExcelJS.CellValue;
    sheet.getCell("D2").value = "待定";
    sheet.getCell("E2").value = 0.9904;
    sheet.getCell("E2").numFmt = "0.00%";
    sheet.mergeCells("B4:D5");
    sheet.getCell("B4").value = "合并";
    workbook.addWorksheet("空表");
    const hidden = workbook.addWorksheet("隐藏");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 1;
    const ledger = workbook.addWorksheet(LEDGER_SHEET);
    ledger.state = "veryHidden";
    ledger.getCell("A1").value = "ledger";

    const { host } = await wpsHost(workbook);
    const grid = await host.readWorkbook("workbook");
    expect(grid.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["My Sheet", false],
      ["空表", false],
      ["隐藏", true],
    ]);
    const first = grid.sheets[0];
    expect(first.cell(2, 2)).toEqual({ value: 49.52, text: "49.52", numFmt: "0.00" });
    expect(first.cell(2, 3)?.value).toEqual({ error: "#DIV/0!" });
    expect(first.cell(2, 4)).toEqual({ value: "待定", text: "待定" });
    expect(first.cell(2, 5)?.text).toBe("99.04%");
    expect(first.mergeAt(5, 4)).toEqual({ top: 4, left: 2, bottom: 5, right: 4 });
    expect(grid.sheets[1].usedRows()).toEqual([]);
  });

  it("reads only the active sheet when asked", async () => {
    const { sim, host } = await wpsHost(workbookOfForms(3));
    sim.userActivate("自评表2");
    const grid = await host.readWorkbook("sheet");
    expect(grid.sheets.map((s) => s.name)).toEqual(["自评表2"]);
  });

  it("gives the findings the xlsx reader gives on every seed fixture workbook", async () => {
    for (const name of SEED_FIXTURES) {
      const bytes = await fixtureBytes(name);
      const { host } = await wpsHost(bytes);
      await expectSameFindingsAsXlsxReader(name, bytes, await host.readWorkbook("workbook"));
    }
  });
});

describe("one cell from what WPS gives", () => {
  it("takes a CVErr code for an error only when the cell shows that error", () => {
    expect(gridCell(-2146826281, "#DIV/0!", "General")).toEqual({
      value: { error: "#DIV/0!" },
      text: "#DIV/0!",
    });
    expect(gridCell(-2146826281, "-2146826281", "General")?.value).toBe(-2146826281);
  });

  it("prints a number itself where WPS shows #### for a narrow column", () => {
    expect(gridCell(0.9904, "#####", "0.00%")).toEqual({
      value: 0.9904,
      text: "99.04%",
      numFmt: "0.00%",
    });
    expect(gridCell(49.52, "49.52", "G/通用格式")).toEqual({ value: 49.52, text: "49.52" });
    expect(gridCell(null, "", "0.00")).toBeUndefined();
  });

  it("accepts Value2 as a 2-D array of the range's shape or a scalar for one cell, nothing else", () => {
    expect(matrixOf([[1, 2]], 1, 2)).toEqual([[1, 2]]);
    expect(matrixOf(7, 1, 1)).toEqual([[7]]);
    expect(matrixOf([1, 2], 1, 2)).toBeUndefined();
    expect(matrixOf([[1], [2]], 1, 2)).toBeUndefined();
    expect(matrixOf("1,2", 1, 2)).toBeUndefined();
  });
});
