/**
 * A simulated WPS 表格 (ET object model) for tests, benches and the wps-sim page (development
 * code: src/ never imports it). See README.md for what it models and what is assumed.
 *
 *   const sim = await WpsSimulator.load(bytes);     // or WpsSimulator.fromWorkbook(exceljsWorkbook)
 *   installWpsGlobals(sim);                         // Application and wps on globalThis
 *   Application.ActiveWorkbook.Worksheets.Item(1).UsedRange.Value2;
 *   sim.calls; sim.callCount; await sim.toXlsx();
 */
export {
  WpsSimulator,
  CUSTOM_FUNCTIONS_SINCE,
  DEFAULT_BRIDGE_COST,
  type WpsSimulatorOptions,
  type BridgeCost,
  type CustomFunctionRegistration,
} from "./simulator";
export { installWpsGlobals, type InstalledWpsGlobals } from "./globals";
export { ComError, HRESULT } from "./com";
export { XL, CVERR } from "./constants";
export { hexToBgr, bgrToHex, PALETTE } from "./colors";
export { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT } from "./range";
