/**
 * Protected sheets around our writes, as the Excel adapter does: a sheet protected without a
 * password (our own templates) is unprotected, written and protected again with the options it
 * had (`Protect` arguments from its `Protection` object's Allow* flags); a password-protected sheet
 * is never touched. The ET object model cannot say whether a sheet has a password, so the adapter
 * tries `Unprotect("")`: it fails (or leaves the sheet protected) exactly when there is one.
 */

export interface ProtectOptions {
  drawingObjects: boolean;
  scenarios: boolean;
  userInterfaceOnly: boolean;
  allowFormattingCells: boolean;
  allowFormattingColumns: boolean;
  allowFormattingRows: boolean;
  allowInsertingColumns: boolean;
  allowInsertingRows: boolean;
  allowInsertingHyperlinks: boolean;
  allowDeletingColumns: boolean;
  allowDeletingRows: boolean;
  allowSorting: boolean;
  allowFiltering: boolean;
  allowUsingPivotTables: boolean;
}

export interface SheetLock {
  name: string;
  worksheet: Et.Worksheet;
  protected: boolean;
  /** Known after a try: true when the sheet has a password (never touched then). */
  password: boolean | undefined;
  options: ProtectOptions | undefined;
  /** True once this pass has unprotected the sheet (it must be protected again). */
  unprotected: boolean;
}

export function readLock(worksheet: Et.Worksheet, name: string): SheetLock {
  const isProtected = worksheet.ProtectContents === true;
  return {
    name,
    worksheet,
    protected: isProtected,
    password: isProtected ? undefined : false,
    options: isProtected ? readOptions(worksheet) : undefined,
    unprotected: false,
  };
}

function readOptions(worksheet: Et.Worksheet): ProtectOptions {
  const p = worksheet.Protection;
  return {
    drawingObjects: worksheet.ProtectDrawingObjects === true,
    scenarios: worksheet.ProtectScenarios === true,
    userInterfaceOnly: worksheet.ProtectionMode === true,
    allowFormattingCells: p.AllowFormattingCells === true,
    allowFormattingColumns: p.AllowFormattingColumns === true,
    allowFormattingRows: p.AllowFormattingRows === true,
    allowInsertingColumns: p.AllowInsertingColumns === true,
    allowInsertingRows: p.AllowInsertingRows === true,
    allowInsertingHyperlinks: p.AllowInsertingHyperlinks === true,
    allowDeletingColumns: p.AllowDeletingColumns === true,
    allowDeletingRows: p.AllowDeletingRows === true,
    allowSorting: p.AllowSorting === true,
    allowFiltering: p.AllowFiltering === true,
    allowUsingPivotTables: p.AllowUsingPivotTables === true,
  };
}

/**
 * Unprotects a protected sheet whose password is not yet known, by trying an empty password.
 * Leaves `password` true (and the sheet as it was) when that fails.
 */
export function tryUnprotect(lock: SheetLock): void {
  if (!lock.protected || lock.password !== undefined) return;
  try {
    lock.worksheet.Unprotect("");
  } catch {
    lock.password = true;
    return;
  }
  if (lock.worksheet.ProtectContents === true) {
    lock.password = true;
    return;
  }
  lock.password = false;
  lock.unprotected = true;
}

/** Protects again, with the options it had, every sheet this pass unprotected. */
export function reprotect(locks: Iterable<SheetLock>): void {
  for (const lock of locks) {
    if (!lock.unprotected) continue;
    protectSheet(lock.worksheet, lock.options);
    lock.unprotected = false;
  }
}

/** `Protect` without a password: positional arguments as the ET object model declares them. */
export function protectSheet(worksheet: Et.Worksheet, options: ProtectOptions | undefined): void {
  const o = options ?? DEFAULT_OPTIONS;
  worksheet.Protect(
    "",
    o.drawingObjects,
    true,
    o.scenarios,
    o.userInterfaceOnly,
    o.allowFormattingCells,
    o.allowFormattingColumns,
    o.allowFormattingRows,
    o.allowInsertingColumns,
    o.allowInsertingRows,
    o.allowInsertingHyperlinks,
    o.allowDeletingColumns,
    o.allowDeletingRows,
    o.allowSorting,
    o.allowFiltering,
    o.allowUsingPivotTables,
  );
}

export const DEFAULT_OPTIONS: ProtectOptions = {
  drawingObjects: true,
  scenarios: true,
  userInterfaceOnly: false,
  allowFormattingCells: false,
  allowFormattingColumns: false,
  allowFormattingRows: false,
  allowInsertingColumns: false,
  allowInsertingRows: false,
  allowInsertingHyperlinks: false,
  allowDeletingColumns: false,
  allowDeletingRows: false,
  allowSorting: false,
  allowFiltering: false,
  allowUsingPivotTables: false,
};
