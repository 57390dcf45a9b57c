/**
 * Decisions about drawing a template spec that do not depend on the host: which style a merged
 * area takes, which border lines a styled range gets, how print title rows are written. The Excel
 * (Office.js) and WPS (ET) renderers both follow them, so the two draw the same sheet.
 */
import type { CellRange } from "../../core/grid";
import type { CellStyle, TemplateCell, TemplateSpec } from "../../core/templates/spec";
import { parseRange } from "./address";

export interface MergePlan {
  /** "B3:D3" as in the spec. */
  address: string;
  area: CellRange;
  rows: number;
  cols: number;
  /** The cell at the top left whose style the whole area takes (a merged range prints its border
   * from every cell it covers), or undefined when the spec has no cell there. */
  master: TemplateCell | undefined;
}

export function mergePlans(spec: TemplateSpec): MergePlan[] {
  const byAddress = new Map(spec.cells.map((cell) => [cell.address, cell]));
  return spec.merges.map((address) => {
    const area = parseRange(address);
    if (!area) throw new Error(`模板合并区域无效：${address}`);
    return {
      address,
      area,
      rows: area.bottom - area.top + 1,
      cols: area.right - area.left + 1,
      master: byAddress.get(address.split(":")[0] ?? ""),
    };
  });
}

export type BorderLine =
  "top" | "bottom" | "left" | "right" | "insideHorizontal" | "insideVertical";

/** Thin lines round a range, and between its cells where it has more than one row or column. */
export function borderLines(rows: number, cols: number): BorderLine[] {
  const lines: BorderLine[] = ["top", "bottom", "left", "right"];
  if (rows > 1) lines.push("insideHorizontal");
  if (cols > 1) lines.push("insideVertical");
  return lines;
}

/** "1:2" → "$1:$2", as print title rows are written. */
export function absoluteRows(rows: string): string {
  return rows
    .split(":")
    .map((part) => `$${part.replace(/\$/g, "")}`)
    .join(":");
}

/** The host calls drawing cells and merges needs; `R` is the host's range object. */
export interface CellPainter<R> {
  range(address: string): R;
  style(
    range: R,
    style: CellStyle,
    numFmt: TemplateCell["numFmt"],
    rows: number,
    cols: number,
  ): void;
  formula(range: R, formula: string): void;
  value(range: R, value: NonNullable<TemplateCell["value"]>): void;
  merge(range: R): void;
}

/**
 * Every cell of the spec (style, then its formula or value), then every merged area (the master's
 * style over all of it, then the merge), in the order both hosts draw them.
 */
export function paintCellsAndMerges<R>(spec: TemplateSpec, paint: CellPainter<R>): void {
  for (const cell of spec.cells) {
    const range = paint.range(cell.address);
    paint.style(range, spec.styles[cell.role], cell.numFmt, 1, 1);
    if (cell.formula !== undefined) paint.formula(range, `=${cell.formula}`);
    else if (cell.value !== undefined) paint.value(range, cell.value);
  }

  // A merged range prints its border from every cell it covers, so all get the master's style.
  for (const merge of mergePlans(spec)) {
    const range = paint.range(merge.address);
    if (merge.master) {
      paint.style(
        range,
        spec.styles[merge.master.role],
        merge.master.numFmt,
        merge.rows,
        merge.cols,
      );
    }
    paint.merge(range);
  }
}
