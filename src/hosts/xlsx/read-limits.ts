// Excel's own limits, which a workbook from Excel or WPS never passes: a file beyond them was made
// by a broken or hostile program. The reader refuses such a file with one Chinese line rather
// than trying to hold it (a merge or dimension over the whole sheet would cost billions of cells).

/** Excel 2007+: 1,048,576 rows by 16,384 columns (A1:XFD1048576). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Excel keeps at most 32,767 characters in a cell (Excel's specifications and limits). */
export const EXCEL_CELL_CHARS = 32_767;

/**
 * Longest cell text read; a longer one refuses the file. Not Excel's 32,767: files from other
 * programs do hold longer cells, and the checkers read them whole on purpose (a finding quotes a
 * short excerpt and keeps the full text, tests/hosts/web/check-files.test.ts reads 300,000-character
 * cells), so cutting at 32,767 would change what is reported. A cell of megabytes is something
 * else: no form field is anywhere near it, and the rules' text matching over it costs time and
 * memory for nothing. Refused rather than cut, so no finding ever rests on a text silently cut
 * short; the reviewer gets one line for that file and the other files are still checked.
 */
export const MAX_CELL_CHARS = 1_000_000;

/**
 * Cells covered by merges, over the whole workbook. The grid indexes every merged cell (a lookup
 * per cell for form detection); a real form merges a few hundred cells, so 4,000,000 is thousands
 * of forms, while one merge over a whole sheet would be 17 billion.
 */
export const MAX_MERGED_CELLS = 4_000_000;

const ADVICE = "请确认文件来源，在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查";

/** A workbook beyond a limit; its message is the one Chinese line for the file. */
export class WorkbookLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookLimitError";
  }
}

/** Sheet names from the file, safe for one line. */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex
  const visible = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
  return visible.length > 40 ? `${visible.slice(0, 37)}...` : visible;
}

export function beyondSheetLimits(sheet: string, what: string): WorkbookLimitError {
  return new WorkbookLimitError(
    `工作表“${shown(sheet)}”的${what}超出了 Excel 的上限（最多 ${MAX_ROWS.toLocaleString("en-US")} 行、${MAX_COLS.toLocaleString("en-US")} 列），文件不是 Excel 或 WPS 保存的正常工作簿，已拒绝读取；${ADVICE}`,
  );
}

export function cellTextTooLong(sheet: string, address: string, chars: number): WorkbookLimitError {
  return new WorkbookLimitError(
    `工作表“${shown(sheet)}”的单元格 ${address} 有 ${chars.toLocaleString("en-US")} 个字符，远超 Excel 每格 ${EXCEL_CELL_CHARS.toLocaleString("en-US")} 个字符的上限（本工具最多读取 ${MAX_CELL_CHARS.toLocaleString("en-US")} 个），文件可能已损坏或被恶意构造，已拒绝读取；${ADVICE}`,
  );
}

export function tooManyMergedCells(): WorkbookLimitError {
  return new WorkbookLimitError(
    `合并单元格共覆盖超过 ${MAX_MERGED_CELLS.toLocaleString("en-US")} 个单元格，远超正常的自评表，文件可能已损坏或被恶意构造，已拒绝读取；${ADVICE}`,
  );
}
