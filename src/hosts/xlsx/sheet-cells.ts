// Gives cells of a worksheet part a new format index (s=""), touching nothing else in the part.
// A cell the part does not list yet (an empty cell) is inserted in its row, in column order.
import { fromA1, toA1 } from "../../core/grid";
import {
  appendChildren,
  applyEdits,
  attr,
  children,
  firstChild,
  prefixOf,
  replaceStartTag,
  rootElement,
  startTag,
  withAttr,
  withoutAttr,
  XmlStructureError,
  type XmlEdit,
  type XmlElement,
} from "./xml-scan";

export interface CellRestyle {
  readonly row: number;
  readonly col: number;
  /** The new format index, from the format the cell shows now. */
  readonly style: (current: number) => number;
}

interface Indexed {
  readonly el: XmlElement;
  readonly index: number;
}

/** Rows or cells with their 1-based index: written (r="") or implied (one after the previous). */
function indexed(
  xml: string,
  els: XmlElement[],
  indexOf: (r: string) => number | undefined,
): Indexed[] {
  let previous = 0;
  return els.map((el) => {
    const r = attr(startTag(xml, el), "r");
    const written = r === undefined ? undefined : indexOf(r);
    const index = written ?? previous + 1;
    previous = index;
    return { el, index };
  });
}

const truthy = (value: string | undefined) => value === "1" || value === "true";

export function restyleCells(xml: string, changes: readonly CellRestyle[]): string {
  if (changes.length === 0) return xml;
  const root = rootElement(xml);
  const sheetData = firstChild(xml, root, "sheetData");
  if (!sheetData) throw new XmlStructureError("worksheet without <sheetData>");
  const p = prefixOf(sheetData);
  const rows = indexed(
    xml,
    children(xml, sheetData).filter((el) => el.local === "row"),
    (r) => (/^\d+$/.test(r) ? Number(r) : undefined),
  );
  const rowAt = new Map(rows.map((row) => [row.index, row]));
  const colStyle = columnStyles(xml, root);

  // Start tags to rewrite (keyed by element offset, so one element gets one edit) and insertions.
  const tags = new Map<number, { el: XmlElement; tag: string }>();
  const retag = (el: XmlElement, change: (tag: string) => string) => {
    const current = tags.get(el.start)?.tag ?? startTag(xml, el);
    tags.set(el.start, { el, tag: change(current) });
  };
  const inserts: XmlEdit[] = [];
  const newRows = new Map<number, string[]>();
  const added: Array<{ row: number; col: number }> = [];

  const byRow = new Map<number, CellRestyle[]>();
  for (const change of changes) byRow.set(change.row, [...(byRow.get(change.row) ?? []), change]);

  for (const [rowIndex, rowChanges] of byRow) {
    rowChanges.sort((a, b) => a.col - b.col);
    const row = rowAt.get(rowIndex);
    if (!row) {
      // A row the part does not list: new empty cells, formatted from their column.
      newRows.set(
        rowIndex,
        rowChanges.map((c) => {
          added.push(c);
          return `<${p}c r="${toA1(c.row, c.col)}" s="${c.style(colStyle(c.col))}"/>`;
        }),
      );
      continue;
    }
    const rowTag = startTag(xml, row.el);
    const rowBase = truthy(attr(rowTag, "customFormat")) ? Number(attr(rowTag, "s")) || 0 : -1;
    const cells = indexed(
      xml,
      children(xml, row.el).filter((el) => el.local === "c"),
      (r) => fromA1(r)?.col,
    );
    const tail: string[] = [];
    let grows = false;
    for (const change of rowChanges) {
      const cell = cells.find((c) => c.index === change.col);
      if (cell) {
        retag(cell.el, (tag) =>
          withAttr(tag, "s", String(change.style(Number(attr(tag, "s")) || 0))),
        );
        continue;
      }
      added.push(change);
      grows = true;
      const base = rowBase >= 0 ? rowBase : colStyle(change.col);
      const inserted = `<${p}c r="${toA1(change.row, change.col)}" s="${change.style(base)}"/>`;
      const next = cells.find((c) => c.index > change.col);
      if (!next) {
        tail.push(inserted);
        continue;
      }
      // The next cell has r="" (an implied position is one after its predecessor, so it cannot
      // follow a gap): inserting before it moves nothing.
      inserts.push({ at: next.el.start, remove: 0, insert: inserted });
    }
    // spans="" is a hint of the columns a row uses; dropped rather than left wrong.
    if (grows) retag(row.el, (tag) => withoutAttr(tag, "spans"));
    if (tail.length > 0) {
      if (row.el.selfClosing) {
        // The row's start tag is rewritten with the cells: one edit for the whole element.
        const tag = tags.get(row.el.start)?.tag ?? rowTag;
        tags.delete(row.el.start);
        const open = `${tag.slice(0, -2).replace(/\s+$/, "")}>`;
        inserts.push({
          at: row.el.start,
          remove: row.el.end - row.el.start,
          insert: `${open}${tail.join("")}</${row.el.name}>`,
        });
      } else {
        inserts.push({ at: row.el.closeStart, remove: 0, insert: tail.join("") });
      }
    }
  }

  const edits: XmlEdit[] = [...inserts];
  const rowsAtEnd: string[] = [];
  for (const rowIndex of [...newRows.keys()].sort((a, b) => a - b)) {
    const element = `<${p}row r="${rowIndex}">${newRows.get(rowIndex)!.join("")}</${p}row>`;
    const next = rows.find((r) => r.index > rowIndex);
    if (!next) {
      rowsAtEnd.push(element);
      continue;
    }
    edits.push({ at: next.el.start, remove: 0, insert: element });
  }
  if (rowsAtEnd.length > 0) edits.push(...appendChildren(xml, sheetData, rowsAtEnd.join("")));
  for (const { el, tag } of tags.values()) edits.push(replaceStartTag(el, tag));
  const dimension = dimensionEdit(xml, root, added);
  if (dimension) edits.push(dimension);
  return applyEdits(xml, edits);
}

/** The format of an empty cell in each column (<col style="">), 0 when none. */
function columnStyles(xml: string, root: XmlElement): (col: number) => number {
  const cols = children(xml, root)
    .filter((el) => el.local === "cols")
    .flatMap((el) => children(xml, el).filter((c) => c.local === "col"))
    .map((el) => {
      const tag = startTag(xml, el);
      return {
        min: Number(attr(tag, "min")),
        max: Number(attr(tag, "max")),
        style: Number(attr(tag, "style")) || 0,
      };
    });
  return (col) => cols.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
}

/** <dimension ref=""> widened to the inserted cells (readers may trust it for the used area). */
function dimensionEdit(
  xml: string,
  root: XmlElement,
  added: ReadonlyArray<{ row: number; col: number }>,
): XmlEdit | undefined {
  if (added.length === 0) return undefined;
  const dimension = firstChild(xml, root, "dimension");
  if (!dimension) return undefined;
  const tag = startTag(xml, dimension);
  const [first, last = first] = (attr(tag, "ref") ?? "").split(":").map((a) => fromA1(a));
  if (!first || !last) return undefined;
  let [top, left, bottom, right] = [first.row, first.col, last.row, last.col];
  for (const cell of added) {
    top = Math.min(top, cell.row);
    bottom = Math.max(bottom, cell.row);
    left = Math.min(left, cell.col);
    right = Math.max(right, cell.col);
  }
  const ref =
    top === bottom && left === right
      ? toA1(top, left)
      : `${toA1(top, left)}:${toA1(bottom, right)}`;
  return replaceStartTag(dimension, withAttr(tag, "ref", ref));
}
