/// <reference types="et-jsapi-declare" />
import { describe, expect, it } from "vitest";
import { ComError, CVERR, XL } from "../../../dev/wps-sim";
import { sampleSimulator, sheet } from "./helpers";

describe("collections", () => {
  it("counts from 1 and finds sheets by name, case-insensitively", () => {
    const sim = sampleSimulator();
    const sheets = sim.Application.ActiveWorkbook.Worksheets;
    expect(sheets.Count).toBe(3);
    expect((sheets.Item(1) as Et.Worksheet).Name).toBe("表1");
    expect((sheets.Item(3) as Et.Worksheet).Name).toBe("Empty");
    expect((sheets.Item("empty") as Et.Worksheet).Index).toBe(3);
    expect(() => sheets.Item(0)).toThrow(ComError);
    expect(() => sheets.Item(4)).toThrow(ComError);
    expect(() => sheets.Item("没有这张表")).toThrow(ComError);
  });

  it("Cells.Item(row, column) and Range.Item are relative to the top-left cell", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Cells.Item(2, 1).Value2).toBe(100);
    const block = ws.Range("B2:C3");
    expect(block.Item(1, 1).Address()).toBe("$B$2");
    expect(block.Item(2, 2).Address()).toBe("$C$3");
    expect(block.Item(3).Address()).toBe("$B$3");
    expect(block.Cells.Item(1, 2).Address(false, false)).toBe("C2");
    expect(block.Rows.Count).toBe(2);
    expect(block.Columns.Count).toBe(2);
    expect(block.Count).toBe(4);
    expect(block.Rows.Item(2).Address()).toBe("$B$3:$C$3");
    expect(ws.Rows.Item(3).Address()).toBe("$3:$3");
    expect(block.Offset(1, 1).Address()).toBe("$C$3:$D$4");
    expect(block.Resize(1, 3).Address()).toBe("$B$2:$D$2");
    expect(block.Row).toBe(2);
    expect(block.Column).toBe(2);
  });

  it("the used range is $A$1 on an empty sheet and covers values, fills and merges otherwise", () => {
    const sim = sampleSimulator();
    expect(sheet(sim, "Empty").UsedRange.Address()).toBe("$A$1");
    expect(sheet(sim, "表1").UsedRange.Address()).toBe("$A$1:$D$3");
  });
});

describe("values", () => {
  it("Value2 is a scalar for one cell, undefined when empty, and rows of values for a block", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("A2").Value2).toBe(100);
    expect(ws.Range("A1").Value2).toBe("项目名称");
    expect(ws.Range("A3").Value2).toBeUndefined();
    const rows = ws.Range("A1:C2").Value2 as unknown as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(["项目名称", "示例项目", undefined]);
    expect(rows[1][0]).toBe(100);
    expect(rows[1][2]).toBeCloseTo(0.9904, 10);
  });

  it("an error reads as its CVErr code in Value2 and as text in Text", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("D2").Value2).toBe(CVERR["#DIV/0!"]);
    expect(ws.Range("D2").Text).toBe("#DIV/0!");
  });

  it("writes a scalar to every cell and an array of rows cell by cell; formulas compute at once", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    ws.Range("A1:B2").Value2 = 7 as never;
    expect(ws.Range("A1:B2").Value2).toEqual([
      [7, 7],
      [7, 7],
    ]);
    ws.Range("A1:B1").Value2 = [[3, "4"]] as never;
    ws.Range("C1").Formula = "=A1+B1";
    expect(ws.Range("C1").Value2).toBe(7);
    expect(ws.Range("C1").Formula).toBe("=A1+B1");
    expect(ws.Range("A1").Formula).toBe("3");
    expect(ws.Range("A1:C1").HasFormula).toBeNull();
    expect(ws.Range("C1").HasFormula).toBe(true);
    ws.Range("A1:B2").Value2 = "" as never;
    expect(ws.Range("A1").Value2).toBeUndefined();
  });

  it("reads Value but refuses to write it (write Value2)", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("A2").Value()).toBe(100);
    expect(() => {
      (ws.Range("A2") as unknown as { Value: unknown }).Value = 5;
    }).toThrow(ComError);
    expect(ws.Range("A2").Value2).toBe(100);
  });

  it("Text and NumberFormat of a block are null unless every cell agrees", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("C2").Text).toBe("99.04%");
    expect(ws.Range("A2:B2").Text).toBeNull();
    expect(ws.Range("A3:B3").Text).toBe("");
    expect(ws.Range("A2:B2").NumberFormat).toBe("General");
    expect(ws.Range("B2:C2").NumberFormat).toBeNull();
    ws.Range("A2:B2").NumberFormat = "0.00";
    expect(ws.Range("A2:B2").NumberFormat).toBe("0.00");
    expect(ws.Range("A2").Text).toBe("100.00");
  });
});

