/// <reference types="et-jsapi-declare" />
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { WorkbookModel } from "../../../dev/excel-sim";
import { ComError, installWpsGlobals, WpsSimulator, XL } from "../../../dev/wps-sim";
import { registerWpsFunctions, type WpsCustomFunctionHost } from "../../../src/functions/wps";
import { sampleSimulator, sheet } from "./helpers";

async function reopen(sim: WpsSimulator): Promise<WpsSimulator> {
  return WpsSimulator.load(await sim.toXlsx());
}

describe("saving and loading .xlsx", () => {
  it("a BGR colour is the file's RGB: red 0x0000FF is FFFF0000, and reads back as 255", async () => {
    const sim = sampleSimulator();
    sheet(sim, "表1").Range("A1").Interior.Color = 0x0000ff;
    sheet(sim, "表1").Range("B2").Interior.Color = 0xcec7ff; // FFC7CE, Excel's "bad" fill
    const bytes = await sim.toXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const fill = wb.getWorksheet("表1")!.getCell("A1").fill as ExcelJS.FillPattern;
    expect(fill.pattern).toBe("solid");
    expect(fill.fgColor?.argb).toBe("FFFF0000");
    const bad = wb.getWorksheet("表1")!.getCell("B2").fill as ExcelJS.FillPattern;
    expect(bad.fgColor?.argb).toBe("FFFFC7CE");
    const again = await WpsSimulator.load(bytes);
    expect(sheet(again, "表1").Range("A1").Interior.Color).toBe(255);
    expect(sheet(again, "表1").Range("B2").Interior.Color).toBe(0xcec7ff);
  });

  it("keeps values, no fill, comments, merges, hidden sheets, validation, protection and page setup", async () => {
    const sim = sampleSimulator();
    const ws = sheet(sim, "Empty");
    ws.Range("A1").Value2 = "填报单位" as never;
    ws.Range("B1").Formula = "=1+2";
    ws.Range("A2:C2").Merge();
    ws.Range("A3").AddComment("请填写");
    ws.Range("B3").Validation.Add(XL.xlValidateList as Et.XlDVType, 1, 1, "是,否");
    ws.Range("B3").Locked = false;
    ws.PageSetup.Orientation = XL.xlLandscape as Et.XlPageOrientation;
    ws.Protect(undefined, true, true, true, false, true);
    const back = await reopen(sim);
    const w = sheet(back, "Empty");
    expect(w.Range("A1").Value2).toBe("填报单位");
    expect([w.Range("B1").Formula, w.Range("B1").Value2]).toEqual(["=1+2", 3]);
    expect(w.Range("B2").MergeArea.Address()).toBe("$A$2:$C$2");
    expect(w.Range("A3").Comment!.Text()).toBe("请填写");
    expect(w.Range("A3").Interior.ColorIndex).toBe(XL.xlColorIndexNone);
    expect(w.Range("B3").Validation.Formula1).toBe("是,否");
    expect(w.Range("B3").Locked).toBe(false);
    expect(w.ProtectContents).toBe(true);
    expect(w.Protection.AllowFormattingCells).toBe(true);
    expect(w.PageSetup.Orientation).toBe(XL.xlLandscape);
    expect(sheet(back, "隐藏").Visible).toBe(XL.xlSheetVeryHidden);
    expect(sheet(back, "表1").Range("A2").Comment!.Text()).toBe("用户自己的批注");
  });

  it("custom document properties are the same store the Excel simulator reads", async () => {
    const sim = sampleSimulator();
    const props = sim.Application.ActiveWorkbook.CustomDocumentProperties as {
      Add(name: string, link: boolean, type: number, value: unknown): unknown;
      Item(name: string): { Value: unknown; Delete(): void };
      Count: number;
    };
    expect(() => props.Item("perf-eval.profile")).toThrow(ComError);
    props.Add("perf-eval.profile", false, XL.msoPropertyTypeString, "shanghai");
    expect(() => props.Add("perf-eval.profile", false, XL.msoPropertyTypeString, "x")).toThrow(
      ComError,
    );
    expect(props.Item("perf-eval.profile").Value).toBe("shanghai");
    const bytes = await sim.toXlsx();
    const excel = await WorkbookModel.fromXlsx(bytes);
    expect(excel.customProperties.get("perf-eval.profile")).toBe("shanghai");
    const back = await WpsSimulator.load(bytes);
    const backProps = back.Application.ActiveWorkbook.CustomDocumentProperties as typeof props;
    expect(backProps.Item("perf-eval.profile").Value).toBe("shanghai");
    backProps.Item("perf-eval.profile").Delete();
    expect(backProps.Count).toBe(0);
  });
});

