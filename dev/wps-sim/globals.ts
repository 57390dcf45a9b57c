/// <reference types="et-jsapi-declare" />
/**
 * Puts `Application` and `wps` on a global object (window in the wps-sim page, globalThis in
 * tests), as WPS does for every page of a JS add-in. Returns a function that restores what was
 * there before.
 */
import type { WpsSimulator } from "./simulator";

export interface InstalledWpsGlobals {
  Application: WPSMergedRoot;
  wps: WPSMergedRoot;
  uninstall(): void;
}

export function installWpsGlobals(
  sim: WpsSimulator,
  target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): InstalledWpsGlobals {
  const previous = { Application: target.Application, wps: target.wps };
  target.Application = sim.Application;
  target.wps = sim.wps;
  return {
    Application: sim.Application,
    wps: sim.wps,
    uninstall() {
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete target[key];
        else target[key] = value;
      }
    },
  };
}