describe("merges", () => {
  it("MergeCells is true inside a merge, false outside, null when mixed; MergeArea finds the area", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("B1:D1").MergeCells).toBe(true);
    expect(ws.Range("C1").MergeCells).toBe(true);
    expect(ws.Range("A1:D1").MergeCells).toBeNull();
    expect(ws.Range("A2:D2").MergeCells).toBe(false);
    expect(ws.Range("C1").MergeArea.Address()).toBe("$B$1:$D$1");
    expect(ws.Range("A2").MergeArea.Address()).toBe("$A$2");
    ws.Range("A5:B6").Merge();
    expect(ws.Range("B6").MergeArea.Address()).toBe("$A$5:$B$6");
    ws.Range("A5").UnMerge();
    expect(ws.Range("A5:B6").MergeCells).toBe(false);
  });
});

describe("fills and fonts", () => {
  it("reads no fill as white with ColorIndex and Pattern xlNone; a white fill as solid white", () => {
    const ws = sheet(sampleSimulator(), "表1");
    const none = ws.Range("A1").Interior;
    expect(none.Color).toBe(0xffffff);
    expect(none.ColorIndex).toBe(XL.xlColorIndexNone);
    expect(none.Pattern).toBe(XL.xlPatternNone);
    const white = ws.Range("A3").Interior;
    expect(white.Color).toBe(0xffffff);
    expect(white.Pattern).toBe(XL.xlPatternSolid);
    expect(white.ColorIndex).toBe(2);
  });

  it("Color is BGR: 00B050 in the file reads 0x50B000; a pattern keeps cell and pattern colours apart", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("B3").Interior.Color).toBe(0x50b000);
    const grid = ws.Range("C3").Interior;
    expect(grid.Pattern).toBe(XL.xlPatternChecker);
    expect(grid.Color).toBe(0xccbbaa);
    expect(grid.PatternColor).toBe(0x332211);
    expect(ws.Range("A3:B3").Interior.Color).toBeNull();
  });

  it("setting ColorIndex or Pattern to xlNone removes the fill", () => {
    const ws = sheet(sampleSimulator(), "表1");
    ws.Range("B3").Interior.ColorIndex = XL.xlNone;
    expect(ws.Range("B3").Interior.Pattern).toBe(XL.xlPatternNone);
    ws.Range("C3").Interior.Pattern = XL.xlPatternNone;
    expect(ws.Range("C3").Interior.ColorIndex).toBe(XL.xlColorIndexNone);
  });

  it("fonts, alignment, wrap, borders and widths read back what was written", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    const r = ws.Range("A1:B2");
    r.Font.Bold = true;
    r.Font.Color = 0x0000ff;
    r.Font.Name = "黑体";
    r.HorizontalAlignment = XL.xlHAlignCenter;
    r.VerticalAlignment = XL.xlVAlignCenter;
    r.WrapText = true;
    r.Borders.LineStyle = XL.xlContinuous;
    r.Borders.Item(XL.xlEdgeBottom).Weight = XL.xlMedium;
    r.ColumnWidth = 20;
    r.RowHeight = 30;
    expect([r.Font.Bold, r.Font.Color, r.Font.Name]).toEqual([true, 255, "黑体"]);
    expect([r.HorizontalAlignment, r.VerticalAlignment, r.WrapText]).toEqual([
      XL.xlHAlignCenter,
      XL.xlVAlignCenter,
      true,
    ]);
    expect(r.Borders.Item(XL.xlInsideHorizontal).LineStyle).toBe(XL.xlContinuous);
    expect(r.Borders.Item(XL.xlEdgeBottom).Weight).toBe(XL.xlMedium);
    expect(r.Borders.Item(XL.xlEdgeTop).Weight).toBe(XL.xlThin);
    expect([r.ColumnWidth, r.RowHeight]).toEqual([20, 30]);
    expect(ws.Range("C1").ColumnWidth).toBe(8.38);
    expect(ws.Range("B1:C1").ColumnWidth).toBeNull();
    expect(ws.Range("C3").HorizontalAlignment).toBe(XL.xlHAlignGeneral);
  });
});

