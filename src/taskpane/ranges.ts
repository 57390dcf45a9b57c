/**
 * Which detected forms an edit touches, for the live re-check: an edit re-checks a form only when
 * it meets the form's range on the same sheet (a note typed beside the form re-checks nothing).
 */
import { fromA1, type CellRange } from "../core/grid";
import type { CellEdit } from "../hosts/types";

/** "A1:H30" (or one cell "D7", or whole columns/rows "D:D" / "7:9") as a range; undefined if odd. */
export function parseRange(address: string): CellRange | undefined {
  // Hosts may qualify the address with the sheet ("'表 1'!D7") and use $ anchors.
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.replace(/\$/g, "").trim().split(":");
  const cols = /^([A-Za-z]{1,3})$/;
  const rows = /^(\d+)$/;
  if (cols.test(from) && cols.test(to)) {
    const left = fromA1(`${from}1`)?.col;
    const right = fromA1(`${to}1`)?.col;
    if (left === undefined || right === undefined) return undefined;
    return normalised({ top: 1, left, bottom: Number.MAX_SAFE_INTEGER, right });
  }
  if (rows.test(from) && rows.test(to)) {
    const top = Number(from);
    const bottom = Number(to);
    return normalised({ top, left: 1, bottom, right: Number.MAX_SAFE_INTEGER });
  }
  const a = fromA1(from);
  const b = fromA1(to);
  if (a === undefined || b === undefined) return undefined;
  return normalised({ top: a.row, left: a.col, bottom: b.row, right: b.col });
}

function normalised(range: CellRange): CellRange {
  return {
    top: Math.min(range.top, range.bottom),
    bottom: Math.max(range.top, range.bottom),
    left: Math.min(range.left, range.right),
    right: Math.max(range.left, range.right),
  };
}

export function rangesMeet(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A form as the live re-check needs it: where it is. */
export interface PlacedForm {
  sheet: string;
  range: string;
}

/**
 * The sheets whose forms the edits touch, in the order the forms are listed. An edit address the
 * pane cannot read counts as touching every form of its sheet: re-checking too often is cheaper
 * than showing stale findings.
 */
export function sheetsTouched(edits: readonly CellEdit[], forms: readonly PlacedForm[]): string[] {
  const touched = new Set<string>();
  for (const form of forms) {
    if (touched.has(form.sheet)) continue;
    const range = parseRange(form.range);
    const hit = edits.some((edit) => {
      if (edit.sheet !== form.sheet) return false;
      const edited = parseRange(edit.address);
      return range === undefined || edited === undefined || rangesMeet(range, edited);
    });
    if (hit) touched.add(form.sheet);
  }
  return [...touched];
}
