import { readdirSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** Spreadsheet files a directory argument expands to (.xls is included so it gets a clear message). */
const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xls|et)$/i;

/**
 * A file to check, or a path that cannot be checked with the one-line Chinese reason why (a missing
 * argument, a folder that cannot be listed, a folder with nothing to check).
 */
export type Input = { path: string } | { path: string; problem: string };

/**
 * Expands file and directory arguments, recursively and in a stable order. Lock files that Excel
 * and WPS leave beside open workbooks (~$name.xlsx) are skipped. A folder that cannot be listed is
 * one problem entry and the walk goes on; whatever a file entry turns out to be (FIFO, socket,
 * link loop…) is left to the reader, which opens regular files only.
 */
export function expandInputs(args: readonly string[]): Input[] {
  const inputs: Input[] = [];
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = statSync(arg).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        inputs.push({ path: arg, problem: `找不到文件或目录“${arg}”，请检查路径是否正确` });
        continue;
      }
      // Permission, link loop…: the reader says why in its own words.
    }
    if (!isDirectory) {
      inputs.push({ path: arg });
      continue;
    }
    const found = walk(arg);
    // A folder with nothing to check is most likely a mistyped one: exit 2, not a clean report.
    if (found.length > 0) inputs.push(...found);
    else {
      inputs.push({
        path: arg,
        problem: `文件夹“${arg}”中没有可检查的 .xlsx 工作簿，请确认文件夹是否选对`,
      });
    }
  }
  return inputs;
}

function walk(dir: string): Input[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return [{ path: dir, problem: folderProblem(dir, error) }];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const found: Input[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // Symbolic links to folders are not followed (no loops); a link named *.xlsx goes to the reader.
    if (entry.isDirectory()) found.push(...walk(path));
    else if (WORKBOOK_EXTENSIONS.test(entry.name) && !entry.name.startsWith("~$")) {
      found.push({ path });
    }
  }
  return found;
}

function folderProblem(dir: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") {
    return `没有权限读取文件夹“${dir}”，其中的文件未检查，请检查文件夹权限`;
  }
  const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `无法读取文件夹“${dir}”（${detail}），其中的文件未检查`;
}
