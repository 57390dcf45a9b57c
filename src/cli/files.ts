import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Spreadsheet files a directory argument expands to (.xls is included so it gets a clear message). */
const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|et)$/i;

/** A file to check, or an argument that names nothing readable. */
export type Input = { path: string } | { path: string; missing: true };

/**
 * Expands file and directory arguments, recursively and in a stable order. Lock files that Excel
 * and WPS leave beside open workbooks (~$name.xlsx) are skipped.
 */
export function expandInputs(args: readonly string[]): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch {
      inputs.push({ path: arg, missing: true });
      continue;
    }
    if (isDirectory) inputs.push(...walk(arg).map((path) => ({ path })));
    else inputs.push({ path: arg });
  }
  return inputs;
}

function walk(dir: string): string[] {
  const found: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (WORKBOOK_EXTENSIONS.test(entry.name) && !entry.name.startsWith("~$")) found.push(path);
  }
  return found;
}
