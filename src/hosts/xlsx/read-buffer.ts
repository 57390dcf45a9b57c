// Reads .xlsx bytes into the host-neutral grid with fflate, pure JavaScript. No Node-only API
// here: the web checker bundles this module for the browser (the command line's reader, with
// Node's zlib, is read.ts).
import type { WorkbookGrid } from "../../core/grid";
import { FFLATE_INFLATER } from "./inflate-fflate";
import { readXlsxBytes } from "./read-bytes";

export { isWorkbookReadError, WorkbookReadError } from "./read-bytes";

/**
 * Reads workbook bytes. Node's Buffer is a Uint8Array, so the command line and the browser (an
 * ArrayBuffer from File.arrayBuffer()) share this function.
 */
export function readXlsxBuffer(
  buffer: Uint8Array | ArrayBuffer,
  name?: string,
): Promise<WorkbookGrid> {
  return readXlsxBytes(buffer, name, FFLATE_INFLATER);
}
