import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import { readXlsxBuffer, WorkbookReadError } from "./read-buffer";

export { isWorkbookReadError, readXlsxBuffer, WorkbookReadError } from "./read-buffer";

/** Reads an .xlsx file by path (command line, Node); the bytes are read by read-buffer.ts. */
export async function readXlsxFile(path: string): Promise<WorkbookGrid> {
  let buffer: Buffer;
  const name = basename(path);
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT") {
      throw new WorkbookReadError(`找不到文件“${path}”，请检查路径和文件名是否正确`, {
        cause: error,
      });
    }
    if (code === "EISDIR") {
      throw new WorkbookReadError(`“${path}”是文件夹而不是 .xlsx 文件，请指定要检查的工作簿`, {
        cause: error,
      });
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new WorkbookReadError(`没有权限读取文件“${name}”，请检查文件权限或先关闭占用它的程序`, {
        cause: error,
      });
    }
    throw new WorkbookReadError(`无法读取文件“${name}”，请确认文件存在且未被其他程序占用`, {
      cause: error,
    });
  }
  return readXlsxBuffer(buffer, name);
}
