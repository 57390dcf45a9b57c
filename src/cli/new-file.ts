import { randomBytes } from "node:crypto";
import { lstatSync } from "node:fs";
import { link, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** The output name was taken (by the time the file was ready to be given it). */
export class OutputExistsError extends Error {}

/** link() errors of file systems without hard links (FAT/exFAT USB drives, some network shares). */
const NO_HARD_LINKS = new Set(["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"]);

/**
 * Writes `output` through `write(tempPath)` without ever clobbering an existing file unless
 * `replace` is set, and without leaving a half-written file behind when the write fails.
 *
 * The content goes to a temporary file beside the output (same folder, so same file system), then
 * gets the output's name in one step: a hard link, which fails if the name exists, or with
 * `replace` a rename over it (atomic, and it replaces a symbolic link itself, not what it points
 * to). The temporary file is always removed.
 */
export async function writeNewFile<T>(
  output: string,
  options: { replace: boolean },
  write: (tempPath: string) => Promise<T>,
): Promise<T> {
  const temp = join(dirname(output), `.${basename(output)}.${randomBytes(6).toString("hex")}.tmp`);
  // Claimed exclusively: a link planted at that name is never written through.
  await (await open(temp, "wx")).close();
  try {
    const result = await write(temp);
    if (options.replace) await rename(temp, output);
    else await takeName(temp, output);
    return result;
  } finally {
    // After the rename the name is gone already: nothing to remove then.
    await unlink(temp).catch(() => undefined);
  }
}

async function takeName(temp: string, output: string): Promise<void> {
  try {
    await link(temp, output);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? "";
    if (code === "EEXIST") throw new OutputExistsError(output, { cause: error });
    if (!NO_HARD_LINKS.has(code)) throw error;
  }
  // No hard links here: create the name exclusively and copy; a failed copy removes what it made.
  const bytes = await readFile(temp);
  const handle = await open(output, "wx").catch((error: NodeJS.ErrnoException) => {
    throw error?.code === "EEXIST" ? new OutputExistsError(output, { cause: error }) : error;
  });
  try {
    await handle.writeFile(bytes);
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(output).catch(() => undefined);
    throw error;
  }
}

/** Anything at that name, a dangling link included (an exclusive create would refuse it too). */
export function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Why an output file could not be written, in a few Chinese words. */
export function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "文件夹不存在";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "没有写入权限";
  if (code === "EISDIR") return "这是一个文件夹";
  if (code === "EBUSY") return "文件被其他程序占用";
  if (code === "ENOSPC") return "磁盘空间不足";
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}
