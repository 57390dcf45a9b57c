/**
 * Reads the workbook (or the active sheet) into the grid the validator takes, in a number of
 * `sync()` calls that does not grow with the number of sheets or forms:
 *   1. the sheets' names and visibility;
 *   2. each sheet's used range (where it starts, how big it is);
 *   3. values, displayed text, number formats and value types of every sheet, cut in row blocks,
 *      plus the merged areas — one sync, or a few more when that much data would pass Excel on the
 *      web's 5 MB response limit (cells per sync are capped, never sheets per sync).
 */
import { MemorySheet, type GridCell, type StoredValue, type WorkbookGrid } from "../../core/grid";
import { LEDGER_SHEET } from "../marks/ledger";
import { parseAreas } from "../shared/address";
import type { ExcelEnv, ExcelFeatures } from "./env";

/** Cells in one block range: far under the 5,000,000 a single Office.js read may return. */
export const BLOCK_CELLS = 20_000;
/** Default cap of cells per sync (see ExcelEnv.maxCellsPerSync). */
export const MAX_CELLS_PER_SYNC = 85_000;
/** Rows per merged-areas read: a RangeAreas read fails past 512 areas, forms have a few per row. */
export const MERGE_BLOCK_ROWS = 150;

interface UsedArea {
  name: string;
  hidden: boolean;
  /** 0-based, as Office.js gives them; null for an empty sheet. */
  used: { row: number; col: number; rows: number; cols: number } | null;
}

interface Block {
  sheet: number;
  row: number;
  rows: number;
}

export async function readWorkbookGrid(
  env: ExcelEnv,
  features: ExcelFeatures,
  scope: "sheet" | "workbook",
): Promise<WorkbookGrid> {
  return env.run(async (context) => {
    // 1. Which sheets.
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const active = scope === "sheet" ? worksheets.getActiveWorksheet().load("name") : undefined;
    await context.sync();
    const chosen = worksheets.items.filter(
      (ws) => ws.name !== LEDGER_SHEET && (!active || ws.name === active.name),
    );

    // 2. Their used ranges. Values only: a column formatted down to row 1,048,576 would otherwise
    // make a million-row "used" range of empty cells; merges are read over the same rows, and a
    // merged area that only touches them is still returned whole.
    const usedRanges = chosen.map((ws) =>
      ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
    );
    await context.sync();
    const areas: UsedArea[] = chosen.map((ws, i) => {
      const used = usedRanges[i];
      return {
        name: ws.name,
        hidden: ws.visibility !== "Visible",
        used: used.isNullObject
          ? null
          : {
              row: used.rowIndex,
              col: used.columnIndex,
              rows: used.rowCount,
              cols: used.columnCount,
            },
      };
    });

    // 3. The cells, in row blocks, packed into as few syncs as the payload cap allows.
    const sheets = areas.map((area) => new MemorySheet(area.name, area.hidden));
    const blocks = cutBlocks(areas);
    const cap = Math.max(1, env.maxCellsPerSync ?? MAX_CELLS_PER_SYNC);
    let mergesQueued = false;
    const seen = sheets.map(() => new Set<string>());
    for (const batch of packBlocks(blocks, areas, cap)) {
      const loaded = batch.map((block) => {
        const used = areas[block.sheet].used!;
        const range = chosen[block.sheet]
          .getRangeByIndexes(block.row, used.col, block.rows, used.cols)
          .load("values,text,numberFormat,valueTypes");
        return { block, range };
      });
      const merges = mergesQueued ? [] : queueMergeReads(chosen, areas, features);
      mergesQueued = true;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one per ~4 MB, not per sheet
      await context.sync();
      for (const { block, range } of loaded) {
        fillBlock(sheets[block.sheet], areas[block.sheet].used!, block, range);
      }
      for (const { sheet, areas: merged } of merges) {
        if (merged.isNullObject) continue;
        addMerges(sheets[sheet], merged.address, seen[sheet]);
      }
    }
    return { sheets };
  });
}

