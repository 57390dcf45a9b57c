import {
  checkWorkbook,
  readableReason,
  unreadableReport,
  type FileReport,
} from "../core/file-report";
import type { WorkbookGrid } from "../core/grid";
import type { Profile } from "../core/profiles/schema";
import { readXlsxFile } from "../hosts/xlsx/read";
import { detectWorkbookForms, type DetectedForm } from "../core/validate";
import { factsOfForms, type FormFacts } from "../hosts/web/summary";

/** One file's outcome: its report and, when a summary workbook is wanted, its forms' facts. */
export interface CheckedFile {
  report: FileReport;
  facts?: FormFacts[];
}

/**
 * Reads and checks one workbook; never throws: a file that cannot be read is a report with its
 * one-line reason. The same function runs in this process (--jobs 1) and in each worker thread.
 */
export async function checkFile(
  path: string,
  profile: Profile,
  withFacts: boolean,
): Promise<CheckedFile> {
  let workbook: WorkbookGrid;
  try {
    workbook = await readXlsxFile(path);
  } catch (error) {
    return { report: unreadableReport(path, readableReason(error)) };
  }
  // The summary's facts come from the same detected forms the rules check: detected once.
  let detected: DetectedForm[] | undefined;
  if (withFacts) {
    try {
      detected = detectWorkbookForms(workbook);
    } catch {
      // checkWorkbook detects again and reports the failure in one line.
    }
  }
  const report = checkWorkbook(path, workbook, profile, detected);
  if (!withFacts || report.unreadable || !detected) return { report };
  try {
    const forms = detected.flatMap((found) => (found.kind === "project" ? [found.form] : []));
    return { report, facts: factsOfForms(forms) };
  } catch {
    // The summary then shows the form without 主管部门 / 全年预算数; the findings are what count.
    return { report };
  }
}
