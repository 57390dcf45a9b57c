import type { WorkbookGrid } from "../core/grid";
import {
  checkWorkbook,
  exitCodeOf,
  readableReason,
  toJsonDocument,
  unreadableReport,
  type FileReport,
} from "../core/file-report";
import type { Profile } from "../core/profiles/schema";
import { readXlsxFile } from "../hosts/xlsx/read";
import { expandInputs } from "./files";
import { terminalSafeJson } from "./visible";

// The report shape is shared with the web checker (src/core/file-report.ts).
export { exitCodeOf, UNREADABLE_RULE, type FileReport } from "../core/file-report";

export interface CheckResult {
  files: FileReport[];
  exitCode: 0 | 1 | 2;
}

/**
 * Checks every input. A file that cannot be read is reported with a one-line Chinese reason and
 * the run goes on with the others; the exit code is 2 if any file was unreadable, else 1 if any
 * error was found, else 0.
 */
export async function checkInputs(args: readonly string[], profile: Profile): Promise<CheckResult> {
  const files: FileReport[] = [];
  for (const input of expandInputs(args)) {
    if ("problem" in input) {
      files.push(unreadableReport(input.path, input.problem));
      continue;
    }
    let workbook: WorkbookGrid;
    try {
      workbook = await readXlsxFile(input.path);
    } catch (error) {
      files.push(unreadableReport(input.path, readableReason(error)));
      continue;
    }
    files.push(checkWorkbook(input.path, workbook, profile));
  }
  return { files, exitCode: exitCodeOf(files) };
}

/**
 * The `--json` document: unreadable markers are internal and left out of the contract's shape; C1
 * controls and bidi overrides from cell text are written as \uHHHH (same document once parsed).
 */
export function toJson(result: CheckResult): string {
  return terminalSafeJson(toJsonDocument(result.files));
}
