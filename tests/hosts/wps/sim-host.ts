/**
 * The WPS adapter on the simulated ET object model (dev/wps-sim): a simulator loaded from an
 * exceljs workbook or .xlsx bytes, and the adapter on its `Application` and `wps`.
 */
import ExcelJS from "exceljs";
import { WpsSimulator, type WpsSimulatorOptions } from "../../../dev/wps-sim";
import { createWpsHost, type WpsEnv } from "../../../src/hosts/wps";
import type { HostAdapter } from "../../../src/hosts/types";

export interface WpsSimHost {
  sim: WpsSimulator;
  host: HostAdapter;
}

export function envOf(sim: WpsSimulator, extra: Partial<WpsEnv> = {}): WpsEnv {
  return { Application: sim.Application, wps: sim.wps, quietMs: 0, ...extra };
}

export async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function wpsHost(
  source: ExcelJS.Workbook | Uint8Array,
  options: WpsSimulatorOptions = {},
  extra: Partial<WpsEnv> = {},
): Promise<WpsSimHost> {
  const bytes = source instanceof Uint8Array ? source : await bytesOf(source);
  const sim = await WpsSimulator.load(bytes, options);
  return { sim, host: createWpsHost(envOf(sim, extra)) };
}

/** Object-model calls the simulator counted while `work` ran. */
export async function callsOf(sim: WpsSimulator, work: () => Promise<unknown>): Promise<number> {
  const before = sim.callCount;
  await work();
  return sim.callCount - before;
}
