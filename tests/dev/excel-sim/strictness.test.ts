import { describe, expect, it } from "vitest";
import {
  MAX_MERGED_AREAS,
  PAYLOAD_LIMIT,
  SimOfficeError,
  createExcelSimulator,
} from "../../../dev/excel-sim";
import ExcelJS from "exceljs";
import { sampleSimulator } from "./helpers";

describe("load / sync strictness", () => {
  it("throws PropertyNotLoaded naming the property when it was never loaded", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表1").getRange("A1:B2");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("表1!A1:B2");
      expect(() => range.values).toThrow(/'values'/);
      try {
        void range.values;
      } catch (error) {
        expect((error as SimOfficeError).code).toBe("PropertyNotLoaded");
      }
    });
  });

  it("throws when a loaded property is read before the sync", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const range = context.workbook.worksheets.getItem("表1").getRange("A2:C2");
      range.load("values,text,numberFormat");
      expect(() => range.values).toThrow(/'values'/);
      await context.sync();
      expect(range.values).toEqual([[100, 99.04, expect.closeTo(0.9904, 10)]]);
      expect(range.text).toEqual([["100", "99.04", "99.04%"]]);
      expect(range.numberFormat).toEqual([["General", "General", "0.00%"]]);
    });
  });

  it("applies writes only at sync, and Excel.run syncs once more at the end", async () => {
    const sim = sampleSimulator();
    let beforeSync: unknown;
    await sim.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("表1").getRange("A5");
      cell.values = [["新值"]];
      beforeSync = sim.model.cellView(sim.model.sheetByKey("表1")!, 5, 1).value;
    });
    expect(beforeSync).toBe("");
    expect(sim.model.cellView(sim.model.sheetByKey("表1")!, 5, 1).value).toBe("新值");
  });

  it("counts round trips, not empty syncs", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["表1", "Visible"],
        ["隐藏", "VeryHidden"],
        ["Empty", "Visible"],
      ]);
    });
    expect(sim.syncCount).toBe(1);
    expect(sim.syncCalls).toBe(2);
  });

  it("refuses objects from a finished Excel.run", async () => {
    const sim = sampleSimulator();
    const range = await sim.run(async (context) =>
      context.workbook.worksheets.getItem("表1").getRange("A1"),
    );
    expect(() => range.load("values")).toThrow(/already finished/);
  });

  it("fails the sync with ItemNotFound for a missing sheet, and gives a null object with OrNullObject", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      const present = context.workbook.worksheets.getItemOrNullObject("表1");
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      context.workbook.worksheets.getItem("没有").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("gives a null used range for an empty sheet and the used rectangle otherwise", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const empty = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(false);
      const used = context.workbook.worksheets.getItem("表1").getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      empty.load("address");
      await context.sync();
      expect(empty.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(false);
      expect([
        used.address,
        used.rowIndex,
        used.columnIndex,
        used.rowCount,
        used.columnCount,
      ]).toEqual(["表1!A1:C2", 0, 0, 2, 3]);
    });
  });

  it("reads merged areas as Excel's RangeAreas address, null when none", async () => {
    const sim = sampleSimulator();
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表1");
      const merged = sheet.getRange("A1:D3").getMergedAreasOrNullObject();
      const none = sheet.getRange("A2:D3").getMergedAreasOrNullObject();
      merged.load("address");
      none.load("address");
      await context.sync();
      expect(merged.address).toBe("表1!B1:D1");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("fails a merged-areas read past 512 areas", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("M");
    for (let i = 0; i <= MAX_MERGED_AREAS; i++) ws.mergeCells(i + 1, 1, i + 1, 2);
    const sim = createExcelSimulator(wb);
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("M");
      sheet.getRange(`A1:B${MAX_MERGED_AREAS}`).getMergedAreasOrNullObject().load("address");
      await context.sync();
      sheet
        .getRange(`A1:B${MAX_MERGED_AREAS + 1}`)
        .getMergedAreasOrNullObject()
        .load("address");
      await expect(context.sync()).rejects.toThrow(/512/);
    });
  });

  it("records payload sizes and fails a response over 5 MB or a read over 5,000,000 cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Big");
    const text = "长".repeat(200);
    for (let r = 1; r <= 3000; r++)
      for (let c = 1; c <= 5; c++) ws.getCell(r, c).value = `${text}${r}`;
    const sim = createExcelSimulator(wb);
    await sim.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Big");
      sheet.getRange("A1:E100").load("values");
      await context.sync();
      expect(sim.syncLog.at(-1)!.responseBytes).toBeGreaterThan(100 * 5 * 200);
      expect(sim.syncLog.at(-1)!.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
      sheet.getRange("A1:E3000").load("values,text");
      await expect(context.sync()).rejects.toMatchObject({
        code: "ResponsePayloadSizeLimitExceeded",
      });
      sheet.getRange("A1:E1000000").load("address");
      await context.sync();
      sheet.getRange("A1:F1000000").load("values");
      await expect(context.sync()).rejects.toThrow(/5,000,000/);
    });
  });
});