describe("comments", () => {
  it("reads, adds, refuses a second comment, deletes and clears", () => {
    const ws = sheet(sampleSimulator(), "表1");
    expect(ws.Range("A2").Comment!.Text()).toBe("用户自己的批注");
    expect(ws.Range("B2").Comment).toBeNull();
    expect(() => ws.Range("A2").AddComment("又一条")).toThrow(ComError);
    const added = ws.Range("B2").AddComment("执行率有误");
    expect(added.Text()).toBe("执行率有误");
    expect(ws.Range("B2").Comment!.Text()).toBe("执行率有误");
    ws.Range("B2").Comment!.Text("改过的");
    expect(ws.Range("B2").Comment!.Text()).toBe("改过的");
    expect(ws.Comments.Count).toBe(2);
    ws.Range("B2").Comment!.Delete();
    expect(ws.Range("B2").Comment).toBeNull();
    ws.Range("A1:D3").ClearComments();
    expect(ws.Range("A2").Comment).toBeNull();
    expect(ws.Comments.Count).toBe(0);
  });
});

describe("validation", () => {
  it("adds a list, refuses a second Add, reads messages and deletes", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    const v = ws.Range("A1:A3").Validation;
    expect(() => v.Type).toThrow(ComError);
    v.Add(XL.xlValidateList as Et.XlDVType, XL.xlValidAlertStop, XL.xlBetween, "优,良,中,差");
    v.ErrorMessage = "请从列表中选择";
    expect(ws.Range("A2").Validation.Type).toBe(XL.xlValidateList);
    expect(ws.Range("A2").Validation.Formula1).toBe("优,良,中,差");
    expect(ws.Range("A3").Validation.ErrorMessage).toBe("请从列表中选择");
    expect(() =>
      ws.Range("A2").Validation.Add(XL.xlValidateList as Et.XlDVType, 1, 1, "a"),
    ).toThrow(ComError);
    ws.Range("A1:A3").Validation.Delete();
    expect(() => ws.Range("A2").Validation.Type).toThrow(ComError);
  });
});

describe("sheets", () => {
  it("Visible uses -1 / 0 / 2 and the last visible sheet cannot be hidden", () => {
    const sim = sampleSimulator();
    expect(sheet(sim, "隐藏").Visible).toBe(XL.xlSheetVeryHidden);
    expect(sheet(sim, "表1").Visible).toBe(XL.xlSheetVisible);
    sheet(sim, "Empty").Visible = XL.xlSheetHidden as Et.XlSheetVisibility;
    expect(sheet(sim, "Empty").Visible).toBe(XL.xlSheetHidden);
    expect(() => {
      sheet(sim, "表1").Visible = XL.xlSheetHidden as Et.XlSheetVisibility;
    }).toThrow(ComError);
  });

  it("Add puts a new active sheet before the active one or after the given sheet; protected structure refuses", () => {
    const sim = sampleSimulator();
    const sheets = sim.Application.ActiveWorkbook.Worksheets;
    const added = sheets.Add(undefined, sheets.Item(3)) as Et.Worksheet;
    expect(added.Index).toBe(4);
    expect(added.Name).toBe("Sheet4");
    expect((sim.Application.ActiveSheet as Et.Worksheet).Name).toBe("Sheet4");
    added.Name = "模板";
    expect((sheets.Item(4) as Et.Worksheet).Name).toBe("模板");
    const first = sheets.Add() as Et.Worksheet;
    expect(first.Index).toBe(4);
    sim.protectStructure();
    expect(sim.Application.ActiveWorkbook.ProtectStructure).toBe(true);
    expect(() => sheets.Add()).toThrow(ComError);
  });

  it("Select needs the sheet to be active; Activate makes it so", () => {
    const sim = sampleSimulator();
    const ws = sheet(sim, "Empty");
    expect(() => ws.Range("B2").Select()).toThrow(ComError);
    ws.Activate();
    ws.Range("B2").Select();
    expect(sim.Application.Selection.Address()).toBe("$B$2");
    expect(sim.model.selection?.rect).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(() => sheet(sim, "隐藏").Activate()).toThrow(ComError);
  });
});

