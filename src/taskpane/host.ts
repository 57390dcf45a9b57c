/**
 * Which host adapter the pane talks to. The one place that knows about Office.js and WPS:
 * everything else in the pane sees only the HostAdapter interface, so the same React tree serves
 * every host.
 */
import { createExcelHost } from "../hosts/excel";
import { createWpsHost, type WpsRoot } from "../hosts/wps";
import type { HostAdapter } from "../hosts/types";

/** What `Office.onReady` reports, reduced to what choosing a host needs. */
export interface ReadyInfo {
  host?: unknown;
}

/** The globals a host adapter is built from; `globalThis` in the add-in, stand-ins in tests. */
export interface HostGlobals {
  Excel?: { run?: unknown };
  Office?: {
    context?: { requirements?: { isSetSupported?(name: string, version?: string): boolean } };
  };
  /** WPS 表格's JS add-in globals (window.Application, window.wps). */
  Application?: unknown;
  wps?: unknown;
}

/**
 * The adapter for the program the pane runs in, or undefined in a plain browser (and in hosts the
 * pane does not serve). Excel is recognised first, by Office.onReady's host; WPS 表格 (where
 * office.js finds no Office host) by its `wps` and `Application` globals.
 */
export function chooseHost(
  info: ReadyInfo | undefined,
  globals: HostGlobals = globalThis as HostGlobals,
): HostAdapter | undefined {
  if (String(info?.host ?? "") === "Excel") return excelHost(globals);
  return wpsHost(globals);
}

function wpsHost(globals: HostGlobals): HostAdapter | undefined {
  const { Application: application, wps } = globals;
  if (typeof application !== "object" || application === null) return undefined;
  if (typeof wps !== "object" || wps === null) return undefined;
  return createWpsHost({ Application: application as Et.Application, wps: wps as WpsRoot });
}

function excelHost(globals: HostGlobals): HostAdapter | undefined {
  const excel = globals.Excel;
  const run = excel?.run;
  if (typeof run !== "function") return undefined;
  const requirements = globals.Office?.context?.requirements;
  return createExcelHost({
    run: (batch) => run.call(excel, batch) as ReturnType<typeof batch>,
    isSetSupported: (name, version) => requirements?.isSetSupported?.(name, version) ?? false,
  });
}
