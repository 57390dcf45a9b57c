/**
 * Edits for the live re-check: `worksheets.onChanged` (ExcelApi 1.7) reports every cell change in
 * the workbook with the sheet's id; the listener gets sheet names. Our own writes never reach it:
 * they run with `runtime.enableEvents` off (1.8), changes Excel tags as coming from this add-in
 * (`triggerSource`, 1.14) are dropped too, and on an Excel with neither the adapter ignores changes
 * while one of its own writes is under way and for a moment after.
 */
import { LEDGER_SHEET } from "../marks/ledger";
import { OwnWrites as SharedOwnWrites } from "../shared/own-writes";
import type { CellEdit } from "../types";
import type { ExcelEnv, ExcelFeatures } from "./env";

/** How long after one of our writes a change is still taken for ours, where Excel cannot say. */
const QUIET_MS = 1500;

/** Counts the adapter's own writes (src/hosts/shared/own-writes.ts), for Excels without the events switch. */
export class OwnWrites extends SharedOwnWrites {
  constructor() {
    super(QUIET_MS);
  }
}

export async function listenForEdits(
  env: ExcelEnv,
  features: ExcelFeatures,
  own: OwnWrites,
  listener: (edits: readonly CellEdit[]) => void,
): Promise<(() => Promise<void>) | null> {
  if (!features.base) return null;
  const names = new Map<string, string>();
  const refreshNames = () =>
    env.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/id,items/name");
      await context.sync();
      names.clear();
      for (const ws of worksheets.items) names.set(ws.id, ws.name);
    });

  const handler = async (args: Excel.WorksheetChangedEventArgs) => {
    if (features.triggerSource && args.triggerSource === "ThisLocalAddin") return;
    if (!features.events && !features.triggerSource && own.active) return;
    let name = names.get(args.worksheetId);
    if (name === undefined) {
      // A sheet added or renamed since: ask once more.
      await refreshNames().catch(() => undefined);
      name = names.get(args.worksheetId);
    }
    if (name === undefined || name === LEDGER_SHEET) return;
    listener([{ sheet: name, address: args.address }]);
  };

  const registration = await env.run(async (context) => {
    const worksheets = context.workbook.worksheets.load("items/id,items/name");
    const result = worksheets.onChanged.add(handler);
    await context.sync();
    for (const ws of worksheets.items) names.set(ws.id, ws.name);
    return result;
  });

  // Removal goes through the registration's own context, as Office.js requires (the documented
  // form is Excel.run(result.context, …); syncing that context directly does the same).
  return async () => {
    await env.run(async () => {
      registration.remove();
      await registration.context.sync();
    });
  };
}
