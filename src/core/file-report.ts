/**
 * One checked file's report, as `perf-eval check --json` prints it (product.md §3). Shared by the
 * command line and the web checker so both say the same thing about the same file.
 */
import type { Finding } from "./findings";
import type { WorkbookGrid } from "./grid";
import type { Profile } from "./profiles/schema";
import { validateWorkbook, type DetectedForm, type FormReport } from "./validate";

/** One file's result in `--json` output (product.md §3). */
export interface FileReport {
  file: string;
  forms: FormReport[];
  findings: Finding[];
  /** Set when the file could not be read at all; the reason is also a file-level finding. */
  unreadable?: boolean;
}

/** Rule id of the file-level finding for a file that could not be read. */
export const UNREADABLE_RULE = "file-unreadable";

/** The report of a file that could not be read or checked: one file-level error saying why. */
export function unreadableReport(file: string, message: string): FileReport {
  return {
    file,
    forms: [],
    findings: [{ rule: UNREADABLE_RULE, severity: "error", sheet: "", cell: "", message }],
    unreadable: true,
  };
}

/** Errors from the reader carry a Chinese message; anything else is a bug, still said in one line. */
export function readableReason(error: unknown): string {
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `无法读取该文件（${detail.split("\n")[0]}）`;
}

/**
 * Validates a workbook that was read; a bug in a rule becomes a one-line report, not a crash.
 * `detected`: its forms, when the caller detected them already (to read more from them).
 */
export function checkWorkbook(
  file: string,
  workbook: WorkbookGrid,
  profile: Profile,
  detected?: readonly DetectedForm[],
): FileReport {
  try {
    const report = validateWorkbook(workbook, profile, detected ? { detected } : {});
    return { file, forms: report.forms, findings: report.findings };
  } catch (error) {
    // A bug in a rule must not stop the run nor pass for a bad file: say so, in one line.
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return unreadableReport(file, `检查该文件时程序出错（${detail}），请将文件反馈给维护人员`);
  }
}

/** Every finding of a file: the file-level ones, then each form's. */
export function allFindings(file: FileReport): Finding[] {
  return [...file.findings, ...file.forms.flatMap((form) => form.findings)];
}

export function exitCodeOf(files: readonly FileReport[]): 0 | 1 | 2 {
  if (files.some((file) => file.unreadable)) return 2;
  const hasError = files.some((file) => allFindings(file).some((f) => f.severity === "error"));
  return hasError ? 1 : 0;
}

/** The `--json` document: unreadable markers are internal and left out of the contract's shape. */
export function toJsonDocument(files: readonly FileReport[]): string {
  const shaped = files.map(({ file, forms, findings }) => ({ file, forms, findings }));
  return JSON.stringify({ files: shaped }, null, 2);
}
