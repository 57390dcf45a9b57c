import { afterEach, describe, expect, it } from "vitest";
import { installExcelGlobals, type InstalledGlobals } from "../../../dev/excel-sim";
import { sampleSimulator } from "./helpers";

let globals: InstalledGlobals | undefined;
afterEach(() => globals?.uninstall());

describe("change events", () => {
  it("fires onChanged for writes while events are on, never while they are off", async () => {
    const sim = sampleSimulator();
    const seen: string[] = [];
    await sim.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表1");
      ws.onChanged.add(async (args) => {
        const a = args as { address: string; changeType: string; triggerSource?: string };
        seen.push(`${a.address}:${a.changeType}:${a.triggerSource}`);
      });
      await context.sync();
    });
    await sim.run(async (context) => {
      context.runtime.enableEvents = false;
      context.workbook.worksheets.getItem("表1").getRange("A7").values = [["ours"]];
      context.runtime.enableEvents = true;
    });
    await sim.settle();
    expect(seen).toEqual([]);
    await sim.userEdit("表1", "B2", 50);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("A8:B8").values = [[1, 2]];
    });
    await sim.settle();
    expect(seen).toEqual(["B2:RangeEdited:Unknown", "A8:B8:RangeEdited:ThisLocalAddin"]);
  });
});

describe("formulas", () => {
  it("reads computed results for formula cells and recomputes them after an edit", async () => {
    const sim = sampleSimulator();
    const read = () =>
      sim.run(async (context) => {
        const r = context.workbook.worksheets
          .getItem("表1")
          .getRange("C2")
          .load("values,text,formulas");
        await context.sync();
        return [r.values[0][0], r.text[0][0], r.formulas[0][0]];
      });
    expect(await read()).toEqual([expect.closeTo(0.9904, 10), "99.04%", "=B2/A2"]);
    await sim.userEdit("表1", "B2", 50);
    expect(await read()).toEqual([0.5, "50.00%", "=B2/A2"]);
    await sim.run(async (context) => {
      context.workbook.worksheets.getItem("表1").getRange("D2").formulas = [["=PERF.RATE(A2,B2)"]];
    });
    const d2 = await sim.run(async (context) => {
      const r = context.workbook.worksheets.getItem("表1").getRange("D2").load("values");
      await context.sync();
      return r.values[0][0];
    });
    expect(typeof d2).toBe("number");
  });
});

describe("globals", () => {
  it("installs Excel.run, enums and Office with requirement checks and onReady", async () => {
    const sim = sampleSimulator({ requirements: { ExcelApi: "1.13" } });
    globals = installExcelGlobals(sim);
    const g = globalThis as unknown as {
      Excel: {
        run: typeof sim.run;
        SheetVisibility: Record<string, string>;
        DeleteShiftDirection: Record<string, string>;
      };
      Office: {
        onReady(): Promise<{ host: string }>;
        context: { requirements: { isSetSupported(n: string, v: string): boolean }; host: string };
      };
    };
    expect(g.Excel.SheetVisibility.veryHidden).toBe("VeryHidden");
    expect(g.Excel.DeleteShiftDirection.up).toBe("Up");
    expect((await g.Office.onReady()).host).toBe("Excel");
    expect(g.Office.context.host).toBe("Excel");
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    const name = await g.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe("表1");
    globals.uninstall();
    globals = undefined;
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});
