import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";

/**
 * The same file, however it is reached: the same path, or (when both exist) the same device and
 * inode after following links, which also catches a hard link to the input. Its own module so
 * that `check --report` (which must not read its own summary) does not load annotate.
 */
export function sameFile(input: string, output: string): boolean {
  if (resolve(input) === resolve(output)) return true;
  try {
    const a = statSync(input, { bigint: true });
    const b = statSync(output, { bigint: true });
    // A file system without inode numbers reports 0: fall back to the resolved paths then.
    if (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino) return true;
    return realpathSync(input) === realpathSync(output);
  } catch {
    return false;
  }
}
