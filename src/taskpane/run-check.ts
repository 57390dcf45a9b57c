/**
 * Validation inside the task pane: the engine's own steps (detect the forms of each sheet, validate
 * each form), run in slices with a pause between them so a long workbook shows its progress and the
 * pane stays responsive. The result is the report `validateWorkbook` gives for the same grid.
 */
import type { Finding } from "../core/findings";
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import type { Profile } from "../core/profiles/schema";
import {
  detectSheetForms,
  orderReports,
  validateDetected,
  validateWorkbook,
  type DetectedForm,
  type FormReport,
  type WorkbookReport,
} from "../core/validate";

export interface CheckProgress {
  /** "正在查找自评表" while detecting, "正在校验" while validating. */
  phase: "detect" | "validate";
  done: number;
  total: number;
}

export interface CheckOptions {
  onProgress?: (progress: CheckProgress) => void;
  /** Lets the page paint and handle input; a macrotask by default. */
  pause?: () => Promise<void>;
  /** Longest stretch of engine work between pauses, in milliseconds. */
  sliceMs?: number;
}

/** A macrotask: lets the browser paint the progress and handle clicks before the next slice. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Calls `pause` when the current slice has run for `sliceMs`; cheap to call often. */
function slicer(options: CheckOptions): () => Promise<void> {
  const pause = options.pause ?? nextTask;
  const sliceMs = options.sliceMs ?? 40;
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < sliceMs) return;
    await pause();
    sliceStart = Date.now();
  };
}

/** Validates the forms of `sheets`, in slices; findings ordered as validateWorkbook orders them. */
async function validateSheets(
  sheets: readonly SheetGrid[],
  sheetOrder: readonly string[],
  profile: Profile,
  options: CheckOptions,
): Promise<FormReport[]> {
  const maybePause = slicer(options);
  const forms: DetectedForm[] = [];
  for (const [index, sheet] of sheets.entries()) {
    options.onProgress?.({ phase: "detect", done: index, total: sheets.length });
    await maybePause();
    forms.push(...detectSheetForms(sheet));
  }
  const reports: FormReport[] = [];
  for (const [index, form] of forms.entries()) {
    if (index % 10 === 0)
      options.onProgress?.({ phase: "validate", done: index, total: forms.length });
    await maybePause();
    reports.push(validateDetected(form, profile, sheetOrder));
  }
  options.onProgress?.({ phase: "validate", done: forms.length, total: forms.length });
  return orderReports(reports, sheetOrder);
}

/** The whole grid's report, the same as `validateWorkbook(grid, profile)`. */
export async function checkGrid(
  grid: WorkbookGrid,
  profile: Profile,
  options: CheckOptions = {},
): Promise<WorkbookReport> {
  const sheetOrder = grid.sheets.map((sheet) => sheet.name);
  const forms = await validateSheets(grid.sheets, sheetOrder, profile, options);
  if (forms.length > 0) return { forms, findings: [] };
  // No form anywhere: the engine's own file-level finding, worded and placed by the engine (cheap:
  // detection finds nothing again).
  return { forms, findings: validateWorkbook(grid, profile).findings };
}

/**
 * Re-checks the forms of some sheets of `grid` and merges them into `previous`: forms of the other
 * sheets stay as they were, forms are listed in the grid's sheet order. A sheet that is gone
 * (deleted) loses its forms.
 */
export async function recheckSheets(
  previous: WorkbookReport,
  grid: WorkbookGrid,
  sheetNames: readonly string[],
  profile: Profile,
  options: CheckOptions = {},
): Promise<WorkbookReport> {
  const sheetOrder = grid.sheets.map((sheet) => sheet.name);
  const targets = grid.sheets.filter((sheet) => sheetNames.includes(sheet.name));
  const fresh = await validateSheets(targets, sheetOrder, profile, options);
  const kept = previous.forms.filter((form) => !sheetNames.includes(form.sheet));
  const position = (name: string) => {
    const index = sheetOrder.indexOf(name);
    return index < 0 ? sheetOrder.length : index;
  };
  // Array.prototype.sort is stable: forms of one sheet keep their top-to-bottom order.
  const forms = [...kept, ...fresh].sort((a, b) => position(a.sheet) - position(b.sheet));
  const findings: Finding[] = forms.length > 0 ? [] : previous.findings;
  return { forms, findings };
}
