// Reads .xlsx bytes into the host-neutral grid. No Node-only API here: the web checker bundles
// this module for the browser (the file-path reader is in read.ts).
import ExcelJS from "exceljs";
import {
  MemorySheet,
  displayText,
  type CellRange,
  type GridCell,
  type StoredValue,
  type WorkbookGrid,
} from "../../core/grid";
import { computeMissingResults, namespaced, type PendingCell } from "../../core/grid/evaluate";
import { formatValue } from "../../core/grid/format";
import { PERF } from "../../functions/perf";
import { CORRUPT_MESSAGE, zipRefusal } from "./zip-limits";

/**
 * Reads an .xlsx file into the host-neutral grid with exceljs. Anything that cannot be read becomes
 * a WorkbookReadError whose message is one Chinese line: what is wrong and what to do.
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
 * Reads workbook bytes. Node's Buffer is a Uint8Array, so the command line and the browser (an
 * ArrayBuffer from File.arrayBuffer()) share this function.
 */
export async function readXlsxBuffer(
  buffer: Uint8Array | ArrayBuffer,
  name?: string,
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
  // Before exceljs inflates anything: a part of hundreds of MB would exhaust the heap first.
  const refusal = zipRefusal(bytes);
  if (refusal) throw fail(refusal);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer flavour; JSZip underneath takes any Uint8Array, which
    // keeps Node's Buffer out of the browser bundle.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw fail(CORRUPT_MESSAGE, error);
  }
  if (workbook.worksheets.length === 0) {
    throw fail(
      "文件中没有任何工作表，它可能不是 Excel 工作簿，请在 Excel 或 WPS 中另存为 .xlsx 后再检查",
    );
  }
  try {
    const pending: PendingCell[] = [];
    const sheets = workbook.worksheets.map((worksheet) => toMemorySheet(worksheet, pending));
    computeFormulaResults(sheets, pending);
    return { sheets };
  } catch (error) {
    throw fail("文件内容无法解析，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查", error);
  }
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

function toMemorySheet(worksheet: ExcelJS.Worksheet, pending: PendingCell[]): MemorySheet {
  // exceljs keeps hidden and very hidden sheets; we keep them too, marked hidden.
  const hidden = worksheet.state === "hidden" || worksheet.state === "veryHidden";
  const sheet = new MemorySheet(worksheet.name, hidden);
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // exceljs repeats the master's value in every cell of a merge; only the top-left holds it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const gridCell = toGridCell(withCachedResult(cell), cell.numFmt, sharedFormulaText(cell));
      if (!gridCell) return;
      sheet.set(rowNumber, colNumber, gridCell);
      if (gridCell.formula !== undefined && gridCell.value === null) {
        pending.push({ sheet, row: rowNumber, col: colNumber });
      }
    });
  });
  for (const range of mergeRanges(worksheet)) sheet.addMerge(range);
  return sheet;
}

/** exceljs keeps merges in a private map keyed by the top-left cell (the public model is costly). */
function mergeRanges(worksheet: ExcelJS.Worksheet) {
  const merges = (worksheet as unknown as { _merges?: Record<string, { model?: CellRange }> })
    ._merges;
  const ranges: CellRange[] = [];
  for (const merge of Object.values(merges ?? {})) {
    const m = merge?.model;
    if (m && m.top > 0 && m.left > 0) {
      ranges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
  }
  return ranges;
}

type ExcelValue = ExcelJS.CellValue;

/**
 * exceljs drops a formula's cached result from `cell.value` when that result is 0 (it tests the
 * result for truthiness) but keeps it in `cell.model.result`; put it back so a computed 0 rate or
 * score is read as 0, not as an empty cell.
 */
function withCachedResult(cell: ExcelJS.Cell): ExcelValue {
  const value = cell.value;
  if (!isObject(value) || !("formula" in value || "sharedFormula" in value)) return value;
  if ((value as { result?: unknown }).result !== undefined) return value;
  const modelResult = (cell.model as { result?: ExcelValue }).result;
  return modelResult === undefined
    ? value
    : (Object.assign({}, value, { result: modelResult }) as ExcelValue);
}

/** A shared formula's own text (exceljs translates the master's formula to this cell). */
function sharedFormulaText(cell: ExcelJS.Cell): string | undefined {
  if (cell.type !== ExcelJS.ValueType.Formula) return undefined;
  try {
    return cell.formula || undefined;
  } catch {
    return undefined;
  }
}

function toGridCell(
  raw: ExcelValue,
  numFmt: string | undefined,
  translatedFormula?: string,
): GridCell | undefined {
  const fmt = numFmt && numFmt !== "General" ? numFmt : undefined;
  let formula: string | undefined;
  let value: ExcelValue = raw;
  if (isObject(value) && ("formula" in value || "sharedFormula" in value)) {
    const f = value as { formula?: string; sharedFormula?: string; result?: ExcelValue };
    formula = translatedFormula ?? f.formula ?? f.sharedFormula;
    value = f.result ?? null;
  }
  const stored = toStored(value);
  if (stored === null && formula === undefined) return undefined;
  const cell: GridCell = { value: stored, text: textOf(stored, fmt) };
  if (fmt) cell.numFmt = fmt;
  if (formula !== undefined) cell.formula = formula.replace(/^=/, "");
  return cell;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

function toStored(value: ExcelValue | undefined): StoredValue {
  if (value === null || value === undefined) return null;
  // exceljs reads a numeric cell's <v> with parseFloat: "#DIV/0!" or "abc" in a damaged file
  // becomes NaN, "1e999" Infinity. No spreadsheet stores those; the grid shows them as #NUM!.
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isObject(value)) {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value && Array.isArray(value.richText)) {
      return (value.richText as Array<{ text?: string }>).map((run) => run.text ?? "").join("");
    }
    if ("hyperlink" in value || "text" in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === "string") return text;
      const nested = toStored(text as ExcelValue);
      return nested === null ? "" : nested;
    }
    if ("formula" in value || "sharedFormula" in value) {
      return toStored((value as { result?: ExcelValue }).result);
    }
  }
  return String(value);
}

function textOf(value: StoredValue, numFmt: string | undefined): string {
  if (typeof value === "number") return formatValue(value, numFmt);
  return displayText(value);
}