describe("SheetChange", () => {
  function listen(sim: WpsSimulator): string[] {
    const seen: string[] = [];
    (sim.wps.ApiEvent as WPS.EtApiEvent).AddApiEventListener(
      "SheetChange",
      (ws: Et.Worksheet, range: unknown) => {
        seen.push(`${ws.Name}!${(range as Et.Range).Address(false, false)}`);
      },
    );
    return seen;
  }

  it("fires for writes through the object model and for a user's edit", () => {
    const sim = sampleSimulator();
    const seen = listen(sim);
    sheet(sim, "表1").Range("A2:B2").Value2 = 5 as never;
    sim.userEdit("表1", "C5", "手工输入");
    expect(seen).toEqual(["表1!A2:B2", "表1!C5"]);
  });

  it("does not fire while Application.EnableEvents is false, not even for a user's edit", () => {
    const sim = sampleSimulator();
    const seen = listen(sim);
    sim.Application.EnableEvents = false;
    sheet(sim, "表1").Range("A2").Value2 = 5 as never;
    sheet(sim, "表1").Range("A2").Formula = "=1";
    sim.userEdit("表1", "C5", "手工输入");
    expect(seen).toEqual([]);
    sim.Application.EnableEvents = true;
    sim.userEdit("表1", "C6", "再输入");
    expect(seen).toEqual(["表1!C6"]);
  });

  it("delivers after the write returns when asked to (async), and a removed listener hears nothing", async () => {
    const sim = sampleSimulator({ eventDelivery: "async" });
    const seen = listen(sim);
    sheet(sim, "表1").Range("A2").Value2 = 5 as never;
    expect(seen).toEqual([]);
    await sim.settle();
    expect(seen).toEqual(["表1!A2"]);
    (sim.wps.ApiEvent as WPS.EtApiEvent).RemoveApiEventListener("SheetChange");
    sim.userEdit("表1", "A3", 1);
    await sim.settle();
    expect(seen).toEqual(["表1!A2"]);
  });
});

describe("custom functions", () => {
  it("an old WPS has no AddCustomFunction: a typed =PERF.RATE reads #NAME?", () => {
    const sim = sampleSimulator({ version: "11.1.0.11744" });
    expect("AddCustomFunction" in sim.wps).toBe(false);
    expect(sim.Application.Version).toBe("11.1.0.11744");
    sim.userEdit("表1", "E2", "=PERF.RATE(A2,B2)");
    expect(sheet(sim, "表1").Range("E2").Text).toBe("#NAME?");
  });

  it("functions registered with wps.AddCustomFunction compute in a typed formula", () => {
    const sim = sampleSimulator();
    expect(sim.Application.Build).toBe(20540);
    sim.userEdit("表1", "E2", "=PERF.RATE(A2,B2)");
    expect(sheet(sim, "表1").Range("E2").Text).toBe("#NAME?");
    const ids = registerWpsFunctions(sim.wps as unknown as WpsCustomFunctionHost);
    expect(ids).toContain("RATE");
    expect(sim.registrations.map((r) => `${r.namespace}.${r.name}`)).toContain("PERF.RATE");
    sim.userEdit("表1", "E3", "=PERF.RATE(A2,B2)");
    expect(sheet(sim, "表1").Range("E3").Value2).toBeCloseTo(0.9904, 10);
    expect(() =>
      (sim.wps as unknown as WpsCustomFunctionHost).AddCustomFunction("PERF", "BAD-NAME", () => 1),
    ).toThrow(ComError);
  });
});

describe("the add-in root", () => {
  it("creates task panes, finds them by id and passes the id through PluginStorage", () => {
    const sim = sampleSimulator();
    const wps = sim.wps;
    const pane = wps.CreateTaskPane("taskpane.html", "绩效自评助手");
    expect(pane.Visible).toBe(false);
    pane.Visible = true;
    pane.DockPosition = XL.msoCTPDockPositionRight as Kso.MsoCTPDockPosition;
    wps.PluginStorage.setItem("taskpane_id", pane.ID);
    const id = wps.PluginStorage.getItem("taskpane_id");
    expect(id).toBe(String(pane.ID));
    expect(wps.GetTaskPane(Number(id)).Visible).toBe(true);
    pane.Delete();
    expect(wps.GetTaskPane(pane.ID)).toBeNull();
    expect(sim.taskPanes).toHaveLength(1);
    expect(wps.PluginStorage.getItem("missing")).toBeNull();
  });

  it("installs Application and wps as one object on a global and restores what was there", () => {
    const sim = sampleSimulator();
    const target: Record<string, unknown> = { wps: "before" };
    const installed = installWpsGlobals(sim, target);
    expect(target.Application).toBe(target.wps);
    expect((target.Application as WPSMergedRoot).ActiveWorkbook.Name).toBe("工作簿1.xlsx");
    installed.uninstall();
    expect(target).toEqual({ wps: "before" });
  });
});
