/**
 * Which host adapter the pane talks to. The one place that knows about Office.js (and, later, WPS):
 * everything else in the pane sees only the HostAdapter interface, so the same React tree serves
 * every host.
 */
import { createExcelHost } from "../hosts/excel";
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
}

/**
 * The adapter for the program the pane runs in, or undefined in a plain browser (and in hosts the
 * pane does not serve). WPS: its adapter plugs in here, chosen by the `wps` global, when it lands.
 */
export function chooseHost(
  info: ReadyInfo | undefined,
  globals: HostGlobals = globalThis as HostGlobals,
): HostAdapter | undefined {
  if (String(info?.host ?? "") === "Excel") return excelHost(globals);
  return undefined;
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
