import type { Finding } from "../core/findings";
import type { WorkbookGrid } from "../core/grid";
import type { Profile } from "../core/profiles/schema";
import { validateWorkbook, type FormReport } from "../core/validate";
import { readXlsxFile } from "../hosts/xlsx/read";
import { expandInputs } from "./files";

/** One file's result in `--json` output (product.md §3). */
export interface FileReport {
  file: string;
  forms: FormReport[];
  findings: Finding[];
  /** Set when the file could not be read at all; the reason is also a file-level finding. */
  unreadable?: boolean;
}

export interface CheckResult {
  files: FileReport[];
  exitCode: 0 | 1 | 2;
}

/** Rule id of the file-level finding for a file that could not be read. */
export const UNREADABLE_RULE = "file-unreadable";

/**
 * Checks every input. A file that cannot be read is reported with a one-line Chinese reason and
 * the run goes on with the others; the exit code is 2 if any file was unreadable, else 1 if any
 * error was found, else 0.
 */
export async function checkInputs(args: readonly string[], profile: Profile): Promise<CheckResult> {
  const files: FileReport[] = [];
  for (const input of expandInputs(args)) {
    if ("missing" in input) {
      files.push(unreadable(input.path, `找不到文件或目录“${input.path}”`));
      continue;
    }
    let workbook: WorkbookGrid;
    try {
      workbook = await readXlsxFile(input.path);
    } catch (error) {
      files.push(unreadable(input.path, readableReason(error)));
      continue;
    }
    try {
      const report = validateWorkbook(workbook, profile);
      files.push({ file: input.path, forms: report.forms, findings: report.findings });
    } catch (error) {
      // A bug in a rule must not stop the run nor pass for a bad file: say so, in one line.
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      files.push(
        unreadable(input.path, `检查该文件时程序出错（${detail}），请将文件反馈给维护人员`),
      );
    }
  }
  return { files, exitCode: exitCodeOf(files) };
}

function unreadable(file: string, message: string): FileReport {
  return {
    file,
    forms: [],
    findings: [{ rule: UNREADABLE_RULE, severity: "error", sheet: "", cell: "", message }],
    unreadable: true,
  };
}

/** Errors from the reader carry a Chinese message; anything else is a bug, still said in one line. */
function readableReason(error: unknown): string {
  if (error instanceof Error && /[\u4e00-\u9fff]/.test(error.message)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `无法读取该文件（${detail.split("\n")[0]}）`;
}

export function exitCodeOf(files: readonly FileReport[]): 0 | 1 | 2 {
  if (files.some((file) => file.unreadable)) return 2;
  const hasError = files.some(
    (file) =>
      file.findings.some((f) => f.severity === "error") ||
      file.forms.some((form) => form.findings.some((f) => f.severity === "error")),
  );
  return hasError ? 1 : 0;
}

/** The `--json` document: unreadable markers are internal and left out of the contract's shape. */
export function toJson(result: CheckResult): string {
  const files = result.files.map(({ file, forms, findings }) => ({ file, forms, findings }));
  return JSON.stringify({ files }, null, 2);
}
