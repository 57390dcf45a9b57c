import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../../../src/core/grid";
import { LEDGER_SHEET } from "../../../src/hosts/marks/ledger";
import { readXlsxBuffer } from "../../../src/hosts/xlsx/read";
import {
  expectSameFindingsAsXlsxReader,
  fixtureBytes,
  SEED_FIXTURES,
  snapshot,
  workbookOfForms,
} from "../../support/host-fixtures";
import { bytesOf, simHost, syncsOf } from "./sim-host";

describe("readWorkbook on the simulated Excel", () => {
  it("reads 1 and 30 sheets in the same number of syncs, at most 3", async () => {
    const one = await simHost(workbookOfForms(1));
    const thirty = await simHost(workbookOfForms(30));
    let grid30: WorkbookGrid | undefined;
    const syncsOne = await syncsOf(one.sim, () => one.host.readWorkbook("workbook"));
    const syncsThirty = await syncsOf(thirty.sim, async () => {
      grid30 = await thirty.host.readWorkbook("workbook");
    });
    expect(syncsOne).toBeLessThanOrEqual(3);
    expect(syncsThirty).toBe(syncsOne);
    expect(grid30!.sheets).toHaveLength(30);
    expect(grid30!.sheets[29].usedRows().length).toBeGreaterThan(10);
  });

  it("gives the grid the xlsx reader gives: values, text, number formats, merges", async () => {
    const workbook = workbookOfForms(3);
    const bytes = await bytesOf(workbook);
    const { host } = await simHost(bytes);
    const fromExcel = await host.readWorkbook("workbook");
    const fromFile = await readXlsxBuffer(bytes, "forms.xlsx");
    expect(snapshot(fromExcel)).toEqual(snapshot(fromFile));
    expect(fromExcel.sheets[0].merges.length).toBeGreaterThan(0);
  });

  it("spreads a large read over more syncs without changing the grid", async () => {
    const workbook = workbookOfForms(4);
    const whole = await simHost(workbook);
    const spread = await simHost(workbook, {}, { maxCellsPerSync: 50 });
    let small: WorkbookGrid | undefined;
    const syncsWhole = await syncsOf(whole.sim, () => whole.host.readWorkbook("workbook"));
    const syncsSpread = await syncsOf(spread.sim, async () => {
      small = await spread.host.readWorkbook("workbook");
    });
    expect(syncsSpread).toBeGreaterThan(syncsWhole);
    expect(snapshot(small!)).toEqual(snapshot(await whole.host.readWorkbook("workbook")));
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

    const { host } = await simHost(workbook);
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
    const workbook = workbookOfForms(3);
    const { sim, host } = await simHost(workbook);
    sim.userActivate("自评表2");
    const grid = await host.readWorkbook("sheet");
    expect(grid.sheets.map((s) => s.name)).toEqual(["自评表2"]);
  });

  it("gives the findings the xlsx reader gives on every seed fixture workbook", async () => {
    for (const name of SEED_FIXTURES) {
      const bytes = await fixtureBytes(name);
      const { host } = await simHost(bytes);
      await expectSameFindingsAsXlsxReader(name, bytes, await host.readWorkbook("workbook"));
    }
  });
});
