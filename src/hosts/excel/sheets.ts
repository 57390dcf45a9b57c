/**
 * Small shared pieces for writing new sheets: unique names, column widths, events off around our
 * own writes.
 */
import { uniqueSheetName } from "../xlsx/template";
import type { ExcelFeatures } from "./env";

export { uniqueSheetName };

/**
 * Column width in characters (the width of "0", as files and the templates state it) to the points
 * Office.js `format.columnWidth` takes: Excel draws a column of n characters n × 7 + 5 pixels wide
 * with the default 11-point font (8.43 → 64 px), and a pixel is 0.75 point.
 */
export function charactersToPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The sheet names in the workbook (one sync). */
export async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((ws) => ws.name);
}

/**
 * Runs `write` (which queues writes and syncs as it needs) with Excel's events off, so onChanged
 * does not report our own writes as the user's edits; the previous setting comes back even when
 * `write` fails. Without ExcelApi 1.8 there is no switch: the adapter's listener ignores changes
 * while a write of ours is under way instead (see events.ts).
 */
export async function withEventsOff<T>(
  context: Excel.RequestContext,
  features: ExcelFeatures,
  write: () => Promise<T>,
): Promise<T> {
  if (!features.events) return write();
  // The switch belongs to this add-in's runtime alone and only the adapter turns it off, so it is
  // on before and goes back on after; no read (and no sync) is needed to remember it.
  context.runtime.enableEvents = false;
  try {
    return await write();
  } finally {
    context.runtime.enableEvents = true;
    await context.sync();
  }
}
