import { writeFile } from "node:fs/promises";
import { dirname, extname, basename, relative, resolve, sep } from "node:path";
import type { Profile } from "../core/profiles/schema";
import { summaryRows } from "../hosts/web/summary";
import type { CheckResult } from "./check";
import { OutputExistsError, writeNewFile, writeReason } from "./new-file";
import { sameFile } from "./same-file";

/** Why `--report <file>` cannot be written, said before the (possibly long) check; or undefined. */
export function reportRefusal(output: string, force: boolean, exists: boolean): string | undefined {
  if (extname(output).toLowerCase() !== ".xlsx") {
    return `汇总文件“${basename(output)}”应以 .xlsx 结尾，请换一个文件名`;
  }
  if (!force && exists) return existsMessage(output);
  return undefined;
}

function existsMessage(output: string): string {
  return `汇总文件“${output}”已存在，不会覆盖已有文件；请换一个文件名，或加 --force 覆盖它`;
}

/** Whether a checked file is the summary itself (a second run into the same folder). */
export function isReportFile(output: string): (path: string) => boolean {
  return (path) => sameFile(path, output);
}

/**
 * Writes the summary workbook: never over an existing file unless `force`, never half-written.
 * Returns the one-line Chinese reason when it could not be written.
 */
export async function writeReport(
  output: string,
  result: CheckResult,
  profile: Profile,
  force: boolean,
): Promise<string | undefined> {
  const folder = dirname(resolve(output));
  // Links relative to the summary's folder: the folder can be moved or shared as a whole.
  const linkOf = (file: string) => encodeLink(relative(folder, resolve(file)).split(sep).join("/"));
  const rows = summaryRows(result.files, result.facts ?? [], profile, linkOf);
  try {
    // exceljs costs ~175 ms to load: only a run that writes a summary pays for it.
    const { summaryWorkbook } = await import("../hosts/web/summary-workbook");
    const bytes = await summaryWorkbook(rows);
    await writeNewFile(output, { replace: force }, (temp) => writeFile(temp, bytes));
    return undefined;
  } catch (error) {
    if (error instanceof OutputExistsError) return existsMessage(output);
    return `无法写入汇总文件“${output}”（${writeReason(error)}），请检查路径和权限`;
  }
}

/** A file name as a link target: % and # would be read as an escape and a fragment. */
function encodeLink(path: string): string {
  return path.replace(/%/g, "%25").replace(/#/g, "%23");
}
