/**
 * A simulated Excel for tests and the excel-sim page (development code: src/ never imports it).
 *
 *   const sim = await loadExcelSimulator(bytes);   // or createExcelSimulator(exceljsWorkbook)
 *   const globals = installExcelGlobals(sim);       // Excel.run, Office.* on globalThis
 *   await Excel.run(async (context) => { … });
 *   sim.syncCount; await sim.toXlsx();
 */
import type ExcelJS from "exceljs";
import { WorkbookModel } from "./model";
import { ExcelSimulator, type SimulatorOptions } from "./simulator";

export { ExcelSimulator, type SimulatorOptions, type SimChangedEventArgs } from "./simulator";
export { installExcelGlobals, EXCEL_ENUMS, type InstalledGlobals } from "./globals";
export { SimOfficeError } from "./errors";
export { PAYLOAD_LIMIT, type SyncRecord } from "./client";
export { MAX_MERGED_AREAS, MAX_READ_CELLS } from "./objects/range";
export { WorkbookModel } from "./model";

/** A simulator over an exceljs workbook (used as is: the simulator writes into it). */
export function createExcelSimulator(
  workbook: ExcelJS.Workbook,
  options?: SimulatorOptions,
): ExcelSimulator {
  return new ExcelSimulator(new WorkbookModel(workbook), options);
}

/** A simulator over an .xlsx file's bytes (custom properties and saved settings included). */
export async function loadExcelSimulator(
  bytes: Uint8Array | ArrayBuffer,
  options?: SimulatorOptions,
): Promise<ExcelSimulator> {
  return new ExcelSimulator(await WorkbookModel.fromXlsx(bytes), options);
}
