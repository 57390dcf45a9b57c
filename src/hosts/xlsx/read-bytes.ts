// Reads .xlsx bytes into the host-neutral grid with the inflater its caller gives: read-buffer.ts
// (fflate, the web checker) and read.ts (Node's zlib, the command line). No Node-only API here.
import type { MemorySheet, WorkbookGrid } from "../../core/grid";
import { computeMissingResults, namespaced, type PendingCell } from "../../core/grid/evaluate";
import { PERF } from "../../functions/perf";
import { WorkbookLimitError } from "./read-limits";
import type { PartInflater } from "./inflate";
import { MissingWorkbookError, readWorkbookParts } from "./read-package";
import { readSheet, type SheetContext } from "./read-sheet";
import { readSharedStrings } from "./read-strings";
import { readCellStyles } from "./read-styles";
import { CORRUPT_MESSAGE, zipDirectory } from "./zip-limits";
import { ZipParts } from "./zip-parts";

/**
 * Reads an .xlsx file into the host-neutral grid: the parts it needs are inflated (fflate in the
 * browser, zlib in Node) and a hand-written scanner walks their XML once (README, 设计说明: why not exceljs or SheetJS).
 * Anything that cannot be read becomes a WorkbookReadError whose message is one Chinese line:
 * what is wrong and what to do.
 */
export class WorkbookReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "WorkbookReadError";
  }
}

export function isWorkbookReadError(error: unknown): error is WorkbookReadError {
  return error instanceof WorkbookReadError;
}

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((byte, i) => bytes[i] === byte);
}

/** An encrypted OOXML file is an OLE2 container holding an "EncryptionInfo" stream. */
function hasEncryptionInfo(bytes: Uint8Array): boolean {
  const needle = utf16le("EncryptionInfo");
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j] !== needle[j]) continue outer;
    }
    return true;
  }
  return false;
}

/** ASCII text as UTF-16LE bytes (OLE2 stream names), without Node's Buffer. */
function utf16le(ascii: string): number[] {
  return [...ascii].flatMap((char) => [char.charCodeAt(0), 0]);
}

/**
 * Reads workbook bytes, inflating parts with `inflater`. Node's Buffer is a Uint8Array, so the
 * command line and the browser (an ArrayBuffer from File.arrayBuffer()) share this function.
 */
export async function readXlsxBytes(
  buffer: Uint8Array | ArrayBuffer,
  name: string | undefined,
  inflater: PartInflater,
): Promise<WorkbookGrid> {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : buffer;
  // One line: "“name”：what is wrong, what to do".
  const fail = (message: string, cause?: unknown) =>
    new WorkbookReadError(name ? `“${name}”：${message}` : message, { cause });
  if (bytes.length === 0) {
    throw fail("文件是空的（0 字节），请确认文件已正确保存后再检查");
  }
  if (startsWith(bytes, OLE2_SIGNATURE)) {
    if (hasEncryptionInfo(bytes)) {
      throw fail(
        "文件设置了打开密码（已加密），请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再检查",
      );
    }
    throw fail("这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再检查");
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
    throw fail(
      "文件不是 .xlsx 工作簿（内容不是 Excel 格式），请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查",
    );
  }
  // Before anything is inflated: a part of hundreds of MB would exhaust the heap first.
  const directory = zipDirectory(bytes);
  if (directory.refusal !== undefined) throw fail(directory.refusal);
  const zip = new ZipParts(bytes, directory.entries, inflater);
  // A part whose directory entry understates it: an inflater that would decode past the stated
  // size gets no part before every part is counted (zipRefusal); a bounded one finds the lie in the
  // parts it inflates, and the others are counted after.
  if (!inflater.bounded) {
    const refusal = zip.refusal();
    if (refusal) throw fail(refusal);
  }
  try {
    return readGrid(zip);
  } catch (error) {
    // Whatever went wrong, data that is not what the directory states is the reason given, the
    // same one as when every part was counted before reading (memoized: each part counted once).
    const refusal = zip.refusal();
    if (refusal) throw fail(refusal);
    if (error instanceof NoSheetsError) {
      throw fail(
        "文件中没有任何工作表，它可能不是 Excel 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
      );
    }
    if (error instanceof WorkbookLimitError) throw fail(error.message, error);
    throw fail(CORRUPT_MESSAGE, error);
  }
}

/** The workbook lists no sheet at all. */
class NoSheetsError extends Error {}

/** Data not as its zip directory states; the message is the refusal, zip.refusal() gives it. */
class RefusedError extends Error {}

function readGrid(zip: ZipParts): WorkbookGrid {
  const parts = readWorkbookParts(zip);
  if (parts.sheets.length === 0) throw new NoSheetsError();
  const context: SheetContext = {
    strings: readSharedStrings(parts.sharedStrings),
    styles: readCellStyles(parts.styles),
    date1904: parts.date1904,
    pending: [],
    mergedCells: 0,
  };
  const sheets: MemorySheet[] = [];
  for (const entry of parts.sheets) {
    // A sheet whose part is missing is left out, as exceljs did.
    const xml = parts.text(entry.part);
    if (xml !== undefined) sheets.push(readSheet(xml, entry.name, entry.hidden, context));
  }
  if (sheets.length === 0) throw new MissingWorkbookError();
  // The parts not inflated (theme, images, …) are still counted: a file is refused or read the
  // same whichever inflater read it.
  if (zip.refusal() !== undefined) throw new RefusedError();
  computeFormulaResults(sheets, context.pending);
  return { sheets };
}

/** PERF.* as a formula without a cached result calls them (=PERF.RATE(D7,E7)). */
const FORMULA_FUNCTIONS = namespaced("PERF", PERF);

/**
 * Files written by scripts (exceljs, openpyxl) and our own templates store formulas without their
 * results; compute those so a 执行率 or 总分 is not read as empty. Cells with a cached result are
 * never touched.
 */
function computeFormulaResults(sheets: MemorySheet[], pending: PendingCell[]): void {
  if (pending.length > 0) computeMissingResults(sheets, { functions: FORMULA_FUNCTIONS, pending });
}
