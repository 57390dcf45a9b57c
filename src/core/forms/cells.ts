/**
 * Reading form fields from a grid, shared by the project form and the department 评分表 detectors:
 * a cell as a Field, through merges, and the value to the right of a label.
 */
import { toA1, type GridCell, type SheetGrid } from "../grid";
import type { Field } from "./model";

export function toField(row: number, col: number, cell: GridCell): Field {
  const field: Field = { address: toA1(row, col), text: cell.text };
  // NaN or an infinity (a damaged file, another host) is no number to compute with.
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) field.numeric = cell.value;
  return field;
}

/**
 * The cell at (row, col). A cell hidden under a merge reads the merge's top-left when that merge
 * starts on this row (horizontal merges), or always with `anyMerge` (vertical merges, e.g. one
 * explanation for several indicator rows).
 */
export function fieldAt(sheet: SheetGrid, row: number, col: number, anyMerge = false): Field {
  const cell = sheet.cell(row, col);
  if (cell && cell.text !== "") return toField(row, col, cell);
  const merge = sheet.mergeAt(row, col);
  if (merge && (merge.top !== row || merge.left !== col) && (anyMerge || merge.top === row)) {
    const master = sheet.cell(merge.top, merge.left);
    if (master) return toField(merge.top, merge.left, master);
  }
  return cell ? toField(row, col, cell) : { address: toA1(row, col), text: "" };
}

/**
 * The next non-empty cell right of a label, skipping the label's own merge; stops at a column
 * `stopsAt` names (another label on the row). An empty Field just right of the label when none.
 */
export function nextValueRight(
  sheet: SheetGrid,
  row: number,
  col: number,
  stopsAt: (col: number) => boolean = () => false,
): Field {
  const start = (sheet.mergeAt(row, col)?.right ?? col) + 1;
  for (const c of sheet.usedCols(row)) {
    if (c < start) continue;
    if (stopsAt(c)) break;
    const cell = sheet.cell(row, c);
    if (cell && cell.text.trim() !== "") return toField(row, c, cell);
  }
  return { address: toA1(row, start), text: "" };
}
