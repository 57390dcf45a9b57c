/// <reference types="et-jsapi-declare" />
import ExcelJS from "exceljs";
import { WpsSimulator, type WpsSimulatorOptions } from "../../../dev/wps-sim";

/** A small workbook: values, a formula without a cached result, a merge, fills, a note, a hidden sheet. */
export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = "项目名称";
  ws.mergeCells("B1:D1");
  ws.getCell("B1").value = "示例项目";
  ws.getCell("A2").value = 100;
  ws.getCell("B2").value = 99.04;
  ws.getCell("C2").value = { formula: "B2/A2" } as ExcelJS.CellValue;
  ws.getCell("C2").numFmt = "0.00%";
  ws.getCell("D2").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
  ws.getCell("A3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
  ws.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("C3").fill = {
    type: "pattern",
    pattern: "darkGrid",
    fgColor: { argb: "FF112233" },
    bgColor: { argb: "FFAABBCC" },
  };
  ws.getCell("A2").note = "用户自己的批注";
  const hidden = wb.addWorksheet("隐藏");
  hidden.state = "veryHidden";
  hidden.getCell("A1").value = "x";
  wb.addWorksheet("Empty");
  return wb;
}

export function sampleSimulator(options?: WpsSimulatorOptions): WpsSimulator {
  return WpsSimulator.fromWorkbook(sampleWorkbook(), options);
}

export function sheet(sim: WpsSimulator, name: string): Et.Worksheet {
  return sim.Application.ActiveWorkbook.Worksheets.Item(name) as Et.Worksheet;
}
