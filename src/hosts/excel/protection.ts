/**
 * Protected sheets around our writes. A sheet protected without a password (our own templates) is
 * unprotected, written and protected again with the options it had; a password-protected sheet is
 * never touched. Note that Excel empties its undo stack on protect and unprotect, so a mark or a
 * clear on a protected sheet cannot be undone with Ctrl+Z, nor can anything the user did before it.
 */

export interface SheetProtection {
  name: string;
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  /** Read after the first sync. */
  protected: boolean;
  options: Excel.WorksheetProtectionOptions | undefined;
  /** True / false when known (ExcelApiOnline 1.1 or a try), undefined before a try. */
  password: boolean | undefined;
  /** True once this pass has unprotected the sheet (it must be protected again). */
  unprotected: boolean;
}

/** Queues the protection loads; call `readProtection` after the sync. */
export function queueProtection(
  worksheet: Excel.Worksheet,
  name: string,
  withPasswordFlag: boolean,
): SheetProtection {
  const protection = worksheet.protection;
  protection.load(withPasswordFlag ? "protected,options,isPasswordProtected" : "protected,options");
  return {
    name,
    worksheet,
    protection,
    protected: false,
    options: undefined,
    password: undefined,
    unprotected: false,
  };
}

export function readProtection(state: SheetProtection, withPasswordFlag: boolean): void {
  state.protected = state.protection.protected;
  state.options = state.protected ? { ...state.protection.options } : undefined;
  if (!state.protected) state.password = false;
  else if (withPasswordFlag) state.password = state.protection.isPasswordProtected;
}

/**
 * Finds out which protected sheets have a password by trying to unprotect them without one (used
 * where `isPasswordProtected` is not available). All tries go in one sync; Excel stops a batch at
 * its first failure, so when one fails the sheets are read again: the first still-protected one
 * had a password, those before it are now unprotected, the rest are tried again. Syncs: one, plus
 * two per password-protected sheet — never per sheet.
 */
export async function tryUnprotect(
  context: Excel.RequestContext,
  sheets: readonly SheetProtection[],
): Promise<void> {
  let pending = sheets.filter((s) => s.protected && s.password === undefined);
  while (pending.length > 0) {
    for (const sheet of pending) sheet.protection.unprotect();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once per password sheet
      await context.sync();
      for (const sheet of pending) {
        sheet.password = false;
        sheet.unprotected = true;
      }
      return;
    } catch {
      for (const sheet of pending) sheet.protection.load("protected");
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- once per password sheet
      await context.sync();
      const failed = pending.findIndex((sheet) => sheet.protection.protected);
      pending.slice(0, failed < 0 ? pending.length : failed).forEach((sheet) => {
        sheet.password = false;
        sheet.unprotected = true;
      });
      if (failed < 0) return;
      pending[failed].password = true;
      pending = pending.slice(failed + 1);
    }
  }
}

/** Queues unprotect for a sheet we may write to (no password) that is still protected. */
export function queueUnprotect(sheet: SheetProtection): void {
  if (sheet.protected && sheet.password === false && !sheet.unprotected) {
    sheet.protection.unprotect();
    sheet.unprotected = true;
  }
}

/** Queues protect with the options the sheet had, for every sheet this pass unprotected. */
export function queueReprotect(sheets: Iterable<SheetProtection>): void {
  for (const sheet of sheets) {
    if (!sheet.unprotected) continue;
    sheet.protection.protect(sheet.options);
    sheet.unprotected = false;
  }
}