describe("protection", () => {
  it("a sheet protected without a password refuses locked cells, allows unlocked ones, and unprotects", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    ws.Range("B1").Locked = false;
    ws.Protect(undefined, true, true, true, false, true);
    expect(ws.ProtectContents).toBe(true);
    expect(ws.Protection.AllowFormattingCells).toBe(true);
    expect(ws.Protection.AllowDeletingRows).toBe(false);
    expect(() => (ws.Range("A1").Value2 = 1 as never)).toThrow(ComError);
    ws.Range("B1").Value2 = 2 as never;
    expect(ws.Range("B1").Value2).toBe(2);
    expect(() => ws.Range("A1").AddComment("x")).toThrow(ComError);
    ws.Unprotect();
    expect(ws.ProtectContents).toBe(false);
    ws.Range("A1").Value2 = 1 as never;
    expect(ws.Range("A1").Value2).toBe(1);
  });

  it("a password-protected sheet needs the right password", () => {
    const sim = sampleSimulator();
    const ws = sheet(sim, "Empty");
    ws.Protect("秘密");
    expect(() => ws.Unprotect()).toThrow(ComError);
    expect(() => ws.Unprotect("错的")).toThrow(ComError);
    expect(ws.ProtectContents).toBe(true);
    ws.Unprotect("秘密");
    expect(ws.ProtectContents).toBe(false);
    sim.protectWithPassword("表1", "pw");
    expect(() => sheet(sim, "表1").Unprotect()).toThrow(ComError);
    expect(() => sheet(sim, "表1").Protect()).toThrow(ComError);
  });

  it("page setup: A4, landscape, fit to one page wide, title rows, centred", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    const p = ws.PageSetup;
    p.PaperSize = XL.xlPaperA4 as Et.XlPaperSize;
    p.Orientation = XL.xlLandscape as Et.XlPageOrientation;
    p.Zoom = false;
    p.FitToPagesWide = 1;
    p.FitToPagesTall = false;
    p.PrintTitleRows = "$1:$3";
    p.CenterHorizontally = true;
    expect([p.PaperSize, p.Orientation, p.Zoom, p.FitToPagesWide, p.FitToPagesTall]).toEqual([
      9,
      XL.xlLandscape,
      false,
      1,
      false,
    ]);
    expect([p.PrintTitleRows, p.CenterHorizontally]).toEqual(["$1:$3", true]);
  });
});

describe("row deletion", () => {
  it("moves values, fills and comments below the deleted rows up", () => {
    const ws = sheet(sampleSimulator(), "Empty");
    ws.Range("A5").Value2 = "第五行" as never;
    ws.Range("A5").Interior.Color = 0x0000ff;
    ws.Range("A5").AddComment("批注");
    ws.Rows.Item(3).Delete();
    expect(ws.Range("A4").Value2).toBe("第五行");
    expect(ws.Range("A4").Interior.Color).toBe(0x0000ff);
    expect(ws.Range("A4").Comment!.Text()).toBe("批注");
    expect(ws.Range("A5").Comment).toBeNull();
    ws.Range("B2").EntireRow.Delete();
    expect(ws.Range("A3").Value2).toBe("第五行");
    expect(ws.Range("A3").Interior.Pattern).toBe(XL.xlPatternSolid);
  });
});

describe("call counting", () => {
  it("counts gets, sets and calls by member; one block read is one call however many cells", () => {
    const sim = sampleSimulator();
    const ws = sheet(sim, "表1");
    const used = ws.UsedRange;
    sim.resetCalls();
    void used.Value2;
    expect(sim.calls["Range.Value2"]).toBe(1);
    expect(sim.callCount).toBe(1);
    expect(sim.cellsTransferred).toBe(12);
    sim.resetCalls();
    for (let r = 1; r <= 3; r++) for (let c = 1; c <= 4; c++) void ws.Cells.Item(r, c).Value2;
    expect(sim.calls["Range.Value2"]).toBe(12);
    expect(sim.calls["Range.Item()"]).toBe(12);
    expect(sim.calls["Worksheet.Cells"]).toBe(12);
    ws.Range("A1").Interior.Color = 255;
    expect(sim.calls["Interior.Color="]).toBe(1);
    expect(sim.estimatedBridgeMs({ perCallUs: 1000, perCellUs: 0 })).toBe(sim.callCount);
    void (ws.Range("A1") as unknown as { NoSuchMember: unknown }).NoSuchMember;
    expect(sim.missingMembers.has("Range.NoSuchMember")).toBe(true);
  });
});
