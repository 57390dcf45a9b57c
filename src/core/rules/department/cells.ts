import type { Field } from "../../forms/model";
import type { DepartmentForm } from "../../forms/department";
import { excerpt, printedNumber, readNumber } from "../fields";

/** Shared readers of the department rules: which cells hold numbers, and what they hold. */

export interface DepartmentNumberCell {
  field: Field;
  /** The cell in words for a message. */
  what: string;
}

/** Every cell of a 评分表 that must hold a number: the 参考分值 of each level, 自评得分, the total. */
export function departmentNumberCells(form: DepartmentForm): DepartmentNumberCell[] {
  const cells: DepartmentNumberCell[] = [];
  for (const group of form.level1) {
    cells.push({ field: group.weight, what: `一级指标“${nameOf(group.name)}”的参考分值` });
  }
  for (const group of form.level2) {
    cells.push({ field: group.weight, what: `二级指标“${nameOf(group.name)}”的参考分值` });
  }
  for (const row of form.rows) {
    cells.push({ field: row.weight, what: `指标“${nameOf(row.name)}”的参考分值` });
    cells.push({ field: row.score, what: `指标“${nameOf(row.name)}”的自评得分` });
  }
  for (const subtotal of form.subtotals) {
    if (subtotal.score)
      cells.push({ field: subtotal.score, what: `${nameOf(subtotal.label)}的自评得分` });
  }
  if (form.total?.weight) cells.push({ field: form.total.weight, what: "合计的参考分值" });
  if (form.total?.score) cells.push({ field: form.total.score, what: "合计的自评得分" });
  // Cells several levels share (a merged 参考分值) are listed once.
  const seen = new Set<string>();
  return cells.filter((cell) => !seen.has(cell.field.address) && seen.add(cell.field.address));
}

export function nameOf(field: Field): string {
  return excerpt(field.text.replace(/\s+/g, " ").trim());
}

/** The number a cell holds (typed as text or not), or undefined. */
export function valueOf(field: Field | undefined): number | undefined {
  return printedNumber(field)?.value;
}

/** Half a unit of the cell's printed precision: how far its number may be from the exact one. */
export function halfUnit(field: Field | undefined): number {
  const parsed = readNumber(field);
  return parsed.ok ? 0.5 * 10 ** -Math.min(parsed.decimals, 6) : 0;
}

/** Sum of the numbers, or undefined when one is missing. */
export function sumOf(fields: readonly Field[]): number | undefined {
  let sum = 0;
  for (const field of fields) {
    const value = valueOf(field);
    if (value === undefined) return undefined;
    sum += value;
  }
  return Math.round(sum * 1e6) / 1e6;
}
