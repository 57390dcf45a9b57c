import { constants, type Stats } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import type { WorkbookGrid } from "../../core/grid";
import { ZLIB_INFLATER } from "./inflate-zlib";
import { readXlsxBytes, WorkbookReadError } from "./read-bytes";

export { isWorkbookReadError, WorkbookReadError } from "./read-bytes";

/**
 * Reads workbook bytes as read-buffer.ts does, with Node's native zlib instead of fflate: the same
 * grid, or the same one-line refusal, several times faster to inflate (inflate-zlib.ts).
 */
export function readXlsxBuffer(
  buffer: Uint8Array | ArrayBuffer,
  name?: string,
): Promise<WorkbookGrid> {
  return readXlsxBytes(buffer, name, ZLIB_INFLATER);
}

/**
 * Largest file the command line reads. A 项目支出绩效自评表 workbook is a few MB at most even with
 * hundreds of forms; anything far larger is the wrong file, and reading it whole would cost its
 * size in memory before anything could be said about it.
 */
export const MAX_WORKBOOK_FILE_BYTES = 256 * 1024 * 1024;

/**
 * Reads an .xlsx file by path (command line, Node); the bytes are read by read-buffer.ts. Only a
 * regular file is ever opened: a FIFO would block forever and a device (/dev/zero) never ends, so
 * the type and size are checked (links followed) before opening, and again on the opened file.
 */
export async function readXlsxFile(path: string): Promise<WorkbookGrid> {
  return readXlsxBuffer(await readRegularFile(path), basename(path));
}

async function readRegularFile(path: string): Promise<Buffer> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw accessError(path, error);
  }
  refuseUnlessWorkbookFile(path, info);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: should the path have been swapped for a FIFO since stat, open does not wait.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw accessError(path, error);
  }
  try {
    const opened = await handle.stat();
    if (opened.dev !== info.dev || opened.ino !== info.ino) {
      throw new WorkbookReadError(
        `“${basename(path)}”：文件在读取时被替换了，请等文件保存完毕后再检查`,
      );
    }
    refuseUnlessWorkbookFile(path, opened);
    return await readAtMost(handle, opened.size, MAX_WORKBOOK_FILE_BYTES, path);
  } finally {
    await handle.close();
  }
}

function refuseUnlessWorkbookFile(path: string, info: Stats): void {
  const name = basename(path);
  if (info.isDirectory()) {
    throw new WorkbookReadError(`“${path}”是文件夹而不是 .xlsx 文件，请指定要检查的工作簿`);
  }
  if (!info.isFile()) {
    throw new WorkbookReadError(
      `“${name}”：这是${specialFileKind(info)}，不是普通文件，未读取；请指定要检查的 .xlsx 工作簿`,
    );
  }
  if (info.size > MAX_WORKBOOK_FILE_BYTES) throw tooLarge(path, info.size);
}

function specialFileKind(info: Stats): string {
  if (info.isFIFO()) return "命名管道（FIFO）";
  if (info.isSocket()) return "套接字（socket）";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "设备文件";
  return "特殊文件";
}

function tooLarge(path: string, size: number): WorkbookReadError {
  const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  return new WorkbookReadError(
    `“${basename(path)}”：文件过大（${mb(size)} MB，超过 ${mb(MAX_WORKBOOK_FILE_BYTES)} MB 的上限），` +
      "不像是绩效自评表，未读取；请确认选对了文件",
  );
}

/**
 * Reads to the end, but never more than `limit` bytes: a regular file's size can still be wrong
 * (/proc files say 0, a file may grow while it is read).
 */
async function readAtMost(
  handle: FileHandle,
  expected: number,
  limit: number,
  path: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(Math.max(expected - total, 64 * 1024), limit + 1 - total);
    const chunk = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(chunk, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) throw tooLarge(path, total);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

function accessError(path: string, error: unknown): WorkbookReadError {
  const name = basename(path);
  const code = (error as NodeJS.ErrnoException)?.code;
  const say = (message: string) => new WorkbookReadError(message, { cause: error });
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return say(`找不到文件“${path}”，请检查路径和文件名是否正确`);
    case "EISDIR":
      return say(`“${path}”是文件夹而不是 .xlsx 文件，请指定要检查的工作簿`);
    case "EACCES":
    case "EPERM":
      return say(`没有权限读取文件“${name}”，请检查文件权限或先关闭占用它的程序`);
    case "ELOOP":
      return say(`“${name}”：符号链接形成循环（链接最终又指回自己），无法读取，请检查这个链接`);
    default:
      return say(`无法读取文件“${name}”，请确认文件存在且未被其他程序占用`);
  }
}
