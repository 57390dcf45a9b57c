/**
 * Sheets of the ET object model: collections are 1-based (`Item(i)`), names compared
 * case-insensitively as WPS and Excel do.
 */
import { HostError } from "../types";

export function worksheetsOf(workbook: Et.Workbook): Et.Worksheet[] {
  const collection = workbook.Worksheets;
  const count = collection.Count;
  const sheets: Et.Worksheet[] = [];
  for (let i = 1; i <= count; i++) sheets.push(collection.Item(i) as Et.Worksheet);
  return sheets;
}

/** Sheets by name; the lookup is case-insensitive. */
export class SheetIndex {
  readonly sheets: ReadonlyArray<{ name: string; sheet: Et.Worksheet }>;
  private readonly byLower = new Map<string, { name: string; sheet: Et.Worksheet }>();

  constructor(workbook: Et.Workbook) {
    this.sheets = worksheetsOf(workbook).map((sheet) => ({ name: sheet.Name, sheet }));
    for (const entry of this.sheets) this.byLower.set(entry.name.toLowerCase(), entry);
  }

  get names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  find(name: string): Et.Worksheet | undefined {
    return this.byLower.get(name.toLowerCase())?.sheet;
  }

  get(name: string): Et.Worksheet {
    const sheet = this.find(name);
    if (!sheet) {
      throw new HostError(`找不到工作表“${name}”，它可能已被删除或重命名；请重新校验后再试。`);
    }
    return sheet;
  }
}

/** XlSheetVisibility: -1 visible (COM may also give true), 0 hidden, 2 very hidden. */
export function isHidden(sheet: Et.Worksheet): boolean {
  const visible: unknown = sheet.Visible;
  return !(visible === -1 || visible === true);
}

/**
 * Adds a worksheet after the last one and names it; WPS activates a sheet it adds. Sheets.Add
 * then `.Name =`, as the ET object model has no name argument.
 */
export function addSheet(workbook: Et.Workbook, name: string): Et.Worksheet {
  const collection = workbook.Worksheets;
  const last = collection.Item(collection.Count) as Et.Worksheet;
  const sheet = collection.Add(undefined, last) as Et.Worksheet;
  sheet.Name = name;
  return sheet;
}

/** Deletes a sheet without WPS asking the user to confirm. */
export function deleteSheet(app: Et.Application, sheet: Et.Worksheet): void {
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}
