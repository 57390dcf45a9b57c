/**
 * Our writes never reach our own re-check. Belt and braces: `Application.EnableEvents = false`
 * around every write, and a guard that drops SheetChange events arriving while a write of ours
 * runs or shortly after (WPS may deliver events after the call that caused them returned, and
 * whether EnableEvents holds back the add-in API's events is not documented).
 *
 * Edits reach the pane through `wps.ApiEvent.AddApiEventListener("SheetChange", fn)`, which calls
 * fn(worksheet, range); the pane gets the sheet's name and the range's address ("D7", "D7:E9").
 */
import { LEDGER_SHEET } from "../marks/ledger";
import { OwnWrites } from "../shared/own-writes";
import type { CellEdit } from "../types";
import type { WpsEnv } from "./env";

/** How long after one of our writes a change is still taken for ours. */
export const QUIET_MS = 500;

export class WpsWrites {
  private readonly own: OwnWrites;

  constructor(private readonly env: WpsEnv) {
    this.own = new OwnWrites(env.quietMs ?? QUIET_MS);
  }

  /** Runs one write of ours with events off; the previous setting comes back even on failure. */
  around<T>(work: () => T | Promise<T>): Promise<T> {
    return this.own.around(async () => {
      const app = this.env.Application;
      const before = app.EnableEvents;
      app.EnableEvents = false;
      try {
        return await work();
      } finally {
        app.EnableEvents = before !== false;
      }
    });
  }

  get active(): boolean {
    return this.own.active;
  }
}

type SheetChange = (worksheet: Et.Worksheet, range: Et.Range) => void;

export function listenForEdits(
  env: WpsEnv,
  writes: WpsWrites,
  listener: (edits: readonly CellEdit[]) => void,
): (() => void) | null {
  const api = env.wps?.ApiEvent;
  if (!api || typeof api.AddApiEventListener !== "function") return null;
  const handler: SheetChange = (worksheet, range) => {
    if (writes.active) return;
    const sheet = worksheet.Name;
    if (sheet === LEDGER_SHEET) return;
    listener([{ sheet, address: range.Address(false, false) }]);
  };
  // et-jsapi-declare types SheetChange's second argument as a worksheet (a slip in the
  // declarations: WPS passes the changed Range, as Excel's COM event does).
  const registered = handler as unknown as (worksheet: Et.Worksheet, range: object) => void;
  api.AddApiEventListener("SheetChange", registered);
  return () => api.RemoveApiEventListener("SheetChange", registered);
}
