/**
 * The Excel adapter on the simulated Excel (dev/excel-sim): a simulator loaded from an exceljs
 * workbook or .xlsx bytes, and the adapter's environment on it.
 */
import ExcelJS from "exceljs";
import { WorkbookModel } from "../../../dev/excel-sim/model";
import { ExcelSimulator, type SimulatorOptions } from "../../../dev/excel-sim/simulator";
import { createExcelHost, type ExcelEnv } from "../../../src/hosts/excel";
import type { HostAdapter } from "../../../src/hosts/types";

export interface SimHost {
  sim: ExcelSimulator;
  host: HostAdapter;
}

export function envOf(sim: ExcelSimulator, extra: Partial<ExcelEnv> = {}): ExcelEnv {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      sim.run((context) => batch(context as unknown as Excel.RequestContext)),
    isSetSupported: (name, version) => sim.isSetSupported(name, version),
    ...extra,
  };
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function simHost(
  source: ExcelJS.Workbook | Uint8Array,
  options: SimulatorOptions = {},
  extra: Partial<ExcelEnv> = {},
): Promise<SimHost> {
  const bytes = source instanceof Uint8Array ? source : await bytesOf(source);
  const sim = new ExcelSimulator(await WorkbookModel.fromXlsx(bytes), options);
  return { sim, host: createExcelHost(envOf(sim, extra)) };
}

/** Syncs the simulator counted while `work` ran. */
export async function syncsOf(sim: ExcelSimulator, work: () => Promise<unknown>): Promise<number> {
  const before = sim.syncCount;
  await work();
  return sim.syncCount - before;
}