/** Row blocks of at most BLOCK_CELLS cells (at least one row), sheet by sheet. */
function cutBlocks(areas: readonly UsedArea[]): Block[] {
  const blocks: Block[] = [];
  areas.forEach((area, sheet) => {
    if (!area.used) return;
    const rowsPerBlock = Math.max(1, Math.floor(BLOCK_CELLS / area.used.cols));
    for (let row = 0; row < area.used.rows; row += rowsPerBlock) {
      blocks.push({
        sheet,
        row: area.used.row + row,
        rows: Math.min(rowsPerBlock, area.used.rows - row),
      });
    }
  });
  return blocks;
}

/** Consecutive blocks into syncs of at most `cap` cells (a block larger than cap goes alone). */
function packBlocks(blocks: readonly Block[], areas: readonly UsedArea[], cap: number): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const block of blocks) {
    const size = block.rows * areas[block.sheet].used!.cols;
    if (current.length > 0 && cells + size > cap) {
      batches.push(current);
      current = [];
      cells = 0;
    }
    current.push(block);
    cells += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function queueMergeReads(
  worksheets: readonly Excel.Worksheet[],
  areas: readonly UsedArea[],
  features: ExcelFeatures,
): Array<{ sheet: number; areas: Excel.RangeAreas }> {
  // Without ExcelApi 1.13 there is no way to list merged areas short of one read per cell;
  // capabilities() says the grid is read without merges then.
  if (!features.mergedAreas) return [];
  const reads: Array<{ sheet: number; areas: Excel.RangeAreas }> = [];
  areas.forEach((area, sheet) => {
    if (!area.used) return;
    for (let row = 0; row < area.used.rows; row += MERGE_BLOCK_ROWS) {
      const range = worksheets[sheet].getRangeByIndexes(
        area.used.row + row,
        area.used.col,
        Math.min(MERGE_BLOCK_ROWS, area.used.rows - row),
        area.used.cols,
      );
      reads.push({ sheet, areas: range.getMergedAreasOrNullObject().load("address") });
    }
  });
  return reads;
}

/** Adds each merged area once: an area crossing two merge blocks is reported by both. */
export function addMerges(sheet: MemorySheet, address: string, seen: Set<string>): void {
  for (const { range } of parseAreas(address)) {
    if (range.top === range.bottom && range.left === range.right) continue;
    const key = `${range.top},${range.left},${range.bottom},${range.right}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sheet.addMerge(range);
  }
}

function fillBlock(
  sheet: MemorySheet,
  used: NonNullable<UsedArea["used"]>,
  block: Block,
  range: Excel.Range,
): void {
  const { values, text, numberFormat, valueTypes } = range;
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < used.cols; c++) {
      const cell = toGridCell(
        values[r]?.[c],
        text[r]?.[c],
        numberFormat[r]?.[c],
        valueTypes[r]?.[c],
      );
      if (cell) sheet.set(block.row + r + 1, used.col + c + 1, cell);
    }
  }
}

/**
 * One cell as the grid holds it. Office.js gives errors as their text ("#DIV/0!"); the value type
 * tells them from a text that merely looks like one. "General" is no number format, as in the
 * xlsx reader.
 */
export function toGridCell(
  value: unknown,
  text: unknown,
  numberFormat: unknown,
  valueType: unknown,
): GridCell | undefined {
  let stored: StoredValue;
  if (valueType === "Empty" || value === null || value === undefined) stored = null;
  else if (valueType === "Error") stored = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") {
    stored = value;
  } else stored = String(value);
  if (stored === "" && valueType !== "String") stored = null;
  const shown = typeof text === "string" ? text : "";
  if (stored === null && shown === "") return undefined;
  const cell: GridCell = { value: stored, text: shown };
  if (typeof numberFormat === "string" && numberFormat !== "" && numberFormat !== "General") {
    cell.numFmt = numberFormat;
  }
  return cell;
}
