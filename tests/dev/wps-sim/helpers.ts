/// <reference types="et-jsapi-declare" />
import ExcelJS from "exceljs";
import { WpsSimulator, type WpsSimulatorOptions } from "../../../dev/wps-sim";
import { sampleWorkbook as sharedSample } from "../../support/host-fixtures";

/** The shared sample workbook plus a cached error result, which WPS reports as a CVErr code. */
export function sampleWorkbook(): ExcelJS.Workbook {
  const wb = sharedSample();
  wb.getWorksheet("表1")!.getCell("D2").value = {
    formula: "1/0",
    result: { error: "#DIV/0!" },
  } as ExcelJS.CellValue;
  return wb;
}

export function sampleSimulator(options?: WpsSimulatorOptions): WpsSimulator {
  return WpsSimulator.fromWorkbook(sampleWorkbook(), options);
}

export function sheet(sim: WpsSimulator, name: string): Et.Worksheet {
  return sim.Application.ActiveWorkbook.Worksheets.Item(name) as Et.Worksheet;
}
